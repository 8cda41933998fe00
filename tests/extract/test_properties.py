"""Laws of ``parse``: total on any text, spans inside the file, line ends irrelevant."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srclint.extract import parse
from srclint.extract.spans import LineIndex, normalize_newlines
from srclint.model import Document, Span

PIECES = [
    *"ab >*_[]()<>!`\"'“”‘’:—-#|\n\r\t\\&;^@.,~=",
    "https://x.example/a(b)", "<!-- srclint-source: http://u.example -->", "<!-- ", " -->",
    "[^1]", "[^1]: ", '<a href="u">', "</a>", '<blockquote cite="c">', "</blockquote>",
    "😀", "漢字", "\ufeff", "&amp;", "&#8220;", "```", "    ", "---\n", "1. ", "* ", "> ",
    "Yudkowsky: ", " writes ", "word ", "[t](u)", "[r]: http://r.example\n", "— Name",
    "\u200b", "\x00", "\r\n",
]
MARKDOWNISH = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def spans(document: Document) -> list[Span]:
    found = [link.span for link in document.links]
    found += [d.span for d in document.directives] + [h.span for h in document.headings]
    for citation in document.citations:
        for part in (citation.quote, citation.link, citation.claim):
            if part is not None:
                found.append(part.span)
    return found


def assert_spans_inside(text: str, document: Document) -> None:
    lines = normalize_newlines(text).split("\n")
    for span in spans(document):
        assert 1 <= span.line <= span.end_line <= len(lines), span
        assert 1 <= span.column <= len(lines[span.line - 1]) + 1, span
        assert 1 <= span.end_column <= len(lines[span.end_line - 1]) + 1, span
        assert (span.line, span.column) <= (span.end_line, span.end_column), span


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(MARKDOWNISH)
def test_total_on_markdownish_text(text: str) -> None:
    assert_spans_inside(text, parse("f.md", text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_total_on_any_text(text: str) -> None:
    assert_spans_inside(text, parse("f.md", text))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(MARKDOWNISH)
def test_line_ends_and_bom_do_not_move_spans(text: str) -> None:
    unix = normalize_newlines(text)
    expected = parse("f.md", unix)
    assert parse("f.md", unix.replace("\n", "\r\n")) == expected
    assert parse("f.md", "\ufeff" + unix) == expected


WORDS = st.lists(st.sampled_from(["alpha", "漢字", "😀", "beta,", "gamma.", "*em*", "x"]),
                 max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(WORDS, WORDS, st.sampled_from(["", "> ", "* ", "1. ", "> * "]))
def test_bare_url_span_is_exact(before: str, after: str, prefix: str) -> None:
    url = "https://a.example/path_(x)?q=1"
    text = f"{prefix}{before} {url} {after}".rstrip()
    document = parse("f.md", text)
    bare = [link for link in document.links if link.url == url]
    assert len(bare) == 1
    assert LineIndex(text).text_at(bare[0].span) == url

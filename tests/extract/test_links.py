"""Every kind of link, bare URLs' trailing punctuation, and link text."""

from __future__ import annotations

import pytest

from srclint.extract import parse
from srclint.extract.links import trim_bare_url
from srclint.model import LinkKind

# (markdown, expected [(url, text, kind)])
LINKS = [
    ("[text](https://a.example/x)", [("https://a.example/x", "text", LinkKind.INLINE)]),
    ('[text](https://a.example/x "Tip")', [("https://a.example/x", "text", LinkKind.INLINE)]),
    ("[text][ref]\n\n[ref]: https://a.example/r",
     [("https://a.example/r", "text", LinkKind.REFERENCE)]),
    ("[ref][]\n\n[ref]: https://a.example/r", [("https://a.example/r", "ref", LinkKind.REFERENCE)]),
    ("[ref]\n\n[ref]: https://a.example/r", [("https://a.example/r", "ref", LinkKind.REFERENCE)]),
    ("<https://a.example/x>", [("https://a.example/x", "https://a.example/x", LinkKind.AUTOLINK)]),
    ("see https://a.example/x.", [("https://a.example/x", "https://a.example/x", LinkKind.BARE)]),
    ("[rel](../other.md#part)", [("../other.md#part", "rel", LinkKind.INLINE)]),
    ("[frag](#heading)", [("#heading", "frag", LinkKind.INLINE)]),
    ("Note.[^1]\n\n[^1]: See [paper](https://a.example/p).",
     [("https://a.example/p", "paper", LinkKind.FOOTNOTE)]),
    ("Note.[^1]\n\n[^1]: https://a.example/p",
     [("https://a.example/p", "https://a.example/p", LinkKind.FOOTNOTE)]),
    ('an <a href="https://a.example/h">html link</a> here',
     [("https://a.example/h", "html link", LinkKind.HTML)]),
    ('<p>block <a href="https://a.example/h">html</a></p>',
     [("https://a.example/h", "html", LinkKind.HTML)]),
    ('<blockquote cite="https://a.example/c">\n<p>Some quoted words here.</p>\n</blockquote>',
     [("https://a.example/c", "", LinkKind.HTML)]),
    ("[*emph* text](https://a.example/x)", [("https://a.example/x", "emph text", LinkKind.INLINE)]),
    ("[t](<https://a.example/with space>)",
     [("https://a.example/with space", "t", LinkKind.INLINE)]),
    ("[t](https://a.example/ü)", [("https://a.example/ü", "t", LinkKind.INLINE)]),
    ("`https://in.code/x` and\n\n```\nhttps://in.fence/x\n```", []),
    ("<!-- https://in.comment/x -->", []),
    ("![alt](https://a.example/img.png)", []),
    ("[a](https://a.example/1) and https://a.example/2",
     [("https://a.example/1", "a", LinkKind.INLINE),
      ("https://a.example/2", "https://a.example/2", LinkKind.BARE)]),
    ("> quoted https://a.example/q", [("https://a.example/q", "https://a.example/q",
                                       LinkKind.BARE)]),
    ("| a | https://a.example/t |\n|---|---|", [("https://a.example/t", "https://a.example/t",
                                                 LinkKind.BARE)]),
    ("https://a.example/a\\_b", [("https://a.example/a_b", "https://a.example/a_b",
                                  LinkKind.BARE)]),
]


@pytest.mark.parametrize(("markdown", "expected"), LINKS)
def test_links(markdown: str, expected: list[tuple[str, str, LinkKind]]) -> None:
    links = parse("d.md", markdown).links
    assert [(link.url, link.text, link.kind) for link in links] == expected


# (bare URL as matched, URL once sentence punctuation is given back)
TRIMMED = [
    ("https://a.example/x.", "https://a.example/x"),
    ("https://a.example/x),", "https://a.example/x"),
    ("https://en.wikipedia.org/wiki/Bias_(statistics)",
     "https://en.wikipedia.org/wiki/Bias_(statistics)"),
    ("https://en.wikipedia.org/wiki/Bias_(statistics))",
     "https://en.wikipedia.org/wiki/Bias_(statistics)"),
    ("https://a.example/x;:!?", "https://a.example/x"),
    ("https://a.example/x'", "https://a.example/x"),
    ("https://a.example/?q=1&r=2", "https://a.example/?q=1&r=2"),
    ("https://a.example/x]", "https://a.example/x"),
]


@pytest.mark.parametrize(("url", "expected"), TRIMMED)
def test_trim_bare_url(url: str, expected: str) -> None:
    assert trim_bare_url(url) == expected


# (markdown, expected source text under the link's span)
LINK_SOURCE = [
    ("a [t](https://a.example) b", "[t](https://a.example)"),
    ("a [t][r] b\n\n[r]: https://a.example", "[t][r]"),
    ("a <https://a.example> b", "<https://a.example>"),
    ("(see https://a.example/x_(y)).", "https://a.example/x_(y)"),
    ("a https://a.example/a\\_b c", "https://a.example/a\\_b"),
    ("x <a href='https://a.example'>t</a> y", "<a href='https://a.example'>t</a>"),
    ("> <p><a href='https://a.example'>t\n> u</a></p>", "<a href='https://a.example'>t\n> u</a>"),
    ("one\n\ntext^[a note with [l](https://a.example) inside] end", "[l](https://a.example)"),
    ("Notes on https://a.example/p —", "https://a.example/p"),
    ("(https://a.example/p)—notes", "https://a.example/p"),
]


@pytest.mark.parametrize(("markdown", "expected"), LINK_SOURCE)
def test_link_span_covers_the_link(markdown: str, expected: str) -> None:
    from srclint.extract.spans import LineIndex

    (link,) = parse("d.md", markdown).links
    assert LineIndex(markdown).text_at(link.span) == expected

from __future__ import annotations

import pytest
from recorded import answer, body

from srclint.model import Author, FetchStatus
from srclint.sources import html

PAGE = "https://example.com/2024/careful-quoter?utm_source=x"


def _page(name: str, ctype: str = "text/html; charset=utf-8", url: str = PAGE):  # type: ignore[no-untyped-def]
    return html.parse(url, answer(url, body(name), content_type=ctype))


def test_json_ld_article() -> None:
    source = _page("article_jsonld.html")
    assert source is not None
    assert source.title == "The Careful Quoter"  # JSON-LD headline beats og:title and <title>
    assert source.authors == (Author("Jane Doe", "janedoe"),)  # + twitter:creator handle
    assert source.published == "2024-03-01T08:00:00Z"
    assert source.canonical_url == "https://example.com/2024/careful-quoter"
    assert source.complete and source.adapter == "html"


def test_visible_text_drops_chrome_and_hidden_elements_and_keeps_paragraphs() -> None:
    source = _page("article_jsonld.html")
    assert source is not None
    assert source.text == (
        "The Careful Quoter\n\nBy Jane Doe\n\n"
        "She said the words exactly, and wrote them down.\n\n"
        "Second paragraph with a line\nbreak."
    )


def test_highwire_tags_and_profile_urls_skipped() -> None:
    source = _page("article_highwire.html")
    assert source is not None
    assert source.title == "A Study of Quotations"
    assert source.authors == (Author("Curie, Marie"), Author("Pierre Curie"))
    assert source.published == "2020/05/17"


def test_article_author_skips_profile_urls_and_title_suffix_is_stripped() -> None:
    source = _page("article_meta_author.html")
    assert source is not None
    assert source.authors == (Author("Alex Writer"),)
    assert source.title == "Plain Page Title"
    assert source.text == "Heading\n\nBody text here."


def test_title_suffix_and_twitter_creator_alone() -> None:
    source = _page("title_only.html")
    assert source is not None
    assert source.title == "Notes on citing"
    assert source.authors == (Author("solo_handle", "solo_handle"),)


def test_charset_from_meta_when_the_header_has_none() -> None:
    source = _page("latin1_meta_charset.html", ctype="text/html")
    assert source is not None
    assert source.title == "Café"
    assert source.text == "Un café crème, s'il vous plaît."


def test_charset_from_header_wins() -> None:
    page = "<html><head><meta charset='utf-8'><title>x</title></head><p>caf\xe9</p></html>"
    source = html.parse(
        PAGE, answer(PAGE, page.encode("cp1252"), content_type="text/html; charset=windows-1252")
    )
    assert source is not None and source.text == "café"


def test_plain_text_page() -> None:
    source = _page("plain.txt", ctype="text/plain; charset=utf-8")
    assert source is not None
    assert source.text == "Plain text document.\n\nSecond paragraph."
    assert source.title is None


def test_final_url_is_the_canonical_without_a_link_tag() -> None:
    page = b"<html><body><p>Moved here.</p></body></html>"
    fetched = answer(
        "http://a.example/old", page, content_type="text/html", final_url="https://a.example/new"
    )
    source = html.parse("http://a.example/old", fetched)
    assert source is not None and source.canonical_url == "https://a.example/new"


@pytest.mark.parametrize(
    ("content", "ctype", "http_status"),
    [
        (b"<html>Not found</html>", "text/html", 404),
        (b"", "text/html", 200),  # a HEAD answer
        (b"\x89PNG....", "image/png", 200),
    ],
)
def test_no_page_to_read(content: bytes, ctype: str, http_status: int) -> None:
    assert (
        html.parse(PAGE, answer(PAGE, content, content_type=ctype, http_status=http_status)) is None
    )


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Post title | Site", None, "Post title"),
        ("Post title - Site Name", None, "Post title"),
        ("Post title — The Example Times", "The Example Times", "Post title"),
        ("Post title · GitHub", None, "Post title"),
        (
            "Spider-Man - a review of the long film that everyone saw",
            None,
            "Spider-Man - a review of the long film that everyone saw",
        ),
        ("Just a title", None, "Just a title"),
        ("A - B", None, "A - B"),
    ],
)
def test_strip_site_suffix(title: str, site: str | None, expected: str) -> None:
    assert html.strip_site_suffix(title, site) == expected


def test_html_to_text_of_a_fragment() -> None:
    assert (
        html.html_to_text("<p>One &amp; two</p><p>Three<br/>four</p>") == "One & two\n\nThree\nfour"
    )


def test_deeply_nested_page_does_not_recurse() -> None:
    page = "<div>" * 3000 + "deep" + "</div>" * 3000
    assert html.html_to_text(page) == "deep"


def test_status_is_ok() -> None:
    source = _page("article_meta_author.html")
    assert source is not None and source.status is FetchStatus.OK


def test_json_ld_author_by_reference_and_entities() -> None:
    source = _page("article_yoast.html", url="https://blog.example/why-sources/")
    assert source is not None
    assert source.title == "Why sources matter"
    assert source.authors == (Author("Robin Blogger"),)
    assert source.published == "2023-05-02T10:00:00+00:00"


def test_og_title_loses_a_known_site_suffix() -> None:
    page = (
        b'<html><head><meta property="og:site_name" content="A Small Blog">'
        b'<meta property="og:title" content="Why sources matter | A Small Blog"></head></html>'
    )
    source = html.parse(PAGE, answer(PAGE, page, content_type="text/html"))
    assert source is not None and source.title == "Why sources matter"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Footnote marks stay apart from the word they are glued to, as reference marks.
        ('<p>the outputs<sup class="footnote-ref"><a href="#fn1">[1]</a></sup> are</p>',
         "the outputs [1] are"),
        ('<p>fine.<sup><a href="#fn2">2</a></sup> Next</p>', "fine. [2] Next"),
        ('<p>a claim<sup class="reference">*</sup> here</p>', "a claim [*] here"),
        # An exponent is not a footnote.
        ("<p>x<sup>2</sup> grows</p>", "x2 grows"),
        # <q> is drawn with quotation marks.
        ("<p>he said <q>no</q> twice</p>", "he said “no” twice"),
    ],
)
def test_footnote_marks_and_inline_quotations(markup: str, expected: str) -> None:
    assert html.html_to_text(markup) == expected

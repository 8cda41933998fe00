"""Substack, Medium, PDF and Wayback: the adapters that read one post or document."""

from __future__ import annotations

import pytest
from recorded import answer, body, make_pdf

from srclint.model import Author, FetchStatus, Freshness
from srclint.sources import medium, pdf, substack, wayback

# --- substack ---------------------------------------------------------------------------

SUB = "https://example.substack.com/p/quoting-with-care"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (SUB, ("example.substack.com", "quoting-with-care")),
        (SUB + "?utm_source=twitter", ("example.substack.com", "quoting-with-care")),
        (SUB + "/", ("example.substack.com", "quoting-with-care")),
        ("https://example.substack.com/", None),
        ("https://example.substack.com/archive", None),
        ("https://substack.com/@someone", None),
        ("https://example.com/p/quoting-with-care", None),
    ],
)
def test_substack_urls(url: str, expected: tuple[str, str] | None) -> None:
    assert substack.slug(url) == expected


def test_substack_plan_is_api_then_page() -> None:
    assert [r.url for r in substack.plan(SUB)] == [
        "https://example.substack.com/api/v1/posts/quoting-with-care",
        SUB,
    ]


def test_substack_free_post() -> None:
    api = substack.api_url("example.substack.com", "quoting-with-care")
    source = substack.parse(SUB, answer(api, body("substack_post_free.json")))
    assert source is not None and source.complete
    assert source.title == "Quoting with care"
    assert source.authors == (Author("Sam Writer", "samwriter"),)
    assert source.published == "2024-02-01T12:00:00.000Z"
    assert source.text == "Every quotation deserves a source.\n\nWhy\n\nBecause readers check."
    assert source.canonical_url == SUB


def test_substack_paid_post_is_partial() -> None:
    url = "https://example.substack.com/p/members-only"
    source = substack.parse(
        url,
        answer(
            substack.api_url("example.substack.com", "members-only"),
            body("substack_post_paid.json"),
        ),
    )
    assert source is not None and not source.complete
    assert source.note.startswith("paywalled")
    assert source.status is FetchStatus.OK  # partial, not "not found"
    assert source.text == "The first paragraph is free."


def test_substack_failures() -> None:
    api = substack.api_url("example.substack.com", "quoting-with-care")
    gone = substack.parse(SUB, answer(api, body("substack_not_found.json"), http_status=404))
    assert gone is not None and gone.status is FetchStatus.NOT_FOUND
    assert (
        substack.parse(
            SUB,
            answer(
                api, b"<html>Too many requests</html>", http_status=429, content_type="text/html"
            ),
        )
        is None
    )


def test_substack_page_fallback() -> None:
    page = b"<html><title>Quoting with care - by Sam Writer</title><p>Every quotation.</p></html>"
    source = substack.parse(SUB, answer(SUB, page, content_type="text/html"))
    assert source is not None and source.adapter == "substack" and source.text == "Every quotation."


# --- medium -----------------------------------------------------------------------------

MED = "https://medium.com/@reader/reading-sources-closely-1a2b3c4d5e6f"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (MED, True),
        ("https://medium.com/some-publication/a-title-here-0123456789ab", True),
        ("https://reader.medium.com/a-title-here-0123456789ab", True),
        ("https://medium.com/p/0123456789ab", True),
        ("https://medium.com/@reader", False),
        ("https://medium.com/", False),
        ("https://notmedium.com/a-title-0123456789ab", False),
    ],
)
def test_medium_urls(url: str, expected: bool) -> None:
    assert medium.matches(url) is expected


def test_medium_plan_adds_format_json() -> None:
    assert [r.url for r in medium.plan(MED + "?source=rss")] == [
        MED + "?source=rss&format=json",
        MED + "?source=rss",
    ]


def test_medium_json_with_prefix() -> None:
    fetched = answer(medium.json_url(MED), body("medium_post.json.txt"))
    source = medium.parse(MED, fetched)
    assert source is not None and source.complete
    assert source.title == "Reading sources closely"
    assert source.authors == (Author("Rae Reader", "reader"),)
    assert source.published == "2024-02-01T12:00:00Z"
    assert source.text == (
        "Reading sources closely\n\nA quote is a promise to the reader.\n\nA figure caption."
        "\n\nCheck the words, then check the speaker."
    )
    assert source.canonical_url == MED


def test_medium_html_instead_of_json_is_unusable() -> None:
    fetched = answer(medium.json_url(MED), b"<html>Sign in</html>", content_type="text/html")
    assert medium.parse(MED, fetched) is None


# --- pdf --------------------------------------------------------------------------------


def test_pdf_matches_by_extension_and_reads_any_pdf_answer() -> None:
    assert pdf.matches("https://example.org/paper.PDF")
    assert not pdf.matches("https://example.org/paper.pdf.html")
    assert pdf.plan("https://example.org/paper.pdf")[0].url == "https://example.org/paper.pdf"


def test_pdf_text_hyphenation_and_metadata() -> None:
    document = make_pdf(
        [
            [
                "Quotations must be checked care-",
                "fully against the source.",
                "Smith-",
                "Jones wrote it.",
            ],
            ["Second page."],
        ],
        title="On Checking",
        author="Ann Author; Ben Author",
    )
    url = "https://example.org/paper.pdf"
    source = pdf.parse(url, answer(url, document, content_type="application/pdf"))
    assert source is not None and source.complete
    assert "Quotations must be checked carefully against the source." in source.text
    assert "Smith-\nJones" in source.text  # a capital after the break: not a split word
    assert source.text.endswith("\n\nSecond page.")
    assert source.title == "On Checking"
    assert source.authors == (Author("Ann Author"), Author("Ben Author"))


def test_pdf_sniffed_without_content_type() -> None:
    document = make_pdf([["Sniffed."]])
    source = pdf.parse(
        "https://example.org/x",
        answer("https://example.org/x", document, content_type="application/octet-stream"),
    )
    assert source is not None and source.text == "Sniffed."


def test_damaged_pdf_is_incomplete_not_missing() -> None:
    url = "https://example.org/broken.pdf"
    source = pdf.parse(url, answer(url, b"%PDF-1.4\ngarbage", content_type="application/pdf"))
    assert source is not None and not source.complete and source.text == ""
    assert source.note


def test_pdf_url_answering_html_is_read_as_a_page() -> None:
    url = "https://example.org/paper.pdf"
    source = pdf.parse(
        url,
        answer(url, b"<html><title>Log in</title><p>Log in.</p></html>", content_type="text/html"),
    )
    assert source is not None and source.adapter == "html"


def test_join_hyphenated() -> None:
    assert pdf.join_hyphenated("quo-\ntation and Anglo-\nSaxon and 1990-\n2000") == (
        "quotation and Anglo-\nSaxon and 1990-\n2000"
    )


# --- wayback ----------------------------------------------------------------------------

SNAP = "https://web.archive.org/web/20130919044612/http://example.com/"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (SNAP, ("20130919044612", "http://example.com/")),
        (
            "http://web.archive.org/web/20130919044612id_/http://example.com/",
            ("20130919044612", "http://example.com/"),
        ),
        (
            "https://web.archive.org/web/2013/https://example.com/a?b=1",
            ("2013", "https://example.com/a?b=1"),
        ),
        (
            "https://web.archive.org/web/20130919044612/https:/example.com/a",
            ("20130919044612", "https://example.com/a"),
        ),
        (
            "https://web.archive.org/web/20130919044612/example.com/a",
            ("20130919044612", "http://example.com/a"),
        ),
        ("https://web.archive.org/web/*/example.com", None),
        ("https://example.com/web/2013/http://x.org/", None),
    ],
)
def test_wayback_urls(url: str, expected: tuple[str, str] | None) -> None:
    assert wayback.snapshot(url) == expected


def test_wayback_plan_is_raw_snapshot() -> None:
    (request,) = wayback.plan(SNAP)
    assert request.url == "https://web.archive.org/web/20130919044612id_/http://example.com/"
    assert request.freshness is Freshness.IMMUTABLE


def test_wayback_parse_records_the_original() -> None:
    raw = wayback.raw_url("20130919044612", "http://example.com/")
    page = b"<html><title>Example Domain</title><p>This domain is for use in examples.</p></html>"
    source = wayback.parse(SNAP, answer(raw, page, content_type="text/html"))
    assert source is not None and source.adapter == "wayback"
    assert source.canonical_url == "http://example.com/"
    assert source.note == "Wayback Machine snapshot 20130919044612 of http://example.com/"
    assert source.text == "This domain is for use in examples."


def test_wayback_availability() -> None:
    request = wayback.availability_request("http://example.com/a b")
    assert (
        request.url == "https://archive.org/wayback/available?url=http%3A%2F%2Fexample.com%2Fa%20b"
    )
    found = answer(request.url, body("wayback_available_found_docs.json"))
    assert (
        wayback.parse_availability(found)
        == "https://web.archive.org/web/20130919044612/http://example.com/"
    )
    assert (
        wayback.parse_availability(
            answer(request.url, body("wayback_available_notfound_docs.json"))
        )
        is None
    )

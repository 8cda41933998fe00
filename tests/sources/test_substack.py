from __future__ import annotations

import pytest
from recorded import answer, body

from srclint.model import Author, FetchStatus
from srclint.sources import substack

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

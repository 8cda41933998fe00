from __future__ import annotations

import pytest
from recorded import answer, body

from srclint.model import Freshness
from srclint.sources import wayback

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

from __future__ import annotations

import json

import pytest
from recorded import FakeFetcher, answer, body

from srclint.sources import describe, render_description, x

URL = "https://x.com/someone/status/1744066823962947905"


@pytest.fixture(autouse=True)
def _no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(x.TOKEN_ENV, raising=False)


def test_describe_a_long_post() -> None:
    fetcher = FakeFetcher(
        [
            answer(
                x.fxtwitter_url("1744066823962947905"),
                body("fxtwitter_status_note_1744066823962947905.json"),
            )
        ]
    )
    description = describe(URL, fetcher, preview=40)
    data = description.to_dict()
    assert data["adapter"] == "x"
    assert data["status"] == "ok"
    assert data["requests"] == ["GET https://api.fxtwitter.com/status/1744066823962947905"]
    assert data["canonical_url"] == "https://x.com/quotecheck/status/1744066823962947905"
    assert data["authors"] == [{"name": "Quote Check", "handle": "quotecheck"}]
    assert data["complete"] is True
    assert data["text"] == "Long posts are where quotation goes wrong"[:40]
    assert data["text_chars"] > 300
    json.dumps(data)  # JSON-ready
    text = render_description(description)
    assert "adapter    x" in text
    assert "authors    Quote Check (@quotecheck)" in text
    assert "(first 40 of" in text


def test_describe_hides_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(x.TOKEN_ENV, "very-secret")
    fetcher = FakeFetcher(
        [answer(x.v2_url("1744066823962947905"), body("x_api_v2_note_1744066823962947905.json"))]
    )
    description = describe(URL, fetcher)
    assert description.requests[0].endswith("(with credentials)")
    assert "very-secret" not in json.dumps(description.to_dict())
    assert "very-secret" not in render_description(description)


def test_describe_a_deleted_post() -> None:
    fetcher = FakeFetcher(
        [
            answer(x.fxtwitter_url("1744066823962947905"), b"{}"),
            answer(
                x.syndication_url("1744066823962947905"), body("syndication_tombstone_deleted.json")
            ),
        ]
    )
    description = describe(URL, fetcher)
    assert description.status == "deleted"
    assert description.adapter == "x"
    assert description.title is None and description.text == ""
    assert "status     deleted (HTTP 200): This Post was deleted" in render_description(description)

"""The cassettes in fixtures/http/cassettes replay through the adapters (no network)."""

from __future__ import annotations

import pytest
from recorded import HTTP, ReplayFetcher

from srclint.model import FetchStatus
from srclint.sources import resolve, x

vcr = pytest.importorskip("vcr")

CASSETTES = HTTP / "cassettes"


@pytest.fixture(autouse=True)
def _no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(x.TOKEN_ENV, raising=False)


def _replay(cassette: str, url: str, *, full_text: bool = False):  # type: ignore[no-untyped-def]
    recorder = vcr.VCR(record_mode="none", filter_headers=["authorization"])
    with recorder.use_cassette(str(CASSETTES / cassette)):
        wants = (lambda _u, _s: True) if full_text else None
        return resolve({url: True}, ReplayFetcher(), wants_full_text=wants)[url]


@pytest.mark.parametrize(
    ("cassette", "url", "title", "author", "complete"),
    [
        (
            "tweet.yaml",
            "https://x.com/anyone/status/1641086480675225601",
            None,
            "SamuelSusla",
            True,
        ),
        ("long_post.yaml", "https://x.com/i/status/1744066823962947905", None, "quotecheck", True),
        (
            "lesswrong_post.yaml",
            "https://www.lesswrong.com/posts/Xk2vB7pQm9cRt4LsZ/an-old-slug",
            "Slugs carry no authority",
            "steve_example",
            True,
        ),
        (
            "lesswrong_comment.yaml",
            "https://www.lesswrong.com/posts/Xk2vB7pQm9cRt4LsZ/slug?commentId=Cm7nQ2wErT5yUi8oP",
            "Slugs carry no authority",
            "carolc",
            True,
        ),
        (
            "arxiv_paper.yaml",
            "https://arxiv.org/abs/2206.06921",
            "Attainable forms of Assouad spectra",
            None,
            False,
        ),
        (
            "page.yaml",
            "https://example.com/2024/careful-quoter",
            "The Careful Quoter",
            "janedoe",
            True,
        ),
    ],
)
def test_cassette_replays(
    cassette: str, url: str, title: str | None, author: str | None, complete: bool
) -> None:
    result = _replay(cassette, url)
    assert result.fetched.status is FetchStatus.OK
    source = result.source
    assert source is not None
    assert source.title == title
    if author:
        assert source.authors[0].handle == author
    assert source.complete is complete


def test_arxiv_cassette_full_text() -> None:
    result = _replay("arxiv_paper.yaml", "https://arxiv.org/abs/2206.06921", full_text=True)
    assert result.source is not None and result.source.complete
    assert "upper box dimension" in result.source.text


def test_deleted_tweet_cassette() -> None:
    result = _replay("deleted_tweet.yaml", "https://twitter.com/jack/status/20")
    assert result.fetched.status is FetchStatus.DELETED
    assert result.source is None

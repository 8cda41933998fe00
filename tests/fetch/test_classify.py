"""Classification of a final answer: alive, dead or could not tell."""

from __future__ import annotations

import pytest

from srclint.fetch.classify import classify, is_soft_404
from srclint.fetch.exchange import Exchange
from srclint.model import DEAD_STATUSES, FetchStatus, Redirect

S = FetchStatus

# (HTTP status, headers, status, dead?)
CASES = [
    (200, {}, S.OK, False),
    (204, {}, S.OK, False),
    (404, {}, S.NOT_FOUND, True),
    (410, {}, S.GONE, True),
    (429, {"retry-after": "60"}, S.RATE_LIMITED, False),
    (401, {}, S.BLOCKED, False),
    (403, {}, S.BLOCKED, False),
    (403, {"cf-mitigated": "challenge"}, S.BLOCKED, False),
    (999, {}, S.BLOCKED, False),
    (451, {}, S.BLOCKED, False),
    (400, {}, S.BLOCKED, False),
    (500, {}, S.SERVER_ERROR, False),
    (503, {}, S.SERVER_ERROR, False),
]


@pytest.mark.parametrize(("code", "headers", "status", "dead"), CASES)
def test_classify(code: int, headers: dict[str, str], status: FetchStatus, dead: bool) -> None:
    got, reason = classify(Exchange("GET", "https://a.example/x", code, headers),
                           "https://a.example/x", "https://a.example/x", ())
    assert got is status
    assert (got in DEAD_STATUSES) is dead
    assert (reason == "") is (status is S.OK)


def _hop(url: str, to: str) -> tuple[Redirect, ...]:
    return (Redirect(url, 302, to),)


SOFT = [
    ("https://a.example/post/1", "https://a.example/", True),
    ("http://a.example/post/1", "https://www.a.example/", True),
    ("https://a.example/?p=12", "https://a.example/", True),
    ("https://a.example/", "https://a.example/", False),  # was the front page already
    ("https://bit.ly/abc", "https://b.example/", False),  # another site's front page
    ("https://a.example/post/1", "https://a.example/post/1/", False),
    ("https://a.example/post/1", "https://a.example/?lang=en", False),
]


@pytest.mark.parametrize(("url", "final", "soft"), SOFT)
def test_soft_404(url: str, final: str, soft: bool) -> None:
    assert is_soft_404(url, final, _hop(url, final)) is soft
    assert not is_soft_404(url, final, ())

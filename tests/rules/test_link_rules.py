from __future__ import annotations

import pytest

from srclint.model import Fetched, FetchStatus, Finding, Link, LinkKind, Redirect, Span
from srclint.rules import RULES
from srclint.rules.base import Subject

URL = "https://example.com/post"
LINK = Link(URL, "post", Span(3, 5, 3, 30), LinkKind.INLINE)


def findings(fetched: Fetched) -> list[Finding]:
    subject = Subject("essay.md", link=LINK, fetched=fetched)
    return [f for rule in RULES.values() for f in rule.check(subject)]


def hops(*statuses: int) -> tuple[Redirect, ...]:
    return tuple(Redirect(URL, s, "https://example.org/new") for s in statuses)


@pytest.mark.parametrize(
    ("fetched", "expected"),
    [
        (Fetched(URL, URL, FetchStatus.OK, 200), []),
        (Fetched(URL, URL, FetchStatus.NOT_FOUND, 404), ["L001"]),
        (Fetched(URL, URL, FetchStatus.GONE, 410), ["L001"]),
        (Fetched(URL, URL, FetchStatus.DELETED, 200), ["L001"]),
        (Fetched(URL, "https://example.com/", FetchStatus.SOFT_404, 200), ["L001"]),
        (Fetched(URL, URL, FetchStatus.RATE_LIMITED, 429), ["L002"]),
        (Fetched(URL, URL, FetchStatus.BLOCKED, 403), ["L002"]),
        (Fetched(URL, URL, FetchStatus.PRIVATE, 200), ["L002"]),
        (Fetched(URL, URL, FetchStatus.TIMEOUT), ["L002"]),
        (Fetched(URL, URL, FetchStatus.SERVER_ERROR, 503), ["L002"]),
        (Fetched(URL, URL, FetchStatus.NOT_CHECKED, error="not in the recording"), ["L002"]),
        (Fetched(URL, URL, FetchStatus.REFUSED, error="refused 10.0.0.1"), ["L004"]),
        (Fetched(URL, URL, FetchStatus.UNSUPPORTED), []),
        # Redirects: permanent to another document is L003; temporary or cosmetic is not.
        (Fetched(URL, "https://example.org/new", FetchStatus.OK, 200, redirects=hops(301)),
         ["L003"]),
        (Fetched(URL, "https://example.org/new", FetchStatus.OK, 200, redirects=hops(301, 308)),
         ["L003"]),
        (Fetched(URL, "https://example.org/new", FetchStatus.OK, 200, redirects=hops(302)), []),
        (Fetched(URL, "https://example.org/new", FetchStatus.OK, 200, redirects=hops(301, 307)),
         []),
        (Fetched("http://example.com/post", URL, FetchStatus.OK, 200, redirects=hops(301)), []),
        (Fetched(URL, URL + "/", FetchStatus.OK, 200, redirects=hops(308)), []),
        (Fetched(URL, "https://www.example.com/post", FetchStatus.OK, 200, redirects=hops(301)),
         []),
    ],
)
def test_link_rules(fetched: Fetched, expected: list[str]) -> None:
    assert [f.code for f in findings(fetched)] == expected


def test_dead_link_suggests_the_archived_copy() -> None:
    archived = "http://web.archive.org/web/2020/https://example.com/post"
    (finding,) = findings(Fetched(URL, URL, FetchStatus.NOT_FOUND, 404, archived=archived))
    assert archived in finding.message
    assert finding.evidence["suggestion"] == archived
    assert finding.span == LINK.span
    assert finding.url == URL


def test_redirect_names_the_final_url() -> None:
    fetched = Fetched(URL, "https://example.org/new", FetchStatus.OK, 200, redirects=hops(301))
    (finding,) = findings(fetched)
    assert "https://example.org/new" in finding.message
    assert finding.evidence["suggestion"] == "https://example.org/new"

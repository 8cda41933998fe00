"""The link redirects permanently (301/308) to a different document.

The message names the final URL, so the draft can link there directly. Not reported:
http → https on the same path, an added or removed trailing slash, ``www.`` added or
removed, and temporary redirects (302/303/307, as DOI resolvers and link shorteners
use). A chain of redirects is one finding.

Passes::

    [arXiv](https://arxiv.org/abs/1805.08522)

Fails::

    [old address](http://example.com/old-post)
    essay.md:1:1: L003 link redirects permanently to https://example.com/new-post [link-redirected]
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from srclint.model import ALIVE_STATUSES, Finding, Level
from srclint.rules.base import Subject, make_finding

CODE = "L003"
NAME = "link-redirected"
LEVEL = Level.INFO
SUMMARY = "the link redirects permanently to another document"

PERMANENT = frozenset({301, 308})


def same_document(a: str, b: str) -> bool:
    """True when two URLs differ only by scheme, ``www.``, default port or trailing slash."""
    pa, pb = urlsplit(a), urlsplit(b)
    host_a = (pa.hostname or "").removeprefix("www.")
    host_b = (pb.hostname or "").removeprefix("www.")
    return (
        host_a == host_b
        and pa.path.rstrip("/") == pb.path.rstrip("/")
        and pa.query == pb.query
    )


def check(subject: Subject) -> Iterator[Finding]:
    fetched = subject.fetched
    if subject.link is None or fetched is None or fetched.status not in ALIVE_STATUSES:
        return
    if not fetched.redirects:
        return
    # Every hop must be permanent: one temporary hop makes the chain temporary.
    if not all(hop.http_status in PERMANENT for hop in fetched.redirects):
        return
    if same_document(fetched.url, fetched.final_url):
        return
    yield make_finding(
        __name__,
        subject,
        f"link redirects permanently to {fetched.final_url}",
        evidence={
            "suggestion": fetched.final_url,
            "redirects": [
                {"url": hop.url, "status": hop.http_status, "location": hop.location}
                for hop in fetched.redirects
            ],
        },
    )

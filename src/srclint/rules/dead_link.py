"""The link points to nothing: the page, post, tweet or paper is gone.

Reported for HTTP 404 and 410, a host that does not exist, a deleted post or tweet,
an unknown arXiv or forum id, a redirect to the site's front page (a "soft 404"), and
a relative link to a file or heading that is not there. When the Wayback Machine has
a copy, the message suggests it.

Passes::

    See [the post](https://www.lesswrong.com/posts/FyChg3kYG54tEN3u6/evolution).

Fails::

    See [the post](https://example.com/this-page-was-removed).
    essay.md:1:5: L001 dead link: HTTP 404 (archived: https://web.archive.org/web/2023/…)
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import DEAD_STATUSES, FetchStatus, Finding, Level
from srclint.rules.base import Subject, make_finding

CODE = "L001"
NAME = "dead-link"
LEVEL = Level.ERROR
SUMMARY = "the link's target does not exist (404/410, no such host, deleted, soft 404)"

_REASONS = {
    FetchStatus.NOT_FOUND: "not found",
    FetchStatus.GONE: "gone",
    FetchStatus.DELETED: "deleted",
    FetchStatus.SOFT_404: "redirects to the site's front page (soft 404)",
}


def check(subject: Subject) -> Iterator[Finding]:
    fetched = subject.fetched
    if subject.link is None or fetched is None or fetched.status not in DEAD_STATUSES:
        return
    reason = fetched.error or _REASONS[fetched.status]
    # An API's 200 for a deleted post says nothing about the link: only name real HTTP errors.
    if fetched.http_status and fetched.http_status >= 400 and str(fetched.http_status) not in reason:
        reason = f"HTTP {fetched.http_status}: {reason}"
    message = f"dead link: {reason}"
    evidence: dict[str, object] = {"status": str(fetched.status)}
    if fetched.http_status:
        evidence["http_status"] = fetched.http_status
    if fetched.archived:
        message += f" (archived copy: {fetched.archived})"
        evidence["suggestion"] = fetched.archived
    yield make_finding(__name__, subject, message, evidence=evidence)

"""The link could not be checked: neither alive nor dead as far as srclint can tell.

A timeout, a refused or reset connection, a 5xx after retries, a rate limit (429), a
login or bot wall (401/403, a Cloudflare challenge, LinkedIn's 999), a protected
account, or — with ``--offline``/``--replay`` — a URL that is not in the cache or the
recording. It is a warning, not an error: a flaky site is not a broken draft. Under
pre-commit it never blocks a commit.

Passes::

    [a page that answers](https://example.org/)

Fails::

    [a page behind a bot wall](https://www.linkedin.com/in/someone)
    essay.md:1:1: L002 could not check link: HTTP 999 (bot wall) [link-unreachable]
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import ALIVE_STATUSES, DEAD_STATUSES, FetchStatus, Finding, Level
from srclint.rules.base import Subject, make_finding

CODE = "L002"
NAME = "link-unreachable"
LEVEL = Level.WARNING
SUMMARY = "the link could not be checked (timeout, 5xx, 429, bot wall, offline)"

_REASONS = {
    FetchStatus.PRIVATE: "the source is private or protected",
    FetchStatus.SUSPENDED: "the account is suspended",
    FetchStatus.RATE_LIMITED: "rate limited (HTTP 429)",
    FetchStatus.BLOCKED: "blocked by a login or bot wall",
    FetchStatus.TIMEOUT: "timed out",
    FetchStatus.UNREACHABLE: "could not connect",
    FetchStatus.TOO_LARGE: "response too large",
    FetchStatus.SERVER_ERROR: "server error",
    FetchStatus.NOT_CHECKED: "not checked",
}

_NOT_HERE = DEAD_STATUSES | ALIVE_STATUSES | {FetchStatus.REFUSED}


def check(subject: Subject) -> Iterator[Finding]:
    fetched = subject.fetched
    if subject.link is None or fetched is None or fetched.status in _NOT_HERE:
        return
    reason = fetched.error or _REASONS.get(fetched.status, str(fetched.status))
    if fetched.http_status and str(fetched.http_status) not in reason:
        reason = f"HTTP {fetched.http_status}: {reason}"
    evidence: dict[str, object] = {"status": str(fetched.status)}
    if fetched.http_status:
        evidence["http_status"] = fetched.http_status
    yield make_finding(__name__, subject, f"could not check link: {reason}", evidence=evidence)

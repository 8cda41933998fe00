"""What an HTTP answer means for a link: alive, dead, or could not tell. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from srclint.fetch.exchange import Exchange
from srclint.model import FetchStatus, Redirect

REDIRECTS = frozenset({301, 302, 303, 307, 308})
FRONT_PAGES = frozenset({"", "/"})


def _site(host: str | None) -> str:
    return (host or "").lower().rstrip(".").removeprefix("www.")


def is_soft_404(url: str, final_url: str, redirects: Sequence[Redirect]) -> bool:
    """A deep link that ends on the same site's front page: the page it named is gone.

    Only the same site counts: a shortener (``bit.ly/x``) may well point at a front page.
    """
    if not redirects:
        return False
    start, end = urlsplit(url), urlsplit(final_url)
    deep = start.path not in FRONT_PAGES or bool(start.query)
    return (
        deep
        and end.path in FRONT_PAGES
        and not end.query
        and _site(start.hostname) == _site(end.hostname)
    )


def classify(
    exchange: Exchange, url: str, final_url: str, redirects: Sequence[Redirect]
) -> tuple[FetchStatus, str]:
    """Status and short reason for the last answer of a (possibly redirected) request."""
    code = exchange.status
    headers = exchange.headers
    if 200 <= code < 400:
        if is_soft_404(url, final_url, redirects):
            return FetchStatus.SOFT_404, f"redirects to the site's front page {final_url}"
        return FetchStatus.OK, ""
    if code == 404:
        return FetchStatus.NOT_FOUND, "HTTP 404"
    if code == 410:  # Gone: removed on purpose, for good
        return FetchStatus.GONE, "HTTP 410"
    if code == 429:  # Too Many Requests: says nothing about the page
        wait = headers.get("retry-after")
        extra = f", Retry-After {wait}" if wait else ""
        return FetchStatus.RATE_LIMITED, f"HTTP 429 (rate limited{extra})"
    if code == 403 and "cf-mitigated" in headers:
        # Cloudflare answers a bot check with 403 + cf-mitigated: challenge.
        return FetchStatus.BLOCKED, "HTTP 403 (Cloudflare bot challenge)"
    if code in (401, 407):  # Unauthorized / Proxy Authentication Required: a login wall
        return FetchStatus.BLOCKED, f"HTTP {code} (login required)"
    if code == 403:  # Forbidden: a login or bot wall, not a missing page
        return FetchStatus.BLOCKED, "HTTP 403 (forbidden: login or bot wall)"
    if code == 999:  # LinkedIn's non-standard "request denied" for crawlers
        return FetchStatus.BLOCKED, "HTTP 999 (bot wall)"
    if code == 451:  # Unavailable For Legal Reasons: exists, not shown here
        return FetchStatus.BLOCKED, "HTTP 451 (unavailable for legal reasons)"
    if 500 <= code < 600:
        return FetchStatus.SERVER_ERROR, f"HTTP {code} (server error)"
    # Other 4xx (400, 405, 406, 418…) to a plain GET are bot defences far more often than
    # a missing page: could not tell, never dead.
    return FetchStatus.BLOCKED, f"HTTP {code}"

"""Which answers are worth another try, and how long to wait. Pure, no network."""

from __future__ import annotations

import time
from collections.abc import Mapping

# Worth another try: the server says "not now", not "no".
RETRY_STATUSES = frozenset({
    429,  # Too Many Requests: wait (Retry-After when given) and try again
    500,  # Internal Server Error: often a transient crash or deploy
    502,  # Bad Gateway: the origin behind a proxy or CDN hiccupped
    503,  # Service Unavailable: overloaded or in maintenance, usually with Retry-After
    504,  # Gateway Timeout: the origin was slow this once
})
# A HEAD only waits out a rate limit; any other failure is checked again with a GET.
HEAD_RETRY_STATUSES = frozenset({429})
BACKOFF_CAP = 8.0  # seconds: the longest wait between two tries without a Retry-After


def retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime  # rare: not worth importing up front

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())

from __future__ import annotations

import time
from email.utils import formatdate

from srclint.fetch.retry import RETRY_STATUSES, retry_after


def test_retry_after_seconds_and_dates() -> None:
    assert retry_after({"retry-after": "7"}) == 7
    assert retry_after({}) is None
    assert retry_after({"retry-after": "soon"}) is None
    later = retry_after({"retry-after": formatdate(time.time() + 100, usegmt=True)})
    assert later is not None and 95 < later <= 100
    assert retry_after({"retry-after": formatdate(time.time() - 100, usegmt=True)}) == 0


def test_only_transient_statuses_are_retried() -> None:
    assert sorted(RETRY_STATUSES) == [429, 500, 502, 503, 504]

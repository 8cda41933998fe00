"""The fetch stage: one HTTP session, cache, retries, per-host limits, address guard.

``Fetcher(settings).fetch_all(requests) -> dict[url, Fetched]``. Network trouble is a
``Fetched.status``, never an exception. Importing this package does not import
urllib3: a run answered from the cache never loads the HTTP stack.
"""

from __future__ import annotations

from srclint.fetch.cache import cache_clear, cache_info, cache_path
from srclint.fetch.fetcher import Fetcher, FetchStats, tally
from srclint.fetch.local import check_local
from srclint.fetch.settings import FetchSettings, HostLimit

__all__ = [
    "FetchSettings",
    "FetchStats",
    "Fetcher",
    "HostLimit",
    "cache_clear",
    "cache_info",
    "cache_path",
    "check_local",
    "tally",
]

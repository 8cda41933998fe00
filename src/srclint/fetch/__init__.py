"""The fetch stage: one HTTP session, cache, retries, per-host limits, address guard.

``Fetcher(settings).fetch_all(requests) -> dict[url, Fetched]``. Network trouble is a
``Fetched.status``, never an exception.
"""

from __future__ import annotations

from srclint.fetch.settings import FetchSettings, HostLimit

__all__ = ["FetchSettings", "HostLimit"]

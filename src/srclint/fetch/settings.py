"""Everything that tunes fetching, gathered from the CLI and the config in one record."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class HostLimit:
    """Politeness for one host: requests in flight at once, and seconds between starts."""

    in_flight: int = 4
    interval: float = 0.0


@dataclass(frozen=True, slots=True)
class FetchSettings:
    cache_dir: Path | None = None  # None: the user cache dir from platformdirs
    use_cache: bool = True  # --no-cache: False
    refresh: bool = False  # --refresh: revalidate everything, ignore freshness
    offline: bool = False  # --offline: answer from the cache only
    jobs: int = 16
    per_host: int = 4
    hosts: Mapping[str, HostLimit] = field(default_factory=dict)
    timeout: float = 10.0  # connect and read timeout, seconds
    retries: int = 3
    url_deadline: float = 60.0  # all tries of one URL together, seconds
    retry_after_cap: float = 30.0
    max_bytes: int = 10_000_000  # after decompression
    max_redirects: int = 10
    allow_private: bool = False
    record: Path | None = None  # vcrpy cassette to write
    replay: Path | None = None  # vcrpy cassette to answer from, and nothing else
    user_agent: str = ""  # empty: srclint/<version> (+project URL)
    backoff: float = 0.5  # first retry waits this long, then twice as long each time (cap 8 s)
    # Networks the address guard lets through even without allow_private, e.g. an
    # intranet ("10.20.0.0/16"); tests use it to allow 127.0.0.1 but not 127.0.0.2.
    allow_networks: tuple[str, ...] = ()
    suggest_archive: bool = True  # ask the Wayback Machine for a copy of each dead link
    # Called after each URL is done, with (done, total): the CLI draws a progress bar.
    progress: Callable[[int, int], None] | None = None

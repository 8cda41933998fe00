"""The HTTP cache: one SQLite file of responses, each with its own expiry.

Why not requests-cache: on the benchmark (bench/README.md, Links) it cost about 1 ms of
CPU per response — a cold run of 500 links took 1.5× as long as without it, and a warm
run could not start faster than importing it (0.2 s). This table answers a warm
lookup in tens of microseconds and needs nothing but ``sqlite3``, so a fully cached
run never imports the HTTP stack at all.

What is stored: 2xx, 3xx hops (each redirect is its own entry), briefly 404/410, and a
HEAD refused (405…), which only ever sends the next run to GET.
Never 5xx, 429, 401/403 or a body cut at the size cap: a failure is never cached, and
never as a success.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from srclint.fetch.exchange import Exchange
from srclint.fetch.settings import FetchSettings
from srclint.model import Freshness

HOUR = 3600.0
DAY = 24 * HOUR
TTL = {
    Freshness.IMMUTABLE: 30 * DAY,  # a tweet or an arXiv version does not change
    Freshness.POST: 3 * DAY,  # posts get edited now and then
    Freshness.LINK: 12 * HOUR,  # link status only
}
DEAD_TTL = 1 * HOUR  # a 404 may be fixed soon: keep it for an hour at most
CACHEABLE = frozenset({200, 203, 204, 300, 301, 302, 303, 307, 308, 404, 410})
# A server that refuses HEAD keeps refusing it: remembering that sends the next run
# straight to GET. Safe, since a refused HEAD only ever leads to a GET.
HEAD_REFUSALS = frozenset({400, 403, 405, 406, 501})
FILE_NAME = "http.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    status INTEGER NOT NULL,
    reason TEXT NOT NULL,
    headers TEXT NOT NULL,
    body BLOB NOT NULL,
    stored REAL NOT NULL,
    expires REAL NOT NULL
)
"""


def cache_dir(settings: FetchSettings) -> Path:
    if settings.cache_dir is not None:
        return Path(settings.cache_dir)
    import platformdirs

    return Path(platformdirs.user_cache_dir("srclint", appauthor=False))


def cache_path(settings: FetchSettings) -> Path:
    return cache_dir(settings) / FILE_NAME


def cache_key(
    method: str, url: str, headers: Mapping[str, str], body: bytes | None
) -> str:
    """Same request, same key: method, URL, the request's own headers and its body."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{method.upper()} {url}\n".encode())
    for name, value in sorted((k.lower(), v) for k, v in headers.items()):
        digest.update(f"{name}: {value}\n".encode())
    digest.update(b"\n" + (body or b""))
    return digest.hexdigest()


def ttl_for(freshness: Freshness, status: int) -> float:
    ttl = TTL[freshness]
    return min(ttl, DEAD_TTL) if status in (404, 410) else ttl


def cacheable(exchange: Exchange) -> bool:
    if exchange.truncated:
        return False
    return exchange.status in CACHEABLE or (
        exchange.method == "HEAD" and exchange.status in HEAD_REFUSALS
    )


@dataclass(frozen=True, slots=True)
class Entry:
    exchange: Exchange
    stored: float
    expires: float

    def fresh(self, now: float) -> bool:
        return self.expires > now


class ResponseCache:
    """Thread-safe: one connection, one lock. Writes are batched (one transaction per
    ``FLUSH_EVERY`` responses, and on close): a commit per response cost a tenth of a
    second of CPU per 500 links on the benchmark."""

    FLUSH_EVERY = 256

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=10.0,
                                   isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        self._unsaved: dict[str, tuple[Entry, tuple[object, ...]]] = {}

    def close(self) -> None:
        with self._lock:
            self._flush()
            self._db.close()

    def _flush(self) -> None:
        """Write unsaved entries in one transaction (the lock is held)."""
        if not self._unsaved:
            return
        rows = [row for _, row in self._unsaved.values()]
        self._db.execute("BEGIN")
        self._db.executemany("INSERT OR REPLACE INTO responses VALUES (?,?,?,?,?,?,?,?,?)", rows)
        self._db.execute("COMMIT")
        self._unsaved.clear()

    def get(self, key: str) -> Entry | None:
        with self._lock:
            unsaved = self._unsaved.get(key)
            if unsaved is not None:
                return unsaved[0]
            row = self._db.execute(
                "SELECT method, url, status, reason, headers, body, stored, expires"
                " FROM responses WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        method, url, status, reason, headers, body, stored, expires = row
        exchange = Exchange(method=method, url=url, status=status, reason=reason,
                            headers=json.loads(headers), body=zlib.decompress(body),
                            from_cache=True)
        return Entry(exchange, stored, expires)

    def put(self, key: str, exchange: Exchange, ttl: float) -> None:
        now = time.time()
        entry = Entry(replace(exchange, from_cache=True, truncated=False), now, now + ttl)
        row = (key, exchange.method, exchange.url, exchange.status, exchange.reason,
               json.dumps(dict(exchange.headers)), zlib.compress(exchange.body, 1),
               now, now + ttl)
        with self._lock:
            self._unsaved[key] = (entry, row)
            if len(self._unsaved) >= self.FLUSH_EVERY:
                self._flush()

    def extend(self, key: str, ttl: float) -> None:
        """A 304 said the cached copy is still good: keep it ``ttl`` longer."""
        with self._lock:
            self._flush()
            self._db.execute("UPDATE responses SET expires = ? WHERE key = ?",
                             (time.time() + ttl, key))

    def is_empty(self) -> bool:
        with self._lock:
            if self._unsaved:
                return False
            return self._db.execute("SELECT 1 FROM responses LIMIT 1").fetchone() is None

    def counts(self) -> tuple[int, int]:
        """(responses, of which still fresh)."""
        with self._lock:
            self._flush()
            total, fresh = self._db.execute(
                "SELECT COUNT(*), COALESCE(SUM(expires > ?), 0) FROM responses", (time.time(),)
            ).fetchone()
        return int(total), int(fresh)


def _files(path: Path) -> list[Path]:
    return [p for p in (path, path.with_name(path.name + "-wal"),
                        path.with_name(path.name + "-shm")) if p.exists()]


def cache_info(settings: FetchSettings) -> str:
    """What ``srclint cache info`` prints: where the cache is, what it holds, its size."""
    path = cache_path(settings)
    if not path.exists():
        return f"cache: {path}\nempty (no cache file yet)"
    cache = ResponseCache(path)
    try:
        total, fresh = cache.counts()
    finally:
        cache.close()
    size = sum(p.stat().st_size for p in _files(path))
    return (f"cache: {path}\nresponses: {total} ({fresh} fresh, {total - fresh} expired)\n"
            f"size: {size / 1_000_000:.1f} MB")


def cache_clear(settings: FetchSettings) -> str:
    """What ``srclint cache clear`` does: delete every cached response."""
    path = cache_path(settings)
    files = _files(path)
    if not files:
        return f"cache: {path}\nalready empty"
    total = 0
    try:
        cache = ResponseCache(path)
        total = cache.counts()[0]
        cache.close()
    except sqlite3.Error:
        pass  # a damaged file is deleted all the same
    for file in files:
        file.unlink(missing_ok=True)
    return f"cache: {path}\nremoved {total} cached responses"

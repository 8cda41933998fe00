"""One request answered from the recording, the cache or the network — in that order.

``refresh`` revalidates every cached entry; ``offline`` and ``replay`` never touch the
network. A stale cached answer is served when the network fails or says "not now"
(stale-if-error), so a flaky site does not turn a good source into a failure.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from srclint.fetch.cache import ResponseCache, cache_key, cache_path, cacheable, ttl_for
from srclint.fetch.exchange import Exchange, FetchFailure, NeedsNetwork
from srclint.fetch.limits import HostLimiter
from srclint.fetch.recording import Player, Recorder
from srclint.fetch.settings import FetchSettings
from srclint.model import FetchStatus, Freshness

if TYPE_CHECKING:
    from srclint.fetch.transport import Transport

# Answers that say "could not tell right now": a stale cached copy is better.
STALE_IF_ERROR = frozenset({
    401, 403,  # login and bot walls come and go
    429,  # rate limited
    500, 502, 503, 504,  # server trouble
    999,  # LinkedIn's bot wall
})
STALE_IF_FAILURE = frozenset({FetchStatus.TIMEOUT, FetchStatus.UNREACHABLE})


class HttpClient:
    def __init__(self, settings: FetchSettings, limiter: HostLimiter) -> None:
        self.settings = settings
        self.limiter = limiter
        self.player = Player(settings.replay) if settings.replay else None
        self.recorder = Recorder(settings.record) if settings.record else None
        self.cache: ResponseCache | None = None
        if settings.use_cache and self.player is None:
            self.cache = ResponseCache(cache_path(settings))
        self._transport: Transport | None = None
        self._transport_lock = threading.Lock()

    @property
    def requests_sent(self) -> int:
        return self._transport.requests_sent if self._transport else 0

    def transport(self) -> Transport:
        # Built on first use, so a run answered from the cache never imports urllib3.
        with self._transport_lock:
            if self._transport is None:
                from srclint.fetch.transport import Transport

                self._transport = Transport(self.settings, self.limiter)
            return self._transport

    def close(self) -> None:
        if self.recorder is not None:
            self.recorder.save()
        if self._transport is not None:
            self._transport.close()
        if self.cache is not None:
            self.cache.close()

    def exchange(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: bytes | None,
        *,
        freshness: Freshness,
        deadline: float,
        retries: int,
        interval: float = 0.0,
        retry_statuses: frozenset[int] | None = None,
        retry_read: bool = True,
        cache_only: bool = False,
    ) -> Exchange:
        """The response to one request (no redirect followed). Raises ``FetchFailure``,
        or ``NeedsNetwork`` when ``cache_only`` and the cache cannot answer."""
        answer = self._answer(method, url, headers, body, freshness, deadline, retries,
                              interval, retry_statuses, retry_read, cache_only)
        if self.recorder is not None:
            self.recorder.add(method, url, headers, body, answer)
        return answer

    def _answer(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes | None,
        freshness: Freshness, deadline: float, retries: int, interval: float,
        retry_statuses: frozenset[int] | None, retry_read: bool, cache_only: bool,
    ) -> Exchange:
        if self.player is not None:
            played = self.player.answer(method, url, body)
            if played is None:
                raise FetchFailure(FetchStatus.NOT_CHECKED, "not in the recording")
            return played

        key = cache_key(method, url, headers, body)
        entry = self.cache.get(key) if self.cache is not None else None
        if entry is not None and (
            self.settings.offline or (not self.settings.refresh and entry.fresh(time.time()))
        ):
            return entry.exchange
        if self.settings.offline:
            raise FetchFailure(FetchStatus.NOT_CHECKED, "not in the cache (offline)")
        if cache_only:
            raise NeedsNetwork(url)
        send_headers = dict(headers)
        if entry is not None:  # revalidate: a 304 costs no body
            if etag := entry.exchange.headers.get("etag"):
                send_headers["If-None-Match"] = etag
            if modified := entry.exchange.headers.get("last-modified"):
                send_headers["If-Modified-Since"] = modified
        transport = self.transport()
        extra = {} if retry_statuses is None else {"retry_statuses": retry_statuses}
        try:
            fresh = transport.send(method, url, send_headers, body, deadline=deadline,
                                   retries=retries, interval=interval,
                                   retry_read=retry_read, **extra)
        except FetchFailure as failure:
            if entry is not None and failure.status in STALE_IF_FAILURE:
                return entry.exchange
            raise
        ttl = ttl_for(freshness, fresh.status)
        if entry is not None:
            if fresh.status == 304:
                assert self.cache is not None
                self.cache.extend(key, ttl_for(freshness, entry.exchange.status))
                return entry.exchange
            if fresh.status in STALE_IF_ERROR:
                return entry.exchange
        if fresh.status == 304:
            # A 304 to a request we did not make conditional: the caller sent validators.
            return fresh
        if self.cache is not None and cacheable(fresh):
            self.cache.put(key, fresh, ttl)
        return replace(fresh, from_cache=False)

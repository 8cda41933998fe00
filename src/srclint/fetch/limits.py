"""Per-host politeness: how many requests may be in flight, and how far apart they start."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from srclint.fetch.settings import HostLimit


def host_key(host: str) -> str:
    return host.lower().rstrip(".").removeprefix("www.")


class HostLimiter:
    """Hands out per-host slots. A configured host also covers its subdomains."""

    def __init__(self, per_host: int, hosts: Mapping[str, HostLimit]) -> None:
        self._default = HostLimit(in_flight=max(1, per_host))
        self._hosts = {host_key(name): limit for name, limit in hosts.items()}
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}

    def limit_for(self, host: str) -> HostLimit:
        key = host_key(host)
        while key:
            if key in self._hosts:
                return self._hosts[key]
            key = key.partition(".")[2]
        return self._default

    @contextmanager
    def slot(self, host: str, interval: float = 0.0) -> Iterator[None]:
        """Hold one of ``host``'s in-flight slots, starting no sooner than its interval allows."""
        key = host_key(host)
        limit = self.limit_for(host)
        interval = max(interval, limit.interval)
        with self._lock:
            semaphore = self._slots.get(key)
            if semaphore is None:
                semaphore = self._slots[key] = threading.BoundedSemaphore(max(1, limit.in_flight))
        with semaphore:
            if interval > 0:
                with self._lock:
                    now = time.monotonic()
                    start = max(now, self._next_start.get(key, 0.0))
                    self._next_start[key] = start + interval
                if start > now:
                    time.sleep(start - now)
            yield

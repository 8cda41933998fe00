"""Which URL a worker fetches next: host by host, within each host's in-flight cap."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Sequence
from urllib.parse import urlsplit

from srclint.fetch.limits import HostLimiter, host_key
from srclint.model import Request


class Scheduler:
    """Hands out requests host by host, never more per host than its in-flight cap."""

    def __init__(self, todo: Sequence[Request], limiter: HostLimiter) -> None:
        self._pending: dict[str, deque[Request]] = {}
        for request in todo:
            host = host_key(urlsplit(request.url).hostname or "")
            self._pending.setdefault(host, deque()).append(request)
        self._caps = {host: max(1, limiter.limit_for(host).in_flight) if host else len(todo)
                      for host in self._pending}
        self._in_flight = dict.fromkeys(self._pending, 0)
        self._turns = deque(self._pending)  # hosts with pending requests, in turn order
        self._ready = threading.Condition()

    def take(self) -> tuple[Request, str] | None:
        """The next request whose host has a free slot; None when none are left."""
        with self._ready:
            while self._turns:
                for _ in range(len(self._turns)):
                    host = self._turns[0]
                    self._turns.rotate(-1)
                    if self._in_flight[host] < self._caps[host]:
                        self._in_flight[host] += 1
                        pending = self._pending[host]
                        request = pending.popleft()
                        if not pending:
                            self._turns.remove(host)
                            if not self._turns:
                                self._ready.notify_all()  # idle workers can stop now
                        return request, host
                self._ready.wait()
            return None

    def release(self, host: str) -> None:
        with self._ready:
            self._in_flight[host] -= 1
            self._ready.notify()

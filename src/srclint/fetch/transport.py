"""Sending one request: per-host slots, timeouts, bounded retries and a capped body.

Retries live here and nowhere else. Every loop is bounded three ways: at most
``retries`` retries, at most one retry of a failed connection, and the URL's deadline.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Mapping
from urllib.parse import urlsplit

from urllib3 import BaseHTTPResponse, Timeout
from urllib3.exceptions import HTTPError as Urllib3Error

from srclint.fetch.exchange import Exchange, FetchFailure
from srclint.fetch.failures import failure_from
from srclint.fetch.guard import AddressRefused
from srclint.fetch.limits import HostLimiter
from srclint.fetch.retry import BACKOFF_CAP, RETRY_STATUSES, retry_after
from srclint.fetch.session import Session
from srclint.fetch.settings import FetchSettings
from srclint.model import FetchStatus

CHUNK = 64 * 1024


class Transport:
    """The network side of fetching: one session, shared by every worker thread."""

    def __init__(self, settings: FetchSettings, limiter: HostLimiter) -> None:
        self.settings = settings
        self.limiter = limiter
        self.session = Session(settings)
        self._sent = itertools.count(1)
        self.requests_sent = 0

    def close(self) -> None:
        self.session.close()

    def send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: bytes | None,
        *,
        deadline: float,
        retries: int,
        interval: float = 0.0,
        retry_statuses: frozenset[int] = RETRY_STATUSES,
        retry_read: bool = True,
    ) -> Exchange:
        """One request, retried as the policy allows. Raises ``FetchFailure`` when no
        response came back; a final 429/5xx is returned, not raised."""
        settings = self.settings
        tries = 0
        connect_retried = False
        while True:
            failure: FetchFailure | None = None
            exchange: Exchange | None = None
            try:
                exchange = self._attempt(method, url, headers, body, deadline, interval)
            except FetchFailure as error:
                failure = error
            if exchange is not None:
                if exchange.status not in retry_statuses or tries >= retries:
                    return exchange
                asked = retry_after(exchange.headers)
                if asked is not None and asked > settings.retry_after_cap:
                    return exchange  # waiting less than asked would only be refused again
                wait = asked if asked is not None else self._backoff(tries)
            else:
                assert failure is not None
                if failure.retry == "connect" and not connect_retried and tries < retries:
                    connect_retried = True
                elif not (failure.retry == "read" and retry_read and tries < retries):
                    raise failure
                wait = self._backoff(tries)
            if time.monotonic() + wait >= deadline:
                if exchange is not None:
                    return exchange
                assert failure is not None
                raise failure
            time.sleep(wait)
            tries += 1

    def _backoff(self, tries: int) -> float:
        base = min(self.settings.backoff * 2.0**tries, BACKOFF_CAP)
        return base * random.uniform(1.0, 1.25)  # jitter: retries of many URLs spread out

    def _attempt(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: bytes | None,
        deadline: float,
        interval: float,
    ) -> Exchange:
        host = urlsplit(url).hostname or ""
        with self.limiter.slot(host, interval):
            timeout = min(self.settings.timeout, max(0.05, deadline - time.monotonic()))
            try:
                self.requests_sent = next(self._sent)
                response = self.session.pool_for(url).urlopen(
                    method, url, body=body, headers={**self.session.headers, **headers},
                    redirect=False, retries=False, preload_content=False,
                    timeout=Timeout(connect=timeout, read=timeout),
                )
            except (Urllib3Error, AddressRefused, OSError, ValueError) as error:
                raise failure_from(error, host, timeout) from error
            try:
                content, truncated = self._read_body(response, method, deadline)
            except (Urllib3Error, OSError) as error:
                _discard(response)
                raise failure_from(error, host, timeout) from error
        return Exchange(
            method=method,
            url=url,
            status=response.status,
            # Repeated headers joined with ", ", as HTTP allows.
            headers={name.lower(): response.headers[name] for name in response.headers},
            body=content,
            truncated=truncated,
            reason=response.reason or "",
        )

    def _read_body(
        self, response: BaseHTTPResponse, method: str, deadline: float
    ) -> tuple[bytes, bool]:
        """Read the decoded body up to ``max_bytes``: the cap counts decompressed bytes,
        so a gzip bomb is cut after ``max_bytes`` of output, whatever its ratio."""
        if method == "HEAD" or response.status in (204, 304):
            response.release_conn()
            return b"", False
        limit = self.settings.max_bytes
        parts: list[bytes] = []
        size = 0
        for chunk in response.stream(CHUNK, decode_content=True):
            parts.append(chunk)
            size += len(chunk)
            if size > limit:
                _discard(response)  # the rest of the body stays unread
                return b"".join(parts)[:limit], True
            if time.monotonic() > deadline:
                _discard(response)
                raise FetchFailure(
                    FetchStatus.TIMEOUT,
                    f"gave up after {self.settings.url_deadline:g} s reading the body",
                )
        response.release_conn()
        return b"".join(parts), False


def _discard(response: BaseHTTPResponse) -> None:
    """Close a half-read response's connection (it cannot be reused) and free its slot."""
    response.close()
    response.release_conn()

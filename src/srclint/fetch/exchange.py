"""One HTTP request and its response, as the transport, the cache and the recorder see it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from srclint.model import FetchStatus


@dataclass(frozen=True, slots=True)
class Exchange:
    """A response to one request (no redirect followed). ``headers`` have lower-case names."""

    method: str
    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""  # decoded (no Content-Encoding left), at most max_bytes
    truncated: bool = False  # the body was cut at max_bytes
    from_cache: bool = False
    reason: str = ""


READ_TIMEOUT = "timed out after"  # how a read timeout's reason starts


class FetchFailure(Exception):
    """A request that produced no response: timeout, refused, no such host, guard…"""

    def __init__(self, status: FetchStatus, error: str, retry: str = "") -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        # "connect": worth one more try; "read": worth the usual retries; "": final.
        self.retry = retry


class NeedsNetwork(Exception):
    """Raised in cache-only mode when a request cannot be answered without the network."""

"""Network exceptions turned into a status and a short reason a writer can read."""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Iterator

from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    LocationValueError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ProxyError,
    ReadTimeoutError,
    SSLError,
)

from srclint.fetch.exchange import READ_TIMEOUT, FetchFailure
from srclint.fetch.guard import AddressRefused
from srclint.model import FetchStatus

_NO_SUCH_HOST = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (urllib3 nests errors) and their causes."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        todo.append(item.__cause__)
        todo.append(item.__context__)
        todo.append(getattr(item, "reason", None) if isinstance(
            getattr(item, "reason", None), BaseException) else None)
        todo.extend(arg for arg in getattr(item, "args", ()) if isinstance(arg, BaseException))


def failure_from(error: BaseException, host: str, timeout: float) -> FetchFailure:
    """Classify an exception raised while connecting to ``host`` or reading from it."""
    chain = list(_chain(error))
    for item in chain:
        if isinstance(item, AddressRefused):
            return FetchFailure(FetchStatus.REFUSED, str(item))
    for item in chain:
        if isinstance(item, socket.gaierror):
            if item.errno in _NO_SUCH_HOST:
                return FetchFailure(FetchStatus.NOT_FOUND, f"no such host {host}")
            return FetchFailure(
                FetchStatus.UNREACHABLE, f"could not resolve {host} ({item.strerror})", "connect"
            )
        if isinstance(item, NameResolutionError):
            return FetchFailure(FetchStatus.NOT_FOUND, f"no such host {host}")
    for item in chain:
        if isinstance(item, ConnectionRefusedError) or (
            isinstance(item, OSError) and item.errno == errno.ECONNREFUSED
        ):
            return FetchFailure(FetchStatus.UNREACHABLE, f"connection refused by {host}", "connect")
    for item in chain:
        # urllib3's NewConnectionError subclasses ConnectTimeoutError: not a timeout.
        if isinstance(item, ConnectTimeoutError) and not isinstance(item, NewConnectionError):
            return FetchFailure(
                FetchStatus.TIMEOUT, f"connect timed out after {timeout:g} s", "connect"
            )
    for item in chain:
        if isinstance(item, ReadTimeoutError | TimeoutError):
            return FetchFailure(FetchStatus.TIMEOUT, f"{READ_TIMEOUT} {timeout:g} s", "read")
        if isinstance(item, SSLError | ssl.SSLError):
            return FetchFailure(FetchStatus.UNREACHABLE, f"TLS error with {host}")
        if isinstance(item, ProxyError):
            return FetchFailure(FetchStatus.UNREACHABLE, f"proxy error for {host}", "connect")
        if isinstance(item, ConnectionResetError | ProtocolError):
            return FetchFailure(FetchStatus.UNREACHABLE, f"connection reset by {host}", "read")
        if isinstance(item, DecodeError):
            return FetchFailure(FetchStatus.UNREACHABLE, f"could not decode the body from {host}")
        if isinstance(item, LocationValueError):
            return FetchFailure(FetchStatus.NOT_FOUND, f"invalid URL ({item})")
    first = str(error).splitlines()[0] if str(error) else type(error).__name__
    return FetchFailure(FetchStatus.UNREACHABLE, f"could not connect to {host}: {first[:160]}")

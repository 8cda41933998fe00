from __future__ import annotations

import contextlib
import gzip
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from srclint.fetch import Fetcher, FetchSettings

from .server import Handler, LocalServer, respond


@pytest.fixture
def server() -> Iterator[LocalServer]:
    test_server = LocalServer()
    add_routes(test_server)
    yield test_server
    test_server.stop()


@pytest.fixture
def settings(tmp_path: Path) -> FetchSettings:
    """Small timeouts and caps so that every case ends in well under a few seconds."""
    return FetchSettings(
        cache_dir=tmp_path / "cache",
        allow_private=True,
        timeout=0.5,
        retries=2,
        backoff=0.05,
        url_deadline=5.0,
        max_bytes=1_000_000,
        suggest_archive=False,
    )


FetchRun = Callable[..., Any]


@pytest.fixture
def run(settings: FetchSettings) -> FetchRun:
    """``run(requests, **setting_changes) -> (results, seconds)`` with a fresh Fetcher."""

    def go(requests: Any, **changes: Any) -> Any:
        started = time.monotonic()
        with Fetcher(replace(settings, **changes)) as fetcher:
            results = fetcher.fetch_all(requests)
        return results, time.monotonic() - started

    return go


BIG = 50_000_000


def add_routes(server: LocalServer) -> None:
    routes = server.routes
    base = server.url("")

    routes["/ok"] = lambda h, n: respond(h, 200, b"<html><title>ok</title>hello</html>",
                                         {"ETag": '"v1"'})
    routes["/missing"] = lambda h, n: respond(h, 404, b"not here")
    routes["/gone"] = lambda h, n: respond(h, 410, b"gone")
    routes["/error"] = lambda h, n: respond(h, 500, b"boom")
    routes["/flaky"] = lambda h, n: respond(h, 503 if n == 1 else 200, b"flaky")
    routes["/limited-once"] = lambda h, n: respond(
        h, *((429, b"slow down", {"Retry-After": "1"}) if n == 1 else (200, b"fine")))
    routes["/limited"] = lambda h, n: respond(h, 429, b"slow down")
    routes["/limited-long"] = lambda h, n: respond(h, 429, b"", {"Retry-After": "3600"})
    routes["/challenge"] = lambda h, n: respond(h, 403, b"", {"cf-mitigated": "challenge"})
    routes["/forbidden"] = lambda h, n: respond(h, 403, b"")
    routes["/linkedin"] = lambda h, n: respond(h, 999, b"")
    routes["/old"] = lambda h, n: respond(h, 301, b"", {"Location": "/older"})
    routes["/older"] = lambda h, n: respond(h, 308, b"", {"Location": f"{base}/new"})
    routes["/new"] = lambda h, n: respond(h, 200, b"new home")
    routes["/"] = lambda h, n: respond(h, 200, b"front page")
    routes["/deep/post"] = lambda h, n: respond(h, 302, b"", {"Location": "/"})
    routes["/loop1"] = lambda h, n: respond(h, 302, b"", {"Location": "/loop2"})
    routes["/loop2"] = lambda h, n: respond(h, 302, b"", {"Location": "/loop1"})
    routes["/temp"] = lambda h, n: respond(h, 307, b"", {"Location": "/ok"})
    routes["/head-refused"] = lambda h, n: respond(
        h, *((405, b"") if h.command == "HEAD" else (200, b"get works")))
    routes["/post-only"] = lambda h, n: respond(h, 200, b"posted " + h.request_body)
    routes["/to-other-address"] = lambda h, n: respond(
        h, 302, b"", {"Location": f"http://127.0.0.2:{server.port}/ok"})
    routes["/slow"] = slow_body
    routes["/huge"] = huge_body
    routes["/bomb"] = gzip_bomb




def slow_body(handler: Handler, count: int) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", "5")
    handler.end_headers()
    handler.wfile.flush()
    time.sleep(1.5)  # past the tests' 0.5 s read timeout
    with contextlib.suppress(OSError):
        handler.wfile.write(b"late!")


def huge_body(handler: Handler, count: int) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", str(BIG))
    handler.end_headers()
    if handler.command == "HEAD":
        return
    chunk = b"x" * 1_000_000
    try:
        for _ in range(BIG // len(chunk)):
            handler.wfile.write(chunk)
    except OSError:
        pass  # the client hung up at its cap, as it should


_BOMB = gzip.compress(b"\0" * BIG, compresslevel=9)  # ~50 kB that inflate to 50 MB


def gzip_bomb(handler: Handler, count: int) -> None:
    respond(handler, 200, _BOMB, {"Content-Encoding": "gzip"})

"""A real HTTP server on 127.0.0.1 for the fetch tests: routes, and a count of every
request it saw (by method and path). Threaded, with a large listen backlog."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[["Handler", int], None]  # (handler, how many times this path was hit)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _serve(self) -> None:
        path = self.path.split("?", 1)[0]
        length = int(self.headers.get("Content-Length") or 0)
        self.request_body = self.rfile.read(length) if length else b""
        app = self.server.app
        with app.lock:
            app.hits[(self.command, path)] += 1
            app.seen_headers.append(dict(self.headers))
            count = sum(n for (_, p), n in app.hits.items() if p == path)
        route = app.routes.get(path)
        if route is None:
            respond(self, 404, b"no route")
            return
        route(self, count)

    do_GET = do_HEAD = do_POST = _serve


def respond(
    handler: Handler, status: int, body: bytes = b"", headers: Mapping[str, str] | None = None
) -> None:
    handler.send_response(status)
    headers = dict(headers or {})
    headers.setdefault("Content-Type", "text/html; charset=utf-8")
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(body)


class _Server(ThreadingHTTPServer):
    request_queue_size = 256
    daemon_threads = True
    app: LocalServer


class LocalServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[tuple[str, str]] = Counter()
        self.seen_headers: list[dict[str, str]] = []
        self.lock = threading.Lock()
        self.httpd = _Server((host, 0), Handler)
        self.httpd.app = self
        self.host = host
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str) -> Callable[[Route], Route]:
        def register(function: Route) -> Route:
            self.routes[path] = function
            return function
        return register

    def count(self, path: str | None = None) -> int:
        with self.lock:
            return sum(n for (_, p), n in self.hits.items() if path is None or p == path)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

"""``--record`` / ``--replay``: every HTTP exchange of a run, in a vcrpy cassette.

The file is a plain vcrpy cassette (YAML), so tests can also play it with
``vcr.use_cassette``. srclint itself does not let vcrpy patch urllib3: vcrpy swaps
connection classes globally and un-patches them around every real request
(``force_reset``), which races when 16 threads fetch at once, and its stubs would
bypass the address guard. Instead the transport hands each exchange to a ``Recorder``
under a lock, and a ``Player`` answers from the loaded cassette — vcrpy's own
request type, serializer and persister do the file format.

Bodies are stored decoded (no ``Content-Encoding``), at most ``max_bytes`` long.
Credentials (``Authorization``, cookies, API keys) are left out: recordings get committed.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from srclint.fetch.exchange import Exchange

# Describe the body as stored (decoded, whole), not as it came over the wire.
_DROP = frozenset({"content-encoding", "content-length", "transfer-encoding"})
# Never written to a recording that may be committed: credentials and session cookies.
SECRET_REQUEST_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie",
                                    "x-api-key", "api-key"})
SECRET_RESPONSE_HEADERS = frozenset({"set-cookie"})
TRUNCATED = "x-srclint-truncated"  # marks a body cut at max_bytes when it was recorded


def _key(method: str, url: str, body: bytes | None) -> tuple[str, str, bytes]:
    return method.upper(), url, body or b""


class Recorder:
    """Collects exchanges from all worker threads; ``save`` writes the cassette."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._seen: set[tuple[str, str, bytes]] = set()
        self._requests: list[Any] = []
        self._responses: list[dict[str, Any]] = []

    def add(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes | None,
        exchange: Exchange,
    ) -> None:
        from vcr.request import Request as VcrRequest

        key = _key(method, url, body)
        stored: dict[str, list[str]] = {
            name: [value] for name, value in exchange.headers.items()
            if name not in _DROP and name not in SECRET_RESPONSE_HEADERS
        }
        if exchange.truncated:
            stored[TRUNCATED] = ["1"]
        response = {
            "status": {"code": exchange.status, "message": exchange.reason},
            "headers": stored,
            "body": {"string": exchange.body},
        }
        with self._lock:
            if key in self._seen:
                return
            self._seen.add(key)
            kept = {name: value for name, value in headers.items()
                    if name.lower() not in SECRET_REQUEST_HEADERS}
            self._requests.append(VcrRequest(method.upper(), url, body, kept))
            self._responses.append(response)

    def save(self) -> None:
        from vcr.persisters.filesystem import FilesystemPersister
        from vcr.serializers import yamlserializer

        with self._lock:
            cassette = {"requests": list(self._requests), "responses": list(self._responses)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        FilesystemPersister.save_cassette(str(self.path), cassette, serializer=yamlserializer)


class Player:
    """Answers from a cassette only; read-only after loading, so threads need no lock."""

    def __init__(self, path: Path) -> None:
        from vcr.persisters.filesystem import FilesystemPersister
        from vcr.serializers import yamlserializer

        requests, responses, *_ = FilesystemPersister.load_cassette(
            str(path), serializer=yamlserializer
        )
        self._answers: dict[tuple[str, str, bytes], Exchange] = {}
        for request, response in zip(requests, responses, strict=False):
            body = request.body
            if isinstance(body, str):
                body = body.encode()
            key = _key(request.method, request.uri, body)
            if key in self._answers:
                continue  # the first answer recorded wins
            content = response["body"]["string"]
            headers = {name.lower(): ", ".join(values) if isinstance(values, list)
                       else str(values) for name, values in response["headers"].items()}
            truncated = headers.pop(TRUNCATED, "") == "1"
            self._answers[key] = Exchange(
                method=request.method,
                url=request.uri,
                status=int(response["status"]["code"]),
                reason=str(response["status"].get("message") or ""),
                headers=headers,
                body=content.encode() if isinstance(content, str) else bytes(content or b""),
                truncated=truncated,
                from_cache=True,
            )

    def answer(self, method: str, url: str, body: bytes | None) -> Exchange | None:
        return self._answers.get(_key(method, url, body))

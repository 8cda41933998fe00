"""The adapter contract every site module satisfies, and the few pieces they share."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from srclint.model import Fetched, FetchStatus, Request, Source


class Adapter(Protocol):
    """A site module: which URLs it handles, what to ask for, how to read the answer."""

    NAME: str

    def matches(self, url: str) -> bool:
        """True when this module knows how to read ``url``."""
        ...

    def plan(self, url: str) -> list[Request]:
        """The requests to try for ``url``, in fallback order (the API call, not the page)."""
        ...

    def parse(self, url: str, fetched: Fetched) -> Source | None:
        """Read one answer; None when it is unusable and the next planned request should run."""
        ...


@runtime_checkable
class Batching(Protocol):
    """An adapter whose first requests for several URLs can be merged into one."""

    def batch(self, requests: Mapping[str, Request]) -> dict[str, Request]:
        """Map each target URL to the (possibly shared) request that answers for it."""
        ...


@runtime_checkable
class FullText(Protocol):
    """An adapter whose first answer may be partial, with a way to fetch the rest."""

    def full_text_plan(self, url: str, source: Source) -> list[Request]:
        """Requests that fetch the full text behind a partial ``source``, in fallback order."""
        ...

    def parse_full_text(self, url: str, partial: Source, fetched: Fetched) -> Source | None:
        """``partial``'s metadata with the text in ``fetched``; None if that is unusable."""
        ...


def status_source(url: str, adapter: str, status: FetchStatus, note: str = "") -> Source:
    """A ``Source`` that only says what became of the document (deleted, not found, …)."""
    return Source(
        url=url,
        canonical_url=url,
        adapter=adapter,
        title=None,
        authors=(),
        published=None,
        text="",
        complete=False,
        note=note,
        status=status,
    )


def charset(content_type: str) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if any."""
    if "charset" not in content_type.lower():
        return None
    from email.message import Message  # 12 ms to import: only when there is a charset to read

    message = Message()
    message["content-type"] = content_type
    value = message.get_param("charset")
    return value if isinstance(value, str) and value else None


def media_type(content_type: str) -> str:
    """``text/html; charset=utf-8`` → ``text/html``."""
    return content_type.split(";", 1)[0].strip().lower()


def decode_text(fetched: Fetched) -> str:
    """The body as text, in the charset the headers give (UTF-8 otherwise)."""
    encoding = charset(fetched.content_type) or "utf-8"
    try:
        return fetched.body.decode(encoding, errors="replace")
    except LookupError:  # an unknown charset name
        return fetched.body.decode("utf-8", errors="replace")


def load_json(fetched: Fetched) -> Any:
    """The body as JSON, or None when it is not JSON (an HTML error page, a bot wall)."""
    if not fetched.body:
        return None
    try:
        return json.loads(decode_text(fetched))
    except ValueError:
        return None


def http_failure(fetched: Fetched) -> bool:
    """True when the fetch itself failed (timeout, 5xx, 429…): nothing to read in the body."""
    return fetched.status is not FetchStatus.OK and fetched.status not in (
        FetchStatus.NOT_FOUND,
        FetchStatus.GONE,
    )

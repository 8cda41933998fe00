"""``srclint fetch URL``: what srclint sees of one source, as a record, JSON or text."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from srclint.model import Request
from srclint.sources.registry import adapter_for
from srclint.sources.resolve import FetchAll, resolve

PREVIEW_CHARS = 800
_SECRET_HEADERS = frozenset({"authorization", "cookie", "x-api-key"})


@dataclass(frozen=True, slots=True)
class Description:
    url: str
    adapter: str
    requests: tuple[str, ...]  # "GET https://…", in the order they were made
    status: str
    http_status: int | None
    error: str
    canonical_url: str | None
    title: str | None
    authors: tuple[tuple[str, str | None], ...]  # (name, handle)
    published: str | None
    complete: bool | None
    note: str
    text_chars: int
    text: str  # the first PREVIEW_CHARS characters
    final_url: str = ""
    redirects: tuple[str, ...] = ()  # "301 https://a → https://b", hop by hop
    elapsed: float = 0.0  # seconds
    from_cache: bool = False
    headers: tuple[tuple[str, str], ...] = ()  # the response's, secrets left out

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``srclint fetch --format json``."""
        return {
            "url": self.url,
            "adapter": self.adapter,
            "requests": list(self.requests),
            "status": self.status,
            "http_status": self.http_status,
            "error": self.error or None,
            "canonical_url": self.canonical_url,
            "title": self.title,
            "authors": [{"name": name, "handle": handle} for name, handle in self.authors],
            "published": self.published,
            "complete": self.complete,
            "note": self.note or None,
            "text_chars": self.text_chars,
            "text": self.text,
            "final_url": self.final_url,
            "redirects": list(self.redirects),
            "elapsed": round(self.elapsed, 3),
            "from_cache": self.from_cache,
            "headers": dict(self.headers),
        }


def describe(
    url: str, fetcher: FetchAll, *, full_text: bool = False, preview: int = PREVIEW_CHARS
) -> Description:
    """Fetch one URL as ``srclint check`` would (with its text) and describe the result.

    ``full_text`` also fetches what lies behind a partial source (an arXiv paper's body).
    """
    wants = (lambda _url, _source: True) if full_text else None
    resolved = resolve({url: True}, fetcher, wants_full_text=wants)[url]
    source = resolved.source
    fetched = resolved.fetched
    return Description(
        url=url,
        adapter=source.adapter if source else adapter_for(url).NAME,
        requests=tuple(_show(request) for request in resolved.requests),
        status=str(resolved.fetched.status),
        http_status=resolved.fetched.http_status,
        error=resolved.fetched.error,
        canonical_url=source.canonical_url if source else None,
        title=source.title if source else None,
        authors=tuple((a.name, a.handle) for a in source.authors) if source else (),
        published=source.published if source else None,
        complete=source.complete if source else None,
        note=source.note if source else "",
        text_chars=len(source.text) if source else 0,
        text=source.text[:preview] if source else "",
        final_url=fetched.final_url,
        redirects=tuple(f"{hop.http_status} {hop.url} → {hop.location}"
                        for hop in fetched.redirects),
        elapsed=fetched.elapsed,
        from_cache=fetched.from_cache,
        headers=tuple((name, value) for name, value in fetched.headers.items()
                      if name.lower() not in _SECRET_HEADERS | {"set-cookie"}),
    )


def _show(request: Request) -> str:
    """A request as a line; secrets in headers are never shown."""
    shown = f"{request.method} {request.url}"
    if any(name.lower() in _SECRET_HEADERS for name, _ in request.headers):
        shown += "  (with credentials)"
    return shown


def render_description(description: Description) -> str:
    """The text form of ``srclint fetch URL``."""
    d = description
    authors = ", ".join(f"{name} (@{handle})" if handle else name for name, handle in d.authors)
    status = d.status + (f" (HTTP {d.http_status})" if d.http_status else "")
    rows = [
        ("url", d.url),
        ("adapter", d.adapter),
        ("status", status + (f": {d.error}" if d.error else "")),
        ("final url", d.final_url if d.final_url != d.url else ""),
        ("time", f"{d.elapsed:.2f} s" + (" (from the cache)" if d.from_cache else "")),
        ("canonical", d.canonical_url or ""),
        ("title", d.title or ""),
        ("authors", authors),
        ("published", d.published or ""),
        ("complete", "" if d.complete is None else ("yes" if d.complete else "no")),
        ("note", d.note),
    ]
    lines = [f"{key:<10} {value}" for key, value in rows if value]
    lines += [f"{'request' if i == 0 else '':<10} {r}" for i, r in enumerate(d.requests)]
    lines += [f"{'redirect' if i == 0 else '':<10} {r}" for i, r in enumerate(d.redirects)]
    lines += [f"{'headers' if i == 0 else '':<10} {name}: {value}"
              for i, (name, value) in enumerate(d.headers)]
    if d.text:
        more = ""
        if d.text_chars > len(d.text):
            more = f" (first {len(d.text)} of {d.text_chars} characters)"
        lines.append(f"text{more}:")
        for paragraph in d.text.split("\n"):
            wrapped = textwrap.wrap(paragraph, 88, initial_indent="  ", subsequent_indent="  ")
            lines.extend(wrapped or [""])
    return "\n".join(lines) + "\n"

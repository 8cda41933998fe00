"""Substack posts: ``/api/v1/posts/<slug>`` JSON, the page itself as fallback."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from srclint.model import Author, Fetched, FetchStatus, Freshness, Request, Source
from srclint.sources import html as html_adapter
from srclint.sources.base import load_json, status_source

NAME = "substack"

_POST_PATH = re.compile(r"^/p/(?P<slug>[A-Za-z0-9][A-Za-z0-9\-_%.]*)/?$")
_PAID = frozenset({"only_paid", "founding"})


def slug(url: str) -> tuple[str, str] | None:
    """``(host, slug)`` of a ``*.substack.com/p/<slug>`` URL."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    found = _POST_PATH.match(parts.path)
    if found is None or not host.endswith(".substack.com") or host == "www.substack.com":
        return None
    return host, found.group("slug")


def matches(url: str) -> bool:
    return slug(url) is not None


def api_url(host: str, post_slug: str) -> str:
    return f"https://{host}/api/v1/posts/{post_slug}"


def plan(url: str) -> list[Request]:
    found = slug(url)
    if found is None:
        return []
    return [Request(api_url(*found), freshness=Freshness.POST), Request(url)]


def parse(url: str, fetched: Fetched) -> Source | None:
    if "/api/v1/posts/" not in fetched.url:
        page = html_adapter.parse(url, fetched)
        return replace(page, adapter=NAME) if page is not None else None
    return parse_api(url, fetched)


# Shape: NHagar/substack_api `substack_api/post.py` and SOURCES.md §4 — {id, title,
# subtitle, slug, canonical_url, post_date, audience, body_html, truncated_body_text,
# wordcount, publishedBylines: [{id, name, handle, …}], …}.
def parse_api(url: str, fetched: Fetched) -> Source | None:
    if fetched.http_status == 404:
        return status_source(url, NAME, FetchStatus.NOT_FOUND, "Substack: no such post")
    data = load_json(fetched)
    if not isinstance(data, dict) or "title" not in data:
        return None
    body = data.get("body_html")
    text = html_adapter.html_to_text(body) if isinstance(body, str) else ""
    if not text:
        truncated = data.get("truncated_body_text")
        text = truncated.strip() if isinstance(truncated, str) else ""
    paywalled = data.get("audience") in _PAID
    authors = tuple(
        Author(name=str(b["name"]), handle=str(b["handle"]) if b.get("handle") else None)
        for b in data.get("publishedBylines") or []
        if isinstance(b, dict) and b.get("name")
    )
    canonical = data.get("canonical_url")
    title = data.get("title")
    return Source(
        url=url,
        canonical_url=canonical if isinstance(canonical, str) and canonical else url,
        adapter=NAME,
        title=title if isinstance(title, str) else None,
        authors=authors,
        published=data.get("post_date"),
        text=text,
        # Without a subscriber's session the API sends a paid post's preview only.
        complete=not paywalled,
        note="paywalled: text is a preview" if paywalled else "",
    )

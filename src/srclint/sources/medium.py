"""Medium posts: the post URL with ``?format=json``, the page itself as fallback."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from srclint.model import Author, Fetched, FetchStatus, Freshness, Request, Source
from srclint.sources import html as html_adapter
from srclint.sources.base import decode_text, status_source

NAME = "medium"

# Medium prefixes its JSON so that a <script src> cannot read it.
JSON_PREFIX = "])}while(1);</x>"
# Post URLs end in a hex id: /@user/title-words-1a2b3c4d5e6f, /p/1a2b3c4d5e6f.
_POST_PATH = re.compile(r"(?:^/p/|-)[0-9a-f]{8,12}/?$")
# Paragraph types that are not prose: 4 image (its caption stays), 11 iframe, 14 embed card.
_SKIP_TYPES = frozenset({11, 14})


def matches(url: str) -> bool:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    on_medium = host == "medium.com" or host.endswith(".medium.com")
    return on_medium and bool(_POST_PATH.search(parts.path))


def json_url(url: str) -> str:
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "format"] + [("format", "json")]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def plan(url: str) -> list[Request]:
    return [Request(json_url(url), freshness=Freshness.POST), Request(url)]


def parse(url: str, fetched: Fetched) -> Source | None:
    if "format=json" not in urlsplit(fetched.url).query:
        page = html_adapter.parse(url, fetched)
        return replace(page, adapter=NAME) if page is not None else None
    return parse_json(url, fetched)


def load(fetched: Fetched) -> Any:
    text = decode_text(fetched).lstrip()
    text = text.removeprefix(JSON_PREFIX)
    try:
        return json.loads(text)
    except ValueError:
        return None


# Shape: `payload.value.{title, creatorId, firstPublishedAt, canonicalUrl, mediumUrl,
# isLockedPreviewOnly, content.bodyModel.paragraphs[].{type, text}}` and
# `payload.references.User[<id>].{name, username}` (SOURCES.md §4, many client repos;
# body path unverified live).
def parse_json(url: str, fetched: Fetched) -> Source | None:
    if fetched.http_status in (404, 410):
        return status_source(url, NAME, FetchStatus.NOT_FOUND, "Medium: no such post")
    data = load(fetched)
    payload = data.get("payload") if isinstance(data, dict) else None
    value = payload.get("value") if isinstance(payload, dict) else None
    if not isinstance(value, dict) or "title" not in value:
        return None
    paragraphs = (((value.get("content") or {}).get("bodyModel") or {}).get("paragraphs")) or []
    text = "\n\n".join(
        " ".join(str(p.get("text", "")).split())
        for p in paragraphs
        if isinstance(p, dict)
        and p.get("type") not in _SKIP_TYPES
        and str(p.get("text", "")).strip()
    )
    references = payload.get("references") if isinstance(payload, dict) else None
    users = (references.get("User") if isinstance(references, dict) else None) or {}
    creator = users.get(value.get("creatorId")) if isinstance(users, dict) else None
    authors: tuple[Author, ...] = ()
    if isinstance(creator, dict) and (creator.get("name") or creator.get("username")):
        authors = (
            Author(
                name=str(creator.get("name") or creator.get("username")),
                handle=str(creator["username"]) if creator.get("username") else None,
            ),
        )
    locked = bool(value.get("isLockedPreviewOnly"))
    canonical = value.get("canonicalUrl") or value.get("mediumUrl") or url
    return Source(
        url=url,
        canonical_url=str(canonical),
        adapter=NAME,
        title=str(value["title"]) or None,
        authors=authors,
        published=_epoch_ms(value.get("firstPublishedAt")),
        text=text,
        complete=not locked,
        note="paywalled: member-only preview" if locked else "",
    )


def _epoch_ms(value: Any) -> str | None:
    if not isinstance(value, int | float) or value <= 0:
        return None
    return datetime.fromtimestamp(value / 1000, tz=UTC).isoformat().replace("+00:00", "Z")

"""Wayback Machine snapshots, fetched raw (``id_``) without the archive's toolbar."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import quote, urlsplit

from srclint.model import Fetched, FetchStatus, Freshness, Request, Source
from srclint.sources import html as html_adapter
from srclint.sources import pdf
from srclint.sources.base import load_json

NAME = "wayback"

_HOSTS = frozenset({"web.archive.org", "wayback.archive.org"})
# /web/<timestamp><flags>/<original URL>; flags are id_, if_, im_, js_, cs_ …
_SNAPSHOT = re.compile(r"^/web/(?P<ts>\d{1,14})(?:[a-z]{2}_)?/(?P<original>.+)$")


def snapshot(url: str) -> tuple[str, str] | None:
    """``(timestamp, original URL)`` of a snapshot URL."""
    parts = urlsplit(url.strip())
    if (parts.hostname or "").lower() not in _HOSTS:
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    found = _SNAPSHOT.match(path)
    if found is None:
        return None
    original = found.group("original")
    # The archive collapses "https://" in paths to "https:/"; a bare host has no scheme.
    original = re.sub(r"^(https?):/+", r"\1://", original)
    if not re.match(r"^https?://", original):
        original = "http://" + original
    return found.group("ts"), original


def matches(url: str) -> bool:
    return snapshot(url) is not None


def raw_url(timestamp: str, original: str) -> str:
    return f"https://web.archive.org/web/{timestamp}id_/{original}"


def plan(url: str) -> list[Request]:
    found = snapshot(url)
    if found is None:
        return []
    return [Request(raw_url(*found), freshness=Freshness.IMMUTABLE)]


def parse(url: str, fetched: Fetched) -> Source | None:
    found = snapshot(url)
    if found is None:
        return None
    timestamp, original = found
    reader = pdf.parse if pdf.is_pdf(fetched) else html_adapter.parse
    page = reader(url, fetched)
    if page is None:
        return None
    return replace(
        page,
        adapter=NAME,
        canonical_url=original,
        note=f"Wayback Machine snapshot {timestamp} of {original}",
    )


# --- suggesting a snapshot for a dead link ----------------------------------------------


def availability_request(url: str) -> Request:
    """The availability API query for ``url`` (archive.org/help/wayback_api.php)."""
    return Request(
        f"https://archive.org/wayback/available?url={quote(url, safe='')}",
        freshness=Freshness.LINK,
    )


def parse_availability(fetched: Fetched) -> str | None:
    """The closest snapshot's URL (https), or None when nothing is archived."""
    if fetched.status is not FetchStatus.OK:
        return None
    data = load_json(fetched)
    snapshots = data.get("archived_snapshots") if isinstance(data, dict) else None
    closest = snapshots.get("closest") if isinstance(snapshots, dict) else None
    if not isinstance(closest, dict) or not closest.get("available") or not closest.get("url"):
        return None
    if not str(closest.get("status", "200")).startswith(("2", "3")):
        return None  # a snapshot of the error page is no copy of the page
    return re.sub(r"^http://", "https://", str(closest["url"]))

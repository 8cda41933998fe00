"""Wayback Machine availability API: the closest archived copy of a dead link."""

from __future__ import annotations

import json
from urllib.parse import quote


def availability_url(api: str, url: str) -> str:
    """``{api}?url=<url>``; ``api`` is ``https://archive.org/wayback/available`` by default."""
    return f"{api}?url={quote(url, safe='')}"


def closest_snapshot(body: bytes) -> str | None:
    """The closest available snapshot's URL (https), or None when nothing is archived.

    Shape: ``{"archived_snapshots": {"closest": {"available": true, "url": …,
    "timestamp": …, "status": "200"}}}``, or ``{"archived_snapshots": {}}``.
    """
    try:
        data = json.loads(body)
        closest = data["archived_snapshots"]["closest"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(closest, dict) or not closest.get("available"):
        return None
    url = closest.get("url")
    status = str(closest.get("status", "200"))
    if not isinstance(url, str) or not url or not status.startswith(("2", "3")):
        return None  # a snapshot of the error page is no copy of the page
    if url.startswith("http://web.archive.org/"):
        url = "https://" + url.removeprefix("http://")
    return url

"""Relative links to files next to the draft: checked on disk, fragments against headings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from srclint.model import Fetched, FetchStatus

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})


def _root(start: Path) -> Path:
    """Where ``/docs/x.md`` is resolved: the repository root (a folder holding .git)."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def check_local(
    draft_path: Path, target: str, slugs: Callable[[Path], set[str]]
) -> Fetched:
    """Check a relative link from ``draft_path``: the file must exist, and a ``#fragment``
    into a Markdown file must name one of its headings (``slugs(path)`` lists them)."""
    parts = urlsplit(target)
    base = draft_path.parent
    relative = unquote(parts.path)
    if not relative:
        path = draft_path  # "#section": a heading of the draft itself
    elif relative.startswith("/"):
        path = _root(base.resolve()) / relative.lstrip("/")
    else:
        path = base / relative
    shown = relative or draft_path.name
    if not path.exists():
        return Fetched(url=target, final_url=str(path), status=FetchStatus.NOT_FOUND,
                       error=f"no such file {shown}")
    fragment = unquote(parts.fragment)
    if fragment and path.is_file() and path.suffix.lower() in MARKDOWN_SUFFIXES:
        known = slugs(path)
        if fragment not in known and fragment.lower() not in known:
            return Fetched(url=target, final_url=str(path), status=FetchStatus.NOT_FOUND,
                           error=f"no heading #{fragment} in {shown}")
    return Fetched(url=target, final_url=str(path), status=FetchStatus.OK)

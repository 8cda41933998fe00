"""GitHub-style anchor slugs of headings, for checking ``#fragment`` links."""

from __future__ import annotations

import re

_NOT_SLUG = re.compile(r"[^\w\- ]", re.UNICODE)


def slugify(text: str) -> str:
    """GitHub's rule: lowercase, punctuation dropped, each space a hyphen."""
    return _NOT_SLUG.sub("", text.strip().lower()).replace(" ", "-")


def unique_slugs(texts: list[str]) -> list[str]:
    """Slugs in document order; a repeated slug gets ``-1``, ``-2`` … like GitHub's."""
    seen: dict[str, int] = {}
    slugs = []
    for text in texts:
        slug = base = slugify(text)
        while slug in seen:
            seen[base] += 1
            slug = f"{base}-{seen[base]}"
        seen[slug] = 0
        seen.setdefault(base, 0)
        slugs.append(slug)
    return slugs

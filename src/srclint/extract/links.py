"""What counts as a link target in prose: bare URLs, HTML ``href``/``cite``, link kinds."""

from __future__ import annotations

import html
import re

from srclint.model import LinkKind

# A bare URL runs to the first space, angle bracket or quotation mark; trailing
# punctuation is then given back to the sentence by ``trim_bare_url``.
BARE_URL = re.compile(r"""\b(?:https?|ftp)://[^\s<>"“”‘’`—–…]+""", re.IGNORECASE)

_TRAILING = ".,;:!?'*_~"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def trim_bare_url(url: str) -> str:
    """Drop sentence punctuation after a bare URL, keeping balanced brackets.

    ``https://en.wikipedia.org/wiki/Bias_(statistics)`` keeps its ``)``;
    ``(see https://example.com/a).`` loses ``).``.
    """
    while url:
        last = url[-1]
        unbalanced = last in _PAIRS and url.count(last) > url.count(_PAIRS[last])
        if last in _TRAILING or unbalanced:
            url = url[:-1]
        else:
            break
    return url


def find_bare_urls(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each bare URL in plain text, trailing punctuation excluded."""
    found = []
    for match in BARE_URL.finditer(text):
        url = trim_bare_url(match.group())
        if "://" in url and not url.endswith("://"):
            found.append((match.start(), match.start() + len(url)))
    return found


def markdown_link_kind(source: str, markup: str, info: str) -> LinkKind:
    """The kind of a markdown-it link from its markup and the source it came from."""
    if markup == "autolink" or info == "auto":
        return LinkKind.AUTOLINK
    if markup == "linkify":
        return LinkKind.BARE
    # An inline link always ends with the ")" of its destination; reference links
    # (full, collapsed or shortcut) end with "]".
    return LinkKind.INLINE if source.rstrip().endswith(")") else LinkKind.REFERENCE


_ATTRIBUTE = r"""\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
_HREF = re.compile(_ATTRIBUTE.format(name="href"), re.IGNORECASE)
_CITE = re.compile(_ATTRIBUTE.format(name="cite"), re.IGNORECASE)
ANCHOR_OPEN = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
ANCHOR_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
BLOCKQUOTE_OPEN = re.compile(r"<blockquote\b[^>]*>", re.IGNORECASE)
BLOCKQUOTE_CLOSE = re.compile(r"</blockquote\s*>", re.IGNORECASE)


def _attribute(pattern: re.Pattern[str], tag: str) -> str | None:
    match = pattern.search(tag)
    if match is None:
        return None
    value = next(group for group in match.groups() if group is not None)
    return html.unescape(value).strip() or None


def href_of(tag: str) -> str | None:
    """The ``href`` of an ``<a …>`` tag, entities decoded."""
    return _attribute(_HREF, tag)


def cite_of(tag: str) -> str | None:
    """The ``cite`` of a ``<blockquote …>`` tag, entities decoded."""
    return _attribute(_CITE, tag)

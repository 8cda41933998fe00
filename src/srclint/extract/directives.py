"""``<!-- srclint-… -->`` comments: recorded here, applied by the lint stage (§7).

Grammar (markdownlint's, with the prefix ``srclint-``)::

    <!-- srclint-source: URL -->
    <!-- srclint-disable[-line|-next-line|-file] [CODE-OR-NAME …] -->
    <!-- srclint-enable [CODE-OR-NAME …] -->

Codes or rule names are separated by spaces (commas are tolerated); none means all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from srclint.extract.spans import LineIndex
from srclint.model import Directive, DirectiveKind

_DIRECTIVE = re.compile(
    r"^\s*srclint-(?P<kind>source|disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<rest>(?:[\s:].*)?)$",
    re.DOTALL,
)
_KINDS = {kind.value: kind for kind in DirectiveKind}


def html_comments(html: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each ``<!-- … -->`` in raw HTML (linear, unlike a lazy regex)."""
    start = html.find("<!--")
    while start != -1:
        end = html.find("-->", start + 4)
        if end == -1:
            return
        yield start, end + 3
        start = html.find("<!--", end + 3)


def blank_comments(html: str) -> str:
    """The HTML with every comment replaced by spaces (offsets unchanged)."""
    parts = []
    at = 0
    for start, end in html_comments(html):
        parts.append(html[at:start])
        parts.append(" " * (end - start))
        at = end
    parts.append(html[at:])
    return "".join(parts)


def read_directive(comment_body: str) -> tuple[DirectiveKind, tuple[str, ...], str | None] | None:
    """The directive in one comment's body (between ``<!--`` and ``-->``), if any."""
    match = _DIRECTIVE.match(comment_body)
    if match is None:
        return None
    kind = _KINDS[match.group("kind")]
    words = tuple(w for w in re.split(r"[\s,]+", match.group("rest").lstrip(":").strip()) if w)
    if kind is DirectiveKind.SOURCE:
        return kind, (), (words[0] if words else None)
    return kind, words, None


def find_directives(html: str, file_offset: int, index: LineIndex) -> list[Directive]:
    """Directives in a fragment of raw HTML found at or after ``file_offset``.

    Inside a blockquote or list item the fragment lost its ``>``/indent prefixes, so each
    comment is looked up in the file rather than counted from ``file_offset``.
    """
    found = []
    cursor = file_offset
    for begin, end in html_comments(html):
        read = read_directive(html[begin + 4:end - 3])
        if read is None:
            continue
        kind, codes, url = read
        comment = html[begin:end]
        start = index.text.find(comment, cursor)
        if start == -1:
            start = file_offset + begin
        cursor = start + len(comment)
        span = index.span(start, start + len(comment))
        found.append(Directive(kind, codes, span, url))
    return found

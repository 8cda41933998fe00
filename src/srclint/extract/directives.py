"""``<!-- srclint-… -->`` comments: recorded here, applied by the lint stage (§7).

Grammar (markdownlint's, with the prefix ``srclint-``)::

    <!-- srclint-source: URL -->
    <!-- srclint-disable[-line|-next-line|-file] [CODE-OR-NAME …] -->
    <!-- srclint-enable [CODE-OR-NAME …] -->

Codes or rule names are separated by spaces (commas are tolerated); none means all.
"""

from __future__ import annotations

import re

from srclint.extract.spans import LineIndex
from srclint.model import Directive, DirectiveKind

COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_DIRECTIVE = re.compile(
    r"^\s*srclint-(?P<kind>source|disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<rest>(?:[\s:].*)?)$",
    re.DOTALL,
)
_KINDS = {kind.value: kind for kind in DirectiveKind}


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
    for match in COMMENT.finditer(html):
        read = read_directive(match.group(1))
        if read is None:
            continue
        kind, codes, url = read
        comment = match.group()
        start = index.text.find(comment, cursor)
        if start == -1:
            start = file_offset + match.start()
        cursor = start + len(comment)
        span = index.span(start, start + len(comment))
        found.append(Directive(kind, codes, span, url))
    return found

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
    """Directives in a fragment of raw HTML that starts at ``file_offset``."""
    found = []
    for match in COMMENT.finditer(html):
        read = read_directive(match.group(1))
        if read is None:
            continue
        kind, codes, url = read
        span = index.span(file_offset + match.start(), file_offset + match.end())
        found.append(Directive(kind, codes, span, url))
    return found

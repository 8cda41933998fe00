"""Offsets into a draft and their 1-based line:column spans.

The parser sees the text with its byte-order mark removed and CR LF / lone CR turned
into LF. Those edits never change which line a character is on nor how many
characters precede it on its line, so line:column computed on the parser's text is
exactly line:column in the original file (a BOM is not a column anyone can see).
"""

from __future__ import annotations

from bisect import bisect_right

from srclint.model import Span

BOM = "\ufeff"


def normalize_newlines(text: str) -> str:
    """The text as the Markdown parser reads it: no BOM, LF line ends, no NUL."""
    if text.startswith(BOM):
        text = text.lstrip(BOM)  # an editor that added a BOM twice: still no column
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    return text


class LineIndex:
    """Maps offsets of the normalized text to 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find = text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self.line_starts = starts

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_start(self, line: int) -> int:
        """The offset of the first character of a 0-based line (clamped to the text)."""
        if line < 0:
            return 0
        if line >= len(self.line_starts):
            return len(self.text)
        return self.line_starts[line]

    def line_text(self, line: int) -> str:
        """A 0-based line without its line end."""
        start = self.line_start(line)
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset (clamped into the text)."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]``; ``end`` is exclusive."""
        end = max(start, end)
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based (line, column) position (inverse of ``position``)."""
        return min(self.line_start(line - 1) + column - 1, len(self.text))

    def text_at(self, span: Span) -> str:
        """The text a span covers."""
        return self.text[self.offset(span.line, span.column):
                         self.offset(span.end_line, span.end_column)]

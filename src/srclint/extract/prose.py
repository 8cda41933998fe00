"""Plain text of one inline run (a paragraph, heading or table cell) mapped to the file.

A ``Prose`` is what a reader sees of an inline token — markup removed, line breaks as
spaces — and remembers, for every character, where it came from in the original file,
plus where its links, code spans, emphasis, footnote references and inline HTML are.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from srclint.extract.links import (
    ANCHOR_CLOSE,
    ANCHOR_OPEN,
    find_bare_urls,
    href_of,
    markdown_link_kind,
)
from srclint.extract.spans import LineIndex
from srclint.extract.tokens import position
from srclint.model import Link, LinkKind


@dataclass(frozen=True, slots=True)
class LinkRange:
    """A link as it appears in prose: ``text[start:end]`` is its visible text."""

    start: int
    end: int
    link: Link
    file_start: int
    file_end: int
    emphasised: bool = False


@dataclass(frozen=True, slots=True)
class InlineHtml:
    """A raw HTML fragment inside prose (a comment, ``<a>``, ``<br>`` …)."""

    html: str
    at: int  # prose index where it sits
    file_start: int
    file_end: int


@dataclass(slots=True)
class Prose:
    """Plain text with a map back to file offsets."""

    text: str = ""
    # Runs: (prose start, prose length, file start, file end, verbatim). A verbatim
    # run maps character i to file_start + i; any other run maps all its characters
    # to [file_start, file_end) (an escape, an entity, a line break).
    runs: list[tuple[int, int, int, int, bool]] = field(default_factory=list)
    run_starts: list[int] = field(default_factory=list)
    links: list[LinkRange] = field(default_factory=list)
    code: list[tuple[int, int]] = field(default_factory=list)
    emphasis: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # prose indices of line breaks
    footnote_refs: list[tuple[int, int, str]] = field(default_factory=list)
    html: list[InlineHtml] = field(default_factory=list)
    file_start: int = 0
    file_end: int = 0

    def char_start(self, at: int) -> int:
        """File offset where prose character ``at`` starts."""
        if not self.runs:
            return self.file_start
        at = max(0, min(at, len(self.text) - 1))
        index = max(0, bisect_right(self.run_starts, at) - 1)
        start, length, file_start, _file_end, verbatim = self.runs[index]
        return file_start + min(at - start, length - 1) if verbatim else file_start

    def char_end(self, at: int) -> int:
        """File offset just after prose character ``at``."""
        if not self.runs:
            return self.file_start
        at = max(0, min(at, len(self.text) - 1))
        index = max(0, bisect_right(self.run_starts, at) - 1)
        start, length, file_start, file_end, verbatim = self.runs[index]
        return file_start + min(at - start, length - 1) + 1 if verbatim else file_end

    def file_range(self, start: int, end: int) -> tuple[int, int]:
        """File offsets of ``text[start:end]`` (empty ranges sit at ``start``)."""
        if end <= start:
            offset = self.char_start(start) if start < len(self.text) else self.file_end
            return offset, offset
        return self.char_start(start), self.char_end(end - 1)


class ContentMap:
    """Maps offsets of an inline token's ``content`` to file offsets, line by line."""

    def __init__(self, content: str, first_line: int, index: LineIndex, cursors: dict[int, int],
                 cell: bool = False) -> None:
        self.starts: list[int] = []
        self.bases: list[int] = []
        at = 0
        for number, line in enumerate(content.split("\n")):
            source_line = first_line + number
            self.starts.append(at)
            self.bases.append(_locate_line(line, source_line, index, cursors, cell))
            at += len(line) + 1
        self.limit = len(index.text)

    def offset(self, at: int) -> int:
        index = max(0, bisect_right(self.starts, at) - 1)
        return min(self.bases[index] + at - self.starts[index], self.limit)


def _locate_line(line: str, source_line: int, index: LineIndex, cursors: dict[int, int],
                 cell: bool) -> int:
    """File offset of the first character of one content line."""
    text = index.line_text(source_line)
    start = index.line_start(source_line)
    stripped = line.rstrip()
    if not cell and stripped and text.rstrip().endswith(stripped):
        return start + len(text.rstrip()) - len(stripped)
    cursor = cursors.get(source_line, 0)
    core = line.strip()
    found = text.find(core, cursor) if core else -1
    if found == -1:
        found = text.find(core) if core else -1
    if found == -1:
        return start + min(cursor, len(text))
    cursors[source_line] = found + len(core)
    return start + max(0, found - (len(line) - len(line.lstrip())))


def build_prose(inline: Token, index: LineIndex, cursors: dict[int, int], *,
                cell: bool = False, footnote: bool = False) -> Prose:
    """The plain text of an inline token, with its links and a map to the file."""
    content = inline.content
    if inline.map:
        first_line = inline.map[0]
    else:  # an inline footnote's text (^[…]): markdown-it gives it no lines
        found = index.text.find(content.split("\n", 1)[0]) if content else -1
        first_line = index.position(max(found, 0))[0] - 1
    where = ContentMap(content, first_line, index, cursors, cell)
    builder = _ProseBuilder(content, where, index, footnote)
    builder.walk(inline.children or [])
    prose = builder.prose
    prose.file_start = where.offset(0)
    prose.file_end = where.offset(len(content.rstrip()))
    prose.run_starts = [run[0] for run in prose.runs]
    _add_bare_urls(prose, index, footnote)
    emphasised = set(prose.emphasis)
    prose.links = sorted(
        (
            replace(
                link,
                link=link.link if link.link.text
                else replace(link.link, text=prose.text[link.start:link.end]),
                emphasised=(link.start, link.end) in emphasised,
            )
            for link in prose.links
        ),
        key=lambda link: link.start,
    )
    return prose


class _ProseBuilder:
    def __init__(self, content: str, where: ContentMap, index: LineIndex,
                 footnote: bool) -> None:
        self.content = content
        self.where = where
        self.index = index
        self.footnote = footnote
        self.prose = Prose()
        self.parts: list[str] = []
        self.length = 0
        self.cursor = 0
        # open links: (prose start, href, kind, content start, content end)
        self.open_links: list[tuple[int, str, LinkKind, int, int]] = []
        self.open_emphasis: list[int] = []

    def add_verbatim(self, text: str, at: int) -> None:
        """Text copied from ``content[at:]``, split where content lines break."""
        done = 0
        while done < len(text):
            newline = text.find("\n", done)
            piece_end = len(text) if newline == -1 else newline + 1
            file_start = self.where.offset(at + done)
            length = piece_end - done
            self.prose.runs.append((self.length, length, file_start, file_start + length, True))
            self.parts.append(text[done:piece_end])
            self.length += length
            done = piece_end

    def add_mapped(self, text: str, start: int, end: int) -> None:
        """Text standing for ``content[start:end]`` without being a copy of it."""
        if not text:
            return
        file_start, file_end = self.where.offset(start), self.where.offset(end)
        self.prose.runs.append((self.length, len(text), file_start, max(file_start, file_end),
                                False))
        self.parts.append(text)
        self.length += len(text)

    def walk(self, children: list[Token]) -> None:
        previous: Token | None = None
        for token in children:
            self.visit(token, previous)
            previous = token
        self.prose.text = "".join(self.parts)
        self.close_dangling_links()

    def visit(self, token: Token, previous: Token | None) -> None:
        pos = position(token)
        kind = token.type
        if kind == "text":
            self.visit_text(token, pos, previous)
        elif kind == "text_special" and pos:
            self.add_mapped(token.content, *pos)
        elif kind in ("softbreak", "hardbreak") and pos:
            self.prose.breaks.append(self.length)
            self.add_mapped(" ", *pos)
        elif kind == "code_inline" and pos:
            self.visit_code(token, pos)
        elif kind == "link_open" and pos:
            href = str(token.attrs.get("href", ""))
            source = self.content[pos[0]:pos[1]]
            link_kind = markdown_link_kind(source, token.markup, token.info)
            self.open_links.append((self.length, href, link_kind, pos[0], pos[1]))
        elif kind == "link_close":
            self.close_link()
        elif kind in ("em_open", "strong_open", "s_open"):
            self.open_emphasis.append(self.length)
        elif kind in ("em_close", "strong_close", "s_close") and self.open_emphasis:
            self.prose.emphasis.append((self.open_emphasis.pop(), self.length))
        elif kind == "footnote_ref" and pos:
            label = str(token.meta.get("label", ""))
            self.prose.footnote_refs.append((self.length, pos[1] - pos[0], label))
        elif kind == "html_inline" and pos:
            self.visit_html(token, pos)
        if pos and kind not in ("link_open", "text"):
            self.cursor = max(self.cursor, pos[1])
        elif pos and kind == "link_open":
            self.cursor = pos[0] + 1

    def visit_text(self, token: Token, pos: tuple[int, int] | None,
                   previous: Token | None) -> None:
        text = token.content
        if not text:
            return
        start = self.cursor
        if pos and previous is not None and previous.type == "link_open":
            start = pos[0] + 1  # the URL inside an autolink's angle brackets
        if self.content.startswith(text, start):
            self.add_verbatim(text, start)
            self.cursor = start + len(text)
            return
        found = self.content.find(text, start)
        if found != -1:
            self.add_verbatim(text, found)
            self.cursor = found + len(text)
        else:
            self.add_mapped(text, start, start)

    def visit_code(self, token: Token, pos: tuple[int, int]) -> None:
        begin = self.length
        found = self.content.find(token.content, pos[0], pos[1]) if token.content else -1
        if found != -1 and "\n" not in self.content[pos[0]:pos[1]]:
            self.add_verbatim(token.content, found)
        else:
            self.add_mapped(token.content, pos[0], pos[1])
        self.prose.code.append((begin, self.length))

    def visit_html(self, token: Token, pos: tuple[int, int]) -> None:
        tag = token.content
        file_start, file_end = self.where.offset(pos[0]), self.where.offset(pos[1])
        self.prose.html.append(InlineHtml(tag, self.length, file_start, file_end))
        if ANCHOR_OPEN.match(tag):
            href = href_of(tag)
            if href is not None:
                self.open_links.append((self.length, href, LinkKind.HTML, pos[0], pos[1]))
        elif ANCHOR_CLOSE.match(tag) and self.open_links and (
            self.open_links[-1][2] is LinkKind.HTML
        ):
            start, href, kind, content_start, _ = self.open_links.pop()
            self.open_links.append((start, href, kind, content_start, pos[1]))
            self.close_link()

    def close_link(self) -> None:
        if not self.open_links:
            return
        start, href, kind, content_start, content_end = self.open_links.pop()
        if not href.strip() or href.strip() == "#":
            return  # a placeholder ("[wasn't buying it]()") links to nothing: its text is prose
        if self.footnote:
            kind = LinkKind.FOOTNOTE
        text = ""  # filled in by ``_with_link_texts`` once the whole text is known
        file_start = self.where.offset(content_start)
        file_end = self.where.offset(content_end)
        span = self.index.span(file_start, file_end)
        self.prose.links.append(
            LinkRange(start, self.length, Link(href, text, span, kind), file_start, file_end)
        )

    def close_dangling_links(self) -> None:
        # An <a href> never closed: its text is the rest of the prose.
        while self.open_links:
            self.close_link()


def _add_bare_urls(prose: Prose, index: LineIndex, footnote: bool) -> None:
    taken = [(link.start, link.end) for link in prose.links] + prose.code
    for start, end in find_bare_urls(prose.text):
        if any(a < end and start < b for a, b in taken):
            continue
        url = prose.text[start:end]
        file_start, file_end = prose.file_range(start, end)
        kind = LinkKind.FOOTNOTE if footnote else LinkKind.BARE
        link = Link(url, url, index.span(file_start, file_end), kind)
        prose.links.append(LinkRange(start, end, link, file_start, file_end))


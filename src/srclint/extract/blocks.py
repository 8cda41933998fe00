"""The block structure of a draft: markdown-it's flat token stream as a small tree.

Binding reads siblings ("the paragraph right before this blockquote"), so containers
(blockquotes, lists, list items, footnote definitions, tables) keep their children in
order. Paragraphs, headings and table cells carry their ``Prose``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from markdown_it.token import Token

from srclint.extract.prose import Prose, build_prose
from srclint.extract.spans import LineIndex


class BlockKind(Enum):
    ROOT = "root"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    BLOCKQUOTE = "blockquote"
    LIST = "list"
    ITEM = "item"
    FOOTNOTE = "footnote"
    TABLE = "table"
    HTML = "html"
    CODE = "code"
    OTHER = "other"  # thematic break, front matter


_CONTAINERS = {
    "blockquote_open": BlockKind.BLOCKQUOTE,
    "bullet_list_open": BlockKind.LIST,
    "ordered_list_open": BlockKind.LIST,
    "list_item_open": BlockKind.ITEM,
    "footnote_open": BlockKind.FOOTNOTE,
    "table_open": BlockKind.TABLE,
}
_LEAVES = {
    "fence": BlockKind.CODE,
    "code_block": BlockKind.CODE,
    "html_block": BlockKind.HTML,
    "hr": BlockKind.OTHER,
    "front_matter": BlockKind.OTHER,
}


@dataclass(slots=True)
class Block:
    """One block of the draft. ``start``/``end`` are file offsets of its lines."""

    kind: BlockKind
    start: int
    end: int
    children: list[Block] = field(default_factory=list)
    prose: list[Prose] = field(default_factory=list)  # paragraph/heading: one; table: cells
    html: str = ""
    label: str = ""  # a footnote definition's label
    parent: Block | None = None

    def descendants(self) -> list[Block]:
        """This block and every block inside it, in document order."""
        found: list[Block] = []
        stack = [self]
        while stack:
            block = stack.pop()
            found.append(block)
            stack.extend(reversed(block.children))
        return found

    def inside(self, kind: BlockKind) -> bool:
        """Whether some enclosing block is of this kind."""
        parent = self.parent
        while parent is not None:
            if parent.kind is kind:
                return True
            parent = parent.parent
        return False


def _line_range(token: Token, index: LineIndex) -> tuple[int, int] | None:
    if not token.map:
        return None
    start = index.line_start(token.map[0])
    last = max(token.map[0], token.map[1] - 1)
    end = index.line_start(last) + len(index.line_text(last))
    return start, end


def build_tree(tokens: list[Token], index: LineIndex) -> Block:
    """The block tree of a token stream."""
    root = Block(BlockKind.ROOT, 0, len(index.text))
    stack = [root]
    cursors: dict[int, int] = {}  # per source line: how far table cells were found
    previous = ""
    for token in tokens:
        parent = stack[-1]
        after, previous = previous, token.type
        kind = token.type
        if kind in _CONTAINERS:
            where = _line_range(token, index) or (parent.end, parent.end)
            block = Block(_CONTAINERS[kind], *where, parent=parent)
            if kind == "footnote_open":
                block.label = str(token.meta.get("label", ""))
            parent.children.append(block)
            stack.append(block)
        elif token.nesting < 0 and kind.replace("_close", "_open") in _CONTAINERS:
            if len(stack) > 1:
                closed = stack.pop()
                if closed.children and closed.start >= closed.end:
                    closed.start = closed.children[0].start
                    closed.end = closed.children[-1].end
        elif kind in _LEAVES:
            where = _line_range(token, index) or (parent.end, parent.end)
            parent.children.append(
                Block(_LEAVES[kind], *where, html=token.content, parent=parent))
        elif kind == "inline":
            _add_inline(token, parent, index, cursors, heading=after == "heading_open")
    return root


def _add_inline(token: Token, parent: Block, index: LineIndex, cursors: dict[int, int], *,
                heading: bool) -> None:
    in_footnote = parent.kind is BlockKind.FOOTNOTE or parent.inside(BlockKind.FOOTNOTE)
    if parent.kind is BlockKind.TABLE:
        prose = build_prose(token, index, cursors, cell=True, footnote=in_footnote)
        parent.prose.append(prose)
        return
    prose = build_prose(token, index, cursors, footnote=in_footnote)
    where = _line_range(token, index) or (prose.file_start, prose.file_end)
    kind = BlockKind.HEADING if heading else BlockKind.PARAGRAPH
    parent.children.append(Block(kind, *where, prose=[prose], parent=parent))

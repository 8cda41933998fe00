"""Prose: the plain text of an inline run and the file offset of each character."""

from __future__ import annotations

import pytest

from srclint.extract.blocks import BlockKind, build_tree
from srclint.extract.prose import Prose
from srclint.extract.spans import LineIndex
from srclint.extract.tokens import parse_tokens


def first_prose(markdown: str) -> tuple[Prose, LineIndex]:
    index = LineIndex(markdown)
    root = build_tree(parse_tokens(markdown), index)
    block = next(b for b in root.descendants()
                 if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.TABLE))
    return block.prose[0], index


# (markdown, expected plain text)
TEXTS = [
    ("plain words", "plain words"),
    ("*em* and **strong** and ~~s~~", "em and strong and ~~s~~"),
    ("[link *text*](u) and <https://a.example>", "link text and https://a.example"),
    ("line one\nline two  \nline three\\\nfour", "line one line two line three four"),
    ("`code` and \\*escaped\\* &amp; &#8220;", "code and *escaped* & “"),
    ("> > nested *quote*", "nested quote"),
    ("* item with [l](u)", "item with l"),
    ("# Heading *one* #", "Heading one"),
    ("| *a* | b |\n|---|---|", "a"),
    ("text<!-- hidden -->more", "textmore"),
    ("![alt](img.png) after", " after"),
]


@pytest.mark.parametrize(("markdown", "expected"), TEXTS)
def test_plain_text(markdown: str, expected: str) -> None:
    prose, _index = first_prose(markdown)
    assert prose.text == expected


# (markdown, a word of the prose, expected (line, column) of its first character)
WHERE = [
    ("*em* and **strong**", "strong", (1, 12)),
    ("> > nested *quote*", "quote", (1, 13)),
    ("para\n> one\n> two", "two", (3, 3)),
    ("* a\n\n  continued *here*", "here", (3, 14)),
    ("漢字 😀 [link](u) x", "x", (1, 16)),
    ("a \\*b", "b", (1, 5)),
    ("| a | b |\n|---|---|\n| c | d *e* |", "e", (3, 10)),
]


@pytest.mark.parametrize(("markdown", "word", "expected"), WHERE)
def test_file_position_of_a_character(markdown: str, word: str,
                                      expected: tuple[int, int]) -> None:
    index = LineIndex(markdown)
    root = build_tree(parse_tokens(markdown), index)
    proses = [p for b in root.descendants() for p in b.prose]
    prose = next(p for p in reversed(proses) if word in p.text)
    at = prose.text.rindex(word)
    assert index.position(prose.char_start(at)) == expected

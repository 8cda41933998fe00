"""Spans: 1-based line:column in characters, into the original file."""

from __future__ import annotations

import pytest

from srclint.extract import parse
from srclint.extract.spans import LineIndex, normalize_newlines
from srclint.model import Span

# (text, offset, expected (line, column))
POSITIONS = [
    ("abc", 0, (1, 1)),
    ("abc", 3, (1, 4)),
    ("ab\ncd", 3, (2, 1)),
    ("ab\ncd", 2, (1, 3)),
    ("漢字\n😀x", 4, (2, 2)),
    ("", 0, (1, 1)),
    ("a\n\n", 3, (3, 1)),
]


@pytest.mark.parametrize(("text", "offset", "expected"), POSITIONS)
def test_position(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert LineIndex(text).position(offset) == expected


# (original text, what the parser reads)
NORMALIZED = [
    ("a\r\nb", "a\nb"),
    ("a\rb", "a\nb"),
    ("\ufeffa", "a"),
    ("a\0b", "a\ufffdb"),
]


@pytest.mark.parametrize(("text", "expected"), NORMALIZED)
def test_normalize_newlines(text: str, expected: str) -> None:
    assert normalize_newlines(text) == expected


# (markdown, expected span of its only link) — columns count characters.
LINK_SPANS = [
    ("see https://a.example/x", Span(1, 5, 1, 24)),
    ("漢字漢字 https://a.example/x", Span(1, 6, 1, 25)),
    ("😀😀 [t](https://a.example)", Span(1, 4, 1, 26)),
    ("\ufeffsee https://a.example/x", Span(1, 5, 1, 24)),
    ("line one\r\nsee https://a.example/x\r\n", Span(2, 5, 2, 24)),
    ("line one\rsee https://a.example/x", Span(2, 5, 2, 24)),
    ("> quoted\n> see [t](https://a.example)", Span(2, 7, 2, 29)),
    ("* item\n\n  > > 漢 [t](https://a.example)", Span(3, 9, 3, 31)),
    (">\tsee https://a.example/x", Span(1, 7, 1, 26)),
    ("-\tsee https://a.example/x", Span(1, 7, 1, 26)),
    ("1.  a\n\n\tsee https://a.example/x", Span(3, 6, 3, 25)),
    ("| a | b |\n|---|---|\n| 😀 | <https://a.example> |", Span(3, 7, 3, 26)),
]


@pytest.mark.parametrize(("markdown", "expected"), LINK_SPANS)
def test_link_span(markdown: str, expected: Span) -> None:
    (link,) = parse("d.md", markdown).links
    assert link.span == expected


def test_quote_span_after_emoji_and_crlf() -> None:
    text = "😀 intro\r\nShe said “this is a long enough quotation” today.\r\n"
    (citation,) = parse("d.md", text).citations
    assert citation.quote is not None
    assert citation.quote.span == Span(2, 10, 2, 43)
    index = LineIndex(normalize_newlines(text))
    assert index.text_at(citation.quote.span) == "“this is a long enough quotation”"

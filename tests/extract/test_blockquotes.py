"""Blockquotes as quotations: text as a reader sees it, and their attribution lines."""

from __future__ import annotations

import pytest

from srclint.extract import parse
from srclint.model import QuoteKind

# (markdown, expected block quote texts)
BLOCKS = [
    ("> one line", ["one line"]),
    ("> line one\n> line two", ["line one line two"]),
    ("> para one\n>\n> para two", ["para one\n\npara two"]),
    ("> *emph* and **strong** and [link](https://a.example) and `code`",
     ["emph and strong and link and code"]),
    ("> outer\n>\n> > inner\n>\n> outer again", ["outer\n\ninner\n\nouter again"]),
    ("> > only nested", ["only nested"]),
    ("* item\n\n  > in a list item", ["in a list item"]),
    ("1. item\n   > in an ordered item", ["in an ordered item"]),
    ("> quoted\n> - a list\n> - inside", ["quoted\n\na list\n\ninside"]),
    ("> # Heading\n> text", ["Heading\n\ntext"]),
    ("> text\n>\n> ```\n> code\n> ```", ["text"]),
    # code, a rule or raw HTML between two paragraphs is left out: an omission, marked
    ("> before\n>\n> ```\n> code\n> ```\n>\n> after", ["before\n\n…\n\nafter"]),
    ("> before\n>\n>     indented code\n>\n> after", ["before\n\n…\n\nafter"]),
    ("> before\n>\n> ---\n>\n> after", ["before\n\n…\n\nafter"]),
    ("> before\n>\n> <figure>chart</figure>\n>\n> after", ["before\n\n…\n\nafter"]),
    ("> before\n>\n> <!-- a note -->\n>\n> after", ["before\n\nafter"]),
    ("> before\n>\n> ![a chart](c.png)\n>\n> after", ["before\n\nafter"]),
    ("> one\n\n> two", ["one", "two"]),
    # A line after the quote without ">" is the writer's own words, not the quotation.
    ("> quote\nlazy continuation", ["quote"]),
    ("> one\n> two\nlazy", ["one two"]),
    ("> quote\nhttps://a.example/src", ["quote"]),
    ("> quote\n> — Eliezer Yudkowsky", ["quote"]),
    ("> quote\n>\n> — Eliezer Yudkowsky", ["quote"]),
    ("> quote\n> -- Jaynes", ["quote"]),
    ("> — not an attribution when alone", ["— not an attribution when alone"]),
    ("> https://a.example/only-a-link", []),
    ("> quote\n> — and then it went on, said nobody", ["quote — and then it went on, said nobody"]),
    ("> a\\*b &amp; c", ["a*b & c"]),
    # an attribution after the quoted words on the same line ends the quotation (writer QA)
    ("> the quote is long enough. — Jaynes, [Probability Theory](https://a.example)",
     ["the quote is long enough."]),
    ("> the quote is long enough. —[Eliezer Yudkowsky](https://a.example)",
     ["the quote is long enough."]),
    ("> the quote is long enough. ([source](https://a.example))", ["the quote is long enough."]),
    ("> the quote is long enough. [(source)](https://a.example)", ["the quote is long enough."]),
    ("> the quote ends with [a linked phrase](https://a.example)",
     ["the quote ends with a linked phrase"]),
    ("> social graces—and therefore, [humans](https://a.example)",
     ["social graces—and therefore, humans"]),
    ("> two words ([source](https://a.example))", ["two words (source)"]),
]


@pytest.mark.parametrize(("markdown", "expected"), BLOCKS)
def test_block_quote_text(markdown: str, expected: list[str]) -> None:
    quotes = parse("d.md", markdown).quotes
    assert [q.text for q in quotes if q.kind is QuoteKind.BLOCK] == expected


# (markdown, expected (line, column, end_line, end_column) of the quote)
BLOCK_SPANS = [
    ("> one line", (1, 1, 1, 11)),
    ("intro\n\n> a\n>\n> b", (3, 1, 5, 4)),
    ("* item\n\n  > in item", (3, 3, 3, 12)),
    ("> quote [x](https://a.example)", (1, 1, 1, 31)),
    ("> quote\nhttps://a.example/src", (1, 1, 1, 8)),
    ("> a\n>\n> — Name", (1, 1, 1, 4)),
]


@pytest.mark.parametrize(("markdown", "expected"), BLOCK_SPANS)
def test_block_quote_span(markdown: str, expected: tuple[int, int, int, int]) -> None:
    (quote,) = parse("d.md", markdown).quotes
    span = quote.span
    assert (span.line, span.column, span.end_line, span.end_column) == expected

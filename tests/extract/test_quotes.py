"""Inline quotations: which quoted runs are quotations (ARCHITECTURE §3)."""

from __future__ import annotations

import pytest

from srclint.extract import parse
from srclint.model import QuoteKind

# (markdown, expected inline quote texts)
INLINE = [
    ('He said "this is a long enough quotation" once.', ["this is a long enough quotation"]),
    ("He said “this is a long enough quotation” once.", ["this is a long enough quotation"]),
    ("He said ‘this is a long enough quotation’ once.", ["this is a long enough quotation"]),
    ('He said "too short to count" once.', []),  # four words: a scare quote
    ("He called it “obvious” and “fine”.", []),
    ("Yudkowsky: 'My arguments against it are these ones'",
     ["My arguments against it are these ones"]),
    ("'My arguments against it are these ones' he said",
     ["My arguments against it are these ones"]),
    ("He said 'my arguments against it are these ones' once", []),  # straight ' mid-line
    ("Don't you think it's Davis' turn, isn't it, really, don't you?", []),
    ("rock’n’roll isn’t dead, they’re saying, it’s fine, we’re told", []),
    ("She wrote ‘the Davis’ house is on the left side of town’ there.",
     ["the Davis’ house is on the left side of town"]),
    ('Run `echo "not a quotation in code at all"` now.', []),
    ('Run `say "x` then "this is a long enough quotation" ok', ["this is a long enough quotation"]),
    ("```\n\"this is a long enough quotation\"\n```", []),
    ("    \"this is a long enough quotation\"", []),  # indented code
    ("<!-- \"this is a long enough quotation\" -->", []),
    ("---\ntitle: \"this is a long enough quotation\"\n---\ntext", []),  # front matter
    ('Nested: "outer words with “inner quoted words are here” inside"',
     ["outer words with “inner quoted words are here” inside"]),
    ('"this is a long\nenough quotation" wraps', ["this is a long enough quotation"]),
    ('"this is *a long* enough quotation"', ["this is a long enough quotation"]),
    ('| "this is a long enough quotation" | b |\n|---|---|', ["this is a long enough quotation"]),
    ("* “this is a long enough quotation”", ["this is a long enough quotation"]),
    ("# “this is a long enough quotation”", []),  # headings are not prose quotations
    ('He read "Loss Landscapes Are All You Need" twice.', []),  # a title, not a quote
    ('"Unclosed quotation marks run on and on and on', []),
    ("> “a quote inside a blockquote is part of it”", []),  # the blockquote is the quote
]


@pytest.mark.parametrize(("markdown", "expected"), INLINE)
def test_inline_quotes(markdown: str, expected: list[str]) -> None:
    quotes = parse("d.md", markdown).quotes
    assert [q.text for q in quotes if q.kind is QuoteKind.INLINE] == expected


@pytest.mark.parametrize("words", [3, 5, 8])
def test_min_quote_words(words: int) -> None:
    markdown = 'x "one two three four five six seven" y'
    quotes = parse("d.md", markdown, min_quote_words=words).quotes
    assert len(quotes) == (1 if words <= 7 else 0)

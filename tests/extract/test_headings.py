"""Heading anchors, GitHub style."""

from __future__ import annotations

import pytest

from srclint.extract import parse
from srclint.extract.headings import slugify

# (heading text, slug)
SLUGS = [
    ("Hello World", "hello-world"),
    ("On the Contrary, Steelmanning Is Normal; ITT-Passing Is Niche",
     "on-the-contrary-steelmanning-is-normal-itt-passing-is-niche"),
    ("What I Think \"I Statements\" Are For", "what-i-think-i-statements-are-for"),
    ("I. Prologue", "i-prologue"),
    ("snake_case and `code`", "snake_case-and-code"),
    ("Ünïcödé 漢字", "ünïcödé-漢字"),
    ("  spaced  out  ", "spaced--out"),
]


@pytest.mark.parametrize(("text", "slug"), SLUGS)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_document_headings() -> None:
    markdown = "# Intro\n\ntext\n\n## Intro\n\nSetext *Title*\n---\n\n> # quoted\n\n## Intro"
    headings = parse("d.md", markdown).headings
    assert [h.slug for h in headings] == ["intro", "intro-1", "setext-title", "intro-2"]
    assert (headings[0].span.line, headings[0].span.column) == (1, 3)

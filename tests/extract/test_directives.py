"""``<!-- srclint-… -->`` comments, markdownlint's grammar."""

from __future__ import annotations

import pytest

from srclint.extract import parse
from srclint.model import DirectiveKind, Span

# (markdown, expected [(kind, codes, url)])
DIRECTIVES = [
    ("<!-- srclint-disable -->", [(DirectiveKind.DISABLE, (), None)]),
    ("<!-- srclint-disable Q002 quote-altered -->",
     [(DirectiveKind.DISABLE, ("Q002", "quote-altered"), None)]),
    ("<!-- srclint-enable Q002 -->", [(DirectiveKind.ENABLE, ("Q002",), None)]),
    ("<!-- srclint-disable-line L001 -->", [(DirectiveKind.DISABLE_LINE, ("L001",), None)]),
    ("<!-- srclint-disable-next-line Q001, Q002 -->",
     [(DirectiveKind.DISABLE_NEXT_LINE, ("Q001", "Q002"), None)]),
    ("<!-- srclint-disable-file -->", [(DirectiveKind.DISABLE_FILE, (), None)]),
    ("<!-- srclint-source: https://a.example -->",
     [(DirectiveKind.SOURCE, (), "https://a.example")]),
    ("<!-- srclint-source https://a.example -->",
     [(DirectiveKind.SOURCE, (), "https://a.example")]),
    ("text <!-- srclint-disable-line Q005 --> more",
     [(DirectiveKind.DISABLE_LINE, ("Q005",), None)]),
    ("> <!-- srclint-disable -->\n> quote", [(DirectiveKind.DISABLE, (), None)]),
    ("<!-- srclint-disabled -->", []),
    ("<!-- markdownlint-disable -->", []),
    ("`<!-- srclint-disable -->`", []),
    ("```\n<!-- srclint-disable -->\n```", []),
    ("<!-- srclint-disable -->\n<!-- srclint-enable -->",
     [(DirectiveKind.DISABLE, (), None), (DirectiveKind.ENABLE, (), None)]),
]


@pytest.mark.parametrize(("markdown", "expected"), DIRECTIVES)
def test_directives(markdown: str, expected: list[tuple[DirectiveKind, tuple[str, ...], str | None]]
                    ) -> None:
    directives = parse("d.md", markdown).directives
    assert [(d.kind, d.codes, d.url) for d in directives] == expected


def test_directive_span() -> None:
    (directive,) = parse("d.md", "para\n\nx <!-- srclint-disable-line --> y").directives
    assert directive.span == Span(3, 3, 3, 32)


def test_directive_span_inside_blockquote() -> None:
    (directive,) = parse("d.md", "> a\n>\n> <!-- srclint-disable Q001 -->\n> b").directives
    assert directive.span == Span(3, 3, 3, 32)

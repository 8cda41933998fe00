"""markdown-it inline tokens carry where they came from in their inline content."""

from __future__ import annotations

import pytest

from srclint.extract.tokens import parse_tokens, position

# (markdown, token type, expected source text of its recorded position)
POSITIONS = [
    ("a [t](u) b", "link_open", "[t](u)"),
    ("a [t][r] b\n\n[r]: u", "link_close", "[t][r]"),
    ("a <https://x.example> b", "link_open", "<https://x.example>"),
    ("a `code` b", "code_inline", "`code`"),
    ("a \\* b", "text_special", "\\*"),
    ("a &amp; b", "text_special", "&amp;"),
    ("a *em* b", "em_open", "*"),
    ("a *em* b", "em_close", "*"),
    ("a<!-- c -->b", "html_inline", "<!-- c -->"),
    ("a[^1]\n\n[^1]: n", "footnote_ref", "[^1]"),
    ("a\nb", "softbreak", "\n"),
    ("a [t *e*](u) b", "em_open", "*"),
]


@pytest.mark.parametrize(("markdown", "kind", "expected"), POSITIONS)
def test_inline_positions(markdown: str, kind: str, expected: str) -> None:
    inline = next(t for t in parse_tokens(markdown) if t.type == "inline")
    token = next(t for t in inline.children or [] if t.type == kind)
    where = position(token)
    assert where is not None
    assert inline.content[where[0]:where[1]] == expected


def test_text_tokens_have_no_position() -> None:
    inline = next(t for t in parse_tokens("plain [t](u) words") if t.type == "inline")
    assert all(position(t) is None for t in inline.children or [] if t.type == "text")


def test_link_targets_are_kept_as_written() -> None:
    inline = next(t for t in parse_tokens("[t](https://a.example/ü)") if t.type == "inline")
    link = next(t for t in inline.children or [] if t.type == "link_open")
    assert link.attrs["href"] == "https://a.example/ü"

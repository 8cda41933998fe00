"""Suppression comments: every directive, with codes and with names, and S001."""

from __future__ import annotations

import re

import pytest

from srclint.model import Directive, DirectiveKind, Finding, Level, Span
from srclint.rules import RULES
from srclint.suppress import apply

_DIRECTIVE = re.compile(r"<!--\s*srclint-([a-z-]+)((?:[\s,]+[\w-]+)*)\s*-->")


def directives_of(text: str) -> list[Directive]:
    """Hand-made Directive records for the comments of ``text`` (extraction does this for real)."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for match in _DIRECTIVE.finditer(line):
            found.append(
                Directive(
                    kind=DirectiveKind(match.group(1)),
                    codes=tuple(match.group(2).replace(",", " , ").split()),
                    span=Span(number, match.start() + 1, number, match.end() + 1),
                )
            )
    return found


def finding(code: str, line: int, end_line: int | None = None) -> Finding:
    rule = RULES[code]
    return Finding(
        code=code,
        name=rule.NAME,
        level=rule.LEVEL,
        message=f"{code} here",
        path="essay.md",
        span=Span(line, 3, end_line or line, 20),
    )


def run(text: str, found: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], list[int]]:
    text = text.strip("\n")
    kept, unused = apply(
        [finding(code, line) for code, line in found], directives_of(text), "essay.md", text=text
    )
    return [(f.code, f.span.line) for f in kept], [f.span.line for f in unused]


# (markdown, findings (code, line), kept (code, line), lines of S001 findings)
CASES = [
    pytest.param(
        """
<!-- srclint-disable-next-line Q002 -->
> altered quote
""",
        [("Q002", 2)],
        [],
        [],
        id="next-line code",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line quote-altered -->
> altered quote
""",
        [("Q002", 2)],
        [],
        [],
        id="next-line name",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line QUOTE-ALTERED -->
> altered quote
""",
        [("Q002", 2)],
        [],
        [],
        id="next-line name any case",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line q002 -->
> altered quote
""",
        [("Q002", 2)],
        [],
        [],
        id="next-line code lower case",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line -->
> altered quote
""",
        [("Q002", 2), ("A002", 2)],
        [],
        [],
        id="next-line all",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line Q002 -->
> altered quote
""",
        [("Q002", 2), ("A002", 2)],
        [("A002", 2)],
        [],
        id="next-line other code kept",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line Q002 -->

> altered quote after a blank line
""",
        [("Q002", 3)],
        [],
        [],
        id="next-line skips blank lines",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line Q002 -->
<!-- srclint-disable-next-line A002 -->
> altered quote, wrong author
""",
        [("Q002", 3), ("A002", 3)],
        [],
        [],
        id="next-line stacked",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line Q002 -->
> first line of a blockquote
> second line
""",
        [("Q002", 2), ("Q002", 3)],
        [("Q002", 3)],
        [],
        id="next-line only the next line",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line Q002 A002 -->
> altered quote
""",
        [("Q002", 2)],
        [],
        [1],
        id="next-line one of two codes unused",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line Q002, quote-not-found -->
> altered quote
""",
        [("Q001", 2)],
        [],
        [1],
        id="next-line code and name",
    ),
    pytest.param(
        """
> "a quote" <!-- srclint-disable-line Q005 -->
""",
        [("Q005", 1)],
        [],
        [],
        id="line code",
    ),
    pytest.param(
        """
> "a quote" <!-- srclint-disable-line quote-unsourced -->
""",
        [("Q005", 1)],
        [],
        [],
        id="line name",
    ),
    pytest.param(
        """
> "a quote" <!-- srclint-disable-line -->
""",
        [("Q005", 1), ("L001", 1)],
        [],
        [],
        id="line all",
    ),
    pytest.param(
        """
> "a quote" <!-- srclint-disable-line Q005 -->
> "another"
""",
        [("Q005", 1), ("Q005", 2)],
        [("Q005", 2)],
        [],
        id="line not the next",
    ),
    pytest.param(
        """
text
<!-- srclint-disable L001 -->
[a](http://x)
[b](http://y)
<!-- srclint-enable L001 -->
[c](http://z)
""",
        [("L001", 3), ("L001", 4), ("L001", 6)],
        [("L001", 6)],
        [],
        id="range code",
    ),
    pytest.param(
        """
<!-- srclint-disable dead-link -->
[a](http://x)
<!-- srclint-enable dead-link -->
[c](http://z)
""",
        [("L001", 2), ("L001", 4)],
        [("L001", 4)],
        [],
        id="range name",
    ),
    pytest.param(
        """
<!-- srclint-disable -->
[a](http://x) "quote"
<!-- srclint-enable -->
[c](http://z)
""",
        [("L001", 2), ("Q005", 2), ("L001", 4)],
        [("L001", 4)],
        [],
        id="range all",
    ),
    pytest.param(
        """
<!-- srclint-disable -->
[a](http://x) "quote"
<!-- srclint-enable L001 -->
[c](http://z) "quote"
""",
        [("L001", 2), ("Q005", 2), ("L001", 4), ("Q005", 4)],
        [("L001", 4)],
        [],
        id="range all, enable one code",
    ),
    pytest.param(
        """
<!-- srclint-disable L001 Q005 -->
[a](http://x) "quote"
<!-- srclint-enable -->
[c](http://z) "quote"
""",
        [("L001", 2), ("Q005", 2), ("L001", 4), ("Q005", 4)],
        [("L001", 4), ("Q005", 4)],
        [],
        id="range codes, enable all",
    ),
    pytest.param(
        """
<!-- srclint-disable L001 -->
[a](http://x)
[b](http://y)
""",
        [("L001", 2), ("L001", 3)],
        [],
        [],
        id="range without enable runs to the end",
    ),
    pytest.param(
        """
[a](http://x)
<!-- srclint-disable L001 -->
""",
        [("L001", 1)],
        [("L001", 1)],
        [2],
        id="range does not reach back",
    ),
    pytest.param(
        """
<!-- srclint-disable Q002 -->
[a](http://x)
<!-- srclint-enable Q002 -->
""",
        [("L001", 2)],
        [("L001", 2)],
        [1],
        id="range unused",
    ),
    pytest.param(
        """
# Title
[a](http://x)
<!-- srclint-disable-file L001 -->
""",
        [("L001", 2), ("L001", 9)],
        [],
        [],
        id="file code, anywhere in the file",
    ),
    pytest.param(
        """
<!-- srclint-disable-file link-unreachable -->
[a](http://x)
""",
        [("L002", 2), ("L001", 2)],
        [("L001", 2)],
        [],
        id="file name",
    ),
    pytest.param(
        """
<!-- srclint-disable-file -->
[a](http://x)
""",
        [("L002", 2), ("Q001", 5)],
        [],
        [],
        id="file all",
    ),
    pytest.param(
        """
<!-- srclint-disable-file -->
[a](http://x)
""",
        [],
        [],
        [1],
        id="file all unused",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line Q002 -->
> a quote that matches its source exactly
""",
        [],
        [],
        [1],
        id="next-line unused",
    ),
    pytest.param(
        """
> "a quote" <!-- srclint-disable-line Q005 -->
""",
        [("Q005", 2)],
        [("Q005", 2)],
        [1],
        id="line unused",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line Q999 -->
> a quote
""",
        [("Q002", 2)],
        [("Q002", 2)],
        [1],
        id="unknown rule",
    ),
    pytest.param(
        """
<!-- srclint-disable-file S001 -->
<!-- srclint-disable-next-line Q002 -->
> a quote that matches
""",
        [],
        [],
        [],
        id="S001 suppressed by file",
    ),
    pytest.param(
        """
<!-- srclint-disable-next-line unused-suppression -->
<!-- srclint-disable-line Q002 -->
""",
        [],
        [],
        [],
        id="S001 suppressed by next-line name",
    ),
    pytest.param(
        """
<!-- srclint-source: http://x -->
> a quote
""",
        [("Q002", 2)],
        [("Q002", 2)],
        [],
        id="source directive suppresses nothing",
    ),
]


@pytest.mark.parametrize(("markdown", "found", "kept", "unused"), CASES)
def test_directives(
    markdown: str, found: list[tuple[str, int]], kept: list[tuple[str, int]], unused: list[int]
) -> None:
    assert run(markdown, found) == (kept, unused)


def test_multiline_blockquote_suppressed_from_its_first_line() -> None:
    text = "<!-- srclint-disable-next-line Q002 -->\n> line one\n> line two\n> line three\n"
    kept, unused = apply([finding("Q002", 2, end_line=4)], directives_of(text), "essay.md")
    assert kept == [] and unused == []


def test_blockquote_starting_below_the_next_line_is_not_suppressed() -> None:
    text = "<!-- srclint-disable-next-line Q002 -->\nsome prose\n> quote\n"
    kept, unused = apply([finding("Q002", 3)], directives_of(text), "essay.md", text=text)
    assert [f.span.line for f in kept] == [3]
    assert [f.span.line for f in unused] == [1]


def test_without_text_next_line_is_the_line_below() -> None:
    text = "<!-- srclint-disable-next-line Q002 -->\n\n> quote\n"
    kept, _ = apply([finding("Q002", 3)], directives_of(text), "essay.md")
    assert len(kept) == 1


def test_unused_suppression_finding_is_s001_naming_the_codes() -> None:
    text = "<!-- srclint-disable-next-line Q002 author-mismatch -->\n> quote\n"
    _, unused = apply([finding("Q002", 2)], directives_of(text), "essay.md", text=text)
    (s001,) = unused
    assert (s001.code, s001.name, s001.level) == ("S001", "unused-suppression", Level.INFO)
    assert s001.message == "suppression of A002 suppressed nothing"
    assert s001.path == "essay.md"
    assert s001.span == Span(1, 1, 1, 56)
    assert s001.evidence == {"codes": ["A002"]}


def test_unused_suppression_of_all_rules() -> None:
    _, unused = apply([], directives_of("<!-- srclint-disable -->"), "essay.md")
    assert unused[0].message == "suppression of all rules suppressed nothing"


def test_unknown_rule_is_named() -> None:
    _, unused = apply([], directives_of("<!-- srclint-disable-file Q999 -->"), "essay.md")
    assert "'Q999': no such rule" in unused[0].message


def test_order_of_findings_is_kept() -> None:
    found = [finding("L001", 5), finding("Q002", 2), finding("L001", 1)]
    kept, _ = apply(found, [], "essay.md")
    assert kept == found


def test_suppression_of_a_rule_that_did_not_run_is_not_unused() -> None:
    text = "<!-- srclint-disable-next-line Q002 L001 -->\n> quote\n"
    _, unused = apply([], directives_of(text), "essay.md", enabled=lambda code: code != "Q002")
    assert [f.message for f in unused] == ["suppression of L001 suppressed nothing"]
    _, unused = apply([], directives_of(text), "essay.md", enabled=lambda code: code == "S001")
    assert unused == []


def test_no_s001_when_s001_is_off() -> None:
    text = "<!-- srclint-disable-next-line Q002 -->\n> quote\n"
    _, unused = apply([], directives_of(text), "essay.md", enabled=lambda code: code != "S001")
    assert unused == []


def test_next_line_does_not_skip_content_with_a_trailing_directive() -> None:
    text = (
        "<!-- srclint-disable-next-line Q002 -->\n"
        '> "quote" <!-- srclint-disable-line Q005 -->\n'
        "> more\n"
    )
    kept, unused = apply(
        [finding("Q002", 2), finding("Q005", 2)], directives_of(text), "essay.md", text=text
    )
    assert kept == [] and unused == []


def test_without_text_a_directive_at_column_one_is_a_comment_line() -> None:
    text = "<!-- srclint-disable-next-line Q002 -->\n<!-- srclint-disable-line A002 -->\n> q\n"
    kept, _ = apply([finding("Q002", 3), finding("A002", 2)], directives_of(text), "essay.md")
    assert kept == []


def test_multi_line_comment_directive() -> None:
    directive = Directive(DirectiveKind.DISABLE_NEXT_LINE, ("Q002",), Span(1, 1, 3, 4))
    text = "<!-- srclint-disable-next-line\n  Q002\n-->\n\n> quote\n"
    kept, unused = apply([finding("Q002", 5)], [directive], "essay.md", text=text)
    assert kept == [] and unused == []

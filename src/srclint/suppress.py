"""Suppression comments (ARCHITECTURE §7): drop the findings they cover, report unused ones.

The grammar is markdownlint's with the prefix ``srclint-``; codes or names follow the
keyword, none means every rule:

- ``<!-- srclint-disable-next-line Q002 -->``: the next line that is neither blank nor
  another directive;
- ``<!-- srclint-disable-line Q002 -->``: the line(s) of the comment itself;
- ``<!-- srclint-disable Q002 -->`` … ``<!-- srclint-enable Q002 -->``: from the
  comment's line until an enable that names the code (or names none);
- ``<!-- srclint-disable-file Q002 -->``: the whole file.

A finding is covered when the first line of its span is: a multi-line blockquote is
suppressed from the line it starts on. A directive that covered no finding becomes an
S001 finding naming the codes it was for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from srclint.model import Directive, DirectiveKind, Finding, Span
from srclint.rules import lookup
from srclint.rules import unused_suppression as s001

SUPPRESSING = frozenset(
    {
        DirectiveKind.DISABLE,
        DirectiveKind.DISABLE_LINE,
        DirectiveKind.DISABLE_NEXT_LINE,
        DirectiveKind.DISABLE_FILE,
    }
)
ALL = "*"  # stands for "every rule" in a directive that names none


@dataclass
class _Suppression:
    """One suppressing directive, its resolved codes, and which of them were used."""

    directive: Directive
    codes: frozenset[str]  # rule codes, or {ALL}
    unknown: tuple[str, ...]  # what was written but names no rule
    used: set[str] = field(default_factory=set)

    def covers_code(self, code: str) -> bool:
        return ALL in self.codes or code in self.codes


def _resolve(directive: Directive) -> tuple[frozenset[str], tuple[str, ...]]:
    if not directive.codes:
        return frozenset({ALL}), ()
    codes: set[str] = set()
    unknown: list[str] = []
    for written in (c for item in directive.codes for c in item.split(",") if c.strip()):
        rule = lookup(written)
        if rule is None:
            unknown.append(written)
        else:
            codes.add(rule.CODE)
    return frozenset(codes), tuple(unknown)


def _comment_only_lines(directives: Sequence[Directive], lines: Sequence[str] | None) -> set[int]:
    """Lines that hold nothing but directives (a ``disable-next-line`` looks past them).

    Without the text, a line whose directive starts at column 1 is taken as one.
    """
    found: set[int] = set()
    for directive in directives:
        span = directive.span
        if lines is None or span.line > len(lines):
            if span.column == 1:
                found.update(range(span.line, span.end_line + 1))
            continue
        if span.line != span.end_line:  # a comment over several lines: look at its ends
            before = lines[span.line - 1][: span.column - 1]
            after = (
                lines[span.end_line - 1][span.end_column - 1 :]
                if span.end_line <= len(lines)
                else ""
            )
            if not before.strip() and not after.strip():
                found.update(range(span.line, span.end_line + 1))
            continue
        rest = lines[span.line - 1]
        for other in directives:  # blank out every directive on this line
            o = other.span
            if o.line == o.end_line == span.line:
                rest = (
                    rest[: o.column - 1]
                    + " " * (o.end_column - o.column)
                    + rest[o.end_column - 1 :]
                )
        if not rest.strip():
            found.add(span.line)
    return found


def _next_line(directive: Directive, skipped: set[int], lines: Sequence[str] | None) -> int:
    """The line a ``disable-next-line`` applies to: past blank lines and other directives."""
    line = directive.span.end_line + 1
    while True:
        blank = lines is not None and line <= len(lines) and not lines[line - 1].strip()
        if line in skipped or blank:
            line += 1
            continue
        return line


def _range_disabled(
    code: str, line: int, ranges: Sequence[tuple[Directive, _Suppression | None]]
) -> _Suppression | None:
    """The ``disable`` in force for ``code`` at ``line`` (``ranges`` in file order), if any."""
    active: _Suppression | None = None
    for directive, suppression in ranges:
        if directive.span.line > line:
            break
        if suppression is not None:  # a disable
            if suppression.covers_code(code):
                active = suppression
        else:  # an enable: with no codes it ends every disable
            codes, _ = _resolve(directive)
            if ALL in codes or code in codes:
                active = None
    return active


def _message(suppression: _Suppression, unused: Iterable[str]) -> str:
    if ALL in suppression.codes and not suppression.directive.codes:
        return "suppression of all rules suppressed nothing"
    return f"suppression of {', '.join(u for u in unused)} suppressed nothing"


def apply(
    findings: Sequence[Finding],
    directives: Sequence[Directive],
    path: str,
    *,
    text: str | None = None,
    enabled: Callable[[str], bool] | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """The findings left after ``directives``, and S001 findings for unused suppressions.

    ``text`` is the file's text: with it, ``disable-next-line`` skips blank lines too.
    ``enabled(code)`` says whether a rule ran for this file (config ``select``,
    ``ignore``, ``per-file-ignores``): a suppression of a rule that did not run is not
    called unused, and no S001 is reported when S001 itself is off.
    """
    ran = enabled or (lambda code: True)
    lines = text.splitlines() if text is not None else None
    ordered = sorted(directives, key=lambda d: (d.span.line, d.span.column))
    comment_only = _comment_only_lines(ordered, lines)
    file_wide: list[_Suppression] = []
    by_line: dict[int, list[_Suppression]] = {}
    ranges: list[tuple[Directive, _Suppression | None]] = []
    suppressions: list[_Suppression] = []
    for directive in ordered:
        if directive.kind is DirectiveKind.ENABLE:
            ranges.append((directive, None))
            continue
        if directive.kind not in SUPPRESSING:
            continue
        suppression = _Suppression(directive, *_resolve(directive))
        suppressions.append(suppression)
        if directive.kind is DirectiveKind.DISABLE_FILE:
            file_wide.append(suppression)
        elif directive.kind is DirectiveKind.DISABLE:
            ranges.append((directive, suppression))
        elif directive.kind is DirectiveKind.DISABLE_LINE:
            for line in range(directive.span.line, directive.span.end_line + 1):
                by_line.setdefault(line, []).append(suppression)
        else:  # the skipped lines too: only S001 findings can be on a comment-only line
            target = _next_line(directive, comment_only, lines)
            for line in range(directive.span.end_line + 1, target + 1):
                by_line.setdefault(line, []).append(suppression)

    def covering(finding: Finding) -> list[_Suppression]:
        line = finding.span.line
        found = [s for s in file_wide if s.covers_code(finding.code)]
        found += [s for s in by_line.get(line, ()) if s.covers_code(finding.code)]
        in_range = _range_disabled(finding.code, line, ranges)
        if in_range is not None:
            found.append(in_range)
        return found

    kept: list[Finding] = []
    for finding in findings:
        covered = covering(finding)
        for suppression in covered:
            suppression.used.add(finding.code)
        if not covered:
            kept.append(finding)

    def report(suppression: _Suppression) -> Finding | None:
        if ALL in suppression.codes:
            idle = [] if suppression.used else [ALL]
        else:
            idle = sorted(c for c in suppression.codes - suppression.used if ran(c))
        idle += list(suppression.unknown)
        if not idle:
            return None
        message = _message(suppression, idle)
        if suppression.unknown:
            names = ", ".join(repr(u) for u in suppression.unknown)
            message += f" ({names}: no such rule, see `srclint rules`)"
        return _unused_finding(path, suppression.directive.span, message, idle)

    # S001 can itself be suppressed; a suppression of S001 is used by doing so.
    for suppression in suppressions:
        candidate = report(suppression)
        if candidate is not None:
            for other in covering(candidate):
                if other is not suppression:
                    other.used.add(candidate.code)
    unused: list[Finding] = []
    if not ran(s001.CODE):
        return kept, unused
    for suppression in suppressions:
        candidate = report(suppression)
        if candidate is not None and all(s is suppression for s in covering(candidate)):
            unused.append(candidate)
    return kept, unused


def _unused_finding(path: str, span: Span, message: str, codes: Sequence[str]) -> Finding:
    return Finding(
        code=s001.CODE,
        name=s001.NAME,
        level=s001.LEVEL,
        message=message,
        path=path,
        span=span,
        evidence={"codes": [c for c in codes if c != ALL]},
    )

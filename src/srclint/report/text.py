"""The readable report: ``path:line:col: CODE message [name]``, a diff below, a summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from srclint.model import Finding, Level, Run

_COLORS = {Level.ERROR: "\033[31m", Level.WARNING: "\033[33m", Level.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
CONTEXT_WORDS = 6  # equal words kept on each side of a change in the diff lines


def diff_lines(ops: Sequence[dict[str, Any]]) -> tuple[str, str]:
    """The draft and source lines of a word diff, changed words in ``[brackets]``.

    Long equal runs are cut to ``CONTEXT_WORDS`` words around the changes, with ``…``.
    """
    draft: list[str] = []
    source: list[str] = []
    for i, op in enumerate(ops):
        tag, quote, src = op["tag"], op["quote"], op["source"]
        if tag == "equal":
            words = quote.split()
            first, last = i == 0, i == len(ops) - 1
            if len(words) > 2 * CONTEXT_WORDS or ((first or last) and len(words) > CONTEXT_WORDS):
                head = [] if first else words[:CONTEXT_WORDS]
                tail = [] if last else words[-CONTEXT_WORDS:]
                words = [*head, "…", *tail]
            text = " ".join(words)
            draft.append(text)
            source.append(text)
        else:
            if quote:
                draft.append(f"[{quote}]")
            if src:
                source.append(f"[{src}]")
    return " ".join(draft), " ".join(source)


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def format_finding(finding: Finding, *, color: bool = False) -> str:
    """One finding: its line, then the diff or the closest passage indented below."""
    where = f"{finding.path}:{finding.span.line}:{finding.span.column}:"
    code = _paint(finding.code, _COLORS[finding.level] + _BOLD, color)
    lines = [f"{_paint(where, _BOLD, color)} {code} {finding.message} "
             f"{_paint('[' + finding.name + ']', _DIM, color)}"]
    evidence = finding.evidence
    if evidence.get("diff"):
        draft, source = diff_lines(evidence["diff"])
        lines.append(f"    draft:  {draft}")
        lines.append(f"    source: {source}")
    elif evidence.get("closest") and finding.code in ("Q001", "Q004"):
        closest = " ".join(str(evidence["closest"]).split())
        if len(closest) > 160:
            closest = closest[:157] + "…"
        lines.append(f"    closest: {closest}")
    return "\n".join(lines)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(run: Run) -> str:
    """One line: what was found, in how many files, from how many links and quotes."""
    files = _plural(len(run.reports), "file")
    counted = (
        f"{_plural(sum(r.links for r in run.reports), 'link')}, "
        f"{_plural(sum(r.quotes for r in run.reports), 'quote')}"
    )
    sources = f"sources: {run.fetched} fetched, {run.cached} cached, {run.failed} failed"
    errors, warnings, infos = (run.count(level) for level in Level)
    if not (errors or warnings or infos):
        return f"No problems in {files} ({counted}; {sources})."
    found = ", ".join(
        part
        for part in (
            _plural(errors, "error") if errors else "",
            _plural(warnings, "warning") if warnings else "",
            f"{infos} info" if infos else "",
        )
        if part
    )
    return f"Found {found} in {files} ({counted}; {sources})."


def render(run: Run, out: TextIO, *, color: bool = False) -> None:
    for report in run.reports:
        if report.error:
            out.write(f"{report.path}: {report.error}\n")
        for finding in report.findings:
            out.write(format_finding(finding, color=color) + "\n")
    out.write(summary(run) + "\n")

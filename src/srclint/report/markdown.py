"""A Markdown summary: counts per level, then one table row per finding.

Written for ``$GITHUB_STEP_SUMMARY`` (the job summary page), where GitHub shows every
row — annotations stop at 10 per level per step. Everything taken from a draft is
escaped, so a quote cannot break the table or inject markup.
"""

from __future__ import annotations

import re
from typing import TextIO

from srclint.model import Finding, Level, Run
from srclint.report.paths import relative_path
from srclint.report.text import diff_lines, summary

MAX_ROWS = 1000  # GitHub caps a step summary at 1 MiB; past this, point to the full report
MAX_MESSAGE = 500  # characters of a message kept in a cell
ICONS = {Level.ERROR: "🔴", Level.WARNING: "🟡", Level.INFO: "🔵"}
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_NEWLINE = re.compile(r"\r\n|\r|\n")


def cell(text: str) -> str:
    """``text`` safe inside a table cell: markup escaped, ``&`` kept literal, newlines as <br>."""
    escaped = _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))
    return _NEWLINE.sub("<br>", escaped)


def _shorten(text: str, limit: int = MAX_MESSAGE) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def message_cell(finding: Finding) -> str:
    """The message, then the word diff on two short lines when there is one."""
    text = cell(_shorten(finding.message))
    diff = finding.evidence.get("diff")
    if diff:
        draft, source = diff_lines(diff)
        text += f"<br>draft: {cell(_shorten(draft, 200))}<br>source: {cell(_shorten(source, 200))}"
    if finding.url and finding.url not in finding.message:
        text += f"<br>{cell(finding.url)}"
    return text


def render(run: Run, out: TextIO, *, color: bool = False) -> None:
    out.write("## srclint\n\n")
    out.write(cell(summary(run)) + "\n\n")
    out.write("| Level | Findings |\n| --- | ---: |\n")
    for level in Level:
        out.write(f"| {ICONS[level]} {level} | {run.count(level)} |\n")
    out.write("\n")
    unreadable = [report for report in run.reports if report.error]
    if unreadable:
        out.write("Files that could not be checked:\n\n")
        for report in unreadable:
            out.write(f"- {cell(relative_path(report.path))}: {cell(report.error or '')}\n")
        out.write("\n")
    findings = run.findings
    if not findings:
        return
    out.write("| File | Line | Rule | Message |\n| --- | ---: | --- | --- |\n")
    for finding in findings[:MAX_ROWS]:
        out.write(
            f"| {cell(relative_path(finding.path))} | {finding.span.line} "
            f"| {ICONS[finding.level]} {finding.code} {finding.name} | {message_cell(finding)} |\n"
        )
    if len(findings) > MAX_ROWS:
        out.write(f"\n…and {len(findings) - MAX_ROWS} more findings: see the full report.\n")
    out.write("\n")

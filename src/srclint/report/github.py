"""GitHub Actions workflow commands: one annotation per finding, then a summary line.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message``, escaped
as @actions/core does. GitHub shows only the first 10 annotations of each level per
step, so when ``$GITHUB_STEP_SUMMARY`` is set the whole report is also appended there
as a Markdown table (``report.markdown``).
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from typing import TextIO

from srclint.model import Finding, Level, Run
from srclint.report import markdown
from srclint.report.paths import relative_path
from srclint.report.text import diff_lines, summary

COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message, escaped like @actions/core's ``escapeData``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command property's value, escaped like @actions/core's ``escapeProperty``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: Mapping[str, object], message: str) -> str:
    """One workflow command line: ``::name key=value,…::message``."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return (
        f"::{name} {props}::{escape_data(message)}"
        if props
        else f"::{name}::{escape_data(message)}"
    )


def annotation(finding: Finding) -> str:
    """The workflow command for one finding."""
    span = finding.span
    message = finding.message
    diff = finding.evidence.get("diff")
    if diff:
        draft, source = diff_lines(diff)
        message += f"\ndraft:  {draft}\nsource: {source}"
    if finding.url and finding.url not in message:
        message += f"\nlink: {finding.url}"
    return command(
        COMMANDS[finding.level],
        {
            "file": relative_path(finding.path),
            "line": span.line,
            "col": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
            "title": f"{finding.code} {finding.name}",
        },
        message,
    )


def append_step_summary(run: Run, environ: Mapping[str, str]) -> str | None:
    """Append the Markdown report to ``$GITHUB_STEP_SUMMARY``; a warning line if that fails."""
    target = environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    text = io.StringIO()
    markdown.render(run, text)
    try:
        with open(target, "a", encoding="utf-8", newline="\n") as summary_file:
            summary_file.write(text.getvalue())
    except OSError as error:
        return command(
            "warning",
            {"title": "srclint"},
            f"could not write the job summary to {target}: {error.strerror}",
        )
    return None


def render(run: Run, out: TextIO, *, color: bool = False) -> None:
    for report in run.reports:
        if report.error:
            out.write(
                command(
                    "warning",
                    {"file": relative_path(report.path), "title": "srclint"},
                    f"{report.path}: {report.error}",
                )
                + "\n"
            )
        for finding in report.findings:
            out.write(annotation(finding) + "\n")
    problem = append_step_summary(run, os.environ)
    if problem:
        out.write(problem + "\n")
    out.write(summary(run) + "\n")

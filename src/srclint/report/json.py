"""The JSON report: stable and versioned (ARCHITECTURE §8). Extend it; never rename keys."""

from __future__ import annotations

import json
from typing import Any, TextIO

from srclint import __version__
from srclint.model import Finding, Level, Run

VERSION = 1


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": finding.name,
        "level": str(finding.level),
        "message": finding.message,
        "line": finding.span.line,
        "column": finding.span.column,
        "end_line": finding.span.end_line,
        "end_column": finding.span.end_column,
        "url": finding.url,
        "evidence": dict(finding.evidence),
    }


def document(run: Run) -> dict[str, Any]:
    """The whole report as plain data."""
    files = []
    for report in run.reports:
        entry: dict[str, Any] = {
            "path": report.path,
            "findings": [finding_dict(f) for f in report.findings],
        }
        if report.error:
            entry["error"] = report.error
        files.append(entry)
    return {
        "version": VERSION,
        "tool": {"name": "srclint", "version": __version__},
        "files": files,
        "summary": {
            "files": len(run.reports),
            "links": sum(r.links for r in run.reports),
            "quotes": sum(r.quotes for r in run.reports),
            "citations": sum(r.citations for r in run.reports),
            "findings": {str(level): run.count(level) for level in Level},
            "sources": {"fetched": run.fetched, "cached": run.cached, "failed": run.failed},
        },
    }


def render(run: Run, out: TextIO, *, color: bool = False) -> None:
    json.dump(document(run), out, indent=2, ensure_ascii=False)
    out.write("\n")

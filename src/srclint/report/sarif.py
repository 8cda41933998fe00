"""The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.

Every rule is described (summary, help from its docstring, help URI, default level);
each result has a 1-based region in Unicode code points and a
``primaryLocationLineHash`` built from what the finding is about — rule, file, URL,
quote — not from its line number, so it survives edits elsewhere in the file.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from srclint import __version__
from srclint.model import Finding, Level, Run
from srclint.report.paths import relative_path
from srclint.report.text import diff_lines
from srclint.rules import RULES, Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/srclint/srclint"
LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
CATEGORIES = {"L": "links", "Q": "quotes", "A": "attribution", "S": "suppressions"}
# Evidence keys that name what a finding is about, most specific first.
ANCHOR_KEYS = ("quote", "claimed", "closest")
_LINE_REFERENCE = re.compile(r"\blines? \d+(?:[-–]\d+)?")


def help_uri(rule: Rule) -> str:
    """Where a rule is documented: the README heading ``<CODE> <name>``."""
    return f"{INFORMATION_URI}#{rule.CODE.lower()}-{rule.NAME}"


def _split_doc(rule: Rule) -> tuple[str, str]:
    """A rule's docstring as (its prose before the examples, the whole of it)."""
    doc = inspect.cleandoc(rule.__doc__ or rule.SUMMARY)
    prose = re.split(r"^\w[\w ]*::\s*$", doc, maxsplit=1, flags=re.M)[0].strip()
    return prose or rule.SUMMARY, doc


def _markdown(doc: str) -> str:
    """A reST-style docstring as Markdown: ``Passes::`` blocks become fenced code."""
    out: list[str] = []
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.rstrip().endswith("::"):
            out.append(line.rstrip()[:-1])
            i += 1
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                block.append(lines[i])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            while block and not block[0].strip():
                block.pop(0)
            out += ["", "```markdown", *inspect.cleandoc("\n".join(block)).splitlines(), "```"]
            if i < len(lines):
                out.append("")
            continue
        out.append(line.replace("``", "`"))
        i += 1
    return "\n".join(out)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """The ``reportingDescriptor`` of one rule."""
    prose, doc = _split_doc(rule)
    return {
        "id": rule.CODE,
        "name": rule.NAME,
        "shortDescription": {"text": rule.SUMMARY},
        "fullDescription": {"text": " ".join(prose.replace("``", "").split())},
        "help": {"text": doc, "markdown": f"**{rule.CODE} {rule.NAME}**\n\n{_markdown(doc)}"},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": LEVELS[rule.LEVEL]},
        "properties": {"tags": ["srclint", CATEGORIES.get(rule.CODE[0], "other")]},
    }


def artifact_uri(path: str) -> str:
    """A finding's path as a relative URI with forward slashes (absolute only outside cwd)."""
    relative = relative_path(path)
    if relative.startswith("/"):
        return Path(relative).as_uri()
    return quote(relative, safe="/")


def fingerprint_key(finding: Finding, uri: str) -> str:
    """What identifies a finding apart from where it is: rule, file, URL, quote or claim.

    Messages are used only when nothing else names the finding, with line references
    blanked out (Q005 names the line of another citation).
    """
    anchor = next((str(finding.evidence[k]) for k in ANCHOR_KEYS if finding.evidence.get(k)), "")
    parts = [finding.code, uri, finding.url or "", " ".join(anchor.split())]
    if not finding.url and not anchor:
        parts.append(_LINE_REFERENCE.sub("line", finding.message))
    return "\0".join(parts)


def message_text(finding: Finding) -> str:
    """The message, with the word diff below it when there is one."""
    text = finding.message
    diff = finding.evidence.get("diff")
    if diff:
        draft, source = diff_lines(diff)
        text += f"\ndraft:  {draft}\nsource: {source}"
    return text


def _region(finding: Finding) -> dict[str, int]:
    span = finding.span
    line = max(span.line, 1)
    column = max(span.column, 1)
    end_line = max(span.end_line, line)
    end_column = max(span.end_column, 1)
    if end_line == line:
        end_column = max(end_column, column)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def results(run: Run, rule_index: dict[str, int]) -> list[dict[str, Any]]:
    """One SARIF result per finding, with fingerprints numbered per duplicate."""
    seen: Counter[str] = Counter()
    out = []
    for finding in run.findings:
        uri = artifact_uri(finding.path)
        digest = hashlib.sha256(fingerprint_key(finding, uri).encode()).hexdigest()[:16]
        seen[digest] += 1
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "level": LEVELS[finding.level],
            "message": {"text": message_text(finding)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": _region(finding),
                    }
                }
            ],
            "partialFingerprints": {"primaryLocationLineHash": f"{digest}:{seen[digest]}"},
        }
        if finding.code in rule_index:
            result["ruleIndex"] = rule_index[finding.code]
        if finding.url:
            result["properties"] = {"url": finding.url}
        out.append(result)
    return out


def _notifications(run: Run) -> list[dict[str, Any]]:
    """Files that could not be read, as tool execution notifications."""
    return [
        {
            "level": "error",
            "message": {"text": f"{report.path}: {report.error}"},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(report.path)}}}
            ],
        }
        for report in run.reports
        if report.error
    ]


def document(run: Run) -> dict[str, Any]:
    """The whole SARIF log as plain data."""
    rules = list(RULES.values())
    rule_index = {rule.CODE: i for i, rule in enumerate(rules)}
    invocation: dict[str, Any] = {"executionSuccessful": True}
    notifications = _notifications(run)
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "srclint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule_descriptor(rule) for rule in rules],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results(run, rule_index),
            }
        ],
    }


def render(run: Run, out: TextIO, *, color: bool = False) -> None:
    json.dump(document(run), out, indent=2, ensure_ascii=False)
    out.write("\n")

"""The JUnit XML report, for CI systems that show test results.

A test suite per file. In it, a test case per finding — a ``<failure>`` for errors and
warnings, a passing case with the message as output for info — and one passing case
for a file with no findings, so clean files show up too. A file that could not be read
is a case with an ``<error>``. Text is made safe for XML 1.0: control characters it
cannot hold are written as ``\\xNN``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from srclint.model import FileReport, Finding, Level, Run
from srclint.report.paths import relative_path
from srclint.report.text import format_finding

FAILING = frozenset({Level.ERROR, Level.WARNING})
# Characters XML 1.0 cannot contain at all, even escaped.
_CR = re.compile(r"\r\n?")
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids written as ``\\xNN``."""
    return _INVALID_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        # A parser reads a raw CR in text as LF: write line ends as LF to begin with.
        child.text = xml_safe(_CR.sub("\n", text))
    return child


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _case(suite: ET.Element, path: str, finding: Finding) -> None:
    span = finding.span
    case = _element(
        suite,
        "testcase",
        name=f"{finding.code} {finding.name} at {span.line}:{span.column}",
        classname=path,
        file=path,
        line=str(span.line),
        time="0",
    )
    details = format_finding(finding)
    if finding.url and finding.url not in details:
        details += f"\n    link: {finding.url}"
    if finding.level in FAILING:
        _element(case, "failure", details, message=finding.message, type=str(finding.level))
    else:
        _element(case, "system-out", details)


def _suite(root: ET.Element, report: FileReport) -> tuple[int, int, int]:
    """Add the suite of one file; return its (tests, failures, errors)."""
    path = relative_path(report.path)
    suite = _element(root, "testsuite", name=path, file=path, time="0")
    properties = _element(suite, "properties")
    for key, value in (
        ("links", report.links),
        ("quotes", report.quotes),
        ("citations", report.citations),
    ):
        _element(properties, "property", name=key, value=str(value))
    tests = failures = errors = 0
    if report.error:
        case = _element(suite, "testcase", name="read file", classname=path, file=path, time="0")
        _element(case, "error", report.error, message=report.error, type="unreadable")
        tests, errors = 1, 1
    for finding in report.findings:
        _case(suite, path, finding)
        tests += 1
        failures += finding.level in FAILING
    if not report.findings and not report.error:
        counted = f"{_plural(report.links, 'link')}, {_plural(report.quotes, 'quote')}"
        _element(
            suite, "testcase", name=f"no problems ({counted})", classname=path, file=path, time="0"
        )
        tests = 1
    for key, value in (
        ("tests", tests),
        ("failures", failures),
        ("errors", errors),
        ("skipped", 0),
    ):
        suite.set(key, str(value))
    return tests, failures, errors


def document(run: Run) -> ET.Element:
    """The ``<testsuites>`` element of the whole run."""
    root = ET.Element("testsuites", {"name": "srclint"})
    totals = [0, 0, 0]
    for report in run.reports:
        for i, value in enumerate(_suite(root, report)):
            totals[i] += value
    for key, value in zip(("tests", "failures", "errors"), totals, strict=True):
        root.set(key, str(value))
    root.set("time", "0")
    return root


def render(run: Run, out: TextIO, *, color: bool = False) -> None:
    root = document(run)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")

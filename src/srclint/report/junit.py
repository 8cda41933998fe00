"""The JUnit XML report, for CI systems that show test results.

A test suite per file. In it, a test case per link and per citation that was checked —
a ``<failure>`` when it has an error or a warning, its info findings as output — and a
test case for each finding that belongs to neither (an unused suppression). A report
without that list (``FileReport.checked``) gets a case per finding, and one passing case
when it has none. A file that could not be read is a case with an ``<error>``. Text is
made safe for XML 1.0: control characters it cannot hold are written as ``\\xNN``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from srclint.model import Checked, FileReport, Finding, Level, Run, Span
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


def _testcase(suite: ET.Element, path: str, what: str, span: Span) -> ET.Element:
    return _element(suite, "testcase", name=f"{what} at {span.line}:{span.column}",
                    classname=path, file=path, line=str(span.line), time="0")


def _case(suite: ET.Element, path: str, finding: Finding) -> None:
    case = _testcase(suite, path, f"{finding.code} {finding.name}", finding.span)
    details = format_finding(finding)
    if finding.url and finding.url not in details:
        details += f"\n    link: {finding.url}"
    if finding.level in FAILING:
        _element(case, "failure", details, message=finding.message, type=str(finding.level))
    else:
        _element(case, "system-out", details)


def _assign(
    checked: tuple[Checked, ...], findings: tuple[Finding, ...]
) -> tuple[list[list[Finding]], list[Finding]]:
    """Each finding under the link or citation it is about (link rules under links, the
    others under citations); the findings about neither, apart."""
    owned: list[list[Finding]] = [[] for _ in checked]
    loose: list[Finding] = []
    for finding in findings:
        preferred = "link" if finding.code.startswith("L") else "citation"
        matches = [i for i, item in enumerate(checked) if finding.span in item.spans]
        matches.sort(key=lambda i: checked[i].kind != preferred)
        if matches:
            owned[matches[0]].append(finding)
        else:
            loose.append(finding)
    return owned, loose


def _checked_case(suite: ET.Element, path: str, item: Checked, findings: list[Finding]) -> None:
    case = _testcase(suite, path, f"{item.kind} {item.label}", item.spans[0])
    details = "\n".join(format_finding(f) for f in findings)
    failing = [f for f in findings if f.level in FAILING]
    if failing:
        kind = "error" if any(f.level is Level.ERROR for f in failing) else "warning"
        message = "; ".join(f"{f.code} {f.message}" for f in failing)
        _element(case, "failure", details, message=message, type=kind)
    elif details:
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
    if report.checked:
        owned, loose = _assign(report.checked, report.findings)
        for item, findings in zip(report.checked, owned, strict=True):
            _checked_case(suite, path, item, findings)
            tests += 1
            failures += any(f.level in FAILING for f in findings)
    else:
        loose = list(report.findings)
    for finding in loose:
        _case(suite, path, finding)
        tests += 1
        failures += finding.level in FAILING
    if not report.findings and not report.error and not report.checked:
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

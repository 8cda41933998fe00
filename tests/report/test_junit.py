"""The JUnit report: a suite per file, a case per finding, well-formed XML whatever the text."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from srclint.model import FileReport, Finding, Run
from srclint.report import renderer
from srclint.report.junit import xml_safe

MakeFinding = Callable[..., Finding]


def parsed(run: Run) -> ET.Element:
    out = io.StringIO()
    renderer("junit").render(run, out)
    text = out.getvalue()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')
    return ET.fromstring(text.encode("utf-8"))


def test_suites_cases_and_counts(sample_run: Run) -> None:
    root = parsed(sample_run)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("6", "3", "1")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["essay.md", "notes/a, b: c.md", "clean.md", "missing.md"]
    essay = suites["essay.md"]
    assert (essay.get("tests"), essay.get("failures"), essay.get("errors")) == ("3", "2", "0")
    names = [c.get("name") for c in essay.iter("testcase")]
    assert names == [
        "Q002 quote-altered at 12:3",
        "L002 link-unreachable at 20:5",
        "Q005 quote-unsourced at 31:1",
    ]
    props = {p.get("name"): p.get("value") for p in essay.iter("property")}
    assert props == {"links": "4", "quotes": "3", "citations": "3"}


def test_failure_carries_the_message_and_diff(sample_run: Run) -> None:
    case = next(parsed(sample_run).iter("testcase"))
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "error"
    assert failure.get("message", "").startswith("quote differs from source")
    assert "draft:  … shortest program" in (failure.text or "")
    assert case.get("file") == "essay.md" and case.get("line") == "12"


def test_info_passes_with_output(sample_run: Run) -> None:
    case = next(c for c in parsed(sample_run).iter("testcase") if "Q005" in (c.get("name") or ""))
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and "quote has no source link" in (out.text or "")


def test_warning_is_a_failure_of_type_warning(sample_run: Run) -> None:
    case = next(c for c in parsed(sample_run).iter("testcase") if "L002" in (c.get("name") or ""))
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "warning"


def test_clean_file_has_one_passing_case(sample_run: Run) -> None:
    suite = next(s for s in parsed(sample_run).iter("testsuite") if s.get("name") == "clean.md")
    (case,) = suite.iter("testcase")
    assert case.get("name") == "no problems (2 links, 1 quote)"
    assert list(case) == []


def test_unreadable_file_is_an_error(sample_run: Run) -> None:
    suite = next(s for s in parsed(sample_run).iter("testsuite") if s.get("name") == "missing.md")
    error = suite.find("testcase/error")
    assert error is not None and error.get("message") == "cannot read: no such file"


@pytest.mark.parametrize(
    "message",
    [
        "quotes \" and ' and <tags> & ampersands",
        "control \x00\x01\x08\x0b\x0c\x1b\x7f characters",
        "lone surrogate \ud800 and \ufffe \uffff",
        "newlines\nand\r\ntabs\t",
        "]]> end of CDATA",
        "emoji 🦜 and “curly”",
    ],
)
def test_any_text_gives_well_formed_xml(finding: MakeFinding, message: str) -> None:
    run = Run(
        reports=(
            FileReport(
                path="a<&>\x01.md", findings=(finding("Q001", message=message, path="a<&>\x01.md"),)
            ),
        )
    )
    root = parsed(run)
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == xml_safe(message)
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "a<&>\\x01.md"


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("a\x00b", "a\\x00b"),
        ("\x1b[31m", "\\x1b[31m"),
        ("tab\tok", "tab\tok"),
        ("\ud800", "\\xd800"),
        ("\ufffe", "\\xfffe"),
        ("é🦜", "é🦜"),
    ],
)
def test_xml_safe(raw: str, safe: str) -> None:
    assert xml_safe(raw) == safe


def test_a_case_per_checked_link_and_citation() -> None:
    from srclint.model import Checked, Level, Span

    link, quote, claim = Span(3, 1, 3, 30), Span(5, 1, 5, 40), Span(4, 1, 4, 12)
    directive = Span(9, 1, 9, 40)

    def finding(code: str, level: Level, span: Span) -> Finding:
        return Finding(code, "name", level, f"{code} message", "e.md", span)

    report = FileReport(
        "e.md",
        (finding("A002", Level.ERROR, claim), finding("L003", Level.INFO, link),
         finding("Q002", Level.ERROR, quote), finding("S001", Level.INFO, directive)),
        checked=(Checked("link", "https://a.example/x", (link,)),
                 Checked("citation", '"the quote"', (quote, claim)),
                 Checked("link", "https://b.example/y", (Span(7, 1, 7, 20),))),
    )
    suite = parsed(Run((report,))).find("testsuite")
    assert suite is not None
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert list(cases) == [
        "link https://a.example/x at 3:1",
        'citation "the quote" at 5:1',
        "link https://b.example/y at 7:1",
        "S001 name at 9:1",
    ]
    assert (suite.get("tests"), suite.get("failures")) == ("4", "1")
    failure = cases['citation "the quote" at 5:1'].find("failure")
    assert failure is not None
    assert failure.get("message") == "A002 A002 message; Q002 Q002 message"
    assert cases["link https://a.example/x at 3:1"].find("failure") is None
    assert cases["link https://a.example/x at 3:1"].find("system-out") is not None
    assert len(cases["link https://b.example/y at 7:1"]) == 0

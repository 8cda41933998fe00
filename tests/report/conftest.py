"""Hand-made runs for the report tests: every level, a diff, awkward characters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from srclint.model import FileReport, Finding, Level, Run, Span
from srclint.rules import RULES

ALTERED_DIFF = [
    {"tag": "equal", "quote": "the shortest program that does mod arithmetic", "source": ""},
    {"tag": "replace", "quote": "isn't", "source": "is"},
    {"tag": "equal", "quote": "generalizing", "source": ""},
]

MakeFinding = Callable[..., Finding]


def make_finding(
    code: str,
    line: int = 1,
    column: int = 1,
    *,
    path: str = "essay.md",
    message: str | None = None,
    url: str | None = None,
    end_line: int | None = None,
    end_column: int | None = None,
    level: Level | None = None,
    evidence: dict[str, Any] | None = None,
) -> Finding:
    rule = RULES[code]
    return Finding(
        code=code,
        name=rule.NAME,
        level=level or rule.LEVEL,
        message=message or rule.SUMMARY,
        path=path,
        span=Span(line, column, end_line or line, end_column or column + 10),
        url=url,
        evidence=evidence or {},
    )


@pytest.fixture
def finding() -> MakeFinding:
    return make_finding


@pytest.fixture
def sample_run() -> Run:
    """Two files with findings of every level, one clean file, one unreadable file."""
    essay = FileReport(
        path="essay.md",
        findings=(
            make_finding(
                "Q002",
                12,
                3,
                end_line=13,
                end_column=40,
                message='quote differs from source: "is" → "isn\'t" (negation)',
                url="https://example.com/post",
                evidence={
                    "verdict": "altered",
                    "score": 0.93,
                    "closest": "the shortest program that does mod arithmetic is generalizing",
                    "diff": ALTERED_DIFF,
                },
            ),
            make_finding(
                "L002",
                20,
                5,
                message="could not check link: HTTP 429 rate limited",
                url="https://example.com/slow",
            ),
            make_finding("Q005", 31, 1, message="quote has no source link"),
        ),
        links=4,
        quotes=3,
        citations=3,
    )
    notes = FileReport(
        path="notes/a, b: c.md",
        findings=(
            make_finding(
                "L001",
                2,
                7,
                path="notes/a, b: c.md",
                url="https://example.com/gone",
                message="dead link: HTTP 404 | 100% gone\r\nsecond line",
            ),
        ),
        links=1,
    )
    clean = FileReport(path="clean.md", findings=(), links=2, quotes=1, citations=1)
    broken = FileReport(path="missing.md", findings=(), error="cannot read: no such file")
    return Run(reports=(essay, notes, clean, broken), fetched=5, cached=2, failed=1)


@pytest.fixture
def empty_run() -> Run:
    return Run(reports=(FileReport(path="clean.md", findings=(), links=1),))

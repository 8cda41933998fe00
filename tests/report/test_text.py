from __future__ import annotations

import io

from srclint.model import FileReport, Finding, Level, Run, Span
from srclint.report.text import diff_lines, format_finding, render, summary

DIFF = [
    {"tag": "equal", "quote": "the shortest program that does mod arithmetic",
     "source": "the shortest program that does mod arithmetic"},
    {"tag": "replace", "quote": "isn't", "source": "is"},
    {"tag": "equal", "quote": "generalizing", "source": "generalizing"},
]


def finding(code: str = "Q002", level: Level = Level.ERROR, **evidence: object) -> Finding:
    return Finding(code, "quote-altered", level, 'quote differs from source: "is" → "isn\'t"',
                   "essay.md", Span(12, 3, 12, 40), "https://x.com/a/status/1", evidence)


def test_finding_line_and_diff_below() -> None:
    text = format_finding(finding(diff=DIFF))
    assert text.splitlines() == [
        "essay.md:12:3: Q002 quote differs from source: \"is\" → \"isn't\" [quote-altered]",
        "    draft:  … shortest program that does mod arithmetic [isn't] generalizing",
        "    source: … shortest program that does mod arithmetic [is] generalizing",
    ]


def test_long_equal_runs_are_cut_around_the_change() -> None:
    words = " ".join(f"w{i}" for i in range(30))
    draft, source = diff_lines([
        {"tag": "equal", "quote": words, "source": words},
        {"tag": "insert", "quote": "not", "source": ""},
        {"tag": "equal", "quote": words, "source": words},
        {"tag": "delete", "quote": "", "source": "very"},
        {"tag": "equal", "quote": words, "source": words},
    ])
    assert draft == ("… w24 w25 w26 w27 w28 w29 [not] w0 w1 w2 w3 w4 w5 … "
                     "w24 w25 w26 w27 w28 w29 w0 w1 w2 w3 w4 w5 …")
    assert source == ("… w24 w25 w26 w27 w28 w29 w0 w1 w2 w3 w4 w5 … "
                      "w24 w25 w26 w27 w28 w29 [very] w0 w1 w2 w3 w4 w5 …")


def test_closest_passage_for_a_missing_quote() -> None:
    text = format_finding(finding("Q001", closest="something  close\nenough"))
    assert text.splitlines()[1] == "    closest: something close enough"


def test_colour_only_when_asked() -> None:
    assert "\033[" not in format_finding(finding())
    assert "\033[31m" in format_finding(finding(), color=True)


def test_summary_counts() -> None:
    clean = Run((FileReport("a.md", (), links=3, quotes=1),), fetched=2, cached=1)
    assert summary(clean) == (
        "No problems in 1 file (3 links, 1 quote; sources: 2 fetched, 1 cached, 0 failed)."
    )
    run = Run((FileReport("a.md", (finding(), finding(level=Level.WARNING),
                                   finding(level=Level.INFO)), links=1, quotes=2),
               FileReport("b.md", ())), failed=1)
    assert summary(run) == ("Found 1 error, 1 warning, 1 info in 2 files "
                            "(1 link, 2 quotes; sources: 0 fetched, 0 cached, 1 failed).")


def test_render_lists_unreadable_files() -> None:
    out = io.StringIO()
    render(Run((FileReport("bad.md", (), error="binary file, not checked"),)), out)
    assert out.getvalue().splitlines()[0] == "bad.md: binary file, not checked"

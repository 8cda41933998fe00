"""The Markdown summary: counts per level, a table row per finding, everything escaped."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from srclint.model import FileReport, Finding, Run
from srclint.report import renderer
from srclint.report.markdown import MAX_ROWS, cell

MakeFinding = Callable[..., Finding]


def rendered(run: Run) -> str:
    out = io.StringIO()
    renderer("markdown").render(run, out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("one\ntwo", "one<br>two"),
        ("one\r\ntwo\rthree", "one<br>two<br>three"),
        ("<script>", r"\<script\>"),
        ("*bold* _em_ `code` [link](x)", r"\*bold\* \_em\_ \`code\` \[link\](x)"),
        ("back\\slash", "back\\\\slash"),
        ("&amp;", "&amp;amp;"),
        ("~~strike~~ #1", r"\~\~strike\~\~ \#1"),
    ],
)
def test_cell_escaping(raw: str, escaped: str) -> None:
    assert cell(raw) == escaped


def test_counts_then_table(sample_run: Run) -> None:
    text = rendered(sample_run)
    assert text.startswith("## srclint\n\nFound 2 errors, 1 warning, 1 info in 4 files")
    assert "| 🔴 error | 2 |" in text
    assert "| 🟡 warning | 1 |" in text
    assert "| 🔵 info | 1 |" in text
    assert text.index("| Level |") < text.index("| File | Line | Rule | Message |")


def test_one_row_per_finding_with_the_same_number_of_cells(sample_run: Run) -> None:
    text = rendered(sample_run)
    rows = text.split("| File | Line | Rule | Message |\n| --- | ---: | --- | --- |\n")[1]
    rows_list = [r for r in rows.splitlines() if r.startswith("| ")]
    assert len(rows_list) == 4
    for row in rows_list:
        # Unescaped pipes only: the cell separators.
        assert row.replace("\\|", "").count("|") == 5


def test_diff_shown_compactly(sample_run: Run) -> None:
    row = next(r for r in rendered(sample_run).splitlines() if "Q002" in r)
    assert "<br>draft: … shortest program that does mod arithmetic \\[isn't\\] generalizing" in row
    assert "<br>source: … shortest program that does mod arithmetic \\[is\\] generalizing" in row


def test_awkward_message_stays_in_its_row(sample_run: Run) -> None:
    row = next(r for r in rendered(sample_run).splitlines() if "L001" in r)
    assert row.startswith(
        "| notes/a, b: c.md | 2 | 🔴 L001 dead-link | dead link: HTTP 404 \\| 100% gone<br>"
    )


def test_unreadable_files_listed(sample_run: Run) -> None:
    assert "- missing.md: cannot read: no such file" in rendered(sample_run)


def test_clean_run_has_no_table(empty_run: Run) -> None:
    text = rendered(empty_run)
    assert "No problems in 1 file" in text
    assert "| File |" not in text


def test_rows_are_capped(finding: MakeFinding) -> None:
    many = tuple(finding("L001", n) for n in range(1, MAX_ROWS + 6))
    text = rendered(Run(reports=(FileReport(path="essay.md", findings=many),)))
    assert "…and 5 more findings" in text

"""GitHub workflow commands: toolkit escaping, one annotation per finding, the job summary."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from srclint.model import FileReport, Finding, Run
from srclint.report import renderer
from srclint.report.github import annotation, command, escape_data, escape_property

MakeFinding = Callable[..., Finding]


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\rb", "a%0Db", "a%0Db"),
        ("a\nb", "a%0Ab", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a:b", "a:b", "a%3Ab"),
        ("a,b", "a,b", "a%2Cb"),
        ("%0A", "%250A", "%250A"),  # an escape sequence in the text is not taken as one
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
        ("plain — “text”", "plain — “text”", "plain — “text”"),
    ],
)
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def run_github(run: Run, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    out = io.StringIO()
    renderer("github").render(run, out)
    return out.getvalue().splitlines()


def test_annotation_shape(finding: MakeFinding) -> None:
    line = annotation(finding("L001", 4, 7, end_column=30, message="dead link: HTTP 404"))
    assert line == (
        "::error file=essay.md,line=4,col=7,endLine=4,endColumn=30,"
        "title=L001 dead-link::dead link: HTTP 404"
    )


def test_levels(sample_run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = run_github(sample_run, monkeypatch)
    kinds = [line.split(" ", 1)[0] for line in lines if line.startswith("::")]
    assert kinds == ["::error", "::warning", "::notice", "::error", "::warning"]


def test_properties_and_message_are_escaped(
    sample_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = run_github(sample_run, monkeypatch)
    (notes,) = [line for line in lines if "L001" in line]
    assert notes.startswith("::error file=notes/a%2C b%3A c.md,line=2,col=7,")
    assert notes.endswith(
        "::dead link: HTTP 404 | 100%25 gone%0D%0Asecond line%0Alink: https://example.com/gone"
    )


def test_diff_is_in_the_message(sample_run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    (altered,) = [line for line in run_github(sample_run, monkeypatch) if "Q002" in line]
    assert "%0Adraft:  … shortest program that does mod arithmetic [isn't] generalizing" in altered
    assert "%0Asource: " in altered


def test_unreadable_file_is_a_warning(sample_run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = run_github(sample_run, monkeypatch)
    assert "::warning file=missing.md,title=srclint::missing.md: cannot read: no such file" in lines


def test_one_plain_summary_line_at_the_end(
    sample_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    last = run_github(sample_run, monkeypatch)[-1]
    assert last.startswith("Found 2 errors, 1 warning, 1 info in 4 files")
    assert not last.startswith("::")


def test_every_line_is_one_command(finding: MakeFinding, monkeypatch: pytest.MonkeyPatch) -> None:
    nasty = finding("Q001", message="line one\nline two\r\n::error::injected")
    run = Run(reports=(FileReport(path="essay.md", findings=(nasty,)),))
    lines = run_github(run, monkeypatch)
    assert len(lines) == 2  # the annotation and the summary
    assert lines[0].startswith("::error ")


def test_step_summary_is_appended(
    sample_run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = io.StringIO()
    renderer("github").render(sample_run, out)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## srclint\n")
    assert "| File | Line | Rule | Message |" in text
    assert text.count("\n| ") >= 4 + 3  # level table rows + a row per finding
    assert "GITHUB_STEP_SUMMARY" not in out.getvalue()


def test_unwritable_step_summary_is_a_warning_not_a_crash(
    sample_run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no" / "such" / "dir" / "f.md"))
    out = io.StringIO()
    renderer("github").render(sample_run, out)
    assert "::warning title=srclint::could not write the job summary" in out.getvalue()


def test_command_without_properties() -> None:
    assert command("notice", {}, "hi") == "::notice::hi"

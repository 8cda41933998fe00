"""``--output`` and ``--also-output`` for every format; the exit code still follows the findings.

The lint pipeline is replaced by a stand-in returning a fixed ``Run``, so these tests
check only the CLI's report plumbing.
"""

from __future__ import annotations

import json
import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from srclint.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FORMAT_NAMES, main
from srclint.model import FileReport, Finding, Level, Run, Span


def run_with(*levels: Level) -> Run:
    codes = {
        Level.ERROR: ("Q002", "quote-altered"),
        Level.WARNING: ("L002", "link-unreachable"),
        Level.INFO: ("Q005", "quote-unsourced"),
    }
    findings = tuple(
        Finding(
            code=codes[lv][0],
            name=codes[lv][1],
            level=lv,
            message=f"{lv} here",
            path="essay.md",
            span=Span(i + 1, 1, i + 1, 5),
        )
        for i, lv in enumerate(levels)
    )
    return Run(reports=(FileReport(path="essay.md", findings=findings, links=1),))


@pytest.fixture
def fake_lint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> types.SimpleNamespace:
    """Stand in for ``srclint.lint``; set ``.result`` to the Run it returns."""
    state = types.SimpleNamespace(result=run_with(), options=None)

    class UsageError(Exception):
        pass

    class LintOptions:
        def __init__(self, **kwargs: Any) -> None:
            self.__dict__.update(kwargs)

    def run(targets: list[Path], options: LintOptions) -> Run:
        state.options = options
        return state.result  # type: ignore[no-any-return]

    module = types.ModuleType("srclint.lint")
    module.UsageError = UsageError  # type: ignore[attr-defined]
    module.LintOptions = LintOptions  # type: ignore[attr-defined]
    module.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "srclint.lint", module)
    import srclint

    monkeypatch.setattr(srclint, "lint", module, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    (tmp_path / "essay.md").write_text("# Essay\n", encoding="utf-8")
    return state


def check_well_formed(format_: str, text: str) -> None:
    if format_ in ("json", "sarif"):
        json.loads(text)
    elif format_ == "junit":
        ET.fromstring(text.encode("utf-8"))
    assert text.endswith("\n")


@pytest.mark.parametrize("format_", FORMAT_NAMES)
@pytest.mark.parametrize(
    ("levels", "code"),
    [
        ((), EXIT_OK),
        ((Level.INFO,), EXIT_OK),
        ((Level.WARNING,), EXIT_OK),
        ((Level.ERROR, Level.INFO), EXIT_FINDINGS),
    ],
)
def test_output_file_for_every_format(
    fake_lint: types.SimpleNamespace,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    format_: str,
    levels: tuple[Level, ...],
    code: int,
) -> None:
    fake_lint.result = run_with(*levels)
    target = tmp_path / "out" / f"report.{format_}"
    assert main(["check", "essay.md", "--format", format_, "--output", str(target)]) == code
    check_well_formed(format_, target.read_text(encoding="utf-8"))
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("format_", FORMAT_NAMES)
def test_strict_and_exit_zero_with_output(
    fake_lint: types.SimpleNamespace, tmp_path: Path, format_: str
) -> None:
    fake_lint.result = run_with(Level.WARNING)
    out = str(tmp_path / "r")
    assert main(["check", "-f", format_, "-o", out, "--strict"]) == EXIT_FINDINGS
    fake_lint.result = run_with(Level.ERROR)
    assert main(["check", "-f", format_, "-o", out, "--exit-zero"]) == EXIT_OK


def test_also_output_writes_each_extra_report(
    fake_lint: types.SimpleNamespace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_lint.result = run_with(Level.ERROR)
    code = main(
        [
            "check",
            "essay.md",
            "--format",
            "github",
            "--also-output",
            "sarif=results.sarif",
            "--also-output",
            "junit=out/junit.xml",
        ]
    )
    assert code == EXIT_FINDINGS
    assert capsys.readouterr().out.startswith("::error file=essay.md,")
    sarif = json.loads((tmp_path / "results.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "Q002"
    ET.parse(tmp_path / "out" / "junit.xml")


@pytest.mark.parametrize("value", ["sarif", "nope=x.txt", "sarif=", "=x"])
def test_also_output_rejects_a_bad_value(
    fake_lint: types.SimpleNamespace, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    assert main(["check", "--also-output", value]) == EXIT_USAGE
    assert "FORMAT=FILE" in capsys.readouterr().err


def test_unwritable_output_is_one_line_and_exit_2(
    fake_lint: types.SimpleNamespace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert main(["check", "-o", str(tmp_path / "file" / "sub" / "r.txt")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("srclint: error: ") and err.count("\n") == 1


def test_pre_commit_network_warnings_never_block(
    fake_lint: types.SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_lint.result = run_with(Level.WARNING)
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert main(["check", "--strict"]) == EXIT_OK

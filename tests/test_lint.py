"""The orchestration without network: files, local links, unsourced quotes, suppressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from srclint.cli import main
from srclint.drafts import UsageError, collect_files
from srclint.lint import LintOptions, run
from srclint.model import Run

UNSOURCED = 'As the saying goes, "the map is not the territory at all".\n'


def check(tmp_path: Path, files: dict[str, str | bytes], **options: object) -> Run:
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return run([tmp_path], LintOptions(no_fetch=True, **options))  # type: ignore[arg-type]


def found(result: Run) -> list[tuple[str, int, int, str]]:
    return [(f.path.rsplit("/", 1)[-1], f.span.line, f.span.column, f.code)
            for f in result.findings]


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        ("fine\n", []),
        (UNSOURCED, [(1, 21, "Q005")]),
        ("See [notes](notes.md).\n", []),
        ("See [notes](notes.md#setup).\n", []),
        ("See [notes](notes.md#nope).\n", [(1, 5, "L001")]),
        ("See [gone](missing.md).\n", [(1, 5, "L001")]),
        ("See [top](#a-heading).\n\n## A heading\n", []),
        ("See [top](#no-heading).\n", [(1, 5, "L001")]),
        # Root-relative paths point into the published site: not checked.
        ("See [post](/2020/Apr/post/).\n", []),
        ("Mail [me](mailto:a@example.com).\n", []),
        # A quote bound to a link with nothing to fetch is unsourced, not silently passed.
        ('[Write to me](mailto:a@example.com): "the map is not the territory at all".\n',
         [(1, 38, "Q005")]),
        ("<!-- srclint-disable-next-line Q005 -->\n" + UNSOURCED, []),
        ("<!-- srclint-disable-next-line quote-unsourced -->\n" + UNSOURCED, []),
        ("<!-- srclint-disable-next-line Q002 -->\n" + UNSOURCED,
         [(1, 1, "S001"), (2, 21, "Q005")]),
        ("<!-- srclint-disable-file Q005 -->\n\n" + UNSOURCED * 2, []),
    ],
)
def test_findings_without_network(tmp_path: Path, draft: str,
                                  expected: list[tuple[int, int, str]]) -> None:
    result = check(tmp_path, {"essay.md": draft, "notes.md": "# Notes\n\n## Setup\n"})
    assert found(result) == [("essay.md", *row) for row in expected]


def test_spans_are_right_in_crlf_and_bom_files(tmp_path: Path) -> None:
    text = "\ufeff# Title\r\n\r\nSee [gone](missing.md) and 日本 [more](gone.md).\r\n"
    result = check(tmp_path, {"essay.md": text})
    assert found(result) == [("essay.md", 3, 5, "L001"), ("essay.md", 3, 31, "L001")]


def test_unreadable_files_are_reported_and_the_rest_checked(tmp_path: Path) -> None:
    result = check(tmp_path, {
        "a.md": b"caf\xe9 au lait\n",
        "b.md": b"\x00\x01binary",
        "c.md": UNSOURCED,
        "d.md": "",
    })
    errors = {r.path.rsplit("/", 1)[-1]: r.error for r in result.reports}
    assert errors == {
        "a.md": "line 1: not valid UTF-8, not checked (save the file as UTF-8)",
        "b.md": "binary file, not checked",
        "c.md": None,
        "d.md": None,
    }
    assert [f.code for f in result.findings] == ["Q005"]


def test_folders_are_searched_for_markdown_only(tmp_path: Path) -> None:
    for name in ("a.md", "sub/b.markdown", "c.txt", ".hidden/d.md", "node_modules/e.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in collect_files([tmp_path])]
    assert names == ["a.md", "sub/b.markdown"]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or directory"):
        collect_files([tmp_path / "nope.md"])


def test_exclude_globs_from_config(tmp_path: Path) -> None:
    result = check(tmp_path, {
        ".srclint.toml": 'exclude = ["old/*"]\n',
        "old/a.md": UNSOURCED,
        "new/b.md": UNSOURCED,
    })
    assert [f.path.rsplit("/", 1)[-1] for f in result.findings] == ["b.md"]


def test_per_rule_level_and_select(tmp_path: Path) -> None:
    result = check(tmp_path, {".srclint.toml": '[rules]\nQ005 = "error"\n', "a.md": UNSOURCED})
    assert [str(f.level) for f in result.findings] == ["error"]
    result = check(tmp_path, {"a.md": UNSOURCED}, select=("L",))
    assert result.findings == ()


def test_folder_without_markdown_says_so(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert main(["check", "--no-fetch", str(tmp_path)]) == 0
    assert "no Markdown files" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "code"),
    [([], 0), (["--strict"], 1), (["--select", "Q005", "--strict"], 1),
     (["--strict", "--exit-zero"], 0)],
)
def test_exit_codes(tmp_path: Path, args: list[str], code: int) -> None:
    draft = tmp_path / "a.md"
    draft.write_text(UNSOURCED, encoding="utf-8")
    (tmp_path / "srclint.toml").write_text('[rules]\nQ005 = "warning"\n', encoding="utf-8")
    assert main(["check", "--no-fetch", *args, str(draft)]) == code


def test_error_level_finding_exits_1(tmp_path: Path) -> None:
    draft = tmp_path / "a.md"
    draft.write_text("[x](gone.md)\n", encoding="utf-8")
    assert main(["check", "--no-fetch", str(draft)]) == 1

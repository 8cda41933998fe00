from __future__ import annotations

from pathlib import Path

import click
import pytest

from srclint import __version__
from srclint.cli import cli, main
from srclint.rules import RULES


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"srclint, version {__version__}\n"


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for code, rule in RULES.items():
        assert f"{code}  {rule.NAME}" in out


@pytest.mark.parametrize("given", ["Q002", "quote-altered", "q002"])
def test_explain_by_code_or_name(given: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", given]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Q002 quote-altered (default level: error)")
    assert "Passes::" in out and "Fails::" in out


def test_explain_unknown_rule_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "Z999"]) == 2
    err = capsys.readouterr().err
    assert err == "srclint: error: no rule 'Z999' (see `srclint rules`)\n"


def test_missing_path_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.md"
    assert main(["check", str(missing)]) == 2
    assert capsys.readouterr().err == f"srclint: error: {missing}: no such file or directory\n"


def test_bad_config_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".srclint.toml").write_text("colour = 1\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("hello\n", encoding="utf-8")
    assert main(["check", "--no-fetch", str(tmp_path / "a.md")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert ".srclint.toml:1: unknown key 'colour'" in err


def test_unknown_option_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--frobnicate"]) == 2
    assert "No such option" in capsys.readouterr().err


def test_unknown_rule_in_select(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text("hello\n", encoding="utf-8")
    assert main(["check", "--no-fetch", "--select", "Z1", str(tmp_path / "a.md")]) == 2
    assert "--select: unknown rule 'Z1'" in capsys.readouterr().err


def _commands(group: click.Group) -> list[click.Command]:
    found: list[click.Command] = []
    for command in group.commands.values():
        found.append(command)
        if isinstance(command, click.Group):
            found.extend(_commands(command))
    return found


def test_every_command_and_option_has_help() -> None:
    for command in _commands(cli):
        assert command.help, command.name
        for param in command.params:
            if isinstance(param, click.Option) and param.name not in ("help",):
                assert param.help, f"{command.name} {param.name}"


def test_readme_documents_every_command_and_check_option() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for command in _commands(cli):
        assert command.name in readme
    check = cli.commands["check"]
    for param in check.params:
        if isinstance(param, click.Option):
            assert any(opt in readme for opt in param.opts), param.opts

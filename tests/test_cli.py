from __future__ import annotations

from pathlib import Path

import click
import pytest
from pytest_httpserver import HTTPServer

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


REPO = Path(__file__).resolve().parents[1]
RECORDING = REPO / "examples" / "essay.sources.yaml"


def test_fetch_shows_what_srclint_sees(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch", "http://example.org/style", "--replay", str(RECORDING),
                 "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "adapter    html" in out
    assert "final url  https://example.org/guides/style" in out
    assert "redirect   301 http://example.org/style → https://example.org/guides/style" in out
    assert "title      Style guide" in out
    assert "Quote exactly." in out


def test_fetch_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["fetch", "https://x.com/quotecheck/status/1744066823962947905",
                 "--replay", str(RECORDING), "--no-cache", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["adapter"] == "x"
    assert data["authors"] == [{"name": "Quote Check", "handle": "quotecheck"}]
    assert data["complete"] is True
    assert data["requests"] == ["GET https://api.fxtwitter.com/status/1744066823962947905"]


def test_cache_info_and_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                              httpserver: HTTPServer) -> None:
    httpserver.expect_request("/page").respond_with_data(
        "<html><head><title>A page</title></head><body><p>Some words here.</p></body></html>",
        content_type="text/html")
    cache = tmp_path / "cache"
    assert main(["cache", "info", "--cache-dir", str(cache)]) == 0
    assert "empty (no cache file yet)" in capsys.readouterr().out
    draft = tmp_path / "a.md"
    draft.write_text(f"[*A page*]({httpserver.url_for('/page')})\n", encoding="utf-8")
    assert main(["check", str(draft), "--allow-private", "--cache-dir", str(cache)]) == 0
    capsys.readouterr()
    assert main(["cache", "info", "--cache-dir", str(cache)]) == 0
    assert "responses: 1 (1 fresh, 0 expired)" in capsys.readouterr().out
    assert main(["cache", "clear", "--cache-dir", str(cache)]) == 0
    assert "removed 1 cached responses" in capsys.readouterr().out
    assert main(["cache", "info", "--cache-dir", str(cache)]) == 0
    assert "empty" in capsys.readouterr().out


def test_progress_bar_draws_and_clears(capsys: pytest.CaptureFixture[str]) -> None:
    from srclint.cli import _ProgressBar

    bar = _ProgressBar()
    bar(3, 12)
    bar.close()
    err = capsys.readouterr().err
    assert "fetching [#######" in err and "3/12" in err
    assert err.endswith("\r\033[K")


@pytest.mark.parametrize("code", list(RULES))
def test_readme_documents_every_rule(code: str) -> None:
    """Each rule has a row in the rules table and a heading with an example (the anchor
    SARIF's helpUri points to)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rule = RULES[code]
    assert f"| {code} | {rule.NAME} | {rule.LEVEL} |" in readme
    heading = f"#### {code} {rule.NAME}\n"
    assert heading in readme
    example = readme.split(heading, 1)[1].split("\n#### ", 1)[0]
    assert f"{code} " in example and "```" in example

from __future__ import annotations

from pathlib import Path

import pytest

from srclint.config import Config, ConfigError, config_for, load
from srclint.model import Level


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_config_file(tmp_path: Path) -> None:
    config = config_for(tmp_path / "essay.md")
    assert config == Config()
    assert config.enabled("Q002")
    assert config.min_quote_words == 5


def test_every_key(tmp_path: Path) -> None:
    config = load(write(tmp_path / ".srclint.toml", """
select = ["Q", "link-unreachable"]
ignore = "Q003"
min-quote-words = 7
exclude = ["drafts/old/*"]
allow-private = true
allow-networks = ["10.20.0.0/16"]
suggest-archive = false
timeout = 5
jobs = 4
cache-dir = "cache"
[rules]
Q005 = "warning"
quote-folded = "off"
[per-file-ignores]
"notes/*.md" = ["A002"]
[aliases]
"Scott Alexander" = ["Yvain"]
[hosts."export.arxiv.org"]
in-flight = 1
interval = 3
"""))
    assert config.select == frozenset({"Q001", "Q002", "Q003", "Q004", "Q005", "L002"})
    assert config.ignore == frozenset({"Q003"})
    assert not config.enabled("L001")
    assert not config.enabled("Q003")
    assert config.level("Q005", Level.INFO) is Level.WARNING
    assert config.level("Q001", Level.ERROR) is Level.ERROR
    assert config.min_quote_words == 7
    assert config.excluded(tmp_path / "drafts" / "old" / "x.md")
    assert not config.excluded(tmp_path / "drafts" / "x.md")
    assert config.allow_private is True
    assert config.allow_networks == ("10.20.0.0/16",)
    assert config.suggest_archive is False
    assert config.timeout == 5.0
    assert config.jobs == 4
    assert config.cache_dir == (tmp_path / "cache").resolve()
    assert config.aliases == {"Scott Alexander": ("Yvain",)}
    assert config.hosts["export.arxiv.org"].interval == 3.0
    assert config.hosts["export.arxiv.org"].in_flight == 1


def test_level_off_disables_a_rule(tmp_path: Path) -> None:
    config = load(write(tmp_path / "srclint.toml", '[rules]\nquote-folded = "off"\n'))
    assert not config.enabled("Q003")
    assert config.enabled("Q002")


def test_per_file_ignores(tmp_path: Path) -> None:
    config = load(write(tmp_path / "srclint.toml", '[per-file-ignores]\n"notes/*" = ["A002"]\n'))
    assert not config.enabled("A002", "notes/a.md")
    assert config.enabled("A002", "essays/a.md")
    assert config.enabled("Q001", "notes/a.md")


def test_search_is_upward_and_closest_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.srclint]\nmin-quote-words = 3\n")
    write(tmp_path / "sub" / ".srclint.toml", "min-quote-words = 9\n")
    write(tmp_path / "sub" / "deeper" / "essay.md", "x")
    write(tmp_path / "other" / "essay.md", "x")
    assert config_for(tmp_path / "sub" / "deeper" / "essay.md").min_quote_words == 9
    assert config_for(tmp_path / "other" / "essay.md").min_quote_words == 3


def test_dot_srclint_wins_over_srclint_toml_in_one_folder(tmp_path: Path) -> None:
    write(tmp_path / "srclint.toml", "min-quote-words = 3\n")
    write(tmp_path / ".srclint.toml", "min-quote-words = 4\n")
    assert config_for(tmp_path / "a.md").min_quote_words == 4


def test_pyproject_without_srclint_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.srclint]\nmin-quote-words = 3\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert config_for(tmp_path / "pkg" / "a.md").min_quote_words == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour = 1\n", ":1: unknown key 'colour'"),
        ("\n\nselect = ['Q999']\n", ":3: select: unknown rule 'Q999'"),
        ("min-quote-words = 'five'\n", "min-quote-words: expected a whole number"),
        ("min-quote-words = 0\n", "min-quote-words: must be at least 1"),
        ("timeout = -1\n", "timeout: must be more than 0"),
        ("allow-private = 'yes'\n", "allow-private: expected true or false"),
        ("[rules]\nQ002 = 'loud'\n", "rules.Q002: level must be error, warning, info or off"),
        ("[rules]\nZ001 = 'error'\n", "rules.Z001: unknown rule"),
        ("[hosts.'a.org']\nburst = 2\n", "hosts.a.org.burst: unknown key"),
        ("exclude = 3\n", "exclude: expected a list of glob patterns"),
        ("allow-networks = ['intranet']\n", "allow-networks: 'intranet' is not a network"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_naming_file_and_key(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path / ".srclint.toml", text)
    with pytest.raises(ConfigError) as raised:
        load(path)
    assert str(raised.value).startswith(str(path))
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_bad_pyproject_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[project]\nname='x'\n[tool.srclint]\nfoo = 1\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml:4: unknown key 'foo'"):
        load(path)

"""``per-file-ignores``: rules turned off for files matching a glob, by code or name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from srclint.config import Config, ConfigError, parse_table


def config(table: dict[str, list[str]]) -> Config:
    return parse_table({"per-file-ignores": table}, Path("srclint.toml"))


@pytest.mark.parametrize(
    ("table", "code", "path", "enabled"),
    [
        ({"drafts/*.md": ["Q005"]}, "Q005", "drafts/a.md", False),
        ({"drafts/*.md": ["Q005"]}, "Q002", "drafts/a.md", True),
        ({"drafts/*.md": ["Q005"]}, "Q005", "essays/a.md", True),
        ({"drafts/*.md": ["quote-unsourced"]}, "Q005", "drafts/a.md", False),
        ({"drafts/*.md": ["Q"]}, "Q002", "drafts/a.md", False),
        ({"drafts/*.md": ["Q"]}, "L001", "drafts/a.md", True),
        ({"CHANGELOG.md": ["L"]}, "L003", "docs/CHANGELOG.md", False),
        ({"*.md": ["dead-link", "L002"]}, "L002", "a/b/c.md", False),
        ({"*.md": ["dead-link", "L002"]}, "L001", "a/b/c.md", False),
        ({"drafts/*.md": ["Q005"]}, "Q005", "drafts\\a.md", False),
        ({"drafts/*.md": "Q005, A002"}, "A002", "drafts/a.md", False),  # type: ignore[dict-item]
    ],
)
def test_enabled(table: dict[str, list[str]], code: str, path: str, enabled: bool) -> None:
    assert config(table).enabled(code, path) is enabled


def test_unknown_rule_is_an_error_naming_it() -> None:
    with pytest.raises(
        ConfigError, match=re.escape("per-file-ignores.drafts/*.md: unknown rule 'Q999'")
    ):
        config({"drafts/*.md": ["Q999"]})


def test_not_a_table_is_an_error() -> None:
    with pytest.raises(ConfigError, match="per-file-ignores"):
        parse_table({"per-file-ignores": ["Q005"]}, Path("srclint.toml"))

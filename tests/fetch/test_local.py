"""Relative links: files on disk, fragments against the target's headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from srclint.fetch import check_local
from srclint.model import FetchStatus


def _slugs(path: Path) -> set[str]:
    return {line.lstrip("# ").strip().lower().replace(" ", "-")
            for line in path.read_text().splitlines() if line.startswith("#")}


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("# Guide\n\n## Getting started\n")
    (tmp_path / "docs" / "my notes.md").write_text("# Notes\n")
    (tmp_path / "img.png").write_bytes(b"\x89PNG")
    essay = tmp_path / "essays" / "essay.md"
    essay.parent.mkdir()
    essay.write_text("# Essay\n\n## Intro\n")
    return essay


# (target, status, error)
CASES = [
    ("../docs/guide.md", FetchStatus.OK, ""),
    ("../docs/guide.md#getting-started", FetchStatus.OK, ""),
    ("../docs/guide.md#nowhere", FetchStatus.NOT_FOUND, "no heading #nowhere in ../docs/guide.md"),
    ("../docs/missing.md", FetchStatus.NOT_FOUND, "no such file ../docs/missing.md"),
    ("../docs/my%20notes.md", FetchStatus.OK, ""),
    ("../docs/", FetchStatus.OK, ""),
    ("../img.png#L10", FetchStatus.OK, ""),  # fragments only checked in Markdown
    ("#intro", FetchStatus.OK, ""),
    ("#outro", FetchStatus.NOT_FOUND, "no heading #outro in essay.md"),
    ("/docs/guide.md", FetchStatus.OK, ""),  # from the repository root
    ("../docs/guide.md?plain=1", FetchStatus.OK, ""),
]


@pytest.mark.parametrize(("target", "status", "error"), CASES)
def test_check_local(draft: Path, target: str, status: FetchStatus, error: str) -> None:
    fetched = check_local(draft, target, _slugs)
    assert fetched.status is status
    assert fetched.error == error
    assert fetched.url == target

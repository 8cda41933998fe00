"""The pre-commit hook, for real: pre-commit installs this checkout into its own
environment from ``.pre-commit-hooks.yaml`` and runs it on a draft in a new repository.

Installing takes a few seconds (pip, from the package index this machine is set up
with), once per test session: the environment is shared through PRE_COMMIT_HOME.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml  # type: ignore[import-untyped]

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"
)


def test_hook_definition() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "srclint"
    assert hook["entry"] == "srclint check"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown"]
    assert hook["require_serial"] is True


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PRE_COMMIT_HOME for the module: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def closed_port() -> int:
    """A loopback port nothing listens on (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def run_hook(
    project: Path,
    hooks_repo: tuple[Path, str],
    home: Path,
    draft: str,
    args: list[str],
    git: Callable[..., str],
) -> subprocess.CompletedProcess[str]:
    """Write ``draft.md`` and a config using the hook, then ``pre-commit run --files``."""
    path, rev = hooks_repo
    project.mkdir()
    git("init", "-q", "-b", "main", cwd=project)
    (project / "draft.md").write_text(draft, encoding="utf-8")
    (project / "notes.txt").write_text('"not markdown, so not checked at all"\n', encoding="utf-8")
    config = {
        "repos": [{"repo": str(path), "rev": rev, "hooks": [{"id": "srclint", "args": args}]}]
    }
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git("add", "-A", cwd=project)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONPATH", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(home), NO_COLOR="1", TERM="dumb")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "run",
            "--files",
            "draft.md",
            "notes.txt",
            "--color",
            "never",
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.mark.usefixtures("pipeline")
def test_clean_draft_passes(
    tmp_path: Path,
    checkout_repo: tuple[Path, str],
    pre_commit_home: Path,
    source_server: str,
    git: Callable[..., str],
) -> None:
    draft = f"# Draft\n\nRead [this]({source_server}/post) first.\n"
    done = run_hook(
        tmp_path / "p",
        checkout_repo,
        pre_commit_home,
        draft,
        ["--allow-private", "--no-cache"],
        git,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "srclint" in done.stdout and "Passed" in done.stdout


@pytest.mark.usefixtures("pipeline")
def test_failing_draft_blocks_the_commit(
    tmp_path: Path,
    checkout_repo: tuple[Path, str],
    pre_commit_home: Path,
    source_server: str,
    git: Callable[..., str],
) -> None:
    draft = f"# Draft\n\nThis [page]({source_server}/gone) was removed.\n"
    done = run_hook(
        tmp_path / "p",
        checkout_repo,
        pre_commit_home,
        draft,
        ["--allow-private", "--no-cache"],
        git,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout
    assert "- exit code: 1" in done.stdout
    assert "draft.md:3:" in done.stdout and "L001" in done.stdout
    assert "notes.txt" not in done.stdout


@pytest.mark.usefixtures("pipeline")
def test_network_trouble_never_blocks_a_commit(
    tmp_path: Path,
    checkout_repo: tuple[Path, str],
    pre_commit_home: Path,
    git: Callable[..., str],
) -> None:
    """An unreachable link is a warning (L002); under pre-commit, even --strict lets it pass."""
    draft = f"# Draft\n\nSee [this](http://127.0.0.1:{closed_port()}/post).\n"
    done = run_hook(
        tmp_path / "p",
        checkout_repo,
        pre_commit_home,
        draft,
        ["--allow-private", "--no-cache", "--strict", "--timeout", "2"],
        git,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


@pytest.mark.usefixtures("pipeline")
def test_suppressed_finding_passes(
    tmp_path: Path,
    checkout_repo: tuple[Path, str],
    pre_commit_home: Path,
    source_server: str,
    git: Callable[..., str],
) -> None:
    draft = (
        f"# Draft\n\n<!-- srclint-disable-next-line dead-link -->\n"
        f"This [page]({source_server}/gone) was removed, and we know.\n"
    )
    done = run_hook(
        tmp_path / "p",
        checkout_repo,
        pre_commit_home,
        draft,
        ["--allow-private", "--no-cache"],
        git,
    )
    assert done.returncode == 0, done.stdout + done.stderr

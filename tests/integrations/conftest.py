"""Helpers for running srclint as the GitHub Action and pre-commit run it: a ``srclint``
command on PATH built from this checkout, and a local HTTP server standing in for sources.
"""

from __future__ import annotations

import importlib
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# What ``srclint check`` needs beyond the CLI and the reports: (module, attribute) pairs.
PIPELINE = (
    ("srclint.lint", "run"),
    ("srclint.extract", None),
    ("srclint.match", None),
    ("srclint.fetch", "Fetcher"),
)


def _missing_stage() -> str | None:
    for module, attribute in PIPELINE:
        try:
            imported = importlib.import_module(module)
        except ImportError:
            return module
        if attribute and not hasattr(imported, attribute):
            return f"{module}.{attribute}"
    return None


@pytest.fixture
def pipeline() -> None:
    """Skip a test that runs ``srclint check`` for real where the pipeline is not merged yet."""
    missing = _missing_stage()
    if missing:
        pytest.skip(f"needs {missing} (the merged pipeline)")


POST = """<!doctype html><html><head><title>On maps</title>
<meta name="author" content="Ada Example"></head>
<body><article><p>The map is not the territory, and the menu is not the meal.</p>
</article></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    def _answer(self, body: bool) -> None:
        if self.path.startswith("/post"):
            payload = POST.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        else:
            payload = b"<html><body>not found</body></html>"
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if body:
            self.wfile.write(payload)

    def do_GET(self) -> None:
        self._answer(True)

    def do_HEAD(self) -> None:
        self._answer(False)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def source_server() -> Iterator[str]:
    """Base URL of a loopback server: ``/post…`` is a page, anything else is a 404."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def srclint_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH has a ``srclint`` command running this checkout's code."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "srclint"
    shim.write_text(
        f'#!/bin/sh\nPYTHONPATH="{REPO / "src"}${{PYTHONPATH:+:$PYTHONPATH}}" '
        f'exec "{sys.executable}" -m srclint "$@"\n',
        encoding="utf-8",
    )
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_"))}
    env.pop("PRE_COMMIT", None)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["NO_COLOR"] = "1"
    return env


def _git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "srclint tests",
        "GIT_AUTHOR_EMAIL": "tests@example.com",
        "GIT_COMMITTER_NAME": "srclint tests",
        "GIT_COMMITTER_EMAIL": "tests@example.com",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def _checkout_files() -> list[str]:
    """The files of this checkout that git would keep (tracked, or new and not ignored)."""
    try:
        listed = _git("ls-files", "-co", "--exclude-standard", "-z", cwd=REPO)
    except (OSError, subprocess.CalledProcessError):
        return [
            str(p.relative_to(REPO))
            for p in REPO.rglob("*")
            if p.is_file() and not {".git", ".venv", "__pycache__"} & set(p.parts)
        ]
    return [name for name in listed.split("\0") if name and (REPO / name).is_file()]


@pytest.fixture(scope="session")
def checkout_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository with one commit holding this checkout's files: (path, commit)."""
    root = tmp_path_factory.mktemp("srclint-checkout")
    for name in _checkout_files():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    _git("init", "-q", "-b", "main", cwd=root)
    _git("add", "-A", cwd=root)
    _git("commit", "-q", "-m", "srclint under test", cwd=root)
    return root, _git("rev-parse", "HEAD", cwd=root).strip()


@pytest.fixture
def git() -> Callable[..., str]:
    """``git(*args, cwd=…)``: run git with a fixed identity, return its output."""
    return _git

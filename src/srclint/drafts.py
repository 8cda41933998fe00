"""The drafts of a run: Markdown files found under the paths given, read, configured
and parsed. Nothing here touches the network."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from srclint.config import Config, config_for, load
from srclint.model import Document
from srclint.rules import resolve_codes

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__"})


class UsageError(Exception):
    """A bad path or argument: one line for the user."""


@dataclass
class Draft:
    """One Markdown file of a run: where it is, its config, and what was read of it."""

    path: Path
    display: str  # the path as reports show it
    config: Config
    document: Document | None = None
    error: str | None = None  # why it could not be read
    text: str | None = None


def collect_files(paths: Sequence[Path]) -> list[Path]:
    """The Markdown files named or found below ``paths``, in order, without repeats."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
        if path.is_dir():
            found.extend(sorted(_walk(path)))
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not d.startswith(".")]
        for name in files:
            if Path(name).suffix.lower() in MARKDOWN_SUFFIXES:
                yield Path(root) / name


def read_draft(path: Path) -> tuple[str | None, str | None]:
    """The file's text, or ``None`` and one line saying why it cannot be checked."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, f"cannot read: {error.strerror}"
    if b"\x00" in data[:8192]:
        return None, "binary file, not checked"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, f"line {line}: not valid UTF-8, not checked (save the file as UTF-8)"


def _config(path: Path, config_path: Path | None, select: Sequence[str],
            ignore: Sequence[str], min_quote_words: int | None) -> Config:
    """The file's config, with the command line's choices over it."""
    config = load(config_path) if config_path else config_for(path)
    changes: dict[str, object] = {}
    if select:
        changes["select"] = frozenset(_codes(select, "--select"))
    if ignore:
        changes["ignore"] = config.ignore | _codes(ignore, "--ignore")
    if min_quote_words:
        changes["min_quote_words"] = min_quote_words
    return replace(config, **changes) if changes else config  # type: ignore[arg-type]


def _codes(items: Sequence[str], option: str) -> set[str]:
    try:
        return resolve_codes(items)
    except KeyError as unknown:
        name = unknown.args[0]
        raise UsageError(f"{option}: unknown rule {name!r} (see `srclint rules`)") from None


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_drafts(
    paths: Sequence[Path], *, config_path: Path | None = None, select: Sequence[str] = (),
    ignore: Sequence[str] = (), min_quote_words: int | None = None,
) -> list[Draft]:
    """Every draft under ``paths`` (excluded ones left out unless named), read and parsed."""
    drafts = []
    for path in collect_files(paths):
        config = _config(path, config_path, select, ignore, min_quote_words)
        if config.excluded(path) and path not in paths:
            continue
        drafts.append(Draft(path, _display(path), config))
    from srclint.extract import parse

    for draft in drafts:
        draft.text, draft.error = read_draft(draft.path)
        if draft.text is not None:
            draft.document = parse(
                draft.display, draft.text, min_quote_words=draft.config.min_quote_words
            )
    return drafts


def extract_documents(
    paths: Sequence[Path], min_quote_words: int | None
) -> tuple[list[Document], list[tuple[str, str]]]:
    """Parse files without fetching: the documents and ``(path, error)`` for unreadable ones."""
    drafts = load_drafts(paths, min_quote_words=min_quote_words)
    documents = [d.document for d in drafts if d.document is not None]
    errors = [(d.display, d.error) for d in drafts if d.error]
    return documents, errors

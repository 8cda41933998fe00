"""How reports name files: relative to the working directory, with forward slashes."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath


def relative_path(path: str) -> str:
    """``path`` relative to the working directory, ``/``-separated, without ``./``.

    A path outside the working directory stays absolute (still with forward slashes).
    """
    posix = path.replace("\\", "/")
    if os.path.isabs(path):
        try:
            posix = Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return Path(path).resolve().as_posix()
    return "/".join(p for p in PurePosixPath(posix).parts if p != ".") or "."

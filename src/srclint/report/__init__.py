"""Report formats: one module per format, each with ``render(run, out, *, color)``.

Formatting only: no fetching, no decisions. The registry is a dict literal of module
paths, imported on use so a run pays only for the format it prints.
"""

from __future__ import annotations

import importlib
from typing import Protocol, TextIO

from srclint.model import Run

FORMATS: dict[str, str] = {
    "text": "srclint.report.text",
    "json": "srclint.report.json",
    "sarif": "srclint.report.sarif",
    "github": "srclint.report.github",
    "junit": "srclint.report.junit",
    "markdown": "srclint.report.markdown",
}


class Renderer(Protocol):
    def render(self, run: Run, out: TextIO, *, color: bool = False) -> None: ...


def renderer(name: str) -> Renderer:
    """The module that renders format ``name`` (a key of ``FORMATS``)."""
    module: Renderer = importlib.import_module(FORMATS[name])
    return module

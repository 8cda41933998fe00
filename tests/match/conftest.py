"""Fixtures shared by the matching tests: the quote table and its source passages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "quotes"


def load_sources() -> dict[str, str]:
    """Source passages by name (``fixtures/quotes/sources.json``)."""
    data = json.loads((FIXTURES / "sources.json").read_text(encoding="utf-8"))
    return {name: entry["text"] for name, entry in data.items()}


def load_rows() -> list[dict[str, Any]]:
    """The (quote, source, expected verdict) rows of ``fixtures/quotes/quotes.jsonl``."""
    lines = (FIXTURES / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]

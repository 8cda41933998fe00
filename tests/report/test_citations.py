"""``srclint extract``: each citation with its quote, link, claims and binding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from srclint.cli import main

DRAFT = """# A draft

Yudkowsky [writes](https://example.com/post):

> the map is not the territory, and never was

See [*Some Title*](https://example.com/paper).

"an unsourced quotation of several words" is here.
"""


def test_text_listing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.md"
    path.write_text(DRAFT, encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    out = capsys.readouterr().out.replace(str(path), "d.md")
    assert out.splitlines() == [
        'd.md:5:1: block quote "the map is not the territory, and never was"',
        "    link:  https://example.com/post (inline, line 3)",
        "    author claimed: Yudkowsky",
        "    bound: preceding — the last link of the paragraph before the blockquote",
        "d.md:7:5: link",
        "    link:  https://example.com/paper (inline, line 7)",
        '    title claimed:  "Some Title"',
        "    bound: link-only — a link with a claim and no quote",
        'd.md:9:1: inline quote "an unsourced quotation of several words"',
        "    bound: unsourced — no link found: the quote is unsourced",
        "1 file, 2 links, 2 quotes, 3 citations.",
    ]


def test_json_listing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.md"
    path.write_text(DRAFT, encoding="utf-8")
    assert main(["extract", "--format", "json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["files"][0]["citations"][0]
    assert first["binding"] == "preceding"
    assert first["quote"] == {"text": "the map is not the territory, and never was",
                              "kind": "block", "line": 5, "column": 1, "end_line": 5,
                              "end_column": 46}
    assert first["link"]["url"] == "https://example.com/post"
    assert first["claim"]["author"] == "Yudkowsky"


def test_min_quote_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.md"
    path.write_text(DRAFT, encoding="utf-8")
    assert main(["extract", "--format", "json", "--min-quote-words", "9", str(path)]) == 0
    kinds = [c.get("quote", {}).get("kind") for c in
             json.loads(capsys.readouterr().out)["files"][0]["citations"]]
    assert "inline" not in kinds

"""Golden files for the integration formats, rendered from the sample run.

Refresh them only on purpose: ``SRCLINT_UPDATE_GOLDEN=1 pytest tests/report/test_golden.py``,
then read the diff before committing it.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from srclint.model import Run
from srclint.report import renderer

GOLDEN = Path(__file__).parents[2] / "fixtures" / "golden" / "report"
UPDATE = os.environ.get("SRCLINT_UPDATE_GOLDEN") == "1"


def render(format_: str, run: Run) -> str:
    out = io.StringIO()
    renderer(format_).render(run, out)
    text = out.getvalue()
    if format_ == "sarif":  # the rule descriptors follow the rule docstrings: tested elsewhere
        results = json.loads(text)["runs"][0]["results"]
        text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    return text


@pytest.mark.parametrize(
    ("format_", "name"),
    [
        ("github", "sample.github.txt"),
        ("junit", "sample.junit.xml"),
        ("markdown", "sample.markdown.md"),
        ("sarif", "sample.sarif-results.json"),
    ],
)
def test_golden(format_: str, name: str, sample_run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    text = render(format_, sample_run)
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing: run with SRCLINT_UPDATE_GOLDEN=1 to write it"
    with path.open(encoding="utf-8", newline="") as golden:
        assert text == golden.read()

from __future__ import annotations

import io
import json

from srclint import __version__
from srclint.model import FileReport, Finding, Level, Run, Span
from srclint.report.json import render

FINDING = Finding("L001", "dead-link", Level.ERROR, "dead link: HTTP 404", "a.md",
                  Span(2, 1, 2, 30), "https://e.com/x", {"http_status": 404})


def test_shape_is_the_documented_contract() -> None:
    run = Run((FileReport("a.md", (FINDING,), links=4, quotes=2, citations=3),
               FileReport("b.md", ())), fetched=3, cached=1, failed=1)
    out = io.StringIO()
    render(run, out)
    data = json.loads(out.getvalue())
    assert data == {
        "version": 1,
        "tool": {"name": "srclint", "version": __version__},
        "files": [
            {"path": "a.md", "findings": [{
                "code": "L001", "name": "dead-link", "level": "error",
                "message": "dead link: HTTP 404", "line": 2, "column": 1, "end_line": 2,
                "end_column": 30, "url": "https://e.com/x", "evidence": {"http_status": 404},
            }]},
            {"path": "b.md", "findings": []},
        ],
        "summary": {
            "files": 2, "links": 4, "quotes": 2, "citations": 3,
            "findings": {"error": 1, "warning": 0, "info": 0},
            "sources": {"fetched": 3, "cached": 1, "failed": 1},
        },
    }

"""Real drafts: golden extraction results (checked by hand) and the whole corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from srclint.extract import parse
from srclint.model import Binding, Citation, Document, Span

ROOT = Path(__file__).resolve().parents[2]
DRAFTS = ROOT / "fixtures" / "drafts"
GOLDEN = ROOT / "fixtures" / "golden" / "extract"
CORPUS = ROOT.parent / "shared" / "corpus" / "lw-drafts"
UPDATE = os.environ.get("SRCLINT_UPDATE_GOLDEN") == "1"
TEXT_LIMIT = 100


def _span(span: Span) -> str:
    return f"{span.line}:{span.column}-{span.end_line}:{span.end_column}"


def _short(text: str) -> str:
    return text if len(text) <= TEXT_LIMIT else text[:TEXT_LIMIT] + "…"


def _citation(citation: Citation) -> dict[str, Any]:
    record: dict[str, Any] = {"binding": str(citation.binding)}
    if citation.quote is not None:
        quote = citation.quote
        record["quote"] = {"kind": str(quote.kind), "span": _span(quote.span),
                           "text": _short(quote.text)}
    if citation.link is not None:
        record["link"] = {"url": citation.link.url, "span": _span(citation.link.span)}
    if citation.claim is not None:
        claim = citation.claim
        record["claim"] = {"author": claim.author, "title": claim.title,
                           "span": _span(claim.span)}
    return record


def as_golden(document: Document) -> dict[str, Any]:
    """What the golden file records of a document."""
    return {
        "path": document.path,
        "citations": [_citation(c) for c in document.citations],
        "links": [f"{_span(link.span)} {link.kind} {link.url}" for link in document.links],
        "directives": [f"{_span(d.span)} {d.kind} {' '.join(d.codes)} {d.url or ''}".strip()
                       for d in document.directives],
        "headings": [f"{_span(h.span)} {h.slug}" for h in document.headings],
    }


DRAFT_NAMES = sorted(p.name for p in DRAFTS.glob("*.md") if p.name != "README.md")


@pytest.mark.parametrize("name", DRAFT_NAMES)
def test_golden(name: str) -> None:
    document = parse(name, (DRAFTS / name).read_text(encoding="utf-8"))
    got = as_golden(document)
    golden = GOLDEN / (Path(name).stem + ".json")
    if UPDATE:
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def _blockquotes_under_url_lines(path: Path) -> dict[int, str]:
    """First lines of blockquotes that follow a line holding only a URL -> that URL.

    A URL line right after a ``>`` line is that quote's attribution (rule 2), not a
    heading for the next quote.
    """
    expected: dict[int, str] = {}
    url = None
    in_quote = False
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith(("https://", "http://")) and " " not in stripped:
            url = None if in_quote else stripped
            in_quote = False
        elif stripped.startswith(">"):
            if url is not None and not in_quote:
                expected[number] = url
            in_quote = True
        elif stripped:
            url, in_quote = None, False
        else:
            in_quote = False
    return expected


def _bound_to(document: Document, quote_start: str) -> Citation:
    (found,) = [c for c in document.citations
                if c.quote is not None and c.quote.text.startswith(quote_start)]
    return found


def test_evolution_notes_must_haves() -> None:
    document = parse("evolution-notes.md",
                     (DRAFTS / "evolution-notes.md").read_text(encoding="utf-8"))
    # every > blockquote under a bare URL line (blank lines and further blockquotes
    # between allowed) is bound to that URL: read straight from the file's lines
    expected = _blockquotes_under_url_lines(DRAFTS / "evolution-notes.md")
    assert len(expected) >= 10
    bound = {c.quote.span.line: c for c in document.citations if c.quote is not None}
    for line, url in expected.items():
        assert bound[line].link is not None and bound[line].link.url == url, line
        assert bound[line].binding is Binding.PRECEDING
    # `> quote` then the URL on the next line (lazy continuation)
    citation = _bound_to(document, "We could build smarter humans")
    assert citation.binding is Binding.ATTRIBUTION
    assert citation.link is not None
    assert citation.link.url == "https://x.com/ESYudkowsky/status/1827021878147657887"
    # `URL "Title"` carries a claimed title
    (arxiv,) = [c for c in document.citations if c.link is not None
                and c.link.url == "https://arxiv.org/abs/1805.08522" and c.claim is not None]
    assert arxiv.claim is not None and arxiv.claim.title is not None
    assert arxiv.claim.title.startswith("Deep learning generalizes because")
    # `Yudkowsky: 'My arguments against SGD …'` is an unsourced quote claimed for Yudkowsky
    citation = _bound_to(document, "My arguments against SGD")
    assert citation.binding is Binding.UNSOURCED
    assert citation.quote is not None and citation.quote.span.line == 10
    assert citation.claim is not None and citation.claim.author == "Yudkowsky"


CORPUS_FILES = sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS_FILES, reason="the shared corpus (../shared) is not here")
def test_whole_corpus_parses() -> None:
    for path in CORPUS_FILES:
        text = path.read_text(encoding="utf-8")
        document = parse(path.name, text)
        lines = text.split("\n")
        for link in document.links:
            assert link.span.end_line <= len(lines), (path.name, link)

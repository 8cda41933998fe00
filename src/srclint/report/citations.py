"""The ``srclint extract`` listing: each citation with its quote, link, claims and binding."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from srclint.model import Binding, Citation, Document, Span

# Why a quote was bound to its link, in a writer's words (ARCHITECTURE §3).
BINDING_REASONS = {
    Binding.DIRECTIVE: "a srclint-source comment names the source",
    Binding.CITE: "the blockquote's cite attribute",
    Binding.ATTRIBUTION: "the blockquote's last line names the source",
    Binding.PRECEDING: "the last link of the paragraph before the blockquote",
    Binding.ADJACENT: "the link in or right after the quotation, or in the same sentence",
    Binding.UNSOURCED: "no link found: the quote is unsourced",
    Binding.LINK_ONLY: "a link with a claim and no quote",
}
PREVIEW = 72  # characters of a quote shown in the text listing


def _span(span: Span) -> dict[str, int]:
    return {"line": span.line, "column": span.column,
            "end_line": span.end_line, "end_column": span.end_column}


def citation_dict(citation: Citation) -> dict[str, Any]:
    data: dict[str, Any] = {"binding": str(citation.binding)}
    if citation.quote is not None:
        data["quote"] = {"text": citation.quote.text, "kind": str(citation.quote.kind),
                         **_span(citation.quote.span)}
    if citation.link is not None:
        data["link"] = {"url": citation.link.url, "text": citation.link.text,
                        "kind": str(citation.link.kind), **_span(citation.link.span)}
    if citation.claim is not None:
        data["claim"] = {"author": citation.claim.author, "title": citation.claim.title,
                         **_span(citation.claim.span)}
    return data


def render_json(documents: Sequence[Document], out: TextIO) -> None:
    data = {
        "version": 1,
        "files": [
            {
                "path": doc.path,
                "links": len(doc.links),
                "citations": [citation_dict(c) for c in doc.citations],
            }
            for doc in documents
        ],
    }
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def render_text(documents: Sequence[Document], out: TextIO) -> None:
    quotes = 0
    citations = 0
    for doc in documents:
        for citation in doc.citations:
            citations += 1
            first = citation.quote or citation.link or citation.claim
            assert first is not None
            where = f"{doc.path}:{first.span.line}:{first.span.column}:"
            if citation.quote is not None:
                quotes += 1
                text = _preview(citation.quote.text)
                out.write(f'{where} {citation.quote.kind} quote "{text}"\n')
            else:
                out.write(f"{where} link\n")
            if citation.link is not None:
                link = citation.link
                out.write(f"    link:  {link.url} ({link.kind}, line {link.span.line})\n")
            claim = citation.claim
            if claim is not None and claim.author:
                out.write(f"    author claimed: {claim.author}\n")
            if claim is not None and claim.title:
                out.write(f'    title claimed:  "{claim.title}"\n')
            out.write(f"    bound: {citation.binding} — {BINDING_REASONS[citation.binding]}\n")
    links = sum(len(d.links) for d in documents)
    counts = ((len(documents), "file"), (links, "link"), (quotes, "quote"),
              (citations, "citation"))
    out.write(", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts) + ".\n")

"""Rule 4 of §3: inline quotations bound to links; links that carry claims (LINK_ONLY)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from srclint.extract.claimdraft import (
    ClaimDraft,
    lead_claim,
    link_claim,
    sentence_end,
    sentence_start,
    trail_claim,
)
from srclint.extract.claims import looks_like_title
from srclint.extract.prose import LinkRange, Prose
from srclint.extract.quotes import QuoteRun, find_quote_runs
from srclint.extract.spans import LineIndex
from srclint.model import Binding, Citation, Link, LinkKind, Quote, QuoteKind


@dataclass(frozen=True, slots=True)
class Adjacent:
    """The link an inline quote sits in, before or after, and how."""

    link: Link | None
    range: LinkRange | None
    how: str  # "inside", "before", "after-url", "footnote", "sentence", "none"


def _next_non_space(text: str, at: int, skip: str = " \t(") -> int:
    while at < len(text) and text[at] in skip:
        at += 1
    return at


def find_adjacent(prose: Prose, run: QuoteRun, footnotes: dict[str, Link | None],
                  runs: Sequence[QuoteRun] = ()) -> Adjacent:
    """The link rule 4 binds ``run`` to, if any (``runs``: all quotes in the prose)."""
    for link in prose.links:
        if link.start <= run.start and run.end <= link.end:
            return Adjacent(link.link, link, "inside")
    after = _next_non_space(prose.text, run.end)
    for at, _length, label in prose.footnote_refs:
        if at in (run.end, after):
            target = footnotes.get(label)
            return Adjacent(target, None, "footnote" if target else "none")
    for link in prose.links:
        if link.start == after or (link.start == run.end):
            return Adjacent(link.link, link, "before")
    for link in prose.links:
        bare = link.link.kind in (LinkKind.BARE, LinkKind.AUTOLINK)
        if bare and link.end <= run.start and not prose.text[link.end:run.start].strip():
            return Adjacent(link.link, link, "after-url")
    start = sentence_start(prose.text, run.start)
    end = sentence_end(prose.text, run.end)
    best: LinkRange | None = None
    for link in prose.links:
        quoted = any(other.start <= link.start < other.end for other in runs)
        if link.start >= start and link.end <= end and not quoted and not (
            run.start <= link.start < run.end
        ):
            distance = run.start - link.end if link.end <= run.start else link.start - run.end
            if best is None or distance < _distance(best, run):
                best = link
    if best is not None:
        return Adjacent(best.link, best, "sentence")
    return Adjacent(None, None, "none")


def _distance(link: LinkRange, run: QuoteRun) -> int:
    return run.start - link.end if link.end <= run.start else link.start - run.end


def is_title(run: QuoteRun, adjacent: Adjacent) -> bool:
    """A quoted run next to a link names the source rather than quoting it."""
    if adjacent.how == "after-url":
        return True  # `URL "Title"`, as Markdown writes a link title
    if adjacent.how == "inside" and adjacent.range is not None:
        covers = adjacent.range.end - adjacent.range.start <= run.end - run.start + 1
        return covers and looks_like_title(run.inner)
    return adjacent.how == "before" and looks_like_title(run.inner)


def bind_inline(prose: Prose, min_words: int, footnotes: dict[str, Link | None],
                index: LineIndex) -> list[Citation]:
    """Citations for the inline quotes and claim-bearing links of one prose run."""
    citations: list[Citation] = []
    bound: set[int] = set()  # prose starts of links already used
    titles: dict[int, ClaimDraft] = {}
    runs = find_quote_runs(prose, min_words)
    for run in runs:
        adjacent = find_adjacent(prose, run, footnotes, runs)
        if adjacent.range is not None and is_title(run, adjacent):
            start, end = run.inner_start, run.inner_end
            titles[adjacent.range.start] = ClaimDraft(
                title=run.inner, title_at=prose.file_range(start, end))
            continue
        if adjacent.link is None and looks_like_title(run.inner):
            continue  # "Loss Landscapes Are All You Need": a title named, not a quotation
        draft = lead_claim(prose, run.start).merge(trail_claim(prose, run.end))
        if adjacent.range is not None:
            draft = draft.merge(link_claim(prose, adjacent.range, min_words))
            bound.add(adjacent.range.start)
        if draft.title is not None and draft.title.strip() == run.inner:
            # The run itself is no title claim: `"…" (url)` in sentence case is checked
            # as a quotation, which a title found on the page also passes.
            draft.title = None
        quote = Quote(run.inner, index.span(*prose.file_range(run.start, run.end)),
                      QuoteKind.INLINE)
        binding = Binding.ADJACENT if adjacent.link is not None else Binding.UNSOURCED
        citations.append(Citation(quote, adjacent.link, draft.claim(index), binding))
    for link in prose.links:
        if link.start in bound:
            continue
        draft = titles.get(link.start, ClaimDraft()).merge(link_claim(prose, link, min_words))
        claim = draft.claim(index)
        if claim is not None:
            citations.append(Citation(None, link.link, claim, Binding.LINK_ONLY))
    return citations

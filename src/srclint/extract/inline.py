"""Rule 4 of §3: inline quotations bound to links; links that carry claims (LINK_ONLY)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from srclint.extract.claimdraft import (
    ClaimDraft,
    lead_claim,
    link_claim,
    names_section,
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


class _Nearby:
    """A prose run's links and quotes, indexed by position (long paragraphs stay linear)."""

    def __init__(self, prose: Prose, runs: Sequence[QuoteRun]) -> None:
        self.links = prose.links  # sorted by start, never overlapping
        self.starts = [link.start for link in self.links]
        self.by_start = {link.start: link for link in self.links}
        self.run_starts = [run.start for run in runs]
        self.runs = runs
        self.footnotes = {at: label for at, _length, label in prose.footnote_refs}

    def before(self, at: int) -> LinkRange | None:
        """The last link starting at or before ``at``."""
        index = bisect_right(self.starts, at) - 1
        return self.links[index] if index >= 0 else None

    def between(self, start: int, end: int) -> list[LinkRange]:
        return self.links[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def quoted(self, at: int) -> bool:
        index = bisect_right(self.run_starts, at) - 1
        return index >= 0 and at < self.runs[index].end


# How far from a quote rule 4 looks for "the nearest link in the same sentence".
_REACH = 600


def find_adjacent(prose: Prose, run: QuoteRun, footnotes: dict[str, Link | None],
                  nearby: _Nearby | None = None) -> Adjacent:
    """The link rule 4 binds ``run`` to, if any."""
    nearby = nearby or _Nearby(prose, [run])
    text = prose.text
    holder = nearby.before(run.start)
    if holder is not None and run.end <= holder.end:
        return Adjacent(holder.link, holder, "inside")  # [“…”](url)
    wrapped = nearby.by_start.get(run.inner_start)
    if wrapped is not None and wrapped.end == run.inner_end:
        return Adjacent(wrapped.link, wrapped, "inside")  # “[…](url)”
    after = _next_non_space(text, run.end)
    for at in (run.end, after):
        if at in nearby.footnotes:
            target = footnotes.get(nearby.footnotes[at])
            if target is not None:
                return Adjacent(target, None, "footnote")
            break  # a note with no link ("p. 23"): the sentence's link may still source it
    for at in (run.end, after):
        if at in nearby.by_start:
            link = nearby.by_start[at]
            return Adjacent(link.link, link, "before")
    if holder is not None and holder.link.kind in (LinkKind.BARE, LinkKind.AUTOLINK) and (
        holder.end <= run.start and not text[holder.end:run.start].strip()
    ):
        return Adjacent(holder.link, holder, "after-url")
    inner = [k for k in nearby.between(run.inner_start, run.inner_end) if k.end <= run.inner_end]
    linked = sum(k.end - k.start for k in inner)
    if len(inner) >= 2 and 2 * linked >= run.inner_end - run.inner_start:
        # A phrase made of links ("[More complicated hypotheses](…) are [less probable](…)"):
        # the writer's own words with references, which no link outside it sources.
        return Adjacent(None, None, "none")
    start = max(sentence_start(text, run.start), run.start - _REACH)
    end = min(sentence_end(text, run.end), run.end + _REACH)
    best: LinkRange | None = None
    for link in nearby.between(start, end):
        if link.end > end or nearby.quoted(link.start):
            continue
        if best is None or _distance(link, run) < _distance(best, run):
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
        covers = adjacent.range.end - adjacent.range.start >= run.end - run.start - 2
        return covers and looks_like_title(run.inner)
    return adjacent.how == "before" and looks_like_title(run.inner)


def bind_inline(prose: Prose, min_words: int, footnotes: dict[str, Link | None],
                index: LineIndex, *, continued: bool = False) -> list[Citation]:
    """Citations for the inline quotes and claim-bearing links of one prose run
    (``continued``: the next paragraph goes on with a quotation left open here)."""
    citations: list[Citation] = []
    bound: set[int] = set()  # prose starts of links already used
    titles: dict[int, ClaimDraft] = {}
    runs = find_quote_runs(prose, min_words, continued=continued)
    nearby = _Nearby(prose, runs)
    for run in runs:
        adjacent = find_adjacent(prose, run, footnotes, nearby)
        if adjacent.range is not None and is_title(run, adjacent):
            if names_section(run.inner, adjacent.range.link.url):
                continue  # a section's heading, named by the link's fragment
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

"""Finding the source passage closest to a quote that is not in the source as written.

Candidates come from word pairs the quote shares with the source: each shared pair
votes for a diagonal (where the quote would start), so a passage with one changed word
in twenty still gets most of the votes, while common pairs (``of the``) are skipped.
Each candidate window, widened for words the quote may have left out, is aligned word
by word with rapidfuzz's Indel (longest common subsequence) opcodes, and stray
matches of common words at its edges are dropped.
Cost per quote is bounded by the quote's rarer word pairs, not by the source size.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from srclint.match.source import PreparedSource

BUCKET = 8  # diagonals this close vote together (a few words dropped or added)
CANDIDATES = 4  # windows aligned per quote segment
MAX_POSTINGS = 400  # a word pair more common than this says little about where a quote is
MAX_VOTES = 4000  # postings read per quote segment


@dataclass(frozen=True, slots=True)
class Hit:
    """The closest passage: folded source words ``[first, last)``, how alike, words shared."""

    first: int
    last: int
    similarity: float  # Dice coefficient: 2 × shared words / (quote words + passage words)
    matched: int  # words shared, in order
    run: int = 0  # the longest run of shared consecutive words
    moved: int = 0  # quote words found close by but out of place (swapped clauses)


def _postings(index: dict[str, list[int]], key: str, lo: int, hi: int) -> list[int]:
    found = index.get(key)
    if not found:
        return []
    return found[bisect_left(found, lo) : bisect_left(found, hi)]


def _candidates(
    words: list[str], source: PreparedSource, lo: int, hi: int
) -> list[tuple[int, int]]:
    """Windows of source words likely to hold the quote, best first."""
    m = len(words)
    if hi - lo <= 3 * m + 2 * BUCKET:
        return [(lo, hi)]  # the whole region is one window
    votes: dict[int, int] = {}
    keys = [(f"{a} {b}", i) for i, (a, b) in enumerate(itertools.pairwise(words))]
    lists = [(_postings(source.pairs, key, lo, hi), i) for key, i in keys]
    if not any(p for p, _ in lists):
        lists = [(_postings(source.singles, w, lo, hi), i) for i, w in enumerate(words)]
    lists.sort(key=lambda item: len(item[0]))
    budget = MAX_VOTES
    for postings, i in lists:
        # Common pairs are skipped, unless the quote has nothing rarer: then its
        # rarest pairs vote, within the budget.
        if not postings or len(postings) > budget or (votes and len(postings) > MAX_POSTINGS):
            continue
        budget -= len(postings)
        for p in postings:
            bucket = (p - i) // BUCKET
            votes[bucket] = votes.get(bucket, 0) + 1
    scored = sorted(
        votes, key=lambda b: -(votes[b] + votes.get(b - 1, 0) + votes.get(b + 1, 0))
    )
    slack = 3 + m // 4
    return [
        (max(lo, b * BUCKET - slack), min(hi, b * BUCKET + BUCKET + m + slack))
        for b in scored[:CANDIDATES]
    ]


def _blocks(words: list[str], window: list[str]) -> list[tuple[int, int, int, int]]:
    """Runs of words the quote and the window share, in order (quote start, end, window start, end).

    Walking out from the longest run, a single word placed much further away in the source
    than in the quote ends the passage: that is a common word matched by chance (``the``
    a sentence too early), not part of it.
    """
    blocks = [
        (op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Indel.opcodes(words, window)
        if op.tag == "equal"
    ]
    blocks = _compacted(words, window, blocks)
    if len(blocks) < 2:
        return blocks
    anchor = max(range(len(blocks)), key=lambda i: blocks[i][1] - blocks[i][0])
    first, last = anchor, anchor
    while first > 0 and not _stray(blocks[first - 1], blocks[first]):
        first -= 1
    while last + 1 < len(blocks) and not _stray(blocks[last + 1], blocks[last]):
        last += 1
    return blocks[first : last + 1]


def _compacted(
    words: list[str], window: list[str], blocks: list[tuple[int, int, int, int]]
) -> list[tuple[int, int, int, int]]:
    """The blocks moved as close as they can be to the longest one.

    Where the same words occur twice (``makes sense to``), the alignment may take the
    later copy; each run is moved to its copy nearest the longest run, so the passage
    is the tightest one.
    """
    if len(blocks) < 2:
        return blocks
    blocks = list(blocks)
    anchor = max(range(len(blocks)), key=lambda i: blocks[i][1] - blocks[i][0])
    for i in range(anchor + 1, len(blocks)):
        q0, q1, s0, _ = blocks[i]
        lo = blocks[i - 1][3]
        found = _sublist(window[lo:s0], words[q0:q1])
        if found is not None:
            blocks[i] = (q0, q1, lo + found, lo + found + q1 - q0)
    for i in range(anchor - 1, -1, -1):
        q0, q1, _, s1 = blocks[i]
        hi = blocks[i + 1][2]
        found = _sublist(window[s1:hi], words[q0:q1], last=True)
        if found is not None:
            blocks[i] = (q0, q1, s1 + found, s1 + found + q1 - q0)
    return blocks


def _stray(block: tuple[int, int, int, int], inner: tuple[int, int, int, int]) -> bool:
    """A single word whose distance from the next run inward differs in the source and
    in the quote by two words or more: a common word matched by chance."""
    if block[1] - block[0] > 1:
        return False
    if block[0] >= inner[1]:  # after the inner run
        skew = (block[2] - inner[3]) - (block[0] - inner[1])
    else:
        skew = (inner[2] - block[3]) - (inner[0] - block[1])
    return abs(skew) >= 2


def _align(words: list[str], source: PreparedSource, w0: int, w1: int, lo: int, hi: int) -> Hit:
    m = len(words)
    extra = m + 10  # room for words the quote left out without an ellipsis
    w0, w1 = max(lo, w0 - extra), min(hi, w1 + extra)
    window = source.folded.words[w0:w1]
    blocks = _blocks(words, window)
    if not blocks:
        return Hit(w0, w0, 0.0, 0, 0)
    first, last = blocks[0], blocks[-1]
    start, end = first[2], last[3]
    moved = 0
    moved_edges = set()
    for run_start, run_end in _unmatched_runs(blocks, m):
        place = _sublist(window, words[run_start:run_end])
        if place is not None and not any(
            place < b[3] and b[2] < place + run_end - run_start for b in blocks
        ):
            moved += run_end - run_start
            moved_edges.update({run_start, run_end})
            start, end = min(start, place), max(end, place + run_end - run_start)
    # Quote words before the first shared one (after the last) were changed: the source
    # words in their place belong to the passage, up to the end of the source's sentence.
    if 0 not in moved_edges:
        while first[0] and start > 0 and first[2] - start < first[0] and not _breaks(
            source, w0 + start - 1
        ):
            start -= 1
    if m not in moved_edges:
        while last[1] < m and end < len(window) and end - last[3] < m - last[1] and not _breaks(
            source, w0 + end - 1
        ):
            end += 1
    passage = window[start:end]
    matched = sum(b[1] - b[0] for b in blocks)
    similarity = min(1.0, 2 * (matched + moved) / (m + len(passage)))
    run = max(b[1] - b[0] for b in blocks)
    return Hit(w0 + start, w0 + end, similarity, matched, run, moved)


def _breaks(source: PreparedSource, i: int) -> bool:
    """True when a sentence or paragraph ends between source words ``i`` and ``i + 1``."""
    folded = source.folded
    if i + 1 >= len(folded):
        return True
    between = source.normalized.text[folded.ends[i] : folded.starts[i + 1]]
    return any(c in between for c in ".?!:")


def _unmatched_runs(blocks: list[tuple[int, int, int, int]], m: int) -> list[tuple[int, int]]:
    """Runs of three or more quote words the alignment left unmatched."""
    edges = [0, *(x for b in blocks for x in (b[0], b[1])), m]
    runs = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    return [(a, b) for a, b in runs if b - a >= 3]


def _sublist(window: list[str], words: list[str], last: bool = False) -> int | None:
    """Where ``words`` occur together in ``window`` (first or last time), or None."""
    n = len(words)
    starts = range(len(window) - n, -1, -1) if last else range(len(window) - n + 1)
    for i in starts:
        if window[i] == words[0] and window[i : i + n] == words:
            return i
    return None


def locate(
    words: list[str], source: PreparedSource, lo: int = 0, hi: int | None = None
) -> Hit | None:
    """The passage of folded source words ``[lo, hi)`` closest to the folded ``words``."""
    source_words = source.folded.words
    hi = len(source_words) if hi is None else min(hi, len(source_words))
    if not words or hi <= lo:
        return None
    best: Hit | None = None
    for w0, w1 in _candidates(words, source, lo, hi):
        hit = _align(words, source, w0, w1, lo, hi)
        if best is None or hit.similarity > best.similarity:
            best = hit
    return best

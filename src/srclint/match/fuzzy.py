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
        if not postings or len(postings) > MAX_POSTINGS or len(postings) > budget:
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

    A single word at either edge, apart from the rest, is dropped: that is a common
    word matched by chance (``the`` a sentence too early), not part of the passage.
    """
    blocks = [
        (op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Indel.opcodes(words, window)
        if op.tag == "equal"
    ]
    blocks = _compacted(words, window, blocks)
    while len(blocks) > 1 and _stray(blocks[0], blocks[1]):
        blocks.pop(0)
    while len(blocks) > 1 and _stray(blocks[-1], blocks[-2]):
        blocks.pop()
    return blocks


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


def _stray(edge: tuple[int, int, int, int], neighbour: tuple[int, int, int, int]) -> bool:
    """A one-word run two or more source words away from the next run."""
    gap = neighbour[2] - edge[3] if neighbour[2] >= edge[3] else edge[2] - neighbour[3]
    return edge[1] - edge[0] == 1 and gap >= 2


def _align(words: list[str], source_words: list[str], w0: int, w1: int, lo: int, hi: int) -> Hit:
    m = len(words)
    extra = m + 10  # room for words the quote left out without an ellipsis
    w0, w1 = max(lo, w0 - extra), min(hi, w1 + extra)
    window = source_words[w0:w1]
    blocks = _blocks(words, window)
    if not blocks:
        return Hit(w0, w0, 0.0, 0, 0)
    first, last = blocks[0], blocks[-1]
    start = max(0, first[2] - first[0])  # a changed first word stays in the passage
    end = min(len(window), last[3] + m - last[1])
    moved = 0
    for run_start, run_end in _unmatched_runs(blocks, m):
        place = _sublist(window, words[run_start:run_end])
        if place is not None:
            moved += run_end - run_start
            start, end = min(start, place), max(end, place + run_end - run_start)
    passage = window[start:end]
    matched = sum(b[1] - b[0] for b in blocks)
    similarity = 2 * (matched + moved) / (m + len(passage))
    run = max(b[1] - b[0] for b in blocks)
    return Hit(w0 + start, w0 + end, similarity, matched, run, moved)


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
        hit = _align(words, source_words, w0, w1, lo, hi)
        if best is None or hit.similarity > best.similarity:
            best = hit
    return best

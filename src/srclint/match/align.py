"""The verdict ladder, cheapest first: exact → folded → altered → missing (or unverifiable)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from srclint.match.diff import ELLIPSIS, has_changes, join_segments, word_diff
from srclint.match.fold import fold_words
from srclint.match.fuzzy import Hit, locate
from srclint.match.search import MAX_GAP, covered, exact_matcher, folded_matcher, place
from srclint.match.segments import SHORT_WORDS, Break, Insertion, Segment, parse_quote
from srclint.match.source import PreparedSource, prepare
from srclint.model import Alignment, DiffOp, DiffTag, Verdict
from srclint.negation import NEGATIONS

# A quote is "altered" rather than "missing" when at least this share of its words
# (Dice coefficient over words, in order) is in one source passage, and at least
# MIN_SHARED words are (one more for quotes of SHORT_QUOTE words or more). One changed
# word in 20 scores 0.95; a sentence made up of common words scores well under 0.5
# against any passage of a long source (measured: 600 sentences of other drafts against
# 320 KB of drafts, none called altered unless it was a real near-quote).
ALTERED_SIMILARITY = 0.6
SHORT_QUOTE_SIMILARITY = 0.75  # quotes under SHORT_QUOTE words: one change in four at most
SHORT_QUOTE = 5
MIN_SHARED = 3
COVERAGE = 0.8  # or: this share of the quote's words in a passage at most 3× as long,
COVERAGE_RUN = 4  # with at least this many in a row
SEGMENT_SIMILARITY = 0.5  # a segment's own passage, before the whole quote is judged
INCOMPLETE_SIMILARITY = 0.75  # partial sources: a near-copy only is called altered

HIDDEN_WORDS = 3  # an ellipsis over this few words, one a negation, is a change
_NEGATION = re.compile(r"\b(?:" + "|".join(sorted(NEGATIONS)) + r")\b|n't\b", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# folded words lose their apostrophe: "isn't" is "isnt"
_NT_STEMS = frozenset(
    {"is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "ca", "could",
     "would", "should", "wo", "must", "need", "might", "ai", "sha"}
)

FRAGMENTS_NOTE = (
    f"every segment between ellipses has fewer than {SHORT_WORDS} words: "
    "too little to verify on its own"
)


def find(quote: str, source: PreparedSource | str, *, complete: bool = True) -> Alignment:
    """How ``quote`` lines up with ``source``: the verdict, the passage and the word diff.

    ``complete=False`` says the source text is partial (a preview, an abstract): a quote
    not in it is then unverifiable, not missing, unless a near-copy shows it was altered.
    """
    prepared = source if isinstance(source, PreparedSource) else prepare(source)
    segments = parse_quote(quote)
    if not segments:
        return Alignment(_absent(complete), 0.0, notes=("the quote has no words to look for",))
    short = [s.short for s in segments] if len(segments) > 1 else [False]
    if all(short):  # fragments of common words can be found in order in any long text
        return Alignment(_absent(complete), 0.0, notes=(FRAGMENTS_NOTE,))
    matchers = [exact_matcher(s) for s in segments]
    spans = place(matchers, short, prepared.normalized.text)
    if spans is not None:
        text = prepared.normalized.text
        covers = [covered(m, text, s) for m, s in zip(matchers, spans, strict=True)]
        hidden = _hidden_negation(prepared, segments, spans) or _bracketed_change(
            prepared, segments, spans, covers
        )
        if hidden is not None:
            return hidden
        span, closest = _passage(prepared, spans)
        return Alignment(Verdict.EXACT, 1.0, span, closest)
    folded = prepared.folded
    matchers = [folded_matcher(s) for s in segments]
    folded_spans = place(matchers, short, folded.text)
    if folded_spans is not None:
        covers = [covered(m, folded.text, s) for m, s in zip(matchers, folded_spans, strict=True)]
        spans = [_normalized_span(prepared, s) for s in folded_spans]
        return (
            _hidden_negation(prepared, segments, spans)
            or _bracketed_change(prepared, segments, spans, covers, folded=True)
            or _folded(prepared, segments, spans)
        )
    found = _fuzzy(prepared, segments, complete)
    if found.verdict is not Verdict.ALTERED and len(segments) == 1:
        return _by_characters(prepared, segments[0].text) or found
    return found


# Scripts written without spaces between words: the fuzzy path's word windows see one
# long "word", so a changed character in a Chinese or Japanese quote is compared by
# characters instead.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
CHARACTER_SCORE = 75  # rapidfuzz partial ratio: one character in four may differ


def _by_characters(prepared: PreparedSource, quote: str) -> Alignment | None:
    """A close passage for a quote in an unspaced script, with a character diff."""
    if len(quote) < 6 or len(_UNSPACED.findall(quote)) * 2 < len(quote.replace(" ", "")):
        return None
    from difflib import SequenceMatcher

    from rapidfuzz import fuzz

    text = prepared.normalized.text
    hit = fuzz.partial_ratio_alignment(quote, text, score_cutoff=CHARACTER_SCORE)
    if hit is None:
        return None
    window = text[hit.dest_start:hit.dest_end]
    ops = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, quote, window, autojunk=False).get_opcodes():
        kind = {"equal": DiffTag.EQUAL, "replace": DiffTag.REPLACE, "delete": DiffTag.INSERT,
                "insert": DiffTag.DELETE}[tag]
        ops.append(DiffOp(kind, quote[i1:i2], window[j1:j2]))
    span = prepared.original_span(hit.dest_start, hit.dest_end)
    return Alignment(Verdict.ALTERED, round(hit.score / 100, 3), span,
                     prepared.text[span[0]:span[1]], tuple(ops))


def _negations(text: str) -> int:
    """How many negations ``text`` has: not, never, no, … and n't, also cut inside a word."""
    return len(_NEGATION.findall(text))


def _changes_meaning(quote: str, source: str) -> bool:
    """True when bracketed ``quote`` words stand for ``source`` words with another sense:
    a negation dropped or added, or a number changed (``[in 2019]`` for "in 2020")."""
    if _negations(quote) != _negations(source):
        return True
    written, stood_for = _NUMBER.findall(quote), _NUMBER.findall(source)
    return bool(written and stood_for) and sorted(written) != sorted(stood_for)


def _bracketed_change(
    prepared: PreparedSource,
    segments: tuple[Segment, ...],
    spans: list[tuple[int, int]],
    covers: list[tuple[str, ...]],
    *,
    folded: bool = False,
) -> Alignment | None:
    """A bracketed insertion that stands for words it turns around.

    ``[would]`` for "would not", ``do[es]`` for "doesn't", ``[want]`` for "don't want",
    ``[not]`` where the source has no negation and ``[in 2019]`` for "in 2020" are no
    editorial insertions: reported as altered, the change in the diff.
    """
    display = prepared.normalized.display
    hides = False
    for segment, cover in zip(segments, covers, strict=True):
        insertions = [p for p in segment.parts if isinstance(p, Insertion)]
        if folded:  # case changes are applied in folded text: only whole words stand in
            insertions = [p for p in insertions if not p.attached]
        written = " ".join(p.content for p in insertions)
        hides = hides or (bool(cover) and _changes_meaning(written, " ".join(cover)))
    if not hides:
        return None
    diffs = []
    for segment, (start, end) in zip(segments, spans, strict=True):
        ops = word_diff(segment.text, display[start:end])
        diffs.append([o if _changes_meaning(o.quote, o.source) else _equal(o) for o in ops])
    span, closest = _passage(prepared, spans)
    note = "a bracketed insertion stands for words with a negation or number it does not have"
    return Alignment(Verdict.ALTERED, 0.9, span, closest, join_segments(diffs), (note,))


def _equal(op: DiffOp) -> DiffOp:
    return op if op.tag is DiffTag.EQUAL else DiffOp(DiffTag.EQUAL, op.quote, op.source)


def _hidden_negation(
    prepared: PreparedSource, segments: tuple[Segment, ...], spans: list[tuple[int, int]]
) -> Alignment | None:
    """An ellipsis that leaves out only a few words, a negation among them, is a change.

    "The model is clearly ... aligned" for "The model is clearly not aligned" turns the
    source's meaning around: reported as altered, with the dropped words in the diff.
    """
    display = prepared.normalized.display
    ops: list[DiffOp] = []
    hides = False
    for i, (segment, (start, end)) in enumerate(zip(segments, spans, strict=True)):
        if i:
            gap = display[spans[i - 1][1] : start].strip()
            words = fold_words(gap)
            if len(words) <= HIDDEN_WORDS and any(_negation(w) for w in words):
                ops.append(DiffOp(DiffTag.DELETE, "", gap))
                hides = True
            else:
                ops.append(ELLIPSIS)
        ops.append(DiffOp(DiffTag.EQUAL, segment.text, display[start:end]))
    if not hides:
        return None
    span, closest = _passage(prepared, [(spans[0][0], spans[-1][1])])
    return Alignment(
        Verdict.ALTERED, 0.9, span, closest, tuple(ops), ("an ellipsis leaves out a negation",)
    )


def _negation(word: str) -> bool:
    return word in NEGATIONS or (word.endswith("nt") and word[:-2] in _NT_STEMS)


def _absent(complete: bool) -> Verdict:
    return Verdict.MISSING if complete else Verdict.UNVERIFIABLE


def _normalized_span(prepared: PreparedSource, span: tuple[int, int]) -> tuple[int, int]:
    first, last = prepared.folded.word_range(*span)
    return prepared.word_span(first, last)


def _passage(prepared: PreparedSource, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], str]:
    """The original span covering ``spans`` (normalized) and its text, gaps shown as ``…``."""
    ordered = sorted(spans)
    start = prepared.original_span(*ordered[0])[0]
    end = max(prepared.original_span(*s)[1] for s in ordered)
    pieces = [prepared.text[slice(*prepared.original_span(*s))] for s in ordered]
    return (start, end), " … ".join(pieces)


def _accept_initial_case(ops: list[DiffOp]) -> list[DiffOp]:
    """A segment's diff with a change of case of its first letter counted as no change."""
    if not ops or ops[0].tag is not DiffTag.REPLACE:
        return ops
    quote, source = ops[0].quote, ops[0].source
    if len(quote.split()) != 1 or quote[:1].swapcase() != source[:1] or quote[1:] != source[1:]:
        return ops
    return [DiffOp(DiffTag.EQUAL, quote, source), *ops[1:]]


def _folded(
    prepared: PreparedSource, segments: tuple[Segment, ...], spans: list[tuple[int, int]]
) -> Alignment:
    display = prepared.normalized.display
    diffs = []
    for segment, (start, end) in zip(segments, spans, strict=True):
        ops = word_diff(segment.text, display[start:end], folded=False)
        diffs.append([_declared(o) for o in ops])
    # Style guides let a writer change the case of a quotation's first letter to fit the
    # sentence around it ("that ‘humans are …’"): not a change worth reporting.
    diffs = [_accept_initial_case(ops) for ops in diffs]
    if not any(has_changes(ops) for ops in diffs):
        span, closest = _passage(prepared, spans)
        return Alignment(Verdict.EXACT, 1.0, span, closest)
    diff = join_segments(diffs)
    changed = sum(len(o.quote.split()) for o in diff if o.tag is not DiffTag.EQUAL)
    total = max(1, sum(len(s.text.split()) for s in segments))
    span, closest = _passage(prepared, spans)
    return Alignment(Verdict.FOLDED, round(1 - changed / (2 * total), 3), span, closest, diff)


@dataclass(frozen=True, slots=True)
class _Part:
    """Where one segment went in the fuzzy search."""

    segment: Segment
    words: list[str]
    hit: Hit | None  # None: not found anywhere close
    in_order: bool = True

    @property
    def found(self) -> bool:
        return self.hit is not None


def _accepted(hit: Hit | None, words: int) -> bool:
    return hit is not None and hit.similarity >= SEGMENT_SIMILARITY and hit.matched >= min(2, words)


def _locate_segment(
    prepared: PreparedSource, segment: Segment, pos: int, after_found: bool
) -> tuple[Hit | None, bool, Hit | None]:
    """The segment's passage at or after word ``pos`` (else anywhere), in order, best seen."""
    folded = prepared.folded
    words = fold_words(segment.spoken)
    matcher = folded_matcher(segment)
    lo = folded.offsets[pos] if pos < len(folded) else len(folded.text)
    hi = min(len(folded.text), lo + MAX_GAP) if segment.short and after_found else len(folded.text)
    span = matcher.search(folded.text, lo, hi)
    if span is not None:
        first, last = folded.word_range(*span)
        return Hit(first, last, 1.0, len(words), len(words)), True, None
    if segment.short:
        return None, True, None
    hit = locate(words, prepared, pos)
    if _accepted(hit, len(words)):
        return hit, True, hit
    span = matcher.search(folded.text, 0, lo)
    if span is not None:
        first, last = folded.word_range(*span)
        return Hit(first, last, 1.0, len(words), len(words)), False, hit
    earlier = locate(words, prepared, 0, pos) if pos else None
    if _accepted(earlier, len(words)):
        return earlier, False, earlier
    best = earlier if earlier and (hit is None or earlier.similarity > hit.similarity) else hit
    return None, True, best


_MARKER = re.compile(r"(?:\d{1,3}[.)]|[-*•◦‣▪▸–—])")


def _list_marker(op: DiffOp) -> bool:
    """A list item's marker (``2.``, ``•``) that a quote spanning the list left out."""
    return op.tag is DiffTag.DELETE and all(_MARKER.fullmatch(w) for w in op.source.split())


def _declare_insertions(ops: list[DiffOp]) -> list[DiffOp]:
    """A bracketed insertion and the source words it stands for are the writer's declared
    edit, not a change: unless the insertion drops or adds a negation."""
    declared: list[DiffOp] = []
    inside = False  # within a bracketed insertion, on the quote's side
    for op in ops:
        bracketed = "[" in op.quote or "]" in op.quote or (inside and not op.quote)
        if bracketed and not _changes_meaning(op.quote, op.source):
            op = _equal(op)
        declared.append(op)
        opened, closed = op.quote.rfind("["), op.quote.rfind("]")
        if opened != closed:
            inside = opened > closed
    return declared


def _declared(op: DiffOp) -> DiffOp:
    """A bracketed insertion is the writer's declared edit, not a difference."""
    return DiffOp(DiffTag.EQUAL, op.quote, op.source) if "[" in op.quote else op


def _fuzzy(prepared: PreparedSource, segments: tuple[Segment, ...], complete: bool) -> Alignment:
    parts: list[_Part] = []
    best: Hit | None = None
    pos = 0
    for segment in segments:
        after_found = bool(parts) and parts[-1].found
        hit, in_order, seen = _locate_segment(prepared, segment, pos, after_found)
        if seen is not None and (best is None or seen.similarity > best.similarity):
            best = seen
        parts.append(_Part(segment, fold_words(segment.spoken), hit, in_order))
        if hit is not None and in_order:
            pos = hit.last
    hits = [p.hit for p in parts if p.hit is not None]
    quoted = sum(len(p.words) for p in parts)
    shared = sum(h.matched + h.moved for h in hits)
    passage = sum(h.last - h.first for h in hits)
    similarity = 2 * shared / (quoted + passage) if quoted + passage else 0.0
    anchored = any(p.found and not p.segment.short for p in parts) or len(parts) == 1
    if not (anchored and _close(similarity, shared, quoted, passage, hits)):
        return _missing(prepared, best, complete, similarity)
    return _altered(prepared, parts, similarity, complete)


def _close(similarity: float, shared: int, quoted: int, passage: int, hits: list[Hit]) -> bool:
    """Whether the passage is close enough to call the quote altered rather than missing.

    Either most words are shared both ways (Dice), or nearly all the quote's words are
    in a passage at most three times as long with a run of several in a row (words the
    quote left out silently).
    """
    if quoted < SHORT_QUOTE:
        return shared >= MIN_SHARED and similarity >= SHORT_QUOTE_SIMILARITY
    if shared < MIN_SHARED + 1:
        return False
    if similarity >= ALTERED_SIMILARITY:
        return True
    run = max((h.run for h in hits), default=0)
    return shared >= COVERAGE * quoted and run >= COVERAGE_RUN and passage <= 3 * quoted + 10


def _missing(
    prepared: PreparedSource, best: Hit | None, complete: bool, similarity: float
) -> Alignment:
    if best is None or best.last <= best.first:
        return Alignment(_absent(complete), round(similarity, 3))
    span, closest = _passage(prepared, [prepared.word_span(best.first, best.last)])
    return Alignment(_absent(complete), round(similarity, 3), span, closest)


def _altered(
    prepared: PreparedSource, parts: list[_Part], similarity: float, complete: bool
) -> Alignment:
    display = prepared.normalized.display
    diffs: list[list[DiffOp]] = []
    spans: list[tuple[int, int]] = []
    real_change = False  # a change a partial source text cannot explain
    for part in parts:
        if part.hit is None:
            diffs.append([DiffOp(DiffTag.INSERT, part.segment.plain, "")])
            continue
        start, end = prepared.word_span(part.hit.first, part.hit.last)
        spans.append((start, end))
        ops = _declare_insertions(word_diff(part.segment.spoken, display[start:end]))
        if any(isinstance(p, Break) for p in part.segment.parts):
            ops = [_equal(o) if _list_marker(o) else o for o in ops]
        diffs.append(ops)
        real_change = real_change or _unexplained(ops, part.hit, len(prepared.folded))
    notes: list[str] = []
    diff = join_segments(diffs, _hidden_gaps(prepared, parts))
    if any(not p.in_order for p in parts):
        notes.append("the segments are not in the source's order")
        real_change = True
        if not has_changes(diff):
            diff = (_order_change(parts),)
    span, closest = _passage(prepared, spans)
    verdict = Verdict.ALTERED
    if not complete and (similarity < INCOMPLETE_SIMILARITY or not real_change):
        verdict = Verdict.UNVERIFIABLE
        notes.append("the source text is partial: the rest of the quote may be in what is missing")
    return Alignment(verdict, round(similarity, 3), span, closest, diff, tuple(notes))


def _hidden_gaps(prepared: PreparedSource, parts: list[_Part]) -> list[DiffOp | None]:
    """For each ellipsis between found segments: the source words it leaves out when they
    are few and one is a negation (a change, as in ``_hidden_negation``), else None."""
    gaps: list[DiffOp | None] = []
    for before, after in pairwise(parts):
        gap = None
        if before.hit and after.hit and before.in_order and after.in_order:
            words = prepared.folded.words[before.hit.last : after.hit.first]
            if 0 < len(words) <= HIDDEN_WORDS and any(_negation(w) for w in words):
                start = prepared.word_span(before.hit.last, after.hit.first)
                gap = DiffOp(DiffTag.DELETE, "", prepared.normalized.display[slice(*start)])
        gaps.append(gap)
    return gaps


def _unexplained(ops: list[DiffOp], hit: Hit, source_words: int) -> bool:
    """True unless the only changes are quote words past where a partial text stops."""
    for i, op in enumerate(ops):
        if op.tag in (DiffTag.REPLACE, DiffTag.DELETE):
            return True
        if op.tag is DiffTag.INSERT:
            at_start = i == 0 and hit.first == 0
            at_end = i == len(ops) - 1 and hit.last >= source_words
            if not (at_start or at_end):
                return True
    return False


def _head(text: str, words: int = 5) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def _order_change(parts: list[_Part]) -> DiffOp:
    """One change naming the segments in the quote's order and in the source's."""
    found = [p for p in parts if p.hit is not None]
    in_source = sorted(found, key=lambda p: p.hit.first if p.hit else 0)
    return DiffOp(
        DiffTag.REPLACE,
        " ... ".join(_head(p.segment.plain) for p in found),
        " ... ".join(_head(p.segment.plain) for p in in_source),
    )

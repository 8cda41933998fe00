"""Word diffs between a quote and a source passage, as tight ``DiffOp`` runs."""

from __future__ import annotations

from rapidfuzz.distance import Indel

from srclint.match.fold import fold_key
from srclint.match.normalize import matchable
from srclint.model import DiffOp, DiffTag

ELLIPSIS = DiffOp(DiffTag.EQUAL, "...", "...")  # joins the diffs of a quote's segments


def word_diff(quote: str, source: str, *, folded: bool = True) -> list[DiffOp]:
    """The word diff of ``quote`` against ``source``: equal runs and the changed words.

    With ``folded`` words compare with case and punctuation ignored (a changed word is
    a real change); without it they compare as normalized for an exact match (what a
    folded match differs in). A change made only of punctuation marks (a dash, a lone
    quote) is not one.
    """
    q_words, s_words = quote.split(), source.split()
    key = fold_key if folded else matchable
    q_keys = [key(w) for w in q_words]
    s_keys = [key(w) for w in s_words]
    ops: list[DiffOp] = []
    q_changed: list[str] = []
    s_changed: list[str] = []

    def add(op: DiffOp) -> None:
        if ops and ops[-1].tag is DiffTag.EQUAL and op.tag is DiffTag.EQUAL:
            last = ops.pop()
            op = DiffOp(DiffTag.EQUAL, f"{last.quote} {op.quote}", f"{last.source} {op.source}")
        ops.append(op)

    def flush() -> None:
        if not q_changed and not s_changed:
            return
        q_text, s_text = " ".join(q_changed), " ".join(s_changed)
        if folded and not fold_key(q_text) and not fold_key(s_text):
            if q_text or s_text:
                add(DiffOp(DiffTag.EQUAL, q_text, s_text))
        elif q_changed and s_changed:
            add(DiffOp(DiffTag.REPLACE, q_text, s_text))
        elif q_changed:
            add(DiffOp(DiffTag.INSERT, q_text, ""))
        else:
            add(DiffOp(DiffTag.DELETE, "", s_text))
        q_changed.clear()
        s_changed.clear()

    for op in Indel.opcodes(q_keys, s_keys):
        if op.tag == "equal":
            flush()
            add(
                DiffOp(
                    DiffTag.EQUAL,
                    " ".join(q_words[op.src_start : op.src_end]),
                    " ".join(s_words[op.dest_start : op.dest_end]),
                )
            )
        else:  # Indel has no replace: a "delete" is quote-only, an "insert" source-only
            q_changed.extend(q_words[op.src_start : op.src_end])
            s_changed.extend(s_words[op.dest_start : op.dest_end])
    flush()
    return [op for op in ops if op.quote or op.source]


def join_segments(
    diffs: list[list[DiffOp]], gaps: list[DiffOp | None] | None = None
) -> tuple[DiffOp, ...]:
    """The diffs of consecutive segments, joined by an ellipsis, or by ``gaps[i]`` (what
    the ellipsis after segment ``i`` really leaves out) where that is given."""
    ops: list[DiffOp] = []
    for i, diff in enumerate(diffs):
        if i:
            gap = gaps[i - 1] if gaps and i - 1 < len(gaps) else None
            ops.append(gap or ELLIPSIS)
        ops.extend(diff)
    return tuple(ops)


def has_changes(diff: tuple[DiffOp, ...] | list[DiffOp]) -> bool:
    return any(op.tag is not DiffTag.EQUAL for op in diff)

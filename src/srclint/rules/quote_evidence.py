"""Evidence and change descriptions shared by the quote rules."""

from __future__ import annotations

import re
from typing import Any

from srclint.model import Alignment, DiffOp, DiffTag
from srclint.negation import NEGATIONS

_NUMBER = re.compile(r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|"
                     r"hundred|thousand|million|billion|half|twice|double|percent)\b", re.I)


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?\"'()[]").lower() for w in text.split()]


def is_negation_change(op: DiffOp) -> bool:
    """True when the change adds or removes a negation (not, never, no, n't …)."""

    def negations(text: str) -> int:
        return sum(1 for w in _words(text) if w in NEGATIONS or w.endswith("n't"))

    return negations(op.quote) != negations(op.source)


def is_number_change(op: DiffOp) -> bool:
    """True when the change touches a number (digits or number words)."""
    return bool(_NUMBER.search(op.quote) or _NUMBER.search(op.source))


# A change longer than this many words on either side is a dropped or rewritten passage:
# calling it a negation or number change because a "not" or a digit is in it misleads.
LABELLED_WORDS = 4


def describe(op: DiffOp) -> str:
    """One change as a reader would say it: ``"is" → "isn't" (negation)``."""
    if op.tag is DiffTag.REPLACE:
        text = f'"{op.source}" → "{op.quote}"'
    elif op.tag is DiffTag.INSERT:
        text = f'added "{op.quote}"'
    else:
        text = f'dropped "{op.source}"'
    short = max(len(op.quote.split()), len(op.source.split())) <= LABELLED_WORDS
    labels = [
        label
        for label, test in (("negation", is_negation_change), ("number", is_number_change))
        if short and test(op)
    ]
    return f"{text} ({', '.join(labels)})" if labels else text


def changes(alignment: Alignment, limit: int = 3) -> str:
    """The first ``limit`` changes of a word diff, most important (negation, number) first."""
    ops = [op for op in alignment.diff if op.tag is not DiffTag.EQUAL]
    ops.sort(key=lambda op: not (is_negation_change(op) or is_number_change(op)))
    text = "; ".join(describe(op) for op in ops[:limit])
    if len(ops) > limit:
        text += f"; and {len(ops) - limit} more"
    return text


def evidence(alignment: Alignment, quote: str | None = None) -> dict[str, Any]:
    """The JSON evidence of a quote finding: the quote, the closest passage, where it is in
    the source, the score and the word diff."""
    data: dict[str, Any] = {"verdict": str(alignment.verdict), "score": round(alignment.score, 3)}
    if quote is not None:
        data["quote"] = quote
    if alignment.closest:
        data["closest"] = alignment.closest
    if alignment.source_span is not None:
        data["source_span"] = list(alignment.source_span)
    if alignment.diff:
        data["diff"] = [
            {"tag": str(op.tag), "quote": op.quote, "source": op.source} for op in alignment.diff
        ]
    if alignment.notes:
        data["notes"] = list(alignment.notes)
    return data

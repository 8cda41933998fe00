"""Inline quotations: runs of prose in quotation marks (ARCHITECTURE §3).

A run is in straight or curly double quotes, or curly single quotes, and has at least
``min_words`` words, so scare quotes and most titles are not taken for quotations.
Straight single quotes count only at the start of a line or after ``": "``.
Apostrophes (don't, Davis', ’90s) neither open nor close a run, and quotation marks
inside code spans are not quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from srclint.extract.prose import Prose

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

# Opening mark -> the closing marks it accepts.
_CLOSERS = {"“": "”", '"': '"', "‘": "’", "'": "'", "„": "“”", "«": "»"}


@dataclass(frozen=True, slots=True)
class QuoteRun:
    """A quotation in prose: ``text[start:end]`` includes the marks; ``inner`` excludes them."""

    start: int
    end: int
    inner: str

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_letter(char: str) -> bool:
    return char.isalnum()


def _can_open(text: str, at: int, mark: str, line_starts: set[int]) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if after.isspace():
        return False
    if mark == "'":
        return at in line_starts or text[max(0, at - 2):at] == ": "
    if mark in "‘":
        return not _is_letter(before) and not after.isdigit()
    if mark == '"':
        return not _is_letter(before)
    return True


def _can_close(text: str, at: int, mark: str) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isspace():
        return False
    if mark in "'’":
        # ’ or ' followed by a letter is an apostrophe: don’t, rock’n’roll.
        return not _is_letter(after)
    if mark == '"':
        return not _is_letter(after)
    return True


def _possessive(text: str, at: int) -> bool:
    """``Davis’ book``: an apostrophe after a plural s, before a lowercase word."""
    return (
        at > 0
        and text[at - 1] in "sS"
        and text[at + 1:at + 2] == " "
        and text[at + 2:at + 3].islower()
    )


_OPENERS = re.compile("[" + re.escape("".join(_CLOSERS)) + "]")
_CLOSER_SETS = {mark: re.compile("[" + re.escape(closers) + "]") for mark, closers in
                _CLOSERS.items()}


# A quotation that goes on into the next paragraph opens each paragraph with a mark and
# closes only in the last one: this paragraph's unclosed run ends with the paragraph.
_CONTINUED = "“\"‘«"


def continues_quotation(next_text: str) -> bool:
    """Whether a paragraph starting with ``next_text`` goes on with a quotation."""
    return next_text.lstrip()[:1] in _CONTINUED


def find_quote_runs(prose: Prose, min_words: int, *, continued: bool = False) -> list[QuoteRun]:
    """Quotations in one prose run, outermost only, in order.

    ``continued``: the next paragraph opens with a quotation mark, so a mark left open
    in this one quotes to the end of the paragraph (the multi-paragraph convention).
    """
    text = prose.text
    masked = _mask_code(prose)
    line_starts = {0, len(text) - len(text.lstrip())}
    line_starts.update(b + 1 for b in prose.breaks)
    runs: list[QuoteRun] = []
    found = _OPENERS.search(masked)
    while found is not None:
        at = found.start()
        mark = masked[at]
        resume = at + 1
        if _can_open(masked, at, mark, line_starts):
            close = _find_close(masked, at, mark)
            if close is None and continued and mark in _CONTINUED and _open_to_end(masked, at):
                inner = text[at + 1:].strip()
                if count_words(inner) >= min_words:
                    runs.append(QuoteRun(at, len(text) + 1, inner))
                break
            if close is not None:
                inner = text[at + 1:close]
                if count_words(inner) >= min_words:
                    # A comma before the closing mark is the sentence's, not the source's:
                    # "… quotation," wrote Jaynes.
                    runs.append(QuoteRun(at, close + 1, inner.strip().removesuffix(",")))
                resume = close + 1  # a short run (a scare quote, a title) is skipped whole
        found = _OPENERS.search(masked, resume)
    return runs


def _open_to_end(text: str, opened: int) -> bool:
    """No other mark opens after ``opened`` and the paragraph ends a sentence."""
    return _OPENERS.search(text, opened + 1) is None and text.rstrip()[-1:] in ".!?…:;—"


# No inline quotation runs longer than this: an unclosed mark must not make the scan
# quadratic in the length of a paragraph.
MAX_RUN = 4000


def _find_close(text: str, opened: int, mark: str) -> int | None:
    closers = _CLOSER_SETS[mark]
    fallback = None
    limit = opened + MAX_RUN
    found = closers.search(text, opened + 1, limit)
    while found is not None:
        at = found.start()
        char = text[at]
        if _can_close(text, at, char):
            if not (char in "'’" and _possessive(text, at)):
                return at
            fallback = at
        found = closers.search(text, at + 1, limit)
    return fallback


def _mask_code(prose: Prose) -> str:
    """The prose with code spans blanked, so their quotation marks are inert."""
    if not prose.code:
        return prose.text
    chars = list(prose.text)
    for start, end in prose.code:
        for at in range(start, min(end, len(chars))):
            chars[at] = "\x00"
    return "".join(chars)

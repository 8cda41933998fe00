"""Words with case and punctuation folded away: the unit of folded and fuzzy matching."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A word is a run of letters and digits, with inner apostrophes (isn't) kept, and a
# number with its decimal point or thousands separators (3.5, 1,000) kept whole.
WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:'[^\W_]+)*")


def fold_words(text: str) -> list[str]:
    """The folded words of ``text``: ``"The map, it's not"`` → ``["the", "map", "its", "not"]``."""
    return [_fold(m.group()) for m in WORD.finditer(text)]


def fold_key(word: str) -> str:
    """One whitespace-separated word folded to compare: ``"Map,"`` → ``"map"``."""
    return "".join(fold_words(word))


def word_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Each folded word of ``text`` with its ``[start, end)`` in ``text``."""
    for m in WORD.finditer(text):
        yield _fold(m.group()), m.start(), m.end()


def _fold(word: str) -> str:
    # An apostrophe is punctuation too: "dont" for "don't" is a folded match, not a change.
    return word.casefold().replace("'", "")

"""A source text prepared once per run: normalized, and (when first needed) folded and indexed."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import cached_property
from itertools import accumulate, pairwise

from srclint.match.fold import word_spans
from srclint.match.normalize import Normalized, normalize


class FoldedWords:
    """The folded words of a normalized text, their offsets, and their text joined by spaces.

    Folded search runs on ``text`` (``"the map is not the territory"``), where a word
    boundary is a space; ``starts``/``ends`` lead back to the normalized text.
    """

    def __init__(self, normalized: str) -> None:
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for word, start, end in word_spans(normalized):
            words.append(word)
            starts.append(start)
            ends.append(end)
        self.words = words
        self.starts = starts
        self.ends = ends
        self.text = " ".join(words)
        # where word i begins in self.text
        self.offsets = [0, *accumulate(len(w) + 1 for w in words[:-1])] if words else []

    def __len__(self) -> int:
        return len(self.words)

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """The words ``[i, j)`` that the folded-text span ``[start, end)`` covers."""
        return bisect_right(self.offsets, start) - 1, bisect_left(self.offsets, end)


class PreparedSource:
    """A source text normalized once, so many quotes can be matched against it.

    The folded words and the word-pair index used by the fuzzy search are built on
    first use and kept: a source whose quotes all match exactly never pays for them.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.normalized: Normalized = normalize(text)

    @cached_property
    def folded(self) -> FoldedWords:
        return FoldedWords(self.normalized.text)

    @cached_property
    def pairs(self) -> dict[str, list[int]]:
        """Where each pair of consecutive folded words occurs: ``"map is"`` → ``[17, 940]``."""
        index: defaultdict[str, list[int]] = defaultdict(list)
        words = self.folded.words
        for i, (first, second) in enumerate(pairwise(words)):
            index[f"{first} {second}"].append(i)
        return dict(index)

    @cached_property
    def singles(self) -> dict[str, list[int]]:
        """Where each folded word occurs: the fallback when no word pair of a quote survives."""
        index: defaultdict[str, list[int]] = defaultdict(list)
        for i, word in enumerate(self.folded.words):
            index[word].append(i)
        return dict(index)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` of a span of the normalized text."""
        return self.normalized.original_span(start, end)

    def word_span(self, first: int, last: int) -> tuple[int, int]:
        """The normalized ``[start, end)`` of folded words ``[first, last)``."""
        return self.folded.starts[first], self.folded.ends[last - 1]


def prepare(text: str) -> PreparedSource:
    """Normalize a source text once; pass the result to :func:`srclint.match.find`."""
    return PreparedSource(text)

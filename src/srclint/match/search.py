"""Finding a quote's segments in a text, in order: exactly, or with case and punctuation folded.

A segment without brackets is a plain ``str.find`` (fast, whole words only); a segment
with insertions becomes a regular expression in which ``[the AI]`` stands for up to
six source words and ``[T]he`` for a case change or a short edit inside the word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from srclint.match.fold import fold_words
from srclint.match.normalize import matchable
from srclint.match.segments import Break, Insertion, Segment

INSERTION_WORDS = 6  # how many source words a whole-word insertion may stand for
MAX_GAP = 400  # characters a short segment may lie from its neighbour


class Matcher(Protocol):
    def search(self, hay: str, lo: int, hi: int) -> tuple[int, int] | None: ...

    def rsearch(self, hay: str, lo: int, hi: int) -> tuple[int, int] | None: ...


@dataclass(frozen=True, slots=True)
class Literal:
    """A whole-word occurrence of ``needle``; in folded text words are separated by spaces."""

    needle: str
    folded: bool

    def _whole(self, hay: str, start: int, end: int) -> bool:
        if self.folded:
            return (start == 0 or hay[start - 1] == " ") and (end == len(hay) or hay[end] == " ")
        if start > 0 and self.needle[0].isalnum() and hay[start - 1].isalnum():
            return False
        return not (end < len(hay) and self.needle[-1].isalnum() and hay[end].isalnum())

    def search(self, hay: str, lo: int, hi: int) -> tuple[int, int] | None:
        i = hay.find(self.needle, lo, hi)
        while i != -1:
            if self._whole(hay, i, i + len(self.needle)):
                return i, i + len(self.needle)
            i = hay.find(self.needle, i + 1, hi)
        return None

    def rsearch(self, hay: str, lo: int, hi: int) -> tuple[int, int] | None:
        i = hay.rfind(self.needle, lo, hi)
        while i != -1:
            if self._whole(hay, i, i + len(self.needle)):
                return i, i + len(self.needle)
            i = hay.rfind(self.needle, lo, i + len(self.needle) - 1)
        return None


@dataclass(frozen=True, slots=True)
class Pattern:
    """A segment with insertions, as a regular expression.

    The regular expression runs only near occurrences of ``anchor``, the segment's
    longest literal piece, found with ``str.find``: a scan of a long source by the
    expression alone costs tens of milliseconds a megabyte.
    """

    regex: re.Pattern[str]
    anchor: str = ""

    def _windows(self, hay: str, lo: int, hi: int) -> list[tuple[int, int]]:
        if len(self.anchor) < 4:
            return [(lo, hi)]
        windows: list[tuple[int, int]] = []
        i = hay.find(self.anchor, lo, hi)
        while i != -1:
            start, end = max(lo, i - _REACH), min(hi, i + len(self.anchor) + _REACH)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
            i = hay.find(self.anchor, i + 1, hi)
        return windows

    def search(self, hay: str, lo: int, hi: int) -> tuple[int, int] | None:
        for start, end in self._windows(hay, lo, hi):
            m = self.regex.search(hay, start, end)
            if m:
                return m.span()
        return None

    def rsearch(self, hay: str, lo: int, hi: int) -> tuple[int, int] | None:
        for start, end in reversed(self._windows(hay, lo, hi)):
            last = None
            for m in self.regex.finditer(hay, start, end):
                last = m.span()
            if last:
                return last
        return None


_REACH = 600  # characters an insertion pattern may reach either side of its anchor


_BREAK_GAP = r" ?(?:(?:\d{1,3}[.)]|[-*•◦‣▪▸–—]) )?"  # "here. 2. Setting", "here. • Setting"
_WORDS_GAP = rf"[^\w\s]*(?: \S+){{0,{INSERTION_WORDS}}}?"  # punctuation, then words


def exact_matcher(segment: Segment) -> Matcher:
    """A matcher for the segment's normalized text, case-sensitive."""
    parts = segment.parts
    if all(isinstance(p, str) for p in parts):
        return Literal(matchable(segment.text), folded=False)
    regex = ""
    for i, part in enumerate(parts):
        if isinstance(part, str):
            before = parts[i - 1] if i > 0 else None
            after = parts[i + 1] if i + 1 < len(parts) else None
            if isinstance(before, Insertion) and not before.attached:
                part = part.lstrip()
                regex += " " if part[:1].isalnum() else " ?"
            if isinstance(after, Insertion) and not after.attached:
                part = part.rstrip()
            regex += re.escape(matchable(part))
        elif isinstance(part, Break):  # a paragraph break: a space, or a list item's marker
            regex += _BREAK_GAP
        elif part.attached:  # each insertion is a group: what it stands for (``covered``)
            regex += rf"((?i:{re.escape(matchable(part.content))})|\S{{0,20}}?)"
        else:
            regex += f"({_WORDS_GAP})"
    text = segment.text
    if text[:1].isalnum() or isinstance(parts[0], Insertion):
        regex = r"(?<!\w)" + regex
    if text[-1:].isalnum() or isinstance(parts[-1], Insertion):
        regex += r"(?!\w)"
    anchor = max((matchable(p.strip()) for p in parts if isinstance(p, str)), key=len, default="")
    return Pattern(re.compile(regex), anchor)


def folded_matcher(segment: Segment) -> Matcher:
    """A matcher for the segment's folded words in a source's folded text."""
    chunks = [" ".join(fold_words(c)) for c in segment.chunks]
    chunks = [c for c in chunks if c]
    if len(chunks) == 1:
        return Literal(chunks[0], folded=True)
    gap = rf"((?: \S+){{0,{INSERTION_WORDS}}}?) "
    regex = gap.join(re.escape(c) for c in chunks)
    return Pattern(re.compile(rf"(?<!\S){regex}(?!\S)"), max(chunks, key=len))


def covered(matcher: Matcher, hay: str, span: tuple[int, int]) -> tuple[str, ...]:
    """The text of ``hay`` that each insertion of a matched segment stands for, in order.

    ``span`` is where ``matcher`` matched; a segment without insertions covers nothing.
    """
    if not isinstance(matcher, Pattern):
        return ()
    m = matcher.regex.fullmatch(hay, *span)
    return tuple(g or "" for g in m.groups()) if m else ()


def place(
    matchers: list[Matcher], short: list[bool], hay: str, max_gap: int = MAX_GAP
) -> list[tuple[int, int]] | None:
    """Spans of every segment in ``hay``, in order and not overlapping, or None.

    Segments are placed greedily, leftmost first, after the first segment long
    enough to anchor the quote; a short segment must lie within ``max_gap``
    characters of its neighbour, so fragments of common words found far apart do
    not count. A quote of short segments only is placed only when they are close.
    """
    if not matchers:
        return None
    anchor = next((i for i, s in enumerate(short) if not s), None)
    if anchor is None:
        return _place_short_only(matchers, hay, max_gap)
    first = matchers[anchor].search(hay, 0, len(hay))
    if first is None:
        return None
    spans: list[tuple[int, int] | None] = [None] * len(matchers)
    spans[anchor] = first
    start = first[0]
    for i in range(anchor - 1, -1, -1):  # short segments before the anchor, nearest first
        found = matchers[i].rsearch(hay, max(0, start - max_gap), start)
        if found is None:
            return None
        spans[i] = found
        start = found[0]
    end = first[1]
    for i in range(anchor + 1, len(matchers)):
        hi = min(len(hay), end + max_gap) if short[i] else len(hay)
        found = matchers[i].search(hay, end, hi)
        if found is None:
            return None
        spans[i] = found
        end = found[1]
    return [s for s in spans if s is not None]


def _place_short_only(
    matchers: list[Matcher], hay: str, max_gap: int, tries: int = 50
) -> list[tuple[int, int]] | None:
    lo = 0
    for _ in range(tries):
        first = matchers[0].search(hay, lo, len(hay))
        if first is None:
            return None
        spans = [first]
        for matcher in matchers[1:]:
            end = spans[-1][1]
            found = matcher.search(hay, end, min(len(hay), end + max_gap))
            if found is None:
                break
            spans.append(found)
        else:
            return spans
        lo = first[0] + 1
    return None

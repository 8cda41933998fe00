"""Typographic normalization with a map back to the original text's offsets.

Both a source and a quote go through :func:`normalize`, so that curly and straight
quotes, dash forms, ``…`` and ``...``, entities, zero-width characters and any run of
whitespace compare equal; reference marks (``[12]``) are dropped. The work is one
regular-expression pass (two when the text has ``&`` entities): plain ASCII runs are
copied as slices, so the cost is linear in the text and small for English prose.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

DASH = " — "  # the one form every dash takes: em dash, ``--``, spaced hyphen or en dash

_QUOTES = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u2039\u203a", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
}
_HYPHENS = dict.fromkeys("\u2010\u2011\u2012\u2013\u2212\u00ad", "-")
_INVISIBLE = dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e", "")
_CHARS: dict[str, str] = {
    **_QUOTES,
    **_HYPHENS,
    **_INVISIBLE,  # after _HYPHENS: a soft hyphen is removed, not kept as "-"
    "\u2026": "...",
    **dict.fromkeys("\u2014\u2015\u2e3a\u2e3b", DASH),
}
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"

_MARK_AFTER = "[.,;:!?'\"’”)\\]]"  # punctuation a footnote number is glued to
_TYPOGRAPHY = re.compile(
    r"(?P<dash>\s*(?:[\u2014\u2015\u2e3a\u2e3b]+|-{2,})\s*|\s+[-\u2010-\u2013\u2212]\s+)"
    r"|(?P<space>\s{2,}|[^\S ])"
    r"|(?P<cite>\[\d{1,3}\]|\[citation needed\]"
    # a footnote number glued to the end of a sentence or clause ("functions.2 (Some",
    # "outputs,³ via"); four letters before it, so "p.5" and "vol.2" stay page numbers
    rf"|(?=[\d⁰¹²³⁴⁵⁶⁷⁸⁹])(?:(?<=[^\W\d_]{{4}}{_MARK_AFTER})|(?<=[^\W\d_]{{4}}{_MARK_AFTER}{{2}}))"
    r"[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?=\s|$))"
    rf"|(?P<char>[^\x00-\x7f][{_COMBINING}]*|[\x00-\x7f][{_COMBINING}]+)"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Piecewise map from normalized offsets to original ones.

    Piece ``k`` covers normalized ``[starts[k], starts[k+1])`` and came from original
    ``[orig_starts[k], orig_ends[k])``; a ``copied`` piece maps character for character.
    """

    starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_ends: tuple[int, ...]
    copied: tuple[bool, ...]

    def start(self, offset: int) -> int:
        """The original offset where the normalized character at ``offset`` begins."""
        k = bisect_right(self.starts, offset) - 1
        if k < 0:
            return 0
        if self.copied[k]:
            return min(self.orig_starts[k] + offset - self.starts[k], self.orig_ends[k])
        return self.orig_starts[k] if offset == self.starts[k] else self.orig_ends[k]

    def end(self, offset: int) -> int:
        """The original offset just after the normalized character at ``offset - 1``."""
        if offset <= 0:
            return self.start(0)
        k = bisect_right(self.starts, offset - 1) - 1
        if k < 0:
            return 0
        if self.copied[k]:
            return min(self.orig_starts[k] + offset - self.starts[k], self.orig_ends[k])
        return self.orig_ends[k]


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized text and how to find each of its spans in the original.

    ``text`` is what is matched: double quotes are single there too, because a quote
    inside a quotation is written either way. ``display`` keeps them apart, for diffs;
    the two have the same length and offsets.
    """

    display: str
    maps: tuple[OffsetMap, ...]  # applied last to first: text → … → original
    text: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", matchable(self.display))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` that the normalized ``[start, end)`` came from."""
        for offset_map in self.maps:
            start, end = offset_map.start(start), offset_map.end(end)
        return start, end


class _Builder:
    """Collects output pieces and their offset map, never emitting two spaces in a row."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.starts: list[int] = []
        self.orig_starts: list[int] = []
        self.orig_ends: list[int] = []
        self.copied: list[bool] = []
        self.space = False

    def add(self, text: str, orig_start: int, orig_end: int, copied: bool) -> None:
        if self.space and text.startswith(" "):
            text = text[1:]
            if copied:
                orig_start += 1
        if not text:
            return
        self.parts.append(text)
        self.starts.append(self.length)
        self.orig_starts.append(orig_start)
        self.orig_ends.append(orig_end)
        self.copied.append(copied)
        self.length += len(text)
        self.space = text.endswith(" ")

    def build(self) -> tuple[str, OffsetMap]:
        offset_map = OffsetMap(
            tuple(self.starts), tuple(self.orig_starts), tuple(self.orig_ends), tuple(self.copied)
        )
        return "".join(self.parts), offset_map


def _replacement(match: re.Match[str]) -> str:
    if match.lastgroup == "dash":
        return DASH
    if match.lastgroup == "space":
        return " "
    if match.lastgroup == "cite":
        return ""  # a reference mark, [12] or "end.2 ", is not part of the sentence
    text = unicodedata.normalize("NFKC", match.group())
    if text.isspace():
        return " "
    return "".join(_CHARS.get(c, c) for c in text)


def _rewrite(text: str, pattern: re.Pattern[str], entities: bool) -> tuple[str, OffsetMap]:
    out = _Builder()
    pos = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if start > pos:
            out.add(text[pos:start], pos, start, copied=True)
        new = html.unescape(match.group()) if entities else _replacement(match)
        out.add(new, start, end, copied=new == match.group())
        pos = end
    if pos < len(text):
        out.add(text[pos:], pos, len(text), copied=True)
    return out.build()


def matchable(text: str) -> str:
    """``text`` with double quotes made single: how quotes and sources are compared."""
    return text.replace('"', "'")


def normalize(text: str) -> Normalized:
    """Normalize typography: NFKC, straight quotes, one dash, ``...``, one space.

    >>> print(normalize("It\u2019s \u201cfine\u201d\u2009\u2014\u00a0really\u2026").display)
    It's "fine" — really...
    """
    maps: list[OffsetMap] = []
    if "&" in text:
        text, entity_map = _rewrite(text, _ENTITY, entities=True)
        maps.append(entity_map)
    text, typography_map = _rewrite(text, _TYPOGRAPHY, entities=False)
    maps.insert(0, typography_map)
    return Normalized(text, tuple(maps))

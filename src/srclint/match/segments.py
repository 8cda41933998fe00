"""A quote as segments: the runs an ellipsis separates, with their bracketed insertions.

``"[T]he model [GPT-4] is … not aligned [sic]"`` is two segments; the first has a case
change (``[T]he``, attached to a word) and an insertion standing for a few source words
(``[GPT-4]``); ``[sic]`` and ``[emphasis added]`` are dropped. Markdown emphasis, links
and inline code left in the quote are reduced to their text first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from srclint.match.fold import fold_words
from srclint.match.normalize import normalize

SHORT_WORDS = 3  # a segment of fewer words cannot carry a match on its own

_LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_FOOTNOTE = re.compile(r"\[\^[^\[\]]+\]")
_STAR_EMPHASIS = re.compile(r"(\*{1,3}|~~)(?=\S)(.+?)(?<=\S)\1", re.S)
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![^\W_])(_{1,3})(?=\S)(.+?)(?<=\S)\1(?![^\W_])", re.S)
_CODE = re.compile(r"`+([^`]+)`+")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~|])")
_PROTECT = 0xE000  # escaped ASCII punctuation is parked in the private use area
_PROTECTED = re.compile("[\ue000-\ue07f]")
_EDITORIAL = re.compile(
    r"\s*[\[(]\s*(?:sic!?"
    r"|(?:my|our)\s+(?:emphas[ie]s|italics|bold(?:ing)?|formatting|translation)"
    r"|(?:(?:internal|some|all)\s+)?(?:emphas[ie]s|italics|bold(?:ing)?|italicization|"
    r"formatting|links?|footnotes?|citations?|hyperlinks?|references?|quotation\s+marks|"
    r"translation)\s+(?:added|mine|ours|in\s+(?:the\s+)?original|original|omitted|removed|"
    r"supplied)"
    r"|original\s+emphasis)\.?\s*[\])]",
    re.I,
)
_ELLIPSIS = re.compile(
    r"\s*(?:\[\s*\.(?:\s?\.){2,}\s*\]|\(\s*\.(?:\s?\.){2,}\s*\)|\.(?:\s?\.){2,})\s*"
)
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
# A comma, full stop or quotation mark at either end of a segment is the writer's, not
# the source's: "the territory." for "the territory, as they say".
_EDGE_PUNCTUATION = re.compile(r"^[\s.,;:'\"]+|[\s.,;:'\"]+$")


@dataclass(frozen=True, slots=True)
class Insertion:
    """A bracketed editorial insertion and whether a word touches it on either side."""

    content: str
    attached: bool  # [T]he, say[s]: a case change or word-internal edit, not whole words


@dataclass(frozen=True, slots=True)
class Break:
    """A paragraph break in the quote: in the source, a space or a list item's marker.

    A quoted list loses its ``1.`` and ``-`` markers in Markdown, while a plain-text or
    PDF source keeps them: ``here. 2. Setting`` must match ``here.`` / ``Setting``.
    """


BREAK = "\ue0ff"  # marks a paragraph break between normalizing and segmenting
_PARAGRAPH = re.compile(r"[ \t]*\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the quote between ellipses: literal text and insertions, normalized."""

    parts: tuple[str | Insertion | Break, ...]

    @property
    def text(self) -> str:
        """The segment as written, brackets included."""
        return "".join(
            p if isinstance(p, str) else " " if isinstance(p, Break) else f"[{p.content}]"
            for p in self.parts
        )

    @property
    def chunks(self) -> tuple[str, ...]:
        """The quote's own words between whole-word insertions; a case change is applied."""
        chunks = [""]
        for part in self.parts:
            if isinstance(part, str):
                chunks[-1] += part
            elif isinstance(part, Break):
                chunks[-1] += " "
            elif part.attached:
                chunks[-1] += part.content
            else:
                chunks.append("")
        return tuple(c.strip() for c in chunks if c.strip())

    @property
    def plain(self) -> str:
        """The quote's own words, for diffs and fuzzy search: insertions left out."""
        return " ".join(self.chunks)

    @property
    def spoken(self) -> str:
        """The segment as a reader says it: case changes applied, whole-word insertions
        kept in their brackets (they stand where the source words they replace are)."""
        return "".join(
            p if isinstance(p, str)
            else " " if isinstance(p, Break)
            else p.content if p.attached
            else f"[{p.content}]"
            for p in self.parts
        )

    @property
    def words(self) -> int:
        return len(fold_words(self.plain))

    @property
    def short(self) -> bool:
        return self.words < SHORT_WORDS


def strip_markup(text: str) -> str:
    """Markdown links, emphasis, code, footnote references and HTML tags reduced to text."""
    # An escaped character (\*) is kept out of the way of the patterns, then restored.
    text = _ESCAPE.sub(lambda m: chr(_PROTECT + ord(m.group(1))), text)
    text = _FOOTNOTE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _TAG.sub("", text)
    for _ in range(3):  # nested emphasis: ***a*** or **a _b_**
        text = _STAR_EMPHASIS.sub(r"\2", text)
        text = _UNDERSCORE_EMPHASIS.sub(r"\2", text)
    return _PROTECTED.sub(lambda m: chr(ord(m.group()) - _PROTECT), text)


def _with_breaks(parts: list[str | Insertion | Break]) -> list[str | Insertion | Break]:
    """Text parts split at paragraph breaks: a ``Break`` between texts stripped of spaces."""
    split: list[str | Insertion | Break] = []
    for part in parts:
        if isinstance(part, str) and BREAK in part:
            for i, piece in enumerate(part.split(BREAK)):
                if i:
                    split.append(Break())
                split.append(piece)
        else:
            split.append(part)
    out: list[str | Insertion | Break] = []
    for i, part in enumerate(split):
        if isinstance(part, str):
            if i > 0 and isinstance(split[i - 1], Break):
                part = part.lstrip()
            if i + 1 < len(split) and isinstance(split[i + 1], Break):
                part = part.rstrip()
            if not part:
                continue
        if isinstance(part, Break) and out and isinstance(out[-1], Break):
            continue
        out.append(part)
    return out


def _segment(text: str) -> Segment | None:
    parts: list[str | Insertion | Break] = []
    pos = 0
    for m in _BRACKET.finditer(text):
        if m.start() > pos:
            parts.append(text[pos : m.start()])
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        content = m.group(1).strip()
        attached = " " not in content and (before.isalnum() or after.isalnum())
        parts.append(Insertion(content, attached))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    parts = _with_breaks(parts)
    # Whole-word insertions at either end stand for nothing the source must have.
    while parts and isinstance(parts[0], Insertion) and not parts[0].attached:
        parts.pop(0)
    while parts and isinstance(parts[-1], Insertion) and not parts[-1].attached:
        parts.pop()
    while parts and isinstance(parts[-1], Break):
        parts.pop()
    while parts and isinstance(parts[0], Break):
        parts.pop(0)
    if parts and isinstance(parts[0], str):
        parts[0] = parts[0].lstrip()
    if parts and isinstance(parts[-1], str):
        parts[-1] = parts[-1].rstrip()
    segment = Segment(tuple(p for p in parts if p != ""))
    return segment if segment.words else None  # punctuation alone says nothing


def parse_quote(quote: str) -> tuple[Segment, ...]:
    """The segments of a quote, in order: markup stripped, typography normalized."""
    text = _EDITORIAL.sub("", strip_markup(quote))
    text = normalize(_PARAGRAPH.sub(f" {BREAK} ", text.strip())).display
    pieces = (piece.strip(f" {BREAK}") for piece in _ELLIPSIS.split(text))
    found = (_segment(_EDGE_PUNCTUATION.sub("", piece)) for piece in pieces)
    return tuple(s for s in found if s is not None)

"""A ``>`` blockquote as one quotation, and its attribution line (rule 2 of §3).

The quote is what a reader sees: every paragraph, heading, list item and table cell
inside it (nested blockquotes included), markup removed, paragraphs joined by a blank
line. Its last line is an attribution when it is ``— Name``, ``—[Name](url)``,
``— Name, [title](url)`` or just a link or URL — including a line written right after
``> …`` with no ``>``, which Markdown's lazy continuation puts inside the blockquote.
Other lines written that way after the last ``>`` line are the writer's own words and
are left out of the quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from srclint.extract.blocks import Block, BlockKind
from srclint.extract.claimdraft import ClaimDraft, draft_from
from srclint.extract.claims import Where, match_claims
from srclint.extract.directives import blank_comments
from srclint.extract.prose import LinkRange, Prose
from srclint.extract.quotes import count_words
from srclint.extract.spans import LineIndex


@dataclass(slots=True)
class BlockQuoteText:
    """A blockquote read as a quotation."""

    text: str
    start: int  # file offset of its first ``>``
    end: int  # file offset just after its last quoted character
    attribution: ClaimDraft
    attribution_link: LinkRange | None
    attributed: bool  # its last line was an attribution (and is not in ``text``)


def quoted_prose(block: Block) -> list[Prose]:
    """Every prose run inside a blockquote, in order (code is not prose)."""
    found: list[Prose] = []
    for inner in block.descendants():
        if inner.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.TABLE):
            found.extend(p for p in inner.prose if p.text.strip())
    return found


@dataclass(frozen=True, slots=True)
class _Attribution:
    cut: int  # prose index where the attribution line starts
    claim: ClaimDraft
    link: LinkRange | None


def read_attribution(prose: Prose, alone: bool) -> _Attribution | None:
    """The attribution on the last line of a blockquote's last paragraph, if any.

    ``alone``: the paragraph is the blockquote's only one, so its single line is the
    quotation itself and cannot also be its attribution.
    """
    cut = prose.breaks[-1] + 1 if prose.breaks else 0
    if not (cut == 0 and alone):
        found = _attribution_from(prose, cut)
        if found is not None:
            return found
    return _same_line_attribution(prose, cut)


# Where an attribution starts on the quotation's own last line: an opening parenthesis
# or a dash (with a name and a comma) right before the line's last link.
_TRAILING = re.compile(r"(?:\(\s*|\s*[—―]\s*|\s(?:--|–)\s*)(?:[^—―–()\[\]]{1,80}?,\s*)?$")
_MIN_QUOTED_WORDS = 3


def _same_line_attribution(prose: Prose, cut: int) -> _Attribution | None:
    """``> the quotation. — Name, [title](url)`` or ``> the quotation. ([source](url))``:
    the attribution after the quoted words, on the same line, ends the blockquote."""
    links = [link for link in prose.links if link.start >= cut]
    if not links:
        return None
    last = links[-1]
    if prose.text[last.end:].strip(" ).]"):
        return None  # words after the link: it is part of the quotation
    shown = prose.text[last.start:last.end].strip()
    if shown[:1] in "([" and shown[-1:] in ")]":  # [(source)](url)
        start = last.start
        while start > cut and prose.text[start - 1] == " ":
            start -= 1
    else:
        found = _TRAILING.search(prose.text, cut, last.start)
        if found is None or found.end() != last.start:
            return None
        start = found.start()
    if count_words(prose.text[cut:start]) < _MIN_QUOTED_WORDS:
        return None
    return _attribution_from(prose, start)


def _attribution_from(prose: Prose, cut: int) -> _Attribution | None:
    """The attribution that ``prose.text[cut:]`` is, if it is one."""
    line = prose.text[cut:]
    links = [link for link in prose.links if link.start >= cut]
    subject, starts = _with_link_marks(line, cut, links)
    found = match_claims(Where.ATTRIBUTION, subject)
    if not found:
        return None
    match = found[0]
    link = links[0] if links else None
    draft = ClaimDraft()
    if match.author is not None:
        start, end = starts[match.author[0]], starts[match.author[1] - 1] + 1
        draft.author, draft.author_at = prose.text[start:end], prose.file_range(start, end)
    if match.title is not None:
        start, end = starts[match.title[0]], starts[match.title[1] - 1] + 1
        title = prose.text[start:end].strip("\"“”‘’'*_ ")  # — Coulton, "The Future Soon"
        draft.title, draft.title_at = title or None, prose.file_range(start, end)
    if link is not None:
        draft = draft.merge(draft_from([match], prose, cut, link))
    return _Attribution(cut, draft, link)


_DASHES = ("—", "–", "―", "--")


def read_attribution_paragraph(block: Block) -> _Attribution | None:
    """A one-line paragraph right after a blockquote that only attributes it
    (``— Name``, ``—[Name](url)``, ``— Name, [title](url)``), as many writers put it."""
    if block.kind is not BlockKind.PARAGRAPH or len(block.prose) != 1:
        return None
    prose = block.prose[0]
    if prose.breaks or not prose.text.lstrip().startswith(_DASHES):
        return None
    return read_attribution(prose, alone=False)


def _with_link_marks(line: str, offset: int, links: list[LinkRange]) -> tuple[str, list[int]]:
    """The line with each link written as ``\\x00``, and each character's prose index."""
    parts: list[str] = []
    starts: list[int] = []
    at = 0
    for link in links:
        begin, end = link.start - offset, link.end - offset
        parts.append(line[at:begin])
        starts.extend(range(offset + at, offset + begin))
        parts.append("\x00")
        starts.append(link.start)
        at = end
    parts.append(line[at:])
    starts.extend(range(offset + at, offset + len(line)))
    return "".join(parts), starts


def _skipped_before(block: Block) -> set[int]:
    """Indexes (into ``quoted_prose``) of prose runs that follow a code block, a rule or
    raw HTML inside the blockquote: what is left out of the quotation there is an
    omission, not words the writer dropped."""
    marked: set[int] = set()
    seen = 0
    pending = False
    for inner in block.descendants():
        if inner.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.TABLE):
            for prose in inner.prose:
                if not prose.text.strip():
                    continue
                if pending and seen:
                    marked.add(seen)
                pending = False
                seen += 1
        elif inner.kind is BlockKind.CODE or inner.kind is BlockKind.OTHER or (
            inner.kind is BlockKind.HTML and blank_comments(inner.html).strip()
        ):
            pending = True
    return marked


def _lazy_tail(prose: Prose, index: LineIndex) -> int | None:
    """Prose index where the trailing lines written without ``>`` begin, if any."""
    cut = None
    for at in reversed(prose.breaks):
        offset = prose.char_start(at + 1)
        line_start = index.text.rfind("\n", 0, offset) + 1
        if ">" in index.text[line_start:offset]:
            break
        cut = at + 1
    return cut


def read_blockquote(block: Block, index: LineIndex) -> BlockQuoteText | None:
    """The quotation a blockquote holds; ``None`` when it holds no text at all."""
    proses = quoted_prose(block)
    if not proses:
        return None
    last = proses[-1]
    attribution = read_attribution(last, alone=len(proses) == 1)
    if len(proses) == 1 and attribution is None:
        only = read_attribution(last, alone=False)
        if only is not None and only.link is not None:
            return None  # `> https://…` and nothing else: a link, not a quotation
    texts = [p.text.strip() for p in proses]
    gaps = _skipped_before(block)
    end = last.file_end
    lazy = None if attribution is not None else _lazy_tail(last, index)
    if lazy is not None:
        # Lines after the last ``>`` line, written without ``>``: Markdown keeps them in
        # the blockquote, but the writer went back to their own words ("The cite goes
        # to …"). They are not part of the quotation.
        texts[-1] = last.text[:lazy].strip()
        end = last.char_start(lazy - 1)
    if attribution is not None:
        kept = last.text[:attribution.cut].strip()
        texts[-1] = kept
        if kept:
            end = last.char_start(attribution.cut - 1)  # the line break before the attribution
        elif len(proses) > 1:
            end = proses[-2].file_end
        else:
            end = last.file_start
    pieces: list[str] = []
    for i, piece in enumerate(texts):
        if piece and pieces and i in gaps:
            pieces.append("…")  # code or other non-prose left out between two paragraphs
        if piece:
            pieces.append(piece)
    text = "\n\n".join(pieces)
    if not text:
        return None
    first_line = index.line_text(index.position(block.start)[0] - 1)
    marker = first_line.find(">")
    start = block.start + marker if marker >= 0 else proses[0].file_start
    return BlockQuoteText(
        text,
        min(start, proses[0].file_start),
        max(end, start),
        attribution.claim if attribution else ClaimDraft(),
        attribution.link if attribution else None,
        attribution is not None,
    )

"""Binding quotes to links: the rules of ARCHITECTURE §3, first match wins.

1. ``<!-- srclint-source: URL -->`` right before the quote (``apply_source_directives``).
2. A blockquote's attribution line: its link and the name on it.
3. A blockquote right after a paragraph or list item with links: that paragraph's last
   link, and its lead (``Yudkowsky:``, ``X writes``) as the claimed author. Several
   blockquotes in a row after one such paragraph all take its link.
4. Inline quotes: the link they are in, the link or footnote right after them, or the
   nearest link in their sentence (``inline.py``).
5. Otherwise unsourced.

An HTML ``<blockquote cite="URL">`` is bound to its ``cite``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from srclint.extract.blockquotes import read_attribution_paragraph, read_blockquote
from srclint.extract.blocks import Block, BlockKind
from srclint.extract.claimdraft import ClaimDraft, draft_from, link_claim, sentence_start
from srclint.extract.claims import Where, match_claims
from srclint.extract.directives import blank_comments
from srclint.extract.inline import bind_inline
from srclint.extract.links import (
    ANCHOR_CLOSE,
    ANCHOR_OPEN,
    BLOCKQUOTE_CLOSE,
    BLOCKQUOTE_OPEN,
    cite_of,
    href_of,
)
from srclint.extract.prose import Prose
from srclint.extract.quotes import continues_quotation, count_words
from srclint.extract.spans import LineIndex
from srclint.model import (
    Binding,
    Citation,
    Directive,
    DirectiveKind,
    Link,
    LinkKind,
    Quote,
    QuoteKind,
)

_TAG = re.compile(r"<[^>]*>")


@dataclass(slots=True)
class Placed:
    """A citation and where the block holding its quote starts (for rule 1)."""

    citation: Citation
    block_start: int


@dataclass(slots=True)
class Binder:
    index: LineIndex
    min_words: int
    footnotes: dict[str, Link | None]
    placed: list[Placed] = field(default_factory=list)
    html_links: list[Link] = field(default_factory=list)

    def walk(self, container: Block) -> None:
        """Bind everything in a container, reading its children in order."""
        previous: Block | None = None
        chained: Citation | None = None  # a blockquote bound by rule 3, for the next one
        carry: Link | None = None  # the link of a quotation left open in the paragraph before
        skip_until = -1
        for position, block in enumerate(container.children):
            if position <= skip_until:
                continue
            kind = block.kind
            if kind is BlockKind.HTML:
                skip_until = self.html_block(container.children, position)
                if not blank_comments(block.html).strip():
                    continue  # a comment is not prose: it does not separate blocks
            elif kind is BlockKind.BLOCKQUOTE:
                following = container.children[position + 1:position + 2]
                chained = self.blockquote(block, previous, chained,
                                          following[0] if following else None)
                previous = block
                carry = None
                continue
            elif kind is BlockKind.PARAGRAPH:
                after = container.children[position + 1:position + 2]
                continued = bool(after) and after[0].kind is BlockKind.PARAGRAPH and (
                    continues_quotation(after[0].prose[0].text))
                carry = self.paragraph(block, continued, carry)
                previous = block
                chained = None
                continue
            elif kind is BlockKind.HEADING:
                self.prose(block.prose[0], block.start, quotes=False)
            elif kind is BlockKind.TABLE:
                self.table(block)
            elif kind in (BlockKind.LIST, BlockKind.ITEM, BlockKind.FOOTNOTE):
                self.walk(block)
            previous = block
            chained = None
            carry = None

    def paragraph(self, block: Block, continued: bool, carry: Link | None) -> Link | None:
        """A paragraph's citations. A quotation that goes on from the paragraph before
        (each paragraph opens with a mark, only the last closes) keeps that one's link;
        returns the link of a quotation this paragraph leaves open, if any."""
        prose = block.prose[0]
        first = len(self.placed)
        self.prose(prose, block.start, quotes=True, continued=continued)
        quoted = [e for e in self.placed[first:] if e.citation.quote is not None]
        if carry is not None and quoted and quoted[0].citation.binding is Binding.UNSOURCED:
            c = quoted[0].citation
            if c.quote is not None and prose.text.lstrip()[1:].lstrip().startswith(
                    c.quote.text[:20]):
                quoted[0].citation = Citation(c.quote, carry, c.claim, Binding.ADJACENT)
        if not continued or not quoted:
            return None
        last = quoted[-1].citation
        text = prose.text.rstrip()
        if last.quote is None or not text.endswith(last.quote.text.rstrip()):
            return None  # the paragraph's last quotation was closed in it
        return last.link

    def prose(self, prose: Prose, block_start: int, *, quotes: bool,
              continued: bool = False) -> None:
        min_words = self.min_words if quotes else 10**9
        for citation in bind_inline(prose, min_words, self.footnotes, self.index,
                                    continued=continued):
            self.placed.append(Placed(citation, block_start))

    def table(self, block: Block) -> None:
        """Each cell's quotes; a quote no link in its own cell sources takes its row's link,
        when the row's other cells link to one source (``| [Name](url) | "…" |``)."""
        rows: dict[int, list[Prose]] = {}
        for prose in block.prose:
            rows.setdefault(self.index.position(prose.file_start)[0], []).append(prose)
        for cells in rows.values():
            for cell in cells:
                first = len(self.placed)
                self.prose(cell, block.start, quotes=True)
                others = {k.link.url: k.link for c in cells if c is not cell for k in c.links}
                if len(others) != 1:
                    continue
                (link,) = others.values()
                for entry in self.placed[first:]:
                    c = entry.citation
                    if c.quote is not None and c.binding is Binding.UNSOURCED:
                        entry.citation = Citation(c.quote, link, c.claim, Binding.ADJACENT)

    def blockquote(self, block: Block, previous: Block | None,
                   chained: Citation | None, following: Block | None = None) -> Citation | None:
        for inner in block.descendants():  # raw HTML quoted inside: its links still count
            if inner.kind is BlockKind.HTML:
                self.html_links.extend(_anchors(blank_comments(inner.html), inner, self.index))
        read = read_blockquote(block, self.index)
        if read is None:
            return None
        quote = Quote(read.text, self.index.span(read.start, read.end), QuoteKind.BLOCK)
        draft = read.attribution
        attribution_link = read.attribution_link
        if not read.attributed and following is not None:
            after = read_attribution_paragraph(following)
            if after is not None:
                draft = draft.merge(after.claim)
                attribution_link = after.link
        intro = _intro(previous)
        link: Link | None
        if attribution_link is not None:
            link, binding = attribution_link.link, Binding.ATTRIBUTION
        elif intro is not None and intro.links and _leads_in(intro):
            last = intro.links[-1]
            link, binding = last.link, Binding.PRECEDING
            draft = draft.merge(intro_claim(intro)).merge(link_claim(intro, last, self.min_words))
        elif chained is not None:
            # Several blockquotes in a row under one URL line all quote that URL.
            link, binding = chained.link, Binding.PRECEDING
            own = draft.claim(self.index)
            citation = Citation(quote, link, own or chained.claim, binding)
            self.placed.append(Placed(citation, block.start))
            return citation
        else:
            link, binding = None, Binding.UNSOURCED
            if intro is not None:
                draft = draft.merge(intro_claim(intro))
        citation = Citation(quote, link, draft.claim(self.index), binding)
        self.placed.append(Placed(citation, block.start))
        return citation if binding is Binding.PRECEDING else None

    def html_block(self, siblings: list[Block], position: int) -> int:
        """Links of a raw HTML block; a ``<blockquote cite>`` becomes a quote.

        Returns the position of the last sibling the HTML blockquote took in.
        """
        block = siblings[position]
        html = blank_comments(block.html)
        self.html_links.extend(_anchors(html, block, self.index))
        opened = BLOCKQUOTE_OPEN.search(html)
        url = cite_of(opened.group()) if opened else None
        if opened is None or url is None:
            return position
        texts: list[str] = []
        rest = html[opened.end():]
        last = position
        end = block.end
        closed = BLOCKQUOTE_CLOSE.search(rest)
        texts.append(_TAG.sub(" ", rest[:closed.start()] if closed else rest))
        while closed is None and last + 1 < len(siblings):
            last += 1
            sibling = siblings[last]
            end = sibling.end
            if sibling.kind is BlockKind.HTML:
                closed = BLOCKQUOTE_CLOSE.search(sibling.html)
                part = sibling.html[:closed.start()] if closed else sibling.html
                texts.append(_TAG.sub(" ", part))
            else:
                texts.extend(p.text for b in sibling.descendants() for p in b.prose)
        text = "\n\n".join(" ".join(t.split()) for t in texts if t.strip())
        start = _find(self.index.text, opened.group(), block.start)
        tag_span = self.index.span(start, start + len(opened.group()))
        link = Link(url, "", tag_span, LinkKind.HTML)
        self.html_links.append(link)
        if text:
            quote = Quote(text, self.index.span(start, end), QuoteKind.BLOCK)
            self.placed.append(Placed(Citation(quote, link, None, Binding.CITE), block.start))
        return last


def _find(text: str, fragment: str, near: int) -> int:
    found = text.find(fragment, near)
    return found if found != -1 else near


def _anchors(html: str, block: Block, index: LineIndex) -> list[Link]:
    """``<a href>`` links of a raw HTML block, each found in the file after the last."""
    links = []
    cursor = block.start
    for opened in ANCHOR_OPEN.finditer(html):
        url = href_of(opened.group())
        if url is None:
            continue
        closed = ANCHOR_CLOSE.search(html, opened.end())
        inner = html[opened.end():closed.start()] if closed else ""
        start = _find(index.text, opened.group(), cursor)
        end = start + len(opened.group())
        if closed is not None:
            # Found in the file, not counted in ``html``: a blockquote's ``>`` are not in it.
            close_at = index.text.find(closed.group(), end)
            end = close_at + len(closed.group()) if close_at != -1 else end
        cursor = end
        text = " ".join(_TAG.sub(" ", inner).split())
        links.append(Link(url, text, index.span(start, end), LinkKind.HTML))
    return links


def _intro(previous: Block | None) -> Prose | None:
    """The paragraph a blockquote follows: the block before it, or a list's last one."""
    if previous is None:
        return None
    if previous.kind is BlockKind.PARAGRAPH:
        return previous.prose[0]
    if previous.kind in (BlockKind.LIST, BlockKind.ITEM):
        paragraphs = [b for b in previous.descendants() if b.kind is BlockKind.PARAGRAPH]
        return paragraphs[-1].prose[0] if paragraphs else None
    return None


# After a paragraph's last link: a sentence ends and another begins.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+[\"“‘(]*[A-Z]")
_FINISHED = re.compile(r"[.!?][\"'”’)\]]*$")
# "this passage from _Atlas Shrugged_": another work, named after the link.
_FROM_WORK = re.compile(r"\b(?:from|in)\s+(?:the\s+)?$", re.I)
_QUOTES_WORK = re.compile(r"\b(?:quot|cit|excerpt|reproduc)\w*", re.I)


_LEAD_IN_WORDS = 15


def _leads_in(intro: Prose) -> bool:
    """Whether a paragraph's last link is what the blockquote right after it quotes.

    Not when, after that link, the paragraph finishes another sentence (the writer's
    own point, as in a reply that alternates quotes of the discussion with answers), or
    names another work by an emphasised title: "[my post](url) … reminds me of this
    passage from _Atlas Shrugged_:", or ends its last sentence, a long one, with a full
    stop after the link.
    """
    last = intro.links[-1]
    tail = intro.text[last.end:]
    if _FINISHED.search(tail.rstrip()):
        if _SENTENCE_BREAK.search(tail):
            return False
        # A long sentence ending in a full stop is a statement that cites its link, not a
        # lead-in ("See [the post](url)." is): "…, I [don't think it makes sense](url)."
        sentence = intro.text[sentence_start(intro.text, last.start):]
        says = any(f.author for f in match_claims(Where.INTRO, sentence))  # "X wrote in …"
        if count_words(sentence) > _LEAD_IN_WORDS and not says:
            return False
    for start, end in intro.emphasis:
        named = intro.text[start:end].strip()
        between = intro.text[last.end:start]
        if start >= last.end and named[:1].isupper() and _FROM_WORK.search(between) and not (
            _QUOTES_WORK.search(between)  # "[the post](url) quotes this passage from _X_:"
        ):
            return False
    return True


def intro_claim(prose: Prose) -> ClaimDraft:
    """The claimed author in the paragraph that introduces a blockquote."""
    return draft_from(match_claims(Where.INTRO, prose.text), prose, 0)


def apply_source_directives(placed: list[Placed], directives: list[Directive],
                            index: LineIndex) -> list[Citation]:
    """Rule 1: a ``srclint-source`` comment binds the next quote, in the next block."""
    sources = [d for d in directives if d.kind is DirectiveKind.SOURCE and d.url]
    order = sorted(placed, key=lambda p: _start(p.citation))
    for directive in sources:
        after = index.offset(directive.span.end_line, directive.span.end_column)
        for entry in order:
            quote = entry.citation.quote
            if quote is None or entry.citation.binding is Binding.DIRECTIVE:
                continue
            start = index.offset(quote.span.line, quote.span.column)
            if start < after:
                continue
            if index.text[after:max(after, entry.block_start)].strip():
                break  # the next quote is not in the next block: the comment binds nothing
            link = Link(directive.url or "", directive.url or "", directive.span, LinkKind.HTML)
            entry.citation = Citation(quote, link, entry.citation.claim, Binding.DIRECTIVE)
            break
    return _without_spent_links([p.citation for p in placed])


def _without_spent_links(citations: list[Citation]) -> list[Citation]:
    """Drop a link-only citation when a quote was bound to that same link."""
    quoted = {c.link for c in citations if c.quote is not None and c.link is not None}
    return [c for c in citations if not (c.binding is Binding.LINK_ONLY and c.link in quoted)]


def _start(citation: Citation) -> tuple[int, int]:
    thing = citation.quote or citation.link
    return (thing.span.line, thing.span.column) if thing else (0, 0)

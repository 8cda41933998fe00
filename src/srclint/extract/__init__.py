"""Extraction: a Markdown draft's links, quotations, claims and directives.

``parse(path, text)`` is pure and total: any text gives a ``Document`` whose spans all
lie inside the text. Only this package imports markdown-it, so importing srclint stays
cheap until a draft is actually read.
"""

from __future__ import annotations

from srclint.model import Citation, Directive, Document, Heading, Link

__all__ = ["parse"]


def parse(path: str, text: str, *, min_quote_words: int = 5) -> Document:
    """Everything srclint reads from one draft.

    ``min_quote_words``: the fewest words an inline quoted run needs to count as a
    quotation (shorter runs are scare quotes or titles).
    """
    from srclint.extract.binding import Binder, apply_source_directives
    from srclint.extract.blocks import BlockKind, build_tree
    from srclint.extract.directives import find_directives
    from srclint.extract.headings import unique_slugs
    from srclint.extract.spans import LineIndex, normalize_newlines
    from srclint.extract.tokens import parse_tokens

    source = normalize_newlines(text)
    index = LineIndex(source)
    root = build_tree(parse_tokens(source), index)
    blocks = root.descendants()

    links: list[Link] = []
    directives: list[Directive] = []
    footnotes: dict[str, Link | None] = {}
    heading_blocks = []
    for block in blocks:
        for prose in block.prose:
            links.extend(link.link for link in prose.links)
            for fragment in prose.html:
                directives.extend(find_directives(fragment.html, fragment.file_start, index))
        if block.kind is BlockKind.HTML:
            directives.extend(find_directives(block.html, block.start, index))
        elif block.kind is BlockKind.FOOTNOTE:
            inside = [link for b in block.descendants() for p in b.prose for link in p.links]
            footnotes.setdefault(block.label, inside[0].link if inside else None)
        elif block.kind is BlockKind.HEADING and not block.inside(BlockKind.BLOCKQUOTE):
            heading_blocks.append(block)

    binder = Binder(index, max(1, min_quote_words), footnotes)
    binder.walk(root)
    links.extend(binder.html_links)
    citations = apply_source_directives(binder.placed, sorted(directives, key=_where), index)

    slugs = unique_slugs([b.prose[0].text for b in heading_blocks])
    headings = [
        Heading(slug, index.span(b.prose[0].file_start, b.prose[0].file_end))
        for slug, b in zip(slugs, heading_blocks, strict=True)
    ]
    return Document(
        path=path,
        links=tuple(sorted(links, key=_where)),
        citations=tuple(sorted(citations, key=_citation_where)),
        directives=tuple(sorted(directives, key=_where)),
        headings=tuple(headings),
    )


def _where(item: Link | Directive) -> tuple[int, int, int, int]:
    span = item.span
    return span.line, span.column, span.end_line, span.end_column


def _citation_where(citation: Citation) -> tuple[int, int, int, int]:
    thing = citation.quote or citation.link
    if thing is None:
        return (0, 0, 0, 0)
    span = thing.span
    return span.line, span.column, span.end_line, span.end_column

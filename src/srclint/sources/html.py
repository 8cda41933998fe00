"""Any web page: visible text, title and authors from the page's own metadata.

Last in the registry: it matches every URL.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from srclint.model import Author, Fetched, FetchStatus, Request, Source
from srclint.sources.base import charset, decode_text, media_type

# beautifulsoup4 (with lxml and soupsieve) costs about 70 ms to import: it is imported
# where a page is parsed, so a run that only checks links never pays for it.
if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag
    from bs4.element import NavigableString

NAME = "html"

# fmt: off
# Never prose a reader sees on the page.
_DROP = (
    "script", "style", "noscript", "template", "svg", "nav", "aside", "iframe", "head",
    "button", "select", "textarea",
)
# Page chrome, dropped unless it sits inside the article itself (an article's own header
# holds its title and byline, which a quote may well cover).
_CHROME = ("header", "footer")
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr",
    "td", "th", "figure", "figcaption", "hr", "address", "details", "summary", "form",
    "fieldset", "center",
})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_ARTICLE_TYPES = frozenset({
    "Article", "BlogPosting", "NewsArticle", "ScholarlyArticle", "Report", "TechArticle",
    "SocialMediaPosting", "DiscussionForumPosting", "OpinionNewsArticle", "AnalysisNewsArticle",
})
# fmt: on
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ")


def matches(url: str) -> bool:
    return True


def plan(url: str) -> list[Request]:
    return [Request(url)]


def parse(url: str, fetched: Fetched) -> Source | None:
    """A page's text and metadata; None when there is no page (the fetch failed)."""
    if fetched.status is not FetchStatus.OK or not fetched.body:
        return None
    kind = media_type(fetched.content_type)
    if kind == "text/plain":
        return Source(
            url=url,
            canonical_url=fetched.final_url or url,
            adapter=NAME,
            title=None,
            authors=(),
            published=None,
            text=decode_text(fetched).strip(),
            complete=True,
        )
    if kind and kind not in ("text/html", "application/xhtml+xml"):
        return None
    soup = soup_of(fetched)
    return page_source(url, fetched.final_url or url, soup)


def soup_of(fetched: Fetched) -> BeautifulSoup:
    """Parse a fetched HTML body, decoding it by the header's charset, else the page's meta."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(fetched.body, "lxml", from_encoding=charset(fetched.content_type))


def page_source(url: str, page_url: str, soup: BeautifulSoup, adapter: str = NAME) -> Source:
    """A ``Source`` for an HTML page: metadata first (it reads ``<head>``), then text."""
    meta = _Meta(soup)
    title = meta.title()
    authors = meta.authors()
    published = meta.published()
    canonical = meta.canonical(page_url)
    return Source(
        url=url,
        canonical_url=canonical,
        adapter=adapter,
        title=title,
        authors=authors,
        published=published,
        text=visible_text(soup),
        complete=True,
    )


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (a post body from an API), paragraphs as blank lines."""
    from bs4 import BeautifulSoup

    return visible_text(BeautifulSoup(markup, "lxml"))


# --- text -------------------------------------------------------------------------------


def visible_text(root: Tag) -> str:
    """What a reader sees: hidden and non-prose elements removed, one blank line per block.

    Modifies ``root`` (dropped elements are removed from the tree).
    """
    for element in list(root.find_all(True)):
        if element.decomposed:
            continue
        chrome = element.name in _CHROME and element.find_parent(("article", "main")) is None
        if chrome or element.name in _DROP or _is_hidden(element):
            element.decompose()
    blocks: list[str] = []
    current: list[str] = []
    for piece in _pieces(root):
        if piece is _BREAK:
            _flush(current, blocks)
        else:
            current.append(piece)
    _flush(current, blocks)
    return "\n\n".join(blocks)


_BREAK = "\x00block\x00"
_LINE = "\x00line\x00"


# A footnote mark: <sup>1</sup>, <sup>[12]</sup>, <sup>*</sup>, <sup>†</sup>.
_FOOTNOTE_MARK = re.compile(r"^\[?(?:\d{1,3}|[*†‡§¶]{1,3}|[a-z])\]?$")


def _is_footnote_ref(sup: Tag) -> bool:
    """A ``<sup>`` that marks a footnote (a link, or a footnote or reference class), not an
    exponent (``x<sup>2</sup>``)."""
    classes = " ".join(str(c) for c in (sup.get("class") or [])).lower()
    return sup.find("a") is not None or any(w in classes for w in ("foot", "ref", "note"))


def _pieces(root: Tag) -> Iterator[str]:
    """Text runs and block boundaries in document order (iterative: pages nest deeply)."""
    from bs4 import Tag
    from bs4.element import NavigableString, PreformattedString

    stack: list[tuple[Tag | NavigableString, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):  # comments, doctypes, CDATA
                yield str(node)
            continue
        if closing:
            yield _BREAK
            continue
        if node.name == "br":
            yield _LINE
            continue
        if node.name == "sup" and _is_footnote_ref(node):
            mark = node.get_text().strip()
            if _FOOTNOTE_MARK.match(mark):
                # Glued to the word before ("outputs<sup>1</sup>"): kept apart as a
                # reference mark, which quotes may leave out.
                yield f" [{mark.strip('[]')}]"
                continue
        if node.name == "q":  # the browser draws the quotation marks
            stack.append((NavigableString("”"), False))
            for child in reversed(node.contents):
                if isinstance(child, Tag | NavigableString):
                    stack.append((child, False))
            yield "“"
            continue
        if node.name == "pre":
            yield _BREAK
            yield _LINE.join(node.get_text().split("\n"))
            yield _BREAK
            continue
        block = node.name in _BLOCKS
        if block:
            yield _BREAK
            stack.append((node, True))
        for child in reversed(node.contents):
            if isinstance(child, Tag | NavigableString):
                stack.append((child, False))


def _flush(current: list[str], blocks: list[str]) -> None:
    if not current:
        return
    lines = [" ".join(line.split()) for line in "".join(current).split(_LINE)]
    text = "\n".join(line for line in lines if line)
    if text:
        blocks.append(text)
    current.clear()


def _is_hidden(element: Tag) -> bool:
    if element.attrs is None:
        return False
    if element.has_attr("hidden"):
        return True
    if str(element.get("aria-hidden", "")).lower() == "true":
        return True
    style = element.get("style")
    return isinstance(style, str) and bool(_HIDDEN_STYLE.search(style))


# --- metadata ---------------------------------------------------------------------------


class _Meta:
    """The page's metadata sources, read in the priority order of SOURCES.md §6."""

    def __init__(self, soup: BeautifulSoup) -> None:
        self.soup = soup
        self.tags: dict[str, list[str]] = {}
        for tag in soup.find_all("meta"):
            key = tag.get("name") or tag.get("property") or tag.get("itemprop")
            content = tag.get("content")
            if isinstance(key, str) and isinstance(content, str) and content.strip():
                self.tags.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
        nodes = list(_json_ld_nodes(soup))
        self.ld = [node for node in nodes if _is_article(node)]
        # Authors are often references to a Person elsewhere in the graph (Yoast SEO).
        self.ld_ids = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str)}

    def first(self, *keys: str) -> str | None:
        for key in keys:
            values = self.tags.get(key)
            if values:
                return values[0]
        return None

    def title(self) -> str | None:
        for item in self.ld:
            for key in ("headline", "name"):
                value = item.get(key)
                if isinstance(value, str) and value.strip():
                    return " ".join(html_lib.unescape(value).split())
        site_name = self.first("og:site_name")
        found = self.first("citation_title", "dc.title")
        if found:
            return found
        found = self.first("og:title", "twitter:title")
        if found:  # og:title sometimes carries the site name too; strip it only when known
            return strip_site_suffix(found, site_name) if site_name else found
        if self.soup.title is None:
            return None
        title = " ".join(self.soup.title.get_text().split())
        return strip_site_suffix(title, site_name) or None

    def authors(self) -> tuple[Author, ...]:
        handle = _handle(self.first("twitter:creator"))
        for item in self.ld:
            names = _ld_author_names(item.get("author"), self.ld_ids)
            if names:
                return _with_handle(names, handle)
        for key in ("citation_author", "dc.creator", "author", "article:author", "parsely-author"):
            names = [
                name
                for value in self.tags.get(key, [])
                if (name := _clean_author(value)) is not None
            ]
            if names:
                return _with_handle(names, handle)
        if handle:
            return (Author(name=handle, handle=handle),)
        return ()

    def published(self) -> str | None:
        for item in self.ld:
            value = item.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value.strip()
        return self.first(
            "citation_publication_date",
            "citation_date",
            "citation_online_date",
            "article:published_time",
            "dc.date",
            "date",
        )

    def canonical(self, page_url: str) -> str:
        from bs4 import Tag

        link = self.soup.find("link", rel="canonical")
        href = link.get("href") if isinstance(link, Tag) else None
        if isinstance(href, str) and href.strip():
            return urljoin(page_url, href.strip())
        og = self.first("og:url")
        if og and og.startswith(("http://", "https://")):
            return og
        return page_url


def strip_site_suffix(title: str, site_name: str | None) -> str:
    """``Post title | Site`` → ``Post title``: drop a trailing site name from a ``<title>``."""
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if not found or not head.strip():
            continue
        tail = tail.strip()
        if site_name and tail.casefold() == site_name.strip().casefold():
            return head.strip()
        # Without a site name to compare, only a short tail is taken for one.
        if not site_name and len(tail.split()) <= 3 and len(tail) < len(head):
            return head.strip()
    return title


def _json_ld_nodes(soup: BeautifulSoup) -> Iterator[dict[str, object]]:
    """Every object of the page's JSON-LD, ``@graph`` members and list items included."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        yield from _ld_flatten(data)


def _ld_flatten(data: object) -> Iterator[dict[str, object]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_flatten(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _ld_flatten(graph)


def _is_article(node: dict[str, object]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k in _ARTICLE_TYPES for k in kinds)


def _ld_author_names(value: object, by_id: dict[str, dict[str, object]]) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict) and not item.get("name") and isinstance(item.get("@id"), str):
            item = by_id.get(str(item["@id"]), item)
        raw = item.get("name") if isinstance(item, dict) else item
        if isinstance(raw, str) and (name := _clean_author(html_lib.unescape(raw))) is not None:
            names.append(name)
    return names


def _clean_author(value: str) -> str | None:
    """A person's name from a metadata value; None for a profile URL or an empty value."""
    value = " ".join(value.split())
    if not value or value.startswith(("http://", "https://", "/")):
        return None
    if value.lower().startswith("by "):
        value = value[3:].strip()
    return value or None


def _handle(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().lstrip("@")
    return value or None


def _with_handle(names: list[str], handle: str | None) -> tuple[Author, ...]:
    if handle and len(names) == 1:
        return (Author(name=names[0], handle=handle),)
    return tuple(Author(name=name) for name in dict.fromkeys(names))

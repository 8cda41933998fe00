"""arXiv papers: metadata and abstract from the export API, full text on demand.

All arXiv ids of a run go into one ``id_list`` query (arXiv asks for one API request every
3 seconds). The abstract is partial text; when a quote is not in it, the full text is
fetched from ``arxiv.org/html/<id>`` (LaTeXML, papers since late 2023), else the PDF.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlsplit
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from srclint.model import Author, Fetched, FetchStatus, Freshness, Request, Source
from srclint.sources import html as html_adapter
from srclint.sources import pdf
from srclint.sources.base import media_type, status_source

NAME = "arxiv"
API = "https://export.arxiv.org/api/query"
API_INTERVAL = 3.0  # seconds between API requests, per arXiv's terms of use
BATCH_SIZE = 100  # ids per id_list query, to keep the URL short

_ATOM = "{http://www.w3.org/2005/Atom}"
_HOSTS = frozenset({"arxiv.org", "www.arxiv.org", "export.arxiv.org", "browse.arxiv.org"})
_NEW_ID = r"\d{4}\.\d{4,5}"
# Old-style ids: archive[.SUBJECT-CLASS]/YYMMNNN; the API answers only archive/YYMMNNN.
_OLD_ID = r"[a-z][a-z\-]*(?:\.[A-Za-z\-]{2,})?/\d{7}"
_PATH = re.compile(
    rf"^/(?:abs|pdf|html|format)/(?P<id>{_NEW_ID}|{_OLD_ID})(?P<version>v\d+)?"
    r"(?:\.pdf)?/?$"
)
_ENTRY_ID = re.compile(rf"arxiv\.org/abs/(?P<id>{_NEW_ID}|{_OLD_ID})(?P<version>v\d+)?$")


@dataclass(frozen=True, slots=True)
class Paper:
    """An arXiv id as the API knows it (``hep-th/9901001``, ``2206.06921``), and a version."""

    id: str
    version: str | None  # "v3", or None for the latest

    @property
    def versioned(self) -> str:
        return self.id + (self.version or "")


def paper(url: str) -> Paper | None:
    parts = urlsplit(url.strip())
    if (parts.hostname or "").lower() not in _HOSTS:
        return None
    found = _PATH.match(parts.path)
    if found is None:
        return None
    return Paper(_canonical_id(found.group("id")), found.group("version"))


def _canonical_id(raw: str) -> str:
    if "/" in raw:  # cond-mat.mes-hall/0211022 → cond-mat/0211022
        archive, number = raw.split("/", 1)
        return f"{archive.split('.', 1)[0].lower()}/{number}"
    return raw


def matches(url: str) -> bool:
    return paper(url) is not None


def api_request(ids: list[str]) -> Request:
    versioned = all(re.search(r"v\d+$", i) for i in ids)
    return Request(
        f"{API}?id_list={','.join(ids)}&max_results={len(ids)}",
        freshness=Freshness.IMMUTABLE if versioned else Freshness.POST,
        host_interval=API_INTERVAL,
    )


def abs_url(found: Paper) -> str:
    return f"https://arxiv.org/abs/{found.versioned}"


def plan(url: str) -> list[Request]:
    """The export API, then the abstract page's Highwire tags when the API cannot answer."""
    found = paper(url)
    if found is None:
        return []
    return [api_request([found.versioned]), Request(abs_url(found), freshness=Freshness.POST)]


def batch(requests: Mapping[str, Request]) -> dict[str, Request]:
    """Put every API request of a round into as few ``id_list`` queries as possible."""
    merged: dict[str, Request] = {}
    ids_of: dict[str, list[str]] = {}
    for url, request in requests.items():
        if request.url.startswith(API + "?"):
            ids_of[url] = parse_qs(urlsplit(request.url).query).get("id_list", [""])[0].split(",")
        else:
            merged[url] = request
    unique = list(dict.fromkeys(i for ids in ids_of.values() for i in ids if i))
    chunks = [unique[n : n + BATCH_SIZE] for n in range(0, len(unique), BATCH_SIZE)]
    by_id = {i: api_request(chunk) for chunk in chunks for i in chunk}
    for url, ids in ids_of.items():
        merged[url] = by_id[ids[0]] if ids and ids[0] in by_id else requests[url]
    return merged


# --- Atom -------------------------------------------------------------------------------


def parse(url: str, fetched: Fetched) -> Source | None:
    """The paper's entry in an API answer; found only when an entry's ``<id>`` matches.

    Both backends' shapes are read (SOURCES.md §3): the legacy one counts unknown ids in
    ``totalResults`` and emits empty ``<entry>``s for them, so neither is trusted.
    """
    wanted = paper(url)
    if wanted is None:
        return None
    if not fetched.url.startswith(API + "?"):
        return parse_abs_page(url, wanted, fetched)
    if fetched.status is not FetchStatus.OK or not fetched.body:
        return None
    try:
        feed = ElementTree.fromstring(fetched.body)
    except (ElementTree.ParseError, DefusedXmlException):
        return None  # "Rate exceeded." or an HTML error page
    if feed.tag != f"{_ATOM}feed":
        return None
    for entry in feed.iter(f"{_ATOM}entry"):
        entry_id = _ENTRY_ID.search(_text(entry, "id"))
        if entry_id is None or _canonical_id(entry_id.group("id")) != wanted.id:
            continue
        if wanted.version and entry_id.group("version") != wanted.version:
            continue
        versioned = entry_id.group("id") + (entry_id.group("version") or "")
        return _abstract_source(url, entry, versioned)
    return status_source(url, NAME, FetchStatus.NOT_FOUND, f"arXiv has no paper {wanted.versioned}")


def _text(entry: Element, tag: str) -> str:
    element = entry.find(f"{_ATOM}{tag}")
    return " ".join((element.text or "").split()) if element is not None else ""


def _abstract_source(url: str, entry: Element, versioned: str) -> Source:
    authors = tuple(
        Author(name=" ".join((name.text or "").split()))
        for author in entry.findall(f"{_ATOM}author")
        if (name := author.find(f"{_ATOM}name")) is not None and (name.text or "").strip()
    )
    return Source(
        url=url,
        canonical_url=f"https://arxiv.org/abs/{versioned}",
        adapter=NAME,
        title=_text(entry, "title") or None,
        authors=authors,
        published=_text(entry, "published") or None,
        text=_text(entry, "summary"),
        complete=False,
        note=f"abstract only (arXiv {versioned})",
    )


# --- abstract page --------------------------------------------------------------------


def parse_abs_page(url: str, wanted: Paper, fetched: Fetched) -> Source | None:
    """The abs page's ``citation_*`` tags: title, authors ("Last, First"), abstract."""
    if fetched.http_status in (404, 410):
        return status_source(
            url, NAME, FetchStatus.NOT_FOUND, f"arXiv has no paper {wanted.versioned}"
        )
    if fetched.status is not FetchStatus.OK or not fetched.body:
        return None
    soup = html_adapter.soup_of(fetched)
    meta: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        name, content = tag.get("name"), tag.get("content")
        if isinstance(name, str) and isinstance(content, str) and content.strip():
            meta.setdefault(name, []).append(" ".join(content.split()))
    if "citation_title" not in meta:
        return None
    authors = tuple(Author(name=_first_last(name)) for name in meta.get("citation_author", []))
    return Source(
        url=url,
        canonical_url=abs_url(wanted),
        adapter=NAME,
        title=meta["citation_title"][0],
        authors=authors,
        published=next(
            iter(meta.get("citation_date") or meta.get("citation_online_date") or []), None
        ),
        text=(meta.get("citation_abstract") or [""])[0],
        complete=False,
        note=f"abstract only (arXiv {wanted.versioned}, abs page)",
    )


def _first_last(name: str) -> str:
    """``Rutar, Alex`` → ``Alex Rutar``, as the API spells names."""
    last, comma, first = name.partition(", ")
    return f"{first} {last}" if comma and first else name


# --- full text --------------------------------------------------------------------------


def full_text_plan(url: str, source: Source) -> list[Request]:
    if source.complete or source.adapter != NAME:
        return []
    versioned = source.canonical_url.rsplit("/abs/", 1)[-1]
    return [
        Request(f"https://arxiv.org/html/{versioned}", freshness=Freshness.IMMUTABLE),
        Request(f"https://arxiv.org/pdf/{versioned}", freshness=Freshness.IMMUTABLE),
    ]


def parse_full_text(url: str, partial: Source, fetched: Fetched) -> Source | None:
    """The abstract's metadata with the paper's full text from its HTML or PDF rendering."""
    if fetched.status is not FetchStatus.OK or not fetched.body:
        return None
    if pdf.is_pdf(fetched):
        text = pdf.extract(fetched.body).text
    elif media_type(fetched.content_type) in ("text/html", "application/xhtml+xml", ""):
        soup = html_adapter.soup_of(fetched)
        # LaTeXML puts the paper in <article class="ltx_document">; the rest is arXiv chrome.
        article = soup.find("article") or soup
        for math in article.find_all("math"):  # MathML reads as noise; its TeX as written
            alttext = math.get("alttext")
            math.replace_with(alttext if isinstance(alttext, str) else "")
        text = html_adapter.visible_text(article)
    else:
        return None
    if not text.strip():
        return None
    versioned = partial.canonical_url.rsplit("/abs/", 1)[-1]
    # The abstract as the abs page shows it stays part of the text: the rendered paper's
    # own abstract may be worded or typeset differently (LaTeX, another version).
    return replace(
        partial,
        text=f"{partial.text}\n\n{text}" if partial.text else text,
        complete=True,
        note=f"full text (arXiv {versioned}, {fetched.url})",
    )

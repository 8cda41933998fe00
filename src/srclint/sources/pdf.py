"""PDF documents: any response with a PDF content type, whatever its URL."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from srclint.model import Author, Fetched, FetchStatus, Request, Source
from srclint.sources import html as html_adapter
from srclint.sources.base import media_type

NAME = "pdf"

_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf", "application/acrobat"})
# A word broken at a line end: "hyphen-\nation". Joined only when the next line goes on in
# lower case, so "Smith-\nJones" and list dashes are left alone.
_HYPHENATED = re.compile(r"(?<=[^\W\d_])[-\u00ad][ \t]*\n[ \t]*(?=[^\W\d_])")


def matches(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(".pdf")


def plan(url: str) -> list[Request]:
    return [Request(url)]


def is_pdf(fetched: Fetched) -> bool:
    return media_type(fetched.content_type) in _PDF_TYPES or fetched.body.startswith(b"%PDF-")


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None
    authors: tuple[Author, ...]
    published: str | None
    note: str = ""


def parse(url: str, fetched: Fetched) -> Source | None:
    if fetched.status is not FetchStatus.OK or not fetched.body:
        return None
    if not is_pdf(fetched):
        # A .pdf URL that answers with a page (a landing page, a login wall).
        return html_adapter.parse(url, fetched)
    extracted = extract(fetched.body)
    return Source(
        url=url,
        canonical_url=fetched.final_url or url,
        adapter=NAME,
        title=extracted.title,
        authors=extracted.authors,
        published=extracted.published,
        text=extracted.text,
        # A PDF with no text layer (a scan) or one pypdf cannot read is not evidence that a
        # quote is absent.
        complete=bool(extracted.text.strip()),
        note=extracted.note,
    )


def extract(body: bytes) -> Extracted:
    """Text of every page (pages separated by a blank line) and the document info."""
    try:
        from pypdf import PdfReader  # imported on first use: most runs read no PDF

        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except Exception as error:  # pypdf raises many types on damaged files
        return Extracted("", None, (), None, f"could not read the PDF: {type(error).__name__}")
    text = join_hyphenated("\n\n".join(page.strip() for page in pages if page.strip()))
    title = _info(info, "title")
    author = _info(info, "author")
    names = re.split(r";|\band\b", author or "")
    authors = tuple(Author(name=name.strip()) for name in names if name.strip())
    note = "" if text.strip() else "no text layer in the PDF"
    return Extracted(text, title, authors, None, note)


def _info(info: object, key: str) -> str | None:
    value = getattr(info, key, None) if info is not None else None
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def join_hyphenated(text: str) -> str:
    """Join words hyphenated across a line end when the next line continues in lower case."""

    def join(match: re.Match[str]) -> str:
        rest = text[match.end() : match.end() + 1]
        return "" if rest.islower() else match.group(0)

    return _HYPHENATED.sub(join, text)

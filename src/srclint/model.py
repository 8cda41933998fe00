"""Immutable records shared by every stage of srclint.

This module imports nothing from srclint: every other module may import it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A region of a file: 1-based lines, 1-based columns counted in characters.

    ``end_column`` is exclusive (one past the last character), like SARIF's ``endColumn``.
    """

    line: int
    column: int
    end_line: int
    end_column: int


class LinkKind(StrEnum):
    INLINE = "inline"
    REFERENCE = "reference"
    AUTOLINK = "autolink"
    BARE = "bare"
    FOOTNOTE = "footnote"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class Link:
    """A link in a draft: its target as written, the visible text and where it is."""

    url: str
    text: str
    span: Span
    kind: LinkKind


class QuoteKind(StrEnum):
    BLOCK = "block"
    INLINE = "inline"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation as a reader sees it: markup removed, paragraphs joined by a blank line."""

    text: str
    span: Span
    kind: QuoteKind


@dataclass(frozen=True, slots=True)
class Claim:
    """What the draft says about a source: a named author or handle, and/or a title."""

    author: str | None
    title: str | None
    span: Span


class Binding(StrEnum):
    """Why a quote and a link were joined (ARCHITECTURE §3), in rule order."""

    DIRECTIVE = "directive"  # rule 1: <!-- srclint-source: URL -->
    CITE = "cite"  # <blockquote cite="URL">
    ATTRIBUTION = "attribution"  # rule 2: last line of the blockquote names the source
    PRECEDING = "preceding"  # rule 3: last link of the paragraph before the blockquote
    ADJACENT = "adjacent"  # rule 4: link text, link or footnote right after, same sentence
    UNSOURCED = "unsourced"  # rule 5: no link
    LINK_ONLY = "link-only"  # a link with a claim but no quote (e.g. a claimed title)


@dataclass(frozen=True, slots=True)
class Citation:
    """A quote and/or claim bound to a link, with the rule that bound them."""

    quote: Quote | None
    link: Link | None
    claim: Claim | None
    binding: Binding


class DirectiveKind(StrEnum):
    SOURCE = "source"
    DISABLE = "disable"
    ENABLE = "enable"
    DISABLE_LINE = "disable-line"
    DISABLE_NEXT_LINE = "disable-next-line"
    DISABLE_FILE = "disable-file"


@dataclass(frozen=True, slots=True)
class Directive:
    """A ``<!-- srclint-… -->`` comment. ``codes`` are as written (codes or names); empty = all."""

    kind: DirectiveKind
    codes: tuple[str, ...]
    span: Span
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading's GitHub-style anchor slug, for checking ``#fragment`` links."""

    slug: str
    span: Span


@dataclass(frozen=True, slots=True)
class Document:
    """Everything srclint reads from one Markdown file."""

    path: str
    links: tuple[Link, ...]
    citations: tuple[Citation, ...]
    directives: tuple[Directive, ...] = ()
    headings: tuple[Heading, ...] = ()

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return tuple(c.quote for c in self.citations if c.quote is not None)


class FetchStatus(StrEnum):
    OK = "ok"
    NOT_FOUND = "not_found"
    GONE = "gone"
    DELETED = "deleted"
    PRIVATE = "private"
    SUSPENDED = "suspended"
    RATE_LIMITED = "rate_limited"
    BLOCKED = "blocked"
    TIMEOUT = "timeout"
    UNREACHABLE = "unreachable"
    TOO_LARGE = "too_large"
    REFUSED = "refused"
    UNSUPPORTED = "unsupported"
    SOFT_404 = "soft_404"
    SERVER_ERROR = "server_error"
    NOT_CHECKED = "not_checked"


# What a status means for a link: it is dead, alive, or we could not tell.
DEAD_STATUSES = frozenset(
    {FetchStatus.NOT_FOUND, FetchStatus.GONE, FetchStatus.DELETED, FetchStatus.SOFT_404}
)
ALIVE_STATUSES = frozenset({FetchStatus.OK, FetchStatus.UNSUPPORTED})


class Freshness(StrEnum):
    """How long a cached response stays fresh: per kind of source (ARCHITECTURE §4)."""

    IMMUTABLE = "immutable"  # tweets, arXiv versions: long
    POST = "post"  # blog and forum posts: days
    LINK = "link"  # link status only: hours


@dataclass(frozen=True, slots=True)
class Request:
    """One HTTP request to make. ``url`` is the key ``Fetched`` results are returned under."""

    url: str
    method: str = "GET"
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None
    freshness: Freshness = Freshness.POST
    need_body: bool = True  # False: a link check only (HEAD first, GET if HEAD is refused)
    host_interval: float = 0.0  # minimum seconds between requests to this host (arXiv: 3)


@dataclass(frozen=True, slots=True)
class Redirect:
    """One hop of a redirect chain."""

    url: str
    http_status: int
    location: str


@dataclass(frozen=True, slots=True)
class Fetched:
    """The outcome of fetching one URL. Network trouble is a status, never an exception."""

    url: str
    final_url: str
    status: FetchStatus
    http_status: int | None = None
    content_type: str = ""
    body: bytes = b""
    error: str = ""
    redirects: tuple[Redirect, ...] = ()
    from_cache: bool = False
    elapsed: float = 0.0
    headers: Mapping[str, str] = field(default_factory=dict)
    archived: str | None = None  # a Wayback snapshot suggested for a dead link

    @property
    def ok(self) -> bool:
        return self.status is FetchStatus.OK


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    handle: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """What a URL points to, as text and metadata."""

    url: str
    canonical_url: str
    adapter: str
    title: str | None
    authors: tuple[Author, ...]
    published: str | None
    text: str
    complete: bool
    note: str = ""
    status: FetchStatus = FetchStatus.OK


class Verdict(StrEnum):
    EXACT = "exact"
    FOLDED = "folded"
    ALTERED = "altered"
    MISSING = "missing"
    UNVERIFIABLE = "unverifiable"


class DiffTag(StrEnum):
    EQUAL = "equal"
    REPLACE = "replace"
    DELETE = "delete"  # in the source, not in the quote (the quote dropped it)
    INSERT = "insert"  # in the quote, not in the source (the quote added it)


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step of a word diff: ``quote`` words against ``source`` words."""

    tag: DiffTag
    quote: str
    source: str


@dataclass(frozen=True, slots=True)
class Alignment:
    """How a quote lines up with a source text."""

    verdict: Verdict
    score: float
    source_span: tuple[int, int] | None = None  # character offsets into Source.text
    closest: str = ""
    diff: tuple[DiffOp, ...] = ()
    notes: tuple[str, ...] = ()  # called-out changes, e.g. 'negation: "is" → "isn\'t"'


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found, at a place in a file."""

    code: str
    name: str
    level: Level
    message: str
    path: str
    span: Span
    url: str | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Checked:
    """One thing checked in a file — a link or a citation — for reports that list every
    check (JUnit). A finding belongs to it when the finding's span is one of ``spans``."""

    kind: str  # "link" or "citation"
    label: str  # the URL, or the quotation's first words
    spans: tuple[Span, ...]  # the first is where it is; then its claim's, if any


@dataclass(frozen=True, slots=True)
class FileReport:
    """The findings for one file, sorted by position, with what was counted."""

    path: str
    findings: tuple[Finding, ...]
    links: int = 0
    quotes: int = 0
    citations: int = 0
    error: str | None = None  # a file that could not be read: one line saying why
    checked: tuple[Checked, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    """A citation's claims compared with its source's metadata. ``None`` = nothing to compare."""

    claimed_author: str | None = None
    author_matches: bool | None = None
    claimed_title: str | None = None
    title_matches: bool | None = None
    source_authors: tuple[Author, ...] = ()
    source_title: str | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """The result of one ``srclint check``: a report per file and what fetching did."""

    reports: tuple[FileReport, ...]
    fetched: int = 0
    cached: int = 0
    failed: int = 0

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for r in self.reports for f in r.findings)

    def count(self, level: Level) -> int:
        return sum(1 for f in self.findings if f.level is level)

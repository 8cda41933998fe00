"""Orchestration: files → documents → unique URLs → fetch → sources → match/attribute →
rules → suppressions → sorted reports. The only stage that knows all the others."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urlsplit

from srclint.drafts import (
    Draft,
    UsageError,
    collect_files,
    extract_documents,
    load_drafts,
    read_draft,
)
from srclint.fetch.settings import FetchSettings
from srclint.model import (
    DEAD_STATUSES,
    Alignment,
    Binding,
    Checked,
    Citation,
    Document,
    Fetched,
    FileReport,
    Finding,
    Link,
    Run,
    Source,
    Verdict,
)
from srclint.rules import RULES
from srclint.rules.base import Elsewhere, Subject

if TYPE_CHECKING:
    from srclint.fetch import Fetcher
    from srclint.match import PreparedSource

FOUND = (Verdict.EXACT, Verdict.FOLDED)


@dataclass(frozen=True)
class LintOptions:
    config_path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_quote_words: int | None = None
    fetch: FetchSettings = field(default_factory=FetchSettings)
    no_fetch: bool = False
    progress: Callable[[int, int], None] | None = None


# --- links and sources ---------------------------------------------------------------


def _is_web(url: str) -> bool:
    return urlsplit(url).scheme.lower() in ("http", "https")


def _is_local(url: str) -> bool:
    """A link to a file beside the draft. A root-relative path (``/2020/post/``) points into
    the site the draft will be published on, which srclint cannot know: not checked."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return False
    return bool(parts.path or parts.fragment)


def _key(url: str) -> str:
    """The URL that is fetched for a link: without its ``#fragment``."""
    return urldefrag(url)[0]


def _needs_text(citation: Citation) -> bool:
    return citation.link is not None and (citation.quote is not None or citation.claim is not None)


@dataclass
class _Sources:
    """What the run knows about each URL; each source's text is prepared once, and each
    quote aligned with it once."""

    fetched: dict[str, Fetched] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    prepared: dict[str, PreparedSource] = field(default_factory=dict)
    alignments: dict[tuple[str, str], Alignment | None] = field(default_factory=dict)

    def set_source(self, url: str, source: Source) -> None:
        """Record ``source`` for ``url``, forgetting what was computed from an earlier one
        (an arXiv abstract replaced by the full text)."""
        if self.sources.get(url) is not source:
            self.sources[url] = source
            self.prepared.pop(url, None)
            self.alignments = {k: v for k, v in self.alignments.items() if k[1] != url}

    def prepare(self, url: str) -> PreparedSource | None:
        from srclint.match import prepare

        source = self.sources.get(url)
        if source is None or not source.text:
            return None
        if url not in self.prepared:
            self.prepared[url] = prepare(source.text)
        return self.prepared[url]

    def align(self, quote: str, url: str) -> Alignment | None:
        key = (quote, url)
        if key not in self.alignments:
            self.alignments[key] = self._align(quote, url)
        return self.alignments[key]

    def _align(self, quote: str, url: str) -> Alignment | None:
        from srclint.match import find

        source = self.sources.get(url)
        if source is None:
            return None
        prepared = self.prepare(url)
        if prepared is None:
            return Alignment(Verdict.UNVERIFIABLE, 0.0)
        return find(quote, prepared, complete=source.complete)


def _resolve(
    targets: Mapping[str, bool], fetcher: object, known: _Sources,
    wants_full_text: Callable[[str, Source], bool] | None,
) -> None:
    from srclint.sources import resolve

    todo = {url: text for url, text in targets.items()
            if url not in known.fetched or (text and url not in known.sources)}
    if not todo:
        return
    for url, resolved in resolve(todo, fetcher, wants_full_text=wants_full_text).items():  # type: ignore[arg-type]
        known.fetched[url] = resolved.fetched
        if resolved.source is not None:
            known.set_source(url, resolved.source)


def _fetch_all(
    drafts: Sequence[Draft], options: LintOptions
) -> tuple[_Sources, tuple[int, int, int]]:
    from srclint.fetch import Fetcher, tally

    known = _Sources()
    targets: dict[str, bool] = {}
    quotes_by_url: dict[str, list[str]] = {}
    for draft in drafts:
        if draft.document is None:
            continue
        for link in draft.document.links:
            if _is_web(link.url):
                targets.setdefault(_key(link.url), False)
        for citation in draft.document.citations:
            if citation.link is not None and _is_web(citation.link.url) and _needs_text(citation):
                key = _key(citation.link.url)
                targets[key] = True
                if citation.quote is not None:
                    quotes_by_url.setdefault(key, []).append(citation.quote.text)

    def wants_full_text(url: str, source: Source) -> bool:
        """A partial source (an abstract) is worth completing when a quote is not in it."""
        known.set_source(url, source)
        return any(
            (a := known.align(q, url)) is None or a.verdict not in FOUND
            for q in quotes_by_url.get(url, ())
        )

    settings = replace(options.fetch, progress=options.progress)
    with Fetcher(settings) as fetcher:
        _resolve(targets, fetcher, known, wants_full_text)
        # Quotes not in their own source (or with none) are looked for in the other sources
        # the same draft cites: fetch those texts too.
        second: dict[str, bool] = {}
        for draft in drafts:
            if draft.document is None:
                continue
            if any(_searches_elsewhere(c, known) for c in draft.document.citations):
                for link in draft.document.links:
                    if _is_web(link.url) and _key(link.url) not in known.sources:
                        second[_key(link.url)] = True
        _resolve(second, fetcher, known, None)
        if options.fetch.suggest_archive:
            _suggest_archived_copies(known, fetcher)
        stats = tally(known.fetched.values())  # unique sources, not API requests
    return known, (stats.fetched, stats.cached, stats.failed)


ARCHIVE_LOOKUPS = 100  # per run: a draft full of dead links must not hammer archive.org


def _suggest_archived_copies(known: _Sources, fetcher: Fetcher) -> None:
    """Ask the Wayback Machine for the closest copy of each dead link (at most
    ``ARCHIVE_LOOKUPS``), all at once; L001 names the copy as the replacement."""
    from srclint.sources import wayback

    dead = [url for url, result in known.fetched.items()
            if result.status in DEAD_STATUSES and result.archived is None][:ARCHIVE_LOOKUPS]
    lookups = {url: wayback.availability_request(url) for url in dead}
    answers = fetcher.fetch_all(list(lookups.values()))
    for url, request in lookups.items():
        snapshot = wayback.parse_availability(answers[request.url])
        if snapshot:
            known.fetched[url] = replace(known.fetched[url], archived=snapshot)


def _searches_elsewhere(citation: Citation, known: _Sources) -> bool:
    if citation.quote is None:
        return False
    if citation.binding is Binding.UNSOURCED or citation.link is None:
        return True
    alignment = known.align(citation.quote.text, _key(citation.link.url))
    return alignment is not None and alignment.verdict in (Verdict.MISSING, Verdict.ALTERED)


def _local(draft: Draft, link: Link) -> Fetched:
    from srclint.fetch import check_local

    return check_local(draft.path, link.url, _slugs)


def _slugs(path: Path) -> set[str]:
    from srclint.extract import parse

    text, _ = read_draft(path)
    if text is None:
        return set()
    return {h.slug for h in parse(str(path), text).headings}


# --- findings ---------------------------------------------------------------------------


def _elsewhere(
    quote: str, own: str | None, document: Document, known: _Sources
) -> tuple[Elsewhere, ...]:
    found = []
    seen: set[str] = set()
    for link in document.links:
        url = _key(link.url)
        if url == own or url in seen or not _is_web(link.url):
            continue
        seen.add(url)
        alignment = known.align(quote, url)
        if alignment is not None and alignment.verdict in (*FOUND, Verdict.ALTERED):
            found.append(Elsewhere(url=link.url, line=link.span.line, alignment=alignment))
    return tuple(found)


def _subjects(draft: Draft, known: _Sources, fetched_links: bool) -> Iterator[Subject]:
    from srclint.attribute import compare

    document = draft.document
    assert document is not None
    for link in document.links:
        fetched: Fetched | None = None
        if _is_local(link.url):
            fetched = _local(draft, link)
        elif fetched_links and _is_web(link.url):
            fetched = known.fetched.get(_key(link.url))
        if fetched is not None:
            yield Subject(draft.display, link=link, fetched=fetched)
    for citation in document.citations:
        if citation.quote is not None and citation.link is not None and not (
            _is_web(citation.link.url) or _is_local(citation.link.url)
        ):
            # A quote bound to a mailto: or tel: link has no source to check: unsourced.
            citation = replace(citation, link=None, binding=Binding.UNSOURCED)
        url = _key(citation.link.url) if citation.link is not None else None
        source = known.sources.get(url) if url else None
        alignment = None
        if citation.quote is not None and url is not None:
            alignment = known.align(citation.quote.text, url)
        elsewhere: tuple[Elsewhere, ...] = ()
        if citation.quote is not None and _searches_elsewhere(citation, known):
            elsewhere = _elsewhere(citation.quote.text, url, document, known)
        yield Subject(
            draft.display,
            citation=citation,
            source=source,
            alignment=alignment,
            attribution=compare(citation.claim, source, draft.config.aliases,
                                alignment.source_span if alignment else None),
            elsewhere=elsewhere,
        )


def check_draft(draft: Draft, known: _Sources, fetched_links: bool) -> FileReport:
    """The sorted findings of one parsed draft."""
    from srclint.suppress import apply

    document = draft.document
    assert document is not None
    config = draft.config
    findings: list[Finding] = []
    for subject in _subjects(draft, known, fetched_links):
        for rule in RULES.values():
            if not config.enabled(rule.CODE, draft.display):
                continue
            for finding in rule.check(subject):
                findings.append(replace(finding, level=config.level(rule.CODE, finding.level)))
    kept, unused = apply(
        findings, document.directives, draft.display, text=draft.text,
        enabled=lambda code: config.enabled(code, draft.display),
    )
    kept.extend(replace(f, level=config.level(f.code, f.level)) for f in unused)
    kept.sort(key=lambda f: (f.span, f.code, f.message))
    return FileReport(
        path=draft.display,
        findings=tuple(_unique(kept)),
        links=len(document.links),
        quotes=len(document.quotes),
        citations=len(document.citations),
        checked=tuple(_checked(document)),
    )


def _checked(document: Document) -> Iterator[Checked]:
    """Every link and every citation with a quote or claim, in file order."""
    items: list[Checked] = [Checked("link", link.url, (link.span,)) for link in document.links]
    for citation in document.citations:
        claim = citation.claim.span if citation.claim is not None else None
        if citation.quote is not None:
            words = " ".join(citation.quote.text.split())
            label = f'"{words[:60]}…"' if len(words) > 60 else f'"{words}"'
            spans = (citation.quote.span, claim) if claim else (citation.quote.span,)
            items.append(Checked("citation", label, spans))
        elif citation.claim is not None and claim is not None:
            what = citation.claim.title or citation.claim.author or ""
            items.append(Checked("citation", f"claim {what!r}", (claim,)))
    yield from sorted(items, key=lambda item: item.spans[0])


def _unique(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Drop exact repeats (the same link checked twice at one place)."""
    seen: set[tuple[object, ...]] = set()
    for finding in findings:
        key = (finding.code, finding.span, finding.message)
        if key not in seen:
            seen.add(key)
            yield finding


def run(paths: Sequence[Path], options: LintOptions) -> Run:
    """Check every Markdown file under ``paths``."""
    drafts = load_drafts(paths, config_path=options.config_path, select=options.select,
                         ignore=options.ignore, min_quote_words=options.min_quote_words)
    parsed = [d for d in drafts if d.document is not None]
    counts = (0, 0, 0)
    known = _Sources()
    if parsed and not options.no_fetch:
        known, counts = _fetch_all(parsed, options)
    reports = []
    for draft in drafts:
        if draft.document is None:
            reports.append(FileReport(path=draft.display, findings=(), error=draft.error))
        else:
            reports.append(check_draft(draft, known, fetched_links=not options.no_fetch))
    fetched, cached, failed = counts
    return Run(reports=tuple(reports), fetched=fetched, cached=cached, failed=failed)


__all__ = ["LintOptions", "UsageError", "collect_files", "extract_documents", "read_draft", "run"]

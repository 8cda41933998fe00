"""Turn a run's URLs into ``Source``s: plan, fetch round by round, parse, fall back.

Each URL has a chain of requests in fallback order (X: API v2 → fxtwitter → syndication;
forum: GraphQL → GreaterWrong). A round sends the next request of every unfinished chain
at once through ``fetch_all``; arXiv's API requests of a round are merged into one query.
An arXiv abstract is followed by its full text when the caller says a quote needs it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol
from urllib.parse import urlsplit

from srclint.model import Fetched, FetchStatus, Freshness, Request, Source
from srclint.sources import html, pdf, wayback
from srclint.sources.base import Adapter, Batching, FullText, media_type
from srclint.sources.registry import ADAPTERS, adapter_for


class FetchAll(Protocol):
    """What ``resolve`` needs of ``srclint.fetch.Fetcher``."""

    def fetch_all(self, requests: Sequence[Request]) -> dict[str, Fetched]: ...


@dataclass(frozen=True, slots=True)
class Resolved:
    """A link's outcome and, when there is a readable document behind it, its ``Source``.

    ``fetched.url`` is the link as written; ``fetched.status`` is what became of the
    document (a deleted post is ``DELETED`` even though the API answered 200). ``source``
    is None unless the document was read (``source.status`` is then OK); the reason for a
    failure is in ``fetched.error``.
    """

    fetched: Fetched
    source: Source | None
    requests: tuple[Request, ...] = ()  # every request made for this URL, in order


WantsFullText = Callable[[str, Source], bool]

# Adapters that fetch the document itself: a link check needs no body from them.
_PAGE_ADAPTERS: tuple[Adapter, ...] = (html, pdf, wayback)


@dataclass
class _Chain:
    url: str
    adapter: Adapter
    queue: deque[Request]
    needs_text: bool
    made: list[Request] = field(default_factory=list)
    failures: list[Fetched] = field(default_factory=list)
    partial: Source | None = None  # set while fetching the full text behind it
    outcome: Fetched | None = None
    # A page that redirected to a site an adapter knows (doi.org → arXiv, t.co → x.com):
    # the chain goes on with that adapter, reading the URL the page landed on.
    page: Fetched | None = None
    read_url: str = ""


def resolve(
    targets: Mapping[str, bool],
    fetcher: FetchAll,
    *,
    wants_full_text: WantsFullText | None = None,
) -> dict[str, Resolved]:
    """Resolve every URL of a run. ``targets[url]`` says whether its text is needed.

    A URL whose text is not needed and that no site adapter claims is checked with a
    body-less request (HEAD first). Site adapters always call their API: the page of a
    deleted post on x.com still answers 200.
    """
    chains = {url: _chain(url, needs_text) for url, needs_text in targets.items()}
    results: dict[str, Resolved] = {}
    for url, chain in chains.items():
        if not chain.queue:  # an adapter that matched but planned nothing
            results[url] = _finish(chain, _no_plan(url), None)
    while len(results) < len(chains):
        round_requests = {
            url: chain.queue.popleft() for url, chain in chains.items() if url not in results
        }
        round_requests = _batched(round_requests, chains)
        unique: dict[str, Request] = {}
        for request in round_requests.values():
            # Two links can share a request (one tweet under two URLs); a body wins.
            kept = unique.get(request.url)
            if kept is None or (request.need_body and not kept.need_body):
                unique[request.url] = request
        answers = fetcher.fetch_all(list(unique.values()))
        for url, request in round_requests.items():
            chain = chains[url]
            chain.made.append(request)
            fetched = answers.get(request.url) or _unanswered(request)
            done = _step(chain, fetched, wants_full_text)
            if done is not None:
                results[url] = done
    return {url: results[url] for url in targets}


def _chain(url: str, needs_text: bool) -> _Chain:
    adapter = adapter_for(url)
    requests = adapter.plan(url)
    if adapter in _PAGE_ADAPTERS and not needs_text:
        requests = [replace(r, need_body=False, freshness=Freshness.LINK) for r in requests]
    return _Chain(url, adapter, deque(requests), needs_text, read_url=url)


def _batched(
    round_requests: dict[str, Request], chains: Mapping[str, _Chain]
) -> dict[str, Request]:
    for adapter in ADAPTERS:
        if not isinstance(adapter, Batching):
            continue
        mine = {u: r for u, r in round_requests.items() if chains[u].adapter is adapter}
        if len(mine) > 1:
            round_requests.update(adapter.batch(mine))
    return round_requests


def _step(
    chain: _Chain, fetched: Fetched, wants_full_text: WantsFullText | None
) -> Resolved | None:
    """Read one answer; the chain's result when it is finished, else None."""
    url, read_url = chain.url, chain.read_url
    if chain.partial is not None:
        assert isinstance(chain.adapter, FullText)
        assert chain.outcome is not None
        full = chain.adapter.parse_full_text(read_url, chain.partial, fetched)
        if full is not None or not chain.queue:
            return _finish(chain, chain.outcome, full or chain.partial)
        return None
    if _redirected_to_a_site(chain, fetched):
        return None
    source = read(chain.adapter, read_url, fetched)
    if source is None:
        chain.failures.append(fetched)
        if chain.queue:
            return None
        return _finish(chain, _with_page(chain, _failed(read_url, chain.failures)), None)
    if read_url != url:
        source = replace(source, url=url)
    outcome = _with_page(chain, _outcome(read_url, fetched, source))
    if source.status is not FetchStatus.OK:
        return _finish(chain, outcome, None)
    if (
        wants_full_text is not None
        and not source.complete
        and isinstance(chain.adapter, FullText)
        and wants_full_text(url, source)
    ):
        more = chain.adapter.full_text_plan(read_url, source)
        if more:
            chain.partial, chain.outcome, chain.queue = source, outcome, deque(more)
            return None
    return _finish(chain, outcome, source)


def read(adapter: Adapter, url: str, fetched: Fetched) -> Source | None:
    """``adapter.parse``, except that any PDF answer is read as a PDF, and a body cut at
    the size cap is read for what there is: the link is alive, the text partial."""
    cut = (
        fetched.status is FetchStatus.TOO_LARGE
        and fetched.http_status is not None
        and 200 <= fetched.http_status < 300
        and bool(fetched.body)
    )
    if cut:
        fetched = replace(fetched, status=FetchStatus.OK)
    if fetched.ok and fetched.body and pdf.is_pdf(fetched) and adapter is not pdf:
        source = pdf.parse(url, fetched)
    else:
        source = adapter.parse(url, fetched)
    if cut and source is not None and source.status is FetchStatus.OK:
        note = "cut at the size cap" + (f"; {source.note}" if source.note else "")
        source = replace(source, complete=False, note=note)
    return source


def _redirected_to_a_site(chain: _Chain, fetched: Fetched) -> bool:
    """Hand a page that landed on a known site (doi.org → arXiv) to that site's adapter."""
    if chain.page is not None or chain.adapter not in _PAGE_ADAPTERS:
        return False
    if not fetched.ok or fetched.final_url in ("", chain.url):
        return False
    landed = adapter_for(fetched.final_url)
    requests = [] if landed in _PAGE_ADAPTERS else landed.plan(fetched.final_url)
    if not requests:
        return False
    chain.page, chain.adapter, chain.read_url = fetched, landed, fetched.final_url
    chain.queue = deque(requests)
    return True


def _with_page(chain: _Chain, outcome: Fetched) -> Fetched:
    """The outcome keyed by the link, with the redirects of the page it went through."""
    if chain.page is None:
        return replace(outcome, url=chain.url)
    return replace(
        outcome, url=chain.url, final_url=chain.page.final_url, redirects=chain.page.redirects
    )


def _finish(chain: _Chain, outcome: Fetched, source: Source | None) -> Resolved:
    return Resolved(outcome, source, tuple(chain.made))


def _outcome(url: str, fetched: Fetched, source: Source) -> Fetched:
    """The link's outcome, keyed by the link: the document's status, not the API's."""
    page = fetched.url == url  # the link itself was fetched, so its redirects are its own
    return replace(
        fetched,
        url=url,
        final_url=fetched.final_url if page else url,
        redirects=fetched.redirects if page else (),
        status=source.status,
        error=source.note if source.status is not FetchStatus.OK else fetched.error,
    )


_TEXT_TYPES = ("text/", "application/json", "application/xml", "application/atom+xml")


def _failed(url: str, failures: list[Fetched]) -> Fetched:
    """No request gave a usable answer: say why, keyed by the link.

    A network status (timeout, 429, 5xx, bot wall) is reported as is, the last one first.
    An answer that came back fine but could not be read is "could not tell" when it was
    meant to be data, and alive-but-not-text when it is, say, an image.
    """
    last = failures[-1]
    earlier = next((f for f in reversed(failures) if f.status is not FetchStatus.OK), None)
    kind = media_type(last.content_type)
    textual = not kind or kind.startswith(_TEXT_TYPES) or kind.endswith(("+json", "+xml"))
    chosen, error = last, last.error
    status: FetchStatus
    if last.status is not FetchStatus.OK:
        status = last.status
    elif last.url == url:  # the page itself answered, in a form no adapter reads
        status = FetchStatus.UNSUPPORTED if last.body else FetchStatus.OK
    elif earlier is not None:
        chosen, status, error = earlier, earlier.status, earlier.error
    elif not textual:
        status, error = FetchStatus.UNSUPPORTED, f"not text: {kind}"
    else:
        host = urlsplit(last.url).hostname or last.url
        status, error = FetchStatus.SERVER_ERROR, f"no usable answer from {host}"
    return replace(
        chosen,
        url=url,
        final_url=chosen.final_url if chosen.url == url else url,
        redirects=chosen.redirects if chosen.url == url else (),
        status=status,
        error=error or chosen.error,
    )


def _unanswered(request: Request) -> Fetched:
    return Fetched(
        url=request.url,
        final_url=request.url,
        status=FetchStatus.UNREACHABLE,
        error="the fetcher returned no answer for this request",
    )


def _no_plan(url: str) -> Fetched:
    return Fetched(url=url, final_url=url, status=FetchStatus.UNSUPPORTED, error="nothing to fetch")

"""The fetch stage: ``Fetcher(settings).fetch_all(requests) -> {url: Fetched}``.

Each URL is fetched once per Fetcher (results are kept for its life). URLs are handed
to a bounded thread pool host by host, so a slow or rate-limited host never holds up
the workers another host could use. Network trouble comes back as a status.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from types import TracebackType
from urllib.parse import urljoin, urlsplit, urlunsplit

from srclint.fetch.classify import REDIRECTS, classify
from srclint.fetch.client import HttpClient
from srclint.fetch.exchange import READ_TIMEOUT, Exchange, FetchFailure, NeedsNetwork
from srclint.fetch.limits import HostLimiter
from srclint.fetch.retry import HEAD_RETRY_STATUSES
from srclint.fetch.schedule import Scheduler
from srclint.fetch.settings import FetchSettings
from srclint.model import (
    ALIVE_STATUSES,
    Fetched,
    FetchStatus,
    Redirect,
    Request,
)

WEB_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True, slots=True)
class FetchStats:
    """URLs by outcome: answered from the network, from the cache, or not usable."""

    fetched: int = 0
    cached: int = 0
    failed: int = 0  # dead, could not tell, or refused
    skipped: int = 0  # not http(s): mailto:, ftp:…


class _CacheOnly(threading.local):
    value = False


def tally(results: Iterable[Fetched]) -> FetchStats:
    """Count outcomes: a URL that is not http(s) (no HTTP status) is skipped; an alive
    answer is fetched or cached; anything else failed."""
    fetched = cached = failed = skipped = 0
    for result in results:
        if result.status is FetchStatus.UNSUPPORTED and not result.http_status:
            skipped += 1
        elif result.status not in ALIVE_STATUSES:
            failed += 1
        elif result.from_cache:
            cached += 1
        else:
            fetched += 1
    return FetchStats(fetched, cached, failed, skipped)


class _Chain:
    """Where a redirect chain ended."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.hops: list[Redirect] = []
        self.from_cache = True


class Fetcher:
    """Fetches URLs for a whole run; use as a context manager (it saves a recording)."""

    def __init__(self, settings: FetchSettings) -> None:
        self.settings = settings
        self.limiter = HostLimiter(settings.per_host, settings.hosts)
        self.client = HttpClient(settings, self.limiter)
        self._results: dict[str, Fetched] = {}
        self._bodiless: set[str] = set()  # URLs whose result came from a HEAD
        self._lock = threading.Lock()
        self._cache_only = _CacheOnly()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    @property
    def stats(self) -> FetchStats:
        with self._lock:
            results = list(self._results.values())
        return tally(results)

    @property
    def requests_sent(self) -> int:
        """HTTP requests that went out on the network (retries and redirect hops included)."""
        return self.client.requests_sent

    def fetch(self, request: Request) -> Fetched:
        return self.fetch_all([request])[request.url]

    def fetch_all(self, requests: Sequence[Request]) -> dict[str, Fetched]:
        """Fetch each distinct URL once; returns ``{Request.url: Fetched}``."""
        unique: dict[str, Request] = {}
        for request in requests:
            unique.setdefault(request.url, request)
        with self._lock:
            # A link checked without its body (HEAD) is fetched again when its text is wanted.
            todo = [r for url, r in unique.items()
                    if url not in self._results or (r.need_body and url in self._bodiless)]
        total = len(unique)
        done = total - len(todo)
        progress = self.settings.progress
        if progress is not None and done:
            progress(done, total)
        network: list[Request] = []
        quick = self._answers_without_network()
        for request in todo:
            # What the cache (or recording) answers in full is answered here, without
            # waking a thread: a warm run of 500 links takes tens of milliseconds.
            answered = self._fetch_one(request, cache_only=True) if quick else None
            if answered is None:
                network.append(request)
                continue
            self._store(request, answered)
            done += 1
            if progress is not None:
                progress(done, total)
        for _ in self._run(network):
            done += 1
            if progress is not None:
                progress(done, total)
        with self._lock:
            return {url: self._results[url] for url in unique}

    def _store(self, request: Request, result: Fetched) -> None:
        with self._lock:
            self._results[request.url] = result
            if request.need_body:
                self._bodiless.discard(request.url)
            else:
                self._bodiless.add(request.url)

    def _answers_without_network(self) -> bool:
        """Whether a cache-only first pass may answer anything at all."""
        cache = self.client.cache
        return not self.settings.refresh and (
            self.client.player is not None or (cache is not None and not cache.is_empty())
        )

    def _run(self, todo: Sequence[Request]) -> Iterable[None]:
        """Fetch ``todo`` on worker threads; yields once per finished URL.

        Workers take their next URL themselves (no round trip through this thread),
        round-robin over the hosts that have a free slot.
        """
        if not todo:
            return
        scheduler = Scheduler(todo, self.limiter)
        finished: queue.SimpleQueue[tuple[Request, Fetched]] = queue.SimpleQueue()

        def work() -> None:
            while (taken := scheduler.take()) is not None:
                request, host = taken
                try:
                    result = self._fetch_one(request)
                finally:
                    scheduler.release(host)
                assert result is not None
                finished.put((request, result))

        workers = [threading.Thread(target=work, name=f"srclint-fetch-{n}", daemon=True)
                   for n in range(min(max(1, self.settings.jobs), len(todo)))]
        for worker in workers:
            worker.start()
        for _ in todo:
            self._store(*finished.get())
            yield None
        for worker in workers:
            worker.join()

    # -- one URL -------------------------------------------------------------------------

    def _fetch_one(self, request: Request, cache_only: bool = False) -> Fetched | None:
        """The outcome for one URL; None when ``cache_only`` and the network is needed."""
        started = time.monotonic()
        self._cache_only.value = cache_only
        try:
            result = self._fetch_url(request, started)
        except NeedsNetwork:
            return None
        except Exception as error:  # a bug must not take the whole run down
            result = Fetched(url=request.url, final_url=request.url,
                             status=FetchStatus.UNREACHABLE,
                             error=f"internal error: {type(error).__name__}: {error}")
        return _evolve(result, elapsed=time.monotonic() - started)

    def _fetch_url(self, request: Request, started: float) -> Fetched:
        scheme = urlsplit(request.url).scheme.lower()
        if scheme not in WEB_SCHEMES:
            what = f"{scheme}: links are not checked" if scheme else "not a web address"
            return Fetched(url=request.url, final_url=request.url,
                           status=FetchStatus.UNSUPPORTED, error=what)
        deadline = started + self.settings.url_deadline
        if not request.need_body and request.method.upper() == "GET":
            head = self._follow(request, "HEAD", deadline)
            if not _head_refused(head):
                return head
        return self._follow(request, request.method.upper(), deadline)

    def _follow(self, request: Request, method: str, deadline: float) -> Fetched:
        """Send ``method`` and follow redirects by hand, recording each hop."""
        settings = self.settings
        headers = dict(request.headers)
        body = request.body
        chain = _Chain(_defragment(request.url))
        seen = {chain.url}
        is_head = method == "HEAD"
        while True:
            try:
                answer = self.client.exchange(
                    method, chain.url, headers, body,
                    freshness=request.freshness, deadline=deadline,
                    retries=settings.retries, interval=request.host_interval,
                    # A HEAD that fails falls back to GET, which gets the retries.
                    retry_statuses=HEAD_RETRY_STATUSES if is_head else None,
                    retry_read=not is_head,
                    cache_only=self._cache_only.value,
                )
            except FetchFailure as failure:
                return self._result(request, chain, failure.status, failure.error, None,
                                    method)
            chain.from_cache = chain.from_cache and answer.from_cache
            location = answer.headers.get("location")
            if answer.status not in REDIRECTS or not location:
                status, error = classify(answer, request.url, chain.url, chain.hops)
                if status is FetchStatus.OK and answer.truncated and request.need_body:
                    status = FetchStatus.TOO_LARGE
                    error = f"response larger than {settings.max_bytes:,} bytes (cut)"
                return self._result(request, chain, status, error, answer, method)
            target = _defragment(urljoin(chain.url, location.strip()))
            chain.hops.append(Redirect(chain.url, answer.status, target))
            if urlsplit(target).scheme.lower() not in WEB_SCHEMES:
                chain.url = target
                return self._result(request, chain, FetchStatus.UNSUPPORTED,
                                    f"redirects to a non-web address {target}", None, method)
            if target in seen:
                loop = " → ".join([*(hop.url for hop in chain.hops), target])
                return self._result(request, chain, FetchStatus.UNREACHABLE,
                                    f"redirect loop: {loop}", None, method)
            if len(chain.hops) > settings.max_redirects:
                return self._result(request, chain, FetchStatus.UNREACHABLE,
                                    f"more than {settings.max_redirects} redirects", None, method)
            seen.add(target)
            # 303 always, and 301/302 after a POST (as browsers do), turn into a GET.
            if answer.status == 303 or (answer.status in (301, 302) and method == "POST"):
                method, body = "GET", None
            chain.url = target

    def _result(
        self, request: Request, chain: _Chain, status: FetchStatus, error: str,
        answer: Exchange | None, method: str,
    ) -> Fetched:
        if answer is None:
            chain.from_cache = False
        return Fetched(
            url=request.url,
            final_url=chain.url,
            status=status,
            http_status=answer.status if answer is not None else None,
            content_type=answer.headers.get("content-type", "") if answer else "",
            body=answer.body if answer is not None and method != "HEAD" else b"",
            error=error,
            redirects=tuple(chain.hops),
            from_cache=chain.from_cache,
            headers=dict(answer.headers) if answer is not None else {},
        )


def _head_refused(result: Fetched) -> bool:
    """Whether a HEAD's outcome should be checked again with GET.

    Many servers answer HEAD wrongly (405/501, 403 or 404 from frameworks and CDNs
    that only route GET, 500 from broken handlers) or never answer it; a GET settles it.
    Only a HEAD that did not connect at all, was refused by the guard, or was rate
    limited (a GET would be limited too) stands.
    """
    if result.http_status is not None:
        return result.http_status >= 400 and result.http_status != 429
    return result.status is FetchStatus.TIMEOUT and result.error.startswith(READ_TIMEOUT)


def _defragment(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(fragment="")) if parts.fragment else url


def _evolve(result: Fetched, **changes: object) -> Fetched:
    return replace(result, **changes)  # type: ignore[arg-type]

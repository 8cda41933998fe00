"""The HTTP cache: fresh answers cost no request; failures are never cached as successes."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from srclint.fetch import Fetcher, FetchSettings, cache_clear, cache_info, cache_path
from srclint.fetch.cache import ResponseCache, cache_key, ttl_for
from srclint.fetch.exchange import Exchange
from srclint.model import FetchStatus, Freshness, Request

from .conftest import FetchRun
from .server import LocalServer, respond


def test_second_run_makes_zero_requests(server: LocalServer, run: FetchRun) -> None:
    urls = [server.url(p) for p in ("/ok", "/old", "/missing", "/deep/post")]
    link_only = server.url("/head-refused")
    requests = [Request(u) for u in urls] + [Request(link_only, need_body=False)]
    first, _ = run(requests)
    before = server.count()
    second, elapsed = run(requests)
    assert server.count() == before
    for url in [*urls, link_only]:
        assert second[url].status == first[url].status
        assert second[url].from_cache and not first[url].from_cache
    assert second[server.url("/old")].redirects == first[server.url("/old")].redirects
    assert second[server.url("/ok")].body == first[server.url("/ok")].body
    assert elapsed < 1


def test_failures_are_not_cached(server: LocalServer, run: FetchRun) -> None:
    urls = [server.url(p) for p in ("/error", "/limited-long", "/challenge", "/huge")]
    run([Request(u) for u in urls])
    before = server.count()
    second, _ = run([Request(u) for u in urls])
    assert server.count() == 2 * before
    assert not any(f.from_cache for f in second.values())


def test_a_404_is_cached_as_a_404_briefly() -> None:
    assert ttl_for(Freshness.IMMUTABLE, 404) == 3600
    assert ttl_for(Freshness.LINK, 200) > 3600


def test_no_cache_always_asks(server: LocalServer, run: FetchRun) -> None:
    url = server.url("/ok")
    run([Request(url)], use_cache=False)
    second, _ = run([Request(url)], use_cache=False)
    assert server.count() == 2 and not second[url].from_cache


def _expire_everything(settings: FetchSettings) -> None:
    cache = ResponseCache(cache_path(settings))
    cache._db.execute("UPDATE responses SET expires = 0")
    cache.close()


def test_stale_entry_served_when_the_site_fails(
    server: LocalServer, run: FetchRun, settings: FetchSettings
) -> None:
    url = server.url("/sometimes")
    server.routes["/sometimes"] = lambda h, n: respond(h, 200 if n == 1 else 503, b"good")
    run([Request(url)])
    _expire_everything(settings)
    fetched, _ = run([Request(url)])
    assert fetched[url].ok and fetched[url].body == b"good" and fetched[url].from_cache
    assert server.count() == 1 + 3  # the first fetch, then one try and two retries


def test_a_stale_200_is_not_kept_over_a_real_404(
    server: LocalServer, run: FetchRun, settings: FetchSettings
) -> None:
    url = server.url("/removed")
    server.routes["/removed"] = lambda h, n: respond(h, 200 if n == 1 else 404, b"")
    run([Request(url)])
    _expire_everything(settings)
    assert run([Request(url)])[0][url].status is FetchStatus.NOT_FOUND


def test_refresh_revalidates_with_the_etag(
    server: LocalServer, run: FetchRun
) -> None:
    url = server.url("/tagged")

    def tagged(handler: object, count: int) -> None:
        if handler.headers.get("If-None-Match") == '"v1"':  # type: ignore[attr-defined]
            respond(handler, 304, b"", {"ETag": '"v1"'})  # type: ignore[arg-type]
        else:
            respond(handler, 200, b"body v1", {"ETag": '"v1"'})  # type: ignore[arg-type]

    server.routes["/tagged"] = tagged
    run([Request(url)])
    fetched, _ = run([Request(url)], refresh=True)
    assert server.count() == 2
    assert fetched[url].ok and fetched[url].body == b"body v1" and fetched[url].from_cache


def test_offline_answers_from_the_cache_only(server: LocalServer, run: FetchRun) -> None:
    cached, uncached = server.url("/ok"), server.url("/gone")
    run([Request(cached)])
    before = server.count()
    results, _ = run([Request(cached), Request(uncached)], offline=True)
    assert server.count() == before
    assert results[cached].ok and results[cached].from_cache
    assert results[uncached].status is FetchStatus.NOT_CHECKED
    assert results[uncached].error == "not in the cache (offline)"


def test_offline_uses_expired_entries(
    server: LocalServer, run: FetchRun, settings: FetchSettings
) -> None:
    url = server.url("/ok")
    run([Request(url)])
    _expire_everything(settings)
    assert run([Request(url)], offline=True)[0][url].ok


def test_cache_key_depends_on_method_headers_and_body() -> None:
    base = cache_key("GET", "https://a.example/", {}, None)
    assert base != cache_key("HEAD", "https://a.example/", {}, None)
    assert base != cache_key("GET", "https://a.example/", {"Accept": "application/json"}, None)
    assert cache_key("POST", "https://a.example/", {}, b"1") != cache_key(
        "POST", "https://a.example/", {}, b"2")


def test_cache_info_and_clear(tmp_path: Path) -> None:
    settings = FetchSettings(cache_dir=tmp_path)
    assert "empty" in cache_info(settings)
    cache = ResponseCache(cache_path(settings))
    cache.put("k", Exchange("GET", "https://a.example/", 200, {}, b"x"), 60)
    cache.put("j", Exchange("GET", "https://b.example/", 200, {}, b"y"), -1)
    cache.close()
    info = cache_info(settings)
    assert str(cache_path(settings)) in info
    assert "responses: 2 (1 fresh, 1 expired)" in info
    assert "removed 2 cached responses" in cache_clear(settings)
    assert not cache_path(settings).exists()
    assert "already empty" in cache_clear(settings)


def test_stats_count_fetched_cached_failed(
    server: LocalServer, settings: FetchSettings
) -> None:
    requests = [Request(server.url("/ok")), Request(server.url("/missing")),
                Request("mailto:a@example.com")]
    with Fetcher(settings) as fetcher:
        fetcher.fetch_all(requests[:1])
    with Fetcher(settings) as fetcher:
        fetcher.fetch_all([*requests, Request(server.url("/new"))])
        stats = fetcher.stats
    assert (stats.fetched, stats.cached, stats.failed, stats.skipped) == (1, 1, 1, 1)
    _ = replace, time

"""The fetch stage against a real local server: status, requests the server saw, time."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import replace

import pytest

from srclint.fetch import Fetcher, FetchSettings, HostLimit
from srclint.model import FetchStatus, Redirect, Request

from .conftest import FetchRun
from .server import LocalServer, respond

S = FetchStatus

# (path, need_body, status, requests the server saw, upper time bound in seconds)
CASES = [
    ("/ok", True, S.OK, 1, 2),
    ("/ok", False, S.OK, 1, 2),  # HEAD only
    ("/missing", True, S.NOT_FOUND, 1, 2),
    ("/gone", True, S.GONE, 1, 2),
    ("/error", True, S.SERVER_ERROR, 3, 3),  # 1 + 2 retries, then could-not-tell
    ("/error", False, S.SERVER_ERROR, 4, 3),  # HEAD, then GET with its retries
    ("/flaky", True, S.OK, 2, 3),  # 503 once, then 200
    ("/limited-once", True, S.OK, 2, 4),  # 429 + Retry-After: 1, then 200
    ("/limited", True, S.RATE_LIMITED, 3, 3),  # 429 always: bounded
    ("/limited-long", True, S.RATE_LIMITED, 1, 2),  # Retry-After over the cap: no retry
    ("/challenge", True, S.BLOCKED, 1, 2),
    ("/forbidden", True, S.BLOCKED, 1, 2),
    ("/linkedin", True, S.BLOCKED, 1, 2),
    ("/old", True, S.OK, 3, 2),  # 301 → 308 → 200
    ("/deep/post", True, S.SOFT_404, 2, 2),  # 302 to the front page
    ("/loop1", True, S.UNREACHABLE, 2, 2),
    ("/slow", True, S.TIMEOUT, 3, 5),  # read timeout, retried twice
    ("/huge", True, S.TOO_LARGE, 1, 5),
    ("/huge", False, S.OK, 1, 2),  # HEAD: the size does not matter for a link
    ("/bomb", True, S.TOO_LARGE, 1, 5),
    ("/head-refused", False, S.OK, 2, 2),  # HEAD 405, then GET
]


@pytest.mark.parametrize(("path", "need_body", "status", "requests", "seconds"), CASES)
def test_status_requests_and_time(
    server: LocalServer, run: FetchRun, path: str, need_body: bool, status: FetchStatus,
    requests: int, seconds: float,
) -> None:
    url = server.url(path)
    results, elapsed = run([Request(url, need_body=need_body)])
    fetched = results[url]
    assert fetched.status is status, fetched
    assert server.count() == requests
    assert elapsed < seconds


def test_reasons_are_short_and_human(server: LocalServer, run: FetchRun) -> None:
    paths = ["/missing", "/gone", "/error", "/limited-long", "/challenge", "/linkedin",
             "/slow", "/loop1", "/huge"]
    results, _ = run([Request(server.url(p)) for p in paths])
    errors = {p: results[server.url(p)].error for p in paths}
    assert errors["/missing"] == "HTTP 404"
    assert errors["/gone"] == "HTTP 410"
    assert errors["/error"] == "HTTP 500 (server error)"
    assert errors["/limited-long"] == "HTTP 429 (rate limited, Retry-After 3600)"
    assert errors["/challenge"] == "HTTP 403 (Cloudflare bot challenge)"
    assert errors["/linkedin"] == "HTTP 999 (bot wall)"
    assert errors["/slow"] == "timed out after 0.5 s"
    assert errors["/loop1"].startswith("redirect loop: ")
    assert errors["/huge"] == "response larger than 1,000,000 bytes (cut)"
    assert len(results[server.url("/huge")].body) == 1_000_000


def test_redirect_chain_records_every_hop(server: LocalServer, run: FetchRun) -> None:
    url = server.url("/old")
    fetched = run([Request(url)])[0][url]
    assert fetched.final_url == server.url("/new")
    assert fetched.redirects == (
        Redirect(url, 301, server.url("/older")),
        Redirect(server.url("/older"), 308, server.url("/new")),
    )
    assert fetched.body == b"new home"
    assert fetched.http_status == 200


def test_soft_404_names_the_front_page(server: LocalServer, run: FetchRun) -> None:
    url = server.url("/deep/post")
    fetched = run([Request(url)])[0][url]
    assert fetched.error == f"redirects to the site's front page {server.url('/')}"


def test_gzip_bomb_is_cut_after_decompression(server: LocalServer, run: FetchRun) -> None:
    url = server.url("/bomb")
    fetched = run([Request(url)])[0][url]
    assert fetched.status is S.TOO_LARGE
    assert fetched.body == b"\0" * 1_000_000


def test_closed_port_is_unreachable_quickly(run: FetchRun) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    results, elapsed = run([Request(url)])
    assert results[url].status is S.UNREACHABLE
    assert results[url].error == "connection refused by 127.0.0.1"
    assert elapsed < 2


def test_unknown_host_is_dead_without_a_dns_query(run: FetchRun) -> None:
    url = "https://no-such-host.invalid/page"
    results, elapsed = run([Request(url)])
    assert results[url].status is S.NOT_FOUND
    assert results[url].error == "no such host no-such-host.invalid"
    assert elapsed < 1


@pytest.mark.parametrize("url", ["mailto:someone@example.com", "ftp://example.com/file",
                                 "tel:+15555550100", "javascript:void(0)"])
def test_non_web_links_are_unsupported_not_errors(run: FetchRun, url: str) -> None:
    fetched = run([Request(url)])[0][url]
    assert fetched.status is S.UNSUPPORTED
    assert fetched.error


def test_post_body_is_sent_and_keyed(server: LocalServer, run: FetchRun) -> None:
    url = server.url("/post-only")
    fetched = run([Request(url, method="POST", body=b'{"q": 1}')])[0][url]
    assert fetched.body == b'posted {"q": 1}'


def test_user_agent_names_srclint(server: LocalServer, run: FetchRun) -> None:
    run([Request(server.url("/ok"))])
    agent = server.seen_headers[0]["User-Agent"]
    assert agent.startswith("srclint/") and "(+https://github.com/srclint/srclint)" in agent


def test_each_url_is_fetched_once_per_fetcher(
    server: LocalServer, settings: FetchSettings
) -> None:
    url = server.url("/ok")
    seen: list[tuple[int, int]] = []
    with Fetcher(replace(settings, use_cache=False, progress=lambda d, t: seen.append((d, t)))
                 ) as fetcher:
        first = fetcher.fetch_all([Request(url), Request(url), Request(server.url("/gone"))])
        again = fetcher.fetch_all([Request(url)])
        assert fetcher.fetch(Request(url)) is again[url]
        assert fetcher.stats.fetched == 1 and fetcher.stats.failed == 1
    assert set(first) == {url, server.url("/gone")}
    assert again[url] is first[url]
    assert server.count() == 2
    assert seen[-1] == (1, 1) and (2, 2) in seen


def test_per_host_in_flight_cap(server: LocalServer, run: FetchRun) -> None:
    lock = threading.Lock()
    state = {"now": 0, "most": 0}

    def slow_ok(handler: object, count: int) -> None:
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        time.sleep(0.1)
        with lock:
            state["now"] -= 1
        respond(handler, 200, b"ok")  # type: ignore[arg-type]

    for i in range(12):
        server.routes[f"/p{i}"] = slow_ok
    results, elapsed = run([Request(server.url(f"/p{i}")) for i in range(12)], per_host=3)
    assert all(f.ok for f in results.values())
    assert state["most"] == 3
    assert elapsed < 2


def test_host_interval_spaces_requests(server: LocalServer, run: FetchRun) -> None:
    starts: list[float] = []

    def stamp(handler: object, count: int) -> None:
        starts.append(time.monotonic())
        respond(handler, 200, b"ok")  # type: ignore[arg-type]

    for i in range(3):
        server.routes[f"/api{i}"] = stamp
    run([Request(server.url(f"/api{i}")) for i in range(3)],
        hosts={"127.0.0.1": HostLimit(in_flight=4, interval=0.2)})
    gaps = [b - a for a, b in zip(sorted(starts), sorted(starts)[1:], strict=False)]
    assert len(gaps) == 2 and min(gaps) >= 0.18


def test_fragments_keep_requests_apart_but_are_never_sent(
    server: LocalServer, run: FetchRun
) -> None:
    """Sources give each POST to one API endpoint its own key with a #fragment."""
    first = Request(server.url("/post-only#post=a"), method="POST", body=b"a")
    second = Request(server.url("/post-only#post=b"), method="POST", body=b"b")
    results, _ = run([first, second])
    assert results[first.url].body == b"posted a"
    assert results[second.url].body == b"posted b"
    assert server.count("/post-only") == 2
    again, _ = run([first, second])
    assert again[second.url].from_cache and again[second.url].body == b"posted b"
    assert server.count() == 2


def test_a_link_checked_by_head_is_fetched_again_when_its_text_is_wanted(
    server: LocalServer, settings: FetchSettings
) -> None:
    url = server.url("/ok")
    with Fetcher(replace(settings, use_cache=False)) as fetcher:
        head = fetcher.fetch(Request(url, need_body=False))
        full = fetcher.fetch(Request(url))
        again = fetcher.fetch(Request(url))
    assert head.status is FetchStatus.OK and head.body == b""
    assert full.status is FetchStatus.OK and full.body
    assert again is full
    assert server.count("/ok") == 2

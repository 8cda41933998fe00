"""--record / --replay: a vcrpy cassette of every exchange, answered with no network."""

from __future__ import annotations

from pathlib import Path

import requests
import vcr

from srclint.model import FetchStatus, Request

from .conftest import FetchRun
from .server import LocalServer


def test_record_then_replay_without_the_server(
    server: LocalServer, run: FetchRun, tmp_path: Path
) -> None:
    cassette = tmp_path / "sources.yaml"
    paths = ["/ok", "/old", "/missing", "/deep/post", "/bomb"]
    urls = [server.url(p) for p in paths]
    link = server.url("/head-refused")
    wanted = [Request(u) for u in urls] + [Request(link, need_body=False)]
    recorded, _ = run(wanted, record=cassette, use_cache=False, jobs=8)
    assert cassette.exists()
    server.stop()
    replayed, _ = run([*wanted, Request(server.url("/gone"))], replay=cassette)
    for url in [*urls, link]:
        assert replayed[url].status == recorded[url].status, url
        assert replayed[url].redirects == recorded[url].redirects
        assert replayed[url].body == recorded[url].body
    assert replayed[server.url("/gone")].status is FetchStatus.NOT_CHECKED
    assert replayed[server.url("/gone")].error == "not in the recording"


def test_recording_includes_answers_from_the_cache(
    server: LocalServer, run: FetchRun, tmp_path: Path
) -> None:
    cassette = tmp_path / "sources.yaml"
    url = server.url("/ok")
    run([Request(url)])
    run([Request(url)], record=cassette)
    assert server.count() == 1
    server.stop()
    assert run([Request(url)], replay=cassette)[0][url].ok


def test_cassette_plays_in_vcrpy(server: LocalServer, run: FetchRun, tmp_path: Path) -> None:
    cassette = tmp_path / "sources.yaml"
    url = server.url("/ok")
    run([Request(url)], record=cassette)
    server.stop()
    with vcr.use_cassette(str(cassette), record_mode="none", match_on=["method", "uri"]):
        response = requests.get(url, timeout=1)
    assert response.status_code == 200
    assert b"hello" in response.content


def test_credentials_are_not_recorded(server: LocalServer, run: FetchRun, tmp_path: Path) -> None:
    cassette = tmp_path / "sources.yaml"
    url = server.url("/ok")
    request = Request(url, headers=(("Authorization", "Bearer s3cret"), ("Accept", "text/html")))
    run([request], record=cassette)
    text = cassette.read_text()
    assert "s3cret" not in text and "text/html" in text
    server.stop()
    assert run([request], replay=cassette)[0][url].ok

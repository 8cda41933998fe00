from __future__ import annotations

from srclint.fetch.archive import availability_url, closest_snapshot

# Shapes from the Wayback availability API documentation (archive.org/help/wayback_api.php).
FOUND = b"""{"archived_snapshots": {"closest": {"available": true,
  "url": "http://web.archive.org/web/20130919044612/http://example.com/",
  "timestamp": "20130919044612", "status": "200"}}}"""
NOT_FOUND = b'{"archived_snapshots":{}}'


def test_closest_snapshot() -> None:
    assert closest_snapshot(FOUND) == (
        "https://web.archive.org/web/20130919044612/http://example.com/")
    assert closest_snapshot(NOT_FOUND) is None
    assert closest_snapshot(b"<html>") is None
    assert closest_snapshot(FOUND.replace(b'"200"', b'"404"')) is None


def test_availability_url_quotes_the_link() -> None:
    assert availability_url("https://archive.org/wayback/available", "https://a.example/x?y=1") \
        == "https://archive.org/wayback/available?url=https%3A%2F%2Fa.example%2Fx%3Fy%3D1"

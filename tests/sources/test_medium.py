from __future__ import annotations

import pytest
from recorded import answer, body

from srclint.model import Author
from srclint.sources import medium

MED = "https://medium.com/@reader/reading-sources-closely-1a2b3c4d5e6f"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (MED, True),
        ("https://medium.com/some-publication/a-title-here-0123456789ab", True),
        ("https://reader.medium.com/a-title-here-0123456789ab", True),
        ("https://medium.com/p/0123456789ab", True),
        ("https://medium.com/@reader", False),
        ("https://medium.com/", False),
        ("https://notmedium.com/a-title-0123456789ab", False),
    ],
)
def test_medium_urls(url: str, expected: bool) -> None:
    assert medium.matches(url) is expected


def test_medium_plan_adds_format_json() -> None:
    assert [r.url for r in medium.plan(MED + "?source=rss")] == [
        MED + "?source=rss&format=json",
        MED + "?source=rss",
    ]


def test_medium_json_with_prefix() -> None:
    fetched = answer(medium.json_url(MED), body("medium_post.json.txt"))
    source = medium.parse(MED, fetched)
    assert source is not None and source.complete
    assert source.title == "Reading sources closely"
    assert source.authors == (Author("Rae Reader", "reader"),)
    assert source.published == "2024-02-01T12:00:00Z"
    assert source.text == (
        "Reading sources closely\n\nA quote is a promise to the reader.\n\nA figure caption."
        "\n\nCheck the words, then check the speaker."
    )
    assert source.canonical_url == MED


def test_medium_html_instead_of_json_is_unusable() -> None:
    fetched = answer(medium.json_url(MED), b"<html>Sign in</html>", content_type="text/html")
    assert medium.parse(MED, fetched) is None

from __future__ import annotations

import pytest
from recorded import answer, body

from srclint.model import Author, FetchStatus, Freshness
from srclint.sources import x

ID = "1641086480675225601"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"https://twitter.com/SamuelSusla/status/{ID}", ID),
        (f"https://x.com/SamuelSusla/status/{ID}", ID),
        (f"https://www.x.com/SamuelSusla/status/{ID}", ID),
        (f"https://www.twitter.com/SamuelSusla/status/{ID}", ID),
        (f"https://mobile.twitter.com/SamuelSusla/status/{ID}", ID),
        (f"https://mobile.x.com/SamuelSusla/status/{ID}", ID),
        (f"https://m.x.com/SamuelSusla/status/{ID}", ID),
        (f"https://twitter.com/i/web/status/{ID}", ID),
        (f"https://x.com/i/status/{ID}", ID),
        (f"https://twitter.com/SamuelSusla/statuses/{ID}", ID),
        (f"https://x.com/SamuelSusla/status/{ID}/photo/1", ID),
        (f"https://x.com/SamuelSusla/status/{ID}/video/1", ID),
        (f"https://x.com/SamuelSusla/status/{ID}/", ID),
        (f"https://x.com/SamuelSusla/status/{ID}?s=46&t=abcDEF", ID),
        (f"http://twitter.com/SamuelSusla/status/{ID}#m", ID),
        (f"https://x.com/SomeoneElse/status/{ID}", ID),  # any handle: not trusted
        (f"https://nitter.net/SamuelSusla/status/{ID}", ID),
        (f"https://nitter.poast.org/SamuelSusla/status/{ID}#m", ID),
        (f"https://xcancel.com/SamuelSusla/status/{ID}", ID),
        (f"https://fxtwitter.com/SamuelSusla/status/{ID}", ID),
        ("https://twitter.com/jack/status/20", "20"),
        ("https://x.com/SamuelSusla", None),
        ("https://x.com/home", None),
        (f"https://x.com/SamuelSusla/likes/{ID}", None),
        ("https://example.com/server/status/200", None),  # not a tweet id
        (f"https://example.com/i/status/{ID}", None),
        ("https://mastodon.social/web/statuses/109318542379367013", None),
        ("https://mastodon.social/users/Gargron/statuses/109318542379367013", None),
        ("ftp://x.com/a/status/1", None),
        ("https://www.lesswrong.com/posts/Xk2vB7pQm9cRt4LsZ/x", None),
    ],
)
def test_status_id(url: str, expected: str | None) -> None:
    assert x.status_id(url) == expected
    assert x.matches(url) is (expected is not None)


def test_plan_without_token_is_fxtwitter_then_syndication(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(x.TOKEN_ENV, raising=False)
    requests = x.plan("https://x.com/anyone/status/20")
    assert [r.url for r in requests] == [
        "https://api.fxtwitter.com/status/20",
        "https://cdn.syndication.twimg.com/tweet-result?id=20&lang=en&token=6dq1a2xwd93",
        "https://publish.twitter.com/oembed?url=https%3A%2F%2Ftwitter.com%2Fi%2Fstatus%2F20"
        "&omit_script=1&dnt=true",
    ]
    assert all(r.freshness is Freshness.IMMUTABLE for r in requests)
    assert all(r.headers == () for r in requests)


def test_plan_with_token_puts_api_v2_first_and_sends_token_there_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(x.TOKEN_ENV, "secret-token")
    first, *rest = x.plan(f"https://twitter.com/a/status/{ID}")
    assert first.url == (
        f"https://api.x.com/2/tweets/{ID}?tweet.fields=note_tweet,created_at,author_id,entities"
        "&expansions=author_id&user.fields=username,name"
    )
    assert first.headers == (("Authorization", "Bearer secret-token"),)
    assert [r.url.split("/")[2] for r in rest] == [
        "api.fxtwitter.com",
        "cdn.syndication.twimg.com",
        "publish.twitter.com",
    ]
    assert all("secret-token" not in str(r) for r in rest)


def test_blank_token_is_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(x.TOKEN_ENV, "  ")
    assert x.plan("https://x.com/a/status/20")[0].url.startswith("https://api.fxtwitter.com/")


# Vectors from SOURCES.md (computed with node), then ids whose tokens were computed with
# node's Number.prototype.toString(36) while writing the port.
@pytest.mark.parametrize(
    ("post_id", "token"),
    [
        ("20", "6dq1a2xwd93"),
        ("1744066823962947905", "4875b6riwc8"),
        ("1775548168530448895", "4ay1rlzin5"),
        ("1666986593838837760", "41gzqpsmwss"),
        ("1660564623547047936", "4wtfmz8m1a"),
        ("1775274359906791803", "4ax6sspy1lj"),
        ("1711465924031897910", "45cq8ho5bxe"),
        ("1703436713362870723", "44ni5iyte19"),
    ],
)
def test_syndication_token_vectors(post_id: str, token: str) -> None:
    assert x.syndication_token(post_id) == token


def _syndication(
    name: str, post_id: str = ID, http_status: int = 200, ctype: str = "application/json"
):  # type: ignore[no-untyped-def]
    url = x.syndication_url(post_id)
    return x.parse(
        f"https://x.com/whoever/status/{post_id}",
        answer(url, body(name) if name else b"", http_status=http_status, content_type=ctype),
    )


def test_syndication_tweet_expands_links_and_drops_media() -> None:
    source = _syndication("syndication_tweet_image_1641086480675225601.json")
    assert source is not None and source.status is FetchStatus.OK
    assert source.text == (
        "If you are interested about View Flattening in React Native, I wrote a short post "
        "about it: https://github.com/reactwg/react-native-new-architecture/discussions/110"
        "\n\nLet me know what you think!"
    )
    assert source.authors == (Author("sammy", "SamuelSusla"),)  # from the body, not the URL
    assert source.canonical_url == f"https://x.com/SamuelSusla/status/{ID}"
    assert source.published == "2023-03-29T14:34:41.000Z"
    assert source.complete
    assert source.adapter == "x"


def test_syndication_display_range_counts_utf16_units() -> None:
    source = _syndication("syndication_tweet_1703436713362870723.json", "1703436713362870723")
    assert source is not None
    assert source.text.endswith("1/2 🧵")
    assert "https://reddit.com/r/technology/comments/16jlhj7/" in source.text
    assert "https://t.co/" not in source.text


def test_syndication_2026_shape_with_empty_entity_objects() -> None:
    source = _syndication("syndication_tweet_2023357708301455483.json", "2023357708301455483")
    assert source is not None
    assert source.text.startswith("Underdocumented: `bun build --compile`")
    assert source.authors == (Author("Jarred Sumner", "jarredsumner"),)


def test_syndication_quote_tweet_is_the_outer_post() -> None:
    source = _syndication("syndication_tweet_quote_1641895049427550208.json", "1641895049427550208")
    assert source is not None
    assert source.text.startswith("#ReactNative's new architecture renderer")
    assert "View Flattening in React Native" not in source.text


def test_syndication_card_tweet() -> None:
    source = _syndication("syndication_tweet_card_1629262255744503809.json", "1629262255744503809")
    assert source is not None
    assert source.text.endswith("https://beta.reactjs.org/learn/tutorial-tic-tac-toe")
    assert source.authors[0].handle == "mattcarrollcode"


def test_syndication_note_tweet_preview_is_incomplete() -> None:
    source = _syndication(
        "syndication_note_preview_1744066823962947905.json", "1744066823962947905"
    )
    assert source is not None and source.status is FetchStatus.OK
    assert not source.complete
    assert "truncated" in source.note


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("syndication_tombstone_deleted.json", FetchStatus.DELETED),
        ("syndication_tombstone_protected.json", FetchStatus.PRIVATE),
        ("syndication_tombstone_suspended.json", FetchStatus.SUSPENDED),
        ("syndication_tombstone_unavailable.json", FetchStatus.BLOCKED),
        ("syndication_tombstone_empty.json", FetchStatus.BLOCKED),
        ("syndication_no_user_1641086480675225601.json", FetchStatus.SUSPENDED),
    ],
)
def test_syndication_tombstones(name: str, status: FetchStatus) -> None:
    source = _syndication(name)
    assert source is not None
    assert source.status is status
    assert source.text == ""


def test_syndication_unknown_id_is_not_found() -> None:
    fetched = answer(
        x.syndication_url("123"),
        b"<html><title>X / ?</title></html>",
        http_status=404,
        content_type="text/html",
    )
    source = x.parse("https://x.com/a/status/123", fetched)
    assert source is not None and source.status is FetchStatus.NOT_FOUND


def test_syndication_out_of_range_id_is_not_found() -> None:
    fetched = answer(
        x.syndication_url("99999999999999999999"), b'{"error":"Bad request."}', http_status=400
    )
    source = x.parse("https://x.com/a/status/99999999999999999999", fetched)
    assert source is not None and source.status is FetchStatus.NOT_FOUND


@pytest.mark.parametrize(
    ("content", "http_status", "ctype"),
    [
        (b"{}", 200, "application/json"),  # no token, or id 0
        (b"Rate limit exceeded", 429, "text/plain"),
        (b"", 200, "application/json"),
        (b"<html>oops</html>", 200, "text/html"),
    ],
)
def test_syndication_unusable_answers(content: bytes, http_status: int, ctype: str) -> None:
    fetched = answer(x.syndication_url(ID), content, http_status=http_status, content_type=ctype)
    assert x.parse(f"https://x.com/a/status/{ID}", fetched) is None


def test_fxtwitter_long_post_has_full_text() -> None:
    url = "https://x.com/wrong_handle/status/1744066823962947905"
    fetched = answer(
        x.fxtwitter_url("1744066823962947905"),
        body("fxtwitter_status_note_1744066823962947905.json"),
    )
    source = x.parse(url, fetched)
    assert source is not None and source.complete
    assert source.text.endswith("before you say a quotation is not in it.")
    assert "https://example.org/long-posts" in source.text
    assert source.authors == (Author("Quote Check", "quotecheck"),)
    assert source.canonical_url == "https://x.com/quotecheck/status/1744066823962947905"
    assert source.published == "2024-01-09T14:30:00+00:00"


@pytest.mark.parametrize(
    ("name", "http_status", "status"),
    [
        ("fxtwitter_not_found.json", 404, None),  # confirmed by syndication
        ("fxtwitter_private.json", 401, FetchStatus.PRIVATE),
        ("fxtwitter_api_fail.json", 500, None),
    ],
)
def test_fxtwitter_errors(name: str, http_status: int, status: FetchStatus | None) -> None:
    fetched = answer(x.fxtwitter_url(ID), body(name), http_status=http_status)
    source = x.parse(f"https://x.com/a/status/{ID}", fetched)
    if status is None:
        assert source is None
    else:
        assert source is not None and source.status is status


def test_fxtwitter_bot_wall_is_unusable() -> None:
    fetched = answer(
        x.fxtwitter_url(ID), b"<html>Forbidden</html>", http_status=403, content_type="text/html"
    )
    assert x.parse(f"https://x.com/a/status/{ID}", fetched) is None


def test_api_v2_note_tweet_full_text_links_expanded() -> None:
    post_id = "1744066823962947905"
    fetched = answer(x.v2_url(post_id), body("x_api_v2_note_1744066823962947905.json"))
    source = x.parse(f"https://x.com/a/status/{post_id}", fetched)
    assert source is not None and source.complete
    assert source.text.endswith("before you say a quotation is not in it.")
    assert "https://example.org/long-posts" in source.text and "https://t.co/" not in source.text
    assert source.authors == (Author("Quote Check", "quotecheck"),)
    assert source.published == "2024-01-09T14:30:00.000Z"


@pytest.mark.parametrize(
    ("name", "http_status", "status"),
    [
        ("x_api_v2_not_found.json", 200, FetchStatus.NOT_FOUND),
        ("x_api_v2_protected.json", 200, FetchStatus.PRIVATE),
        ("x_api_v2_unauthorized.json", 401, None),
    ],
)
def test_api_v2_errors(name: str, http_status: int, status: FetchStatus | None) -> None:
    fetched = answer(x.v2_url(ID), body(name), http_status=http_status)
    source = x.parse(f"https://x.com/a/status/{ID}", fetched)
    if status is None:
        assert source is None
    else:
        assert source is not None and source.status is status


def test_api_v2_rate_limited_is_unusable() -> None:
    fetched = answer(x.v2_url(ID), b'{"title":"Too Many Requests"}', http_status=429)
    assert x.parse(f"https://x.com/a/status/{ID}", fetched) is None


def test_hashbang_urls() -> None:
    assert x.status_id("https://twitter.com/#!/jack/status/20") == "20"


def test_token_never_shows_in_a_request_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(x.TOKEN_ENV, "secret-token")
    request = x.plan("https://x.com/a/status/20")[0]
    assert "secret-token" not in repr(request)
    assert dict(request.headers)["Authorization"] == "Bearer secret-token"


def _oembed(name: str | None, http_status: int = 200, post_id: str = ID):  # type: ignore[no-untyped-def]
    fetched = answer(x.oembed_url(post_id), body(name) if name else b"", http_status=http_status)
    return x.parse(f"https://x.com/whoever/status/{post_id}", fetched)


def test_oembed_short_post() -> None:
    source = _oembed("oembed_20.json", post_id="20")
    assert source is not None and source.complete
    assert source.text == "just setting up my twttr"
    assert source.authors == (Author("jack", "jack"),)
    assert source.published == "2006-03-21"
    assert source.canonical_url == "https://x.com/jack/status/20"


def test_oembed_markup_breaks_and_media_link() -> None:
    source = _oembed("oembed_image_1641086480675225601.json")
    assert source is not None
    assert source.text == (
        "If you are interested about View Flattening in React Native, I wrote a short post "
        "about it: https://t.co/4G6RAMfrHy\n\nLet me know what you think!"
    )


@pytest.mark.parametrize(
    ("http_status", "status"), [(404, FetchStatus.NOT_FOUND), (403, FetchStatus.PRIVATE)]
)
def test_oembed_failures(http_status: int, status: FetchStatus) -> None:
    source = _oembed(None, http_status=http_status)
    assert source is not None and source.status is status


def test_oembed_unusable() -> None:
    assert _oembed(None, http_status=200) is None

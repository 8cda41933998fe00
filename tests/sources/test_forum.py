from __future__ import annotations

import json

import pytest
from recorded import answer, body

from srclint.model import Author, FetchStatus
from srclint.sources import forum

POST = "Xk2vB7pQm9cRt4LsZ"
COMMENT = "Cm7nQ2wErT5yUi8oP"
LW = "https://www.lesswrong.com/graphql"
EA = "https://forum.effectivealtruism.org/graphql"
AF = "https://www.alignmentforum.org/graphql"


@pytest.mark.parametrize(
    ("url", "endpoint", "post", "comment"),
    [
        (f"https://www.lesswrong.com/posts/{POST}/slugs-carry-no-authority", LW, POST, None),
        (f"https://lesswrong.com/posts/{POST}/an-old-slug", LW, POST, None),
        (f"https://www.lesswrong.com/posts/{POST}", LW, POST, None),
        (f"https://www.lesswrong.com/posts/{POST}/slug/", LW, POST, None),
        (f"https://www.lesswrong.com/posts/{POST}/slug#section-2", LW, POST, None),
        (f"https://www.lesswrong.com/s/ab12CD34ef/p/{POST}", LW, POST, None),
        (f"https://www.lesswrong.com/posts/{POST}/slug?commentId={COMMENT}", LW, POST, COMMENT),
        (f"https://www.lesswrong.com/posts/{POST}?commentId={COMMENT}", LW, POST, COMMENT),
        (f"https://www.alignmentforum.org/posts/{POST}/slug", AF, POST, None),
        (f"https://alignmentforum.org/posts/{POST}/slug?commentId={COMMENT}", AF, POST, COMMENT),
        (f"https://forum.effectivealtruism.org/posts/{POST}/slug", EA, POST, None),
        (f"https://www.greaterwrong.com/posts/{POST}/slug/comment/{COMMENT}", LW, POST, COMMENT),
        (f"https://www.greaterwrong.com/posts/{POST}/slug?commentId={COMMENT}", LW, POST, COMMENT),
        (f"https://greaterwrong.com/posts/{POST}/slug", LW, POST, None),
        (f"https://ea.greaterwrong.com/posts/{POST}/slug/answer/{COMMENT}", EA, POST, COMMENT),
        (f"https://lw2.issarice.com/posts/{POST}/slug", LW, POST, None),
    ],
)
def test_urls(url: str, endpoint: str, post: str, comment: str | None) -> None:
    target = forum.target(url)
    assert target is not None
    assert (target.site[0], target.post_id, target.comment_id) == (endpoint, post, comment)
    assert forum.matches(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.lesswrong.com/",
        "https://www.lesswrong.com/posts/short/slug",
        "https://www.lesswrong.com/lw/abc/an_old_lesswrong_post/",
        "https://www.lesswrong.com/users/someone",
        f"https://example.com/posts/{POST}/slug",
        f"https://www.lesswrong.com/posts/{POST}/slug?commentId=nope",
    ],
)
def test_urls_not_claimed(url: str) -> None:
    target = forum.target(url)
    assert target is None or target.comment_id is None


def test_plan_is_graphql_by_id_then_greaterwrong() -> None:
    graphql, fallback = forum.plan(f"https://www.lesswrong.com/posts/{POST}/an-old-slug")
    assert graphql.method == "POST"
    assert graphql.url == f"{LW}#post={POST}"
    assert ("Content-Type", "application/json") in graphql.headers
    payload = json.loads(graphql.body or b"")
    assert payload["variables"] == {"id": POST}
    assert "post(input: {selector: {_id: $id}})" in payload["query"]
    for field in (
        "title",
        "pageUrl",
        "postedAt",
        "displayName",
        "username",
        "coauthors",
        "contents { html }",
    ):
        assert field in payload["query"]
    assert fallback.url == f"https://www.greaterwrong.com/posts/{POST}/an-old-slug"


def test_plan_comment_queries_the_comment() -> None:
    graphql, fallback = forum.plan(
        f"https://forum.effectivealtruism.org/posts/{POST}?commentId={COMMENT}"
    )
    payload = json.loads(graphql.body or b"")
    assert graphql.url == f"{EA}#comment={COMMENT}"
    assert payload["variables"] == {"id": COMMENT}
    assert "comment(input: {selector: {_id: $id}})" in payload["query"]
    assert "post { title }" in payload["query"]
    assert fallback.url == f"https://ea.greaterwrong.com/posts/{POST}/post/comment/{COMMENT}"


def test_graphql_post() -> None:
    url = f"https://www.lesswrong.com/posts/{POST}/an-old-slug"
    source = forum.parse(url, answer(f"{LW}#post={POST}", body("forum_graphql_post.json")))
    assert source is not None and source.status is FetchStatus.OK
    assert source.title == "Slugs carry no authority"
    assert source.authors == (
        Author("Steven Example", "steve_example"),
        Author("Co Author", "coauthor"),
    )
    assert (
        source.canonical_url == f"https://www.lesswrong.com/posts/{POST}/slugs-carry-no-authority"
    )
    assert source.published == "2024-01-07T16:55:13.761Z"
    assert source.text == (
        "A post is found by its id, never by its slug.\n\nLinks in the wild use old slugs."
        "\n\nFirst point\n\nSecond point"  # nbsp read as a space
    )
    assert source.complete


def test_graphql_comment_author_is_the_commenter() -> None:
    url = f"https://www.lesswrong.com/posts/{POST}/slug?commentId={COMMENT}"
    source = forum.parse(url, answer(f"{LW}#comment={COMMENT}", body("forum_graphql_comment.json")))
    assert source is not None
    assert source.authors == (Author("Carol Commenter", "carolc"),)
    assert source.title == "Slugs carry no authority"
    assert source.text == "I disagree: the comment author is not the post author."
    assert source.canonical_url.endswith(f"?commentId={COMMENT}")


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("forum_graphql_missing.json", FetchStatus.NOT_FOUND),
        ("forum_graphql_not_allowed.json", FetchStatus.PRIVATE),
        ("forum_graphql_null_result.json", FetchStatus.NOT_FOUND),
    ],
)
def test_graphql_failures(name: str, status: FetchStatus) -> None:
    url = f"https://www.lesswrong.com/posts/{POST}/slug"
    source = forum.parse(url, answer(f"{LW}#post={POST}", body(name)))
    assert source is not None and source.status is status


@pytest.mark.parametrize(
    ("content", "http_status", "ctype"),
    [
        (b"<html>Just a moment...</html>", 403, "text/html"),  # a bot wall
        (b'{"errors":[{"message":"Syntax Error"}]}', 400, "application/json"),
        (b"", 200, "application/json"),
    ],
)
def test_graphql_unusable_answers(content: bytes, http_status: int, ctype: str) -> None:
    url = f"https://www.lesswrong.com/posts/{POST}/slug"
    assert (
        forum.parse(
            url, answer(f"{LW}#post={POST}", content, http_status=http_status, content_type=ctype)
        )
        is None
    )


def test_greaterwrong_post() -> None:
    url = f"https://www.lesswrong.com/posts/{POST}/slug"
    page = f"https://www.greaterwrong.com/posts/{POST}/slug"
    source = forum.parse(
        url, answer(page, body("greaterwrong_post.html"), content_type="text/html; charset=utf-8")
    )
    assert source is not None
    assert source.title == "Slugs carry no authority"
    assert source.authors == (Author("Steven Example", "steve_example"),)
    assert (
        source.text
        == "A post is found by its id, never by its slug.\n\nLinks in the wild use old slugs."
    )
    assert source.note == "via GreaterWrong"


def test_greaterwrong_comment() -> None:
    url = f"https://www.greaterwrong.com/posts/{POST}/slug/comment/{COMMENT}"
    page = f"https://www.greaterwrong.com/posts/{POST}/slug/comment/{COMMENT}"
    source = forum.parse(
        url, answer(page, body("greaterwrong_post.html"), content_type="text/html")
    )
    assert source is not None
    assert source.authors == (Author("Carol Commenter", "carolc"),)
    assert source.title == "Slugs carry no authority"
    assert source.text == "I disagree: the comment author is not the post author."


def test_greaterwrong_missing_comment_is_unusable_and_404_is_not_found() -> None:
    url = f"https://www.greaterwrong.com/posts/{POST}/slug/comment/Zzzzzzzzzzzzzzzzz"
    page = forum.greaterwrong_url(forum.target(url))  # type: ignore[arg-type]
    assert (
        forum.parse(url, answer(page, body("greaterwrong_post.html"), content_type="text/html"))
        is None
    )
    gone = forum.parse(
        url, answer(page, b"<html>404</html>", http_status=404, content_type="text/html")
    )
    assert gone is not None and gone.status is FetchStatus.NOT_FOUND

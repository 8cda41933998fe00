"""Build ``essay.sources.yaml``: the recorded sources of ``essay.md``.

The recording holds the exact requests srclint makes for the draft's links, answered
with bodies in the real shapes of each endpoint (see ``fixtures/http/README.md`` for
their origins; ``sources/careful-quoter.html`` is an invented page). Run from the
repository root after changing the draft: ``python examples/make_recording.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from srclint.sources import arxiv, forum, substack, x

HERE = Path(__file__).resolve().parent
HTTP = HERE.parent / "fixtures" / "http"
JSON = "application/json; charset=utf-8"
HTML = "text/html; charset=utf-8"
ATOM = "application/atom+xml; charset=UTF-8"
REASONS = {200: "OK", 301: "Moved Permanently", 404: "Not Found", 500: "Internal Server Error"}


def answer(uri: str, body: bytes | str = b"", *, content_type: str = HTML, status: int = 200,
           method: str = "GET", request_body: bytes | None = None,
           headers: dict[str, str] | None = None) -> dict[str, Any]:
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    return {
        "request": {"body": request_body.decode() if request_body else None, "headers": {},
                    "method": method, "uri": uri},
        "response": {
            "body": {"string": text},
            "headers": {"Content-Type": [content_type],
                        **{name: [value] for name, value in (headers or {}).items()}},
            "status": {"code": status, "message": REASONS[status]},
        },
    }


def fixture(name: str) -> bytes:
    return (HTTP / name).read_bytes()


def main() -> None:
    tweet, long_post, deleted = "1641895049427550208", "1744066823962947905", "1234567890123456789"
    lesswrong = forum.plan("https://www.lesswrong.com/posts/Xk2vB7pQm9cRt4LsZ/an-old-slug")[0]
    papers = arxiv.batch({u: arxiv.plan(u)[0] for u in (
        "https://arxiv.org/abs/2206.06921v3", "https://arxiv.org/abs/2206.06921")})
    (paper,) = {r.url: r for r in papers.values()}.values()
    paywalled = substack.plan("https://example.substack.com/p/members-only")[0]
    archive = "https://archive.org/wayback/available?url=https%3A%2F%2Fexample.com%2Fblog%2F2019%2Fquoting"
    snapshot = ('{"archived_snapshots": {"closest": {"available": true, "url": '
                '"http://web.archive.org/web/20210301000000/https://example.com/blog/2019/quoting",'
                ' "timestamp": "20210301000000", "status": "200"}}}')
    interactions = [
        answer(x.fxtwitter_url(tweet), fixture("fxtwitter_api_fail.json"), content_type=JSON,
               status=500),
        answer(x.syndication_url(tweet), fixture("syndication_tweet_quote_1641895049427550208.json"),
               content_type=JSON),
        answer(x.fxtwitter_url(long_post),
               fixture("fxtwitter_status_note_1744066823962947905.json"), content_type=JSON),
        answer(x.fxtwitter_url(deleted), fixture("fxtwitter_not_found.json"), content_type=JSON,
               status=404),
        answer(x.syndication_url(deleted), fixture("syndication_tombstone_deleted.json"),
               content_type=JSON),
        answer("https://example.com/2024/careful-quoter",
               (HERE / "sources" / "careful-quoter.html").read_bytes()),
        answer(paper.url, fixture("arxiv_2025new_single_2206.06921.xml"), content_type=ATOM),
        answer("https://arxiv.org/html/2206.06921v3", fixture("arxiv_html_2206.06921v3.html")),
        answer(lesswrong.url.split("#", 1)[0], fixture("forum_graphql_post.json"),
               content_type=JSON, method="POST", request_body=lesswrong.body),
        answer(paywalled.url, fixture("substack_post_paid.json"), content_type=JSON),
        answer("https://example.com/blog/2019/quoting", "Not Found", status=404),
        answer(archive, snapshot, content_type=JSON),
        answer("http://example.org/style", "", status=301,
               headers={"Location": "https://example.org/guides/style"}),
        answer("https://example.org/guides/style",
               "<html><head><title>Style guide</title></head><body><p>Quote exactly.</p>"
               "</body></html>"),
    ]
    data = {"interactions": interactions, "version": 1}
    (HERE / "essay.sources.yaml").write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )


if __name__ == "__main__":
    main()

"""X / Twitter posts: X API v2 (with a bearer token), then fxtwitter, then syndication.

The x.com page answers 200 for any id, so a post is never judged from the page. The
handle in a URL is not trusted either (x.com serves a post under any handle): the author
always comes from the response.
"""

from __future__ import annotations

import html
import math
import os
import re
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

from srclint.model import Author, Fetched, FetchStatus, Freshness, Request, Source
from srclint.sources.base import load_json, status_source
from srclint.sources.jsnumber import double_to_radix

NAME = "x"
TOKEN_ENV = "SRCLINT_X_BEARER_TOKEN"
API_HOST = "api.x.com"

_X_HOSTS = frozenset(
    {
        "twitter.com",
        "x.com",
        "mobile.twitter.com",
        "mobile.x.com",
        "m.twitter.com",
        "m.x.com",
        "fxtwitter.com",
        "fixupx.com",
        "vxtwitter.com",
        "fixvx.com",
        "twittpr.com",
    }
)
# /<handle>/status/<id>, /<handle>/statuses/<id>, /i/web/status/<id>, /i/status/<id>, with
# anything after the id (/photo/1, /video/1, /, a query string).
_STATUS_PATH = re.compile(r"^/(?:i/web|i|[A-Za-z0-9_]{1,50})/status(?:es)?/(\d{1,20})(?:/|$)")


# --- URLs -------------------------------------------------------------------------------


def status_id(url: str) -> str | None:
    """The post id of any X URL form, or of a Nitter-style mirror (same path); else None."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return None
    # Old links put the path after a hashbang: twitter.com/#!/jack/status/20
    path = parts.fragment[1:] if parts.fragment.startswith("!/") else parts.path
    match = _STATUS_PATH.match(path)
    if match is None:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    post_id = match.group(1)
    if host in _X_HOSTS or "nitter" in host:
        return post_id
    # Other hosts with this path are taken for Nitter-style mirrors (xcancel.com, …) only
    # when the id looks like an X snowflake id (every post since 2010 has 18+ digits), so
    # an unrelated site's /<name>/status/<n> page stays with the html adapter (Mastodon's
    # /web/statuses/<id> too).
    if len(post_id) >= 15 and not match.group(0).startswith(("/i/web/", "/i/status/", "/web/")):
        return post_id
    return None


def matches(url: str) -> bool:
    return status_id(url) is not None


def canonical_url(post_id: str, handle: str | None = None) -> str:
    return f"https://x.com/{handle or 'i'}/status/{post_id}"


# --- requests ---------------------------------------------------------------------------


class Secret(str):
    """A header value that never shows in a repr (of a ``Request``, in a log or a traceback)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'<redacted>'"


def bearer_token() -> str | None:
    token = os.environ.get(TOKEN_ENV, "").strip()
    return token or None


def v2_url(post_id: str) -> str:
    return (
        f"https://{API_HOST}/2/tweets/{post_id}"
        "?tweet.fields=note_tweet,created_at,author_id,entities"
        "&expansions=author_id&user.fields=username,name"
    )


def fxtwitter_url(post_id: str) -> str:
    return f"https://api.fxtwitter.com/status/{post_id}"


def syndication_url(post_id: str) -> str:
    return (
        f"https://cdn.syndication.twimg.com/tweet-result?id={post_id}&lang=en"
        f"&token={syndication_token(post_id)}"
    )


def oembed_url(post_id: str) -> str:
    target = quote(f"https://twitter.com/i/status/{post_id}", safe="")
    return f"https://publish.twitter.com/oembed?url={target}&omit_script=1&dnt=true"


def plan(url: str) -> list[Request]:
    post_id = status_id(url)
    if post_id is None:
        return []
    requests: list[Request] = []
    token = bearer_token()
    if token:
        # The token goes to X's API host only; requests drops Authorization on a redirect
        # to another host.
        requests.append(
            Request(
                v2_url(post_id),
                headers=(("Authorization", Secret(f"Bearer {token}")),),
                freshness=Freshness.IMMUTABLE,
            )
        )
    requests.append(Request(fxtwitter_url(post_id), freshness=Freshness.IMMUTABLE))
    requests.append(Request(syndication_url(post_id), freshness=Freshness.IMMUTABLE))
    requests.append(Request(oembed_url(post_id), freshness=Freshness.IMMUTABLE))
    return requests


# --- syndication token ------------------------------------------------------------------


def syndication_token(post_id: str) -> str:
    """``((Number(id) / 1e15) * Math.PI).toString(36).replace(/(0+|\\.)/g, '')``, as JS does."""
    value = (float(post_id) / 1e15) * math.pi
    return re.sub(r"(0+|\.)", "", double_to_radix(value, 36))


# --- responses --------------------------------------------------------------------------


def parse(url: str, fetched: Fetched) -> Source | None:
    host = (urlsplit(fetched.url).hostname or "").lower()
    if host in (API_HOST, "api.twitter.com"):
        return parse_v2(url, fetched)
    if host == "api.fxtwitter.com":
        return parse_fxtwitter(url, fetched)
    if host == "cdn.syndication.twimg.com":
        return parse_syndication(url, fetched)
    if host == "publish.twitter.com":
        return parse_oembed(url, fetched)
    return None


def _source(
    url: str,
    post_id: str,
    user: Author | None,
    text: str,
    published: str | None,
    *,
    complete: bool = True,
    note: str = "",
) -> Source:
    return Source(
        url=url,
        canonical_url=canonical_url(post_id, user.handle if user else None),
        adapter=NAME,
        title=None,
        authors=(user,) if user else (),
        published=published,
        text=text,
        complete=complete,
        note=note,
    )


def _post_id(url: str, fetched: Fetched) -> str:
    return status_id(url) or _query_id(fetched.url) or ""


def _query_id(api_url: str) -> str | None:
    found = re.search(r"(?:[?&]id=|/status/|/tweets/)(\d+)", api_url)
    return found.group(1) if found else None


# X API v2 — GET /2/tweets/:id (developer.x.com "Tweet lookup"). Errors come back as HTTP
# 200 with {"errors": [{"type": ".../resource-not-found" | ".../not-authorized-for-resource",
# "detail": …}]}. A 401/403/429 (bad token, plan limits) is not an answer about the post.
def parse_v2(url: str, fetched: Fetched) -> Source | None:
    data = load_json(fetched)
    if not isinstance(data, dict) or fetched.http_status not in (200, None):
        return None
    tweet = data.get("data")
    if not isinstance(tweet, dict):
        for error in data.get("errors") or []:
            if not isinstance(error, dict):
                continue
            kind = str(error.get("type", ""))
            detail = str(error.get("detail", ""))
            if "suspended" in detail.lower():
                return status_source(url, NAME, FetchStatus.SUSPENDED, detail)
            if kind.endswith("/not-authorized-for-resource"):
                return status_source(url, NAME, FetchStatus.PRIVATE, detail)
            if kind.endswith("/resource-not-found"):
                return status_source(url, NAME, FetchStatus.NOT_FOUND, detail)
        return None
    users = (data.get("includes") or {}).get("users") or []
    author_id = tweet.get("author_id")
    user = next(
        (
            Author(name=str(u.get("name") or u.get("username")), handle=u.get("username"))
            for u in users
            if isinstance(u, dict) and u.get("id") == author_id
        ),
        None,
    )
    note_tweet = tweet.get("note_tweet")
    body = note_tweet if isinstance(note_tweet, dict) and note_tweet.get("text") else tweet
    text = _expand_v2(str(body.get("text", "")), body.get("entities"))
    post_id = str(tweet.get("id") or _post_id(url, fetched))
    return _source(url, post_id, user, text, tweet.get("created_at"), note="X API v2")


def _expand_v2(text: str, entities: Any) -> str:
    urls = entities.get("urls") if isinstance(entities, dict) else None
    for entity in urls or []:
        if not isinstance(entity, dict) or not entity.get("url"):
            continue
        if entity.get("media_key"):  # a photo or video link: not part of the prose
            text = text.replace(entity["url"], "")
        elif entity.get("expanded_url"):
            text = text.replace(entity["url"], entity["expanded_url"])
    return html.unescape(text).strip()


# fxtwitter — FixTweet/FxTwitter `src/types/types.d.ts` (APITweet), `src/embed/status.ts`:
# {"code": 200, "message": "OK", "tweet": {…}}; errors 401 PRIVATE_TWEET, 404 NOT_FOUND,
# 500 API_FAIL, all JSON. `tweet.text` is the full text of a note tweet, t.co expanded.
def parse_fxtwitter(url: str, fetched: Fetched) -> Source | None:
    data = load_json(fetched)
    if not isinstance(data, dict):
        return None  # a bot wall or an HTML error page
    code = data.get("code", fetched.http_status)
    message = str(data.get("message", ""))
    if code == 404 or message == "NOT_FOUND":
        # Not taken as final: syndication, next in line, tells a deleted post from one that
        # never existed, and a dead link is an error-level finding worth a second opinion.
        # If syndication cannot answer, resolve still reports this 404.
        return None
    if code == 401 or message == "PRIVATE_TWEET":
        return status_source(url, NAME, FetchStatus.PRIVATE, f"fxtwitter: {message}")
    tweet = data.get("tweet")
    if code != 200 or not isinstance(tweet, dict):
        return None
    author = tweet.get("author")
    user = None
    if isinstance(author, dict) and author.get("screen_name"):
        user = Author(
            name=str(author.get("name") or author["screen_name"]), handle=str(author["screen_name"])
        )
    text = str(tweet.get("text") or (tweet.get("raw_text") or {}).get("text") or "")
    post_id = str(tweet.get("id") or _post_id(url, fetched))
    return _source(
        url,
        post_id,
        user,
        html.unescape(text).strip(),
        _twitter_date(tweet.get("created_at")),
        note="fxtwitter",
    )


def _twitter_date(value: Any) -> str | None:
    """``Tue Mar 21 20:50:14 +0000 2006`` → ISO 8601; other strings pass through."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.strptime(value, "%a %b %d %H:%M:%S %z %Y").isoformat()
    except ValueError:
        return value


# Syndication — shapes in ../samples/syndication_*.json (SOURCES.md §1a). Tombstones are
# HTTP 200; an unknown id is a 404 with an HTML body; `{}` means the token was refused.
_TOMBSTONES = (
    ("deleted", FetchStatus.DELETED),
    ("limits who can view", FetchStatus.PRIVATE),
    ("protected", FetchStatus.PRIVATE),
    ("suspended", FetchStatus.SUSPENDED),
)


def parse_syndication(url: str, fetched: Fetched) -> Source | None:
    if fetched.http_status in (404, 400):
        return status_source(url, NAME, FetchStatus.NOT_FOUND, "syndication: no such post")
    data = load_json(fetched)
    if not isinstance(data, dict) or not data:
        return None  # `{}`, a rate-limit text, an HTML page
    if data.get("__typename") == "TweetTombstone" or "tombstone" in data:
        return _tombstone(url, data.get("tombstone"))
    if "text" not in data:
        return None
    user_data = data.get("user")
    if not isinstance(user_data, dict) or not user_data.get("screen_name"):
        # react-tweet #144: a suspended author's post comes back without its user.
        return status_source(url, NAME, FetchStatus.SUSPENDED, "syndication: post has no author")
    user = Author(
        name=str(user_data.get("name") or user_data["screen_name"]),
        handle=str(user_data["screen_name"]),
    )
    text = syndication_text(data)
    truncated = bool(data.get("note_tweet"))
    note = "syndication: truncated preview of a long post" if truncated else "syndication"
    post_id = str(data.get("id_str") or _post_id(url, fetched))
    return _source(
        url, post_id, user, text, data.get("created_at"), complete=not truncated, note=note
    )


def _tombstone(url: str, tombstone: Any) -> Source:
    text = ""
    if isinstance(tombstone, dict):
        inner = tombstone.get("text")
        text = str(inner.get("text", "")) if isinstance(inner, dict) else str(inner or "")
    # The tombstone ends with the words of a help link: not part of the reason.
    text = text.strip().removesuffix("Learn more").strip()
    lowered = text.lower()
    for marker, status in _TOMBSTONES:
        if marker in lowered:
            return status_source(url, NAME, status, text)
    # "This Post is unavailable." or an empty tombstone: withheld, age-restricted, or
    # gone for a reason X does not say. Not proof the post is dead.
    return status_source(url, NAME, FetchStatus.BLOCKED, text or "syndication: empty tombstone")


def syndication_text(data: dict[str, Any]) -> str:
    """The post's visible text: cut to ``display_text_range``, t.co links expanded.

    ``display_text_range`` counts UTF-16 code units (an emoji is two), so the cut is made on
    the UTF-16 encoding. Links are replaced by their t.co string, not by index, so the
    index unit of ``entities`` does not matter.
    """
    text = str(data.get("text", ""))
    span = data.get("display_text_range")
    if isinstance(span, list) and len(span) == 2 and all(isinstance(n, int) for n in span):
        units = text.encode("utf-16-le")
        text = units[2 * span[0] : 2 * span[1]].decode("utf-16-le", errors="ignore")
    entities = data.get("entities")
    if isinstance(entities, dict):
        for entity in entities.get("urls") or []:
            if isinstance(entity, dict) and entity.get("url") and entity.get("expanded_url"):
                text = text.replace(entity["url"], entity["expanded_url"])
        for entity in entities.get("media") or []:
            if isinstance(entity, dict) and entity.get("url"):
                text = text.replace(entity["url"], "")
    return html.unescape(text).strip()


# oEmbed — developer.x.com "GET statuses/oembed", ropensci/rtweet `R/tweet_embed.R`:
# {url, author_name, author_url, html: '<blockquote class="twitter-tweet"><p …>TEXT</p>
# &mdash; NAME (@handle) <a href="…/status/ID?ref_src=…">Month D, YYYY</a></blockquote>'}.
# Long posts are cut to the preview here too; deleted posts are 404, protected or
# suspended ones reportedly 403.
_OEMBED_PREVIEW = 250  # shorter than any cut preview (~275 characters): surely whole


def parse_oembed(url: str, fetched: Fetched) -> Source | None:
    if fetched.http_status == 404:
        return status_source(url, NAME, FetchStatus.NOT_FOUND, "oEmbed: no such post")
    if fetched.http_status == 403:
        return status_source(url, NAME, FetchStatus.PRIVATE, "oEmbed: not viewable")
    data = load_json(fetched)
    if not isinstance(data, dict) or not isinstance(data.get("html"), str):
        return None
    from bs4 import BeautifulSoup, Tag  # imported on use: see sources/html.py

    quote_block = BeautifulSoup(data["html"], "lxml").find("blockquote")
    paragraph = quote_block.find("p") if isinstance(quote_block, Tag) else None
    if not isinstance(quote_block, Tag) or not isinstance(paragraph, Tag):
        return None
    for br in paragraph.find_all("br"):
        br.replace_with("\n")
    for link in paragraph.find_all("a"):  # a trailing media link is not prose
        if link.get_text().startswith("pic.twitter.com/"):
            link.decompose()
    text = paragraph.get_text().strip()
    handle = urlsplit(str(data.get("author_url", ""))).path.strip("/") or None
    name = str(data.get("author_name") or handle or "")
    user = Author(name=name, handle=handle) if name else None
    links = quote_block.find_all("a")
    published = _oembed_date(links[-1].get_text()) if links else None
    post_id = status_id(url) or ""
    complete = len(text) < _OEMBED_PREVIEW
    note = "oEmbed" if complete else "oEmbed: long posts are cut to a preview"
    return _source(url, post_id, user, text, published, complete=complete, note=note)


def _oembed_date(value: str) -> str | None:
    """``March 21, 2006`` → ``2006-03-21``."""
    try:
        return datetime.strptime(value.strip(), "%B %d, %Y").date().isoformat()
    except ValueError:
        return None

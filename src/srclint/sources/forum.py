"""ForumMagnum forums (LessWrong, Alignment Forum, EA Forum) and their GreaterWrong mirrors.

Posts and comments are looked up by their 17-character id through the forum's GraphQL
API, never by slug (slugs change and carry no authority). GreaterWrong's server-rendered
HTML is the fallback when GraphQL is blocked.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from srclint.model import Author, Fetched, FetchStatus, Freshness, Request, Source
from srclint.sources.base import load_json, status_source
from srclint.sources.html import html_to_text, soup_of, strip_site_suffix, visible_text

NAME = "forum"

_LW = ("https://www.lesswrong.com/graphql", "https://www.greaterwrong.com")
_AF = ("https://www.alignmentforum.org/graphql", "https://www.greaterwrong.com")
_EA = ("https://forum.effectivealtruism.org/graphql", "https://ea.greaterwrong.com")
_SITES = {
    "lesswrong.com": _LW,
    "greaterwrong.com": _LW,
    "lw2.issarice.com": _LW,
    "alignmentforum.org": _AF,
    "forum.effectivealtruism.org": _EA,
    "ea.greaterwrong.com": _EA,
}
_ID = r"[A-Za-z0-9]{17}"
_POST_PATH = re.compile(
    rf"^/(?:posts|events)/(?P<post>{_ID})(?:/(?P<slug>[^/]+))?"
    rf"(?:/(?:comment|answer)/(?P<comment>{_ID}))?/?$"
)
_SEQUENCE_PATH = re.compile(rf"^/(?:s|sequences)/[A-Za-z0-9]+/p/(?P<post>{_ID})/?$")
_COMMENT_ID = re.compile(rf"^{_ID}$")

# The legacy `input` selector form, which both LessWrong and the EA Forum accept
# (SOURCES.md §2; ForumMagnum `packages/lesswrong/server/resolvers/defaultResolvers.ts`,
# weidai11/userscripts `src/shared/GRAPHQL_API.md`).
POST_QUERY = (
    "query($id: String!) { post(input: {selector: {_id: $id}}) { result { "
    "_id title slug pageUrl postedAt url user { displayName username slug } "
    "coauthors { displayName username } contents { html } } } }"
)
COMMENT_QUERY = (
    "query($id: String!) { comment(input: {selector: {_id: $id}}) { result { "
    "_id postId pageUrl postedAt user { displayName username } post { title } "
    "contents { html } } } }"
)


@dataclass(frozen=True, slots=True)
class Target:
    """What a forum URL points to: a post, or one comment on it."""

    site: tuple[str, str]  # (GraphQL endpoint, GreaterWrong base)
    post_id: str
    slug: str | None
    comment_id: str | None


def target(url: str) -> Target | None:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    site = _SITES.get(host)
    if site is None or parts.scheme not in ("http", "https"):
        return None
    found = _POST_PATH.match(parts.path) or _SEQUENCE_PATH.match(parts.path)
    if found is None:
        return None
    groups = found.groupdict()
    comment = groups.get("comment")
    if comment is None:
        query = parse_qs(parts.query).get("commentId", [])
        comment = next((c for c in query if _COMMENT_ID.match(c)), None)
    return Target(site, groups["post"], groups.get("slug"), comment)


def matches(url: str) -> bool:
    return target(url) is not None


def graphql_request(found: Target) -> Request:
    kind, document_id = (
        ("comment", found.comment_id) if found.comment_id else ("post", found.post_id)
    )
    query = COMMENT_QUERY if kind == "comment" else POST_QUERY
    body = json.dumps({"query": query, "variables": {"id": document_id}}).encode()
    # Every request to one endpoint shares its URL; the fragment (never sent) keeps each
    # document's request a distinct key for Fetcher.fetch_all.
    return Request(
        f"{found.site[0]}#{kind}={document_id}",
        method="POST",
        headers=(("Content-Type", "application/json"), ("Accept", "application/json")),
        body=body,
        freshness=Freshness.POST,
    )


def greaterwrong_url(found: Target) -> str:
    base = f"{found.site[1]}/posts/{found.post_id}"
    if found.comment_id:
        return f"{base}/{found.slug or 'post'}/comment/{found.comment_id}"
    return f"{base}/{found.slug}" if found.slug else base


def plan(url: str) -> list[Request]:
    found = target(url)
    if found is None:
        return []
    return [graphql_request(found), Request(greaterwrong_url(found), freshness=Freshness.POST)]


def parse(url: str, fetched: Fetched) -> Source | None:
    found = target(url)
    if found is None:
        return None
    if "/graphql" in urlsplit(fetched.url).path:
        return parse_graphql(url, found, fetched)
    return parse_greaterwrong(url, found, fetched)


# --- GraphQL ----------------------------------------------------------------------------


def parse_graphql(url: str, found: Target, fetched: Fetched) -> Source | None:
    """``{"data": {"post": {"result": {…}}}}``, or ``errors`` naming why there is none."""
    data = load_json(fetched)
    if not isinstance(data, dict):
        return None  # a bot wall or an HTML error page: try GreaterWrong
    kind = "comment" if found.comment_id else "post"
    document_id = found.comment_id or found.post_id
    messages = [
        str(error.get("message", ""))
        for error in data.get("errors") or []
        if isinstance(error, dict)
    ]
    if any("missing_document" in m for m in messages):
        return status_source(url, NAME, FetchStatus.NOT_FOUND, f"{kind} not found")
    if any("operation_not_allowed" in m for m in messages):
        return status_source(url, NAME, FetchStatus.PRIVATE, f"{kind} not visible")
    payload = data.get("data")
    if not isinstance(payload, dict) or kind not in payload:
        return None
    wrapper = payload.get(kind)
    result = wrapper.get("result") if isinstance(wrapper, dict) else None
    if not isinstance(result, dict):
        if wrapper is not None and not messages:  # allowNull: {"result": null}
            return status_source(url, NAME, FetchStatus.NOT_FOUND, f"{kind} not found")
        return None
    contents = result.get("contents")
    markup = contents.get("html") if isinstance(contents, dict) else None
    text = html_to_text(markup or "")
    if kind == "comment":
        post = result.get("post")
        title = post.get("title") if isinstance(post, dict) else None
        authors = _authors([result.get("user")])
    else:
        title = result.get("title")
        authors = _authors([result.get("user"), *(result.get("coauthors") or [])])
    page = result.get("pageUrl")
    return Source(
        url=url,
        canonical_url=page if isinstance(page, str) and page else url,
        adapter=NAME,
        title=title if isinstance(title, str) else None,
        authors=authors,
        published=result.get("postedAt"),
        text=text,
        complete=True,
        note=f"{kind} {result.get('_id') or document_id} via GraphQL",
    )


def _authors(users: list[Any]) -> tuple[Author, ...]:
    authors = []
    for user in users:
        if not isinstance(user, dict):
            continue  # a deleted account
        handle = user.get("username") or user.get("slug")
        name = user.get("displayName") or handle
        if name:
            authors.append(Author(name=str(name), handle=str(handle) if handle else None))
    return tuple(authors)


# --- GreaterWrong -----------------------------------------------------------------------


# Markup from kronusaturn/lw2-viewer `src/data-viewers/post.lisp` and `comment.lisp`:
# <main class="post"><h1 class="post-title">…</h1><div class="post-meta"><a class="author"
# data-full-name="…">username</a>…</div><div class="body-text post-body">…</div></main>;
# comments are <div class="comment-item" id="comment-<id>"> with a .comment-meta a.author
# and a <div class="body-text comment-body">.
def parse_greaterwrong(url: str, found: Target, fetched: Fetched) -> Source | None:
    if fetched.http_status in (404, 410):
        return status_source(url, NAME, FetchStatus.NOT_FOUND, "GreaterWrong: not found")
    if fetched.status is not FetchStatus.OK or not fetched.body:
        return None
    from bs4 import Tag  # imported on use: see sources/html.py

    soup = soup_of(fetched)
    heading = soup.select_one("h1.post-title") or soup.select_one(".comment-post-title2 a")
    title = " ".join(heading.get_text().split()) if heading else None
    if not title and soup.title:
        title = strip_site_suffix(" ".join(soup.title.get_text().split()), "GreaterWrong")
    if found.comment_id:
        item = soup.find(id=f"comment-{found.comment_id}")
        if not isinstance(item, Tag):
            return None
        meta = item.select_one(".comment-meta a.author")
        body = item.select_one(".comment-body")
    else:
        post = soup.select_one("main.post") or soup
        meta = post.select_one(".post-meta a.author")
        body = post.select_one(".post-body")
        if body is None:
            return None
        for link_post in body.select("a.link-post-link"):
            link_post.decompose()
    authors: tuple[Author, ...] = ()
    if isinstance(meta, Tag):
        handle = " ".join(meta.get_text().split())
        full = meta.get("data-full-name")
        name = full if isinstance(full, str) and full.strip() else handle
        if name:
            authors = (Author(name=name.strip(), handle=handle or None),)
    return Source(
        url=url,
        canonical_url=url,
        adapter=NAME,
        title=title or None,
        authors=authors,
        published=None,
        text=visible_text(body) if isinstance(body, Tag) else "",
        complete=True,
        note="via GreaterWrong",
    )

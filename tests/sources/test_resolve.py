from __future__ import annotations

from dataclasses import replace

import pytest
from recorded import FakeFetcher, answer, body, failure, make_pdf

from srclint.model import FetchStatus, Freshness, Redirect, Source
from srclint.sources import ADAPTERS, adapter_for, arxiv, forum, html, resolve, x

TWEET = "https://twitter.com/somebody/status/1641086480675225601"
TWEET_ID = "1641086480675225601"
FX = x.fxtwitter_url(TWEET_ID)
SYN = x.syndication_url(TWEET_ID)
OEMBED = x.oembed_url(TWEET_ID)


@pytest.fixture(autouse=True)
def _no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(x.TOKEN_ENV, raising=False)


def test_registry_order_and_html_last() -> None:
    assert [a.NAME for a in ADAPTERS] == [
        "x",
        "forum",
        "arxiv",
        "substack",
        "medium",
        "wayback",
        "pdf",
        "html",
    ]
    assert adapter_for("https://example.com/anything") is html
    assert adapter_for(TWEET) is x
    assert adapter_for("https://arxiv.org/abs/2206.06921") is arxiv
    assert adapter_for("https://www.lesswrong.com/posts/Xk2vB7pQm9cRt4LsZ/s") is forum


def test_x_falls_back_from_fxtwitter_to_syndication() -> None:
    fetcher = FakeFetcher(
        [
            answer(FX, body("fxtwitter_api_fail.json"), http_status=500),
            answer(SYN, body("syndication_tweet_image_1641086480675225601.json")),
        ]
    )
    result = resolve({TWEET: True}, fetcher)[TWEET]
    assert fetcher.urls == [FX, SYN]
    assert [len(r) for r in fetcher.rounds] == [1, 1]
    assert result.source is not None and result.source.authors[0].handle == "SamuelSusla"
    assert result.fetched.url == TWEET
    assert result.fetched.status is FetchStatus.OK
    assert result.fetched.redirects == ()
    assert [r.url for r in result.requests] == [FX, SYN]


def test_x_with_token_tries_api_v2_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(x.TOKEN_ENV, "t0ken")
    v2 = x.v2_url(TWEET_ID)
    fetcher = FakeFetcher(
        [
            answer(v2, body("x_api_v2_unauthorized.json"), http_status=401),
            answer(FX, body("fxtwitter_status_note_1744066823962947905.json")),
        ]
    )
    result = resolve({TWEET: True}, fetcher)[TWEET]
    assert fetcher.urls == [v2, FX]
    assert result.source is not None and result.source.complete


def test_deleted_tweet_is_dead_and_protected_is_could_not_tell() -> None:
    deleted = "https://x.com/a/status/1641086480675225601"
    private = "https://x.com/b/status/20"
    fetcher = FakeFetcher(
        [
            answer(FX, body("fxtwitter_api_fail.json"), http_status=500),
            answer(SYN, body("syndication_tombstone_deleted.json")),
            answer(x.fxtwitter_url("20"), body("fxtwitter_private.json"), http_status=401),
        ]
    )
    results = resolve({deleted: True, private: False}, fetcher)
    assert results[deleted].fetched.status is FetchStatus.DELETED
    assert results[deleted].source is None
    assert "deleted by the Post author" in results[deleted].fetched.error
    assert results[private].fetched.status is FetchStatus.PRIVATE
    assert results[private].fetched.url == private


def test_x_link_check_still_uses_the_api_not_the_page() -> None:
    fetcher = FakeFetcher(
        [
            answer(FX, body("fxtwitter_not_found.json"), http_status=404),
            answer(SYN, b"<html>X / ?</html>", http_status=404, content_type="text/html"),
        ]
    )
    result = resolve({TWEET: False}, fetcher)[TWEET]
    assert fetcher.urls == [FX, SYN]
    assert result.fetched.status is FetchStatus.NOT_FOUND


def test_fxtwitter_not_found_is_confirmed_by_syndication() -> None:
    fetcher = FakeFetcher(
        [
            answer(FX, body("fxtwitter_not_found.json"), http_status=404),
            answer(SYN, body("syndication_tombstone_deleted.json")),
        ]
    )
    assert resolve({TWEET: True}, fetcher)[TWEET].fetched.status is FetchStatus.DELETED


def test_fxtwitter_not_found_stands_when_syndication_cannot_answer() -> None:
    fetcher = FakeFetcher(
        [
            answer(FX, body("fxtwitter_not_found.json"), http_status=404),
            answer(SYN, b"{}"),
            answer(OEMBED, b"{}"),
        ]
    )
    assert resolve({TWEET: True}, fetcher)[TWEET].fetched.status is FetchStatus.NOT_FOUND


def test_x_every_endpoint_unusable_is_could_not_tell() -> None:
    fetcher = FakeFetcher(
        [
            answer(FX, b"<html>blocked</html>", http_status=403, content_type="text/html"),
            answer(SYN, b"{}"),
            answer(OEMBED, b"{}"),
        ]
    )
    result = resolve({TWEET: True}, fetcher)[TWEET]
    assert result.source is None
    assert result.fetched.status is FetchStatus.BLOCKED  # the last real network trouble


def test_x_rate_limited() -> None:
    fetcher = FakeFetcher(
        [
            answer(FX, b"{}"),
            answer(SYN, b"Rate limit exceeded", http_status=429, content_type="text/plain"),
            answer(OEMBED, b"{}"),
        ]
    )
    result = resolve({TWEET: True}, fetcher)[TWEET]
    assert result.fetched.status is FetchStatus.RATE_LIMITED


def test_x_unusable_without_network_trouble_is_server_error() -> None:
    fetcher = FakeFetcher([answer(FX, b"{}"), answer(SYN, b"{}"), answer(OEMBED, b"{}")])
    result = resolve({TWEET: True}, fetcher)[TWEET]
    assert result.fetched.status is FetchStatus.SERVER_ERROR
    assert "no usable answer" in result.fetched.error


def test_forum_falls_back_to_greaterwrong() -> None:
    url = "https://www.lesswrong.com/posts/Xk2vB7pQm9cRt4LsZ/slug"
    graphql, gw = forum.plan(url)
    fetcher = FakeFetcher(
        [
            answer(
                graphql.url,
                b"<html>Just a moment...</html>",
                http_status=403,
                content_type="text/html",
            ),
            answer(gw.url, body("greaterwrong_post.html"), content_type="text/html"),
        ]
    )
    result = resolve({url: True}, fetcher)[url]
    assert fetcher.urls == [graphql.url, gw.url]
    assert result.source is not None and result.source.note == "via GreaterWrong"


def test_forum_post_and_comment_of_one_site_are_distinct_requests() -> None:
    post = "https://www.lesswrong.com/posts/Xk2vB7pQm9cRt4LsZ/slug"
    comment = post + "?commentId=Cm7nQ2wErT5yUi8oP"
    fetcher = FakeFetcher(
        [
            answer(forum.plan(post)[0].url, body("forum_graphql_post.json")),
            answer(forum.plan(comment)[0].url, body("forum_graphql_comment.json")),
        ]
    )
    results = resolve({post: True, comment: True}, fetcher)
    assert len(fetcher.rounds) == 1 and len(fetcher.rounds[0]) == 2
    assert (
        results[post].source is not None
        and results[post].source.authors[0].handle == "steve_example"
    )
    assert (
        results[comment].source is not None
        and results[comment].source.authors[0].handle == "carolc"
    )


def test_forum_missing_document_is_not_found() -> None:
    url = "https://forum.effectivealtruism.org/posts/Xk2vB7pQm9cRt4LsZ/slug"
    fetcher = FakeFetcher([answer(forum.plan(url)[0].url, body("forum_graphql_missing.json"))])
    result = resolve({url: True}, fetcher)[url]
    assert result.fetched.status is FetchStatus.NOT_FOUND
    assert len(fetcher.urls) == 1  # a definite answer: no fallback


ARXIV_NEW = "https://export.arxiv.org/api/query?id_list=2201.13455,2201.13452,2201.13453,2201.13454&max_results=4"


def test_arxiv_ids_of_a_run_are_one_request() -> None:
    urls = [f"https://arxiv.org/abs/2201.{n}" for n in (13455, 13452, 13453, 13454)]
    urls[1] = "https://arxiv.org/pdf/2201.13452"
    fetcher = FakeFetcher([answer(ARXIV_NEW, body("arxiv_legacy_id_list_some_missing.xml"))])
    results = resolve({u: True for u in urls} | {"https://example.com/": False}, fetcher)
    arxiv_requests = [r for r in fetcher.rounds[0] if "export.arxiv.org" in r.url]
    assert len(fetcher.rounds) == 1 and len(arxiv_requests) == 1
    assert arxiv_requests[0].url == ARXIV_NEW
    assert arxiv_requests[0].host_interval == 3.0
    found = results["https://arxiv.org/pdf/2201.13452"]
    assert found.source is not None and found.source.authors[0].name == "Hong-Ming Yin"
    assert found.fetched.status is FetchStatus.OK
    for missing in (urls[0], urls[2], urls[3]):
        assert results[missing].fetched.status is FetchStatus.NOT_FOUND


API_ONE = "https://export.arxiv.org/api/query?id_list=2206.06921&max_results=1"
ABS = "https://arxiv.org/abs/2206.06921"


def _arxiv_fetcher(*more) -> FakeFetcher:  # type: ignore[no-untyped-def]
    return FakeFetcher([answer(API_ONE, body("arxiv_2025new_single_2206.06921.xml")), *more])


def test_arxiv_abstract_is_enough_when_the_quote_is_in_it() -> None:
    fetcher = _arxiv_fetcher()
    result = resolve({ABS: True}, fetcher, wants_full_text=lambda url, source: False)[ABS]
    assert fetcher.urls == [API_ONE]
    assert result.source is not None and not result.source.complete


def test_arxiv_escalates_to_html_full_text() -> None:
    asked: list[tuple[str, Source]] = []

    def wants(url: str, source: Source) -> bool:
        asked.append((url, source))
        return True

    fetcher = _arxiv_fetcher(
        answer(
            "https://arxiv.org/html/2206.06921v3",
            body("arxiv_html_2206.06921v3.html"),
            content_type="text/html",
        )
    )
    result = resolve({ABS: True}, fetcher, wants_full_text=wants)[ABS]
    assert fetcher.urls == [API_ONE, "https://arxiv.org/html/2206.06921v3"]
    assert [u for u, _ in asked] == [ABS]
    assert result.source is not None and result.source.complete
    assert result.source.title == "Attainable forms of Assouad spectra"
    assert "upper box dimension" in result.source.text
    assert result.fetched.status is FetchStatus.OK


def test_arxiv_escalates_to_pdf_when_there_is_no_html() -> None:
    fetcher = _arxiv_fetcher(
        answer(
            "https://arxiv.org/html/2206.06921v3",
            b"No HTML",
            http_status=404,
            content_type="text/html",
        ),
        answer(
            "https://arxiv.org/pdf/2206.06921v3",
            make_pdf([["Full text from the PDF."]]),
            content_type="application/pdf",
        ),
    )
    result = resolve({ABS: True}, fetcher, wants_full_text=lambda url, source: True)[ABS]
    assert fetcher.urls[-1] == "https://arxiv.org/pdf/2206.06921v3"
    assert result.source is not None
    # The abstract as the API gives it, then the paper's text.
    abstract, full = result.source.text.split("\n\n", 1)
    assert abstract.startswith("Let $d\\in\\mathbb{N}$")
    assert abstract.endswith("neighbourhood of 1.")
    assert full == "Full text from the PDF."


def test_arxiv_keeps_the_abstract_when_no_full_text_is_reachable() -> None:
    fetcher = _arxiv_fetcher(
        failure("https://arxiv.org/html/2206.06921v3", FetchStatus.TIMEOUT),
        failure("https://arxiv.org/pdf/2206.06921v3", FetchStatus.TIMEOUT),
    )
    result = resolve({ABS: True}, fetcher, wants_full_text=lambda url, source: True)[ABS]
    assert result.source is not None and not result.source.complete
    assert result.fetched.status is FetchStatus.OK  # the paper exists


def test_any_pdf_answer_is_read_as_pdf() -> None:
    url = "https://example.org/report"  # no .pdf in the URL
    fetcher = FakeFetcher([answer(url, make_pdf([["A report."]]), content_type="application/pdf")])
    result = resolve({url: True}, fetcher)[url]
    assert result.source is not None and result.source.adapter == "pdf"
    assert result.source.text == "A report."


def test_plain_link_check_is_a_bodyless_request() -> None:
    url = "https://example.com/page"
    fetcher = FakeFetcher([answer(url, b"", content_type="text/html")])
    result = resolve({url: False}, fetcher)[url]
    (request,) = fetcher.rounds[0]
    assert request.need_body is False and request.freshness is Freshness.LINK
    assert result.fetched.status is FetchStatus.OK and result.source is None


def test_page_outcome_keeps_its_redirects_and_status() -> None:
    url = "http://example.com/old"
    hop = Redirect(url, 301, "https://example.com/new")
    moved = answer(
        url,
        body("article_meta_author.html"),
        content_type="text/html",
        final_url="https://example.com/new",
    )
    fetcher = FakeFetcher([replace(moved, redirects=(hop,))])
    result = resolve({url: True}, fetcher)[url]
    assert result.fetched.final_url == "https://example.com/new"
    assert result.fetched.redirects == (hop,)
    assert result.source is not None and result.source.title == "Plain Page Title"


def test_dead_page() -> None:
    url = "https://example.com/gone"
    fetcher = FakeFetcher(
        [answer(url, b"<html>404</html>", http_status=404, content_type="text/html")]
    )
    result = resolve({url: True}, fetcher)[url]
    assert result.fetched.status is FetchStatus.NOT_FOUND and result.source is None


def test_page_that_is_not_text_is_alive_but_unreadable() -> None:
    url = "https://example.com/image"
    fetcher = FakeFetcher([answer(url, b"\x89PNG...", content_type="image/png")])
    result = resolve({url: True}, fetcher)[url]
    assert result.fetched.status is FetchStatus.UNSUPPORTED and result.source is None


def test_results_keep_the_targets_order() -> None:
    urls = ["https://example.com/b", TWEET, "https://example.com/a"]
    fetcher = FakeFetcher([answer(SYN, body("syndication_tweet_image_1641086480675225601.json"))])
    assert list(resolve(dict.fromkeys(urls, False), fetcher)) == urls


def test_pdf_link_check_does_not_download_the_pdf() -> None:
    url = "https://example.org/big.pdf"
    fetcher = FakeFetcher([answer(url, b"", content_type="application/pdf")])
    result = resolve({url: False}, fetcher)[url]
    assert fetcher.rounds[0][0].need_body is False
    assert result.fetched.status is FetchStatus.OK


def test_a_shared_request_is_made_once_with_a_body_when_either_link_needs_text() -> None:
    link_only = "https://web.archive.org/web/2013/http://example.com/"
    quoted = "https://web.archive.org/web/2013id_/http://example.com/"
    raw = "https://web.archive.org/web/2013id_/http://example.com/"
    page = b"<html><title>Example</title><p>Archived words.</p></html>"
    fetcher = FakeFetcher([answer(raw, page, content_type="text/html")])
    results = resolve({link_only: False, quoted: True}, fetcher)
    (request,) = fetcher.rounds[0]
    assert request.need_body is True
    assert results[quoted].source is not None
    assert results[quoted].source.text == "Archived words."


def test_arxiv_falls_back_to_the_abs_page_when_the_api_is_throttled() -> None:
    fetcher = FakeFetcher(
        [
            answer(API_ONE, b"Rate exceeded.", content_type="text/plain"),
            answer(ABS, body("arxiv_abs_2206.06921v3.html"), content_type="text/html"),
        ]
    )
    result = resolve({ABS: True}, fetcher)[ABS]
    assert fetcher.urls == [API_ONE, ABS]
    assert (
        result.source is not None and result.source.title == "Attainable forms of Assouad spectra"
    )


def test_a_page_that_redirects_to_a_known_site_is_read_by_that_site_adapter() -> None:
    doi = "https://doi.org/10.48550/arXiv.2206.06921"
    hop = Redirect(doi, 302, "https://arxiv.org/abs/2206.06921")
    landing = replace(
        answer(doi, b"<html>arXiv abs page</html>", content_type="text/html"),
        final_url="https://arxiv.org/abs/2206.06921",
        redirects=(hop,),
    )
    fetcher = FakeFetcher([landing, answer(API_ONE, body("arxiv_2025new_single_2206.06921.xml"))])
    result = resolve({doi: True}, fetcher)[doi]
    assert fetcher.urls == [doi, API_ONE]
    assert result.source is not None and result.source.adapter == "arxiv"
    assert result.source.url == doi
    assert result.fetched.url == doi
    assert result.fetched.final_url == "https://arxiv.org/abs/2206.06921"
    assert result.fetched.redirects == (hop,)


def test_a_shortened_link_to_a_deleted_post_is_dead() -> None:
    short = "https://t.co/AbCdEf1234"
    landing = replace(answer(short, b"", content_type="text/html"), final_url=TWEET)
    fetcher = FakeFetcher(
        [
            landing,
            answer(FX, body("fxtwitter_not_found.json"), http_status=404),
            answer(SYN, body("syndication_tombstone_deleted.json")),
        ]
    )
    result = resolve({short: False}, fetcher)[short]
    assert fetcher.urls == [short, FX, SYN]
    assert result.fetched.status is FetchStatus.DELETED
    assert result.fetched.final_url == TWEET


def test_x_oembed_is_the_last_resort() -> None:
    fetcher = FakeFetcher(
        [
            answer(FX, b"{}"),
            answer(SYN, b"{}"),
            answer(OEMBED, body("oembed_image_1641086480675225601.json")),
        ]
    )
    result = resolve({TWEET: True}, fetcher)[TWEET]
    assert fetcher.urls == [FX, SYN, OEMBED]
    assert result.source is not None and result.source.authors[0].handle == "SamuelSusla"


def test_a_page_cut_at_the_size_cap_is_alive_and_partial() -> None:
    page = "https://example.com/huge-page"
    cut = answer(page, "<html><title>Huge</title><p>The first part of a very long page",
                 content_type="text/html", status=FetchStatus.TOO_LARGE)
    result = resolve({page: True}, FakeFetcher([cut]))[page]
    assert result.fetched.status is FetchStatus.OK
    assert result.source is not None
    assert result.source.complete is False
    assert result.source.note.startswith("cut at the size cap")
    assert "The first part of a very long page" in result.source.text


def test_a_cut_error_page_is_no_source() -> None:
    page = "https://example.com/huge-error"
    cut = answer(page, "<p>error</p>", http_status=500, content_type="text/html",
                 status=FetchStatus.TOO_LARGE)
    result = resolve({page: True}, FakeFetcher([cut]))[page]
    assert result.source is None
    assert result.fetched.status is not FetchStatus.OK

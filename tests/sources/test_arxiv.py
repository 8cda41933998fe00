from __future__ import annotations

import pytest
from recorded import answer, body, make_pdf

from srclint.model import Author, FetchStatus, Freshness, Request
from srclint.sources import arxiv


@pytest.mark.parametrize(
    ("url", "paper_id", "version"),
    [
        ("https://arxiv.org/abs/2206.06921", "2206.06921", None),
        ("https://arxiv.org/abs/2206.06921v3", "2206.06921", "v3"),
        ("http://arxiv.org/abs/2206.06921v1", "2206.06921", "v1"),
        ("https://www.arxiv.org/abs/2206.06921", "2206.06921", None),
        ("https://export.arxiv.org/abs/2206.06921", "2206.06921", None),
        ("https://arxiv.org/pdf/2206.06921", "2206.06921", None),
        ("https://arxiv.org/pdf/2206.06921v2", "2206.06921", "v2"),
        ("https://arxiv.org/pdf/2206.06921v2.pdf", "2206.06921", "v2"),
        ("https://arxiv.org/pdf/2206.06921.pdf", "2206.06921", None),
        ("https://arxiv.org/html/2206.06921v3", "2206.06921", "v3"),
        ("https://arxiv.org/html/2206.06921v3/", "2206.06921", "v3"),
        ("https://arxiv.org/abs/1501.00001", "1501.00001", None),
        ("https://arxiv.org/abs/0704.0001", "0704.0001", None),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001", None),
        ("https://arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001", "v2"),
        ("https://arxiv.org/pdf/nucl-ex/0408020v1", "nucl-ex/0408020", "v1"),
        ("https://arxiv.org/abs/cond-mat.mes-hall/0211022", "cond-mat/0211022", None),
        ("https://arxiv.org/abs/math.CA/0211022", "math/0211022", None),
    ],
)
def test_urls(url: str, paper_id: str, version: str | None) -> None:
    paper = arxiv.paper(url)
    assert paper is not None and (paper.id, paper.version) == (paper_id, version)


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/",
        "https://arxiv.org/list/cs.AI/recent",
        "https://example.com/abs/2206.06921",
        "https://arxiv.org/abs/22060.6921",
    ],
)
def test_urls_not_claimed(url: str) -> None:
    assert not arxiv.matches(url)


def test_plan_is_one_api_query_with_politeness() -> None:
    request, abs_page = arxiv.plan("https://arxiv.org/pdf/2206.06921v3")
    assert abs_page.url == "https://arxiv.org/abs/2206.06921v3"
    assert request.url == "https://export.arxiv.org/api/query?id_list=2206.06921v3&max_results=1"
    assert request.host_interval == 3.0
    assert request.freshness is Freshness.IMMUTABLE
    latest, _ = arxiv.plan("https://arxiv.org/abs/2206.06921")
    assert latest.freshness is Freshness.POST  # "the latest version" can change


def test_batch_merges_every_id_into_one_query() -> None:
    urls = [
        "https://arxiv.org/abs/2201.13452",
        "https://arxiv.org/pdf/hep-th/9901001v2",
        "https://arxiv.org/abs/2201.13452v1",
        "https://arxiv.org/html/2201.13452",
    ]
    requests = {u: arxiv.plan(u)[0] for u in urls}
    requests["https://arxiv.org/html/other"] = Request("https://arxiv.org/html/other")
    merged = arxiv.batch(requests)
    shared = {merged[u] for u in urls}
    assert len(shared) == 1
    (query,) = shared
    assert query.url == (
        "https://export.arxiv.org/api/query?id_list=2201.13452,hep-th/9901001v2,2201.13452v1"
        "&max_results=3"
    )
    assert query.host_interval == 3.0
    assert merged["https://arxiv.org/html/other"].url == "https://arxiv.org/html/other"


def test_batch_splits_long_runs() -> None:
    urls = [f"https://arxiv.org/abs/2201.{n:05d}" for n in range(arxiv.BATCH_SIZE + 5)]
    merged = arxiv.batch({u: arxiv.plan(u)[0] for u in urls})
    assert len({r.url for r in merged.values()}) == 2


API = "https://export.arxiv.org/api/query?id_list=2206.06921&max_results=1"


@pytest.mark.parametrize(
    "name", ["arxiv_2025new_single_2206.06921.xml", "arxiv_legacy_single_2206.06921.xml"]
)
def test_single_entry_both_backends(name: str) -> None:
    source = arxiv.parse(
        "https://arxiv.org/abs/2206.06921",
        answer(API, body(name), content_type="application/atom+xml"),
    )
    assert source is not None and source.status is FetchStatus.OK
    assert source.title == "Attainable forms of Assouad spectra"
    assert source.authors == (Author("Alex Rutar"),)
    assert source.published == "2022-06-14T15:35:46Z"
    assert source.canonical_url == "https://arxiv.org/abs/2206.06921v3"
    assert not source.complete
    assert source.note == "abstract only (arXiv 2206.06921v3)"
    assert source.text.startswith("Let $d\\in\\mathbb{N}$")
    assert "\n" not in source.text  # the legacy backend's hard wrapping is undone


@pytest.mark.parametrize(
    "name",
    ["arxiv_2025new_id_list_some_missing.xml", "arxiv_legacy_id_list_some_missing.xml"],
)
def test_mixed_id_list_finds_only_matching_entries(name: str) -> None:
    fetched = answer(
        "https://export.arxiv.org/api/query?id_list=2201.13455,2201.13452,2201.13453,2201.13454",
        body(name),
    )
    found = arxiv.parse("https://arxiv.org/abs/2201.13452", fetched)
    assert found is not None and found.status is FetchStatus.OK
    assert found.title == (
        "Asymptotic Analysis for a Nonlinear Reaction-Diffusion System Modeling an "
        "Infectious Disease"
    )
    assert found.authors == (Author("Hong-Ming Yin"), Author("Jun Zou"))
    for missing in ("2201.13455", "2201.13453", "2201.13454"):
        source = arxiv.parse(f"https://arxiv.org/abs/{missing}", fetched)
        assert source is not None and source.status is FetchStatus.NOT_FOUND


@pytest.mark.parametrize(
    "name", ["arxiv_2025new_unknown_id_1201.56789.xml", "arxiv_legacy_unknown_id_1201.56789.xml"]
)
def test_unknown_id_is_not_found_even_when_total_results_says_one(name: str) -> None:
    source = arxiv.parse("https://arxiv.org/abs/1201.56789", answer(API, body(name)))
    assert source is not None and source.status is FetchStatus.NOT_FOUND


def test_version_must_match() -> None:
    fetched = answer(API, body("arxiv_2025new_single_2206.06921.xml"))
    source = arxiv.parse("https://arxiv.org/abs/2206.06921v1", fetched)
    assert source is not None and source.status is FetchStatus.NOT_FOUND


def test_error_entry_is_not_found() -> None:
    error_feed = (
        b'<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.1234567</id>"
        b"<title>Error</title><summary>incorrect id format for 1234.1234567</summary>"
        b"</entry></feed>"
    )
    source = arxiv.parse("https://arxiv.org/abs/2206.06921", answer(API, error_feed))
    assert source is not None and source.status is FetchStatus.NOT_FOUND


@pytest.mark.parametrize(
    ("content", "http_status"),
    [
        (b"Rate exceeded.", 200),
        (b"Rate exceeded.", 429),
        (b"", 503),
        (b"<html>Bad gateway</html>", 502),
    ],
)
def test_unusable_answers(content: bytes, http_status: int) -> None:
    fetched = answer(API, content, http_status=http_status, content_type="text/plain")
    assert arxiv.parse("https://arxiv.org/abs/2206.06921", fetched) is None


def test_xml_bombs_are_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol2;</title></feed>'
    )
    assert arxiv.parse("https://arxiv.org/abs/2206.06921", answer(API, bomb)) is None


def _abstract():  # type: ignore[no-untyped-def]
    return arxiv.parse(
        "https://arxiv.org/abs/2206.06921", answer(API, body("arxiv_2025new_single_2206.06921.xml"))
    )


def test_full_text_plan_is_html_then_pdf_of_the_checked_version() -> None:
    requests = arxiv.full_text_plan("https://arxiv.org/abs/2206.06921", _abstract())
    assert [r.url for r in requests] == [
        "https://arxiv.org/html/2206.06921v3",
        "https://arxiv.org/pdf/2206.06921v3",
    ]


def test_full_text_from_html_keeps_the_metadata() -> None:
    fetched = answer(
        "https://arxiv.org/html/2206.06921v3",
        body("arxiv_html_2206.06921v3.html"),
        content_type="text/html; charset=utf-8",
    )
    full = arxiv.parse_full_text("https://arxiv.org/abs/2206.06921", _abstract(), fetched)
    assert full is not None and full.complete
    assert full.title == "Attainable forms of Assouad spectra"
    assert "interpolates between the upper box dimension" in full.text
    assert "Report issue" not in full.text and "LaTeXML" not in full.text
    assert "Let d\\in\\mathbb{N} be a natural number." in full.text
    assert full.note.startswith("full text (arXiv 2206.06921v3")


def test_full_text_from_pdf() -> None:
    pdf = make_pdf([["The Assouad spectrum interpo-", "lates between dimensions."]])
    fetched = answer("https://arxiv.org/pdf/2206.06921v3", pdf, content_type="application/pdf")
    full = arxiv.parse_full_text("https://arxiv.org/abs/2206.06921", _abstract(), fetched)
    assert full is not None and full.complete
    assert "The Assouad spectrum interpolates between dimensions." in full.text


def test_full_text_missing_html_is_unusable() -> None:
    fetched = answer(
        "https://arxiv.org/html/2206.06921v3",
        b"<html>No HTML</html>",
        http_status=404,
        content_type="text/html",
    )
    assert arxiv.parse_full_text("https://arxiv.org/abs/2206.06921", _abstract(), fetched) is None


ABS_PAGE = "https://arxiv.org/abs/2206.06921v3"


def test_abs_page_fallback_reads_highwire_tags() -> None:
    fetched = answer(ABS_PAGE, body("arxiv_abs_2206.06921v3.html"), content_type="text/html")
    source = arxiv.parse("https://arxiv.org/pdf/2206.06921v3", fetched)
    assert source is not None and source.status is FetchStatus.OK
    assert source.title == "Attainable forms of Assouad spectra"
    assert source.authors == (Author("Alex Rutar"),)
    assert source.published == "2022/06/14"
    assert source.text.startswith("Let $d\\in\\mathbb{N}$")
    assert not source.complete and source.note.endswith("abs page)")
    assert source.canonical_url == ABS_PAGE


def test_abs_page_404_is_not_found() -> None:
    fetched = answer(ABS_PAGE, b"<html>Not found</html>", http_status=404, content_type="text/html")
    source = arxiv.parse("https://arxiv.org/abs/2206.06921v3", fetched)
    assert source is not None and source.status is FetchStatus.NOT_FOUND

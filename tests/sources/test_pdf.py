from __future__ import annotations

from recorded import answer, make_pdf

from srclint.model import Author
from srclint.sources import pdf


def test_pdf_matches_by_extension_and_reads_any_pdf_answer() -> None:
    assert pdf.matches("https://example.org/paper.PDF")
    assert not pdf.matches("https://example.org/paper.pdf.html")
    assert pdf.plan("https://example.org/paper.pdf")[0].url == "https://example.org/paper.pdf"


def test_pdf_text_hyphenation_and_metadata() -> None:
    document = make_pdf(
        [
            [
                "Quotations must be checked care-",
                "fully against the source.",
                "Smith-",
                "Jones wrote it.",
            ],
            ["Second page."],
        ],
        title="On Checking",
        author="Ann Author; Ben Author",
    )
    url = "https://example.org/paper.pdf"
    source = pdf.parse(url, answer(url, document, content_type="application/pdf"))
    assert source is not None and source.complete
    assert "Quotations must be checked carefully against the source." in source.text
    assert "Smith-\nJones" in source.text  # a capital after the break: not a split word
    assert source.text.endswith("\n\nSecond page.")
    assert source.title == "On Checking"
    assert source.authors == (Author("Ann Author"), Author("Ben Author"))


def test_pdf_sniffed_without_content_type() -> None:
    document = make_pdf([["Sniffed."]])
    source = pdf.parse(
        "https://example.org/x",
        answer("https://example.org/x", document, content_type="application/octet-stream"),
    )
    assert source is not None and source.text == "Sniffed."


def test_damaged_pdf_is_incomplete_not_missing() -> None:
    url = "https://example.org/broken.pdf"
    source = pdf.parse(url, answer(url, b"%PDF-1.4\ngarbage", content_type="application/pdf"))
    assert source is not None and not source.complete and source.text == ""
    assert source.note


def test_pdf_url_answering_html_is_read_as_a_page() -> None:
    url = "https://example.org/paper.pdf"
    source = pdf.parse(
        url,
        answer(url, b"<html><title>Log in</title><p>Log in.</p></html>", content_type="text/html"),
    )
    assert source is not None and source.adapter == "html"


def test_join_hyphenated() -> None:
    assert pdf.join_hyphenated("quo-\ntation and Anglo-\nSaxon and 1990-\n2000") == (
        "quotation and Anglo-\nSaxon and 1990-\n2000"
    )

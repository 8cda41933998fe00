"""The verdict ladder, driven by the quote table in ``fixtures/quotes/``."""

from __future__ import annotations

from typing import Any

import pytest

from srclint.match import find, prepare
from srclint.match.align import FRAGMENTS_NOTE
from srclint.model import DiffTag, Verdict
from srclint.rules.quote_evidence import changes

from .conftest import load_rows, load_sources

SOURCES = load_sources()
PREPARED = {name: prepare(text) for name, text in SOURCES.items()}
ROWS = load_rows()


def test_the_table_is_large_and_covers_every_verdict() -> None:
    assert len(ROWS) >= 120
    assert {row["expect"] for row in ROWS} == {v.value for v in Verdict}
    assert all(row["source"] in SOURCES for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['id']}-{r['why'][:40]}" for r in ROWS])
def test_table_row(row: dict[str, Any]) -> None:
    alignment = find(row["quote"], PREPARED[row["source"]], complete=row.get("complete", True))
    assert alignment.verdict.value == row["expect"], alignment
    changes = [(op.source, op.quote) for op in alignment.diff if op.tag is not DiffTag.EQUAL]
    for source, quote in row.get("changes", []):
        assert any(source in s and quote in q for s, q in changes), changes


@pytest.mark.parametrize("row", [r for r in ROWS if r["expect"] in ("exact", "folded", "altered")])
def test_found_rows_point_into_the_original_text(row: dict[str, Any]) -> None:
    alignment = find(row["quote"], PREPARED[row["source"]], complete=row.get("complete", True))
    assert alignment.source_span is not None
    start, end = alignment.source_span
    text = SOURCES[row["source"]]
    assert 0 <= start < end <= len(text)
    first_piece = alignment.closest.split(" … ")[0]
    assert text[start:].startswith(first_piece)


def test_exact_span_is_the_original_text_with_its_typography() -> None:
    source = "He wrote: \u201cthe map\u00a0is not\nthe territory\u201d \u2014 and left."
    alignment = find('wrote: "the map is not the territory" -- and left', source)
    assert alignment.verdict is Verdict.EXACT
    assert alignment.source_span == (3, len(source) - 1)
    assert alignment.closest == source[3:-1]
    assert "\u201cthe map\u00a0is not\nthe territory\u201d \u2014" in alignment.closest


def test_quotation_marks_and_a_full_stop_at_the_ends_are_the_writers() -> None:
    source = "as they say, \u201cthe map is not the territory, after all\u201d"
    assert find('"the map is not the territory."', source).verdict is Verdict.EXACT


def test_a_negation_change_is_one_tight_replace() -> None:
    source = "We saw that the shortest program that does mod arithmetic is generalizing well."
    quote = "the shortest program that does mod arithmetic isn't generalizing"
    alignment = find(quote, source)
    assert alignment.verdict is Verdict.ALTERED
    assert [op.tag for op in alignment.diff] == [DiffTag.EQUAL, DiffTag.REPLACE, DiffTag.EQUAL]
    assert (alignment.diff[1].source, alignment.diff[1].quote) == ("is", "isn't")
    assert alignment.closest == "the shortest program that does mod arithmetic is generalizing"


def test_fragments_alone_are_never_a_match() -> None:
    alignment = find("the ... of the ... and", "the cat of the house and the dog")
    assert alignment.verdict is Verdict.MISSING
    assert alignment.notes == (FRAGMENTS_NOTE,)
    incomplete = find("the ... of the ... and", "the cat of the house", complete=False)
    assert incomplete.verdict is Verdict.UNVERIFIABLE


def test_a_quote_running_past_a_partial_text_is_unverifiable() -> None:
    source = "The quick brown fox jumps over the lazy dog and then runs into the wo\u2026"
    quote = "the lazy dog and then runs into the woods where nobody can find it"
    assert find(quote, source, complete=False).verdict is Verdict.UNVERIFIABLE
    assert find(quote, source, complete=True).verdict is Verdict.ALTERED


def test_out_of_order_segments_are_named_in_the_notes() -> None:
    source = "First comes the long opening sentence here. Then the closing sentence follows it."
    quote = "the closing sentence follows it ... the long opening sentence here"
    alignment = find(quote, source)
    assert alignment.verdict is Verdict.ALTERED
    assert any("order" in note for note in alignment.notes)
    assert any(op.tag is not DiffTag.EQUAL for op in alignment.diff)


def test_a_string_source_is_prepared_on_the_fly() -> None:
    assert find("a b c d e", "x a b c d e y").verdict is Verdict.EXACT


def test_an_empty_quote_has_nothing_to_find() -> None:
    assert find(" ... ", "anything at all").verdict is Verdict.MISSING


def test_the_q002_message_reads_from_the_diff() -> None:
    source = "the shortest program that does mod arithmetic is generalizing"
    alignment = find("the shortest program that does mod arithmetic isn't generalizing", source)
    assert changes(alignment) == '"is" → "isn\'t" (negation)'
    alignment = find("the shortest program that does 3 mod arithmetic is generalizing", source)
    assert changes(alignment) == 'added "3" (number)'


def test_an_ellipsis_over_a_negation_is_a_change() -> None:
    source = "We tested it for weeks. The model is clearly not aligned with its developers."
    hidden = find("The model is clearly ... aligned with its developers.", source)
    assert hidden.verdict is Verdict.ALTERED
    assert changes(hidden) == 'dropped "not" (negation)'
    contraction = find("it ... aligned", "it isn't aligned")
    assert contraction.verdict is Verdict.MISSING  # fragments only: never a match
    far = find("We tested it for weeks ... aligned with its developers.", source)
    assert far.verdict is Verdict.EXACT  # five words left out: an ordinary ellipsis


# A source in an unspaced script (invented sentences about Japanese cities).
JAPANESE = "東京は日本の首都です。大阪は西日本の中心都市です。人口は約二百七十万人です。"


@pytest.mark.parametrize(
    ("quote", "verdict", "change"),
    [
        ("大阪は西日本の中心都市です。", Verdict.EXACT, None),
        ("大阪は東日本の中心都市です。", Verdict.ALTERED, ("東", "西")),
        ("東京は中国の首都です。", Verdict.ALTERED, ("中国", "日本")),
        ("ロンドンはイギリスの首都です。", Verdict.MISSING, None),
    ],
)
def test_unspaced_scripts_are_compared_by_characters(
    quote: str, verdict: Verdict, change: tuple[str, str] | None
) -> None:
    alignment = find(quote, JAPANESE)
    assert alignment.verdict is verdict
    if change is not None:
        changed = [(op.quote, op.source) for op in alignment.diff if op.tag is not DiffTag.EQUAL]
        assert changed == [change]

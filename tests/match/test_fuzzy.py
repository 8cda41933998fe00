from __future__ import annotations

from srclint.match.fold import fold_words
from srclint.match.fuzzy import locate
from srclint.match.source import prepare

FILLER = " ".join(f"word{i} and the other of" for i in range(3000))
PASSAGE = "the shortest program that does modular arithmetic is generalizing rather than memorizing"


def test_locate_finds_an_altered_passage_in_a_long_source() -> None:
    source = prepare(FILLER + " " + PASSAGE + " " + FILLER)
    words = fold_words(PASSAGE.replace("is generalizing", "is not generalizing"))
    hit = locate(words, source)
    assert hit is not None
    assert source.folded.words[hit.first : hit.last] == fold_words(PASSAGE)
    assert hit.similarity > 0.85


def test_locate_keeps_a_changed_first_word() -> None:
    source = prepare("before words here. " + PASSAGE + " after words here")
    words = fold_words("a " + PASSAGE.split(" ", 1)[1])
    hit = locate(words, source)
    assert hit is not None
    assert source.folded.words[hit.first] == "the"


def test_locate_counts_swapped_clauses_as_moved() -> None:
    source = prepare("I think it's important to notice the ways in which human nature is silly.")
    words = fold_words("the ways in which human nature is silly, I think it's important to notice")
    hit = locate(words, source)
    assert hit is not None
    assert hit.moved >= 3


def test_locate_on_unrelated_text_is_weak() -> None:
    source = prepare(FILLER)
    hit = locate(fold_words("a completely different sentence about cats and dogs"), source)
    assert hit is None or hit.similarity < 0.5


def test_locate_respects_the_region() -> None:
    source = prepare(PASSAGE + " " + FILLER + " " + PASSAGE)
    words = fold_words(PASSAGE)
    n = len(source.folded)
    hit = locate(words, source, lo=n // 2)
    assert hit is not None
    assert hit.first >= n // 2

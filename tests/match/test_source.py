from __future__ import annotations

from srclint.match.source import prepare


def test_prepare_normalizes_once_and_folds_lazily() -> None:
    source = prepare("The \u201cmap\u201d is not\nthe territory.")
    assert source.normalized.text == "The 'map' is not the territory."
    assert "folded" not in source.__dict__
    assert source.folded.words == ["the", "map", "is", "not", "the", "territory"]
    assert source.folded.text == "the map is not the territory"


def test_word_range_and_spans() -> None:
    source = prepare("One two, three.")
    folded = source.folded
    start = folded.text.index("two")
    assert folded.word_range(start, start + len("two three")) == (1, 3)
    assert source.word_span(1, 3) == (4, 14)
    assert source.original_span(*source.word_span(1, 3)) == (4, 14)


def test_indexes() -> None:
    source = prepare("a b a b c")
    assert source.pairs["a b"] == [0, 2]
    assert source.singles["b"] == [1, 3]


def test_empty_source() -> None:
    source = prepare("")
    assert len(source.folded) == 0
    assert source.folded.text == ""

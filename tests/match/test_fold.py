from __future__ import annotations

from srclint.match.fold import fold_key, fold_words, word_spans


def test_fold_words() -> None:
    assert fold_words("The map, it's NOT 3.5 or 1,000 well-known") == [
        "the", "map", "its", "not", "3.5", "or", "1,000", "well", "known"
    ]


def test_fold_key() -> None:
    assert fold_key("Map,") == "map"
    assert fold_key("\u2014") == ""


def test_word_spans() -> None:
    assert list(word_spans("A b.")) == [("a", 0, 1), ("b", 2, 3)]

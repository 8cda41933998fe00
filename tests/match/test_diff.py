from __future__ import annotations

from srclint.match.diff import ELLIPSIS, join_segments, word_diff
from srclint.model import DiffOp, DiffTag


def test_a_changed_word_is_one_replace_between_equal_runs() -> None:
    ops = word_diff("the map isn't the territory", "the map is the territory")
    assert ops == [
        DiffOp(DiffTag.EQUAL, "the map", "the map"),
        DiffOp(DiffTag.REPLACE, "isn't", "is"),
        DiffOp(DiffTag.EQUAL, "the territory", "the territory"),
    ]


def test_inserted_and_dropped_words() -> None:
    assert word_diff("a b x c", "a b c")[1] == DiffOp(DiffTag.INSERT, "x", "")
    assert word_diff("a c", "a b c")[1] == DiffOp(DiffTag.DELETE, "", "b")


def test_folded_comparison_ignores_case_and_punctuation() -> None:
    ops = word_diff("The map, is", "the map is")
    assert [op.tag for op in ops] == [DiffTag.EQUAL]
    assert ops[0].quote == "The map, is"
    assert ops[0].source == "the map is"


def test_exact_comparison_shows_case_and_punctuation() -> None:
    ops = word_diff("The map, is", "the map is", folded=False)
    assert DiffOp(DiffTag.REPLACE, "The map,", "the map") in ops


def test_a_dash_alone_is_not_a_change() -> None:
    assert [op.tag for op in word_diff("a \u2014 b", "a b")] == [DiffTag.EQUAL]


def test_segments_are_joined_by_an_ellipsis() -> None:
    one = [DiffOp(DiffTag.EQUAL, "a", "a")]
    two = [DiffOp(DiffTag.INSERT, "b", "")]
    assert join_segments([one, two]) == (one[0], ELLIPSIS, two[0])

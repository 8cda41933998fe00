from __future__ import annotations

from srclint.match.normalize import normalize
from srclint.match.search import Literal, exact_matcher, folded_matcher, place
from srclint.match.segments import parse_quote
from srclint.match.source import prepare


def _exact(quote: str, source: str) -> tuple[int, int] | None:
    (segment,) = parse_quote(quote)
    text = normalize(source).text
    return exact_matcher(segment).search(text, 0, len(text))


def test_literals_match_whole_words_only() -> None:
    assert _exact("possible to do", "it is impossible to do") is None
    assert _exact("possible to do", "it is possible to do") == (6, 20)
    assert _exact("the map", "bathe map, the map") == (11, 18)


def test_literal_search_from_the_right() -> None:
    needle = Literal("ab", folded=False)
    assert needle.rsearch("ab xab ab", 0, 9) == (7, 9)
    assert needle.rsearch("ab xab ab", 0, 6) == (0, 2)


def test_case_change_in_brackets() -> None:
    assert _exact("[T]he map is", "so the map is") is not None
    assert _exact("[t]he map is", "The map is") is not None


def test_whole_word_insertion_stands_for_a_few_words() -> None:
    assert _exact("the model [GPT] said so", "the model said so") is not None
    assert _exact("the model [GPT] said so", "the model, GPT-4 by name, said so") is not None
    too_many = "the model one two three four five six seven said so"
    assert _exact("the model [GPT] said so", too_many) is None


def test_insertion_before_punctuation() -> None:
    assert _exact("he said [to Bob].", "he said to Bob.") is not None
    assert _exact("he said [to Bob].", "he said.") is not None


def test_folded_matcher_ignores_case_and_punctuation() -> None:
    source = prepare("Well, The Map -- is NOT the territory!")
    (segment,) = parse_quote("the map is not the territory")
    text = source.folded.text
    assert folded_matcher(segment).search(text, 0, len(text)) is not None


def test_place_keeps_order_and_short_segments_close() -> None:
    segments = parse_quote("the opening words are here ... end")
    text = "the opening words are here and then the end" + " filler" * 100 + " end"
    matchers = [exact_matcher(s) for s in segments]
    spans = place(matchers, [s.short for s in segments], text)
    assert spans is not None
    assert spans[1] == (40, 43)
    far = "the opening words are here" + " filler" * 100 + " end"
    assert place(matchers, [s.short for s in segments], far) is None


def test_short_segment_before_its_anchor_is_searched_backwards() -> None:
    segments = parse_quote("Debate works ... it could hardly be otherwise")
    text = "Debate works here. Debate works. As long as it could hardly be otherwise."
    spans = place([exact_matcher(s) for s in segments], [s.short for s in segments], text)
    assert spans is not None
    assert spans[0] == (19, 31)

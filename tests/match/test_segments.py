from __future__ import annotations

import pytest

from srclint.match.segments import Insertion, parse_quote, strip_markup


@pytest.mark.parametrize(
    ("quote", "texts"),
    [
        ("one two three", ["one two three"]),
        ("one two ... three four", ["one two", "three four"]),
        ("one two\u2026three four", ["one two", "three four"]),
        ("one two [...] three", ["one two", "three"]),
        ("one two [\u2026] three", ["one two", "three"]),
        ("one two (...) three", ["one two", "three"]),
        ("one two . . . three", ["one two", "three"]),
        ("end of it. ... next one", ["end of it", "next one"]),
        ("end of it.... next one", ["end of it", "next one"]),
        ("... leading and trailing ...", ["leading and trailing"]),
        ("typo [sic] here", ["typo here"]),
        ("typo (sic) here", ["typo here"]),
        ("this matters [emphasis added]", ["this matters"]),
        ("this matters (emphasis mine)", ["this matters"]),
        # writer QA: the other ways writers say it
        ("this matters (my emphasis)", ["this matters"]),
        ("this matters (my italics)", ["this matters"]),
        ("these matter (emphases mine)", ["these matter"]),
        ("this matters (internal citations omitted)", ["this matters"]),
        ("this matters (Emphasis added.)", ["this matters"]),
        ("this matters (my words)", ["this matters (my words)"]),
        ("this matters [Emphasis in original.]", ["this matters"]),
        ("this matters [emphasis in original]", ["this matters"]),
    ],
)
def test_segments(quote: str, texts: list[str]) -> None:
    assert [s.text for s in parse_quote(quote)] == texts


def test_insertions() -> None:
    (segment,) = parse_quote("[T]he model [GPT-4] said [the AI] was fine")
    assert segment.parts == (
        Insertion("T", attached=True),
        "he model ",
        Insertion("GPT-4", attached=False),
        " said ",
        Insertion("the AI", attached=False),
        " was fine",
    )
    assert segment.plain == "The model said was fine"


def test_insertions_at_the_ends_stand_for_nothing() -> None:
    (segment,) = parse_quote("[And] the model said [so]")
    assert segment.text == "the model said"


def test_short_segments() -> None:
    segments = parse_quote("a long enough segment ... two words")
    assert [s.short for s in segments] == [False, True]


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("*emph* and _more_ and **strong** and ***both***", "emph and more and strong and both"),
        ("a [link](https://example.com/a_(b)) here", "a link here"),
        ("a [reference][ref] here", "a reference here"),
        ("a note[^1] here", "a note here"),
        ("`code` and <em>tags</em>", "code and tags"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("escaped \\*star\\*", "escaped *star*"),
    ],
)
def test_strip_markup(markdown: str, text: str) -> None:
    assert strip_markup(markdown) == text

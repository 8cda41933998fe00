from __future__ import annotations

import pytest

from srclint.attribute import author_matches, compare, title_matches
from srclint.model import Author, Claim, Source, Span

YUDKOWSKY = (Author("Eliezer Yudkowsky", "Eliezer_Yudkowsky"),)
TWEETER = (Author("Zack M. Davis", "zackmdavis"),)


@pytest.mark.parametrize(
    ("claimed", "authors", "expected"),
    [
        ("Eliezer Yudkowsky", YUDKOWSKY, True),
        ("Yudkowsky", YUDKOWSKY, True),
        ("Eliezer", YUDKOWSKY, True),
        ("E. Yudkowsky", YUDKOWSKY, True),
        ("eliezer yudkowsky", YUDKOWSKY, True),
        ("@Eliezer_Yudkowsky", YUDKOWSKY, True),
        ("Eliezer_Yudkowsky", YUDKOWSKY, True),
        ("Scott Alexander", YUDKOWSKY, False),
        ("Robin Hanson", YUDKOWSKY, False),
        ("@zackmdavis", TWEETER, True),
        ("Zack Davis", TWEETER, True),
        ("Davis", TWEETER, True),
        ("@sama", TWEETER, False),
        ("Dr. Davis", TWEETER, True),
        ("Zoë Davis", (Author("Zoe Davis"),), True),
        ("Davis", (Author("Alice Smith"), Author("Bob Davis")), True),
        # LessWrong display names are often handles with underscores (real: Zack_M_Davis).
        ("Davis", (Author("Zack_M_Davis", "Zack_M_Davis"),), True),
        ("Zack M. Davis", (Author("Zack_M_Davis", "Zack_M_Davis"),), True),
        ("Yudkowsky", (Author("Eliezer_Yudkowsky"),), True),
        ("Smith", (Author("Zack_M_Davis", "Zack_M_Davis"),), False),
    ],
)
def test_author_matches(claimed: str, authors: tuple[Author, ...], expected: bool) -> None:
    assert author_matches(claimed, authors) is expected


def test_author_alias_from_config() -> None:
    aliases = {"Scott Alexander": ["Yvain", "slatestarcodex"]}
    assert author_matches("Scott Alexander", (Author("Yvain"),), aliases)
    assert author_matches("Yvain", (Author("Scott Alexander"),), aliases)
    assert not author_matches("Scott Alexander", (Author("Yvain"),))


@pytest.mark.parametrize(
    ("claimed", "title", "expected"),
    [
        ("The Standard Analogy", "The Standard Analogy", True),
        ("the standard analogy", "The Standard Analogy", True),
        ("AGI Ruin", "AGI Ruin: A List of Lethalities", True),
        ("“AGI Ruin: A List of Lethalities”", "AGI Ruin: A List of Lethalities", True),
        ("Deep learning generalizes because the parameter-function map is biased",
         "Deep learning generalizes because the parameter-function map is biased towards "
         "simple functions", True),
        ("Levels of Organization", "Levels of Organization in General Intelligence", True),
        ("LOGI", "Levels of Organization in General Intelligence", True),
        ("My Post - LessWrong", "My Post", True),
        ("AGI Ruin: A List of Dangers", "AGI Ruin: A List of Lethalities", False),
        ("The Sequences", "Rationality: From AI to Zombies", False),
        ("Deep learning generalizes because of SGD",
         "Deep learning generalizes because the parameter-function map is biased", False),
    ],
)
def test_title_matches(claimed: str, title: str, expected: bool) -> None:
    assert title_matches(claimed, title) is expected


def _source(title: str | None = "T", authors: tuple[Author, ...] = YUDKOWSKY) -> Source:
    return Source("u", "u", "html", title, authors, None, "text", True)


def test_compare_nothing_to_compare() -> None:
    span = Span(1, 1, 1, 2)
    assert compare(None, _source()) is None
    assert compare(Claim("Yudkowsky", None, span), None) is None
    assert compare(Claim("Someone", None, span), _source(authors=())) is None
    assert compare(Claim(None, "A title", span), _source(title=None)) is None


def test_compare_reports_each_side() -> None:
    span = Span(1, 1, 1, 2)
    result = compare(Claim("Hanson", "Other", span), _source(title="T"))
    assert result is not None
    assert result.author_matches is False
    assert result.title_matches is False
    assert result.source_authors == YUDKOWSKY


FEYNMAN_POST = Source(
    "u", "u", "forum", "Lack of Social Grace", (Author("Zack M. Davis"),), None,
    "Some preamble about physics. Feynman recalls a meeting at Los Alamos: The first "
    "thing that came up was the question of the lab. And much later, unrelated text " * 1
    + "x " * 400 + "The end of the post, which says nothing about anyone.",
    True,
)


@pytest.mark.parametrize(
    ("claimed", "passage", "expected"),
    [
        # The post quotes Feynman right there: crediting Feynman is right.
        ("Feynman", (63, 110), True),
        ("Richard Feynman", (63, 110), True),
        # Named far from the passage, or not at all: a mismatch.
        ("Feynman", (900, 950), False),
        ("Bohr", (63, 110), False),
        # Without a passage there is nothing to look around.
        ("Feynman", None, False),
    ],
)
def test_the_person_a_source_quotes(claimed: str, passage: tuple[int, int] | None,
                                    expected: bool) -> None:
    result = compare(Claim(claimed, None, Span(1, 1, 1, 2)), FEYNMAN_POST, {}, passage)
    assert result is not None
    assert result.author_matches is expected

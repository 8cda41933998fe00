"""The claim patterns: every row of the table, then each row in a real sentence."""

from __future__ import annotations

import pytest

from srclint.extract import parse
from srclint.extract.claims import (
    CLAIM_PATTERNS,
    ClaimPattern,
    Where,
    looks_like_title,
    match_claims,
)


@pytest.mark.parametrize("row", CLAIM_PATTERNS, ids=lambda row: row.name)
def test_every_row_matches_its_example(row: ClaimPattern) -> None:
    assert row.name in [found.pattern for found in match_claims(row.where, row.example)]


U = "https://a.example/source"
Q = "this is a long enough quotation"

# (row name, markdown, expected (author, title) of the first citation's claim)
IN_CONTEXT = [
    ("name-colon", f"Yudkowsky: '{Q}'", ("Yudkowsky", None)),
    ("name-colon", f"**Doomimir**: “{Q}”", ("Doomimir", None)),
    ("name-says", f'Habryka writes that "{Q}".', ("Habryka", None)),
    ("name-says", f'Then Scott Alexander said, "{Q}".', ("Scott Alexander", None)),
    ("name-says", f'@ESYudkowsky tweeted: "{Q}"', ("@ESYudkowsky", None)),
    ("name-says-that-clause", f'Dan Abramov [wrote]({U}) that view flattening "{Q}".',
     ("Dan Abramov", None)),
    ("name-says-that-clause", f'Zvi notes that the post "{Q}".', ("Zvi", None)),
    ("as-name-put-it", f'As Jaynes put it, "{Q}".', ("Jaynes", None)),
    ("according-to", f'According to Scott Alexander, "{Q}".', ("Scott Alexander", None)),
    ("in-the-words-of", f'In the words of E. T. Jaynes, "{Q}".', ("E. T. Jaynes", None)),
    ("possessive", f"See Zvi's [post]({U}).", ("Zvi", None)),
    ("says-name-after", f'"{Q}," wrote Jaynes.', ("Jaynes", None)),
    ("name-says-after", f'"{Q}," Jaynes wrote.', ("Jaynes", None)),
    ("intro-name-colon", f"Yudkowsky:\n\n> {Q}", ("Yudkowsky", None)),
    ("intro-name-says", f"Vaniver writes in the thread:\n\n> {Q}", ("Vaniver", None)),
    ("intro-as-name-put-it", f"As @jd_pressman put it:\n\n> {Q}", ("@jd_pressman", None)),
    ("intro-from-possessive", f"Two paragraphs from E. T. Jaynes's _Probability Theory_:\n\n> {Q}",
     ("E. T. Jaynes", None)),
    ("intro-according-to", f"According to Scott Alexander:\n\n> {Q}", ("Scott Alexander", None)),
    ("dash-name-quoted-in-link",
     f"> {Q}\n>\n> —Richard Feynman, quoted in [Lack of Social Grace]({U})",
     (None, "Lack of Social Grace")),
    ("dash-name-quoted-in-link", f"> {Q}\n\n— Feynman, as cited in [the post]({U})", None),
    ("dash-name-quoted-by-link", f"> {Q}\n> — Richard Feynman, quoted by [Zack Davis]({U})",
     ("Zack Davis", None)),
    ("dash-link", f"> {Q}\n> —[Eliezer Yudkowsky]({U})", ("Eliezer Yudkowsky", None)),
    ("dash-name-link", f"> {Q}\n> — Jaynes, [Probability Theory]({U})",
     ("Jaynes", "Probability Theory")),
    ("dash-name-link", f"> {Q}\n> — Jaynes, [the book]({U})", ("Jaynes", None)),
    ("dash-name", f"> {Q}\n> — Jaynes, Probability Theory", ("Jaynes", "Probability Theory")),
    ("dash-name", f"> {Q}\n> -- Jaynes", ("Jaynes", None)),
    ("link-line", f"> {Q}\n{U}", None),
    ("handle-link", f"As [@ESYudkowsky]({U}) noted.", ("@ESYudkowsky", None)),
    ("quoted-link-text", f"See [“The Sequences”]({U}).", (None, "The Sequences")),
    ("emphasised-link-text", f"See [_The Sequences_]({U}).", (None, "The Sequences")),
    ("emphasised-link-text", f"See [*Attainable forms of Assouad spectra*]({U}).",
     (None, "Attainable forms of Assouad spectra")),
    ("quoted-title-before-link", f'See "The Sequences" ({U}).', (None, "The Sequences")),
    ("url-quoted-title", f'{U} "Deep learning generalizes"', (None, "Deep learning generalizes")),
]


@pytest.mark.parametrize(("row", "markdown", "expected"), IN_CONTEXT)
def test_row_in_context(row: str, markdown: str, expected: tuple[str | None, str | None] | None
                        ) -> None:
    claim = parse("d.md", markdown).citations[0].claim
    assert (None if claim is None else (claim.author, claim.title)) == expected, row


def test_every_row_has_a_context_case() -> None:
    assert {row.name for row in CLAIM_PATTERNS} <= {case[0] for case in IN_CONTEXT}


# (lead text, expected author) — words that are no one's name
NOT_NAMES = [
    ("He writes that ", None),
    ("This says ", None),
    ("Note: ", None),
    ("TODO: ", None),
    ("Then Jaynes wrote ", "Jaynes"),
    ("16 Curated posts ", None),
    ("**Attachment**: ", None),
    # A "that" clause names the speaker only within its own sentence.
    ("Zvi wrote that. Then the paper says ", None),
    ("She wrote that the model ", None),
]


@pytest.mark.parametrize(("lead", "expected"), NOT_NAMES)
def test_not_names(lead: str, expected: str | None) -> None:
    found = [f for f in match_claims(Where.LEAD, lead) if f.author is not None]
    author = lead[found[0].author[0]:found[0].author[1]] if found and found[0].author else None
    assert author == expected


# (text, is it short and in title case)
TITLES = [
    ("Loss Landscapes Are All You Need", True),
    ("Deep Learning Generalizes Because the Parameter-Function Map Is Biased", True),
    ("Critic Contributions are Logically Irrelevant", True),
    ("Deep learning generalizes because the parameter-function map is biased", False),
    ("this is a long enough quotation", False),
    ("I Am Right Just Like I Thought Before We Started Arguing About It All Day Long Ok", False),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_looks_like_title(text: str, expected: bool) -> None:
    assert looks_like_title(text) is expected

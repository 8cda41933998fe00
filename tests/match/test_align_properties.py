"""Laws of matching, checked with hypothesis on the real prose of the quote table's sources.

- any span of five or more words, quoted verbatim or with typographic variation, is exact;
- replacing any one word with a different word is never exact nor folded;
- the verdict does not depend on where in the source the passage is.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srclint.match import find, prepare
from srclint.match.fold import fold_key
from srclint.model import Verdict

from .conftest import load_rows, load_sources

SOURCES = load_sources()
PREPARED = {name: prepare(text) for name, text in SOURCES.items()}
WORD = re.compile(r"\S+")
# Quotes of the source's own ellipses are cut into segments (a span can hold only
# fragments of them), and source text in [brackets] reads as an editorial insertion.
UNSAFE = re.compile(r"\.\.\.|…|\[|\]")
REPLACEMENTS = ["zebra", "never", "not", "seven", "always", "cheese", "isn't", "1987", "maybe"]
SETTINGS = settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def spans(draw: st.DrawFn, min_words: int = 5) -> tuple[str, str]:
    """A source name and a run of at least ``min_words`` of its words, as in the source."""
    name = draw(st.sampled_from(sorted(SOURCES)))
    words = list(WORD.finditer(SOURCES[name]))
    length = draw(st.integers(min_words, min(40, len(words))))
    start = draw(st.integers(0, len(words) - length))
    text = SOURCES[name][words[start].start() : words[start + length - 1].end()]
    return name, text


def _vary(text: str, choices: list[int]) -> str:
    """Typographic variants a writer's editor makes: quotes, dashes, spacing, line wraps."""
    swaps = [
        ("\u201c", '"'), ("\u201d", '"'), ("\u2019", "'"), ("\u2018", "'"),
        ('"', "\u201c"), ("'", "\u2019"), ("\u2014", "--"), ("\u2014", " \u2014 "),
        ("\u2014", " - "), ("--", "\u2014"), (" ", "\n"), (" ", "  "), (" ", "\u00a0"),
    ]
    for choice in choices:
        old, new = swaps[choice % len(swaps)]
        text = text.replace(old, new, 1 + choice % 3)
    return text


@SETTINGS
@given(spans())
def test_any_verbatim_span_is_exact(span: tuple[str, str]) -> None:
    name, text = span
    if UNSAFE.search(text):
        return
    assert find(text, PREPARED[name]).verdict is Verdict.EXACT


@SETTINGS
@given(spans(), st.lists(st.integers(0, 1000), min_size=1, max_size=6))
def test_a_span_with_typographic_variation_is_exact(
    span: tuple[str, str], choices: list[int]
) -> None:
    name, text = span
    if UNSAFE.search(text):
        return
    assert find(_vary(text, choices), PREPARED[name]).verdict is Verdict.EXACT


@SETTINGS
@given(spans(), st.integers(0, 10_000), st.sampled_from(REPLACEMENTS))
def test_one_changed_word_is_never_exact_nor_folded(
    span: tuple[str, str], pick: int, replacement: str
) -> None:
    name, text = span
    if UNSAFE.search(text):
        return
    words = text.split()
    changeable = [i for i, w in enumerate(words) if fold_key(w) and fold_key(w) != replacement]
    if not changeable:
        return
    i = changeable[pick % len(changeable)]
    words[i] = replacement
    verdict = find(" ".join(words), PREPARED[name]).verdict
    assert verdict not in (Verdict.EXACT, Verdict.FOLDED)


PADDING_SOURCES = ("approximators", "standard-analogy")
PADDING = "\n\n".join(SOURCES[name] for name in PADDING_SOURCES)
PADDABLE = [
    r for r in load_rows()
    if r["source"] not in PADDING_SOURCES
    and find(r["quote"], PADDING).verdict in (Verdict.MISSING, Verdict.UNVERIFIABLE)
]


@SETTINGS
@given(st.sampled_from(PADDABLE), st.integers(0, len(PADDING)), st.integers(0, len(PADDING)))
def test_the_verdict_does_not_depend_on_where_the_passage_is(
    row: dict[str, object], before: int, after: int
) -> None:
    quote, name = str(row["quote"]), str(row["source"])
    complete = bool(row.get("complete", True))
    alone = find(quote, PREPARED[name], complete=complete).verdict
    padded = PADDING[:before] + "\n\n" + SOURCES[name] + "\n\n" + PADDING[after:]
    assert find(quote, padded, complete=complete).verdict is alone


MARKUP = st.sampled_from(
    ["[", "]", "(", ")", "...", "…", "*", "_", "`", "\\", "&amp;", "&", "—", "--", " - ",
     "[sic]", "[T]", "\n\n", "'", '"', "\u201c", "\u200b", "[^1]", "(...)", ". . ."]
)
TEXT = st.lists(st.one_of(MARKUP, st.text(max_size=8), st.sampled_from(["the", "map", "is"])),
                max_size=30).map("".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(TEXT, TEXT, st.booleans())
def test_find_never_fails_and_its_span_is_in_the_source(
    quote: str, source: str, complete: bool
) -> None:
    alignment = find(quote, source, complete=complete)
    if alignment.source_span is not None:
        start, end = alignment.source_span
        assert 0 <= start <= end <= len(source)
    assert 0.0 <= alignment.score <= 1.0

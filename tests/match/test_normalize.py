from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from srclint.match.normalize import DASH, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it\u2019s \u201cfine\u201d", "it's 'fine'"),
        ('say "yes"', "say 'yes'"),
        ("\u2018single\u2019 and \u201edouble\u201f", "'single' and 'double'"),
        ("a\u2014b", f"a{DASH}b"),
        ("a \u2014 b", f"a{DASH}b"),
        ("a--b", f"a{DASH}b"),
        ("a -- b", f"a{DASH}b"),
        ("a - b", f"a{DASH}b"),
        ("a \u2013 b", f"a{DASH}b"),
        ("1990\u20132000", "1990-2000"),
        ("well-known", "well-known"),
        ("wait\u2026", "wait..."),
        ("zero\u200bwidth", "zerowidth"),
        ("soft\u00adhyphen", "softhyphen"),
        ("a \u200b b", "a b"),
        ("line\nbreak", "line break"),
        ("para.\n\nnext", "para. next"),
        ("no\u00a0break", "no break"),
        ("thin\u2009space", "thin space"),
        ("tabs\t\tand  spaces", "tabs and spaces"),
        ("&amp; &mdash; &#8217; &#x2019; &quot;", f"&{DASH}' ' '"),
        ("&unknown; stays", "&unknown; stays"),
        ("\ufb01ne", "fine"),
        ("e\u0301te\u0301", "\u00e9t\u00e9"),
        ("\uff21\uff22", "AB"),
        # footnote numbers glued after a word's punctuation are reference marks (writer QA)
        ("functions.2 (Some", "functions. (Some"),
        ("outputs,\u00b3 via", "outputs, via"),
        ("the rule.\u201d12 Then", "the rule.' Then"),
        ("see p.5 and vol.2 of", "see p.5 and vol.2 of"),
        ("version 3.2 of GPT-4.5", "version 3.2 of GPT-4.5"),
        ("In 2019.3 people", "In 2019.3 people"),
        ("E = mc\u00b2 here", "E = mc2 here"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text).text == expected


def test_offsets_lead_back_to_the_original() -> None:
    text = "He said \u201chello&nbsp;world\u201d \u2014 twice\u2026 ok"
    norm = normalize(text)
    assert norm.text == f"He said 'hello world'{DASH}twice... ok"
    start = norm.text.index("hello")
    end = start + len("hello world")
    assert norm.original_span(start, end) == (9, 9 + len("hello&nbsp;world"))
    start = norm.text.index("twice")
    end = norm.text.index("ok") + 2
    assert text[slice(*norm.original_span(start, end))] == "twice\u2026 ok"


TRICKY = list("ab \n\u2014-\u201c\u201d&;\u00a0\u200b\u2026'\"")


@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=60))
def test_the_map_is_monotone_and_in_bounds(text: str) -> None:
    norm = normalize(text)
    previous = 0
    for i in range(len(norm.text) + 1):
        start, end = norm.original_span(i, i)
        assert 0 <= start <= len(text)
        assert 0 <= end <= len(text)
        _whole_start, whole_end = norm.original_span(0, i)
        assert whole_end >= previous
        previous = whole_end
    if norm.text:
        assert norm.original_span(0, len(norm.text))[1] <= len(text)


def test_plain_ascii_is_copied() -> None:
    text = "Nothing to change here, at all."
    norm = normalize(text)
    assert norm.text == text
    assert norm.original_span(8, 14) == (8, 14)


def test_display_keeps_double_quotes_apart() -> None:
    norm = normalize("\u201cyes\u201d and \u2018no\u2019 and &quot;maybe&quot;")
    assert norm.display == "\"yes\" and 'no' and \"maybe\""
    assert norm.text == "'yes' and 'no' and 'maybe'"
    assert len(norm.display) == len(norm.text)

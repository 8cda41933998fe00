from __future__ import annotations

import re

import pytest

from srclint.rules import BY_NAME, RULES, lookup, resolve_codes


def test_codes_and_names_are_unique_and_well_formed() -> None:
    assert len(BY_NAME) == len(RULES)
    for code, rule in RULES.items():
        assert re.fullmatch(r"[LQAS]\d{3}", code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.NAME)


@pytest.mark.parametrize("code", list(RULES))
def test_every_rule_documents_a_passing_and_a_failing_example(code: str) -> None:
    doc = RULES[code].__doc__ or ""
    assert "Passes::" in doc and "Fails::" in doc
    assert RULES[code].SUMMARY


@pytest.mark.parametrize(
    ("given", "expected"),
    [("Q002", "Q002"), ("q002", "Q002"), ("quote-altered", "Q002"), (" dead-link ", "L001")],
)
def test_lookup_by_code_or_name(given: str, expected: str) -> None:
    rule = lookup(given)
    assert rule is not None and expected == rule.CODE


def test_resolve_codes_prefixes_and_unknown() -> None:
    assert resolve_codes(["L"]) == {"L001", "L002", "L003", "L004"}
    assert resolve_codes(["all"]) == set(RULES)
    assert resolve_codes(["dead-link", "Q005"]) == {"L001", "Q005"}
    with pytest.raises(KeyError):
        resolve_codes(["Q9"])

"""The rule registry: every rule of srclint, by code, in a dict literal a grep can find."""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType
from typing import cast

from srclint.rules import (
    author_mismatch,
    dead_link,
    link_redirected,
    link_refused,
    link_unreachable,
    quote_altered,
    quote_folded,
    quote_not_found,
    quote_unsourced,
    quote_unverifiable,
    title_mismatch,
    unused_suppression,
    wrong_source,
)
from srclint.rules.base import Rule, Subject

_MODULES: tuple[ModuleType, ...] = (
    dead_link,
    link_unreachable,
    link_redirected,
    link_refused,
    quote_not_found,
    quote_altered,
    quote_folded,
    quote_unverifiable,
    quote_unsourced,
    wrong_source,
    author_mismatch,
    title_mismatch,
    unused_suppression,
)

RULES: dict[str, Rule] = {cast(Rule, m).CODE: cast(Rule, m) for m in _MODULES}
BY_NAME: dict[str, Rule] = {r.NAME: r for r in RULES.values()}


def lookup(code_or_name: str) -> Rule | None:
    """A rule by its code (``Q002``, any case) or its name (``quote-altered``)."""
    key = code_or_name.strip()
    return RULES.get(key.upper()) or BY_NAME.get(key.lower())


def resolve_codes(items: Iterable[str]) -> set[str]:
    """Codes for a list of codes, names or code prefixes (``Q`` selects every Q rule).

    Raises ``KeyError`` naming the first item that matches no rule.
    """
    codes: set[str] = set()
    for item in items:
        rule = lookup(item)
        if rule is not None:
            codes.add(rule.CODE)
            continue
        prefix = item.strip().upper()
        matched = {code for code in RULES if prefix and code.startswith(prefix)}
        if prefix == "ALL":
            matched = set(RULES)
        if not matched:
            raise KeyError(item)
        codes |= matched
    return codes


__all__ = ["BY_NAME", "RULES", "Rule", "Subject", "lookup", "resolve_codes"]

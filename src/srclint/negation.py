"""The words that turn a statement around: one list for matching and for the rules."""

from __future__ import annotations

NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "nowhere",
     "cannot", "without", "hardly", "barely"}
)

"""Matching: does a source say what a quote says it does? (ARCHITECTURE §6)

``prepare(text)`` normalizes a source once; ``find(quote, source)`` returns an
``Alignment``: exact, folded (case or punctuation only), altered (with a word diff),
missing, or unverifiable (the source text is partial).
"""

from __future__ import annotations

from srclint.match.align import find
from srclint.match.source import PreparedSource, prepare

__all__ = ["PreparedSource", "find", "prepare"]

"""The quote matches its source only when case or punctuation is ignored.

Usually harmless (a changed capital, a dropped comma), so it is reported as info. The
case of the quote's first letter may change to fit the sentence around it, as style
guides allow; a capital changed inside the quote is reported (or mark it: ``[T]he``).

Passes::

    As Korzybski put it, "the map is not the territory."

Fails::

    > the map, is not the territory
    essay.md:1:3: Q003 quote matches source only when case and punctuation are ignored [quote-folded]
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import Finding, Level, Verdict
from srclint.rules.base import Subject, make_finding
from srclint.rules.quote_evidence import changes, evidence

CODE = "Q003"
NAME = "quote-folded"
LEVEL = Level.INFO
SUMMARY = "the quote matches only when case or punctuation is ignored"


def check(subject: Subject) -> Iterator[Finding]:
    alignment = subject.alignment
    if alignment is None or alignment.verdict is not Verdict.FOLDED:
        return
    what = changes(alignment)
    message = "quote matches source only when case and punctuation are ignored"
    if what:
        message += f": {what}"
    yield make_finding(__name__, subject, message, evidence=evidence(alignment, subject.quote_text))

"""The quote matches its source only when case or punctuation is ignored.

Usually harmless (a capital at the start of a quoted sentence, a dropped comma), so
it is reported as info. Use ``[T]he`` to mark a changed capital and it is not reported.

Passes::

    > [T]he map is not the territory.

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

"""The quote is not in its source, and nothing close to it is.

The source was fetched and its text is complete, yet no passage matches the quote,
even allowing for typography (curly quotes, dashes, ellipses, line breaks), bracketed
insertions and ``[sic]``. Either the quote is fabricated, or it is bound to the wrong
link (see ``srclint extract`` for why it was bound).

Passes::

    https://example.com/essay
    > The map is not the territory.

Fails::

    https://example.com/essay
    > Words the essay never said.
    essay.md:2:1: Q001 quote not found in source [quote-not-found]
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import Finding, Level, Verdict
from srclint.rules.base import Subject, make_finding
from srclint.rules.quote_evidence import evidence

CODE = "Q001"
NAME = "quote-not-found"
LEVEL = Level.ERROR
SUMMARY = "the quote is not in its source and nothing close is"


def check(subject: Subject) -> Iterator[Finding]:
    alignment = subject.alignment
    if alignment is None or alignment.verdict is not Verdict.MISSING:
        return
    if any(e.alignment.verdict in (Verdict.EXACT, Verdict.FOLDED, Verdict.ALTERED)
           for e in subject.elsewhere):
        return  # A001 says where it is, or what is close to it
    where = subject.source.canonical_url if subject.source else subject.url
    yield make_finding(
        __name__,
        subject,
        f"quote not found in source {where}",
        evidence=evidence(alignment, subject.quote_text),
    )

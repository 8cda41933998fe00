"""The quote differs from its source: a close passage exists but words were changed.

The message lists the changed words, calling out a changed or dropped number or
negation (not, never, no, n't). The text report shows a word diff under the finding;
the JSON evidence has the closest passage, its place in the source, the score and
the diff. Faithful edits are not changes: ellipses for omissions, ``[brackets]`` for
insertions, ``[sic]``, curly or straight quotes, dashes, emphasis and line breaks.

Passes::

    > the shortest program that does mod arithmetic is generalizing

Fails::

    > the shortest program that does mod arithmetic isn't generalizing
    essay.md:12:3: Q002 quote differs from source: "is" → "isn't" (negation) [quote-altered]
        draft:  … does mod arithmetic [isn't] generalizing …
        source: … does mod arithmetic [is] generalizing …
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import Finding, Level, Verdict
from srclint.rules.base import Subject, make_finding
from srclint.rules.quote_evidence import changes, evidence

CODE = "Q002"
NAME = "quote-altered"
LEVEL = Level.ERROR
SUMMARY = "a close passage exists in the source but words differ"

# The note srclint.match gives a quote whose ellipsis segments are out of order
# (tests/rules/test_quote_rules.py checks that the two agree).
ORDER_NOTE = "the segments are not in the source's order"


def check(subject: Subject) -> Iterator[Finding]:
    alignment = subject.alignment
    if alignment is None or alignment.verdict is not Verdict.ALTERED:
        return
    if any(e.alignment.verdict is Verdict.EXACT for e in subject.elsewhere):
        return  # the quote is verbatim in another cited source: A001 says so
    if ORDER_NOTE in alignment.notes:
        what = "the parts around its ellipsis are not in the source's order"
    else:
        what = changes(alignment) or "words differ"
    yield make_finding(
        __name__,
        subject,
        f"quote differs from source: {what}",
        evidence=evidence(alignment, subject.quote_text),
    )

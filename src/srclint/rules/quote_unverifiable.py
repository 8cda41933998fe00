"""The quote could not be verified: the source's text is partial and the quote is not in it.

The source was fetched, but srclint knows it has only part of the text: a tweet
preview cut at 280 characters, an arXiv abstract when the full text could not be
had, a paywalled post, or a document that is not text. It is a warning, never
"not found".

Passes::

    https://arxiv.org/abs/1805.08522
    > Deep neural networks generalize well

Fails::

    https://example.substack.com/p/paid-post
    > a sentence from behind the paywall
    essay.md:2:1: Q004 quote could not be verified: source text is partial (paywalled) [quote-unverifiable]
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import Finding, Level, Verdict
from srclint.rules.base import Subject, make_finding
from srclint.rules.quote_evidence import evidence

CODE = "Q004"
NAME = "quote-unverifiable"
LEVEL = Level.WARNING
SUMMARY = "the source's text is partial or not text, and the quote is not in what there is"


def check(subject: Subject) -> Iterator[Finding]:
    alignment = subject.alignment
    if alignment is None or alignment.verdict is not Verdict.UNVERIFIABLE:
        return
    note = subject.source.note if subject.source and subject.source.note else "partial"
    yield make_finding(
        __name__,
        subject,
        f"quote could not be verified: source text is {note}",
        evidence=evidence(alignment, subject.quote_text),
    )

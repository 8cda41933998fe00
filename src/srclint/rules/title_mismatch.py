"""The draft gives the source a title that is not its title.

A claimed title is quoted or emphasised link text (``["Title"](url)``, ``[*Title*](url)``)
or a quoted run next to a bare URL (``url "Title"``). Case, punctuation and typography
are ignored, and an abbreviation or a prefix of the real title (dropping a subtitle)
is not a mismatch.

Passes::

    [*Deep learning generalizes because the parameter-function map is biased*](https://arxiv.org/abs/1805.08522)

Fails::

    [*Deep learning generalizes because of SGD*](https://arxiv.org/abs/1805.08522)
    essay.md:1:2: A003 title differs: draft says "Deep learning generalizes because of SGD", source title is "…" [title-mismatch]
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import Finding, Level
from srclint.rules.base import Subject, make_finding

CODE = "A003"
NAME = "title-mismatch"
LEVEL = Level.WARNING
SUMMARY = "the draft's claimed title differs from the source's title"


def check(subject: Subject) -> Iterator[Finding]:
    attribution = subject.attribution
    if attribution is None or attribution.title_matches is not False:
        return
    span = subject.citation.claim.span if subject.citation and subject.citation.claim else None
    yield make_finding(
        __name__,
        subject,
        f'title differs: draft says "{attribution.claimed_title}", '
        f'source title is "{attribution.source_title}"',
        span=span,
        evidence={"claimed": attribution.claimed_title, "title": attribution.source_title},
    )

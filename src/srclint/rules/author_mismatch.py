"""The draft credits the quote or link to someone the source does not name as its author.

The claimed author comes from the draft (``Name:``, ``Name writes``, ``as Name put
it``, ``— Name`` under a blockquote, ``[@handle](url)``, ``Name's [post](url)``) and
is compared with the source's authors by full name, surname or handle. Crediting the
person a source quotes is no mismatch: when the source names the claimed person just
before or around the quoted passage ("Feynman recalls: …"), the credit stands. Add
``aliases`` in the config for pen names (``aliases = {"Zack M. Davis" = ["zackmdavis"]}``).

Passes::

    Eliezer Yudkowsky [writes](https://www.lesswrong.com/posts/…): "…"

Fails::

    Scott Alexander [writes](https://www.lesswrong.com/posts/… by Yudkowsky): "…"
    essay.md:1:1: A002 draft credits "Scott Alexander", but the source is by Eliezer Yudkowsky (@Eliezer_Yudkowsky) [author-mismatch]
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import Finding, Level
from srclint.rules.base import Subject, make_finding

CODE = "A002"
NAME = "author-mismatch"
LEVEL = Level.ERROR
SUMMARY = "the draft names an author the source does not have"


def check(subject: Subject) -> Iterator[Finding]:
    attribution = subject.attribution
    if attribution is None or attribution.author_matches is not False:
        return
    names = ", ".join(
        f"{a.name} (@{a.handle})" if a.handle else a.name for a in attribution.source_authors
    )
    span = subject.citation.claim.span if subject.citation and subject.citation.claim else None
    yield make_finding(
        __name__,
        subject,
        f'draft credits "{attribution.claimed_author}", but the source is by {names}',
        span=span,
        evidence={
            "claimed": attribution.claimed_author,
            "authors": [{"name": a.name, "handle": a.handle} for a in attribution.source_authors],
        },
    )

"""What a rule sees (a ``Subject``) and the shape every rule module has (``Rule``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, cast

from srclint.model import (
    Alignment,
    Attribution,
    Citation,
    Fetched,
    Finding,
    Level,
    Link,
    Source,
    Span,
)


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """A quote found in a source other than the one it is bound to."""

    url: str
    line: int  # where the draft cites that source
    alignment: Alignment


@dataclass(frozen=True, slots=True)
class Subject:
    """One link or one citation of a file, with everything known about its source.

    Link rules look at ``link`` and ``fetched``; quote and attribution rules at
    ``citation``, ``source``, ``alignment``, ``attribution`` and ``elsewhere``.
    """

    path: str
    link: Link | None = None
    citation: Citation | None = None
    fetched: Fetched | None = None
    source: Source | None = None
    alignment: Alignment | None = None
    attribution: Attribution | None = None
    elsewhere: tuple[Elsewhere, ...] = ()

    @property
    def span(self) -> Span:
        if self.citation is not None:
            if self.citation.quote is not None:
                return self.citation.quote.span
            if self.citation.claim is not None:
                return self.citation.claim.span
            if self.citation.link is not None:
                return self.citation.link.span
        if self.link is not None:
            return self.link.span
        return Span(1, 1, 1, 1)

    @property
    def quote_text(self) -> str | None:
        if self.citation is not None and self.citation.quote is not None:
            return self.citation.quote.text
        return None

    @property
    def url(self) -> str | None:
        if self.link is not None:
            return self.link.url
        if self.citation is not None and self.citation.link is not None:
            return self.citation.link.url
        return None


class Rule(Protocol):
    """A rule module: module-level constants, a docstring with examples, and ``check``."""

    CODE: str
    NAME: str
    LEVEL: Level
    SUMMARY: str
    __doc__: str | None

    def check(self, subject: Subject) -> Iterator[Finding]: ...


def make_finding(
    module: str,
    subject: Subject,
    message: str,
    span: Span | None = None,
    evidence: Mapping[str, Any] | None = None,
) -> Finding:
    """A finding of the rule in ``module`` (pass ``__name__``) at the subject's place or ``span``."""
    rule = cast(Rule, sys.modules[module])
    return Finding(
        code=rule.CODE,
        name=rule.NAME,
        level=rule.LEVEL,
        message=message,
        path=subject.path,
        span=span or subject.span,
        url=subject.url,
        evidence=dict(evidence or {}),
    )

"""A quotation bound to no link.

Reported as info, so a writer sees which quotes a reader cannot follow. When the
quote is found in a source the document cites elsewhere, the message names that
source and the line that cites it, so the link can be added.

Passes::

    Yudkowsky [wrote](https://example.com/post): "the map is not the territory at all"

Fails::

    As the saying goes, "the map is not the territory at all".
    essay.md:1:21: Q005 quote has no source link [quote-unsourced]
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import Binding, Finding, Level, Verdict
from srclint.rules.base import Subject, make_finding

CODE = "Q005"
NAME = "quote-unsourced"
LEVEL = Level.INFO
SUMMARY = "a quote bound to no link"


def check(subject: Subject) -> Iterator[Finding]:
    citation = subject.citation
    if citation is None or citation.quote is None or citation.binding is not Binding.UNSOURCED:
        return
    found = [e for e in subject.elsewhere if e.alignment.verdict in (Verdict.EXACT, Verdict.FOLDED)]
    if found:
        first = found[0]
        yield make_finding(
            __name__,
            subject,
            f"quote has no source link; it is in {first.url} (cited at line {first.line})",
            evidence={"quote": citation.quote.text, "suggestion": first.url, "line": first.line},
        )
    else:
        yield make_finding(
            __name__, subject, "quote has no source link", evidence={"quote": citation.quote.text}
        )

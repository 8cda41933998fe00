"""The quote is not in its linked source, but it is in another source the draft cites.

The words are right but the link is wrong — usually two links swapped, or a quote
pasted under the wrong URL. The message names the source that has the quote and
the line that cites it.

Passes::

    [Alice's post](https://example.com/alice): "words that Alice really wrote here"

Fails::

    [Alice's post](https://example.com/alice): "words that only Bob wrote there"
    [Bob's post](https://example.com/bob)
    essay.md:1:45: A001 quote is not in https://example.com/alice but is in https://example.com/bob (line 2) [wrong-source]
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import Binding, Finding, Level, Verdict
from srclint.rules.base import Subject, make_finding
from srclint.rules.quote_evidence import evidence

CODE = "A001"
NAME = "wrong-source"
LEVEL = Level.ERROR
SUMMARY = "the quote is not in its linked source but is in another cited source"


def check(subject: Subject) -> Iterator[Finding]:
    alignment = subject.alignment
    citation = subject.citation
    if alignment is None or citation is None or citation.binding is Binding.UNSOURCED:
        return
    if alignment.verdict not in (Verdict.MISSING, Verdict.ALTERED):
        return
    wanted = (Verdict.EXACT, Verdict.FOLDED) if alignment.verdict is Verdict.MISSING else (
        Verdict.EXACT,
    )
    found = [e for e in subject.elsewhere if e.alignment.verdict in wanted]
    if not found:
        return
    first = found[0]
    data = evidence(first.alignment, subject.quote_text)
    data.update({"suggestion": first.url, "line": first.line})
    yield make_finding(
        __name__,
        subject,
        f"quote is not in {subject.url} but is in {first.url} (line {first.line})",
        evidence=data,
    )

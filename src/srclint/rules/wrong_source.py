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

When the other source has the quote only with changes, the message names them:
``quote is not in …/alice; it is close to …/bob (line 2), which differs: dropped "not"
(negation)``.
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import Binding, Finding, Level, Verdict
from srclint.rules.base import Subject, make_finding
from srclint.rules.quote_evidence import changes, evidence

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
    # A quote with nothing close in its own source may be close to a passage of another
    # (pasted under the wrong link, and changed): that passage and its changes are named.
    wanted = (Verdict.EXACT, Verdict.FOLDED, Verdict.ALTERED) if (
        alignment.verdict is Verdict.MISSING) else (Verdict.EXACT,)
    found = sorted(
        (e for e in subject.elsewhere if e.alignment.verdict in wanted),
        key=lambda e: e.alignment.verdict is Verdict.ALTERED,
    )
    if not found:
        return
    first = found[0]
    data = evidence(first.alignment, subject.quote_text)
    data.update({"suggestion": first.url, "line": first.line})
    message = f"quote is not in {subject.url} but is in {first.url} (line {first.line})"
    if first.alignment.verdict is Verdict.ALTERED:
        message = (f"quote is not in {subject.url}; it is close to {first.url} (line "
                   f"{first.line}), which differs: {changes(first.alignment) or 'words differ'}")
    yield make_finding(__name__, subject, message, evidence=data)

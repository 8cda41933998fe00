from __future__ import annotations

import pytest

from srclint.model import (
    Alignment,
    Attribution,
    Author,
    Binding,
    Citation,
    Claim,
    DiffOp,
    DiffTag,
    Finding,
    Link,
    LinkKind,
    Quote,
    QuoteKind,
    Source,
    Span,
    Verdict,
)
from srclint.rules import RULES
from srclint.rules.base import Elsewhere, Subject
from srclint.rules.quote_evidence import changes

URL = "https://example.com/a"
QUOTE = Quote("the shortest program is generalizing", Span(4, 3, 4, 40), QuoteKind.BLOCK)
CLAIM = Claim("Scott Alexander", "A Title", Span(2, 1, 2, 16))
LINK = Link(URL, "post", Span(3, 1, 3, 20), LinkKind.BARE)
SOURCE = Source(URL, URL, "html", "Real Title", (Author("Eliezer Yudkowsky"),), None, "…", True,
                note="abstract only")
ALTERED = Alignment(
    Verdict.ALTERED, 0.9, (10, 40), "the shortest program is generalizing",
    (DiffOp(DiffTag.EQUAL, "the shortest program", "the shortest program"),
     DiffOp(DiffTag.REPLACE, "isn't", "is"),
     DiffOp(DiffTag.EQUAL, "generalizing", "generalizing")),
)


def codes(subject: Subject) -> list[str]:
    return [f.code for rule in RULES.values() for f in rule.check(subject)]


def cited(alignment: Alignment | None, binding: Binding = Binding.PRECEDING,
          elsewhere: tuple[Elsewhere, ...] = ()) -> Subject:
    citation = Citation(QUOTE, LINK if binding is not Binding.UNSOURCED else None, None, binding)
    return Subject("e.md", citation=citation, source=SOURCE, alignment=alignment,
                   elsewhere=elsewhere)


OTHER = "https://example.com/b"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        (cited(Alignment(Verdict.EXACT, 1.0)), []),
        (cited(Alignment(Verdict.FOLDED, 0.98)), ["Q003"]),
        (cited(ALTERED), ["Q002"]),
        (cited(Alignment(Verdict.MISSING, 0.2)), ["Q001"]),
        (cited(Alignment(Verdict.UNVERIFIABLE, 0.0)), ["Q004"]),
        (cited(None, Binding.UNSOURCED), ["Q005"]),
        # In another cited source: A001 instead of Q001.
        (cited(Alignment(Verdict.MISSING, 0.2),
               elsewhere=(Elsewhere(OTHER, 9, Alignment(Verdict.EXACT, 1.0)),)), ["A001"]),
        # Altered against its own source but verbatim elsewhere: the link is wrong.
        (cited(ALTERED, elsewhere=(Elsewhere(OTHER, 9, Alignment(Verdict.EXACT, 1.0)),)),
         ["A001"]),
        (cited(ALTERED, elsewhere=(Elsewhere(OTHER, 9, Alignment(Verdict.FOLDED, 1.0)),)),
         ["Q002"]),
        (cited(None, Binding.UNSOURCED,
               elsewhere=(Elsewhere(OTHER, 9, Alignment(Verdict.EXACT, 1.0)),)), ["Q005"]),
        # Nothing close in its own source, a changed copy in another: A001 names the change.
        (cited(Alignment(Verdict.MISSING, 0.2), elsewhere=(Elsewhere(OTHER, 9, ALTERED),)),
         ["A001"]),
        (cited(None, Binding.UNSOURCED, elsewhere=(Elsewhere(OTHER, 9, ALTERED),)), ["Q005"]),
        (cited(ALTERED, elsewhere=(Elsewhere(OTHER, 9, ALTERED),)), ["Q002"]),
    ],
)
def test_quote_rules(subject: Subject, expected: list[str]) -> None:
    assert codes(subject) == expected


def only(subject: Subject) -> Finding:
    (finding,) = [f for rule in RULES.values() for f in rule.check(subject)]
    return finding


def test_wrong_source_names_the_change_in_the_other_source() -> None:
    finding = only(cited(Alignment(Verdict.MISSING, 0.2),
                         elsewhere=(Elsewhere(OTHER, 9, ALTERED),)))
    assert finding.message == (f"quote is not in {URL}; it is close to {OTHER} (line 9), "
                               'which differs: "is" → "isn\'t" (negation)')
    assert finding.evidence["suggestion"] == OTHER


def test_altered_message_names_the_change_and_calls_out_negation() -> None:
    finding = only(cited(ALTERED))
    assert finding.message == 'quote differs from source: "is" → "isn\'t" (negation)'
    assert finding.evidence["diff"][1] == {"tag": "replace", "quote": "isn't", "source": "is"}
    assert finding.evidence["closest"] == "the shortest program is generalizing"
    assert finding.span == QUOTE.span


@pytest.mark.parametrize(
    ("ops", "expected"),
    [
        ((DiffOp(DiffTag.REPLACE, "3", "30"),), '"30" → "3" (number)'),
        ((DiffOp(DiffTag.DELETE, "", "not"),), 'dropped "not" (negation)'),
        ((DiffOp(DiffTag.INSERT, "never", ""),), 'added "never" (negation)'),
        ((DiffOp(DiffTag.REPLACE, "big", "large"),), '"large" → "big"'),
        ((DiffOp(DiffTag.REPLACE, "a", "b"), DiffOp(DiffTag.REPLACE, "c", "d"),
          DiffOp(DiffTag.REPLACE, "e", "f"), DiffOp(DiffTag.REPLACE, "g", "h")),
         '"b" → "a"; "d" → "c"; "f" → "e"; and 1 more'),
        ((DiffOp(DiffTag.REPLACE, "a", "b"), DiffOp(DiffTag.DELETE, "", "no")),
         'dropped "no" (negation); "b" → "a"'),
    ],
)
def test_change_descriptions(ops: tuple[DiffOp, ...], expected: str) -> None:
    assert changes(Alignment(Verdict.ALTERED, 0.9, diff=ops)) == expected


def test_unsourced_names_where_the_quote_is() -> None:
    subject = cited(None, Binding.UNSOURCED,
                    elsewhere=(Elsewhere(OTHER, 9, Alignment(Verdict.EXACT, 1.0)),))
    assert only(subject).message == f"quote has no source link; it is in {OTHER} (cited at line 9)"


def test_unverifiable_says_why() -> None:
    assert "abstract only" in only(cited(Alignment(Verdict.UNVERIFIABLE, 0.0))).message


def test_attribution_rules_point_at_the_claim() -> None:
    citation = Citation(None, LINK, CLAIM, Binding.LINK_ONLY)
    attribution = Attribution("Scott Alexander", False, "A Title", False,
                              (Author("Eliezer Yudkowsky", "ESYudkowsky"),), "Real Title")
    found = [f for rule in RULES.values()
             for f in rule.check(Subject("e.md", citation=citation, attribution=attribution))]
    assert [f.code for f in found] == ["A002", "A003"]
    assert all(f.span == CLAIM.span for f in found)
    assert found[0].message == (
        'draft credits "Scott Alexander", but the source is by Eliezer Yudkowsky (@ESYudkowsky)'
    )
    assert found[1].message == 'title differs: draft says "A Title", source title is "Real Title"'


def test_matching_attribution_is_silent() -> None:
    citation = Citation(None, LINK, CLAIM, Binding.LINK_ONLY)
    attribution = Attribution("Eliezer", True, "Real Title", True)
    assert codes(Subject("e.md", citation=citation, attribution=attribution)) == []


def test_segments_out_of_order_are_named_as_such() -> None:
    from srclint.match import find
    from srclint.rules.quote_altered import ORDER_NOTE

    source = ("It is true that the shortest program that does mod arithmetic is generalizing, "
              "but that is not the only thing that matters.")
    quote = ("that is not the only thing that matters [...] the shortest program that does "
             "mod arithmetic is generalizing")
    alignment = find(quote, source)
    assert ORDER_NOTE in alignment.notes
    finding = only(cited(alignment))
    assert finding.message == (
        "quote differs from source: the parts around its ellipsis are not in the source's order"
    )


def test_long_dropped_passages_are_not_labelled() -> None:
    dropped = DiffOp(DiffTag.DELETE, "", "It is not true that 3 of the 10 runs failed at all.")
    assert changes(Alignment(Verdict.ALTERED, 0.8, diff=(dropped,))) == (
        'dropped "It is not true that 3 of the 10 runs failed at all."'
    )

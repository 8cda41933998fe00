"""Binding quotes to links: one row per case of each rule of ARCHITECTURE §3."""

from __future__ import annotations

import pytest

from srclint.extract import parse
from srclint.model import Binding

U = "https://a.example/source"
V = "https://b.example/other"
Q = "this is a long enough quotation"

Row = tuple[Binding, str | None, str | None, str | None, str | None]

# (markdown, expected [(binding, quote text, link url, claimed author, claimed title)])
BINDINGS: list[tuple[str, list[Row]]] = [
    # rule 1: a srclint-source directive on the line before
    (f"<!-- srclint-source: {U} -->\n> {Q}", [(Binding.DIRECTIVE, Q, U, None, None)]),
    (f"See [x]({V}):\n\n<!-- srclint-source: {U} -->\n> {Q}",
     [(Binding.DIRECTIVE, Q, U, None, None)]),
    (f"<!-- srclint-source: {U} -->\nHe said “{Q}” once.",
     [(Binding.DIRECTIVE, Q, U, None, None)]),
    (f"<!-- srclint-source: {U} -->\n\nunrelated paragraph\n\n> {Q}",
     [(Binding.UNSOURCED, Q, None, None, None)]),
    # rule 2: the blockquote's last line
    (f"> {Q}\n{U}", [(Binding.ATTRIBUTION, Q, U, None, None)]),
    (f"> {Q}\n> {U}", [(Binding.ATTRIBUTION, Q, U, None, None)]),
    (f"> {Q}\n> <{U}>", [(Binding.ATTRIBUTION, Q, U, None, None)]),
    (f"> {Q}\n> [source]({U})", [(Binding.ATTRIBUTION, Q, U, None, None)]),
    (f"> {Q}\n>\n> —[Eliezer Yudkowsky]({U})",
     [(Binding.ATTRIBUTION, Q, U, "Eliezer Yudkowsky", None)]),
    (f"> {Q}\n> — Eliezer Yudkowsky, [The Sequences]({U})",
     [(Binding.ATTRIBUTION, Q, U, "Eliezer Yudkowsky", "The Sequences")]),
    (f"> {Q}\n— E. T. Jaynes, [*Probability Theory*]({U})",
     [(Binding.ATTRIBUTION, Q, U, "E. T. Jaynes", "Probability Theory")]),
    (f"See [this]({V}):\n\n> {Q}\n{U}", [(Binding.ATTRIBUTION, Q, U, None, None)]),
    # ... or an attribution after the quoted words on its last line
    (f"> {Q}. — Eliezer Yudkowsky, [The Sequences]({U})",
     [(Binding.ATTRIBUTION, Q + ".", U, "Eliezer Yudkowsky", "The Sequences")]),
    (f"See [this]({V}):\n\n> {Q}. ([source]({U}))",
     [(Binding.ATTRIBUTION, Q + ".", U, None, None)]),
    # ... or a one-line dash paragraph right after it
    (f"> {Q}\n\n— [Eliezer Yudkowsky]({U})",
     [(Binding.ATTRIBUTION, Q, U, "Eliezer Yudkowsky", None)]),
    (f"See [this]({V}):\n\n> {Q}\n\n-- E. T. Jaynes, [Probability Theory]({U})",
     [(Binding.ATTRIBUTION, Q, U, "E. T. Jaynes", "Probability Theory")]),
    (f"See [this]({V}):\n\n> {Q}\n\n— Alfred Korzybski",
     [(Binding.PRECEDING, Q, V, "Alfred Korzybski", None)]),
    # a bare URL after a blank line is the next passage's source, not this one's
    (f"> {Q}\n\n{U}", [(Binding.UNSOURCED, Q, None, None, None)]),
    (f"See [this]({V}):\n\n> {Q}\n> — Jaynes", [(Binding.PRECEDING, Q, V, "Jaynes", None)]),
    (f"> {Q}\n> — Jaynes", [(Binding.UNSOURCED, Q, None, "Jaynes", None)]),
    # rule 3: the last link of the paragraph (or list item) before
    (f"{U}\n> {Q}", [(Binding.PRECEDING, Q, U, None, None)]),
    (f"{U}\n\n> {Q}", [(Binding.PRECEDING, Q, U, None, None)]),
    (f"See [a]({V}) and [b]({U}):\n\n> {Q}", [(Binding.PRECEDING, Q, U, None, None)]),
    (f"Yudkowsky: {U}\n\n> {Q}", [(Binding.PRECEDING, Q, U, "Yudkowsky", None)]),
    (f"Habryka [writes]({U}):\n\n> {Q}", [(Binding.PRECEDING, Q, U, "Habryka", None)]),
    (f"As [@jd_pressman]({U}) put it:\n\n> {Q}",
     [(Binding.PRECEDING, Q, U, "@jd_pressman", None)]),
    (f"Zvi's [post]({U}) says:\n\n> {Q}", [(Binding.PRECEDING, Q, U, "Zvi", None)]),
    (f"* see [x]({U})\n\n> {Q}", [(Binding.PRECEDING, Q, U, None, None)]),
    (f"* Jaynes writes in [the book]({U}):\n\n  > {Q}",
     [(Binding.PRECEDING, Q, U, "Jaynes", None)]),
    (f"{U}\n\n> {Q}\n\n> second {Q}",
     [(Binding.PRECEDING, Q, U, None, None), (Binding.PRECEDING, "second " + Q, U, None, None)]),
    (f"{U}\n\n> {Q}\n\nplain words\n\n> second {Q}",
     [(Binding.PRECEDING, Q, U, None, None), (Binding.UNSOURCED, "second " + Q, None, None, None)]),
    (f"Yudkowsky writes:\n\n> {Q}", [(Binding.UNSOURCED, Q, None, "Yudkowsky", None)]),
    # ... but not when the paragraph goes on past its last link (corpus: athenian_soccer…)
    (f"I [wrote about it]({U}) once. Anyway, he replied:\n\n> {Q}",
     [(Binding.PRECEDING, Q, U, None, None)]),
    (f"I [disagree]({U}). Have data? Reply!\n\n> {Q}",
     [(Binding.UNSOURCED, Q, None, None, None)]),
    (f"The spirit of collaboration is nice when you can get it, but if it's not there, I "
     f"[don't think it makes sense to deem the talk not rationalist]({U}).\n\n> {Q}",
     [(Binding.UNSOURCED, Q, None, None, None)]),
    (f"Read it. See [the post]({U}).\n\n> {Q}", [(Binding.PRECEDING, Q, U, None, None)]),
    (f"Yudkowsky wrote about this in [his long post on noticing confusion and the virtue of "
     f"curiosity in the Sequences]({U}).\n\n> {Q}",
     [(Binding.PRECEDING, Q, U, "Yudkowsky", None)]),
    (f"I [saw this too]({U}). It reminds me of this passage from _Atlas Shrugged_:\n\n> {Q}",
     [(Binding.UNSOURCED, Q, None, None, None)]),
    (f"In [the post]({U}), he quotes _Atlas Shrugged_:\n\n> {Q}",
     [(Binding.PRECEDING, Q, U, None, None)]),
    (f"In [the post]({U}), he quotes this passage from _Atlas Shrugged_:\n\n> {Q}",
     [(Binding.PRECEDING, Q, U, None, None)]),
    (f"{U}\n\n<!-- srclint-disable-next-line Q002 -->\n> {Q}",
     [(Binding.PRECEDING, Q, U, None, None)]),
    # rule 4: inline quotes
    (f"He wrote [“{Q}”]({U}).", [(Binding.ADJACENT, Q, U, None, None)]),
    (f"He wrote “[{Q}]({U})”.", [(Binding.ADJACENT, Q, U, None, None)]),
    (f'He wrote "{Q}" ({U}).', [(Binding.ADJACENT, Q, U, None, None)]),
    (f'He wrote "{Q}" [here]({U}).', [(Binding.ADJACENT, Q, U, None, None)]),
    (f'He wrote "{Q}"[^1].\n\n[^1]: {U}', [(Binding.ADJACENT, Q, U, None, None)]),
    (f'He wrote "{Q}"[^1].\n\n[^1]: A book, page 3.', [(Binding.UNSOURCED, Q, None, None, None)]),
    (f'In [the post]({U}) he wrote "{Q}"[^1].\n\n[^1]: Page 3.',
     [(Binding.ADJACENT, Q, U, None, None)]),
    (f'In [a post]({U}), he wrote "{Q}" at length.', [(Binding.ADJACENT, Q, U, None, None)]),
    (f'See [a]({V}). Then he wrote "{Q}" at length.', [(Binding.UNSOURCED, Q, None, None, None)]),
    (f'Habryka writes that "{Q}" in [the post]({U}).',
     [(Binding.ADJACENT, Q, U, "Habryka", None)]),
    (f'"{Q}," wrote Jaynes [here]({U}).', [(Binding.ADJACENT, Q, U, "Jaynes", None)]),
    # a phrase made mostly of links is sourced by no link outside it (corpus: contra_yudkowsky…)
    (f'Rules like "[More complicated hypotheses]({V}) are [less probable]({V}2) and need '
     f'more evidence"—and that the rules [say nothing of style]({U}).',
     [(Binding.UNSOURCED, "More complicated hypotheses are less probable and need more evidence",
       None, None, None)]),
    (f'In [his post]({U}), he wrote "the [orthogonality thesis]({V}) holds for all minds".',
     [(Binding.ADJACENT, "the orthogonality thesis holds for all minds", U, None, None)]),
    # ... or, in a table, the one source its row's other cells link to
    (f'| who | said |\n| --- | --- |\n| [Davis]({U}) | "{Q}" |',
     [(Binding.ADJACENT, Q, U, None, None)]),
    (f'| who | said |\n| --- | --- |\n| [a]({U}), [b]({V}) | "{Q}" |',
     [(Binding.UNSOURCED, Q, None, None, None)]),
    (f'| who | said |\n| --- | --- |\n| [Davis]({U}) | x |\n| y | "{Q}" |',
     [(Binding.UNSOURCED, Q, None, None, None)]),
    # a link left empty in a draft ("[wasn't buying it]()") sources nothing (corpus:
    # on_the_normativity_of_debate.md:161); a quote after it is unsourced, not unchecked
    (f"Achmiz [wasn't buying it]():\n\n> {Q}", [(Binding.UNSOURCED, Q, None, None, None)]),
    (f"See [a]({U}) and [b](#):\n\n> {Q}", [(Binding.PRECEDING, Q, U, None, None)]),
    # a quotation over several paragraphs: each opens with a mark, only the last closes
    (f"In [the post]({U}) he wrote: “{Q}.\n\n“Second paragraph of the same quotation.”",
     [(Binding.ADJACENT, Q + ".", U, None, None),
      (Binding.ADJACENT, "Second paragraph of the same quotation.", U, None, None)]),
    (f"In [the post]({U}) he wrote: “{Q}.\n\n“Then a second paragraph goes on.\n\n“And a third "
     "one closes it.”",
     [(Binding.ADJACENT, Q + ".", U, None, None),
      (Binding.ADJACENT, "Then a second paragraph goes on.", U, None, None),
      (Binding.ADJACENT, "And a third one closes it.", U, None, None)]),
    (f"In [the post]({U}) he wrote “{Q}” once.\n\n“Another quotation of five words.”",
     [(Binding.ADJACENT, Q, U, None, None),
      (Binding.UNSOURCED, "Another quotation of five words.", None, None, None)]),
    (f"A stray “mark in [the post]({U}) here.\n\nPlain next paragraph.", []),
    # rule 5: unsourced
    (f'He said "{Q}" once.', [(Binding.UNSOURCED, Q, None, None, None)]),
    (f"> {Q}", [(Binding.UNSOURCED, Q, None, None, None)]),
    (f"Yudkowsky: '{Q}'", [(Binding.UNSOURCED, Q, None, "Yudkowsky", None)]),
    # HTML blockquote with cite
    (f'<blockquote cite="{U}">\n<p>{Q}</p>\n</blockquote>', [(Binding.CITE, Q, U, None, None)]),
    (f'<blockquote cite="{U}">\n\n{Q}\n\n</blockquote>', [(Binding.CITE, Q, U, None, None)]),
    # links with claims and no quote
    (f'{U} "Deep learning generalizes because the map is biased"',
     [(Binding.LINK_ONLY, None, U, None, "Deep learning generalizes because the map is biased")]),
    (f'Read "The Sequences" ({U}).', [(Binding.LINK_ONLY, None, U, None, "The Sequences")]),
    (f'Read "Loss Landscapes Are All You Need" ({U}).',
     [(Binding.LINK_ONLY, None, U, None, "Loss Landscapes Are All You Need")]),
    (f"Read [“Loss Landscapes Are All You Need”]({U}).",
     [(Binding.LINK_ONLY, None, U, None, "Loss Landscapes Are All You Need")]),
    (f"Read “[Loss Landscapes Are All You Need]({U})”.",
     [(Binding.LINK_ONLY, None, U, None, "Loss Landscapes Are All You Need")]),
    (f"He wrote [“{Q}” and more]({U}).", [(Binding.ADJACENT, Q, U, None, None)]),
    (f"Read [*Rationality: From AI to Zombies*]({U}).",
     [(Binding.LINK_ONLY, None, U, None, "Rationality: From AI to Zombies")]),
    (f"Read *[Probability Theory]({U})*.",
     [(Binding.LINK_ONLY, None, U, None, "Probability Theory")]),
    (f"As [@ESYudkowsky]({U}) noted.", [(Binding.LINK_ONLY, None, U, "@ESYudkowsky", None)]),
    (f"See Zvi's [post]({U}).", [(Binding.LINK_ONLY, None, U, "Zvi", None)]),
    (f"See [a post]({U}).", []),
    # a quoted heading that the link's fragment points to names a section, not the title
    (f"See the section [“A Caveat: It Can't Be Helped”]({U}#A_Caveat__It_Can_t_Be_Helped).",
     []),
    (f"See [“A Caveat: It Can't Be Helped”]({U}#a-caveat-it-cant-be-helped).", []),
    (f"Read [“The Wrong Title Entirely”]({U}#A_Caveat__It_Can_t_Be_Helped).",
     [(Binding.LINK_ONLY, None, U + "#A_Caveat__It_Can_t_Be_Helped", None,
       "The Wrong Title Entirely")]),
]


@pytest.mark.parametrize(("markdown", "expected"), BINDINGS)
def test_binding(markdown: str, expected: list[Row]) -> None:
    citations = parse("d.md", markdown).citations
    got = [
        (
            c.binding,
            c.quote.text if c.quote else None,
            c.link.url if c.link else None,
            c.claim.author if c.claim else None,
            c.claim.title if c.claim else None,
        )
        for c in citations
    ]
    assert got == expected

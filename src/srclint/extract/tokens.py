"""The Markdown parser: markdown-it-py (CommonMark + tables + footnotes + front matter).

markdown-it gives block tokens line ranges (``Token.map``) but gives inline tokens no
positions at all. Every inline rule is therefore wrapped so that the tokens it pushes
carry ``meta["pos"] = (start, end)``: offsets into the inline token's ``content``. Text
tokens get no position (they are flushed from pending text); ``prose.py`` places them
between the positioned tokens around them. ``text_join`` is disabled so that escapes
and entities stay separate, positioned ``text_special`` tokens.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

POS = "pos"

InlineRule = Callable[[StateInline, bool], bool]


def _record_positions(rule: InlineRule, nested: bool) -> InlineRule:
    """Wrap an inline rule so the tokens it pushes remember where they came from."""

    def recording(state: StateInline, silent: bool) -> bool:
        if silent:
            return rule(state, silent)
        start = state.pos
        had_pending = bool(state._pending or state._pending_buffer)
        first = len(state.tokens)
        ok = rule(state, silent)
        if not ok:
            return ok
        end = state.pos
        tokens = state.tokens
        if had_pending and first < len(tokens) and tokens[first].type == "text":
            first += 1  # the pending text flushed by the first push: placed later
        new = [t for t in tokens[first:] if t.meta.get(POS) is None]
        if nested:
            # link and image parse their label as inline content: the tokens that
            # recorded no position are the label's flushed text, except the
            # opening and closing tokens of the rule itself.
            new = [t for t in new if t.type != "text"]
        if new and all(t.type == "text" for t in new) and len(new) == end - start:
            for at, token in enumerate(new):  # one token per emphasis delimiter
                token.meta = {**token.meta, POS: (start + at, start + at + 1)}
        else:
            for token in new:
                token.meta = {**token.meta, POS: (start, end)}
        return ok

    return recording


_NESTED_RULES = {"link", "image", "footnote_inline"}


def _as_written(url: str) -> str:
    return url


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The one configured parser (built on first use)."""
    md = MarkdownIt("commonmark", {"maxNesting": 100}).enable("table")
    md.use(front_matter_plugin).use(footnote_plugin)
    md.core.ruler.disable("text_join")
    # Keep link targets as written (markdown-it would percent-encode them).
    md.normalizeLink = _as_written  # type: ignore[method-assign]
    md.normalizeLinkText = _as_written  # type: ignore[method-assign,assignment]
    rules: list[Any] = md.inline.ruler.__rules__
    for rule in rules:
        if rule.name != "text":  # the text rule only adds pending text, never a token
            rule.fn = _record_positions(rule.fn, rule.name in _NESTED_RULES)
    md.inline.ruler.__compile__()
    return md


def parse_tokens(text: str) -> list[Token]:
    """Block tokens (with inline children) of normalized Markdown text."""
    return markdown_parser().parse(text)


def position(token: Token) -> tuple[int, int] | None:
    """Where an inline token came from in its inline content, when known."""
    pos = token.meta.get(POS) if token.meta else None
    return pos if isinstance(pos, tuple) else None

"""Compare what a draft claims about a source (author, title) with the source's metadata. Pure."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from srclint.model import Attribution, Author, Claim, Source

# An underscore joins the words of a display name or handle ("Zack_M_Davis"): a space.
_PUNCT = re.compile(r"[^\w\s]|_")
_SUBTITLE = re.compile(r"\s*[:—–|(\[]\s*|\s+-\s+")
# Words that lead a name but are not part of whom it names.
_HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "sir", "dame", "st"})


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: for comparing names and titles."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("'s ", " ").replace("'", "")
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())


def _name_tokens(name: str) -> list[str]:
    return [t for t in fold(name).split() if t not in _HONORIFICS]


def author_matches(
    claimed: str, authors: Sequence[Author], aliases: Mapping[str, Sequence[str]] = {}
) -> bool:
    """True when ``claimed`` names one of ``authors``: by full name, surname, first name,
    handle (with or without ``@``), or an alias from the config."""
    claimed_forms = {fold(claimed.lstrip("@"))}
    for name, others in aliases.items():
        group = {fold(name), *(fold(o.lstrip("@")) for o in others)}
        if claimed_forms & group:
            claimed_forms |= group
    for author in authors:
        forms = {fold(author.name)}
        if author.handle:
            forms.add(fold(author.handle.lstrip("@")))
        if claimed_forms & forms:
            return True
        tokens = _name_tokens(author.name)
        handle = fold(author.handle or "").replace(" ", "")
        for form in claimed_forms:
            words = [t for t in form.split() if t not in _HONORIFICS]
            if not words:
                continue
            # "Yudkowsky" or "Eliezer" for "Eliezer Yudkowsky"; "E. Yudkowsky" too.
            if len(words) == 1 and words[0] in tokens:
                return True
            if tokens and words[-1] == tokens[-1] and all(
                w in tokens or (len(w) == 1 and any(t.startswith(w) for t in tokens))
                for w in words
            ):
                return True
            if handle and form.replace(" ", "") == handle:
                return True
    return False


_SMALL_WORDS = frozenset({"a", "an", "and", "the", "of", "in", "on", "for", "to", "at", "by"})


def _main_part(title: str) -> str:
    """A title before its subtitle or site suffix (``AGI Ruin: A List…`` → ``AGI Ruin``)."""
    return fold(_SUBTITLE.split(title)[0])


def title_matches(claimed: str, title: str) -> bool:
    """True when ``claimed`` is ``title`` up to case, punctuation and typography, a prefix
    of it (a dropped subtitle), the title with a site suffix, or its initials."""
    claim, full = fold(claimed), fold(title)
    if not claim or claim == full or full.startswith(claim + " "):
        return True
    if _main_part(claimed) == full:  # "My Post - LessWrong" for "My Post"
        return True
    # An abbreviation made of the title's initials ("LOGI" for "Levels of Organization in …").
    compact = claim.replace(" ", "")
    words = full.split()
    initials = {
        "".join(w[0] for w in words),
        "".join(w[0] for w in words if w not in _SMALL_WORDS),
    }
    return len(compact) >= 3 and compact in initials


# How far before a quoted passage a source may name whom it quotes ("Feynman recalls: …").
CONTEXT_BEFORE = 300
CONTEXT_AFTER = 100


def quoted_in_source(claimed: str, source: Source, span: tuple[int, int] | None) -> bool:
    """True when the source itself names ``claimed`` around the quoted passage: the draft
    credits the person the source quotes, not the source's author ("Feynman recalls …",
    linked to a post that quotes Feynman)."""
    if span is None:
        return False
    start, end = span
    context = fold(source.text[max(0, start - CONTEXT_BEFORE):end + CONTEXT_AFTER])
    words = [w for w in _name_tokens(claimed.lstrip("@")) if len(w) >= 3]
    # The surname (or the handle) must be named: a first name alone is too common.
    return bool(words) and re.search(rf"\b{re.escape(words[-1])}\b", context) is not None


def compare(
    claim: Claim | None, source: Source | None, aliases: Mapping[str, Sequence[str]] = {},
    passage: tuple[int, int] | None = None,
) -> Attribution | None:
    """The claim checked against the source; ``None`` when there is nothing to compare.

    ``passage`` is where the quote was found in ``source.text``: a claimed author the
    source names around it is whom the source quotes, and no mismatch.
    """
    if claim is None or source is None:
        return None
    author_ok: bool | None = None
    title_ok: bool | None = None
    if claim.author and source.authors:
        author_ok = author_matches(claim.author, source.authors, aliases) or quoted_in_source(
            claim.author, source, passage
        )
    if claim.title and source.title:
        title_ok = title_matches(claim.title, source.title)
    if author_ok is None and title_ok is None:
        return None
    return Attribution(
        claimed_author=claim.author,
        author_matches=author_ok,
        claimed_title=claim.title,
        title_matches=title_ok,
        source_authors=source.authors,
        source_title=source.title,
    )

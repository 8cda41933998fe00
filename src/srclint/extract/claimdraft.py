"""Claims being gathered for one citation, from several places, before they are final."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from srclint.extract.claims import Found, Where, looks_like_title, match_claims
from srclint.extract.prose import LinkRange, Prose
from srclint.extract.quotes import count_words
from srclint.extract.spans import LineIndex
from srclint.model import Claim


@dataclass(slots=True)
class ClaimDraft:
    """An author and a title, each with the file range it was read from."""

    author: str | None = None
    author_at: tuple[int, int] = (0, 0)
    title: str | None = None
    title_at: tuple[int, int] = (0, 0)

    def merge(self, other: ClaimDraft) -> ClaimDraft:
        """This draft with blanks filled from ``other`` (this one wins)."""
        merged = ClaimDraft(self.author, self.author_at, self.title, self.title_at)
        if merged.author is None and other.author is not None:
            merged.author, merged.author_at = other.author, other.author_at
        if merged.title is None and other.title is not None:
            merged.title, merged.title_at = other.title, other.title_at
        return merged

    def claim(self, index: LineIndex) -> Claim | None:
        if self.author is None and self.title is None:
            return None
        ranges = [r for r, v in ((self.author_at, self.author), (self.title_at, self.title))
                  if v is not None]
        if len(ranges) == 2 and abs(ranges[0][0] - ranges[1][0]) > 2000:
            ranges = ranges[:1]  # far apart (different blocks): point at the author
        return Claim(self.author, self.title,
                     index.span(min(r[0] for r in ranges), max(r[1] for r in ranges)))


def draft_from(found: list[Found], prose: Prose, subject_start: int,
               link: LinkRange | None = None) -> ClaimDraft:
    """The first author and first title among matches over ``prose.text[subject_start:]``."""
    draft = ClaimDraft()
    for match in found:
        if draft.author is None and match.author is not None:
            start, end = (subject_start + match.author[0], subject_start + match.author[1])
            draft.author = prose.text[start:end]
            draft.author_at = prose.file_range(start, end)
        if draft.author is None and match.link_author and link is not None:
            draft.author = link.link.text.strip()
            draft.author_at = (link.file_start, link.file_end)
        if draft.title is None and match.title is not None:
            start, end = (subject_start + match.title[0], subject_start + match.title[1])
            draft.title = prose.text[start:end]
            draft.title_at = prose.file_range(start, end)
        named = _unquote(link.link.text) if link is not None else ""
        # "— Jaynes, [the book](url)" describes the source; only a capitalised text names it
        if draft.title is None and match.link_title and link is not None and named[:1].isupper():
            draft.title = named
            draft.title_at = (link.file_start, link.file_end)
    return draft


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] in "\"“*_" and text[-1] in "\"”*_":
        return text[1:-1].strip()
    return text


# A sentence ends at . ! ? or … (after any closing quotes or brackets) before a space,
# but not after an initial (E. T. Jaynes) or a common abbreviation.
_SENTENCE_BREAK = re.compile(
    r"[.!?…](?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bvs\.)"
    r"(?<!\bal\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bMrs\.)(?<!\bcf\.)[\"”’')\]*_]*\s+"
)
_LOOKBACK = 500  # sentences longer than this are cut: claims sit near their quote


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``text[at]`` begins."""
    window = max(0, at - _LOOKBACK)
    start = window
    for match in _SENTENCE_BREAK.finditer(text, window, at):
        start = match.end()
    return start


def sentence_end(text: str, at: int) -> int:
    """Where the sentence holding ``text[at]`` ends (exclusive)."""
    match = _SENTENCE_BREAK.search(text, at)
    return match.start() + 1 if match else len(text)


# A claimed author sits right before what it claims ("According to Scott Alexander, ");
# a quoted title before a link may be longer.
_LEAD_REACH = 150
_TITLE_REACH = 260


def lead_claim(prose: Prose, at: int, where: Where = Where.LEAD,
               link: LinkRange | None = None) -> ClaimDraft:
    """Claims in the sentence before ``prose.text[at]`` (its last few words)."""
    reach = _TITLE_REACH if where is Where.BEFORE_LINK else _LEAD_REACH
    start = max(sentence_start(prose.text, at), at - reach)
    return draft_from(match_claims(where, prose.text[start:at]), prose, start, link)


def trail_claim(prose: Prose, at: int) -> ClaimDraft:
    """Claims right after an inline quote ending at ``at``."""
    end = min(len(prose.text), at + 120)
    return draft_from(match_claims(Where.TRAIL, prose.text[at:end]), prose, at)


# Italics are how titles of works are written: capitalised emphasised link text up to
# this many words is a title even in sentence case ("*Attainable forms of Assouad spectra*").
_EMPHASISED_TITLE_WORDS = 20


def _names_a_title(text: str, min_words: int, emphasised: bool = False) -> bool:
    """Quoted or emphasised link text names a title when it is in title case, or short and
    capitalised, or emphasised and capitalised; otherwise it is stress (_worrying about
    the physics_) or a quotation."""
    capitalised = text[:1].isupper()
    if emphasised and capitalised and count_words(text) <= _EMPHASISED_TITLE_WORDS:
        return not text.rstrip().endswith((".", "!", "?"))
    short = count_words(text) < min_words and capitalised
    return looks_like_title(text) or short


def link_claim(prose: Prose, link: LinkRange, min_words: int = 5) -> ClaimDraft:
    """What the draft says about one link's source, from its text and surroundings."""
    subject = link.link.text.strip()
    if link.emphasised:
        subject = f"*{subject}*"
    own = ClaimDraft()
    whole = (link.file_start, link.file_end)
    for match in match_claims(Where.LINK_TEXT, subject):
        if own.author is None and match.author is not None:
            own.author, own.author_at = subject[match.author[0]:match.author[1]], whole
        if own.title is None and match.title is not None:
            title = subject[match.title[0]:match.title[1]].strip()
            if _names_a_title(title, min_words, emphasised=match.pattern == "emphasised-link-text"):
                own.title, own.title_at = title, whole
    draft = own.merge(lead_claim(prose, link.start, Where.BEFORE_LINK))
    draft = draft.merge(lead_claim(prose, link.start, Where.LEAD))
    if link.link.text == link.link.url:  # a bare URL or an autolink: `URL "Title"`
        after = prose.text[link.end:link.end + 400]
        draft = draft.merge(draft_from(match_claims(Where.AFTER_URL, after), prose, link.end))
    if draft.title is not None and names_section(draft.title, link.link.url):
        draft.title, draft.title_at = None, (0, 0)
    return draft


_WORD = re.compile(r"[^\W_]+")


def names_section(title: str, url: str) -> bool:
    """True when ``title`` is the heading the URL's fragment points to, not the page's title.

    ``["A Caveat: …"](https://…/post#A_Caveat__…)`` names a section of the post (the
    fragment is the heading with its punctuation made ``_`` or ``-``).
    """
    fragment = unquote(urlsplit(url).fragment)
    if not fragment:
        return False
    def letters(text: str) -> str:
        return "".join(_WORD.findall(text.replace("’", "").replace("'", "").casefold()))
    return letters(title) == letters(fragment)

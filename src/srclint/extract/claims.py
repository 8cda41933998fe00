"""What a draft claims about a source: its author or handle, its title.

Every pattern srclint understands is one row of ``CLAIM_PATTERNS``, tested one row at
a time. A row says which text it reads (``Where``) and which named groups it fills:
``author``/``title`` from the text itself, or ``link_author``/``link_title`` when the
link's own text is the author or the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from srclint.extract.quotes import count_words


class Where(Enum):
    """The text a claim pattern reads."""

    LEAD = "lead"  # the sentence before an inline quote or a link, up to it
    TRAIL = "trail"  # the text right after an inline quote
    INTRO = "intro"  # the paragraph right before a blockquote
    ATTRIBUTION = "attribution"  # a blockquote's last line; each link is written \x00
    LINK_TEXT = "link-text"  # a link's visible text; wrapped in * when emphasised
    AFTER_URL = "after-url"  # the text right after a bare URL
    BEFORE_LINK = "before-link"  # the sentence before a link, up to it


# A name: up to four capitalised words (initials, particles and hyphens allowed), or
# an @handle.
NAME = (
    r"(?:@\w{1,30}"
    r"|[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|der|da|di|du|la|le|bin)){0,3})"
)
# Verbs of saying. Nouns that double as verbs ("posts", "notes") are left out or need
# a following "that" — see the rows below.
SAYS = (
    r"(?:writes|wrote|says|said|argues|argued|tweeted|tweets|posted|noted|claimed"
    r"|explains|explained|replied|replies|responded|responds|commented|observes|observed"
    r"|added|continues|continued|concludes|concluded|asks|asked|insists|insisted|admits"
    r"|admitted|suggests|suggested|points out|pointed out|puts it|put it|quips|quipped"
    r"|summarizes|summarized|characterized|characterizes|described|describes|stated"
    r"|states|remarked|remarks|mentioned|mentions|recalled|recalls|conceded|concedes"
    r"|acknowledged|acknowledges|announced|announces|elaborated|elaborates|clarified"
    r"|clarifies|answered|answers|warned|warns|predicted|predicts|declared|declares"
    r"|reported|reports|objected|objects|complained|complains|told|tells"
    r"|(?:notes|claims|comments|adds) that)"
)
DASH = r"(?:—|–|―|--)"


@dataclass(frozen=True, slots=True)
class ClaimPattern:
    """One way a draft names a source's author or title."""

    name: str
    where: Where
    regex: re.Pattern[str]
    example: str  # a text this row matches (the test table checks it does)


def _row(name: str, where: Where, pattern: str, example: str) -> ClaimPattern:
    return ClaimPattern(name, where, re.compile(pattern), example)


CLAIM_PATTERNS: tuple[ClaimPattern, ...] = (
    # --- authors, before a quote or link -------------------------------------------
    _row("name-colon", Where.LEAD, rf"(?:^|[.!?]\s+)(?P<author>{NAME})\s*:\s*$",
         "Yudkowsky: "),
    _row("name-says", Where.LEAD, rf"(?P<author>{NAME})\s+{SAYS}(?:\s+that)?\W*$",
         "Habryka writes that "),
    _row("name-says-that-clause", Where.LEAD,
         rf"(?P<author>{NAME})\s+{SAYS}(?:\s+that)?(?<=that)\s[^.!?\"“”:]{{1,120}}$",
         "Dan Abramov wrote that view flattening "),
    _row("as-name-put-it", Where.LEAD,
         rf"\b[Aa]s\s+(?P<author>{NAME})\s+(?:put|puts|says|said|wrote|writes|noted)"
         r"(?:\s+it)?\W*$",
         "as @ESYudkowsky put it, "),
    _row("according-to", Where.LEAD, rf"\b[Aa]ccording\s+to\s+(?P<author>{NAME})\W*$",
         "According to Scott Alexander, "),
    _row("in-the-words-of", Where.LEAD, rf"\b[Ii]n\s+the\s+words\s+of\s+(?P<author>{NAME})\W*$",
         "In the words of E. T. Jaynes, "),
    _row("possessive", Where.LEAD, rf"(?P<author>{NAME})['’]s\s*$", "Yudkowsky's "),
    # --- authors, after a quote ------------------------------------------------------
    _row("says-name-after", Where.TRAIL, rf"^[,.]?\s*{SAYS}\s+(?P<author>{NAME})\b",
         ", wrote Jaynes"),
    _row("name-says-after", Where.TRAIL, rf"^[,.]?\s*(?P<author>{NAME})\s+{SAYS}\b",
         ", Jaynes wrote"),
    # --- authors, in the paragraph that introduces a blockquote ----------------------
    _row("intro-name-colon", Where.INTRO, rf"^(?P<author>{NAME})\s*:", "Yudkowsky:"),
    _row("intro-name-says", Where.INTRO, rf"(?P<author>{NAME})\s+{SAYS}\b",
         "Habryka writes in the announcement:"),
    _row("intro-as-name-put-it", Where.INTRO,
         rf"\b[Aa]s\s+(?P<author>{NAME})\s+(?:put|puts)\s+it\b", "As @jd_pressman put it:"),
    _row("intro-from-possessive", Where.INTRO,
         rf"\b(?:[Ff]rom|[Ii]n|[Bb]y)\s+(?P<author>{NAME})['’]s\s",
         "These paragraphs from Jaynes's book"),
    _row("intro-according-to", Where.INTRO, rf"\b[Aa]ccording\s+to\s+(?P<author>{NAME})",
         "According to Scott Alexander:"),
    # --- a blockquote's last line ----------------------------------------------------
    # "— Feynman, quoted in [the post](url)": the name is whom the source quotes, not
    # its author; the link is the source (its text the title, or "by" its author).
    _row("dash-name-quoted-in-link", Where.ATTRIBUTION,
         rf"^\s*{DASH}\s*[^\x00]{{1,80}}?,?\s+(?:as\s+)?(?:quoted|cited)\s+in\s+"
         r"(?P<link_title>\x00)\W*$",
         "— Richard Feynman, quoted in \x00"),
    _row("dash-name-quoted-by-link", Where.ATTRIBUTION,
         rf"^\s*{DASH}\s*[^\x00]{{1,80}}?,?\s+(?:as\s+)?(?:quoted|cited)\s+by\s+"
         r"(?P<link_author>\x00)\W*$",
         "— Richard Feynman, as quoted by \x00"),
    _row("dash-link", Where.ATTRIBUTION, rf"^\s*{DASH}\s*(?P<link_author>\x00)\W*$",
         "—\x00"),
    _row("dash-name-link", Where.ATTRIBUTION,
         rf"^\s*{DASH}\s*(?P<author>[^,\x00]+?),\s*(?P<link_title>\x00)\W*$",
         "— Eliezer Yudkowsky, \x00"),
    _row("dash-name", Where.ATTRIBUTION,
         rf"^\s*{DASH}\s*(?P<author>[^,\x00]{{1,80}}?)(?:,\s*(?P<title>[^\x00]{{1,200}}?))?\W*$",
         "— Eliezer Yudkowsky, Harry Potter and the Methods of Rationality"),
    _row("link-line", Where.ATTRIBUTION, r"^\s*[(\[<]?\s*\x00\s*[)\]>]?\W*$", "\x00"),
    # --- link text -------------------------------------------------------------------
    _row("handle-link", Where.LINK_TEXT, r"^(?P<author>@\w{1,30})$", "@ESYudkowsky"),
    _row("quoted-link-text", Where.LINK_TEXT, r'^["“](?P<title>[^"“”]+)["”]$',
         "“The Sequences”"),
    _row("emphasised-link-text", Where.LINK_TEXT, r"^\*(?P<title>[^*]+)\*$",
         "*Rationality: From AI to Zombies*"),
    # --- text in quotes right before a link, right after a bare URL -----------------
    _row("quoted-title-before-link", Where.BEFORE_LINK,
         r'["“](?P<title>[A-Z][^"“”]{0,200})["”][ \t]*\(?[ \t]*$', '"Loss Landscapes" ('),
    _row("url-quoted-title", Where.AFTER_URL, r'^[ \t]+["“](?P<title>[^"“”]+)["”]',
         ' "Deep learning generalizes because the parameter-function map is biased"'),
)

# Capitalised words that start sentences or name no one.
_NOT_NAMES = frozenset(
    [
        "I", "He", "She", "It", "They", "We", "You", "This", "That", "These", "Those",
        "The", "An", "But", "And", "So", "Then", "Also", "Or", "Note", "Notes",
        "TODO", "Update", "Edit", "Example", "Examples", "Q", "A", "Here", "There",
        "Someone", "Everyone", "One", "Who", "What", "Why", "How", "When", "Where",
        "Later", "Now", "Still", "Yet", "If", "Maybe", "Perhaps", "Indeed", "Again",
        "Meanwhile", "However", "Thus", "Hence", "Instead", "Anyway", "Actually",
        "Basically", "Conversely", "Moreover", "My", "His", "Her", "Their", "Our",
        "Your", "Its", "Each", "Every", "Some", "Many", "Most", "Nobody", "People",
        "Claim", "Question", "Answer", "Summary", "Quote", "Source", "Context",
        "Response", "Reply", "Title", "Abstract", "See", "Compare", "As", "In", "On",
        "At", "For", "From", "Per", "After", "Before", "While", "Because", "Since", "Like",
        "Unlike", "Even", "Only", "Just", "Both", "All", "Today", "Yesterday", "Recently",
        "Finally", "First", "Second", "Third", "Anyway", "Well", "Yes", "No", "Sure", "Oh",
        "Attachment", "Attachments", "Subject", "To", "Cc", "Date", "Sent", "Re", "Fwd", "Link",
        "Links", "Caption", "Image", "Figure", "Table", "Transcript", "Status", "Epigraph",
        "Tags", "Related", "Via", "Thread", "Tweet", "Post", "Comment", "Paper", "Book",
    ]
)


@dataclass(frozen=True, slots=True)
class Found:
    """A pattern's match: what it claims and where, in the subject it read."""

    pattern: str
    author: tuple[int, int] | None = None
    title: tuple[int, int] | None = None
    link_author: bool = False
    link_title: bool = False


def clean_name(name: str) -> tuple[int, str] | None:
    """A name with leading non-name words dropped: ``(offset kept, name)``."""
    words = name.split()
    dropped = 0
    while words and words[0].rstrip(".,") in _NOT_NAMES:
        dropped += len(words[0])
        words = words[1:]
    if not words or len(words) > 6 or not (words[0][0].isupper() or words[0][0] == "@"):
        return None
    cleaned = " ".join(words).rstrip(".,;:'’")
    offset = name.find(words[0])
    return (offset if offset >= 0 else dropped), cleaned


def match_claims(where: Where, subject: str) -> list[Found]:
    """Every row of ``where`` that matches ``subject``, in table order."""
    found = []
    for row in CLAIM_PATTERNS:
        if row.where is not where:
            continue
        match = _search(row, subject)
        if match is None:
            continue
        groups = match.groupdict()
        author = _group_span(match, "author") if groups.get("author") else None
        if author is not None:
            named = clean_name(subject[author[0]:author[1]])
            if named is None:
                continue
            author = (author[0] + named[0], author[0] + named[0] + len(named[1]))
        title = _group_span(match, "title") if groups.get("title") else None
        found.append(Found(row.name, author, title, bool(groups.get("link_author")),
                           bool(groups.get("link_title"))))
    return found


def _search(row: ClaimPattern, subject: str) -> re.Match[str] | None:
    if row.where is Where.INTRO:
        last = None
        for last in row.regex.finditer(subject):  # noqa: B007 - the last match wins
            pass
        return last
    return row.regex.search(subject)


def _group_span(match: re.Match[str], group: str) -> tuple[int, int]:
    start, end = match.span(group)
    text = match.string[start:end]
    stripped = text.strip()
    start += len(text) - len(text.lstrip())
    return start, start + len(stripped)


_SMALL_WORDS = frozenset(
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "in", "into",
        "is", "of", "on", "or", "the", "to", "vs", "via", "was", "were", "with", "nor",
    ]
)


def looks_like_title(text: str, *, max_words: int = 15) -> bool:
    """Short and in title case: "Deep Learning Generalizes Because the Map Is Biased"."""
    words = re.findall(r"[^\W\d_][\w'’\-]*", text)
    if not words or len(words) > max_words or count_words(text) > max_words:
        return False
    if not words[0][0].isupper():
        return False
    return all(word[0].isupper() or word.lower() in _SMALL_WORDS for word in words)

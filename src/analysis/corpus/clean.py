"""Cleaning: from decoded text to the text every offset refers to.

:func:`prepare_text` is the one path every document takes, whatever its format: line endings
and Unicode normalised, mojibake repaired (recorded), web boilerplate lines removed (kept with
the reason), the English check, and whether the text is hard-wrapped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from analysis.corpus.base import Removed, Repair
from analysis.corpus.decode import normalise_text
from analysis.corpus.repair import repair_mojibake

__all__ = ["ENGLISH_THRESHOLD", "Prepared", "english_share", "is_hard_wrapped", "language_check",
           "prepare_text", "strip_boilerplate"]

#: Share of words that must be common English function words for a text to count as English.
ENGLISH_THRESHOLD = 0.15


_AGENCIES = (
    r"(?:the\s+)?associated\s+press|ap|reuters|afp|agence\s+france[- ]presse|al\s+jazeera"
    r"|bbc(?:\s+news)?|cnn|bloomberg|dpa|xinhua|upi|efe|ansa|kyodo(?:\s+news)?|pa(?:\s+media)?"
    r"|press\s+association|aljazeera|news\s+agencies|agencies|wire\s+services|staff"
    r"|the\s+guardian|the\s+new\s+york\s+times|the\s+washington\s+post|tass|interfax|anadolu"
    r"|getty(?:\s+images)?|epa|shutterstock|instagram|twitter|facebook|youtube"  # photo credits
    r"|(?:ap|afp|reuters)\s+photo"
)
_CREDIT = re.compile(
    rf"^\s*(?:(?:source|sources|photo|photos|image|credit|with\s+(?:files|reporting)\s+from|"
    rf"compiled\s+by|"
    rf"additional\s+reporting\s+by|copyright|©|\(c\))\s*:?\s*)?"
    rf"(?:{_AGENCIES})(?:\s*(?:,|and|&|/|with)\s*(?:{_AGENCIES}))*"
    rf"(?:\s+contributed(?:\s+to\s+this\s+report)?)?\s*[.]?\s*$",
    re.IGNORECASE,
)
#: A contributors' line closing a story ("Contributing: Brittney Bennett and Greg Toppo, USA
#: TODAY."): a credit, not the story's text.
_CONTRIBUTORS = re.compile(r"^\s*contributing\s*:\s*\S.{0,150}$", re.IGNORECASE)
#: A line of markup only (an embedded tweet's placeholder: '<tweet tweet-id="7834..."><tweet/>.').
_MARKUP = re.compile(r"^\s*(?:<[^<>]{0,300}>\s*)+[.,]?\s*$")
#: A section label in capitals on its own line ("ABSTRACT.", "FULL TEXT.").
_LABEL = re.compile(r"^\s*(?:ABSTRACT|FULL TEXT|SUMMARY|TRANSCRIPT|UPDATE|UPDATED|BREAKING"
                    r"|CORRECTION|PHOTO|PHOTOS|VIDEO|CAPTION)\s*[.:]?\s*$")
#: A note about the story rather than the story: an editor's note, a correction or its label
#: ("Correction: An earlier version of this article ...", "CORRECTION APPENDED.", "This article
#: has been updated to include ...").
_NOTE_REASON = "editor's note or correction"
#: How a line that ends a sentence ends (an editor's note wrapped over lines goes on until one).
_NOTE_END = (".", "!", "?", '"', "”", "’", "'", ")")
_NOTE = re.compile(
    r"^\s*(?:(?:editor['’]?s['’]?\s+note|correction(?:\s+appended)?|clarification)\s*[:.]"
    r"|this\s+(?:article|story|post)\s+(?:has\s+been|was)\s+(?:revised|updated|corrected)\b"
    r"|an\s+earlier\s+version\s+of\s+this\s+(?:article|story|post)\b)",
    re.IGNORECASE)
#: A comment or live-blog widget's text, run together on one line of any length ("34 postsGet
#: LivefyreFAQSign in5 people listening + Follow...", "...N.H.FlagShareLikeReplyAni Vrabel
#: 5ptsmoderatorFeatured..."): the whole line goes, the caption glued to it too.
_LIVE_WIDGET = re.compile(r"Get\s*Livefyre|Livefyre\s*FAQ|FlagShareLikeReply|\dpts\s*moderator")
_WIDGET = re.compile(
    r"^\s*(?:"
    r"error|loading(?:\s+comments)?\.{0,3}|advertisement|advert|sponsored(?:\s+content)?"
    r"|sorry,?\s+your\s+comment\s+(?:was|could)\s+not\s+(?:be\s+)?saved.*"
    r"|please\s+try\s+again\s+later.*"
    r"|comments?\s+(?:are|is)\s+closed.*|(?:show|view|load|hide)\s+(?:\d+\s+)?comments?.*"
    r"|be\s+the\s+first\s+to\s+comment.*|leave\s+a\s+(?:comment|reply).*"
    r"|sign\s+up\s+for\s+(?:our|the)\s+\w+\s*newsletter.*|subscribe\s+to\s+our\s+newsletter.*"
    r"|share\s+(?:this|on)(?:\s+(?:article|story|page|facebook|twitter|x|email))*\s*:?"
    r"|follow\s+(?:us|@\w+|[\w.'’-]+(?:\s+[\w.'’-]+){0,5})\s+on\s+"
    r"(?:twitter|facebook|instagram|x)\b.*"
    r"|(?:twitter|instagram)\s*:\s*@\w+.*"
    r"|click\s+here\s+to\s+.*|read\s+more\s*:?.*|related\s*(?:articles|stories)?\s*:"
    r"|read\s+the\s+(?:rest|full\s+(?:story|article))\b.{0,80}"
    r"|all\s+rights\s+reserved\.?|copyright\s+©?\s*\d{4}.*|©\s*\d{4}.*"
    r"|we\s+use\s+cookies\b.*|accept\s+(?:all\s+)?cookies"
    r"|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|print\s+this\s+(?:article|page)"
    r")\s*$",
    re.IGNORECASE,
)


def strip_boilerplate(text: str) -> tuple[str, list[Removed]]:
    """Remove web-page boilerplate lines; return the cleaned text and what was removed.

    Whole lines are removed, anywhere in the text, each with its reason: credit lines made only
    of news agency names ("Al Jazeera and The Associated Press", "Reuters contributed to this
    report") or contributors ("Contributing: Grant Miller."); widget messages (comment-box
    errors, "Advertisement", share/follow/cookie prompts such as "Follow Pam Key on Twitter
    @pamkeyNEN.", "Read the rest here.", copyright notices, a live-blog widget's run-together
    text); editor's notes and corrections ("Correction: An earlier version of this article
    ...", "This article has been updated to ..."); lines of markup
    only ('<tweet tweet-id="7834..."><tweet/>'); section labels in capitals ("ABSTRACT.",
    "FULL TEXT."); an editor's note wrapped over several lines goes whole, up to the line that
ends its sentence. A line is removed only when the pattern matches the *whole* line, so a
    sentence that mentions the Associated Press or Twitter stays. Blank lines left at the ends
    are trimmed.

    >>> text, removed = strip_boilerplate("Officials said so.\\nError\\nSorry, your comment "
    ...     "was not saved due to a technical problem.")
    >>> text
    'Officials said so.'
    >>> [r.reason for r in removed]
    ['widget message', 'widget message']
    >>> strip_boilerplate("The Associated Press reported it.")[1]
    []
    >>> [r.reason for r in strip_boilerplate("ABSTRACT.\\nIt rained.\\nContributing: Ann Lee."
    ...     "\\nFollow Ann Lee on Twitter @annlee.\\n" '<tweet tweet-id="7"><tweet/>.')[1]]
    ['section label', 'credit line', 'widget message', 'markup']
    >>> strip_boilerplate("It rained.\\n\\nEditor's note: Donald Trump regularly\\nincites "
    ...                   "violence.\\n\\nIt stopped.")[0]
    'It rained.\\n\\nIt stopped.'
    """
    kept: list[str] = []
    removed: list[Removed] = []
    note = False  # inside an editor's note hard-wrapped over several lines
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        reason = _boilerplate(stripped) if stripped else None
        if note and stripped and not reason:
            reason = _NOTE_REASON  # "Editor's note: Donald Trump regularly" / "incites" / ...
        if reason:
            removed.append(Removed(number, stripped, reason))
            note = reason == _NOTE_REASON and not stripped.endswith(_NOTE_END)
        else:
            note = False
            kept.append(line.rstrip())
    cleaned = "\n".join(kept).strip("\n")
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip(), removed


def _boilerplate(line: str) -> str | None:
    """Why a stripped, non-empty line is boilerplate, or None when it is text."""
    if _LIVE_WIDGET.search(line):
        return "widget message"
    if len(line) <= 1000 and _NOTE.match(line):
        return _NOTE_REASON
    if len(line) > 200:
        return None
    if _CREDIT.match(line) or _CONTRIBUTORS.match(line):
        return "credit line"
    if _WIDGET.match(line):
        return "widget message"
    if _MARKUP.match(line):
        return "markup"
    if _LABEL.match(line):
        return "section label"
    return None

_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it as was with be by on not he i this are or his from at "
    "which but have an they you were her she there been their one all we can has had would "
    "will its who what when if more no so out up into them about than then these some could "
    "also other after said my our over only do did should because any those how where while "
    "both before between through during since against under very most just such being".split()
)
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def english_share(text: str, *, sample: int = 20000) -> float:
    """Share of the words (in the first ``sample`` words) that are common English function words.

    English prose scores about 0.35-0.5; other languages score well under 0.15 (a few short
    words such as "in" or "so" are shared). Texts with no words score 0.

    >>> round(english_share("The cat sat on the mat and looked at the dog."), 2)
    0.55
    >>> english_share("Der Hund schläft im Garten und die Katze spielt.") < 0.15
    True
    """
    words = _WORDS.findall(text, 0, 30 * sample)[:sample]  # words are under 30 characters
    if not words:
        return 0.0
    return sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, map(str.lower, words))) / len(words)


def language_check(text: str) -> dict[str, Any]:
    share = english_share(text)
    return {"english_share": share, "is_english": share >= ENGLISH_THRESHOLD}




# --- hard-wrapped text ------------------------------------------------------------------------

_LIST_MARKER = re.compile(r"\s*(?:[-*•–+]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s)")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'’”»)\]]*\s*$")
#: Lines a wrapped text breaks at: at least this long, at most WRAP_MAX characters.
WRAP_MIN, WRAP_MAX = 40, 100


def is_hard_wrapped(text: str) -> bool:
    """Whether ``text`` is hard-wrapped: its paragraphs broken into lines of a fixed width (as
    e-mail, plain-text newsletters and Project Gutenberg texts are), so that a single line
    break is a space and only a blank line ends a paragraph.

    The rule: look at every single line break (between two non-blank lines). One *continues a
    sentence* when the line before it is 40 to 100 characters long and does not end with
    sentence-final punctuation (``. ! ? : ; …``, closing quotes or brackets allowed after it),
    and the line after it does not start with a list marker (``-``, ``*``, ``•``, ``1.``,
    ``a)``). The text is hard-wrapped when at least 3 single line breaks continue a sentence,
    they are at least half of all single line breaks, and at least a third of them are
    followed by a line that starts with a lower-case letter (as wrapped prose mostly is, and a
    list of headlines is not). One paragraph per line (news exports, the seed), headlines,
    lists and blank-line-separated paragraphs are not.

    >>> import textwrap
    >>> para = ("The river peaked at 4.3 metres shortly after 2am, about 20 centimetres below "
    ...         "the top of the barriers that crews had put up along the quayside on Friday, "
    ...         "and most of the residents who had left were allowed to return by mid-morning.")
    >>> is_hard_wrapped(textwrap.fill(para + " " + para, 60))
    True
    >>> is_hard_wrapped(para + "\\n" + para + "\\n\\n" + para)
    False
    """
    lines = text.split("\n")
    breaks = continuing = lower = 0
    for before, after in zip(lines, lines[1:], strict=False):
        if not before.strip() or not after.strip():
            continue
        breaks += 1
        if (WRAP_MIN <= len(before.rstrip()) <= WRAP_MAX and not _SENTENCE_END.search(before)
                and not _LIST_MARKER.match(after)):
            continuing += 1
            lower += after.lstrip()[:1].islower()
    return continuing >= 3 and 2 * continuing >= breaks and 3 * lower >= continuing


# --- the one path every text takes ------------------------------------------------------------

@dataclass
class Prepared:
    """A text ready to become a document: ``text`` (cleaned), what was ``removed`` and
    ``repairs``, and ``info`` (``characters``, ``nfc_changed``, ``repaired``,
    ``english_share``, ``is_english``, ``hard_wrapped``)."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)


def prepare_text(
    text: str, *, strip: bool = True, hard_wrapped: bool | None = None, repair: bool = True,
) -> Prepared:
    """Normalise (line endings, NFC), repair mojibake (:func:`~analysis.corpus.repair.
    repair_mojibake`), strip boilerplate lines (:func:`strip_boilerplate`, unless ``strip`` is
    false), check the language and decide ``hard_wrapped`` (None: :func:`is_hard_wrapped`;
    True/False: as given). The cleaned text may be empty; callers decide what that means.

    >>> p = prepare_text("It didnâ€™t rain.\\r\\nReuters\\r\\n")
    >>> p.text, [r.reason for r in p.removed], len(p.repairs), p.info["hard_wrapped"]
    ('It didn’t rain.', ['credit line'], 1, False)
    """
    normal = normalise_text(text)
    repairs: list[Repair] = []
    if repair:
        normal, repairs = repair_mojibake(normal)
        if repairs:
            normal = unicodedata.normalize("NFC", normal)
    if strip:
        cleaned, removed = strip_boilerplate(normal)
    else:
        cleaned, removed = normal.strip(), []
    info: dict[str, Any] = {
        "characters": len(cleaned),
        "nfc_changed": not unicodedata.is_normalized("NFC", text),
        "repaired": sum(r.count for r in repairs),
    }
    info.update(language_check(cleaned))
    info["hard_wrapped"] = is_hard_wrapped(cleaned) if hard_wrapped is None else bool(hard_wrapped)
    return Prepared(cleaned, removed, repairs, info)

"""Cleaning: web boilerplate lines removed (and kept with the reason), the English check."""

from __future__ import annotations

import re
from typing import Any

from analysis.corpus.model import Removed

__all__ = ["ENGLISH_THRESHOLD", "english_share", "language_check", "strip_boilerplate"]

#: Share of words that must be common English function words for a text to count as English.
ENGLISH_THRESHOLD = 0.15


_AGENCIES = (
    r"(?:the\s+)?associated\s+press|ap|reuters|afp|agence\s+france[- ]presse|al\s+jazeera"
    r"|bbc(?:\s+news)?|cnn|bloomberg|dpa|xinhua|upi|efe|ansa|kyodo(?:\s+news)?|pa(?:\s+media)?"
    r"|press\s+association|aljazeera|news\s+agencies|agencies|wire\s+services|staff"
    r"|the\s+guardian|the\s+new\s+york\s+times|the\s+washington\s+post|tass|interfax|anadolu"
)
_CREDIT = re.compile(
    rf"^\s*(?:(?:source|sources|with\s+(?:files|reporting)\s+from|compiled\s+by|"
    rf"additional\s+reporting\s+by|copyright|©|\(c\))\s*:?\s*)?"
    rf"(?:{_AGENCIES})(?:\s*(?:,|and|&|/|with)\s*(?:{_AGENCIES}))*"
    rf"(?:\s+contributed(?:\s+to\s+this\s+report)?)?\s*[.]?\s*$",
    re.IGNORECASE,
)
_WIDGET = re.compile(
    r"^\s*(?:"
    r"error|loading(?:\s+comments)?\.{0,3}|advertisement|advert|sponsored(?:\s+content)?"
    r"|sorry,?\s+your\s+comment\s+(?:was|could)\s+not\s+(?:be\s+)?saved.*"
    r"|please\s+try\s+again\s+later.*"
    r"|comments?\s+(?:are|is)\s+closed.*|(?:show|view|load|hide)\s+(?:\d+\s+)?comments?.*"
    r"|be\s+the\s+first\s+to\s+comment.*|leave\s+a\s+(?:comment|reply).*"
    r"|sign\s+up\s+for\s+(?:our|the)\s+\w+\s*newsletter.*|subscribe\s+to\s+our\s+newsletter.*"
    r"|share\s+(?:this|on)(?:\s+(?:article|story|page|facebook|twitter|x|email))*\s*:?"
    r"|follow\s+us\s+on\s+(?:twitter|facebook|instagram|x)\b.*"
    r"|click\s+here\s+to\s+.*|read\s+more\s*:?.*|related\s*(?:articles|stories)?\s*:"
    r"|all\s+rights\s+reserved\.?|copyright\s+©?\s*\d{4}.*|©\s*\d{4}.*"
    r"|we\s+use\s+cookies\b.*|accept\s+(?:all\s+)?cookies"
    r"|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|print\s+this\s+(?:article|page)"
    r")\s*$",
    re.IGNORECASE,
)


def strip_boilerplate(text: str) -> tuple[str, list[Removed]]:
    """Remove web-page boilerplate lines; return the cleaned text and what was removed.

    Two kinds of whole lines are removed, anywhere in the text: credit lines made only of news
    agency names ("Al Jazeera and The Associated Press", "Reuters contributed to this report")
    and widget messages (comment-box errors, "Advertisement", share/follow/cookie prompts,
    copyright notices). A line is removed only when the pattern matches the *whole* line, so a
    sentence that mentions the Associated Press stays. Blank lines left at the ends are trimmed.

    >>> text, removed = strip_boilerplate("Officials said so.\\nError\\nSorry, your comment "
    ...     "was not saved due to a technical problem.")
    >>> text
    'Officials said so.'
    >>> [r.reason for r in removed]
    ['widget message', 'widget message']
    >>> strip_boilerplate("The Associated Press reported it.")[1]
    []
    """
    kept: list[str] = []
    removed: list[Removed] = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped and len(stripped) <= 200:
            if _CREDIT.match(stripped):
                removed.append(Removed(number, stripped, "credit line"))
                continue
            if _WIDGET.match(stripped):
                removed.append(Removed(number, stripped, "widget message"))
                continue
        kept.append(line.rstrip())
    cleaned = "\n".join(kept).strip("\n")
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip(), removed



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
    count = hits = 0
    for m in _WORDS.finditer(text):
        count += 1
        if m.group().lower() in _ENGLISH_FUNCTION_WORDS:
            hits += 1
        if count >= sample:
            break
    return hits / count if count else 0.0


def language_check(text: str) -> dict[str, Any]:
    share = english_share(text)
    return {"english_share": share, "is_english": share >= ENGLISH_THRESHOLD}



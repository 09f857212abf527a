"""Word lists of English the tokeniser relies on: titles, abbreviations, and the function
words (from the ``wordcloud`` package's stopword list) that usually start a sentence."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "ABBREVIATIONS",
    "CLAUSE_FINAL",
    "CREDIT_LABELS",
    "LETTER_NOUNS",
    "NUMBER_PREFIXES",
    "STARTERS",
    "TIME_WORDS",
    "TITLES",
    "WORDCLOUD_STOPWORDS",
]

# --------------------------------------------------------------------------------------
# Abbreviations (general English conventions; case-sensitive).

#: Titles and ranks written before a name: a period after them never ends a sentence.
TITLES: frozenset[str] = frozenset(
    """Mr Mrs Ms Messrs Mmes Mx Dr Drs Prof Profs Gen Lt Col Maj Capt Cmdr Cdr Sgt Cpl Pvt Adm
    Brig Gov Sen Sens Rep Reps Rev Hon Pres Supt Insp Det Atty Fr Mt Ft Sta Ste Msgr Amb""".split()
)

#: Abbreviations that keep their period (a token such as ``Sept.``). After them a sentence
#: ends only when the next word is one that usually starts a sentence (``The``, ``He``, ...).
#: Words that are also ordinary words (``Mass.``, ``Ill.``, ``Wash.``) are left out on
#: purpose. Dotted acronyms (``U.S.``, ``e.g.``) and single capital letters (initials) are
#: recognised by their shape and need no entry here.
ABBREVIATIONS: frozenset[str] = TITLES | frozenset(
    """Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat
    Jr Sr St Inc Corp Ltd Co Cos Bros Assn Dept Univ Ave Blvd Rd Hwy Pl Sq
    Ala Ariz Ark Calif Colo Conn Fla Ga Kan Kans Ky Md Mich Minn Mont Neb Nev Okla Ore Tenn
    Tex Va Vt Wis Wyo
    etc vs cf al approx est dept govt esp ca viz incl ft lb lbs oz yd
    No Nos no nos Fig Figs fig Vol Vols vol Art Sec Ch Pt Op pp""".split()
)

# Abbreviations that precede a number ("No. 5", "p. 12"): they keep their period only there.
NUMBER_PREFIXES = frozenset(
    "No Nos no nos Fig Figs fig Vol Vols vol Art Sec Ch Pt Op p pp".split()
)

#: Abbreviations that end a clause rather than start a name: times of day, months and weekdays
#: (news style abbreviates them only beside a date), "etc.". After them a capitalised word
#: starts a new sentence ("at 3 p.m. Later ..."), unless it is one of :data:`TIME_WORDS`
#: ("at 3 p.m. Tuesday", "10 a.m. ET"). Written without their final period, as the sentence
#: splitter sees them.
CLAUSE_FINAL = frozenset(
    """a.m p.m A.M P.M etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat""".split()
)
#: Words that continue a time or date after :data:`CLAUSE_FINAL` abbreviations: weekdays,
#: months, time zones.
TIME_WORDS = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs
    Fri Sat Sun January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ET EST EDT CT CST CDT MT MST MDT
    PT PST PDT AKST AKDT HST GMT UTC BST CET CEST EET EEST WET WEST IST JST KST AEST AEDT AWST
    NZST NZDT Eastern Central Mountain Pacific Atlantic Greenwich Local""".split()
)
#: Nouns that name things by a capital letter ("vitamin C", "Plan B", "hepatitis A", "grade
#: A"): a letter after one of them is not an initial, so its period ends a sentence like any
#: word's ("... took vitamin C. Researchers ..."). Lower case; compared case-insensitively.
LETTER_NOUNS = frozenset(
    """vitamin vitamins hepatitis plan grade grades type class category group section part
    level phase stage tier exhibit appendix annex terminal gate wing block building zone
    platform row option model division series size league pool""".split()
)
#: Labels of picture and source credits in captions of web news ("... on Monday Image: AP").
#: Followed by a colon, they start a new sentence even where no end mark precedes them.
CREDIT_LABELS = frozenset(
    """Image Images Photo Photos Photograph Picture Pictures Credit Credits Video Graphic
    Illustration Source Sources Map Chart""".split()
)


def lookbehinds(names: Iterable[str], suffix: str = r"\.") -> str:
    """Look-behinds for ``names`` + ``suffix``, grouped by length (they must be fixed-width)."""
    by_len: dict[int, list[str]] = {}
    for name in sorted(set(names)):
        by_len.setdefault(len(name), []).append(re.escape(name))
    return "|".join(
        rf"(?<=\b(?:{'|'.join(group)}){suffix})" for _, group in sorted(by_len.items())
    )



def _load_wordcloud_stopwords() -> frozenset[str]:
    # Read the list the way wordcloud does (its ``stopwords`` file), without importing
    # wordcloud itself, which pulls in matplotlib and PIL (~0.3 s).
    spec = importlib.util.find_spec("wordcloud")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the 'wordcloud' package (a declared dependency) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "stopwords"
    with path.open(encoding="utf-8") as f:
        return frozenset(line.strip() for line in f)


WORDCLOUD_STOPWORDS = _load_wordcloud_stopwords()
# Capitalised function words usually start a sentence: after an abbreviation ("U.S.") a
# following "The", "He", "In", ... means the abbreviation also ended the sentence.
STARTERS = frozenset(
    w.capitalize() for w in WORDCLOUD_STOPWORDS if w.isalpha() and (len(w) > 1 or w in "ai")
) | frozenset(w.upper() for w in WORDCLOUD_STOPWORDS if w.isalpha() and len(w) > 1)

"""What joins runs of capitalised words into one name, and what ends one: "of" after an
organisation's or place's head word ("Bank of England"), "and" inside an agency's name
("Securities and Exchange Commission"), a country's name that the next word does not continue
("the United States Hamdullah Mohib").

>>> head_word("Bank"), head_word("Smith")
(True, False)
>>> and_joins(["Securities", "and", "Exchange", "Commission"], [True, False, True, True], 0, 1)
True
>>> and_joins(["Fujitsu", "and", "Sony", "Corp."], [True, False, True, True], 0, 1)
False
"""

from __future__ import annotations

from analysis.entities.given_names import is_given_name
from analysis.entities.lexicon import (
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    demonym,
    gazetteer,
    zipf,
)

__all__ = ["and_joins", "country_ends", "head_word"]


#: Last words of an agency's name with "and" inside it ("Food and Drug Administration").
_AGENCY_WORDS = frozenset(
    """Commission Administration Department Agency Bureau Board Committee Council Authority
    Services Service Institute Association Society Foundation Fund Office Ministry
    Organization Organisation Union Agencies Centre Center Laboratory Museum""".split())


def and_joins(words: list[str], ok: list[bool], last: int, j: int) -> bool:
    """Whether the "and" at ``j`` is inside an agency's name: a common English word before it
    (no place, given name or nationality), common capitalised words after it, and within three
    words an agency's last word ("Securities and Exchange Commission", "Department of Health
    and Human Services"; not "Sony and Microsoft Corp.", "Britain and France")."""
    before = words[last]
    if not before.isalpha() or zipf(before.lower()) < 4.0 or is_given_name(before) or (
            demonym(before)) or before in gazetteer().places:
        return False
    for q in range(j + 1, min(len(words), j + 4)):
        if not ok[q] or not words[q].isalpha() or zipf(words[q].lower()) < 3.0 or (
                words[q] in gazetteer().places):
            return False
        if words[q] in _AGENCY_WORDS:
            return True
    return False


def country_ends(run: list[str], nxt: str) -> bool:
    """Whether the words of ``run`` name a country or capital that ``nxt`` does not continue
    (as "Navy" continues "United States")."""
    hit = gazetteer().places.get(" ".join(run))
    return hit is not None and hit[1] in ("country", "capital") and not (
        nxt in ORG_WORDS or nxt in PLACE_WORDS or nxt in PERSON_TITLES)


def head_word(w: str) -> bool:
    """Whether ``w`` heads an organisation's or a place's name that "of" may continue ("Bank",
    "Republic", "Gulf")."""
    return w in ORG_WORDS or w in PLACE_WORDS or w in ("Republic", "Kingdom", "State", "States",
                                                       "Isle", "Bay", "Gulf", "Cape")

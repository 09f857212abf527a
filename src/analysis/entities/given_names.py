"""Given names: a person's name in news usually starts with one ("Paul Dewar", "Ahmed Mohamed").

The names are those of the person providers of the ``faker`` package (MIT licence, released
every few weeks): the first names of its 60 or so locales written in the Latin alphabet (about
20,000: English, Irish, German, Dutch, Scandinavian, Romance, Slavic, Turkish, Indonesian,
Swahili, Yoruba, Igbo, Hausa, Zulu, Twi, Kenyan, Pakistani and Indian English...). A name that
is also a common English word ("Will", "Grace", "Council") stays only when at least two locales
give it ("Mark", "Grace": yes; "Council", "Unknown" of one English list of registered baby
names: no). Words that name something else first never count: function words, days and months,
titles ("Major", "Judge"), organisation and place words ("Bank", "Forest"), compass words,
nationality and religious words ("German", "Christian"), and countries ("Jordan", "Chad",
"India": "Jordan Valley", "Chad Basin").

>>> is_given_name("Ahmed"), is_given_name("Paul"), is_given_name("Jordan")
(True, True, False)
>>> is_given_name("Council"), is_given_name("Major"), is_given_name("Will")
(False, False, False)
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from functools import lru_cache

from analysis.entities.lexicon import (
    CLOSED_CLASS,
    COMPASS,
    DAYS,
    GROUP_ADJECTIVES,
    KNOWN_GROUPS,
    MONTHS,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    demonym,
    gazetteer,
    zipf,
)

__all__ = ["given_names", "is_given_name"]

#: A name in one locale only whose lower-case form is at least this frequent in English
#: (Zipf scale) is taken for the word, not the name.
COMMON_WORD_ZIPF = 4.5
_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female",
               "first_names_nonbinary")


def _locale_names() -> list[set[str]]:
    """The first names of each locale of faker's person providers (Latin script only)."""
    try:
        import faker.providers.person as person
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise ImportError(
            "analysis.entities needs the 'faker' package (given names of many languages): "
            "pip install faker") from e
    out = []
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        names: set[str] = set()
        for attribute in _ATTRIBUTES:
            # class attributes, looked up without instantiating (some are properties)
            value = next((c.__dict__[attribute] for c in provider.__mro__
                          if attribute in c.__dict__), None)
            if isinstance(value, (list, tuple, dict, set, frozenset)):
                names.update(n for n in value if isinstance(n, str))
        out.append({n for n in names if n[:1].isupper() and " " not in n and all(
            ord(c) < 0x250 for c in n)})
    return out


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names (see the module's notes), loaded once (about 0.3 s)."""
    locales: Counter[str] = Counter()
    for names in _locale_names():
        locales.update(names)
    places = gazetteer().places
    other = DAYS | MONTHS | PERSON_TITLES | ORG_WORDS | PLACE_WORDS | COMPASS | (
        KNOWN_GROUPS) | GROUP_ADJECTIVES
    return frozenset(
        n for n, k in locales.items()
        if (k >= 2 or zipf(n.lower()) < COMMON_WORD_ZIPF)
        and n not in other and n.lower() not in CLOSED_CLASS and not demonym(n)
        and places.get(n, ("", ""))[1] != "country")


def is_given_name(word: str) -> bool:
    """Whether ``word`` (as written, capitalised) is a given name."""
    return word in given_names()

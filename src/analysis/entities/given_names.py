"""Given names and surnames: a person's name in news usually starts with a given name ("Paul
Dewar", "Ahmed Mohamed"), and a family name alone ("Jafari said") is a person's.

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

__all__ = ["given_name_gender", "given_names", "is_given_name", "is_surname", "other_gender",
           "surnames", "title_gender"]

#: A name in one locale only whose lower-case form is at least this frequent in English
#: (Zipf scale) is taken for the word, not the name.
COMMON_WORD_ZIPF = 4.5
_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female",
               "first_names_nonbinary")
_SURNAME_ATTRIBUTES = ("last_names", "last_names_male", "last_names_female")


def _locale_names(attributes: tuple[str, ...]) -> list[set[str]]:
    """The names of each locale of faker's person providers (Latin script only) held in
    ``attributes`` (first names, last names)."""
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
        for attribute in attributes:
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
    for names in _locale_names(_ATTRIBUTES):
        locales.update(names)
    return _filtered(locales)


def _filtered(locales: Counter[str]) -> frozenset[str]:
    """The names given by at least two locales or not common English words, and naming no
    other thing (see the module's notes)."""
    places = gazetteer().places
    other = DAYS | MONTHS | PERSON_TITLES | ORG_WORDS | PLACE_WORDS | COMPASS | (
        KNOWN_GROUPS) | GROUP_ADJECTIVES
    return frozenset(
        n for n, k in locales.items()
        if (k >= 2 or zipf(n.lower()) < COMMON_WORD_ZIPF)
        and n not in other and n.lower() not in CLOSED_CLASS and not demonym(n)
        and places.get(n, ("", ""))[1] != "country")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The family names of faker's person providers (Latin script), with the same filter as
    :func:`given_names`: a surname alone ("Dewar said") is a person's name."""
    locales: Counter[str] = Counter()
    for names in _locale_names(_SURNAME_ATTRIBUTES):
        locales.update(names)
    return _filtered(locales)


def is_surname(word: str) -> bool:
    """Whether ``word`` (as written, capitalised) is a family name.

    >>> is_surname("Mohamed"), is_surname("Jafari"), is_surname("Google")
    (True, True, False)
    """
    return word in surnames()


def is_given_name(word: str) -> bool:
    """Whether ``word`` (as written, capitalised) is a given name."""
    return word in given_names()


@lru_cache(maxsize=1)
def _gendered() -> tuple[frozenset[str], frozenset[str]]:
    """The given names faker's locales list as male, and as female: by at least three times
    as many locales as list it for the other gender ("Donald", "Andrea");
    a name shared more evenly ("Jean", "Kim", "Hillary") is in neither."""
    male: Counter[str] = Counter()
    female: Counter[str] = Counter()
    for names in _locale_names(("first_names_male",)):
        male.update(names)
    for names in _locale_names(("first_names_female",)):
        female.update(names)

    def leaning(one: Counter[str], other: Counter[str]) -> frozenset[str]:
        return frozenset(n for n, k in one.items() if k >= 3 * other[n])

    return leaning(male, female), leaning(female, male)


def given_name_gender(word: str) -> str:
    """The pronoun a given name takes in faker's locales: "he" for a name they list as male,
    "she" for one they list as female (see :func:`_gendered`), "" when they list it for both
    genders alike, or not at all.

    Used to keep "she said" from resolving to "Donald Trump" (:mod:`analysis.entities.coref`).

    >>> given_name_gender("Donald"), given_name_gender("Elizabeth"), given_name_gender("Kim")
    ('he', 'she', '')
    >>> given_name_gender("Barack"), given_name_gender("")
    ('', '')
    """
    male, female = _gendered()
    return "he" if word in male else "she" if word in female else ""


_MALE_TITLES = frozenset("Mr. Mr Sir King Prince Lord Father Brother Pope Emir Sultan".split())
_FEMALE_TITLES = frozenset(
    "Mrs. Mrs Ms. Ms Miss Madam Lady Queen Princess Dame Sister Mother Empress".split())


def title_gender(title: str) -> str:
    """The pronoun a title before a name takes: "he" (Mr., Sir, King...), "she" (Mrs., Ms.,
    Queen...), or "" (President, Senator: either).

    >>> title_gender("Mr."), title_gender("Mrs."), title_gender("Sen.")
    ('he', 'she', '')
    """
    words = set(title.split())
    if words & _MALE_TITLES:
        return "he"
    if words & _FEMALE_TITLES:
        return "she"
    return ""


def other_gender(a: str, b: str) -> bool:
    """Whether two pronouns ("he", "she", or "" when unknown) are known and differ: a name
    never stands for a person of the other gender.

    >>> other_gender("he", "she"), other_gender("he", ""), other_gender("she", "she")
    (True, False, False)
    """
    return bool(a and b and a != b)

"""Which mentions of one document are one actor: a surname alone and the full name it ends, an
acronym and the name with its initials (or in brackets after it), a country's codes, an
organisation's shorter and longer names, spellings that differ only in case or hyphens.

Used by :mod:`analysis.entities.mentions` on the drafts of a document's mentions.

>>> from analysis.entities.mentions import document_mentions
>>> [m.actor for m in document_mentions("The Warhol Museum and the Andy Warhol Museum.")]
['Andy Warhol Museum', 'Andy Warhol Museum']
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from analysis.entities.lexicon import (
    COMPASS,
    ORG_WORDS,
    PERSON_TITLES,
    demonym,
    gazetteer,
    is_all_caps,
)
from analysis.tokenise import fold

if TYPE_CHECKING:  # pragma: no cover
    from analysis.entities.draft import Draft
    from analysis.entities.names import Analysis

__all__ = ["ORG_HEADS", "acronym_key", "actors_of", "norm", "relink_surnames", "spelling_key",
           "spelling_variants"]

#: Organisation words and their plurals ("the State and Homeland Security Departments").
ORG_HEADS = ORG_WORDS | {w + "s" for w in ORG_WORDS if w.isalpha() and not w.endswith("s")}
NO_PLACE = ("", "")
_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,}")


@lru_cache(maxsize=1 << 14)
def norm(s: str) -> str:
    """A name with its apostrophes folded and its spaces made single."""
    return " ".join(fold(s).split())


def acronym_key(s: str) -> str:
    """"U.N." -> "UN"; other names unchanged."""
    return s.replace(".", "") if "." in s and _DOTTED_RE.fullmatch(s) else s


def _initials(words: Sequence[str]) -> str:
    """"NATO" for "North Atlantic Treaty Organization", "IE9" for "Internet Explorer 9"."""
    return "".join(w if w.isdigit() else w[0] for w in words if (
        w[:1].isupper() and w not in PERSON_TITLES) or w.isdigit())


def actors_of(state: Analysis, ds: list[Draft]) -> list[str]:
    """The actor (canonical name within the document) of each draft."""
    keys = _link(state, ds)
    variants: dict[str, Counter] = defaultdict(Counter)
    for d, k in zip(ds, keys, strict=True):
        if not d.demonym:
            variants[k][norm(d.text)] += 1
    canon: dict[str, str] = {}
    for d, k in zip(ds, keys, strict=True):
        if k in canon:
            continue
        if d.country:
            canon[k] = d.country
            continue
        forms = variants.get(k) or Counter({k: 1})
        best = max(forms, key=lambda f: (len(f), forms[f], f))
        best = best[4:] if best.startswith(("The ", "the ")) else best
        canon[k] = k if len(k) >= len(best) else best
    return [canon[k] for k in keys]


def _link(state: Analysis, ds: list[Draft]) -> list[str]:
    """Actor key of each draft: its core, or the full name a one-word mention stands for when
    one full name fits: a surname ("Haftar" -> "Khalifa Haftar"; of two full names ending
    with it, the one named more often: in the first nine GUM documents that beats the one
    named last; with a gendered title, a full name of that gender first and never one of
    the other: "Mr. Clinton" is Bill Clinton beside Hillary Clinton), a first name of a
    full name with strong person evidence, the last word of an organisation's name that is
    no place ("Scientology" -> "Church of Scientology"), an acronym by its initials ("NATO",
    "NZ" beside New Zealand) or in brackets after the
    name ("Korean Central News Agency (KCNA)"); an organisation's name without the country
    that starts another ("State Department" -> "US State Department"), or without its first
    words ("Warhol Museum" -> "Andy Warhol Museum")."""
    keys = [d.core for d in ds]
    _spellings(keys)
    _without_country(ds, keys)
    _shortened(ds, keys)
    weights: dict[str, Counter] = defaultdict(Counter)
    uses: Counter[str] = Counter()  # mentions of each core of several words, in text order
    for d in ds:
        w = weights[d.core]
        for kind, weight, _ in d.evidence:
            w[kind] += weight
        if not d.country and " " in d.core:
            uses[d.core] += 1
    lasts: dict[str, Counter] = defaultdict(Counter)  # last word -> full person names
    firsts: dict[str, Counter] = defaultdict(Counter)
    org_lasts: dict[str, set[str]] = defaultdict(set)
    initials: dict[str, set[str]] = defaultdict(set)
    companies: dict[str, set[str]] = defaultdict(set)
    places = gazetteer().places
    for core, n in uses.items():
        words = core.split()
        w = weights[core]
        if w["person"] > max(w["group"], w["place"]) or not (w["group"] or w["place"]):
            lasts[words[-1]][core] += n
            if w["person"] >= 3.0:
                firsts[words[0]][core] += n
        elif w["group"] > max(w["place"], w["person"]):
            if words[-1] not in places:
                org_lasts[words[-1]].add(core)
            for word in words:  # the head alone: "the Church" for "Church of Scientology"
                if word in ORG_WORDS:
                    org_lasts[word].add(core)
        if len(words) > 1 and all(x in _COMPANY_SUFFIXES for x in words[1:]):
            companies[words[0]].add(core)
        ini = _initials(words)
        if len(ini) >= 2 and w["person"] <= max(w["group"], w["place"]):  # not "AP": Al Pa..
            initials[ini].add(core)
    bracketed = _bracketed(state, ds)
    genders = _genders(ds, uses)
    for i, d in enumerate(ds):
        w = d.core
        if " " in w or d.country or d.demonym:
            continue
        if is_all_caps(acronym_key(w)):
            if acronym_key(w) in bracketed:
                keys[i] = bracketed[acronym_key(w)]
            elif len(initials.get(acronym_key(w), ())) == 1:
                keys[i] = next(iter(initials[acronym_key(w)]))
            elif len(initials.get(w.rstrip("0123456789"), ())) == 1 and w[-1].isdigit():
                keys[i] = next(iter(initials[w.rstrip("0123456789")]))  # "IE9"
            continue
        cands = lasts.get(w) or firsts.get(w)
        if cands:  # the most frequent full name, then the earliest (a Counter keeps order)
            cands = _same_gender(cands, d.title, genders)
            if cands:
                keys[i] = max(cands, key=cands.__getitem__)
        elif len(org_lasts.get(w, ())) == 1 and w not in places:
            keys[i] = next(iter(org_lasts[w]))
        elif len(companies.get(w, ())) == 1:
            keys[i] = next(iter(companies[w]))  # "Microsoft" -> "Microsoft Corp."
    return keys


def _genders(ds: list[Draft], uses: Counter[str]) -> dict[str, str]:
    """The pronoun each full name of the document takes, where its given name says it
    ("Bill Clinton": he), else the titles written before it, one way only, else, when its
    surname alone is written with titles of both genders, the more frequent of them ("Mrs.
    Clinton" x30, "Mr. Clinton" x11: the Hillary Clinton of the text is "she")."""
    from analysis.entities.given_names import given_name_gender, title_gender

    titles: dict[str, set[str]] = defaultdict(set)
    alone: dict[str, Counter] = defaultdict(Counter)  # a surname -> its titles' genders
    for d in ds:
        g = title_gender(d.title) if d.title else ""
        if g and d.core in uses:
            titles[d.core].add(g)
        elif g and " " not in d.core:
            alone[d.core][g] += 1
    out = {}
    for core in uses:
        g = given_name_gender(core.split()[0])
        if g or len(titles.get(core, ())) == 1:
            out[core] = g or next(iter(titles[core]))
            continue
        (first, n), *rest = alone.get(core.split()[-1], Counter({"": 0})).most_common()
        if rest and n > rest[0][1]:
            out[core] = first
    return out


def _same_gender(cands: Counter[str], title: str, genders: dict[str, str]) -> Counter[str]:
    """The full names a surname written with a gendered title may stand for: "Mr. Clinton" is
    Bill Clinton where the text names him, and never Hillary Clinton when her gender is
    known; a title saying no gender ("Sen.") or none keeps every candidate."""
    from analysis.entities.given_names import other_gender, title_gender

    g = title_gender(title) if title else ""
    if not g:
        return cands
    fit = Counter({c: n for c, n in cands.items() if not other_gender(g, genders.get(c, ""))})
    same = Counter({c: n for c, n in fit.items() if genders.get(c) == g})
    return same or fit


#: What follows a company's (or a party's, a magazine's) name ("Microsoft Corp.", "Tesco plc",
#: "Labour Party", "Freedom Magazine").
_COMPANY_SUFFIXES = frozenset(
    """Inc Inc. Corp Corp. Corporation Ltd Ltd. Co Co. Company Group Holdings plc PLC LLC
    GmbH AG SA NV Magazine Party""".split()
)


@lru_cache(maxsize=1 << 14)
def spelling_key(name: str) -> str:
    """What two spellings of one name share (a string): case, hyphens and full stops left out.

    >>> spelling_key("Kim Jong-un") == spelling_key("Kim Jong Un") == "kim jong un"
    True
    >>> spelling_key("A.P.")
    'ap'
    """
    return " ".join(name.replace(".", "").replace("-", " ").lower().split())


def spelling_variants(names: Iterable[str]) -> list[list[str]]:
    """The names that are spellings of one name (:func:`spelling_key`), in groups of two or
    more, each group in the order the names came.

    >>> spelling_variants(["Kim Jong-un", "Seoul", "Kim Jong Un", "KIM JONG UN"])
    [['Kim Jong-un', 'Kim Jong Un', 'KIM JONG UN']]
    """
    found: dict[str, list[str]] = defaultdict(list)
    for name in names:
        found[spelling_key(name)].append(name)
    return [forms for forms in found.values() if len(forms) > 1]


def _spellings(keys: list[str]) -> None:
    """Spellings of one name that differ only in case, hyphens or full stops are one key (the
    most frequent spelling, then the first)."""
    counts = Counter(keys)
    best = {}
    for forms in spelling_variants(counts):
        top = max(forms, key=counts.__getitem__)
        best.update((f, top) for f in forms)
    if best:
        keys[:] = [best.get(k, k) for k in keys]


def _bracketed(state: Analysis, ds: list[Draft]) -> dict[str, str]:
    """Acronyms written in brackets right after a name of several words: acronym -> that
    name's core ("Korean Central News Agency (KCNA)")."""
    out: dict[str, str] = {}
    words = state.words
    for a, b in zip(ds, ds[1:], strict=False):
        if b.first == a.last + 2 and words[a.last + 1] == "(" and " " in a.core and (
                is_all_caps(acronym_key(b.core))) and b.last + 1 < len(words) and (
                words[b.last + 1] == ")"):
            out.setdefault(acronym_key(b.core), a.core)
    return out


def _without_country(ds: list[Draft], keys: list[str]) -> None:
    """"State Department" -> "US State Department": an organisation's name of two or more
    words joins the one name that is it after a country ("US", "British")."""
    cores = {d.core for d in ds if " " in d.core}
    longer: dict[str, set[str]] = defaultdict(set)
    places = gazetteer().places
    for core in cores:
        first, _, rest = core.partition(" ")
        if " " in rest and rest in cores and (places.get(first, NO_PLACE)[1] == "country" or (
                demonym(first))) and any(w in ORG_HEADS for w in rest.split()):
            longer[rest].add(core)
    for i, k in enumerate(keys):
        if len(longer.get(k, ())) == 1:
            keys[i] = next(iter(longer[k]))


def _shortened(ds: list[Draft], keys: list[str]) -> None:
    """"Warhol Museum" -> "Andy Warhol Museum", "Comic Corps" -> "Comic Corps of Canada": a
    name of several words with the evidence of an organisation or a place joins the one longer
    such name that ends with it, or that continues it with "of" or "for"."""
    weights: dict[str, Counter] = defaultdict(Counter)
    known = set()  # names the gazetteer knows: "Los Angeles" is not "East Los Angeles"
    for d in ds:
        if " " in d.core and not d.country:
            for kind, weight, reason in d.evidence:
                weights[d.core][kind] += weight
                if reason.startswith("gazetteer"):
                    known.add(d.core)
    named = {c for c, w in weights.items() if max(w["group"], w["place"]) > w["person"]}
    ends: dict[str, set[str]] = defaultdict(set)
    for core in named:
        words = core.split()
        for k in range(1, len(words) - 1):
            if COMPASS.isdisjoint(words[:k]):
                ends[" ".join(words[k:])].add(core)
            if words[k] in ("of", "for") and k >= 2:  # "Comic Corps" -> "... of Canada"
                ends[" ".join(words[:k])].add(core)
    named -= known
    for i, k in enumerate(keys):
        if k in named and len(ends.get(k, ())) == 1:
            keys[i] = next(iter(ends[k]))


def relink_surnames(ds: list[Draft], actors: list[str], kinds: dict[str, str]
                    ) -> list[str] | None:
    """The actors again, with a one-word mention that stayed alone joined to the one full name
    ending with it whose kind turned out a person's only once the whole document was read
    ("Chambers" -> "Guy Chambers"); None when nothing changes.

    ``ds`` are the drafts in text order, ``actors`` the actor of each, ``kinds`` each actor's
    kind.
    """
    persons: dict[str, set[str]] = defaultdict(set)
    for actor in set(actors):
        if " " in actor and kinds.get(actor) == "person":
            persons[actor.split()[-1]].add(actor)
    out, changed = list(actors), False
    genders = _genders(ds, Counter(d.core for d in ds if " " in d.core and not d.country))
    for i, (d, actor) in enumerate(zip(ds, actors, strict=True)):
        if " " in actor or d.country or d.demonym or kinds.get(actor) not in ("unknown",
                                                                               "person"):
            continue
        cands = persons.get(actor)
        if cands and len(cands) == 1 and _same_gender(Counter(cands), d.title, genders):
            out[i], changed = next(iter(cands)), True  # never "Mr. Clinton" for Mrs. Clinton
    return out if changed else None

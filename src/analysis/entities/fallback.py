"""The kind of an actor whose own evidence is silent or tied, from what the rest of the document
says about it: the pronoun that takes it up ("Baweja said ... He added"), the names it is
listed with when they are organisations or places ("Fujitsu, Mitsubishi and Sony", passed
along the whole list; not people: lists of people in the news read for tuning mix in titles
of films and songs, and a person made so grabs the next "he"), and the longer
name it is a word or a run of words of ("Forest" in a text about "Nottingham Forest"); last,
when nothing at all is known, a name of rare words written inside a sentence (where a capital
means a name) is taken for a person's: in the news read for tuning most such names are
people's, and "unknown" is never right.

These rules only break silence or ties (:func:`analysis.entities.mentions` asks them for an
actor whose kind would otherwise be "unknown"); they never overturn what the name itself, the
gazetteer or the words around a mention say.

>>> from analysis.entities.mentions import document_mentions
>>> text = "Okonjo met the press. She said the plan would work."
>>> [(m.text, m.kind) for m in document_mentions(text)]
[('Okonjo', 'person')]
>>> text = "Firms such as Sony, Fujitsu and Nintendo make them."
>>> [(m.text, m.kind) for m in document_mentions(text)]
[('Sony', 'group'), ('Fujitsu', 'group'), ('Nintendo', 'group')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from analysis.entities.given_names import is_given_name, is_surname
from analysis.entities.lexicon import LOCATIVES, NAME_PARTICLES, RARE_ZIPF, zipf

if TYPE_CHECKING:  # pragma: no cover
    from analysis.entities.draft import Draft
    from analysis.entities.names import Analysis

__all__ = ["fallback_evidence"]

#: Pronouns that take up a person, and those that take up a thing or a body.
_PERSONAL = frozenset("he she him his her himself herself".split())
_IMPERSONAL = frozenset("its itself".split())
#: What may stand between the members of a list of names.
_OPENERS = frozenset({'"', "\u201c", "'", "\u2018", ":", "(", "-", "\u2013", "\u2014"})
_INITIALS_RE = re.compile(r"\b(?:[A-Z]\.)+ ")
_COMPOUND_RE = re.compile(r"-[a-z]+(?:ing|ed|itis|nesia)\b")  # "Republican-repelling"
_LIST_GLUE = frozenset({",", "and", "or", "&", "as", "well"})


def fallback_evidence(state: Analysis, ds: list[Draft], actors: list[str],
                      undecided: set[str], kinds: dict[str, str], silent: set[str] = frozenset(),
                      decide: Callable[[str, Counter], str] | None = None
                      ) -> dict[str, Counter]:
    """Evidence for each actor in ``undecided``: ``{actor: Counter(kind -> weight)}``.

    ``ds`` are a document's drafts in text order, ``actors`` the actor of each, ``kinds`` the
    kind of each actor decided so far ("unknown" for the undecided ones); ``silent`` the
    undecided actors with no evidence at all (they may get the last-resort person guess);
    ``decide(actor, evidence)`` the kind an actor would take with that evidence, used to
    pass kinds along a list a second time.
    """
    out: dict[str, Counter] = {a: Counter() for a in undecided}
    if not undecided:
        return out
    todo = [i for i, (d, a) in enumerate(zip(ds, actors, strict=True))
            if a in undecided and not d.demonym]
    lists = {i: _list_of(state, ds, i) for i in todo}
    for i in todo:
        d = ds[i]
        kind = _pronoun_after(state, d, ds[i + 1].first if i + 1 < len(ds) else len(
            state.toks))
        if kind:
            out[actors[i]][kind] += 1.0
        _from_list(ds, actors, kinds, lists[i], i, out)
    _part_of_longer(ds, actors, undecided, kinds, out)
    if decide is not None:  # a second pass along lists with the kinds found so far
        again = {a: decide(a, f) for a, f in out.items() if f}
        if any(k != "unknown" for k in again.values()):
            now = {**kinds, **again}
            for i in todo:
                if not out[actors[i]]:
                    _from_list(ds, actors, now, lists[i], i, out)
    midway = _midway(state, ds, actors, silent) if silent else set()
    for actor, found in out.items():
        if found["person"] and not _person_shaped(actor):
            del found["person"]  # "Shoes", "Hall Green": titles and things, not people
        if not found and actor in silent and actor in midway and _prior_person(actor):
            found["person"] = 0.5  # nothing else known: a name of rare words is most often a
            # person's
    return out


def _from_list(ds: list[Draft], actors: list[str], kinds: dict[str, str],
               span: tuple[int, int], i: int, out: dict[str, Counter]) -> None:
    """The kinds of the organisations and places in the list of mention ``i``, nearest
    first."""
    for j in range(*span):
        other = kinds.get(actors[j], "unknown")
        if j != i and other in ("group", "place") and not ds[j].demonym:
            out[actors[i]][other] += 1.0 / (1 + abs(i - j))


def _midway(state: Analysis, ds: list[Draft], actors: list[str], among: set[str]) -> set[str]:
    """The actors written at least once where a capital means a name: inside a sentence that
    is no headline, not after an opening quote or a colon; and never where a place is ("in",
    "at", "to", "from"...)."""
    out, placed = set(), set()
    headline = state.headline
    for d, actor in zip(ds, actors, strict=True):
        if actor not in among:
            continue
        s = d.sentence
        before = state.folded[d.first - 1].lower() if d.first > state.ranges[s].start else ""
        if before in LOCATIVES or before in ("to", "the"):
            placed.add(actor)
        if before and not (s < len(headline) and headline[s]) and before not in _OPENERS:
            out.add(actor)
    return out - placed


def _prior_person(name: str) -> bool:
    """A name that may be a person's when nothing else is known: person-shaped, capitalised,
    not all capitals, no plural ("Khans"), no nationality ("Texan"), no
    "D-Conn." or "YouGov/Economist"."""
    words = name.split()
    last = words[-1]
    if not name[:1].isupper() or name.isupper() or any(c in name for c in "/@") or (
            "." in name and not _INITIALS_RE.search(name)) or _COMPOUND_RE.search(name) or (
            not _person_shaped(name)):
        return False
    known = is_given_name(last) or is_surname(last)
    return known or not last.endswith(("s", "ian", "an", "ish", "ese"))


def _person_shaped(name: str) -> bool:
    """Whether every word of a name could be a personal name: a given name or surname, or a
    word rare in general English ("Baweja"; not "Shoes", "Policy")."""
    return all(is_given_name(w) or is_surname(w) or zipf(w.lower()) < RARE_ZIPF
               or len(w.rstrip(".")) == 1 or w in NAME_PARTICLES for w in name.split())


def _pronoun_after(state: Analysis, d: Draft, stop: int) -> str:
    """"person" when the first pronoun after the mention, before the next name and within its
    own or the next sentence, is "he", "she", "his" or "her"; "group" when it is "its"."""
    ranges = state.ranges
    s = d.sentence
    limit = ranges[s + 1].stop if s + 1 < len(ranges) else ranges[s].stop
    folded = state.folded
    for k in range(d.last + 1, min(stop, limit)):
        w = folded[k].lower()
        if w in _PERSONAL:
            return "person"
        if w in _IMPERSONAL or w in ("they", "their", "them"):
            return "group" if w in _IMPERSONAL else ""
    return ""


def _list_of(state: Analysis, ds: list[Draft], i: int) -> tuple[int, int]:
    """The range of mention indexes of the list of names mention ``i`` is in (itself alone
    when in none): "Fujitsu, Mitsubishi, Yamaha and Rohm"."""
    a = i
    while a > 0 and _listed(state, ds[a - 1], ds[a]):
        a -= 1
    b = i + 1
    while b < len(ds) and _listed(state, ds[b - 1], ds[b]):
        b += 1
    return a, b


def _listed(state: Analysis, a: Draft, b: Draft) -> bool:
    """Whether two mentions follow each other in one list: only commas, "and", "or", "as
    well as" between them."""
    if a.sentence != b.sentence or b.first <= a.last + 1:
        return False
    between = [w.lower() for w in state.folded[a.last + 1:b.first]]
    return len(between) <= 3 and all(w in _LIST_GLUE for w in between) and any(
        w in (",", "and", "or", "&") for w in between)


def _part_of_longer(ds: list[Draft], actors: list[str], undecided: set[str],
                    kinds: dict[str, str], out: dict[str, Counter]) -> None:
    """An actor whose name is a word, or a run of words, of a longer name of the document
    takes that name's kind ("Forest" and "Nottingham Forest", "FIRST Global" and "FIRST
    Global Challenge"), when all such names agree."""
    decided = [(f" {a} ", kinds[a]) for a in set(actors)
               if " " in a and kinds.get(a, "unknown") != "unknown"]
    for actor in undecided:
        padded = f" {actor} "
        found = {kind for longer, kind in decided if padded in longer and longer != padded}
        if len(found) == 1:
            out[actor][next(iter(found))] += 1.0

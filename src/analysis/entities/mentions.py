"""Mentions of actors in one document: every name (not a day or month) and, optionally, every
nationality word standing for its country, with the actor it counts for within the document and
its kind, decided from weighed evidence.

This is the per-document step, the table :data:`MENTIONS`; :mod:`analysis.entities.actors`
aggregates the mentions of many documents into actors.

>>> rows = document_mentions("Gen. Khalifa Haftar met Tunisian officials. Haftar’s men left.")
>>> [(m.sentence, m.text, m.actor, m.kind, m.via_demonym) for m in rows]
... # doctest: +NORMALIZE_WHITESPACE
[(1, 'Khalifa Haftar', 'Khalifa Haftar', 'person', False),
 (1, 'Tunisian', 'Tunisia', 'place', True), (2, 'Haftar', 'Khalifa Haftar', 'person', False)]

How a mention gets its actor, within one document: a title is dropped ("Gen. Khalifa Haftar" ->
"Khalifa Haftar") and kept as evidence of a person; a surname or a first name alone joins the
one full name of a person it ends or starts ("Haftar's" -> "Khalifa Haftar"); an acronym joins
the one name with those initials ("NATO"); a country's codes and other names join it ("U.S." ->
"United States"). The actor's name is its longest variant, or the country's name.

How it gets its kind: evidence for "person", "place" and "group" is weighed over all the
mentions of the actor (the gazetteer, titles, a given name first ("Paul Dewar",
:mod:`analysis.entities.given_names`), organisation and place words in the name, a surname
used alone, and the words around each mention: an apposition, a role before the name, a
preposition of place, a verb of saying after it, "of" after a person's name); the highest total
wins, a tie or no evidence gives "unknown". What the shape of a name says about a person
counts once per actor, not once per repetition. A country or capital is a place, except where
the sentence has it play as a team ("Sweden beat Belgium", "Tunisia's coach", "team
Estonia"), or speak ("North Korea warned"), or, in a sports report, a city is its club:
there that mention is a group. A government acting otherwise ("North Korea fired") stays a
place, as GUM's annotators keep it. An actor whose own evidence is silent or tied takes its
kind from the rest of the document (:mod:`~analysis.entities.fallback`). Weights and rules
were tuned on 9 of the 18 GUM news documents and on BBC and PolNeAR training articles read
without gold, and measured on the other 9 GUM documents (``python -m benchmarks entities_kinds``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from analysis.corpus import Document
from analysis.entities.context import acts, context_evidence, speaks, sports_text
from analysis.entities.draft import Draft
from analysis.entities.fallback import fallback_evidence
from analysis.entities.given_names import is_given_name, is_surname
from analysis.entities.lexicon import (
    COMPASS,
    DEITIES,
    KNOWN_GROUPS,
    LOCATIVES,
    NAME_PARTICLES,
    NOT_PERSON_WORDS,
    ORG_FIRST_WORDS,
    ORG_WORDS,
    PEOPLES,
    PERSON_NOUNS,
    PERSON_TITLES,
    PLACE_FIRST_WORDS,
    PLACE_WORDS,
    demonym,
    gazetteer,
    is_all_caps,
    is_group_adjective,
    verb_like,
    zipf,
)
from analysis.entities.linking import NO_PLACE as _NO_PLACE
from analysis.entities.linking import ORG_HEADS as _ORG_WORDS
from analysis.entities.linking import acronym_key as _acronym_key
from analysis.entities.linking import actors_of, relink_surnames
from analysis.entities.linking import norm as _norm
from analysis.entities.names import Analysis, Name, analyse
from analysis.tables import TableSpec

__all__ = ["KINDS", "MENTIONS", "Mention", "document_mentions"]

#: The kinds of actor, in the order ties are listed; "unknown" when the evidence is silent.
KINDS = ("person", "place", "group")


class Mention(NamedTuple):
    """One row of :data:`MENTIONS`."""

    sentence: int  # from 1
    start: int
    end: int
    text: str  # as written, without a leading title
    actor: str  # the canonical name within the document
    kind: str  # person, place, group or unknown: this mention's kind in its context
    via_demonym: bool  # a nationality word standing for its country
    title: str  # the title dropped before the name ("Gen.", "President"), or ""
    evidence: str  # the reasons for the kind found at this mention, "; "-separated


def _mentions_rows(doc):
    return document_mentions(doc)


#: One row per name mention of a document (:func:`document_mentions`): ``sentence`` (from 1),
#: ``start``/``end`` (character offsets into the text), ``text``, ``actor`` (the canonical name
#: within the document), ``kind``, ``via_demonym``, ``title``, ``evidence``.
MENTIONS = TableSpec(
    "mentions",
    (("sentence", "int32"), ("start", "int64"), ("end", "int64"), ("text", "string"),
     ("actor", "string"), ("kind", "string"), ("via_demonym", "bool"), ("title", "string"),
     ("evidence", "string")),
    _mentions_rows,
    version=2,  # 2: kinds and grouping of issue 15's third round
)


def document_mentions(doc: Document | str) -> list[Mention]:
    """The mentions of one document (or text), in text order: :class:`Mention` rows.

    Computed once per text (kept with the text's cached analysis).

    >>> [m.actor for m in document_mentions("The U.S. and the United States agreed.")]
    ['United States', 'United States']
    """
    state = analyse(doc)
    cached = state.memo.get("mentions")
    if cached is None:
        cached = state.memo["mentions"] = _mentions(state)
    return cached


def drafts(state: Analysis) -> tuple[list[Draft], list[str], dict[str, str]]:
    """The drafts of a text's mentions with the actor of each and each actor's kind (cached)."""
    cached = state.memo.get("drafts")
    if cached is None:
        ds = _drafts(state)
        actors = actors_of(state, ds)
        kinds = _kinds(state, ds, actors)
        again = relink_surnames(ds, actors, kinds)
        if again is not None:  # a surname alone joins a full name found a person's only now
            actors = again
            kinds = _kinds(state, ds, actors)
        cached = state.memo["drafts"] = (ds, actors, kinds)
    return cached


def _mentions(state: Analysis) -> list[Mention]:
    ds, actors, kinds = drafts(state)
    acting = _acting(state, ds, actors, kinds)
    governing = sum(1 for v in acting.values() if v > 0) >= 2
    out = []
    for d, actor in zip(ds, actors, strict=True):
        kind = "person" if d.people else kinds[actor]
        if kind == "place" and not d.demonym and _may_play(state, d) and (
                acting.get(actor, 0.0) > 0.5 or acts(state, d) or _club(state, d)
                or (governing and not _located(state, d))):
            kind = "group"  # a country acting: a government or a team; a city's club
        elif kind == "place" and not d.demonym and not d.people and speaks(state, d):
            kind = "group"  # "the White House said"
        reasons = "; ".join(dict.fromkeys(r for _, _, r in d.evidence)) if d.evidence else ""
        out.append(Mention(d.sentence + 1, d.start, d.end, d.text, actor, kind, d.demonym,
                           d.title, reasons))
    return out


def _may_play(state: Analysis, d: Draft) -> bool:
    """Whether a place's mention may stand for a team or a government: a country or a capital,
    or, in a sports report, any city ("Tottenham beat Southampton")."""
    return bool(d.country or d.capital) or (
        sports_text(state) and any(r in ("gazetteer city", "gazetteer province")
                                   for _, _, r in d.evidence))


def _located(state: Analysis, d: Draft) -> bool:
    """Whether a mention follows a preposition of place or of origin ("in Seoul", "from
    Sweden", "to Japan"): there a country is where something happens, not who acts."""
    before = state.lower[d.first - 1] if d.first > state.ranges[d.sentence].start else ""
    if before == "the" and d.first - 1 > state.ranges[d.sentence].start:
        before = state.lower[d.first - 2]
    return before in LOCATIVES or before in ("to", "from", "across", "throughout", "around",
                                             "near", "via", "into", "toward", "towards")


def _club(state: Analysis, d: Draft) -> bool:
    """In a sports report, a city that is no capital and is not where something happens is its
    club ("a bid from Tottenham", "Southampton's offer"; not "in Dublin", "at Anfield")."""
    if d.country or d.capital or not sports_text(state):
        return False
    before = state.lower[d.first - 1] if d.first > state.ranges[d.sentence].start else ""
    return before not in LOCATIVES and before not in ("to", "of", ",")


def _acting(state: Analysis, ds: list[Draft], actors: list[str],
            kinds: dict[str, str]) -> dict[str, float]:
    """The share of each country's (or capital's) mentions that act in their sentence: where
    more than half do (a team in a match report, a government in a crisis), all of them are
    the group."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for d, actor in zip(ds, actors, strict=True):
        if kinds[actor] == "place" and not d.demonym and _may_play(state, d):
            counts[actor][0] += acts(state, d)
            counts[actor][1] += 1
    return {a: n / total for a, (n, total) in counts.items() if total >= 2}


# --- drafts: names and nationality words with the evidence at each -------------------------

def _drafts(state: Analysis) -> list[Draft]:
    out: list[Draft] = []
    for name in state.names:
        if name.date:
            continue
        forms = name.forms
        if forms[0][:1] in "#@" or forms[0].lower().startswith(("www.", "http")):
            continue
        out.extend(_split_title(state, name))
    starts = [n.start for n in state.names]  # in order, never overlapping
    surnames = {n.forms[-1] for n in state.names if len(n.forms) > 1 and is_given_name(
        n.forms[0])}  # "Mark Cuban": a later "Cuban" is he, not Cuba
    for start, end, sentence, country, noun in state.nationalities:
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and end <= state.names[k].end and (starts[k], state.names[k].end) != (
                start, end):
            continue  # not "Libyan" in "Libyan National Army"
        first = state.token_at(start)
        if state.text[start:end] in surnames and _alone(state, first):
            d = Draft(sentence, start, end, first, first, state.text[start:end],
                      state.text[start:end])
            d.evidence.append(("person", 3.0, "surname of a person named in the text"))
            out.append(d)
        elif country:
            d = Draft(sentence, start, end, first, first, state.text[start:end], country,
                      demonym=True, country=country, people=noun)
            d.evidence.append(("place", 5.0, "gazetteer demonym"))
            out.append(d)
        elif noun and (state.text[end - 1:end] == "s" or state.text[start:end] in PEOPLES) and (
                state.text[start:end] not in KNOWN_GROUPS):  # "Muslims", "the Rohingya": people
            d = Draft(sentence, start, end, first, first, state.text[start:end],
                      state.text[start:end], people=True)
            d.evidence.append(("person", 3.0, "people named by faith or origin"))
            out.append(d)
    out.sort(key=lambda d: (d.start, d.end))
    return _join_to(state, out)


def _alone(state: Analysis, k: int) -> bool:
    """Whether the word at token ``k`` stands as a name, not as an adjective or a noun: no
    article before it ("the Cuban"), no lower-case word after it but a verb ("Cuban said",
    not "Cuban government")."""
    low = state.lower
    if k > 0 and low[k - 1] in ("the", "a", "an"):
        return False
    nxt = state.toks[k + 1].text if k + 1 < len(state.toks) else ""
    return not (nxt[:1].islower() and nxt.isalpha() and not verb_like(nxt))


def _join_to(state: Analysis, ds: list[Draft]) -> list[Draft]:
    """"Committee to Protect Journalists": an organisation's name ending in an organisation
    word, "to" and a name right after it are one name."""
    out: list[Draft] = []
    words = state.words
    for d in ds:
        a = out[-1] if out else None
        if a is not None and a.sentence == d.sentence and d.first == a.last + 2 and words[
                a.last + 1] == "to" and a.core.split()[-1] in ORG_WORDS and not (
                a.title or d.country or d.demonym or a.demonym):
            text = state.text[a.start:d.end]
            joined = Draft(a.sentence, a.start, d.end, a.first, d.last, text, _norm(text))
            joined.evidence.append(("group", 4.0, f"organisation word {a.core.split()[-1]}"))
            context_evidence(state, joined)
            out[-1] = joined
        else:
            out.append(d)
    return out


def _split_title(state: Analysis, name: Name) -> list[Draft]:
    """Titles: "Gen. Khalifa Haftar" -> "Khalifa Haftar" (a person); "US President Barack
    Obama" -> "US" and "Barack Obama"; "General Motors" stays whole."""
    forms = name.forms
    role = _role_before_given_name(forms)
    if role is not None:  # "Songwriter Guy Chambers", "Microsoft Chief Executive Steve Ballmer"
        r0, r1 = role
        out = _draft(state, name, 0, r0, "") if r0 > 0 else []
        return out + _draft(state, name, r1, len(forms), " ".join(forms[r0:r1]))
    if PERSON_TITLES.isdisjoint(forms):
        words = state.words
        if forms == ["State"] and name.first >= 2 and words[name.first - 1] == "of" and (
                words[name.first - 2].lower() == "secretary"):
            return []  # "John Kerry, the Secretary of State": an office, not a department
        if len(forms) > 2 and name.first >= 2 and words[name.first - 1] == "of" and (words[
                name.first - 2] in PERSON_TITLES or words[name.first - 2] in PERSON_NOUNS):
            # "Secretary of" + "State John Kerry", "secretary of" + "State Hillary Clinton"
            k = next((q for q in range(1, len(forms) - 1) if is_given_name(forms[q])), None)
            if k is not None:
                return _draft(state, name, k, len(forms), " ".join(
                    [words[name.first - 2], "of", *forms[:k]]))
        return _draft(state, name, 0, len(forms), "")
    t0 = next(i for i, f in enumerate(forms) if f in PERSON_TITLES)
    t1 = t0
    while t1 < len(forms) and forms[t1] in PERSON_TITLES:
        t1 += 1
    if t1 + 2 < len(forms) and forms[t1] in ("of", "for"):
        # "Secretary of State John Kerry": the office runs to the given name after "of"
        k = next((q for q in range(t1 + 2, len(forms)) if is_given_name(forms[q])), None)
        if k is None and t1 + 3 < len(forms):
            k = t1 + 2  # "Minister of Defence Wallace"
        t1 = k if k is not None else t1
    rest = forms[t1:]
    if rest and (any(f in ORG_WORDS for f in rest) or rest[-1] in PLACE_WORDS):
        return _draft(state, name, 0, len(forms), "")  # not "President Park Geun-hye"
    out = _draft(state, name, 0, t0, "") if t0 > 0 else []
    if rest:  # a title alone ("the President") names no one in particular
        out += _draft(state, name, t1, len(forms), " ".join(forms[t0:t1]))
    return out


def _role_before_given_name(forms: Sequence[str]) -> tuple[int, int] | None:
    """Where the role or party words written as part of a name start and end, just before a
    person's name of two or three plain words starting with a given name ("Senate Majority
    Leader Mitch McConnell", "Comedian Chris Rock", "Democrat Kim Myers", "Microsoft Chief
    Executive Steve Ballmer") or after a plain role ("Google CEO Sundar Pichai"), or None."""
    for k in range(1, len(forms) - 1):
        rest = forms[k:]
        role = forms[k - 1]
        if len(rest) > 3 or not _role_word(role) or role in PERSON_TITLES or not all(
                map(_plain, rest)) or not (_NOT_PERSON.isdisjoint(rest) or _given_and_surname(
                    rest)):
            continue
        if is_given_name(forms[k]) or (len(rest) >= 2 and role.lower() in _PLAIN_ROLES):
            r0 = k - 1
            while r0 > 0 and (forms[r0 - 1] in PERSON_TITLES or _role_word(forms[r0 - 1])):
                r0 -= 1  # "Chief Executive"
            return r0, k
    return None


#: Roles written before a name that say a person's name follows even without a given name.
_PLAIN_ROLES = frozenset(
    """ceo chief executive founder co-founder chairman chairwoman president director
    spokesman spokeswoman spokesperson leader manager coach editor minister secretary
    analyst economist professor captain actor actress singer striker defender midfielder
    goalkeeper rapper musician journalist writer author producer""".split()
)


def _role_word(w: str) -> bool:
    """A role, party or following written before a person's name: "Leader", "Democrat",
    "Scientologist", "Guitarist", "Republican" (not a given name or surname: "Brian")."""
    return w.lower() in _ROLE_WORDS or (w.endswith(("ist", "ists")) and len(w) > 5 and w[
        1:].islower() and not is_given_name(w) and not is_surname(w))


#: Role and party words that a name may carry before a person's name ("Leader", "Democrat").
_ROLE_WORDS = (PERSON_NOUNS - {"tennis", "host", "head", "user"}) | frozenset(
    """leader democrat republican songwriter comedian assemblyman assemblywoman
    congressman congresswoman celebrity star legend""".split())

_ARTICLE_RE = re.compile(r"(?:al|Al|AL|el|El)(?:-| |$)")
_AL_RE = re.compile(r"(?:Al|El)\b")


def _draft(state: Analysis, name: Name, a: int, b: int, title: str) -> list[Draft]:
    """The draft made of forms ``a``..``b`` (exclusive) of ``name``, with its evidence."""
    forms = name.forms[a:b]
    if len(forms) == 1 and (len(forms[0]) == 1 or demonym(forms[0]) or is_group_adjective(
            forms[0])):
        return []  # an initial; a nationality noun ("Americans", "Muslims"): see _drafts
    toks = state.toks
    start = name.start if a == 0 else toks[name.first + a].start
    end = name.end if b == len(name.forms) else toks[name.first + b - 1].end
    d = Draft(name.sentence, start, end, name.first + a, name.first + b - 1,
              state.text[start:end], "", title=title)
    # what the name itself says is the same wherever it is written: worked out once
    known = state.memo.setdefault("shapes", {})
    shape = known.get(key := tuple(forms))
    if shape is None:
        shape = known[key] = _shape(forms)
    d.core, d.country, d.capital, evidence = shape
    if title:  # after the gazetteer's evidence, before that of the words
        n = 1 if evidence and evidence[0][2].startswith("gazetteer") else 0
        # a person's title outweighs a town of the same name ("Senator Warren", "President
        # Lincoln"), not a country ("President Kenya" is no one)
        weight = 4.0 if d.country else 6.0
        evidence = [*evidence[:n], ("person", weight, f"title {title}"), *evidence[n:]]
    d.evidence.extend(evidence)
    context_evidence(state, d)
    return [d]


def _shape(forms: Sequence[str]) -> tuple[str, str, bool, list[tuple[str, float, str]]]:
    """The core of a name, its country and whether it is a capital (from the gazetteer), and
    the evidence of its words (:func:`_shape_evidence`)."""
    core = _norm(" ".join(f for f in forms if f not in _POSSESSIVE))  # "New People('s) Party"
    d = Draft(0, 0, 0, 0, 0, "", core)
    places = gazetteer().places
    hit = places.get(core) or places.get(_acronym_key(core))
    if hit is None and len(core) > 4 and core.isupper() and core.isalpha():
        hit = places.get(core.title())  # a dateline: "WASHINGTON (AP) --"
    if hit:
        canonical, what = hit
        if what == "country":
            d.core = d.country = canonical
        else:
            d.core = canonical  # "L.A." -> "Los Angeles"
        d.capital = what == "capital"
        d.evidence.append(("place", 5.0, f"gazetteer {what}"))
    _shape_evidence(d, forms)
    return d.core, d.country, d.capital, d.evidence


def _shape_evidence(d: Draft, forms: Sequence[str]) -> None:
    """Evidence from the words of the name itself."""
    first, last = forms[0], forms[-1]
    several = len(forms) > 1
    places = gazetteer().places
    if d.core in DEITIES or (several and forms[-1] == "Christ"):
        d.evidence.append(("person", 5.0, "a god or prophet"))  # "God", "Jesus Christ"
    if d.core in KNOWN_GROUPS:
        d.evidence.append(("group", 5.0, "known group"))
    elif several and last in KNOWN_GROUPS:
        d.evidence.append(("group", 3.0, f"ends in {last}"))  # "the Neo Democrats"
    elif several and first in KNOWN_GROUPS:
        d.evidence.append(("group", 2.0, f"starts with {first}"))  # "Google Science Fair"
    named = _given_and_surname(forms)  # "Elizabeth Banks", "Guy Chambers": a person's
    org = next(filter(_ORG_WORDS.__contains__, forms), None)
    if org and (several or first not in PLACE_WORDS) and not named:
        d.evidence.append(("group", 4.0, f"organisation word {org}"))
    if first in ORG_FIRST_WORDS:
        d.evidence.append(("group", 4.0, f"organisation word {first}"))
    if several:
        if (last in _PLACE_WORDS and not named) or first in PLACE_FIRST_WORDS:
            word = last if last in _PLACE_WORDS else first
            d.evidence.append(("place", 4.0, f"place word {word}"))
        if first in COMPASS and " ".join(forms[1:]) in places:
            d.evidence.append(("place", 4.0, "compass + gazetteer"))
        if last in COMPASS and " ".join(forms[:-1]) in places:
            d.evidence.append(("place", 4.0, "gazetteer + compass"))  # "Kowloon West"
        if not d.country and last in places and first not in COMPASS and (
                places[last][1] == "country"):
            d.evidence.append(("group", 3.0, f"name ending in a country ({last})"))
    if _ARTICLE_RE.match(first) and len(forms) <= 2 and not (
            " " in d.core and is_surname(last)):  # "Al Qaeda"; not "Al Gore"
        d.evidence.append(("group", 2.0, "Arabic article al-"))
    if not several and not d.country:
        if (is_all_caps(d.core.replace(".", "")) or _camel(first)) and not d.evidence:
            d.evidence.append(("group", 2.0, "acronym" if is_all_caps(first) else "brand shape"))
        if first.lower().endswith(_GROUP_SUFFIXES) and len(first) > 6:
            d.evidence.append(("group", 2.0, "name of a movement or medium"))
        if SURNAME_WEIGHT and is_surname(first) and not d.evidence and first not in places:
            d.evidence.append(("person", SURNAME_WEIGHT, "surname"))
    if several and not d.country:
        _person_shape(d, forms, places)


def _person_shape(d: Draft, forms: Sequence[str], places: dict) -> None:
    """Evidence that a name of several words is a person's: it starts with a given name
    ("Paul Dewar"), or it is two or three plain capitalised words ("Kwong Chun-yu")."""
    first, last = forms[0], forms[-1]
    if d.core in places or places.get(last, _NO_PLACE)[1] in ("country", "capital"):
        return
    if len(last) > 3 and zipf(last.lower()) >= COMMON_NOUN_ZIPF and not is_surname(last) and (
            last not in places and last not in COMPASS):
        return  # "Edison Research", "White Paper": a thing named, not a person
    if (_NOT_PERSON_BUT_COMPASS.isdisjoint(forms[1:]) or _given_and_surname(forms)) and (
            is_given_name(first)) and (
            _plain(last) or last in _SUFFIXES) and all(
            _plain(f) or _INITIAL_RE.fullmatch(f) or f in NAME_PARTICLES or f in _SUFFIXES
            for f in forms[1:]):
        # "Bill Clinton", "George H.W. Bush", "Henri de Bodinat", "Kanye West", "Hank Williams
        # Jr."; not "Bill of Rights"
        d.evidence.append(("person", GIVEN_NAME_WEIGHT, f"given name {first}"))
    if first not in _NOT_PERSON and _NOT_PERSON.isdisjoint(forms) and len(forms) <= 3 and all(
            map(_plain, forms)) and not (_AL_RE.match(first) and not is_surname(last)) and (
            first not in places):
        d.evidence.append(("person", 1.0, "two or three plain capitalised words"))
    if _INITIAL_RE.fullmatch(first) and len(forms) <= 3 and _plain(last) and (
            _NOT_PERSON.isdisjoint(forms)) and first not in places and (
            _acronym_key(first) not in places) and last not in places:
        # "J.J. Goldberg"; not "U.S. Census", "S. Korea"
        d.evidence.append(("person", 2.0, "initials and a surname"))
    if ASIAN_WEIGHT and len(forms) <= 3 and _SYLLABLES_RE.fullmatch(last) and zipf(
            last.lower()) < 4.0:  # "Kwong Chun-yu", "Kim Jong-un"; not "Self-made"
        d.evidence.append(("person", ASIAN_WEIGHT, "given name of joined syllables"))


#: A last word this frequent in general English (Zipf, ``wordfreq``; "research", "paper",
#: "program") and no known surname ends the name of a thing, not of a person.
COMMON_NOUN_ZIPF = 5.0
#: The weight of a given name at the start of a name ("Paul Dewar"): more than a preposition of
#: place before it, less than an organisation or place word in it.
GIVEN_NAME_WEIGHT = 2.5
SURNAME_WEIGHT = 1.5
ASIAN_WEIGHT = 2.5
_SYLLABLES_RE = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")
#: Evidence counted once per actor (:func:`_kinds`).
_ONCE = ("given name", "two or three plain")
#: Place words and their plurals ("the Century City Towers", "the Golan Heights").
_PLACE_WORDS = PLACE_WORDS | {w + "s" for w in PLACE_WORDS if w.isalpha() and not w.endswith(
    "s") and w + "s" not in ORG_WORDS}
_NOT_PERSON = _ORG_WORDS | _PLACE_WORDS | COMPASS | NOT_PERSON_WORDS
_POSSESSIVE = frozenset({"'s", "\u2019s"})
_INITIAL_RE = re.compile(r"(?:[A-Z]\.)+")
_SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())
_NOT_PERSON_BUT_COMPASS = _NOT_PERSON - COMPASS


#: Endings of one-word names of movements, media and companies ("Scientology", "Wikinews").
_GROUP_SUFFIXES = ("ology", "ism", "news", "soft", "book", "tube", "media", "net", "corp")


def _given_and_surname(forms: Sequence[str]) -> bool:
    """A given name and a known surname that is also an organisation's or place's word
    ("Elizabeth Banks", "Guy Chambers", "Stuart Hall")."""
    return len(forms) == 2 and is_given_name(forms[0]) and is_surname(forms[1]) and (
        forms[1] in _ORG_WORDS or forms[1] in _PLACE_WORDS)


def _plain(f: str) -> bool:
    return f[:1].isupper() and f.replace("-", "").replace("'", "").isalpha() and (
        not is_all_caps(f))


def _camel(w: str) -> bool:
    """"YouTube", "PayPal", "eBay": a capital inside a word (brands and organisations)."""
    return w.isalpha() and not w.isupper() and not w[1:].islower() and not (
        w.startswith(("Mc", "Mac", "O'")))


def _kinds(state: Analysis, ds: list[Draft], actors: list[str]) -> dict[str, str]:
    """Each actor's kind: the highest total of evidence weights over its mentions (the shape of
    a person's name, :data:`_ONCE`, counted once per actor: a name repeated is no more a
    person's); where that is silent or tied, what the rest of the document says
    (:func:`~analysis.entities.fallback.fallback_evidence`)."""
    scores: dict[str, Counter] = defaultdict(Counter)
    said: dict[str, set] = defaultdict(set)  # per actor: the evidence of its names counted
    for d, actor in zip(ds, actors, strict=True):
        # one word standing for a longer name; not a place in "State of Virginia" (no surname)
        linked = not d.country and " " not in d.core and _norm(
            d.text).lower() != actor.lower() and " of " not in actor
        seen = set()
        for kind, weight, reason in d.evidence:
            if linked and reason.startswith("gazetteer"):
                continue  # "Hamilton" for "Lewis Hamilton" is no capital
            counted = said[actor] if reason.startswith(_ONCE) else seen
            if (kind, reason) in counted:
                continue
            counted.add((kind, reason))
            scores[actor][kind] += weight
        if linked and " " in actor and not is_all_caps(d.core) and not d.demonym and (
                actor.split()[-1] == d.core) and scores[actor]["group"] == 0:
            scores[actor]["person"] += 3.0
            d.evidence.append(("person", 3.0, "surname alone"))
    out = {actor: _best(s) for actor, s in scores.items()}
    for actor in actors:
        out.setdefault(actor, "unknown")
    silent = {a for a, k in out.items() if k == "unknown" and not any(scores[a].values())}
    undecided = {a for a, k in out.items() if k == "unknown"}
    found = fallback_evidence(state, ds, actors, undecided, out, silent,
                              lambda a, extra: _best(scores[a] + extra))
    for actor, extra in found.items():
        if extra:
            out[actor] = _best(scores[actor] + extra)
    return out


def _best(s: Counter) -> str:
    """The kind with the highest score, "unknown" when none is above zero or two tie."""
    ranked = sorted(KINDS, key=lambda k: -s.get(k, 0.0))
    top = s.get(ranked[0], 0.0)
    return ranked[0] if top > 0 and top > s.get(ranked[1], 0.0) else "unknown"

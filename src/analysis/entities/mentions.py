"""Mentions of actors in one document: each name or nationality word, the actor it stands for
within the document, and its kind (person, place, group) from weighed evidence.

This is the per-document step; :mod:`analysis.entities.actors` groups the mentions of many
documents into actors.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from analysis.corpus import Document, Source, as_documents
from analysis.entities.lexicon import (
    COMPASS,
    GROUP_NOUNS,
    LOCATIVES,
    ORG_FIRST_WORDS,
    ORG_WORDS,
    PERSON_NOUNS,
    PERSON_TITLES,
    PLACE_FIRST_WORDS,
    PLACE_NOUNS,
    PLACE_WORDS,
    SAY_WORDS,
    demonym,
    gazetteer,
    is_all_caps,
)
from analysis.entities.names import Analysis, Name, analyse
from analysis.tokenise import Token


@dataclass
class Mention:
    document: str
    doc_index: int
    sentence: int
    start: int
    end: int
    text: str  # the span as written
    core: str  # without titles, possessive, curly apostrophes
    demonym: bool = False
    country: str = ""  # gazetteer country (for countries and demonyms)
    evidence: list[tuple[str, float, str]] = field(default_factory=list)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u2019", "'")).strip()


def _acronym_key(s: str) -> str:
    return s.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,}", s) else s


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() and w not in PERSON_TITLES)


def _doc_mentions(doc: Document, doc_index: int, *, demonyms: bool) -> list[Mention]:
    """Name and nationality mentions of one document with kind evidence from context."""
    state = analyse(doc.text)
    text = doc.text
    out: list[Mention] = []
    for name in state.names:
        if name.date:
            continue
        forms = name.forms
        if forms[0][:1] in "#@" or forms[0].lower().startswith(("www.", "http")):
            continue
        # Titles: "Gen. Khalifa Haftar" -> "Khalifa Haftar" (a person); "US President Barack
        # Obama" -> "Barack Obama" and "US" on its own.
        t0 = next((i for i, f in enumerate(forms) if f in PERSON_TITLES), None)
        if t0 is None:
            out.extend(_name_mention(doc, doc_index, state, name, 0, len(forms), ""))
            continue
        t1 = t0
        while t1 < len(forms) and forms[t1] in PERSON_TITLES:
            t1 += 1
        rest = forms[t1:]
        if rest and any(f in ORG_WORDS or f in PLACE_WORDS for f in rest):
            # "General Motors", "Prince Edward Island": the title word is part of the name
            out.extend(_name_mention(doc, doc_index, state, name, 0, len(forms), ""))
            continue
        if t0 > 0:
            out.extend(_name_mention(doc, doc_index, state, name, 0, t0, ""))
        if rest:  # a title alone ("the President") names no one in particular
            title = " ".join(forms[t0:t1])
            out.extend(_name_mention(doc, doc_index, state, name, t1, len(forms), title))
    if demonyms:
        for start, end, sentence, country, _part_of_name in state.nationalities:
            if country:
                m = Mention(doc.id, doc_index, sentence, start, end, text[start:end],
                             country, demonym=True, country=country)
                m.evidence.append(("place", 5.0, "gazetteer demonym"))
                out.append(m)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _name_mention(doc: Document, doc_index: int, state: Analysis, name: Name, a: int, b: int,
                  title: str) -> list[Mention]:
    """The mention made of forms ``a``..``b`` (exclusive) of ``name``, with its evidence."""
    forms = name.forms[a:b]
    if len(forms) == 1 and (len(forms[0]) == 1 or demonym(forms[0])):
        return []  # an initial; a nationality noun ("Americans") is counted as a demonym
    toks = state.toks
    start = name.start if a == 0 else toks[name.first + a].start
    end = name.end if b == len(name.forms) else toks[name.first + b - 1].end
    core = _norm(" ".join(forms))
    m = Mention(doc.id, doc_index, name.sentence, start, end, state.text[start:end], core)
    hit = gazetteer().places.get(core) or gazetteer().places.get(_acronym_key(core))
    if hit:
        canonical, what = hit
        if what == "country":
            m.core = m.country = canonical
        m.evidence.append(("place", 5.0, f"gazetteer {what}"))
    if title:
        m.evidence.append(("person", 4.0, f"title {title}"))
    _shape_evidence(m, forms)
    _context_evidence(m, toks, name.first + a, name.first + b - 1, state.text)
    return [m]


def _shape_evidence(m: Mention, forms: Sequence[str]) -> None:
    first, last = forms[0], forms[-1]
    if any(f in ORG_WORDS for f in forms[1:]) or (len(forms) > 1 and first in ORG_WORDS) or (
            len(forms) == 1 and first in ORG_WORDS and first not in PLACE_WORDS):
        word = next(f for f in forms if f in ORG_WORDS)
        m.evidence.append(("group", 4.0, f"organisation word {word}"))
    if first in ORG_FIRST_WORDS:
        m.evidence.append(("group", 4.0, f"organisation word {first}"))
    if len(forms) > 1 and (last in PLACE_WORDS or first in PLACE_FIRST_WORDS):
        word = last if last in PLACE_WORDS else first
        m.evidence.append(("place", 4.0, f"place word {word}"))
    if len(forms) > 1 and first in COMPASS and " ".join(forms[1:]) in gazetteer().places:
        m.evidence.append(("place", 4.0, "compass + gazetteer"))
    if re.match(r"(?:al|Al|AL|el|El)(?:-| |$)", first) and len(forms) <= 2:
        m.evidence.append(("group", 2.0, "Arabic article al-"))
    if is_all_caps(m.core.replace(".", "")) and len(forms) == 1 and not m.country:
        m.evidence.append(("group", 2.0, "acronym"))
    if (2 <= len(forms) <= 3 and all(f[:1].isupper() and f.replace("-", "").replace(
            "'", "").isalpha() and not is_all_caps(f) for f in forms)
            and not any(f in ORG_WORDS or f in PLACE_WORDS or f in COMPASS for f in forms)
            and not m.country and m.core not in gazetteer().places
            and not re.match(r"(?:Al|El)\b", first)):
        m.evidence.append(("person", 1.0, "two or three plain capitalised words"))


def _context_evidence(m: Mention, toks: Sequence[Token], first: int, last: int,
                      text: str) -> None:
    """Evidence from the words around a mention."""
    sent = toks[first].sentence

    def tok(i: int) -> str:
        return toks[i].text if 0 <= i < len(toks) and toks[i].sentence == sent else ""

    before = tok(first - 1).lower()
    before2 = tok(first - 2).lower()
    if before in PERSON_NOUNS and tok(first - 1)[:1].islower():
        m.evidence.append(("person", 3.0, f"after '{before}'"))
    if before == "," and before2 in PLACE_NOUNS:
        m.evidence.append(("place", 3.0, f"after '{before2},'"))
    if before == "of" and before2 in ("city", "town", "village", "province", "region",
                                      "state", "island", "capital"):
        m.evidence.append(("place", 3.0, f"after '{before2} of'"))
    if before in ("called", "named") or (before == "as" and before2 == "known"):
        noun = tok(first - 2).lower() if before != "as" else tok(first - 3).lower()
        for kind, nouns in (("group", GROUP_NOUNS), ("place", PLACE_NOUNS),
                            ("person", PERSON_NOUNS)):
            if noun in nouns:
                m.evidence.append((kind, 3.0, f"'{noun} {before}'"))
    if before in LOCATIVES:
        m.evidence.append(("place", 1.0, f"after '{before}'"))
    # Apposition: "Khalifa Haftar, a renegade general who..."; "Ahmed Mohamed, 14, ..."
    after = tok(last + 1)
    if after == "," and tok(last + 2).lower() in ("a", "an", "the"):
        for j in range(last + 3, last + 8):
            w = tok(j).lower()
            if not w or not w[:1].isalpha() or w in ("who", "which", "that", "whose"):
                break
            hit = None
            for kind, nouns in (("person", PERSON_NOUNS), ("group", GROUP_NOUNS),
                                ("place", PLACE_NOUNS)):
                if w in nouns:
                    hit = kind
                    break
            if hit:
                m.evidence.append((hit, 3.0, f"apposition '{w}'"))
                break
    elif after == "," and tok(last + 2).isdigit() and tok(last + 3) == ",":
        m.evidence.append(("person", 3.0, "age apposition"))
    if after.lower() in SAY_WORDS and toks[last].text[-1:].isalpha() and " " in m.core:
        m.evidence.append(("person", 1.0, f"'{after}'"))


def _link(ms: list[Mention]) -> dict[int, str]:
    """Actor key of each mention of one document (index -> key): surnames, acronyms."""
    keys = {i: m.core for i, m in enumerate(ms)}
    multi: dict[str, list[str]] = defaultdict(list)  # last (and first) word -> full names
    firsts: dict[str, list[str]] = defaultdict(list)
    initials: dict[str, set[str]] = defaultdict(set)
    full_kind: dict[str, set[str]] = defaultdict(set)
    for m in ms:
        for kind, _, _ in m.evidence:
            full_kind[m.core].add(kind)
    for m in ms:
        words = m.core.split()
        if len(words) > 1 and not m.country:
            personish = not ({"group", "place"} & full_kind[m.core])
            if personish:
                multi[words[-1]].append(m.core)
                firsts[words[0]].append(m.core)
            ini = _initials(words)
            if len(ini) >= 2:
                initials[ini].add(m.core)
    for i, m in enumerate(ms):
        words = m.core.split()
        if len(words) != 1 or m.country:
            continue
        w = words[0]
        cands = multi.get(w) or firsts.get(w)
        if cands:
            # the most frequent full name, then the earliest
            counts = Counter(cands)
            keys[i] = max(counts, key=lambda c: (counts[c], -cands.index(c)))
        elif is_all_caps(_acronym_key(w)) and len(initials.get(_acronym_key(w), ())) == 1:
            keys[i] = next(iter(initials[_acronym_key(w)]))
    # A full name containing a shorter full name with more words ("Barack Obama" inside
    # "Barack Hussein Obama") is left alone: that is rare and risky.
    return keys



def _documents_mentions(source: Source, *, demonyms: bool):
    """Per document: (doc, mentions, mention index -> key, key -> canonical actor name)."""
    out = []
    for d, doc in enumerate(as_documents(source)):
        ms = _doc_mentions(doc, d, demonyms=demonyms)
        keys = _link(ms)
        out.append((doc, ms, keys, {}))
    # Canonical names: countries keep the gazetteer's name; others the longest variant.
    variants: dict[str, Counter] = defaultdict(Counter)
    for _, ms, keys, _ in out:
        for i, m in enumerate(ms):
            if not m.demonym:
                variants[keys[i]][_norm(m.text)] += 1
    for _, ms, keys, canon in out:
        for i, m in enumerate(ms):
            k = keys[i]
            if k not in canon:
                if m.country:
                    canon[k] = m.country
                else:
                    forms = variants.get(k) or Counter({k: 1})
                    canon[k] = max(forms, key=lambda f: (len(f), forms[f], f))
                    canon[k] = k if len(k) >= len(canon[k]) else canon[k]
    return out



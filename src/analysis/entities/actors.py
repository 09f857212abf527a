"""Actors across documents: the per-document mentions (:data:`~analysis.entities.mentions.
MENTIONS`) grouped into actors with their kinds, by a metadata column if asked, and who is named
with whom (co-occurrence).

Every function takes a *source*: anything :func:`analysis.tables.per_document` accepts (a
string, a Document, a Corpus, a list of Documents, a stored corpus), or the mentions table
itself (a DataFrame from :func:`mentions`), so a notebook computes it once.

>>> from analysis.corpus import Document
>>> docs = [Document.from_text("Barack Obama met Angela Merkel in Berlin.", id="a"),
...         Document.from_text("On Friday, Obama left Berlin.", id="b")]
>>> actors(docs)[["actor", "kind", "mentions", "documents"]].values.tolist()
... # doctest: +NORMALIZE_WHITESPACE
[['Barack Obama', 'person', 2, 2], ['Berlin', 'place', 2, 2],
 ['Angela Merkel', 'person', 1, 1]]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import pandas as pd

from analysis.entities.given_names import other_gender
from analysis.entities.lexicon import demonym, is_all_caps, is_group_adjective
from analysis.entities.linking import spelling_variants
from analysis.entities.mentions import KINDS, MENTIONS
from analysis.tables import once_per_corpus, per_document

__all__ = ["actors", "cooccurrence", "group_actors", "grouping_of", "mention_kinds",
           "mentions"]


def mentions(source: Any, *, demonyms: bool = True, meta: Sequence[str] = ()) -> pd.DataFrame:
    """Every mention of an actor, one row each: the table :data:`~analysis.entities.mentions.
    MENTIONS` of every document.

    Columns: ``document``, ``sentence`` (from 1), ``start``, ``end`` (offsets into the
    document's text), ``text`` (as written, without a leading title), ``actor`` (the
    canonical name within the document), ``kind`` (of this mention in its context: person,
    place, group or unknown), ``via_demonym`` (a nationality word standing for its country),
    ``title`` (the title dropped: "Gen.", or ""), ``evidence`` (the reasons for the kind
    found at this mention); then the metadata columns named in ``meta``. With
    ``demonyms=False`` nationality words are left out.

    >>> text = "Gen. Khalifa Haftar met Tunisian officials. Haftar’s men left."
    >>> mentions(text)[["sentence", "text", "actor", "via_demonym"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [[1, 'Khalifa Haftar', 'Khalifa Haftar', False], [1, 'Tunisian', 'Tunisia', True],
     [2, 'Haftar', 'Khalifa Haftar', False]]
    """
    table = source if isinstance(source, pd.DataFrame) else per_document(
        source, MENTIONS, meta=meta)
    if not demonyms and len(table):
        table = table[~table["via_demonym"]].reset_index(drop=True)
    return table


def group_actors(table: pd.DataFrame) -> pd.Series:
    """The actor of each row of a mentions table across documents (same index).

    Mentions with one name are one actor. A one-word actor of one document ("Obama") joins
    the multi-word person of other documents whose last or first word it is ("Barack
    Obama"), a one-word group the group whose last word it is ("Scientology": "Church of
    Scientology"; a group never joins a person: "GOP" is not "Indiana GOP"), and an acronym
    ("NATO") the one multi-word name with its initials (two letters only a group's: "EU",
    never "TV" for "Thomas Vogel" nor "GB" for "Guantanamo Bay"). It joins when exactly one
    such actor exists in the table, or when one has at least three times the mentions of each
    other one ("Obama" joins "Barack Obama", 67 mentions, not "Michelle Obama", 2); otherwise
    it stays apart ("Smith" with two Smiths named alike). A person never joins one of the other
    gender, by titles (a ``title`` column: "Mr.", "Mrs.") or given names ("Mr. Obama" is not
    "Michelle Obama"), and a surname is found before "Jr." ("John G. Roberts Jr.").

    >>> t = pd.DataFrame({"actor": ["Barack Obama", "Obama", "Smith", "John Smith",
    ...                             "Ann Smith"], "kind": ["person"] * 5})
    >>> group_actors(t).tolist()
    ['Barack Obama', 'Barack Obama', 'Smith', 'John Smith', 'Ann Smith']
    >>> t = pd.DataFrame({"actor": ["Barack Obama"] * 3 + ["Michelle Obama", "Obama"],
    ...                   "kind": ["person"] * 5})
    >>> group_actors(t).tolist()[-2:]
    ['Michelle Obama', 'Barack Obama']
    >>> t = pd.DataFrame({"actor": ["Barack Obama", "Michelle Obama", "Michelle Obama",
    ...                             "Obama"], "kind": ["person"] * 4,
    ...                   "title": ["", "", "", "Mr."]})
    >>> group_actors(t).tolist()[-1]
    'Barack Obama'
    """
    if not len(table):
        return pd.Series([], index=table.index, dtype=object)
    joined = _grouping(table)
    return pd.Series([joined.get(a, a) for a in table["actor"].tolist()], index=table.index,
                     dtype=table["actor"].dtype)


def grouping_of(source: Any, table: pd.DataFrame, *, demonyms: bool = True) -> dict[str, str]:
    """:func:`group_actors` as a mapping (an actor of a document -> its actor across
    documents; actors that stay as they are left out) for the mentions ``table`` of
    ``source``, computed once per stored corpus (``source.memo``) and ``demonyms``.

    >>> t = pd.DataFrame({"actor": ["Barack Obama", "Obama"], "kind": ["person"] * 2})
    >>> grouping_of(None, t)
    {'Obama': 'Barack Obama'}
    """
    return once_per_corpus(source, ("actor grouping", demonyms), lambda: _grouping(table))


def _grouping(table: pd.DataFrame) -> dict[str, str]:
    """The mapping of :func:`group_actors` (see there)."""
    if not len(table):
        return {}
    # the rules read counts: (actor, kind, title) counted once, in order of first appearance
    columns = ["actor", "kind", *(["title"] if "title" in table.columns else [])]
    counted = table.groupby(columns, sort=False, dropna=False).size()
    kinds: dict[str, Counter] = defaultdict(Counter)
    titles: dict[str, Counter] = defaultdict(Counter)
    for key, n in zip(counted.index.tolist(), counted.tolist(), strict=True):
        kinds[key[0]][key[1]] += n
        if len(key) > 2 and isinstance(key[2], str) and key[2]:
            titles[key[0]][key[2]] += n
    genders = _genders(titles, kinds)
    abbreviated = None  # the actors written in capitals somewhere ("NATO" for the alliance)
    if "text" in table.columns:
        written = table[["actor", "text"]].drop_duplicates()
        abbreviated = {a for a, t in zip(written["actor"].tolist(), written["text"].tolist(),
                                         strict=True)
                       if t != a and is_all_caps(t.replace(".", ""))}
    persons: dict[str, set[str]] = defaultdict(set)  # a word -> the persons named with it
    groups: dict[str, set[str]] = defaultdict(set)  # a last word -> the groups ending in it
    by_initials: dict[str, set[str]] = defaultdict(set)
    for actor, counts in kinds.items():
        words = actor.split()
        if len(words) < 2:
            continue
        if counts.get("person", 0) >= max(counts.get("group", 0), counts.get("place", 0), 1):
            last = words[-2] if words[-1] in _SUFFIXES and len(words) > 2 else words[-1]
            if not (is_group_adjective(last) or demonym(last)):  # "Sunni Muslims": no
                persons[last].add(actor)  # surname; "Roberts" of "John G. Roberts Jr." is
            persons[words[0]].add(actor)
        elif counts.get("group", 0) > counts.get("place", 0) and words[-2:-1] == ["of"]:
            groups[words[-1]].add(actor)  # "Scientology" -> "Church of Scientology"
        initials = "".join(w[0] for w in words if w[:1].isupper())
        if len(initials) >= 3 or (len(initials) == 2 and counts.get("group", 0) >= max(
                counts.get("person", 0), counts.get("place", 0))):
            by_initials[initials].add(actor)  # "JFK"; "EU"; never "TV" Thomas Vogel, "GB" a bay
    joined = _spellings(kinds)
    for actor, counts in kinds.items():
        group, person = counts.get("group", 0), counts.get("person", 0)
        if " " in actor or counts.get("place", 0) > group + person:
            continue
        cands = groups.get(actor, set()) | (set() if group > person else {
            c for c in persons.get(actor, ()) if not other_gender(  # "Mr. Obama" is not
                genders.get(actor, ""), genders.get(c, ""))})  # Michelle Obama
        if actor.isupper() and not cands:
            cands = by_initials.get(actor.replace(".", ""), set())
            if abbreviated is not None:  # only a name some document itself abbreviates so:
                cands = {c for c in cands if c in abbreviated}  # NBC is not the National
                # Baptist Convention a text names once
        best = _dominant(cands, kinds)
        if best is not None:
            joined[actor] = best
    return {a: joined.get(b, b) for a, b in joined.items()}


#: Words after a surname that are not it ("John G. Roberts Jr.").
_SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())


def _genders(titles: dict[str, Counter], kinds: dict[str, Counter]) -> dict[str, str]:
    """The pronoun ("he"/"she") each person actor takes, where the given name of a name of
    two or more words says so ("Michelle Obama"), else where its titles say so at least
    three times as often as the other ("Mr. Obama" x58, "Mrs. Obama" x3); actors with
    neither are left out."""
    from analysis.entities.given_names import given_name_gender, title_gender

    votes: dict[str, Counter] = defaultdict(Counter)
    for actor, written in titles.items():
        for title, n in written.items():
            if g := title_gender(title):
                votes[actor][g] += n
    out = {}
    for actor, counts in kinds.items():
        if not counts.get("person"):
            continue
        said = votes.get(actor)
        first, _, rest = actor.partition(" ")
        if rest and (g := given_name_gender(first)):
            out[actor] = g  # "Michelle Obama", whatever a stray title says
        elif said:
            (g, n), *other = said.most_common()
            if not other or n >= 3 * other[0][1]:  # "Mr. Obama" x58, "Mrs. Obama" x3: he
                out[actor] = g
    return out


def _dominant(cands: set[str], kinds: dict[str, Counter]) -> str | None:
    """The one candidate, or the one with at least three times the mentions of each other."""
    if len(cands) < 2:
        return next(iter(cands), None)
    ranked = sorted(cands, key=lambda a: (-sum(kinds[a].values()), a))
    first, second = (sum(kinds[a].values()) for a in ranked[:2])
    return ranked[0] if first >= 3 * second else None


def _spellings(kinds: dict[str, Counter]) -> dict[str, str]:
    """Actors whose names differ only in case, hyphens or full stops ("Kim Jong-un", "Kim Jong
    Un"): each -> the spelling with the most mentions."""
    out = {}
    for names in spelling_variants(kinds):
        best = max(names, key=lambda a: (sum(kinds[a].values()), a))
        out.update({a: best for a in names if a != best})
    for actor, counts in kinds.items():  # "Donald J. Trump" and "Donald Trump": one person
        words = actor.split()
        if len(words) < 3 or counts.get("person", 0) * 2 <= sum(counts.values()):
            continue
        inner = [w for w in words[1:-1] if not _INITIAL.fullmatch(w)]
        short = " ".join([words[0], *inner, words[-1]])
        if short != actor and short in kinds and kinds[short].get("person", 0):
            pair = [out.get(actor, actor), out.get(short, short)]
            best = max(pair, key=lambda a: (sum(kinds[a].values()) if a in kinds else 0, a))
            for name in (actor, short, *pair):
                if name != best:
                    out[name] = best
    return out


_INITIAL = re.compile(r"[A-Z]\.?")


def _joined(pairs: pd.DataFrame, keys: list[str], column: str, *, counts: bool) -> pd.Series:
    """Per actor: the values of ``column``, most frequent first, "; "-joined (with " xN" for
    values seen more than once if ``counts``)."""
    n = pairs.groupby([*keys, "actor", column], sort=False).size().reset_index(name="n")
    n = n.sort_values([*keys, "actor", "n", column],
                      ascending=[True] * (len(keys) + 1) + [False, True])
    # rows of one actor are consecutive now: joined in one pass (a pandas aggregation with a
    # Python function per group costs a hundred times more on a large corpus)
    groups = list(zip(*(n[k].tolist() for k in [*keys, "actor"]), strict=True))
    joined: dict[Any, list[str]] = {}
    for group, value, c in zip(groups, n[column].tolist(), n["n"].tolist(), strict=True):
        joined.setdefault(group, []).append(f"{value} x{c}" if counts and c > 1 else str(value))
    index = pd.MultiIndex.from_tuples(list(joined), names=[*keys, "actor"]) if keys else (
        pd.Index([g[0] for g in joined], name="actor"))
    return pd.Series(["; ".join(v) for v in joined.values()], index=index)


def _kinds(table: pd.DataFrame, keys: list[str]) -> pd.Series:
    """The most frequent known kind of each actor's mentions (ties in :data:`KINDS` order)."""
    order = {k: i for i, k in enumerate(KINDS)}
    named = table["actor"].isin(set(table.loc[~table["via_demonym"], "actor"]))
    # an actor also named (not only by nationality words) takes its kind from its names
    known = table[table["kind"].isin(order) & ~(table["via_demonym"] & named)]
    counts = known.groupby([*keys, "actor", "kind"], sort=False).size().reset_index(name="n")
    counts["order"] = counts["kind"].map(order)
    counts = counts.sort_values([*keys, "actor", "n", "order"],
                                ascending=[True] * (len(keys) + 1) + [False, True])
    return counts.groupby([*keys, "actor"], sort=False)["kind"].first()


def _plain_text(table: pd.DataFrame) -> pd.DataFrame:
    """The mentions table with its text columns as Python strings (the store gives Arrow
    strings, whose element-wise reads in the aggregations below are slow)."""
    text = [c for c in ("text", "actor", "kind", "evidence") if c in table.columns]
    return table.astype(dict.fromkeys(text, object)) if len(table) else table


_ACTOR_COLUMNS = ["actor", "kind", "mentions", "via_demonym", "documents", "variants",
                  "first_document", "first_sentence", "first_mention", "evidence"]


def actors(source: Any, *, by: str | None = None, top: int | None = None,
           min_mentions: int = 1, demonyms: bool = True) -> pd.DataFrame:
    """Who and where: the mentions of all documents grouped into actors, with their kinds.

    Within a document a surname, an acronym, a country's code and a title-less form join their
    full name (see :mod:`analysis.entities.mentions`); across documents equal names are one
    actor, and a one-word name joins the one full name it fits (:func:`group_actors`). ``kind``
    is the most frequent kind of the actor's mentions (each decided from weighed evidence in
    its document; a country acting as a government or a team counts as a group there).

    Columns: ``actor``, ``kind`` (person, place, group or unknown), ``mentions``,
    ``via_demonym`` (mentions by a nationality word), ``documents`` (how many mention it),
    ``variants`` (as written, most frequent first, "; "-separated), ``first_document``,
    ``first_sentence`` (from 1), ``first_mention`` (character offset), ``evidence`` (the
    reasons for the kinds, with counts). With ``by`` (a metadata column such as
    "publisher") one row per group and actor, the group column first: who is covered by
    whom. Sorted by mentions (descending), then actor (within each group); ``top`` keeps that
    many rows (per group); actors with fewer than ``min_mentions`` mentions are left out.

    >>> text = ("Tunisian officials said Khalifa Haftar, a renegade general, left the U.S. "
    ...         "on Friday. Haftar’s men and the United States stayed.")
    >>> actors(text)[["actor", "kind", "mentions", "variants"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Khalifa Haftar', 'person', 2, 'Haftar; Khalifa Haftar'],
     ['United States', 'place', 2, 'U.S.; United States'],
     ['Tunisia', 'place', 1, 'Tunisian']]
    """
    if by is None:
        return _limited(_all_actors(source, demonyms), top=top, min_mentions=min_mentions)
    table = _grouped(source, mentions(source, demonyms=demonyms, meta=(by,)), demonyms)
    return _cast(table, [by], top=top, min_mentions=min_mentions)


def _all_actors(source: Any, demonyms: bool, grouped: pd.DataFrame | None = None
                ) -> pd.DataFrame:
    """The whole actors table of ``source`` (no group, no limit), once per stored corpus;
    ``grouped`` is its :func:`_grouped` mentions table when the caller has it already."""
    def compute() -> pd.DataFrame:
        table = _grouped(source, mentions(source, demonyms=demonyms), demonyms) \
            if grouped is None else grouped
        return _cast(table, [], top=None, min_mentions=1)

    return once_per_corpus(source, ("actors", demonyms), compute)


def _limited(cast: pd.DataFrame, *, top: int | None, min_mentions: int) -> pd.DataFrame:
    """:func:`_all_actors`' table as :func:`_cast` limits it (it is sorted already)."""
    out = cast[cast["mentions"] >= min_mentions]
    return (out.head(top) if top is not None else out).reset_index(drop=True)


def _grouped(source: Any, table: pd.DataFrame, demonyms: bool) -> pd.DataFrame:
    """The mentions table of ``source`` (text columns as Python strings) with ``actor``
    grouped across documents (:func:`group_actors`)."""
    table = _plain_text(table)
    if not len(table):
        return table
    joined = grouping_of(source, table, demonyms=demonyms)
    return table.assign(actor=[joined.get(a, a) for a in table["actor"].tolist()])


def _cast(table: pd.DataFrame, keys: list[str], *, top: int | None, min_mentions: int
          ) -> pd.DataFrame:
    """The actors table (:func:`actors`) of a :func:`_grouped` mentions table."""
    if not len(table):
        return pd.DataFrame(columns=keys + _ACTOR_COLUMNS)
    table = table.assign(variant=table["text"].map(lambda s: " ".join(s.split())))
    out = table.groupby([*keys, "actor"], sort=False).agg(
        mentions=("start", "size"), via_demonym=("via_demonym", "sum"),
        documents=("document", "nunique"), first_document=("document", "first"),
        first_sentence=("sentence", "first"), first_mention=("start", "first"))
    out["kind"] = _kinds(table, keys).reindex(out.index).fillna("unknown")
    out["variants"] = _joined(table, keys, "variant", counts=False).reindex(out.index)
    reasons = table[[*keys, "actor", "evidence"]].assign(
        evidence=table["evidence"].str.split("; ")).explode("evidence")
    reasons = reasons[reasons["evidence"].fillna("") != ""]
    out["evidence"] = _joined(reasons, keys, "evidence", counts=True).reindex(
        out.index).fillna("")
    out = out.reset_index()
    out = out[out["mentions"] >= min_mentions][keys + _ACTOR_COLUMNS]
    out = out.astype({"via_demonym": "int64", "first_sentence": "int64",
                      "first_mention": "int64"})
    out = out.sort_values([*keys, "mentions", "actor"],
                          ascending=[True] * len(keys) + [False, True], kind="mergesort")
    if top is not None:
        out = out.groupby(keys, sort=False).head(top) if keys else out.head(top)
    return out.reset_index(drop=True)


def cooccurrence(source: Any, *, top: int | None = 30, min_weight: int = 1,
                 min_mentions: int = 1, demonyms: bool = True, isolated: bool = True,
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Actors named in the same sentence: ``(nodes, edges)`` for a network figure
    (:func:`analysis.plots.cooccurrence_network`).

    ``nodes`` has columns ``name``, ``mentions``, ``kind``: the ``top`` most mentioned actors
    (ties by name; all with ``top=None``) with at least ``min_mentions`` mentions, and with
    ``isolated=False`` only those with an edge. ``edges`` has ``source``, ``target``
    (alphabetical within a pair), ``weight`` (the number of sentences naming both; pairs
    below ``min_weight`` are dropped). Both sorted: by mentions or weight (descending), then
    by name.

    >>> nodes, edges = cooccurrence("Spain and China left Libya. Spain stayed in Tunisia.")
    >>> edges.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['China', 'Libya', 1], ['China', 'Spain', 1], ['Libya', 'Spain', 1],
     ['Spain', 'Tunisia', 1]]
    >>> nodes.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Spain', 2, 'group'], ['China', 1, 'group'], ['Libya', 1, 'place'],
     ['Tunisia', 1, 'place']]
    """
    table = _grouped(source, mentions(source, demonyms=demonyms), demonyms)
    cast = _limited(_all_actors(source, demonyms, table), top=None, min_mentions=min_mentions)
    keep = set(cast["actor"].head(top) if top is not None else cast["actor"])
    nodes = cast.loc[cast["actor"].isin(keep), ["actor", "mentions", "kind"]].rename(
        columns={"actor": "name"}).reset_index(drop=True)
    pairs: Counter[tuple[str, str]] = Counter()
    if len(table):
        named = table[table["actor"].isin(keep)]
        sentences: dict[tuple[Any, int], set[str]] = defaultdict(set)
        for key in zip(named["document"], named["sentence"], named["actor"], strict=True):
            sentences[key[:2]].add(key[2])
        for names in sentences.values():
            ordered = sorted(names)
            for x in range(len(ordered)):
                for y in range(x + 1, len(ordered)):
                    pairs[(ordered[x], ordered[y])] += 1
    rows = [(a, b, w) for (a, b), w in pairs.items() if w >= min_weight]
    edges = pd.DataFrame(rows, columns=["source", "target", "weight"])
    if not isolated:
        linked = {a for a, _, _ in rows} | {b for _, b, _ in rows}
        nodes = nodes[nodes["name"].isin(linked)].reset_index(drop=True)
    edges = edges.sort_values(["weight", "source", "target"], ascending=[False, True, True],
                              kind="mergesort").reset_index(drop=True)
    return nodes, edges


def mention_kinds(mention_table: pd.DataFrame,
                  actor_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The mentions table with a ``kind`` for highlighting: each mention's own kind in its
    context (kept from :func:`mentions`); a table without one takes its actor's kind from
    ``actor_table`` ("unknown" for an actor not there).

    >>> text = "Spain beat Italy in Madrid."
    >>> mention_kinds(mentions(text), actors(text))[["text", "kind"]].values.tolist()
    [['Spain', 'group'], ['Italy', 'group'], ['Madrid', 'place']]
    """
    if "kind" in mention_table.columns:
        return mention_table.copy()
    kinds = {} if actor_table is None else dict(
        zip(actor_table["actor"], actor_table["kind"], strict=True))
    out = mention_table.copy()
    out["kind"] = [kinds.get(a, "unknown") for a in out["actor"]]
    return out


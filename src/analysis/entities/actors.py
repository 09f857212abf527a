"""Actors across documents: the mentions grouped into actors with their kinds, and who is named
with whom (co-occurrence)."""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from analysis.corpus import Source
from analysis.entities.lexicon import is_all_caps
from analysis.entities.mentions import _documents_mentions, _norm


def mentions(source: Source, *, demonyms: bool = True) -> pd.DataFrame:
    """Every mention of an actor: a name (not a day or month) or, with ``demonyms``, a
    nationality word standing for its country ("Tunisian" -> Tunisia).

    Columns: ``document``, ``sentence``, ``start``, ``end`` (offsets into the document's
    text), ``text`` (as written, without a leading title), ``actor`` (the actor it is
    counted for in :func:`actors`), ``demonym`` (True for nationality words).

    >>> text = "Gen. Khalifa Haftar met Tunisian officials. Haftar’s men left."
    >>> mentions(text)[["text", "actor", "demonym"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Khalifa Haftar', 'Khalifa Haftar', False], ['Tunisian', 'Tunisia', True],
     ['Haftar', 'Khalifa Haftar', False]]
    """
    rows = []
    for _, ms, keys, canon in _documents_mentions(source, demonyms=demonyms):
        for i, m in enumerate(ms):
            rows.append((m.document, m.sentence, m.start, m.end, m.text, canon[keys[i]],
                         m.demonym))
    return pd.DataFrame(rows, columns=["document", "sentence", "start", "end", "text", "actor",
                                       "demonym"])



_KINDS = ("person", "place", "group")


def actors(source: Source, *, min_mentions: int = 1, demonyms: bool = True) -> pd.DataFrame:
    """Who and where: names grouped into actors, with a kind where the evidence allows.

    Variants of one name are one actor: a surname alone joins the full name of a person
    ("Haftar", "Haftar’s" -> "Khalifa Haftar"), a country's codes and other names join it
    ("U.S." -> "United States"), an acronym joins the one name with those initials, a title
    is dropped ("Gen. Khalifa Haftar"). With ``demonyms`` a nationality word counts as a
    mention of its country ("Tunisian officials" -> Tunisia, in ``via_demonym``).

    ``kind`` is "person", "place", "group" or "unknown", from weighed evidence listed in
    ``evidence``: the gazetteer (countries, capitals, provinces, demonyms), titles,
    organisation and place words in the name ("Council", "Ansar", "City", "River"), a
    surname used alone, and the words around a mention: an apposition ("Khalifa Haftar, a
    renegade general"), a role before the name ("strongman Muammar Gaddafi"), "a group
    called X", "the city, X", a preposition of place ("in Benghazi").

    Columns: ``actor`` (the longest variant, or the country's name), ``kind``, ``mentions``,
    ``via_demonym``, ``documents`` (how many mention it), ``variants`` (as written, most
    frequent first, "; "-separated), ``first_document``, ``first_sentence``,
    ``first_mention`` (character offset), ``evidence``. Sorted by mentions (descending),
    then actor. Days, months, hashtags and web addresses are no actors.

    >>> text = ("Tunisian officials said Khalifa Haftar, a renegade general, left the U.S. "
    ...         "on Friday. Haftar’s men and the United States stayed.")
    >>> actors(text)[["actor", "kind", "mentions", "variants"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Khalifa Haftar', 'person', 2, 'Haftar; Khalifa Haftar'],
     ['United States', 'place', 2, 'U.S.; United States'],
     ['Tunisia', 'place', 1, 'Tunisian']]
    """
    per_actor: dict[str, dict] = {}
    for _doc, ms, keys, canon in _documents_mentions(source, demonyms=demonyms):
        for i, m in enumerate(ms):
            name = canon[keys[i]]
            a = per_actor.setdefault(name, {
                "mentions": 0, "via_demonym": 0, "documents": set(), "variants": Counter(),
                "first": (m.doc_index, m.start, m.sentence, m.document),
                "scores": defaultdict(float), "reasons": Counter()})
            a["mentions"] += 1
            a["via_demonym"] += int(m.demonym)
            a["documents"].add(m.doc_index)
            a["variants"][_norm(m.text)] += 1
            a["first"] = min(a["first"], (m.doc_index, m.start, m.sentence, m.document))
            seen = set()
            linked = keys[i] != m.core and not m.country
            for kind, weight, reason in m.evidence:
                if (kind, reason) in seen or (linked and reason.startswith("gazetteer")):
                    continue  # "Hamilton" for "Lewis Hamilton" is no capital
                seen.add((kind, reason))
                a["scores"][kind] += weight
                a["reasons"][reason] += 1
        # A surname used alone for a full name is evidence of a person.
        for i, m in enumerate(ms):
            name = canon[keys[i]]
            if len(m.core.split()) == 1 and keys[i] != m.core and not m.country and (
                    len(name.split()) > 1) and not is_all_caps(m.core):
                per_actor[name]["scores"]["person"] += 3.0
                per_actor[name]["reasons"]["surname alone"] += 1
    rows = []
    for name, a in per_actor.items():
        if a["mentions"] < min_mentions:
            continue
        scores = a["scores"]
        ranked = sorted(_KINDS, key=lambda k: -scores.get(k, 0.0))
        best = ranked[0]
        if scores.get(best, 0.0) <= 0 or scores.get(best) == scores.get(ranked[1], 0.0):
            kind = "unknown"
        else:
            kind = best
        variants = "; ".join(v for v, _ in sorted(a["variants"].items(),
                                                   key=lambda kv: (-kv[1], kv[0])))
        evidence = "; ".join(f"{r}" + (f" x{c}" if c > 1 else "")
                             for r, c in sorted(a["reasons"].items(),
                                                key=lambda kv: (-kv[1], kv[0])))
        d, start, sentence, doc_id = a["first"]
        rows.append((name, kind, a["mentions"], a["via_demonym"], len(a["documents"]),
                     variants, doc_id, sentence, start, evidence))
    df = pd.DataFrame(rows, columns=["actor", "kind", "mentions", "via_demonym", "documents",
                                     "variants", "first_document", "first_sentence",
                                     "first_mention", "evidence"])
    return df.sort_values(["mentions", "actor"], ascending=[False, True],
                          kind="mergesort").reset_index(drop=True)


def cooccurrence(source: Source, *, min_weight: int = 1, min_mentions: int = 1,
                 demonyms: bool = True, isolated: bool = True, top: int | None = None,
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Actors named in the same sentence: ``(nodes, edges)`` for a network figure
    (:func:`analysis.plots.cooccurrence_network`).

    ``nodes`` has columns ``name``, ``mentions``, ``kind`` (actors with at least
    ``min_mentions`` mentions; with ``isolated=False`` only those with an edge); ``edges``
    has ``source``, ``target`` (alphabetical within a pair), ``weight`` (the number of
    sentences naming both; pairs below ``min_weight`` are dropped). Both sorted: by
    mentions or weight (descending), then by name. ``top`` keeps only the ``top`` most
    mentioned actors (ties by name), so a network of a large corpus stays readable.

    >>> nodes, edges = cooccurrence("Spain and China left Libya. Spain stayed in Tunisia.")
    >>> edges.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['China', 'Libya', 1], ['China', 'Spain', 1], ['Libya', 'Spain', 1],
     ['Spain', 'Tunisia', 1]]
    >>> nodes.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Spain', 2, 'place'], ['China', 1, 'place'], ['Libya', 1, 'place'],
     ['Tunisia', 1, 'place']]
    """
    table = actors(source, min_mentions=1, demonyms=demonyms)
    eligible = table.loc[table["mentions"] >= min_mentions, "actor"]
    keep = set(eligible.head(top) if top else eligible)
    nodes = table.loc[table["actor"].isin(keep), ["actor", "mentions", "kind"]].rename(
        columns={"actor": "name"}).reset_index(drop=True)
    pairs: Counter[tuple[str, str]] = Counter()
    for _, ms, keys, canon in _documents_mentions(source, demonyms=demonyms):
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for i, m in enumerate(ms):
            name = canon[keys[i]]
            if name in keep:
                by_sentence[m.sentence].add(name)
        for names in by_sentence.values():
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



def mention_kinds(mention_table: pd.DataFrame, actor_table: pd.DataFrame) -> pd.DataFrame:
    """Each mention (:func:`mentions`) with the kind of the actor it counts for.

    >>> text = "Spain announced it. Madrid agreed."
    >>> mention_kinds(mentions(text), actors(text))[["text", "kind"]].values.tolist()
    [['Spain', 'place'], ['Madrid', 'place']]
    """
    kinds = dict(zip(actor_table["actor"], actor_table["kind"], strict=True))
    out = mention_table.copy()
    out["kind"] = [kinds.get(a, "unknown") for a in out["actor"]]
    return out



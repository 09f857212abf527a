"""Who said what: attributions (source, cue, content) in English news text, one table row each,
with the speaker resolved to an actor where the text allows.

Found by the rules of :mod:`analysis.entities.cues` (verbs of saying, quotations, "according
to"); the speaker is the actor named by the source ("Sen. Chuck Grassley" -> "Chuck Grassley",
"Haftar" -> "Khalifa Haftar"), the person or group a pronoun refers to
(:mod:`analysis.entities.coref`), or the source itself when it names no one ("Tunisian
officials"). Measured against PolNeAR's hand-made attributions (``python -m benchmarks
attributions_polnear``).

>>> text = ('Khalifa Haftar spoke in Benghazi. "We will win," he said. "The war is over." '
...         'Tunisian officials said they were struggling.')
>>> table = attributions(text)
>>> table[["source", "speaker", "resolved", "cue", "kind"]].values.tolist()
... # doctest: +NORMALIZE_WHITESPACE
[['he', 'Khalifa Haftar', True, 'said', 'quote'],
 ['Tunisian officials', 'Tunisian officials', False, 'said', 'reported']]
>>> table["content"].tolist()
['We will win … The war is over.', 'they were struggling']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import pandas as pd

from analysis.corpus import Document
from analysis.entities.coref import PRONOUNS, antecedent
from analysis.entities.cues import Found, find
from analysis.entities.given_names import is_given_name
from analysis.entities.lexicon import (
    PERSON_TITLES,
    QUANTIFIER_SUBJECTS,
    demonym,
    is_group_adjective,
    zipf,
)
from analysis.entities.mentions import Mention, document_mentions
from analysis.entities.names import analyse
from analysis.tables import SIZES, TableSpec, per_document
from analysis.tokenise import fold

__all__ = ["ATTRIBUTIONS", "Attribution", "attribution_parts", "attributions",
           "document_attributions", "speakers"]

#: Pronouns a source may be (lower-case): "he said", "they told", and the relative pronouns
#: of "..., who said": a pronoun is never a speaker unless resolved to a named actor.
SOURCE_PRONOUNS = frozenset("he she they it we i you who which that".split())
_DETERMINERS = ("the ", "a ", "an ")


class Attribution(NamedTuple):
    """One row of :data:`ATTRIBUTIONS`."""

    sentence: int  # of the cue, from 1
    source: str  # the speaker as written
    source_start: int
    source_end: int
    speaker: str  # the actor the source names or refers to; the source itself otherwise
    speaker_start: int  # the mention that names the speaker (the source when none)
    speaker_end: int
    named: bool  # the speaker is a named actor of the document
    pronoun: bool  # the source is a pronoun ("he", "they")
    resolved: bool  # a pronoun resolved to a named actor
    cue: str
    cue_start: int
    cue_end: int
    content: str  # what was said; parts of an interrupted quotation joined by " … "
    content_start: int
    content_end: int
    kind: str  # quote, reported, passive or according to


def _attributions_rows(doc):
    return document_attributions(doc)


#: One row per attribution of a document (:func:`document_attributions`): ``sentence`` (of the
#: cue, from 1), ``source`` (the speaker as written) with ``source_start``/``source_end``,
#: ``speaker`` (the actor the source names or the pronoun refers to, else the source, without a
#: leading article) with ``speaker_start``/``speaker_end`` (the mention naming it), ``named``,
#: ``pronoun``, ``resolved``, ``cue`` with ``cue_start``/``cue_end``, ``content`` with
#: ``content_start``/``content_end``, ``kind``. Offsets index the document's text.
ATTRIBUTIONS = TableSpec(
    "attributions",
    (("sentence", "int32"), ("source", "string"), ("source_start", "int64"),
     ("source_end", "int64"), ("speaker", "string"), ("speaker_start", "int64"),
     ("speaker_end", "int64"), ("named", "bool"), ("pronoun", "bool"), ("resolved", "bool"),
     ("cue", "string"), ("cue_start", "int64"), ("cue_end", "int64"), ("content", "string"),
     ("content_start", "int64"), ("content_end", "int64"), ("kind", "string")),
    _attributions_rows,
    version=2,  # 2: speakers resolved with the kinds of issue 15's third round
)


def document_attributions(doc: Document | str) -> list[Attribution]:
    """The attributions of one document (or text), in the order of their cues: typed rows.

    >>> [a.speaker for a in document_attributions("Officials said the road was open.")]
    ['officials']
    """
    text = doc if isinstance(doc, str) else doc.text
    state = analyse(doc)
    cached = state.memo.get("attributions")
    if cached is None:
        mentions = document_mentions(text)
        cached = state.memo["attributions"] = [_row(text, f, mentions) for f in find(text)]
    return cached


def _row(text: str, f: Found, mentions: Sequence[Mention]) -> Attribution:
    state = analyse(text)
    toks = state.toks
    s0, s1 = toks[f.source[0]].start, toks[f.source[1] - 1].end
    if f.source[1] - f.source[0] > 1 and toks[f.source[0]].text.lower() == "the" and all(
            t.text[:1].isupper() for t in toks[f.source[0] + 1:f.source[1]]):
        s0 = toks[f.source[0] + 1].start  # "the United States" -> "United States"
    c0, c1 = toks[f.cue[0]].start, toks[f.cue[1] - 1].end
    source = text[s0:s1]
    pronoun = source.lower() in SOURCE_PRONOUNS
    named = resolved = False
    first = f.source[0]
    initial = first == 0 or toks[first - 1].sentence != toks[first].sentence or not (
        toks[first - 1].text[:1].isalnum())
    speaker, p0, p1 = _unnamed(source, initial=initial), s0, s1
    if pronoun and f.head is None:
        speaker = "I" if source.lower() == "i" else source.lower()
        m = antecedent(text, s0) if source.lower() in PRONOUNS else None
        if m is not None:
            speaker, p0, p1, named, resolved = m.actor, m.start, m.end, True, True
    else:
        if f.head is not None:  # "Humphrey, who said ...": the speaker is Humphrey
            p0, p1 = toks[f.head[0]].start, toks[f.head[1] - 1].end
            speaker = _unnamed(text[p0:p1], initial=False)
        m = _naming(text, mentions, p0, p1)
        if m is not None:
            speaker, p0, p1, named = m.actor, m.start, m.end, True
        resolved = pronoun and named  # "who" standing for a name: that person
    content = " \u2026 ".join(text[a:b] for a, b in f.parts)
    return Attribution(toks[f.cue[0]].sentence + 1, source, s0, s1, speaker, p0, p1, named,
                       pronoun, resolved, text[c0:c1], c0, c1, content, f.content[0],
                       f.content[1], f.kind)


def _naming(text: str, mentions: Sequence[Mention], s0: int, s1: int) -> Mention | None:
    """The name mention a source phrase is headed by: the last mention inside it that ends it
    ("Trump campaign spokesman Jason Miller", "Sen. Chuck Grassley"); not "Trump's
    spokesman", "Tunisian officials", nor the name after a preposition ("the Senator from
    Texas", "a spokesman for the State Department", "an adviser for President Obama",
    "supporters of Democrat Hillary Clinton": the senator speaks, not Texas), nor the last of
    names joined by "and" ("Jeb Bush and Chris Christie": they speak together)."""
    for m in reversed(mentions):
        if m.end <= s1 and m.start >= s0:
            if m.end != s1 or m.via_demonym:
                break
            before = text[s0:m.start].split()
            while before and (before[-1] in PERSON_TITLES or before[-1].lower() == "the"
                              or is_group_adjective(before[-1]) or demonym(before[-1])):
                before.pop()  # "an adviser for President Obama", "supporters of Democrat X"
            if before and before[-1].lower() in _PREPOSITIONS:
                break
            if before and before[-1].lower() in ("and", "&"):
                break  # "Jeb Bush and Chris Christie" speak together: neither alone
            return m
    return _named_before_preposition(text, mentions, s0, s1)


def _named_before_preposition(text: str, mentions: Sequence[Mention], s0: int,
                              s1: int) -> Mention | None:
    """A person named first in a source and followed by a preposition is its head: "Janet
    Cole of Friends of Northfield Libraries", "Tom Baird from Kessington"."""
    for m in mentions:
        if m.start >= s1:
            break
        if m.start == s0 and m.end < s1 and m.kind == "person" and not m.via_demonym:
            after = text[m.end:s1].split(None, 1)
            return m if after and after[0].lower() in _PREPOSITIONS else None
    return None


def _as_actors(source: Any, table: pd.DataFrame) -> pd.Series:
    """The speakers of ``table`` with each named one as :func:`analysis.entities.actors`
    groups it across documents ("Clinton" of one article is "Hillary Clinton" of others)."""
    from analysis.entities.actors import grouping_of, mentions

    named = mentions(source)[["actor", "kind", "title", "text"]]
    if not len(named):
        return table["speaker"]
    grouped = grouping_of(source, named)
    return table["speaker"].where(~table["named"], table["speaker"].map(
        lambda a: grouped.get(a, a)))


#: Prepositions after which a name in a source is not its head ("the Senator from Texas").
_PREPOSITIONS = frozenset("from of for in at on with by to".split())


def _unnamed(source: str, *, initial: bool) -> str:
    """A source that names no one, as a speaker: without a leading article ("The authors" ->
    "authors"), and lower-case where a sentence's first capital is all that made the first
    word capitalised ("Officials" -> "officials"; not "Tunisian officials")."""
    words = " ".join(fold(source).split())
    low = words.lower()
    for det in _DETERMINERS:
        if low.startswith(det) and len(words) > len(det):
            words = words[len(det):]
            break
    first = words.split(" ", 1)[0]
    if (initial or words != " ".join(fold(source).split())) and first[:1].isupper() and (
            first[1:].islower() and zipf(first.lower()) >= 3.0 and not demonym(first)
            and not is_group_adjective(first) and not is_given_name(first)):
        words = words[:1].lower() + words[1:]
    return words


def attributions(source: Any, *, meta: Sequence[str] = ()) -> pd.DataFrame:
    """Who said, announced, claimed, told, warned, denied... what: the table
    :data:`ATTRIBUTIONS` of every document, then the metadata columns named in ``meta``.

    ``source`` is anything :func:`analysis.tables.per_document` accepts. Kinds: "quote" (a
    quotation with its speaker, before or after it), "reported" (reported speech: "officials
    said the road was open", "..., officials said."), "passive" ("accused by the United States
    of ..."), "according to". A pronoun source ("he said") keeps ``source`` "he"; its
    ``speaker`` is the person it refers to when :func:`analysis.entities.coref.antecedent`
    finds one (``resolved``), else "he". A named ``speaker`` is the actor
:func:`analysis.entities.actors` groups it in, across documents ("Clinton" of one article is
"Hillary Clinton" where the corpus names her so), so the table, :func:`speakers` and the
actors tables name one person alike. Sorted by document, then position.

    >>> text = ('Tunisian officials said Wednesday that they were struggling. '
    ...         '"We will win," Haftar said. The group was accused by the United States '
    ...         'of leading the attack.')
    >>> attributions(text)[["source", "cue", "content", "kind"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Tunisian officials', 'said', 'they were struggling', 'reported'],
     ['Haftar', 'said', 'We will win', 'quote'],
     ['United States', 'accused', 'of leading the attack', 'passive']]
    """
    if isinstance(source, pd.DataFrame):
        return source
    table = per_document(source, ATTRIBUTIONS, meta=meta)
    if len(table) and table["named"].any():  # named speakers grouped as the actors are
        table = table.assign(speaker=_as_actors(source, table))
    return table


#: The group column of :func:`speakers` while it sums, renamed to the metadata name at the end.
_GROUP = "_group"


def speakers(source: Any, *, by: str | None = None, top: int | None = None) -> pd.DataFrame:
    """Who is quoted most: one row per speaker (per group and speaker with ``by``, a metadata
    column such as "publisher"), from :func:`attributions` (or its table).

    A pronoun that could not be resolved to a named actor ("he", "they") or a quantifier
    alone ("some", "many": "some warned that ...") is never a speaker here: those
    attributions are counted in no row. Columns: ``speaker``, ``named`` (a named
    actor, not a description such as "officials"), ``attributions`` (how many), ``quotes``
    (of them quotations), ``documents``, ``sources`` (the ways the speaker is written, most
    frequent first); with ``by`` the group column first. Sorted by attributions (descending),
    then speaker; ``top`` keeps that many rows (per group).

    >>> text = ('"We will win," he said. Haftar said the war was over. '
    ...         'Officials said the road was open. Khalifa Haftar agreed.')
    >>> speakers(text)[["speaker", "named", "attributions"]].values.tolist()
    [['Khalifa Haftar', True, 1], ['officials', False, 1]]
    """
    table = attributions(source)
    keys = [_GROUP] if by else []
    if by and isinstance(source, pd.DataFrame):  # a table already holding the group
        table = table.rename(columns={by: _GROUP})
    elif by:  # joined apart: the group may be named like a column here (an input's "source")
        groups = per_document(source, SIZES, meta=(by,)).set_index("document")[by]
        table = table.assign(**{_GROUP: table["document"].map(groups)})
    columns = [*keys, "speaker", "named", "attributions", "quotes", "documents", "sources"]
    named = {_GROUP: by}
    if not len(table):
        return pd.DataFrame(columns=columns).rename(columns=named)
    table = table[(~table["pronoun"] | table["resolved"])
                  & ~table["speaker"].astype(str).str.lower().isin(QUANTIFIER_SUBJECTS)]
    if not len(table):
        return pd.DataFrame(columns=columns).rename(columns=named)
    table = table.assign(quote=table["kind"] == "quote",
                         written=table["source"].map(lambda s: " ".join(s.split())))
    out = table.groupby([*keys, "speaker"], sort=False).agg(
        named=("named", "max"), attributions=("cue", "size"), quotes=("quote", "sum"),
        documents=("document", "nunique"))
    written = table.groupby([*keys, "speaker", "written"], sort=False).size().reset_index(
        name="n").sort_values([*keys, "speaker", "n", "written"],
                              ascending=[True] * (len(keys) + 1) + [False, True])
    out["sources"] = written.groupby([*keys, "speaker"], sort=False)["written"].agg("; ".join)
    out = out.reset_index().astype({"quotes": "int64", "named": "bool"})[columns]
    out = out.sort_values([*keys, "attributions", "speaker"],
                          ascending=[True] * len(keys) + [False, True], kind="mergesort")
    if top is not None:
        out = out.groupby(keys, sort=False).head(top) if keys else out.head(top)
    return out.reset_index(drop=True).rename(columns=named)


def attribution_parts(said: pd.DataFrame) -> pd.DataFrame:
    """The source, cue and content spans of :func:`attributions` rows, one row per part
    (``document``, ``start``, ``end``, ``part``: "source", "cue" or "content"), in text order,
    for highlighting. A content that surrounds its source and cue ('"...," she said. "..."')
    is given as its parts before and after them.

    >>> said = attributions("Officials said the road was open.")
    >>> attribution_parts(said)[["part", "start"]].values.tolist()
    [['source', 0], ['cue', 10], ['content', 15]]
    >>> attribution_parts(said.head(0)).columns.tolist()
    ['document', 'start', 'end', 'part']
    """
    rows = []
    for r in said.itertuples(index=False):
        spans = [(r.source_start, r.source_end, "source"), (r.cue_start, r.cue_end, "cue")]
        inner = sorted((a, b) for a, b, _ in spans if r.content_start <= a < r.content_end)
        if inner:  # the content around its source and cue: before the first, after the last
            spans.append((r.content_start, inner[0][0], "content"))
            spans.append((max(b for _, b in inner), r.content_end, "content"))
        else:
            spans.append((r.content_start, r.content_end, "content"))
        for a, b, part in spans:
            if b > a:
                rows.append((r.document, int(a), int(b), part))
    df = pd.DataFrame(rows, columns=["document", "start", "end", "part"])
    df = df.sort_values(["document", "start"], kind="mergesort").drop_duplicates(
        ["document", "start", "end"])
    keep, last_end, last_doc = [], -1, None  # overlapping parts: the first is kept
    for r in df.itertuples(index=False):
        if r.document != last_doc:
            last_end, last_doc = -1, r.document
        keep.append(r.start >= last_end)
        if r.start >= last_end:
            last_end = r.end
    return df[pd.Series(keep, index=df.index, dtype=bool)].reset_index(drop=True)

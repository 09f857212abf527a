"""Groups compared: how large each group is, its tone and its readability.

A group is the set of documents sharing a value of one metadata column (``by``: publisher,
section, folder, ...; documents without a value form the group ``"(none)"``, see
:mod:`analysis.frequency.groups`, which also gives the key words and term frequencies by group).
Every table has one row per group, groups in alphabetical order, and a ``too_small`` column:
a group with fewer than 3 documents or fewer than 1,000 words (``min_documents``,
``min_words``) is flagged, because its figures describe an article or two rather than the group;
such figures are shown but should not be ranked.

>>> docs = [Document(f"{o}{i}", "t", "s", text, meta={"outlet": o})
...         for o, text in (("A", "Good news. Fine day."), ("B", "Bad news. Terrible day."))
...         for i in range(3)]
>>> tone_by_group(docs, by="outlet")[["group", "mean_compound", "negative"]].values.tolist()
[['A', 0.3213, 0.0], ['B', -0.5095, 1.0]]
"""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np
import pandas as pd

from analysis.corpus import Document  # noqa: F401 (used in the examples)
from analysis.frequency.counts import WORDS
from analysis.frequency.groups import (
    MIN_DOCUMENTS,
    MIN_WORDS,
    group_table,
    too_small,
)
from analysis.readability import READABILITY, SUMMARY_COLUMNS, summarise
from analysis.sentiment import sentence_table
from analysis.tables import SIZES, documents_of, totals

__all__ = ["BOOTSTRAP", "LINE_COLUMNS", "SIZE_COLUMNS", "TONE_COLUMNS", "bootstrap_mean",
           "group_sizes", "key_word_lines", "readability_by_group", "tone_by_group",
           "tone_table", "top_by_group"]

#: Bootstrap resamples for the confidence interval of a mean.
BOOTSTRAP = 2000

SIZE_COLUMNS = ["group", "documents", "sentences", "words", "share_of_words", "too_small"]
LINE_COLUMNS = ["group", "word", "document", "title", "left", "keyword", "right"]
TONE_COLUMNS = ["documents", "sentences", "mean_compound", "ci_low", "ci_high", "negative",
                "neutral", "positive"]


def _flag(df: pd.DataFrame, min_documents: int, min_words: int) -> list[bool]:
    return [too_small(int(d), int(w), min_documents=min_documents, min_words=min_words)
            for d, w in zip(df["documents"], df["words"], strict=True)]


def group_sizes(source: Any, *, by: str, min_documents: int = MIN_DOCUMENTS,
                min_words: int = MIN_WORDS) -> pd.DataFrame:
    """How much text each group has: one row per group with ``group``, ``documents``,
    ``sentences``, ``words`` (tokens that are not punctuation), ``share_of_words`` (of the
    corpus, 0-1, 3 decimals) and ``too_small`` (fewer than ``min_documents`` documents or
    ``min_words`` words). Raises ``ValueError`` when ``by`` is not a metadata column.

    >>> docs = [Document("a", "t", "s", "One. Two.", meta={"desk": "news"}),
    ...         Document("b", "t", "s", "Three words here.", meta={"desk": "sport"})]
    >>> group_sizes(docs, by="desk", min_words=1).values.tolist()
    [['news', 1, 2, 2, 0.4, True], ['sport', 1, 1, 3, 0.6, True]]
    """
    return _sizes_of(group_table(source, SIZES, by), min_documents, min_words)


def _sizes_of(table: pd.DataFrame, min_documents: int, min_words: int) -> pd.DataFrame:
    out = table.groupby("group", sort=True).agg(
        documents=("document", "size"), sentences=("sentences", "sum"),
        words=("words", "sum")).reset_index()
    total = int(out["words"].sum())
    out["share_of_words"] = (out["words"] / total).round(3) if total else 0.0
    out["too_small"] = _flag(out, min_documents, min_words)
    for col in ("documents", "sentences", "words"):
        out[col] = out[col].astype("int64")
    return out[SIZE_COLUMNS]


def bootstrap_mean(sums: np.ndarray, counts: np.ndarray, *, seed: Any = 0,
                   resamples: int = BOOTSTRAP, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of a mean over units that come in clusters.

    ``sums[i]`` and ``counts[i]`` are the total and the number of values of cluster ``i`` (a
    document's sentence scores); each resample draws as many clusters as there are, with
    replacement, and takes the mean of all their values (Efron and Tibshirani 1993; resampling
    whole documents because sentences of one article are not independent). ``seed`` makes it
    deterministic (any value ``numpy.random.default_rng`` accepts). With fewer than two
    clusters there is no interval: (nan, nan).

    >>> low, high = bootstrap_mean(np.array([1.0, 2.0, 3.0, 4.0]), np.ones(4))
    >>> 1.0 <= low < 2.5 < high <= 4.0
    True
    """
    sums = np.asarray(sums, dtype=float)
    counts = np.asarray(counts, dtype=float)
    k = len(sums)
    if k < 2 or not 0 < level < 1:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, k, size=(resamples, k))
    n = counts[draws].sum(axis=1)
    means = np.divide(sums[draws].sum(axis=1), n, out=np.full(resamples, np.nan), where=n > 0)
    tail = (1 - level) / 2 * 100
    low, high = np.nanpercentile(means, [tail, 100 - tail])
    return float(low), float(high)


def _seed(seed: int, key: Any) -> list[int]:
    """A seed per group: the same group gets the same resamples whatever the other groups."""
    return [int(seed), zlib.crc32(str(key).encode("utf-8"))]


def tone_table(sentences: pd.DataFrame, keys: list[str], *, seed: int = 0,
               resamples: int = BOOTSTRAP) -> pd.DataFrame:
    """Tone of sentences taken together per ``keys`` (columns of ``sentences``, a
    :func:`analysis.sentiment.sentence_table` with extra columns such as ``group``): the
    keys, then ``documents``, ``sentences``, ``mean_compound`` (mean VADER compound of the
    sentences), ``ci_low``, ``ci_high`` (95% bootstrap interval over documents, see
    :func:`bootstrap_mean`; NaN with fewer than two documents), ``negative``, ``neutral``,
    ``positive`` (shares of the sentences by VADER's label, 0-1). Scores are rounded to 4
    decimals. Rows are sorted by the keys.
    """
    rows = []
    for key, part in sentences.groupby(keys, sort=True):
        per_doc = part.groupby("document", sort=True)["compound"].agg(["sum", "size"])
        low, high = bootstrap_mean(per_doc["sum"].to_numpy(), per_doc["size"].to_numpy(),
                                   seed=_seed(seed, key), resamples=resamples)
        n = len(part)
        shares = part["label"].value_counts()
        rows.append((*(key if isinstance(key, tuple) else (key,)), len(per_doc), n,
                     float(part["compound"].mean()), low, high,
                     *(shares.get(lab, 0) / n for lab in ("negative", "neutral", "positive"))))
    out = pd.DataFrame(rows, columns=keys + TONE_COLUMNS)
    for col in TONE_COLUMNS[2:]:
        out[col] = out[col].astype(float).round(4)
    for col in ("documents", "sentences"):
        out[col] = out[col].astype("int64")
    return out


def tone_by_group(source: Any, *, by: str, seed: int = 0, resamples: int = BOOTSTRAP,
                  min_documents: int = MIN_DOCUMENTS, min_words: int = MIN_WORDS,
                  sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """The tone of each group: mean sentence compound with a bootstrap 95% interval, and the
    shares of negative, neutral and positive sentences (VADER; labels at +-0.05).

    Returns one row per group with a sentence: ``group``, ``documents``, ``sentences``,
    ``mean_compound``, ``ci_low``, ``ci_high``, ``negative``, ``neutral``, ``positive`` (see
    :func:`tone_table`), ``words`` and ``too_small`` (see :func:`group_sizes`). The interval
    resamples whole documents of the group (``resamples`` times, seeded by ``seed`` and the
    group's name: the same input gives the same interval). ``sentences`` may pass a
    :func:`analysis.sentiment.sentence_table` of ``source`` already computed. Raises
    ``ValueError`` when ``by`` is not a metadata column.
    """
    sized = group_table(source, SIZES, by)
    sizes = _sizes_of(sized, min_documents, min_words)
    table = sentence_table(source, text=False) if sentences is None else sentences
    table = table.merge(sized[["document", "group"]], on="document", how="left")
    out = tone_table(table, ["group"], seed=seed, resamples=resamples)
    out = out.merge(sizes[["group", "words", "too_small"]], on="group", how="left")
    return out[["group", *TONE_COLUMNS, "words", "too_small"]]


def readability_by_group(source: Any, *, by: str, min_documents: int = MIN_DOCUMENTS,
                         min_words: int = MIN_WORDS) -> pd.DataFrame:
    """Readability of each group (:mod:`analysis.readability`: Flesch reading ease and
    Flesch-Kincaid grade with textstat's counts).

    One row per group: ``group``, ``documents``, ``sentences``, ``words``, ``syllables``,
    ``words_per_sentence``, ``syllables_per_word``, ``reading_ease``, ``grade`` (the group's
    documents read as one text), ``median_reading_ease``, ``median_grade`` (its median
    document) and ``too_small`` (documents and words as textstat counts them). Raises
    ``ValueError`` when ``by`` is not a metadata column.

    >>> docs = [Document("a", "t", "s", "The cat sat. It was happy.", meta={"desk": "x"})]
    >>> readability_by_group(docs, by="desk")[["group", "words", "reading_ease"]].values.tolist()
    [['x', 6, 105.09]]
    """
    out = summarise(group_table(source, READABILITY, by), ["group"])
    out["too_small"] = _flag(out, min_documents, min_words)
    return out[["group", *SUMMARY_COLUMNS, "too_small"]]


def key_word_lines(source: Any, key: pd.DataFrame, *, by: str, width: int = 40
                   ) -> pd.DataFrame:
    """One concordance line for each key word of each group, so a claim can be checked
    against the text: for every ``group`` and ``word`` of ``key`` (a table from
    :func:`analysis.frequency.keyness_by_group`), the first occurrence in the group's document
    that uses the word most (ties: the first document id).

    Columns: ``group``, ``word``, ``document``, ``title``, ``left``, ``keyword``, ``right``
    (:func:`analysis.concordance.kwic` with ``width`` characters each side). Rows follow
    ``key``. Raises ``ValueError`` when ``by`` is not a metadata column.

    >>> docs = [Document("a", "Ann's story", "s", "The rain fell. Rain again.", meta={"d": "x"})]
    >>> key = pd.DataFrame({"group": ["x"], "word": ["rain"]})
    >>> key_word_lines(docs, key, by="d", width=8)[["document", "left", "keyword", "right"]
    ...                                            ].values.tolist()
    [['a', 'The', 'rain', 'fell.']]
    """
    from analysis.concordance import kwic

    if key.empty:
        return pd.DataFrame(columns=LINE_COLUMNS)
    words = totals(source, WORDS, by=["document", "word"], where={"word": sorted(set(key["word"]))})
    words = words.merge(group_table(source, SIZES, by)[["document", "group"]], on="document")
    wanted = set(zip(key["group"], key["word"], strict=True))
    hits = words[[(g, w) in wanted for g, w in zip(words["group"], words["word"],
                                                    strict=True)]]
    best = (hits.sort_values(["group", "word", "count", "document"],
                             ascending=[True, True, False, True])
            .drop_duplicates(["group", "word"]).set_index(["group", "word"])["document"])
    docs = {d.id: d for d in documents_of(source, set(best))}
    rows = []
    for group, word in zip(key["group"], key["word"], strict=True):
        doc_id = best.get((group, word))
        if doc_id is None:
            continue
        doc = docs[doc_id]
        line = kwic(doc, word, width=width, top=1)
        if len(line):
            first = line.iloc[0]
            rows.append((group, word, doc_id, doc.title, first["left"], first["keyword"],
                         first["right"]))
    return pd.DataFrame(rows, columns=LINE_COLUMNS)


def top_by_group(table: pd.DataFrame, *, by: str, item: str, count: str, column: str,
                 top: int = 5) -> pd.DataFrame:
    """A per-group ranking on one line per group, for a slide: ``by`` and ``column``, the
    group's first ``top`` rows' ``item`` with its ``count`` in brackets, in the table's
    order ("Donald Trump (120), Hillary Clinton (85)"). ``table`` is a ranking with the group
    column first, such as ``entities.actors(corpus, by=...)``; groups keep their first
    appearance's order. Raises KeyError naming a missing column.

    >>> t = pd.DataFrame({"outlet": ["a", "a", "b"], "actor": ["Obama", "Kerry", "Putin"],
    ...                   "mentions": [9, 4, 7]})
    >>> top_by_group(t, by="outlet", item="actor", count="mentions",
    ...              column="most mentioned").values.tolist()
    [['a', 'Obama (9), Kerry (4)'], ['b', 'Putin (7)']]
    """
    missing = [c for c in (by, item, count) if c not in table.columns]
    if missing:
        raise KeyError(f"top_by_group: no column {', '.join(map(repr, missing))}; the table "
                       f"has {', '.join(map(str, table.columns))}")
    rows = []
    for group, part in table.groupby(by, sort=False, observed=True):
        ranked = part.head(top)
        rows.append((group, ", ".join(f"{i} ({int(n):,})" for i, n in zip(
            ranked[item], ranked[count], strict=True))))
    return pd.DataFrame(rows, columns=[by, column])

"""Word and n-gram counts: per document once (the ``words`` and ``ngrams`` tables), then summed.

Words are compared folded (:func:`analysis.tokenise.fold`: curly and straight apostrophes alike)
and lower-cased; punctuation is never a word. Relative frequencies are per 1,000 *words*: the
denominator is the number of words of the source whether or not stopwords are shown, so a word's
rate is the same in every table.

>>> counts = word_counts("The militias took the city. The army left.")
>>> counts.head(3).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'word': 'the', 'count': 3, 'per_1000': 375.0, 'rank': 1},
 {'word': 'army', 'count': 1, 'per_1000': 125.0, 'rank': 2},
 {'word': 'city', 'count': 1, 'per_1000': 125.0, 'rank': 2}]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.corpus import Document, as_documents
from analysis.tables import SIZES, WORDS, TableSpec, per_document, totals
from analysis.tokenise import STOPWORDS, is_number, normalise, stem
from analysis.tokenise.counting import word_keys

__all__ = ["NGRAMS", "NGRAM_SIZES", "WORDS", "ngrams", "sentence_words", "word_counts",
           "word_totals", "words"]

#: The n-gram sizes kept in the ``ngrams`` table.
NGRAM_SIZES = (2, 3)


def sentence_words(doc: Document) -> list[list[str | None]]:
    """Per sentence, the words of ``doc`` normalised for counting, punctuation as ``None`` (a
    barrier that no n-gram or word pair crosses).

    >>> sentence_words(Document("d", "d", "d", "Rain fell, prices rose. Then calm."))
    [['rain', 'fell', None, 'prices', 'rose', None], ['then', 'calm', None]]
    """
    out: list[list[str | None]] = []
    current: list[str | None] = []
    sentence = 0
    for t, key in zip(doc.tokens, word_keys(doc), strict=True):
        if t.sentence != sentence and current:
            out.append(current)
            current = []
        sentence = t.sentence
        current.append(key)
    if current:
        out.append(current)
    return out


def _grams(sentence: Sequence[str | None], n: int, drop_stopwords: bool) -> Iterable[str]:
    stretch: list[str] = []
    for w in [*sentence, None]:
        if w is not None:
            stretch.append(w)
            continue
        if len(stretch) >= n:
            for gram in zip(*(stretch[i:] for i in range(n)), strict=False):
                if drop_stopwords and (gram[0] in STOPWORDS or gram[-1] in STOPWORDS):
                    continue
                yield " ".join(gram)
        stretch = []


def _stretches(doc: Document) -> list[list[str]]:
    """The runs of two or more words of ``doc`` that no punctuation or sentence end breaks:
    what every n-gram of the ``ngrams`` table lies in."""
    out: list[list[str]] = []
    current: list[str] = []
    sentence = 0
    for t, key in zip(doc.tokens, word_keys(doc), strict=True):
        if key is None or t.sentence != sentence:
            if len(current) > 1:
                out.append(current)
            current = [] if key is None else [key]
            sentence = t.sentence
        else:
            current.append(key)
    if len(current) > 1:
        out.append(current)
    return out


def _ngram_rows(doc: Document) -> list[tuple[int, str, int]]:
    # The same n-grams as _grams(..., drop_stopwords=True) over sentence_words(doc), built
    # from each stretch at once (this table is computed for every document of a corpus).
    stop = STOPWORDS
    runs = _stretches(doc)
    pairs = Counter([f"{a} {b}" for run in runs for a, b in zip(run, run[1:], strict=False)
                     if a not in stop and b not in stop])
    triples = Counter([f"{a} {b} {c}" for run in runs
                       for a, b, c in zip(run, run[1:], run[2:], strict=False)
                       if a not in stop and c not in stop])
    rows = [(2, g, c) for g, c in sorted(pairs.items())]
    rows.extend((3, g, c) for g, c in sorted(triples.items()))
    return rows


#: One row per content n-gram per document (n = 2 and 3; runs of words inside one sentence, not
#: across punctuation, neither first nor last word a stopword): ``n``, ``ngram``, ``count``.
NGRAMS = TableSpec("ngrams", (("n", "int32"), ("ngram", "string"), ("count", "int64")),
                   _ngram_rows, categories=("ngram",))


def words(
    source, *, lower: bool = True, drop_punct: bool = True, drop_numbers: bool = False,
    drop_stopwords: bool = False, stemmed: bool = False,
) -> list[str]:
    """The words of a text in order, normalised as asked (:func:`analysis.tokenise.normalise`).

    Curly apostrophes are written straight, so "Thursday’s" and "Thursday's" count alike. For
    counting a corpus use :func:`word_counts`, which reads the stored ``words`` table.

    >>> words("The U.S. envoy's staff left, Sept. 11.", drop_stopwords=True)
    ['u.s.', 'envoy', 'staff', 'left', 'sept.', '11']
    >>> words("Fighting fighters fought.", stemmed=True)
    ['fight', 'fighter', 'fought']
    """
    out: list[str] = []
    for doc in as_documents(source):
        out.extend(normalise([t.text for t in doc.tokens], lower=lower, drop_punct=drop_punct,
                             drop_numbers=drop_numbers, drop_stopwords=drop_stopwords,
                             stem=stemmed))
    return out


def word_totals(source, *, by: str | None = None) -> pd.DataFrame:
    """Every word type with its count over the source: ``word``, ``count`` (with ``by``, a
    metadata column, one row per group and word: ``group`` first, the metadata value as text
    or None). Unsorted; the building block of the tables below, summed from the stored
    ``words`` table part by part (:func:`analysis.tables.totals`).

    >>> word_totals("War. War and peace.").sort_values("word").values.tolist()
    [['and', 1], ['peace', 1], ['war', 2]]
    """
    if by:
        return totals(source, WORDS, by=["group", "word"], meta=by)
    return totals(source, WORDS, by=["word"])


def counts_frame(counter: Mapping[str, int] | pd.DataFrame, total: int,
                 key: str = "word", *, top: int | None = None) -> pd.DataFrame:
    """Counts as a table sorted by count then alphabetically: ``key``, ``count``, ``per_1000``
    (per 1,000 of ``total`` words) and ``rank`` (ties share the smallest rank); with ``top``
    only the first ``top`` rows (ranked among all rows, sorted only among the candidates)."""
    if isinstance(counter, pd.DataFrame):
        df = counter[[key, "count"]].copy()
    else:
        df = pd.DataFrame(list(counter.items()), columns=[key, "count"])
    if top and len(df) > top:
        # Rows below the top-th largest count can be neither shown nor outrank a shown row.
        least = np.partition(df["count"].to_numpy(), len(df) - top)[len(df) - top]
        df = df[df["count"] >= least]
    df = df.sort_values(["count", key], ascending=[False, True]).reset_index(drop=True)
    df["count"] = df["count"].astype("int64")
    df["per_1000"] = (df["count"] * 1000 / total).round(3) if total else 0.0
    df["rank"] = df["count"].rank(method="min", ascending=False).astype(int)
    return df.head(top).reset_index(drop=True) if top else df


def _keep(word: str, *, drop_stopwords: bool, drop_numbers: bool) -> bool:
    return not ((drop_stopwords and word in STOPWORDS) or (drop_numbers and is_number(word)))


def word_counts(
    source, *, drop_stopwords: bool = False, drop_numbers: bool = False, stemmed: bool = False,
    top: int | None = None,
) -> pd.DataFrame:
    """Word counts with relative frequency per 1,000 words and rank (ties share a rank).

    ``drop_stopwords`` hides the function words of :data:`analysis.tokenise.STOPWORDS` but the
    per-1,000 denominator stays the number of all words, so rates are comparable across tables.
    ``stemmed`` merges words by their Snowball stem. Columns: ``word``, ``count``, ``per_1000``,
    ``rank``; ``top`` keeps the first rows.

    >>> word_counts("A war. A war. Peace.", drop_stopwords=True).values.tolist()
    [['war', 2, 400.0, 1], ['peace', 1, 200.0, 2]]
    """
    counted = word_totals(source)
    n = int(counted["count"].sum())
    keep = [_keep(w, drop_stopwords=drop_stopwords, drop_numbers=drop_numbers)
            for w in counted["word"]]
    counted = counted[keep] if len(counted) else counted
    if stemmed and len(counted):
        counted = counted.assign(word=[stem(w) for w in counted["word"]])
        counted = counted.groupby("word", sort=False)["count"].sum().reset_index()
    return counts_frame(counted, n, top=top)


def ngrams(
    source, *, n: int = 2, drop_stopwords: bool = True, min_count: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """The most frequent n-grams: runs of ``n`` words inside one sentence, not across punctuation.

    With ``drop_stopwords`` an n-gram may not start or end with a stopword ("of the city" goes,
    "city of Benghazi" stays): then n = 2 and 3 come from the stored ``ngrams`` table; other
    choices are counted from the tokens. Columns: ``ngram`` (words joined by spaces), ``count``,
    ``per_1000`` (per 1,000 words), ``rank``.

    >>> ngrams("The armed groups left. The armed groups came back.", n=2).head(2).values.tolist()
    [['armed groups', 2, 222.222, 1], ['came back', 1, 111.111, 2]]
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    total = int(per_document(source, SIZES)["words"].sum())
    if drop_stopwords and n in NGRAM_SIZES:
        counts = totals(source, NGRAMS, by=["ngram"], where={"n": [n]})
    else:
        counter: Counter[str] = Counter()
        for doc in as_documents(source):
            for s in sentence_words(doc):
                counter.update(_grams(s, n, drop_stopwords))
        counts = pd.DataFrame(list(counter.items()), columns=["ngram", "count"])
    counts = counts[counts["count"] >= min_count]
    return counts_frame(counts, total, key="ngram", top=top)

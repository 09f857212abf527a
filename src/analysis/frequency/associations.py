"""Collocations: word pairs that occur together more often than chance would have them.

Each pair is scored on its 2x2 contingency table with *positional* marginals (Evert 2005, *The
Statistics of Word Cooccurrences*): among all ``N`` counted pairs, ``o11`` have the first word
then the second, ``R1`` have the first word in first position, ``C1`` the second word in second
position. Every cell of that table is a count of pairs, so it is never negative, and the
measures are defined for any text, even one word repeated ("Ha ha ha."):

* ``pmi``: pointwise mutual information, log2(o11 N / (R1 C1)) (Church & Hanks 1990);
* ``g2``: the log-likelihood ratio 2 sum o log(o / e) over the four cells (Dunning 1993);
* ``t_score``: (o11 - e11) / sqrt(o11) (Church et al. 1991).

>>> text = "Armed groups fought. Armed groups won. The groups met armed men."
>>> collocations(text, min_count=2)[["w1", "w2", "count"]].values.tolist()
[['armed', 'groups', 2]]
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd

from analysis.corpus import as_documents
from analysis.frequency.counts import NGRAMS, sentence_words
from analysis.tables import totals
from analysis.tokenise import STOPWORDS

__all__ = ["MEASURES", "collocations", "pair_counts"]

MEASURES = ("pmi", "g2", "t_score")


def _pairs(sentence: list[str | None], window: int, drop_stopwords: bool) -> list[tuple]:
    """Pairs of words at most ``window - 1`` apart inside one stretch between punctuation."""
    out = []
    stretch: list[str] = []
    for w in [*sentence, None]:
        if w is not None:
            stretch.append(w)
            continue
        for i, a in enumerate(stretch):
            for b in stretch[i + 1:i + window]:
                if drop_stopwords and (a in STOPWORDS or b in STOPWORDS):
                    continue
                out.append((a, b))
        stretch = []
    return out


def pair_counts(source, *, window: int = 2, drop_stopwords: bool = True) -> pd.DataFrame:
    """Counts of word pairs: ``w1``, ``w2``, ``count``. Pairs are words at most ``window - 1``
    apart (2 = adjacent) inside one sentence, never across punctuation; with
    ``drop_stopwords`` neither word is a stopword. Adjacent content pairs come from the stored
    ``ngrams`` table; other windows are counted from the tokens.

    >>> pair_counts("Rain fell, prices rose.", window=3).values.tolist()
    [['rain', 'fell', 1], ['prices', 'rose', 1]]
    """
    if window < 2:
        raise ValueError(f"window must be at least 2 (adjacent words), got {window}")
    if window == 2 and drop_stopwords:
        import pyarrow as pa
        import pyarrow.compute as pc

        counts = totals(source, NGRAMS, by=["ngram"], where={"n": [2]})
        words = pc.split_pattern(pa.array(counts["ngram"].tolist(), pa.string()), " ",
                                 max_splits=1)
        return pd.DataFrame({"w1": pc.list_element(words, 0).to_pylist(),
                             "w2": pc.list_element(words, 1).to_pylist(),
                             "count": counts["count"].to_numpy()})
    counter: Counter[tuple[str, str]] = Counter()
    for doc in as_documents(source):
        for s in sentence_words(doc):
            counter.update(_pairs(s, window, drop_stopwords))
    return pd.DataFrame([(a, b, c) for (a, b), c in counter.items()],
                        columns=["w1", "w2", "count"])


def _g2(o11: float, r1: float, c1: float, n: float) -> float:
    total = 0.0
    observed = (o11, r1 - o11, c1 - o11, n - r1 - c1 + o11)
    rows, cols = (r1, n - r1), (c1, n - c1)
    for (i, j), o in zip(((0, 0), (0, 1), (1, 0), (1, 1)), observed, strict=True):
        if o > 0:
            total += o * math.log(o * n / (rows[i] * cols[j]))
    return 2 * total


def _candidates(kept: pd.DataFrame, first: pd.Series, second: pd.Series, n: float,
                measure: str, top: int) -> pd.DataFrame:
    """The pairs that can be among the ``top`` by ``measure``: scored with numpy and kept
    down to the ``top``-th score less a margin (rounding to 3 decimals, and far more than
    numpy's last-digit differences); the kept pairs are then scored exactly as before (a large
    corpus has millions of pairs)."""
    o11 = kept["count"].to_numpy(float)
    r1 = first.reindex(kept["w1"]).to_numpy(float)
    c1 = second.reindex(kept["w2"]).to_numpy(float)
    if measure == "pmi":
        score = np.log2(o11 * n / (r1 * c1))
    elif measure == "t_score":
        score = (o11 - r1 * c1 / n) / np.sqrt(o11)
    else:
        cells = (o11, r1 - o11, c1 - o11, n - r1 - c1 + o11)
        expected = (r1 * c1 / n, r1 * (n - c1) / n, (n - r1) * c1 / n,
                    (n - r1) * (n - c1) / n)
        with np.errstate(divide="ignore", invalid="ignore"):
            score = 2 * sum(np.where(o > 0, o * np.log(o / e), 0.0)
                            for o, e in zip(cells, expected, strict=True))
    # Scores are shown rounded to 3 decimals and ties go by count: anything within 0.001 of
    # the top-th score may still come before it.
    least = float(np.sort(score)[-top])
    return kept[score >= least - 0.001 - 1e-6 * max(1.0, abs(least))]


def collocations(
    source, *, min_count: int = 2, measure: str = "g2", drop_stopwords: bool = True,
    window: int = 2, top: int | None = 20,
) -> pd.DataFrame:
    """Word pairs scored by PMI, log-likelihood G2 and t-score, sorted by ``measure``.

    Pairs as in :func:`pair_counts`; kept when seen at least ``min_count`` times. Columns:
    ``w1``, ``w2``, ``count``, ``pmi``, ``g2``, ``t_score`` (rounded to 3 decimals); ties broken
    by count, then alphabetically. An empty table when the text has no pair.

    >>> table = collocations("Ha ha ha. Ha ha ha.", min_count=1)
    >>> table[["w1", "w2", "count", "pmi"]].values.tolist()
    [['ha', 'ha', 4, 0.0]]
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, got {measure!r}")
    pairs = pair_counts(source, window=window, drop_stopwords=drop_stopwords)
    n = float(pairs["count"].sum())
    first = pairs.groupby("w1")["count"].sum()
    second = pairs.groupby("w2")["count"].sum()
    kept = pairs[pairs["count"] >= max(min_count, 1)]
    if top and len(kept) > 4 * top:
        kept = _candidates(kept, first, second, n, measure, top)
    rows = []
    for w1, w2, o11 in kept.itertuples(index=False):
        r1, c1 = float(first[w1]), float(second[w2])
        expected = r1 * c1 / n
        rows.append((w1, w2, int(o11), math.log2(o11 * n / (r1 * c1)), _g2(o11, r1, c1, n),
                     (o11 - expected) / math.sqrt(o11)))
    df = pd.DataFrame(rows, columns=["w1", "w2", "count", *MEASURES])
    df[list(MEASURES)] = df[list(MEASURES)].astype(float).round(3) + 0.0  # no -0.0
    df = df.sort_values([measure, "count", "w1", "w2"], ascending=[False, False, True, True])
    df = df.reset_index(drop=True)
    return df.head(top) if top else df

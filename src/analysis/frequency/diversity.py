"""Lexical diversity (type-token ratio, MATTR, hapaxes) and Zipf's law.

The type-token ratio falls as a text grows, so texts of different lengths are compared with MATTR,
the moving-average type-token ratio (Covington & McFall 2010): the mean TTR of every
``window``-word stretch. Each document's MATTR is computed once (the ``lexical`` table); a
corpus's MATTR is the mean of its documents' MATTR weighted by their words (windows never
straddle two documents).

>>> lexical_diversity("war and peace and war").to_dict()  # doctest: +NORMALIZE_WHITESPACE
{'tokens': 5, 'types': 3, 'ttr': 0.6, 'mattr': 0.6, 'window': 50, 'hapaxes': 1,
 'hapax_share_of_types': 0.333}
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.corpus import Document, as_documents
from analysis.frequency.counts import word_totals
from analysis.tables import TableSpec, per_document
from analysis.tokenise.counting import word_keys

__all__ = ["LEXICAL", "MATTR_WINDOW", "diversity_table", "hapaxes", "lexical_diversity", "mattr",
           "zipf_table"]

#: The MATTR window of the stored ``lexical`` table (the usual choice in the literature).
MATTR_WINDOW = 50


def mattr(ws: Sequence[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average type-token ratio of a word sequence; the plain TTR when the sequence is not
    longer than ``window``; 0.0 for no words. Linear time (numpy), exact.

    >>> mattr(["a", "b", "a", "c"], window=2)
    1.0
    >>> mattr(["a", "a", "a"], window=2)
    0.5
    """
    if window < 1:
        raise ValueError(f"window must be positive, got {window}")
    n = len(ws)
    if n == 0:
        return 0.0
    if n <= window:
        return len(set(ws)) / n
    index: dict[str, int] = {}
    ids = np.fromiter((index.setdefault(w, len(index)) for w in ws), dtype=np.int64, count=n)
    order = np.lexsort((np.arange(n), ids))
    prev = np.full(n, -1, dtype=np.int64)  # previous position of the same word, or -1
    same = ids[order][1:] == ids[order][:-1]
    prev[order[1:][same]] = order[:-1][same]
    pos = np.arange(n, dtype=np.int64)
    # Token i is new (counted) in the windows starting at s, max(i-w+1, prev+1, 0) <= s <=
    # min(i, n-w): sum those counts over all tokens = sum of distinct words over all windows.
    low = np.maximum(np.maximum(pos - window + 1, prev + 1), 0)
    high = np.minimum(pos, n - window)
    total = np.clip(high - low + 1, 0, None).sum()
    return float(total) / ((n - window + 1) * window)


def _lexical_rows(doc: Document) -> list[tuple[int, int, float]]:
    ws = [k for k in word_keys(doc) if k is not None]
    return [(len(ws), len(set(ws)), mattr(ws, MATTR_WINDOW))]


#: One row per document: ``tokens`` (words), ``types`` (distinct words), ``mattr``.
LEXICAL = TableSpec("lexical", (("tokens", "int64"), ("types", "int64"), ("mattr", "float64")),
                    _lexical_rows)


def lexical_diversity(source, *, window: int = MATTR_WINDOW) -> pd.Series:
    """Type-token ratio, MATTR and hapaxes of a text, a corpus or a list of words.

    Index: ``tokens`` (words), ``types`` (distinct words), ``ttr``, ``mattr`` (word-weighted
    mean of the documents' MATTR), ``window``, ``hapaxes`` (words seen once in the whole
    source), ``hapax_share_of_types``.

    >>> lexical_diversity(["a", "b", "a", "c"], window=2).to_dict()
    {'tokens': 4, 'types': 3, 'ttr': 0.75, 'mattr': 1.0, 'window': 2, 'hapaxes': 2,
     'hapax_share_of_types': 0.667}
    """
    if isinstance(source, (list, tuple)) and all(isinstance(w, str) for w in source[:10]):
        ws = list(source)
        counts = pd.Series(ws, dtype=object).value_counts()
        per_doc = [(len(ws), mattr(ws, window) if ws else 0.0)]
    else:
        totals = word_totals(source)
        counts = totals.set_index("word")["count"]
        if window == MATTR_WINDOW:
            lex = per_document(source, LEXICAL)
            per_doc = list(zip(lex["tokens"], lex["mattr"], strict=True))
        else:
            seqs = ([k for k in word_keys(d) if k is not None] for d in as_documents(source))
            per_doc = [(len(ws), mattr(ws, window)) for ws in seqs]
    n = int(counts.sum())
    types = int(len(counts))
    hapax = int((counts == 1).sum())
    weighted = sum(t * m for t, m in per_doc) / n if n else 0.0
    return pd.Series({
        "tokens": n,
        "types": types,
        "ttr": round(types / n, 3) if n else 0.0,
        "mattr": round(weighted, 3),
        "window": window,
        "hapaxes": hapax,
        "hapax_share_of_types": round(hapax / types, 3) if types else 0.0,
    }, dtype=object)


_MEANINGS = {
    "tokens": "words (tokens that are not punctuation)",
    "types": "distinct words",
    "ttr": "type-token ratio: distinct words / words",
    "mattr": "moving-average type-token ratio over windows of {window} words",
    "window": "MATTR window, in words",
    "hapaxes": "words used only once",
    "hapax_share_of_types": "hapaxes / distinct words",
}


def diversity_table(source, *, window: int = MATTR_WINDOW) -> pd.DataFrame:
    """:func:`lexical_diversity` as a table for readers: ``measure``, ``value``, ``meaning``.

    >>> diversity_table("war and peace and war")[["measure", "value"]].values.tolist()[:3]
    [['tokens', 5], ['types', 3], ['ttr', 0.6]]
    """
    d = lexical_diversity(source, window=window)
    return pd.DataFrame({"measure": list(d.index), "value": pd.Series(list(d.values), dtype=object),
                         "meaning": [_MEANINGS[m].format(window=window) for m in d.index]})


def hapaxes(source, *, drop_stopwords: bool = False) -> list[str]:
    """Words that occur exactly once in the whole source, alphabetically.

    >>> hapaxes("war and peace and war")
    ['peace']
    """
    from analysis.tokenise import STOPWORDS

    totals = word_totals(source)
    once = totals[totals["count"] == 1]["word"]
    return sorted(w for w in once if not (drop_stopwords and w in STOPWORDS))


def zipf_table(source, *, top: int | None = None) -> pd.DataFrame:
    """Rank-frequency table for Zipf's law: ``rank``, ``word``, ``count``, ``frequency``
    (share of words), ``rank_x_frequency`` (roughly constant if Zipf holds) and ``zipf_expected``
    (the count Zipf's law predicts from the top word's count: top count / rank).

    >>> zipf_table("a a a a b b c").values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [[1, 'a', 4, 0.571, 0.571, 4.0], [2, 'b', 2, 0.286, 0.571, 2.0],
     [3, 'c', 1, 0.143, 0.429, 1.333]]
    """
    totals = word_totals(source).sort_values(["count", "word"], ascending=[False, True])
    n = int(totals["count"].sum())
    if top:
        totals = totals.head(top)
    top_count = int(totals["count"].iloc[0]) if len(totals) else 0
    rank = np.arange(1, len(totals) + 1)
    freq = totals["count"].to_numpy() / n if n else np.zeros(len(totals))
    return pd.DataFrame({
        "rank": rank,
        "word": totals["word"].to_numpy(),
        "count": totals["count"].astype(int).to_numpy(),
        "frequency": np.round(freq, 3),
        "rank_x_frequency": np.round(rank * freq, 3),
        "zipf_expected": np.round(top_count / rank, 3),
    })

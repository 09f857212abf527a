"""Dispersion: where in a text or corpus words occur, and how evenly.

Three views, from the closest to the widest:

* :func:`dispersion`: every occurrence with its position through its document and through the
  corpus (documents in order), for a dispersion plot (AntConc's concordance plot);
* :func:`dispersion_counts`: one row per document with each word's count, for corpora too large
  to draw occurrence by occurrence;
* :func:`dispersion_measures`: range, Juilland's D and Gries's DP per word.

>>> where = dispersion("War came. Then peace. Then war.", ["war"])
>>> where[["word", "position", "token"]].values.tolist()
[['war', 0.0, 'War'], ['war', 1.0, 'war']]
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.concordance import find, query_tokens
from analysis.frequency.counts import WORDS
from analysis.tables import SIZES, documents_of, per_document, totals
from analysis.tokenise import is_punct

__all__ = ["dispersion", "dispersion_counts", "dispersion_measures"]

_COLUMNS = ["word", "document", "sentence", "index", "position", "corpus_position", "start",
            "end", "token"]


def dispersion(source, targets: Iterable[str], *, ignore_case: bool = True) -> pd.DataFrame:
    """Every occurrence of each target (a word or phrase, read like a KWIC query), with offsets.

    Columns: ``word`` (the target as given), ``document``, ``sentence`` (from 1), ``index``
    (word position in the document, punctuation not counted), ``position`` (0-1 through the
    document), ``corpus_position`` (0-1 through all documents in order, each document taking
    its share of the corpus's words), ``start``, ``end`` (character offsets), ``token`` (the
    text as written). Sorted by document order then offset.

    >>> from analysis.corpus import Document
    >>> docs = [Document("a", "A", "a", "One war."), Document("b", "B", "b", "No war, no peace.")]
    >>> dispersion(docs, ["war"])[["document", "index", "corpus_position"]].values.tolist()
    [['a', 1, 0.2], ['b', 1, 0.6]]
    """
    targets = [t for t in targets if t]
    patterns = {t: query_tokens(t, ignore_case=ignore_case) for t in targets}
    patterns = {t: p for t, p in patterns.items() if p}
    order, counted = _document_words(source)
    sizes = pd.Series(counted, index=order)
    total = float(sizes.sum())
    before = (sizes.cumsum() - sizes).to_dict()
    rows = []
    docs = documents_of(source)
    for doc in docs:
        toks = doc.tokens
        word_index = np.cumsum([0] + [0 if is_punct(t.text) else 1 for t in toks])
        n = int(word_index[-1])
        for target, pattern in patterns.items():
            for i, j in find(doc, [pattern], ignore_case=ignore_case):
                k = int(word_index[i])
                pos = round(k / (n - 1), 4) if n > 1 else 0.0
                through = round((before.get(doc.id, 0) + k) / (total - 1), 4) if total > 1 else 0.0
                rows.append((target, doc.id, toks[i].sentence + 1, k, pos, through,
                             toks[i].start, toks[j - 1].end, doc.text[toks[i].start:
                                                                      toks[j - 1].end]))
    df = pd.DataFrame(rows, columns=_COLUMNS)
    order = {d.id: i for i, d in enumerate(docs)}
    df = df.assign(_o=df["document"].map(order)).sort_values(["_o", "start", "word"])
    return df.drop(columns="_o").reset_index(drop=True)


def _single_words(targets: Iterable[str]) -> dict[str, str]:
    out = {}
    for t in targets:
        toks = query_tokens(t)
        if len(toks) == 1:
            out[t] = toks[0]
    return out


def _document_words(source) -> tuple[list[str], np.ndarray]:
    """The documents that have words, in corpus order, and their numbers of words."""
    sizes = per_document(source, SIZES)
    sizes = sizes[sizes["words"] > 0]
    return sizes["document"].astype(str).tolist(), sizes["words"].to_numpy()


def _hits(source, words: set[str]) -> pd.DataFrame:
    """``document``, ``word``, ``count`` of the given words, from the stored word counts."""
    if not words:
        return pd.DataFrame({"document": [], "word": [], "count": []})
    return totals(source, WORDS, by=["document", "word"], where={"word": sorted(words)})


def dispersion_counts(source, targets: Iterable[str], *, top: int | None = None) -> pd.DataFrame:
    """One row per document: ``document``, ``words`` (its number of words), then one column per
    target word with its count, then ``total`` (all targets); documents with the most
    occurrences first (ties in document order). Targets are single words (a phrase has no
    column). Read from the stored ``words`` table, so it scales to any corpus.

    >>> from analysis.corpus import Document
    >>> docs = [Document("a", "A", "a", "Peace."), Document("b", "B", "b", "War. War.")]
    >>> dispersion_counts(docs, ["war", "peace"]).values.tolist()
    [['b', 2, 2, 0, 2], ['a', 1, 0, 1, 1]]
    """
    wanted = _single_words(targets)
    order, sizes = _document_words(source)
    out = pd.DataFrame({"document": order, "words": sizes.astype(int)})
    hits = _hits(source, set(wanted.values()))
    for target, word in wanted.items():
        c = hits[hits["word"] == word].set_index("document")["count"]
        out[target] = c.reindex(order).fillna(0).astype(int).to_numpy()
    out["total"] = out[list(wanted)].sum(axis=1).astype(int) if wanted else 0
    out["_o"] = range(len(out))
    out = out.sort_values(["total", "_o"], ascending=[False, True]).drop(columns="_o")
    out = out.reset_index(drop=True)
    return out.head(top) if top else out


def dispersion_measures(source, targets: Iterable[str], *, parts: int = 10) -> pd.DataFrame:
    """How evenly each target word is spread: range, Juilland's D and Gries's DP.

    A single document is cut into ``parts`` equal stretches of words; a corpus of several
    documents uses its documents as the parts. ``range`` is the number of parts the word occurs
    in; ``juilland_d`` is 1 for a perfectly even spread and near 0 when the word is bunched
    (Juilland & Chang-Rodriguez 1964; computed on relative frequencies so unequal documents are
    fair); ``dp`` is Gries's (2008) deviation of proportions, 0 for perfectly even, near 1 for
    bunched. Both are NaN when the word does not occur or there is only one part. Columns:
    ``word``, ``count``, ``range``, ``parts``, ``juilland_d``, ``dp``.

    >>> dispersion_measures("a b a b a b a b a b", ["a"], parts=5).iloc[0].to_dict()
    {'word': 'a', 'count': 5, 'range': 5, 'parts': 5, 'juilland_d': 1.0, 'dp': 0.0}
    """
    wanted = _single_words(targets)
    one = len(per_document(source, SIZES)) == 1  # a stored corpus: no text is loaded
    docs = documents_of(source) if one else []
    if one:
        ws = [t.text for t in docs[0].tokens if not is_punct(t.text)]
        norm = [query_tokens(w)[0] if w else w for w in ws]
        k = max(1, min(parts, len(norm)))
        bounds = np.linspace(0, len(norm), k + 1).round().astype(int)
        seqs = [norm[bounds[i]:bounds[i + 1]] for i in range(k)]
        sizes = np.array([len(s) for s in seqs], dtype=float)
        freqs = {w: np.array([s.count(w) for s in seqs], dtype=float) for w in wanted.values()}
    else:
        order, counted = _document_words(source)
        sizes = counted.astype(float)
        hits = _hits(source, set(wanted.values()))
        freqs = {}
        for w in wanted.values():
            c = hits[hits["word"] == w].set_index("document")["count"]
            freqs[w] = c.reindex(order).fillna(0).to_numpy(dtype=float)
    share = sizes / sizes.sum() if sizes.sum() else sizes
    rows = []
    for target, w in wanted.items():
        freq = freqs[w]
        total, k = freq.sum(), len(freq)
        if total == 0 or k < 2:
            rows.append((target, int(total), int((freq > 0).sum()), k, np.nan, np.nan))
            continue
        rel = np.divide(freq, sizes, out=np.zeros_like(freq), where=sizes > 0)
        mean = rel.mean()
        cv = rel.std() / mean if mean else 0.0
        d = 1 - cv / math.sqrt(k - 1)
        dp = 0.5 * np.abs(freq / total - share).sum()
        rows.append((target, int(total), int((freq > 0).sum()), k, round(float(d), 3),
                     round(float(dp), 3) + 0.0))
    return pd.DataFrame(rows, columns=["word", "count", "range", "parts", "juilland_d", "dp"])

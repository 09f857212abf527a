"""Keyness: which words a text uses more (or less) than a reference, by log-likelihood G2 with
its p-value and the log ratio as effect size (the conventions of AntConc and quanteda).

>>> k = keyness("war war war peace", "peace peace peace war", min_count=1)
>>> k[["word", "g2", "log_ratio"]].values.tolist()
[['war', 1.046, 1.585], ['peace', -1.046, -1.585]]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import pandas as pd

from analysis.frequency.counts import word_counts, word_totals
from analysis.tables import SIZES, once_per_corpus, per_document
from analysis.tokenise import STOPWORDS, fold, is_number

__all__ = ["REFERENCE_FLOOR", "english_frequency", "g2", "key_terms", "keyness",
           "keyness_vs_english", "p_value"]


def g2(a: float, b: float, c: float, d: float) -> float:
    """Dunning's (1993) log-likelihood G2 of a word seen ``a`` times in ``c`` words of the target
    and ``b`` times in ``d`` words of the reference (two-sample, 1 degree of freedom; unsigned).

    >>> round(g2(10, 0, 1000, 1000), 3)
    13.863
    """
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    total = 0.0
    if a > 0:
        total += a * math.log(a / e1)
    if b > 0:
        total += b * math.log(b / e2)
    return 2 * total


def p_value(g2: float) -> float:
    """The p-value of a G2 statistic: upper tail of the chi-squared distribution with one
    degree of freedom (3.84 -> 0.05, 6.63 -> 0.01, 10.83 -> 0.001, 15.13 -> 0.0001).

    >>> round(p_value(3.841), 3)
    0.05
    """
    return math.erfc(math.sqrt(max(abs(g2), 0.0) / 2))


def keyness(
    target: Any, reference: Any, *,
    min_count: int = 2, drop_stopwords: bool = False, top: int | None = None,
) -> pd.DataFrame:
    """Words used more (or less) in ``target`` than in ``reference``, with G2 and log ratio.

    Either side may be a text, document, corpus or a ``{word: count}`` mapping. Columns:
    ``word``, ``target``, ``reference`` (counts), ``target_per_1000``, ``reference_per_1000``,
    ``g2`` (log-likelihood, Dunning 1993; signed: negative when the word is *under*-used in the
    target), ``p`` (chi-squared, 1 d.f.), ``log_ratio`` (Hardie 2014: binary log of the ratio
    of relative frequencies, zero counts taken as 0.5; +1 means twice as frequent). Words seen
    fewer than ``min_count`` times in the target are left out. Sorted by ``g2``.

    >>> k = keyness("war war war peace", "peace peace peace war", min_count=1)
    >>> k[["word", "target", "reference", "log_ratio"]].values.tolist()
    [['war', 3, 1, 1.585], ['peace', 1, 3, -1.585]]
    """
    t_counts, t_total = _as_counts(target, drop_stopwords)
    r_counts, r_total = _as_counts(reference, drop_stopwords)
    rows = []
    if not t_total or not r_total:  # nothing to compare: no key words
        t_counts = Counter()
    for w, a in t_counts.items():
        if a < min_count:
            continue
        b = r_counts.get(w, 0)
        stat = g2(a, b, t_total, r_total)
        overuse = a / t_total >= b / r_total
        lr = math.log2(((a or 0.5) / t_total) / ((b or 0.5) / r_total))
        rows.append((w, a, b, a * 1000 / t_total, b * 1000 / r_total,
                     stat if overuse else -stat, p_value(stat), lr))
    df = pd.DataFrame(rows, columns=["word", "target", "reference", "target_per_1000",
                                     "reference_per_1000", "g2", "p", "log_ratio"])
    return _finish_keyness(df, top)


def _finish_keyness(df: pd.DataFrame, top: int | None) -> pd.DataFrame:
    df = df.sort_values(["g2", "word"], ascending=[False, True]).reset_index(drop=True)
    for col, digits in (("target_per_1000", 3), ("reference_per_1000", 3), ("g2", 3),
                        ("log_ratio", 3)):
        df[col] = df[col].round(digits)
    df["p"] = df["p"].map(lambda v: float(f"{v:.3g}"))
    return df.head(top) if top else df


def _as_counts(source, drop_stopwords: bool) -> tuple[Counter, int]:
    if isinstance(source, Mapping):
        counts = Counter({fold(k).lower(): int(v) for k, v in source.items()
                          if not (drop_stopwords and fold(k).lower() in STOPWORDS)})
        return counts, sum(int(v) for v in source.values())
    totals = word_totals(source)
    pairs = zip(totals["word"], totals["count"].astype(int), strict=True)
    counts = Counter({w: c for w, c in pairs if not (drop_stopwords and w in STOPWORDS)})
    return counts, int(totals["count"].sum())


#: Frequencies below this are treated as "not in the reference" (wordfreq's lists stop near 1e-8).
REFERENCE_FLOOR = 1e-9


def english_frequency(word: str) -> float:
    """A word's frequency in general English, from the ``wordfreq`` package (its "best" list).

    wordfreq (Speer 2022) merges Wikipedia, subtitles, news, books, web text and social media;
    its data ships inside the package, nothing is downloaded.

    >>> english_frequency("the") > 0.05 > english_frequency("militia") > 0
    True
    """
    if _LETTERS.fullmatch(word):
        return _plain_frequency(word)
    from wordfreq import word_frequency

    return word_frequency(word, "en")


_LETTERS = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _english() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", "best")


def _plain_frequency(word: str) -> float:
    """``wordfreq.word_frequency(word, "en")`` for a word of lower-case ASCII letters, which
    wordfreq's tokeniser keeps as one token: its list's value rounded to 3 significant digits
    as wordfreq rounds it, without the tokeniser (a corpus has a hundred thousand words)."""
    freq = _english().get(word, 0.0)
    if freq == 0.0:
        return 0.0
    return round(freq, math.floor(-math.log(freq, 10)) + 3)


def keyness_vs_english(
    source, *, min_count: int = 2, drop_stopwords: bool = True, top: int | None = None,
) -> pd.DataFrame:
    """Keyness of a text against general English word frequencies (``wordfreq``).

    The reference is a very large corpus whose proportions are taken as known, so G2 is the
    one-sample log-likelihood of seeing the word ``a`` times in ``n`` words when general English
    predicts ``n * p``. Numbers and the Treebank clitic pieces ("'s", "n't") are left out:
    wordfreq counts them differently (it keeps "don't" whole), so their reference rates are not
    comparable. Words wordfreq does not know get ``in_reference`` False and the floor frequency
    1e-9. Columns: ``word``, ``count``, ``per_1000``, ``english_per_1000``, ``g2`` (signed),
    ``p``, ``log_ratio``, ``in_reference``. A stored corpus computes the table once
    (``source.memo``).
    """
    df = once_per_corpus(source, ("keyness vs English", min_count, drop_stopwords),
                         lambda: _keyness_vs_english(source, min_count, drop_stopwords))
    return (df.head(top) if top else df).copy()


def _keyness_vs_english(source, min_count: int, drop_stopwords: bool) -> pd.DataFrame:
    """The whole table of :func:`keyness_vs_english`."""
    totals = word_totals(source)
    n = int(totals["count"].sum())
    counts = {} if not n else dict(zip(totals["word"], totals["count"].astype(int), strict=True))
    rows = []
    for w, a in counts.items():
        if a < min_count or is_number(w) or w[:1] in "'’" or w in ("n't", "n’t"):
            continue
        if drop_stopwords and w in STOPWORDS:
            continue
        p_ref = english_frequency(w)
        known = p_ref > 0
        p = max(p_ref, REFERENCE_FLOOR)
        expected = n * p
        stat = 2 * (a * math.log(a / expected)
                    + ((n - a) * math.log((n - a) / (n - expected)) if n > a else 0.0))
        overuse = a / n >= p
        rows.append((w, a, a * 1000 / n, p_ref * 1000, stat if overuse else -stat, p_value(stat),
                     math.log2((a / n) / p), known))
    df = pd.DataFrame(rows, columns=["word", "count", "per_1000", "english_per_1000", "g2", "p",
                                     "log_ratio", "in_reference"])
    df = df.sort_values(["g2", "word"], ascending=[False, True]).reset_index(drop=True)
    df["per_1000"] = df["per_1000"].round(3)
    df["english_per_1000"] = df["english_per_1000"].map(lambda v: float(f"{v:.3g}"))
    df["g2"] = df["g2"].round(3)
    df["log_ratio"] = df["log_ratio"].round(3)
    df["p"] = df["p"].map(lambda v: float(f"{v:.3g}"))
    return df


def key_terms(source, *, top: int = 6, min_count: int = 2) -> list[str]:
    """Words worth following through a text: the top key words against general English, filled
    up with the most frequent content words when there are fewer than ``top`` key words (short
    texts). Empty only when the text has no words at all.

    >>> key_terms("Militias took Benghazi. Militias held Benghazi.", top=3)
    ['militias', 'benghazi', 'held']
    """
    has_words = bool(per_document(source, SIZES)["words"].sum())
    terms = keyness_vs_english(source, min_count=min_count, top=top)["word"].tolist() \
        if has_words else []
    if len(terms) < top:
        for w in word_counts(source, drop_stopwords=True, drop_numbers=True)["word"]:
            if w not in terms:
                terms.append(w)
            if len(terms) >= top:
                break
    return terms

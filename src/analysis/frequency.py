"""Word frequency: counts, n-grams, collocations, keyness, lexical diversity, Zipf, dispersion.

Every function takes plain data (a text, a :class:`~analysis.corpus.Document`, a
:class:`~analysis.corpus.Corpus`, or a list of words) and returns a pandas DataFrame with
documented columns, sorted deterministically (ties broken alphabetically).

Relative frequencies are per 1,000 *words*: punctuation is never a word, and the denominator is
the number of words in the text whether or not stopwords are shown, so a word's rate is the same
in every table.

>>> counts = word_counts("The militias took the city. The army left.")
>>> counts.head(3).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'word': 'the', 'count': 3, 'per_1000': 375.0, 'rank': 1},
 {'word': 'army', 'count': 1, 'per_1000': 125.0, 'rank': 2},
 {'word': 'city', 'count': 1, 'per_1000': 125.0, 'rank': 2}]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.corpus import Corpus, Document, as_documents
from analysis.tables import token_table  # noqa: F401  (re-exported for convenience)
from analysis.tokenise import STOPWORDS, Token, is_number, is_punct, normalise

__all__ = [
    "collocations",
    "dispersion",
    "dispersion_measures",
    "english_frequency",
    "hapaxes",
    "keyness",
    "key_terms",
    "keyness_vs_english",
    "lexical_diversity",
    "ngrams",
    "word_counts",
    "words",
    "zipf_table",
]

Source = str | Document | Corpus | Iterable[Document]


# ---------------------------------------------------------------------------------------------
# From text to words

def _doc_tokens(source: Source) -> list[tuple[str, list[Token]]]:
    return [(doc.id, doc.tokens) for doc in as_documents(source)]


def words(
    source: Source, *, lower: bool = True, drop_punct: bool = True, drop_numbers: bool = False,
    drop_stopwords: bool = False, stemmed: bool = False,
) -> list[str]:
    """The words of a text, normalised as asked (see :func:`analysis.tokenise.normalise`).

    Curly apostrophes are written straight, so "Thursday’s" and "Thursday's" count alike.

    >>> words("The U.S. envoy's staff left, Sept. 11.", drop_stopwords=True)
    ['u.s.', 'envoy', 'staff', 'left', 'sept.', '11']
    >>> words("Fighting fighters fought.", stemmed=True)
    ['fight', 'fighter', 'fought']
    """
    out: list[str] = []
    for _doc, toks in _doc_tokens(source):
        out.extend(normalise([t.text for t in toks], lower=lower, drop_punct=drop_punct,
                             drop_numbers=drop_numbers, drop_stopwords=drop_stopwords,
                             stem=stemmed))
    return out


def _word_total(source: Source) -> int:
    return sum(1 for _d, toks in _doc_tokens(source) for t in toks if not is_punct(t.text))


# ---------------------------------------------------------------------------------------------
# Counts

def _counts_frame(counter: Mapping[str, int], total: int, key: str = "word") -> pd.DataFrame:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    df = pd.DataFrame(items, columns=[key, "count"])
    df["per_1000"] = (df["count"] * 1000 / total).round(3) if total else 0.0
    df["rank"] = df["count"].rank(method="min", ascending=False).astype(int)
    return df


def word_counts(
    source: Source, *, lower: bool = True, drop_stopwords: bool = False,
    drop_numbers: bool = False, stemmed: bool = False, top: int | None = None,
) -> pd.DataFrame:
    """Word counts with relative frequency per 1,000 words and rank (ties share a rank).

    ``drop_stopwords`` hides the function words of :data:`analysis.tokenise.STOPWORDS` but the
    per-1,000 denominator stays the number of all words, so rates are comparable across tables.

    >>> word_counts("A war. A war. Peace.", drop_stopwords=True).values.tolist()
    [['war', 2, 400.0, 1], ['peace', 1, 200.0, 2]]
    """
    counter = Counter(words(source, lower=lower, drop_stopwords=drop_stopwords,
                            drop_numbers=drop_numbers, stemmed=stemmed))
    df = _counts_frame(counter, _word_total(source))
    return df.head(top).reset_index(drop=True) if top else df


def _sentence_words(source: Source, *, lower: bool = True) -> list[list[str | None]]:
    """Per sentence, tokens lower-cased with punctuation replaced by None (a barrier)."""
    out: list[list[str | None]] = []
    for _doc, toks in _doc_tokens(source):
        current: list[str | None] = []
        sentence = 0
        for t in toks:
            if t.sentence != sentence and current:
                out.append(current)
                current = []
            sentence = t.sentence
            current.append(None if is_punct(t.text) else normalise([t.text], lower=lower)[0])
        if current:
            out.append(current)
    return out


def ngrams(
    source: Source, *, n: int = 2, drop_stopwords: bool = True, min_count: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """The most frequent n-grams: runs of ``n`` words inside one sentence, not across punctuation.

    With ``drop_stopwords`` an n-gram may not start or end with a stopword ("of the city" goes,
    "city of Benghazi" stays). Columns: ``ngram`` (words joined by spaces), ``count``,
    ``per_1000`` (per 1,000 words), ``rank``.

    >>> ngrams("The armed groups left. The armed groups came back.", n=2).head(2).values.tolist()
    [['armed groups', 2, 222.222, 1], ['came back', 1, 111.111, 2]]
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    counter: Counter[str] = Counter()
    for sent in _sentence_words(source):
        for i in range(len(sent) - n + 1):
            gram = sent[i:i + n]
            if any(w is None for w in gram):
                continue
            if drop_stopwords and (gram[0] in STOPWORDS or gram[-1] in STOPWORDS):
                continue
            counter[" ".join(gram)] += 1  # type: ignore[arg-type]
    if min_count > 1:
        counter = Counter({k: v for k, v in counter.items() if v >= min_count})
    df = _counts_frame(counter, _word_total(source), key="ngram")
    return df.head(top).reset_index(drop=True) if top else df


MEASURES = ("pmi", "g2", "t_score")


def collocations(
    source: Source, *, min_count: int = 2, measure: str = "g2", drop_stopwords: bool = True,
    window: int = 2, top: int | None = 20,
) -> pd.DataFrame:
    """Word pairs that occur together more often than chance, scored three ways (NLTK).

    Pairs are counted inside sentences (``window`` 2 = adjacent words; larger windows count
    pairs up to ``window - 1`` words apart), never across punctuation, and kept when seen at
    least ``min_count`` times. Scores: ``pmi`` (pointwise mutual information, Church & Hanks
    1990), ``g2`` (log-likelihood ratio, Dunning 1993) and ``t_score``. Sorted by ``measure``.

    >>> text = "Armed groups fought. Armed groups won. The groups met armed men."
    >>> collocations(text, min_count=2)[["w1", "w2", "count"]].values.tolist()
    [['armed', 'groups', 2]]
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, got {measure!r}")
    sents = [[w for w in s] for s in _sentence_words(source)]
    finder = BigramCollocationFinder.from_documents(sents) if window == 2 else \
        BigramCollocationFinder.from_words(
            [w for s in sents for w in (*s, *([None] * (window - 1)))], window_size=window)
    finder.apply_word_filter(lambda w: w is None or (drop_stopwords and w in STOPWORDS))
    finder.apply_freq_filter(min_count)
    m = BigramAssocMeasures()
    scores = {name: dict(finder.score_ngrams(fn)) for name, fn in
              (("pmi", m.pmi), ("g2", m.likelihood_ratio), ("t_score", m.student_t))}
    rows = [(w1, w2, finder.ngram_fd[(w1, w2)], scores["pmi"][(w1, w2)],
             scores["g2"][(w1, w2)], scores["t_score"][(w1, w2)])
            for (w1, w2) in scores["pmi"]]
    df = pd.DataFrame(rows, columns=["w1", "w2", "count", "pmi", "g2", "t_score"])
    df = df.sort_values([measure, "count", "w1", "w2"], ascending=[False, False, True, True])
    df[list(MEASURES)] = df[list(MEASURES)].round(3)
    df = df.reset_index(drop=True)
    return df.head(top) if top else df


# ---------------------------------------------------------------------------------------------
# Keyness

def _g2(a: float, b: float, c: float, d: float) -> float:
    """Dunning's log-likelihood for a word seen a times in c words and b times in d words."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    total = 0.0
    if a > 0:
        total += a * math.log(a / e1)
    if b > 0:
        total += b * math.log(b / e2)
    return 2 * total


def _p_chi2_1(g2: float) -> float:
    """Upper tail of the chi-squared distribution with one degree of freedom."""
    return math.erfc(math.sqrt(max(g2, 0.0) / 2))


def keyness(
    target: Source | Mapping[str, int], reference: Source | Mapping[str, int], *,
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
    if not t_total or not r_total:
        raise ValueError("keyness needs words on both sides")
    rows = []
    for w, a in t_counts.items():
        if a < min_count:
            continue
        b = r_counts.get(w, 0)
        g2 = _g2(a, b, t_total, r_total)
        overuse = a / t_total >= b / r_total
        lr = math.log2(((a or 0.5) / t_total) / ((b or 0.5) / r_total))
        rows.append((w, a, b, a * 1000 / t_total, b * 1000 / r_total,
                     g2 if overuse else -g2, _p_chi2_1(g2), lr))
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
        counts = Counter({k: int(v) for k, v in source.items()
                          if not (drop_stopwords and k in STOPWORDS)})
        return counts, sum(int(v) for v in source.values())
    ws = words(source)
    counts = Counter(w for w in ws if not (drop_stopwords and w in STOPWORDS))
    return counts, len(ws)


#: Frequencies below this are treated as "not in the reference" (wordfreq's lists stop near 1e-8).
REFERENCE_FLOOR = 1e-9


def english_frequency(word: str) -> float:
    """A word's frequency in general English, from the ``wordfreq`` package (its "best" list).

    wordfreq (Speer 2022) merges Wikipedia, subtitles, news, books, web text and social media;
    its data ships inside the package, nothing is downloaded.

    >>> english_frequency("the") > 0.05 > english_frequency("militia") > 0
    True
    """
    from wordfreq import word_frequency

    return word_frequency(word, "en")


def keyness_vs_english(
    source: Source, *, min_count: int = 2, drop_stopwords: bool = True, top: int | None = None,
) -> pd.DataFrame:
    """Keyness of a text against general English word frequencies (``wordfreq``).

    The reference is a very large corpus whose proportions are taken as known, so G2 is the
    one-sample log-likelihood of seeing the word ``a`` times in ``n`` words when general English
    predicts ``n * p``. Numbers and the Treebank clitic pieces ("'s", "n't") are left out:
    wordfreq counts them differently (it keeps "don't" whole), so their reference rates are not
    comparable. Words wordfreq does not know get ``in_reference`` False and the floor frequency
    1e-9. Columns: ``word``, ``count``, ``per_1000``, ``english_per_1000``, ``g2`` (signed),
    ``p``, ``log_ratio``, ``in_reference``.
    """
    ws = words(source)
    n = len(ws)
    if not n:
        raise ValueError("keyness needs words")
    counts = Counter(ws)
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
        g2 = 2 * (a * math.log(a / expected)
                  + ((n - a) * math.log((n - a) / (n - expected)) if n > a else 0.0))
        overuse = a / n >= p
        rows.append((w, a, a * 1000 / n, p_ref * 1000, g2 if overuse else -g2, _p_chi2_1(g2),
                     math.log2((a / n) / p), known))
    df = pd.DataFrame(rows, columns=["word", "count", "per_1000", "english_per_1000", "g2", "p",
                                     "log_ratio", "in_reference"])
    df = df.sort_values(["g2", "word"], ascending=[False, True]).reset_index(drop=True)
    df["per_1000"] = df["per_1000"].round(3)
    df["english_per_1000"] = df["english_per_1000"].map(lambda v: float(f"{v:.3g}"))
    df["g2"] = df["g2"].round(3)
    df["log_ratio"] = df["log_ratio"].round(3)
    df["p"] = df["p"].map(lambda v: float(f"{v:.3g}"))
    return df.head(top) if top else df


def key_terms(source: Source, *, n: int = 6, min_count: int = 2) -> list[str]:
    """Words worth following through a text: the top key words against general English, filled
    up with the most frequent content words when there are fewer than ``n`` key words (short
    texts). Empty only when the text has no words at all.

    >>> key_terms("Militias took Benghazi. Militias held Benghazi.", n=3)
    ['militias', 'benghazi', 'held']
    """
    terms = keyness_vs_english(source, min_count=min_count, top=n)["word"].tolist() \
        if words(source) else []
    if len(terms) < n:
        for w in word_counts(source, drop_stopwords=True, drop_numbers=True)["word"]:
            if w not in terms:
                terms.append(w)
            if len(terms) >= n:
                break
    return terms


# ---------------------------------------------------------------------------------------------
# Lexical diversity and Zipf

def lexical_diversity(source: Source | Sequence[str], *, window: int = 50) -> pd.Series:
    """Type-token ratio, MATTR, hapaxes.

    ``ttr`` falls as a text grows, so texts of different lengths are compared with ``mattr``,
    the moving-average type-token ratio (Covington & McFall 2010): the mean TTR of every
    ``window``-word stretch (the plain TTR when the text is shorter than the window).

    >>> diversity = lexical_diversity(["a", "b", "a", "c"], window=2)
    >>> diversity.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'tokens': 4, 'types': 3, 'ttr': 0.75, 'mattr': 1.0, 'window': 2, 'hapaxes': 2,
     'hapax_share_of_types': 0.667}
    """
    ws = list(source) if _is_word_list(source) else words(source)
    n = len(ws)
    counts = Counter(ws)
    types = len(counts)
    hapax = sum(1 for v in counts.values() if v == 1)
    return pd.Series({
        "tokens": n,
        "types": types,
        "ttr": round(types / n, 3) if n else 0.0,
        "mattr": round(_mattr(ws, window), 3) if n else 0.0,
        "window": window,
        "hapaxes": hapax,
        "hapax_share_of_types": round(hapax / types, 3) if types else 0.0,
    }, dtype=object)


def _is_word_list(source) -> bool:
    return isinstance(source, (list, tuple)) and all(isinstance(w, str) for w in source[:10])


def _mattr(ws: Sequence[str], window: int) -> float:
    n = len(ws)
    if window < 1:
        raise ValueError(f"window must be positive, got {window}")
    if n <= window:
        return len(set(ws)) / n
    counts: Counter[str] = Counter(ws[:window])
    total = len(counts)
    for i in range(window, n):
        out, inc = ws[i - window], ws[i]
        counts[out] -= 1
        if counts[out] == 0:
            del counts[out]
        counts[inc] += 1
        total += len(counts)
    return total / ((n - window + 1) * window)


def hapaxes(source: Source, *, drop_stopwords: bool = False) -> list[str]:
    """Words that occur exactly once, alphabetically.

    >>> hapaxes("war and peace and war")
    ['peace']
    """
    counts = Counter(words(source, drop_stopwords=drop_stopwords))
    return sorted(w for w, c in counts.items() if c == 1)


def zipf_table(source: Source, *, top: int | None = None) -> pd.DataFrame:
    """Rank-frequency table for Zipf's law: ``rank``, ``word``, ``count``, ``frequency``
    (share of words), ``rank_x_frequency`` (roughly constant if Zipf holds) and ``zipf_expected``
    (the count Zipf's law predicts from the top word's count: top count / rank).

    >>> zipf_table("a a a a b b c").values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [[1, 'a', 4, 0.571, 0.571, 4.0], [2, 'b', 2, 0.286, 0.571, 2.0],
     [3, 'c', 1, 0.143, 0.429, 1.333]]
    """
    counts = Counter(words(source))
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    n = sum(counts.values())
    rows = []
    top_count = items[0][1] if items else 0
    for rank, (w, c) in enumerate(items, start=1):
        f = c / n
        rows.append((rank, w, c, round(f, 3), round(rank * f, 3), round(top_count / rank, 3)))
    df = pd.DataFrame(rows, columns=["rank", "word", "count", "frequency", "rank_x_frequency",
                                     "zipf_expected"])
    return df.head(top) if top else df


# ---------------------------------------------------------------------------------------------
# Dispersion

def dispersion(source: Source, targets: Iterable[str], *, lower: bool = True) -> pd.DataFrame:
    """Where each target word occurs: one row per occurrence, with offsets.

    Columns: ``word`` (the target as given), ``document``, ``sentence``, ``index`` (word position
    in the document, punctuation not counted), ``position`` (0-1 through the document),
    ``start``, ``end`` (character offsets), ``token`` (the exact text).

    >>> where = dispersion("War came. Then peace. Then war.", ["war"])
    >>> where[["word", "position", "token"]].values.tolist()
    [['war', 0.0, 'War'], ['war', 1.0, 'war']]
    """
    wanted = {(t.lower() if lower else t): t for t in targets}
    rows = []
    for doc_id, toks in _doc_tokens(source):
        ws = [t for t in toks if not is_punct(t.text)]
        n = len(ws)
        for i, t in enumerate(ws):
            key = t.text.lower() if lower else t.text
            if key in wanted:
                rows.append((wanted[key], doc_id, t.sentence, i,
                             round(i / (n - 1), 4) if n > 1 else 0.0, t.start, t.end, t.text))
    df = pd.DataFrame(rows, columns=["word", "document", "sentence", "index", "position", "start",
                                     "end", "token"])
    return df


def dispersion_measures(
    source: Source, targets: Iterable[str], *, parts: int = 10, lower: bool = True,
) -> pd.DataFrame:
    """How evenly each target word is spread: range, Juilland's D and Gries's DP.

    A single document is cut into ``parts`` equal stretches of words; a corpus of several
    documents uses its documents as the parts. ``range`` is the number of parts the word occurs
    in; ``juilland_d`` is 1 for a perfectly even spread and near 0 when the word is bunched
    (Juilland & Chang-Rodriguez 1964; computed on relative frequencies so unequal documents are
    fair); ``dp`` is Gries's (2008) deviation of proportions, 0 for perfectly even, near 1 for
    bunched.
    """
    docs = _doc_tokens(source)
    wanted = [t.lower() if lower else t for t in targets]
    seqs: list[list[str]] = []
    if len(docs) == 1:
        ws = [(t.text.lower() if lower else t.text) for t in docs[0][1] if not is_punct(t.text)]
        k = max(1, min(parts, len(ws)))
        bounds = np.linspace(0, len(ws), k + 1).round().astype(int)
        seqs = [ws[bounds[i]:bounds[i + 1]] for i in range(k)]
    else:
        seqs = [[(t.text.lower() if lower else t.text) for t in toks if not is_punct(t.text)]
                for _d, toks in docs]
    sizes = np.array([len(s) for s in seqs], dtype=float)
    share = sizes / sizes.sum() if sizes.sum() else sizes
    rows = []
    for w in wanted:
        freq = np.array([s.count(w) for s in seqs], dtype=float)
        total = freq.sum()
        k = len(seqs)
        if total == 0 or k < 2:
            rows.append((w, int(total), int((freq > 0).sum()), k, np.nan, np.nan))
            continue
        rel = np.divide(freq, sizes, out=np.zeros_like(freq), where=sizes > 0)
        mean = rel.mean()
        cv = rel.std() / mean if mean else 0.0
        d = 1 - cv / math.sqrt(k - 1)
        dp = 0.5 * np.abs(freq / total - share).sum()
        rows.append((w, int(total), int((freq > 0).sum()), k, round(float(d), 3),
                     round(float(dp), 3)))
    return pd.DataFrame(rows, columns=["word", "count", "range", "parts", "juilland_d", "dp"])

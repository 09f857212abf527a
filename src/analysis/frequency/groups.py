"""Words by group: key words of each group against the rest of the corpus, and the relative
frequency of chosen terms in each group (quanteda's ``textstat_keyness(target = ...)`` and
``textstat_frequency(groups = ...)``; AntConc's keyword list).

A *group* is the set of documents sharing a value of one metadata column (``by``: publisher,
section, folder, ...). Documents without a value form the group ``"(none)"``. Group values are
shown as text and groups are listed in alphabetical order.

A group with too little text is *flagged, not ranked*: with fewer than :data:`MIN_DOCUMENTS`
documents or fewer than :data:`MIN_WORDS` words, its key words describe one or two articles rather
than the group (a single article's topic words dominate any comparison), so
:func:`keyness_by_group` lists no key words for it. Its words still belong to "the rest of the
corpus" for every other group. Both thresholds are arguments of every function.

>>> docs = [Document(f"{o}{i}", "t", "s", text, meta={"outlet": o})
...         for o, text in (("a", "War war war peace."), ("b", "Peace peace war talks."))
...         for i in range(3)]
>>> keyness_by_group(docs, by="outlet", min_words=1)[["group", "word", "g2"]].values.tolist()
[['a', 'war', 3.139], ['b', 'peace', 1.019]]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.corpus import Document  # noqa: F401 (used in the examples)
from analysis.frequency.counts import WORDS
from analysis.frequency.keywords import g2, p_value
from analysis.tables import SIZES, TableSpec, per_document, totals
from analysis.tokenise import STOPWORDS, fold, is_number

__all__ = ["MIN_DOCUMENTS", "MIN_WORDS", "NONE", "document_groups", "frequency_by_group",
           "group_label", "group_table", "group_word_totals", "keyness_by_group", "too_small"]

#: A group needs at least this many documents to be ranked (see the module's docstring).
MIN_DOCUMENTS = 3
#: ... and at least this many words (tokens that are not punctuation).
MIN_WORDS = 1000
#: The group of documents that have no value in the ``by`` column.
NONE = "(none)"

KEYNESS_COLUMNS = ["group", "rank", "word", "target", "reference", "target_per_1000",
                   "reference_per_1000", "range", "g2", "p", "log_ratio"]
FREQUENCY_COLUMNS = ["group", "term", "count", "range", "documents", "words", "per_10k",
                     "too_small"]


def group_label(value: Any) -> str:
    """A metadata value as a group name: text, with a missing value (None, NaN, empty or blank
    text) as :data:`NONE`.

    >>> [group_label(v) for v in ("BBC", 2016, None, float("nan"), " ")]
    ['BBC', '2016', '(none)', '(none)', '(none)']
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return NONE
    text = str(value).strip()
    return text if text else NONE


def group_table(source: Any, spec: TableSpec, by: str) -> pd.DataFrame:
    """The per-document ``spec`` table of ``source`` with a ``group`` column (the ``by`` metadata
    value of each row's document, through :func:`group_label`) after the spec's columns.

    Raises ``ValueError`` naming ``by`` and the metadata columns the documents have when ``by``
    is not one of them (or is the name of one of the table's own columns).

    >>> docs = [Document("d1", "t", "s", "Rain.", meta={"desk": "news"})]
    >>> group_table(docs, SIZES, "desk")[["document", "words", "group"]].values.tolist()
    [['d1', 1, 'news']]
    >>> group_table(docs, SIZES, "outlet")
    Traceback (most recent call last):
    ...
    ValueError: cannot group by 'outlet': no metadata column 'outlet'; the documents have: ...
    """
    _check_by(by, spec)
    try:
        table = per_document(source, spec, meta=(by,))
    except KeyError as error:
        raise ValueError(f"cannot group by {by!r}: {error.args[0]}") from None
    codes, uniques = pd.factorize(table.pop(by).astype(object))  # missing values: code -1
    names = np.array([group_label(u) for u in uniques] + [NONE], dtype=object)
    table["group"] = names[codes]
    return table


def _check_by(by: Any, spec: TableSpec) -> None:
    if not isinstance(by, str) or not by:
        raise ValueError(f"by must name a metadata column, got {by!r}")
    if by in spec.names or by == "group":
        raise ValueError(f"cannot group by {by!r}: it is a column of the {spec.name!r} table, "
                         "not document metadata")


def document_groups(source: Any, by: str) -> pd.DataFrame:
    """Each document's group: ``document``, ``group`` (one row per document, in order).

    >>> docs = [Document("d1", "t", "s", "Rain.", meta={"desk": "news"}),
    ...         Document("d2", "t", "s", "Sun.", meta={})]
    >>> document_groups(docs, "desk").values.tolist()
    [['d1', 'news'], ['d2', '(none)']]
    """
    return group_table(source, SIZES, by)[["document", "group"]]


def too_small(documents: int, words: int, *, min_documents: int = MIN_DOCUMENTS,
              min_words: int = MIN_WORDS) -> bool:
    """Whether a group of ``documents`` documents and ``words`` words is too small to rank.

    >>> too_small(2, 50_000), too_small(3, 999), too_small(3, 1000)
    (True, True, False)
    """
    return documents < min_documents or words < min_words


def _sizes(source: Any, by: str) -> pd.DataFrame:
    """Per group (index, alphabetical): ``documents`` (those with a word) and ``words``, from
    the one-row-per-document ``sizes`` table."""
    sizes = group_table(source, SIZES, by)
    sizes = sizes[sizes["words"] > 0]
    out = sizes.groupby("group", sort=True).agg(documents=("document", "size"),
                                                words=("words", "sum"))
    return out.astype("int64")


def group_word_totals(source: Any, by: str, words: Sequence[str] | None = None
                      ) -> pd.DataFrame:
    """Per group and word: ``group`` (:func:`group_label`), ``word``, ``target`` (occurrences in
    the group) and ``range`` (documents of the group holding it), summed from the stored
    ``words`` table part by part (:func:`analysis.tables.totals`); only ``words`` when given.
    Raises ``ValueError`` as :func:`group_table` does for an unknown ``by``.

    >>> docs = [Document("a", "t", "s", "War. War.", meta={"desk": "x"}),
    ...         Document("b", "t", "s", "War, peace.", meta={"desk": "x"})]
    >>> group_word_totals(docs, "desk").sort_values("word").values.tolist()
    [['x', 'peace', 1, 1], ['x', 'war', 3, 2]]
    """
    _check_by(by, WORDS)
    where = {"word": list(words)} if words is not None else None
    try:
        out = totals(source, WORDS, by=["group", "word"], meta=by, where=where, rows="range")
    except KeyError as error:
        raise ValueError(f"cannot group by {by!r}: {error.args[0]}") from None
    labels = {g: group_label(g) for g in out["group"].unique()}
    out["group"] = out["group"].map(labels)
    if len(set(labels.values())) < len(labels):  # " BBC" and "BBC" are one group
        out = out.groupby(["group", "word"], sort=False).sum().reset_index()
    return out.rename(columns={"count": "target"})[["group", "word", "target", "range"]]


def _keep_word(word: str, drop_stopwords: bool) -> bool:
    if is_number(word) or word[:1] == "'" or word == "n't":
        return False
    return not (drop_stopwords and word in STOPWORDS)


def keyness_by_group(
    source: Any, *, by: str, top: int | None = 20, min_count: int = 5,
    drop_stopwords: bool = False, direction: str = "over",
    min_documents: int = MIN_DOCUMENTS, min_words: int = MIN_WORDS,
) -> pd.DataFrame:
    """Key words of each group against the rest of the corpus: log-likelihood G2 with its
    p-value, and the log ratio as effect size (the conventions of
    :func:`analysis.frequency.keyness`, AntConc and quanteda).

    For a word seen ``a`` times in the group's ``c`` words and ``b`` times in the other
    documents' ``d`` words: ``g2`` is Dunning's (1993) log-likelihood (1 d.f.), positive when
    the word is relatively more frequent in the group, negative when less; ``p`` its chi-squared
    p-value; ``log_ratio`` (Hardie 2014) is ``log2((a / c) / (b / d))`` with a zero count taken
    as 0.5 (+1: twice as frequent in the group; with a zero and a rest of very few words
    the 0.5 can outweigh the difference, so read such a ratio with ``reference``). Numbers
    and the clitic pieces of the
    tokeniser ("'s", "n't", "'re") are left out; ``drop_stopwords`` also leaves out the
    stopwords (the totals ``c`` and ``d`` stay all words).

    Arguments: ``by`` a metadata column; ``top`` rows per group (None: all); ``min_count``
    the fewest occurrences in the group for a word to be listed; ``direction`` "over" (the
    words the group uses more, largest G2 first) or "under" (the words it uses less, most
    negative first); ``min_documents``, ``min_words``: groups smaller than either are too small
    and get no rows (:func:`too_small`).

    Returns one row per group and word: ``group``, ``rank`` (from 1 within the group),
    ``word``, ``target`` (count in the group), ``reference`` (count in the rest),
    ``target_per_1000``, ``reference_per_1000`` (per 1,000 words), ``range`` (documents of the
    group containing the word, AntConc's "range": a key word from one article is weak
    evidence), ``g2``,
    ``p``, ``log_ratio``. Groups are in alphabetical order. A corpus with only one group has no
    rest to compare with and gives no rows. Raises ``ValueError`` for an unknown ``by`` or
    ``direction``.

    >>> docs = [Document(f"{o}{i}", "t", "s", text, meta={"outlet": o})
    ...         for o, text in (("a", "War war war peace."), ("b", "Peace peace war talks."))
    ...         for i in range(3)]
    >>> keyness_by_group(docs, by="outlet", min_words=1, min_count=1, top=2)[
    ...     ["group", "rank", "word", "target", "reference", "g2", "log_ratio"]].values.tolist()
    [['a', 1, 'war', 9, 3, 3.139, 1.585], ['b', 1, 'talks', 3, 0, 4.159, 2.585],
     ['b', 2, 'peace', 6, 3, 1.019, 1.0]]
    """
    if direction not in ("over", "under"):
        raise ValueError(f"direction must be 'over' or 'under', got {direction!r}")
    counts = group_word_totals(source, by)
    sizes = _sizes(source, by)
    total = int(sizes["words"].sum())
    counts["corpus"] = counts.groupby("word", sort=False)["target"].transform("sum")
    counts = counts[counts["target"] >= min_count]
    rows = []
    for group, mine in counts.groupby("group", sort=True):
        n_docs, c = int(sizes.at[group, "documents"]), int(sizes.at[group, "words"])
        d = total - c
        if d <= 0 or too_small(n_docs, c, min_documents=min_documents, min_words=min_words):
            continue
        for word, a, docs, n in zip(mine["word"].tolist(), mine["target"].tolist(),
                                    mine["range"].tolist(), mine["corpus"].tolist(),
                                    strict=True):
            if not _keep_word(word, drop_stopwords):
                continue
            b = n - a
            stat = g2(a, b, c, d)
            sign = 1 if a / c >= b / d else -1
            lr = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
            rows.append((group, word, a, b, a * 1000 / c, b * 1000 / d, docs, sign * stat,
                         p_value(stat), lr))
    return _rank_keyness(rows, top, direction)


def _rank_keyness(rows: list[tuple], top: int | None, direction: str) -> pd.DataFrame:
    columns = [c for c in KEYNESS_COLUMNS if c != "rank"]
    df = pd.DataFrame(rows, columns=columns)
    over = direction == "over"
    df = df[df["g2"] > 0] if over else df[df["g2"] < 0]
    df = df.sort_values(["group", "g2", "word"], ascending=[True, not over, True])
    if top:
        df = df.groupby("group", sort=False).head(top)
    df = df.reset_index(drop=True)
    df.insert(1, "rank", (df.groupby("group", sort=False).cumcount() + 1).astype("int64"))
    for col in ("target_per_1000", "reference_per_1000", "g2", "log_ratio"):
        df[col] = df[col].astype(float).round(3)
    df["p"] = [float(f"{v:.3g}") for v in df["p"]]
    for col in ("target", "reference", "range"):
        df[col] = df[col].astype("int64")
    return df[KEYNESS_COLUMNS]


def _terms(terms: str | Iterable[str]) -> list[str]:
    if isinstance(terms, str):
        terms = [terms]
    out: list[str] = []
    for term in terms:
        key = fold(str(term)).strip().lower()
        if not key or len(key.split()) != 1:
            raise ValueError(f"each term must be one word, got {term!r} (for phrases use "
                             "analysis.concordance.kwic)")
        if key not in out:
            out.append(key)
    return out


def frequency_by_group(
    source: Any, terms: str | Sequence[str], *, by: str,
    min_documents: int = MIN_DOCUMENTS, min_words: int = MIN_WORDS,
) -> pd.DataFrame:
    """How often each of ``terms`` occurs in each group, per 10,000 words.

    Terms are single words, matched folded and lower-cased like every count of the package
    ("Libya's" is the words "libya" and "'s"). Returns one row per group and term (groups in
    alphabetical order, terms in the order given, zero counts included): ``group``, ``term``,
    ``count``, ``range`` (documents of the group containing the term), ``documents`` (all
    documents of the group with a word), ``words`` (all words of the group), ``per_10k``
    (``count * 10000 / words``, rounded to 2 decimals) and
    ``too_small`` (:func:`too_small`: a rate from so little text is shown but should not be
    compared). Raises ``ValueError`` for an unknown ``by`` or a term of several words.

    >>> docs = [Document("a", "t", "s", "War and war.", meta={"outlet": "X"}),
    ...         Document("b", "t", "s", "Peace talks.", meta={"outlet": "Y"})]
    >>> frequency_by_group(docs, ["war", "Peace"], by="outlet", min_words=1,
    ...                    min_documents=1).values.tolist()
    [['X', 'war', 2, 1, 1, 3, 6666.67, False], ['X', 'peace', 0, 0, 1, 3, 0.0, False],
     ['Y', 'war', 0, 0, 1, 2, 0.0, False], ['Y', 'peace', 1, 1, 1, 2, 5000.0, False]]
    """
    wanted = _terms(terms)
    sizes = _sizes(source, by)
    found = group_word_totals(source, by, wanted).rename(columns={"target": "count"})
    found = found.set_index(["group", "word"])[["count", "range"]]
    rows = []
    for group, size in sizes.iterrows():
        n_docs, n_words = int(size["documents"]), int(size["words"])
        small = too_small(n_docs, n_words, min_documents=min_documents, min_words=min_words)
        for term in wanted:
            count, docs = (found.loc[(group, term)].tolist() if (group, term) in found.index
                           else (0, 0))
            rate = round(count * 10000 / n_words, 2) if n_words else 0.0
            rows.append((group, term, int(count), int(docs), n_docs, n_words, rate, small))
    return pd.DataFrame(rows, columns=FREQUENCY_COLUMNS)

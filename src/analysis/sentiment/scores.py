"""VADER scores per sentence and per document, the arc, the extremes, lexicon coverage.

VADER (Hutto & Gilbert 2014) is a lexicon of about 7,500 words and emoticons rated by people
from -4 to +4, plus rules for negation ("not good"), intensifiers ("very good"), capitals
("GOOD"), "but" and exclamation marks. Scores here are exactly those of VADER's reference
implementation (the ``vaderSentiment`` package); :mod:`analysis.sentiment.vader` computes them
faster and records how each word contributed.

``compound`` runs from -1 (most negative) to +1 (most positive); the standard labels are
positive at >= 0.05, negative at <= -0.05, neutral between.

>>> polarity("The rescue was a great success.")["compound"]
0.9022
>>> label(-0.4)
'negative'
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.corpus import Document, Source
from analysis.sentiment import vader
from analysis.tables import WORDS, TableSpec, per_document, totals
from analysis.tokenise import STOPWORDS, is_number
from analysis.tokenise.counting import word_keys

__all__ = [
    "COLUMNS",
    "SENTENCES",
    "THRESHOLD",
    "arc",
    "document_summary",
    "explain",
    "explain_extreme",
    "extremes",
    "label",
    "lexicon_coverage",
    "polarity",
    "sentence_table",
    "tone",
]

THRESHOLD = 0.05


def polarity(text: str) -> dict[str, float]:
    """VADER's scores for a text: ``neg``, ``neu``, ``pos`` (shares) and ``compound`` (-1..1).

    Identical to ``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer().polarity_scores``
    of the text with curly apostrophes and quotes folded (``analysis.tokenise.fold``): "isn’t"
    negates as "isn't" does, which the reference misses (see :mod:`analysis.sentiment.vader`).

    >>> polarity("The attack killed three people.")
    {'neg': 0.717, 'neu': 0.283, 'pos': 0.0, 'compound': -0.8225}
    """
    return vader.polarity(text)


def label(compound: float, *, threshold: float = THRESHOLD) -> str:
    """'positive', 'negative' or 'neutral' by VADER's standard +-0.05 thresholds.

    >>> [label(x) for x in (0.05, 0.0499, -0.05)]
    ['positive', 'neutral', 'negative']
    """
    if compound >= threshold:
        return "positive"
    if compound <= -threshold:
        return "negative"
    return "neutral"


def _sentence_rows(doc: Document) -> list[tuple]:
    text = doc.text
    spans = doc.sentence_spans
    words = [0] * len(spans)
    for t, key in zip(doc.tokens, word_keys(doc), strict=True):
        if key is not None:  # a word: not punctuation (is_punct)
            words[t.sentence] += 1
    rows = []
    score = vader.polarity
    for i, (start, end) in enumerate(spans):
        sentence = text[start:end]
        p = score(sentence)
        rows.append((i + 1, start, end, words[i], sentence, p["neg"], p["neu"], p["pos"],
                     p["compound"]))
    return rows


#: The per-document table of sentence scores (:class:`analysis.tables.TableSpec`): one row per
#: sentence, ``sentence`` (numbered from 1 in each document), ``start`` and ``end`` (character
#: offsets into the document's text: ``text[start:end]`` is the sentence), ``words`` (tokens
#: that are not punctuation), ``text``, and VADER's ``neg``, ``neu``, ``pos`` (shares of the
#: sentence, 0-1) and ``compound`` (-1..1). The store computes it once per document.
SENTENCES = TableSpec(
    "sentences",
    (("sentence", "int32"), ("start", "int64"), ("end", "int64"), ("words", "int32"),
     ("text", "string"), ("neg", "float64"), ("neu", "float64"), ("pos", "float64"),
     ("compound", "float64")),
    _sentence_rows,
)

#: The columns of :func:`sentence_table`.
COLUMNS = [*SENTENCES.names, "label"]


def sentence_table(source: Source, *, threshold: float = THRESHOLD,
                   meta: Sequence[str] = (), text: bool = True) -> pd.DataFrame:
    """One row per sentence: the :data:`SENTENCES` table of every document, with its ``label``.

    Columns: ``document``, ``sentence`` (from 1 in each document), ``start``, ``end``
    (``doc.text[start:end]`` is the sentence), ``words``, ``text`` (left out with
    ``text=False``: the scores of a large corpus without its text, a tenth of the memory),
    ``neg``, ``neu``, ``pos``, ``compound``, ``label`` ("positive", "neutral", "negative" by
    ``threshold``), then the metadata columns named in ``meta`` (``KeyError`` for one the
    documents lack). ``source`` is a string, Document, Corpus, list of Documents or a stored
    corpus (:func:`analysis.tables.per_document`): either way the same table.

    >>> table = sentence_table("Aid arrived. Fighting killed ten.")
    >>> table[["sentence", "text", "compound", "label"]].values.tolist()
    [[1, 'Aid arrived.', 0.0, 'neutral'], [2, 'Fighting killed ten.', -0.7906, 'negative']]
    >>> sentence_table("Aid arrived.", text=False).columns.tolist()[:6]
    ['document', 'sentence', 'start', 'end', 'words', 'neg']
    """
    names = [c for c in SENTENCES.names if text or c != "text"]
    stored = getattr(source, "table", None)
    if callable(stored) and not text:
        table = stored(SENTENCES, meta=meta, columns=names[1:])
    else:
        table = per_document(source, SENTENCES, meta=meta)
        if not text:
            table = table.drop(columns="text")
    table.insert(len(names), "label", _labels(table["compound"], threshold))
    return table


def _labels(compound: pd.Series, threshold: float) -> list[str]:
    """:func:`label` of every score (the same comparisons, done by numpy)."""
    values = compound.to_numpy(dtype=float)
    names = np.array(["neutral", "positive", "negative"], dtype=object)
    which = np.where(values >= threshold, 1, np.where(values <= -threshold, 2, 0))
    return names[which].tolist()


def _scores(source: Source, table: pd.DataFrame | None, threshold: float) -> pd.DataFrame:
    """The sentence table given, or the source's without its text."""
    return sentence_table(source, threshold=threshold, text=False) if table is None else table


def document_summary(source: Source, *, table: pd.DataFrame | None = None,
                     threshold: float = THRESHOLD, whole_text: bool = False) -> pd.DataFrame:
    """One row per document: sentence counts by label, the mean and extreme sentence scores.

    Columns: ``document``, ``title``, ``sentences``, ``positive``, ``neutral``, ``negative``
    (sentences with each label), ``mean_compound`` (rounded to 4 places), ``min_compound``,
    ``max_compound``, ``label`` (of the mean), and with ``whole_text`` also
    ``whole_text_compound``: VADER run on the whole text at once. ``table`` is the
    :func:`sentence_table` of ``source`` when already at hand. A document with no sentence gets
    zeros and "neutral". Read from the stored sentence scores, so it costs no new scoring
    unless ``whole_text`` is asked for.

    The whole-text ``compound`` saturates on long texts (VADER normalises the sum of all
    valences, which grows with length), so ``mean_compound`` of the sentences is the better
    summary of a long article.

    >>> summary = document_summary("Good news. Bad news. Terrible news.", whole_text=True)
    >>> summary[["sentences", "negative", "mean_compound", "label", "whole_text_compound"]
    ...         ].values.tolist()
    [[3, 2, -0.1929, 'negative', -0.5719]]
    """
    from analysis.tables import documents_of, documents_table

    docs = documents_table(source, sizes=False)[["document", "title"]]
    table = _scores(source, table, threshold)
    grouped = table.groupby("document", sort=False, observed=True)
    counts = pd.crosstab(table["document"], table["label"]) if len(table) else pd.DataFrame()
    stats = grouped["compound"].agg(["size", "mean", "min", "max"]) if len(table) else None
    rows = []
    for doc_id, title in zip(docs["document"], docs["title"], strict=True):
        has = stats is not None and doc_id in stats.index
        n = int(stats.at[doc_id, "size"]) if has else 0
        mean = float(stats.at[doc_id, "mean"]) if has else 0.0
        row = {"document": doc_id, "title": title, "sentences": n}
        for name in ("positive", "neutral", "negative"):
            row[name] = int(counts.at[doc_id, name]) if has and name in counts.columns else 0
        row.update(mean_compound=round(mean, 4),
                   min_compound=float(stats.at[doc_id, "min"]) if has else 0.0,
                   max_compound=float(stats.at[doc_id, "max"]) if has else 0.0,
                   label=label(mean, threshold=threshold))
        rows.append(row)
    out = pd.DataFrame(rows, columns=["document", "title", "sentences", "positive", "neutral",
                                      "negative", "mean_compound", "min_compound",
                                      "max_compound", "label"])
    if whole_text:
        whole = {d.id: vader.polarity(d.text)["compound"] for d in documents_of(source)}
        out["whole_text_compound"] = out["document"].map(whole)
    return out


def tone(source: Source, *, table: pd.DataFrame | None = None,
         threshold: float = THRESHOLD) -> pd.DataFrame:
    """The tone of the whole source in one row: ``documents``, ``sentences``, ``negative``,
    ``neutral``, ``positive`` (sentences), their shares ``negative_share``, ``neutral_share``,
    ``positive_share`` (0-1, 3 decimals), ``mean_compound`` (of the sentences, 4 decimals) and
    its ``label``.

    >>> row = tone("Good news. Bad news. Terrible news.").to_dict("records")[0]
    >>> row["sentences"], row["negative"], row["mean_compound"], row["label"]
    (3, 2, -0.1929, 'negative')
    """
    table = _scores(source, table, threshold)
    n = len(table)
    counts = table["label"].value_counts() if n else pd.Series(dtype=int)
    mean = float(table["compound"].mean()) if n else 0.0
    row = {"documents": int(table["document"].nunique()) if n else 0, "sentences": n}
    for name in ("negative", "neutral", "positive"):
        row[name] = int(counts.get(name, 0))
    for name in ("negative", "neutral", "positive"):
        row[f"{name}_share"] = round(row[name] / n, 3) if n else 0.0
    row.update(mean_compound=round(mean, 4), label=label(mean, threshold=threshold))
    return pd.DataFrame([row])


def arc(table: pd.DataFrame, *, window: int = 3) -> pd.DataFrame:
    """The sentiment arc: each sentence's position (0-1) through its document and a centred
    moving average of ``compound`` over ``window`` sentences (shorter at the ends).

    ``table`` is a :func:`sentence_table` (any rows of it, in reading order); the result is
    the same rows with ``position`` (0 for the first sentence of a document, 1 for its last;
    0 for a document of one sentence) and ``smoothed`` (rounded to 4 places) added.
    ``ValueError`` if ``window`` < 1.

    >>> a = arc(sentence_table("Good news. Bad news. Terrible news. Great news."), window=3)
    >>> a["sentence"].tolist(), a["position"].round(2).tolist(), a["smoothed"].tolist()
    ([1, 2, 3, 4], [0.0, 0.33, 0.67, 1.0], [-0.0509, -0.1929, -0.1314, 0.0741])
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    parts = []
    for _doc, t in table.groupby("document", sort=False):
        t = t.copy()
        n = len(t)
        t["position"] = [i / (n - 1) if n > 1 else 0.0 for i in range(n)]
        t["smoothed"] = (t["compound"].rolling(window, center=True, min_periods=1).mean()
                         .round(4))
        parts.append(t)
    if not parts:
        return table.assign(position=pd.Series(dtype=float), smoothed=pd.Series(dtype=float))
    return pd.concat(parts).reset_index(drop=True)


def extremes(table: pd.DataFrame | Source, *, n: int = 3) -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive sentences (ties by document, then
    sentence).

    ``table`` is a :func:`sentence_table`, or a source (a stored corpus: the scores are read
    without the text, and only the text of the sentences shown is read; ``title`` is then
    included). Columns: ``side`` ("most negative" or "most positive"), ``document``, ``title``
    (when the table has it: ``meta=("title",)``), ``sentence`` (numbered from 1, as in the
    table), ``compound``, ``text``, ``start``, ``end``. Only sentences on the right side of
    zero are listed: a text with no positive sentence has no "most positive" rows; an empty
    table gives no rows.

    >>> ends = extremes(sentence_table("Good news. Bad news. Sad news."), n=1)
    >>> ends[["side", "sentence", "compound", "text"]].values.tolist()
    [['most negative', 2, -0.5423, 'Bad news.'], ['most positive', 1, 0.4404, 'Good news.']]
    """
    source = None
    if not isinstance(table, pd.DataFrame):
        source, stored = table, callable(getattr(table, "scan", None))
        table = sentence_table(source, text=not stored, meta=("title",))
        source = source if stored else None
    neg = table[table["compound"] < 0].sort_values(["compound", "document", "sentence"]).head(n)
    pos = table[table["compound"] > 0].sort_values(
        ["compound", "document", "sentence"], ascending=[False, True, True]).head(n)
    out = pd.concat([neg.assign(side="most negative"), pos.assign(side="most positive")])
    if source is not None:
        out = _with_text(source, out)
    cols = ["side", "document", *(["title"] if "title" in table else []), "sentence",
            "compound", "text", "start", "end"]
    return out[cols].reset_index(drop=True)


def _with_text(source: Source, rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` of a sentence table without text, with their ``text`` (read for them only)."""
    from analysis.tables import chunks

    wanted = set(zip(rows["document"].astype(str), rows["sentence"].astype(int), strict=True))
    found: dict[tuple[str, int], str] = {}
    docs = sorted({d for d, _ in wanted})
    for part in chunks(source, SENTENCES, ["document", "sentence", "text"],
                       where={"document": docs}):
        for d, k, t in zip(part["document"].astype(str), part["sentence"], part["text"],
                           strict=True):
            if (d, int(k)) in wanted:
                found[(d, int(k))] = str(t)
    text = [found[(str(d), int(k))] for d, k in zip(rows["document"], rows["sentence"],
                                                    strict=True)]
    return rows.assign(text=pd.Series(text, index=rows.index, dtype=object))


def explain_extreme(table: pd.DataFrame | Source, *, side: str = "lowest") -> pd.DataFrame:
    """The word-by-word explanation (:func:`explain`) of the sentence of ``table`` (a
    :func:`sentence_table`, or a source: a stored corpus reads the scores without the text,
    then the text of that sentence only) with the lowest or highest ``compound`` (the first in
    reading order on a tie), offsets into its document. ``side`` is "lowest" or "highest". An
    empty explanation when the table has no sentence, or ("highest") none above zero, or
    ("lowest") none below zero.

    >>> why = explain_extreme(sentence_table("Good news. The attack killed ten."))
    >>> why[why["contribution"] != 0]["token"].tolist()
    ['attack', 'killed']
    """
    if side not in ("lowest", "highest"):
        raise ValueError(f"side must be 'lowest' or 'highest', got {side!r}")
    source = None
    if not isinstance(table, pd.DataFrame):
        source, stored = table, callable(getattr(table, "scan", None))
        table = sentence_table(source, text=not stored)
        source = source if stored else None
    scored = table[table["compound"] < 0] if side == "lowest" else table[table["compound"] > 0]
    if not len(scored):
        return explain("").iloc[:0]
    row = scored.loc[[scored["compound"].idxmin() if side == "lowest" else
                      scored["compound"].idxmax()]]
    if source is not None:
        row = _with_text(source, row)
    return explain(str(row["text"].iloc[0]), offset=int(row["start"].iloc[0]))


def explain(text: str, *, offset: int = 0) -> pd.DataFrame:
    """Word-by-word explanation of a text's VADER score (:func:`analysis.sentiment.vader.explain`).

    One row per word VADER considers: ``position``, ``token``, ``start``, ``end`` (character
    offsets, plus ``offset``: pass a sentence's ``start`` so that the explanation of a sentence
    taken from a document points into the document's text), ``lexicon``, ``role``,
    ``valence``, ``but``, ``contribution``, ``negated_by``, ``rules``; ``attrs["document"]``
    holds the sentence's figures (``compound`` and the steps to it), ``attrs["text"]`` the
    text explained.

    >>> why = explain("It isn’t good.", offset=100)
    >>> why[["token", "start", "end", "role", "contribution"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['It', 100, 102, '', 0.0], ["isn't", 103, 108, 'negation', 0.0],
     ['good', 109, 113, 'sentiment', -1.406]]
    """
    table = vader.explain(text)
    if offset:
        for col in ("start", "end"):
            table[col] = table[col] + offset
    table.attrs["text"] = text
    return table


def lexicon_coverage(source: Source, *, top: int | None = 20) -> pd.DataFrame:
    """The text's content words (stopwords and punctuation left out) with VADER's valence.

    Columns: ``word``, ``count``, ``valence`` (VADER lexicon rating, -4..+4; 0.0 when the word
    is not in the lexicon), ``in_lexicon``. The rows are the ``top`` most frequent words that
    are *not* in the lexicon, followed by the ``top`` most frequent words that are, most
    negative first (all of them when ``top`` is None or 0): what VADER can and cannot see.
    Words are counted lower-cased and folded (the stored ``words`` table), numbers left out.

    >>> coverage = lexicon_coverage("Militias shelled the city; the attack killed many.", top=3)
    >>> coverage.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['city', 1, 0.0, False], ['many', 1, 0.0, False], ['militias', 1, 0.0, False],
     ['killed', 1, -3.5, True], ['attack', 1, -2.1, True]]
    """
    counted = totals(source, WORDS, by=["word"])
    counter = {w: int(c) for w, c in zip(counted["word"], counted["count"], strict=True)
               if w not in STOPWORDS and not is_number(w)}
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    lexicon = vader.LEXICON
    counts = pd.DataFrame({
        "word": pd.Series([w for w, _ in items], dtype="str"),
        "count": pd.Series([c for _, c in items], dtype="int64"),
        "valence": pd.Series([float(lexicon.get(w, 0.0)) for w, _ in items], dtype="float64"),
        "in_lexicon": pd.Series([w in lexicon for w, _ in items], dtype="bool"),
    })
    missing = counts[~counts["in_lexicon"]].head(top) if top else counts[~counts["in_lexicon"]]
    hits = counts[counts["in_lexicon"]]
    hits = (hits.head(top) if top else hits).sort_values(["valence", "word"])
    return pd.concat([missing, hits]).reset_index(drop=True)

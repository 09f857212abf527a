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

from collections.abc import Iterable

import pandas as pd

from analysis.corpus import Corpus, Document, as_documents
from analysis.sentiment import vader

__all__ = [
    "THRESHOLD",
    "arc",
    "document_summary",
    "explain",
    "extremes",
    "label",
    "lexicon_coverage",
    "polarity",
    "sentence_table",
]

THRESHOLD = 0.05

Source = str | Document | Corpus | Iterable[Document]


def polarity(text: str) -> dict[str, float]:
    """VADER's scores for a text: ``neg``, ``neu``, ``pos`` (shares) and ``compound`` (-1..1).

    Identical to ``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer().polarity_scores``.

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


COLUMNS = ["document", "sentence", "start", "end", "text", "neg", "neu", "pos", "compound",
           "label"]


def sentence_table(source: Source, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """One row per sentence: offsets, text, VADER scores and label.

    ``start``/``end`` index into the document's text, so ``doc.text[start:end]`` is the sentence.

    >>> table = sentence_table("Aid arrived. Fighting killed ten.")
    >>> table[["text", "compound", "label"]].values.tolist()
    [['Aid arrived.', 0.0, 'neutral'], ['Fighting killed ten.', -0.7906, 'negative']]
    """
    rows = []
    for doc in as_documents(source):
        text = doc.text
        for i, (start, end) in enumerate(doc.sentence_spans):
            s = text[start:end]
            scores = vader.polarity(s)
            rows.append((doc.id, i, start, end, s, scores["neg"], scores["neu"], scores["pos"],
                         scores["compound"], label(scores["compound"], threshold=threshold)))
    return pd.DataFrame(rows, columns=COLUMNS)


def document_summary(source: Source, *, table: pd.DataFrame | None = None,
                     threshold: float = THRESHOLD) -> pd.DataFrame:
    """One row per document: sentence counts by label, mean and extreme sentence scores, and
    VADER's score of the whole text at once.

    The whole-text ``compound`` saturates on long texts (VADER normalises the sum of all
    valences, which grows with length), so ``mean_compound`` of the sentences is the better
    summary of a long article; both are given.
    """
    docs = as_documents(source)
    table = sentence_table(docs, threshold=threshold) if table is None else table
    rows = []
    for doc in docs:
        t = table[table["document"] == doc.id]
        whole = vader.polarity(doc.text)
        n = len(t)
        rows.append({
            "document": doc.id,
            "sentences": n,
            "positive": int((t["label"] == "positive").sum()),
            "neutral": int((t["label"] == "neutral").sum()),
            "negative": int((t["label"] == "negative").sum()),
            "mean_compound": round(float(t["compound"].mean()), 4) if n else 0.0,
            "min_compound": float(t["compound"].min()) if n else 0.0,
            "max_compound": float(t["compound"].max()) if n else 0.0,
            "whole_text_compound": whole["compound"],
            "label": label(float(t["compound"].mean()) if n else 0.0, threshold=threshold),
        })
    return pd.DataFrame(rows)


def arc(table: pd.DataFrame, *, window: int = 3) -> pd.DataFrame:
    """The sentiment arc: each sentence's position (0-1) through its document and a centred
    moving average of ``compound`` over ``window`` sentences (shorter at the ends).

    >>> t = sentence_table("Good news. Bad news. Terrible news. Great news.")
    >>> arc(t, window=3)["smoothed"].tolist()
    [-0.0509, -0.1929, -0.1314, 0.0741]
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


def extremes(table: pd.DataFrame, *, n: int = 3) -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive sentences (ties by reading order).

    Only sentences on the right side of zero are listed: a text with no positive sentence has
    no "most positive" rows.
    """
    neg = table[table["compound"] < 0].sort_values(["compound", "document", "sentence"]).head(n)
    pos = table[table["compound"] > 0].sort_values(
        ["compound", "document", "sentence"], ascending=[False, True, True]).head(n)
    out = pd.concat([neg.assign(side="most negative"), pos.assign(side="most positive")])
    cols = ["side", "document", "sentence", "compound", "text", "start", "end"]
    return out[cols].reset_index(drop=True)


def explain(text: str, *, offset: int = 0) -> pd.DataFrame:
    """Word-by-word explanation of a text's VADER score (:func:`analysis.sentiment.vader.explain`).

    ``offset`` is added to the character offsets, so the explanation of a sentence taken from a
    document points into the document's text.
    """
    table = vader.explain(text)
    if offset:
        for col in ("start", "end"):
            if col in table:
                table[col] = table[col].map(lambda v: v + offset if v is not None and
                                            not pd.isna(v) else v)
    return table


def lexicon_coverage(source: Source, *, top: int | None = 20) -> pd.DataFrame:
    """The text's content words (stopwords and punctuation left out) with VADER's valence.

    Columns: ``word``, ``count``, ``valence`` (VADER lexicon rating, -4..+4; 0.0 when the word
    is not in the lexicon), ``in_lexicon``. The rows are the ``top`` most frequent words that
    are *not* in the lexicon, followed by every word of the text that is, most negative first:
    what VADER can and cannot see.

    >>> coverage = lexicon_coverage("Militias shelled the city; the attack killed many.", top=3)
    >>> coverage.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['city', 1, 0.0, False], ['many', 1, 0.0, False], ['militias', 1, 0.0, False],
     ['killed', 1, -3.5, True], ['attack', 1, -2.1, True]]
    """
    from analysis.frequency import word_counts

    counts = word_counts(source, drop_stopwords=True, drop_numbers=True)[["word", "count"]]
    counts["valence"] = [float(vader.LEXICON.get(w, 0.0)) for w in counts["word"]]
    counts["in_lexicon"] = [w in vader.LEXICON for w in counts["word"]]
    missing = counts[~counts["in_lexicon"]].head(top) if top else counts[~counts["in_lexicon"]]
    hits = counts[counts["in_lexicon"]].sort_values(["valence", "word"])
    return pd.concat([missing, hits]).reset_index(drop=True)

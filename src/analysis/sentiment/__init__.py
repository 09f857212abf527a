"""Sentiment with VADER: scores per sentence, per document, as an arc, and explained word by word.

:mod:`analysis.sentiment.vader` is an exact, faster reimplementation of VADER's reference
scoring that also records how each word contributed; :mod:`analysis.sentiment.scores` turns the
scores into tables.

>>> polarity("The rescue was a great success.")["compound"]
0.9022
"""

from analysis.sentiment import vader
from analysis.sentiment.scores import (
    COLUMNS,
    THRESHOLD,
    arc,
    document_summary,
    explain,
    extremes,
    label,
    lexicon_coverage,
    polarity,
    sentence_table,
)

__all__ = [
    "COLUMNS",
    "THRESHOLD",
    "arc",
    "document_summary",
    "explain",
    "extremes",
    "label",
    "lexicon_coverage",
    "polarity",
    "sentence_table",
    "vader",
]

"""Sentiment with VADER: scores per sentence, per document, as an arc, and explained word by word.

:mod:`analysis.sentiment.vader` is an exact, faster reimplementation of VADER's reference
scoring (with curly apostrophes and quotes folded, so "isn’t" negates), and
:mod:`analysis.sentiment.explain` records how each word contributed;
:mod:`analysis.sentiment.scores` turns the scores into tables: :data:`SENTENCES`, the
per-document table of sentence scores (sentences numbered from 1), and the tables built on it.

>>> polarity("The rescue was a great success.")["compound"]
0.9022
"""

from analysis.sentiment import scores, vader
from analysis.sentiment.scores import *  # noqa: F403 (the tables of scores.__all__)

__all__ = [*scores.__all__, "vader"]

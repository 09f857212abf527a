"""Readability: Flesch reading ease and Flesch-Kincaid grade, per document and over a corpus.

Both formulas rest on two ratios, words per sentence and syllables per word:

* Flesch reading ease (Flesch 1948): ``206.835 - 1.015 * words/sentences - 84.6 *
  syllables/words``; 60-70 is plain English, below 30 very difficult (a scientific paper),
  above 90 very easy. Typical news scores 40-60.
* Flesch-Kincaid grade (Kincaid et al. 1975): ``0.39 * words/sentences + 11.8 *
  syllables/words - 15.59``, a US school grade (8: a 13-14 year old reads it).

The counts and formulas are those of ``textstat`` (0.7): sentences by
``textstat.sentence_count`` (pieces ending in ``.``, ``!`` or ``?``, pieces of one or two words
not counted), words by ``textstat.lexicon_count`` (whitespace-separated after punctuation is
removed; "don't" and "well-known" are one word each), syllables as textstat counts them: the CMU
Pronouncing Dictionary's vowels (stress marks) of the word's first pronunciation, and for words
the dictionary lacks, the hyphenation points of ``pyphen`` plus one. textstat reads the CMU
dictionary through NLTK's data downloader, which this project never calls, so the dictionary
comes from ``pysyllables`` (the CMU dictionary's syllable counts, in its wheel); the tests check
that the scores equal textstat's given the same dictionary. Curly apostrophes are read as
straight ones first (:func:`analysis.tokenise.fold`), so "don’t" counts like "don't".

>>> row = document_readability("The cat sat on the mat. It was happy.")
>>> row[["sentences", "words", "syllables", "reading_ease", "grade"]].to_dict("records")
[{'sentences': 2, 'words': 9, 'syllables': 10, 'reading_ease': 108.27, 'grade': -0.72}]
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

import pandas as pd

from analysis.corpus import Document
from analysis.tables import TableSpec, per_document
from analysis.tokenise import fold

__all__ = ["READABILITY", "SUMMARY_COLUMNS", "document_readability", "grade", "reading_ease",
           "readability_summary", "sentence_count", "syllables", "summarise"]

# textstat 0.7's word list: apostrophes kept only in contractions, other punctuation removed.
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_WORD_CHAR = re.compile(r"\w")

SUMMARY_COLUMNS = ["documents", "sentences", "words", "syllables", "words_per_sentence",
                   "syllables_per_word", "reading_ease", "grade", "median_reading_ease",
                   "median_grade"]


@lru_cache(maxsize=1)
def _pyphen():
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


@lru_cache(maxsize=1 << 17)
def syllables(word: str) -> int:
    """The syllables of one word (lower-cased): the CMU Pronouncing Dictionary's count
    (``pysyllables``), else pyphen's hyphenation points (US English) plus one (textstat's fallback).

    >>> [syllables(w) for w in ("cat", "readability", "didn't", "misrata")]
    [1, 5, 2, 3]
    """
    from pysyllables import get_syllable_count

    count = get_syllable_count(word)
    if count is None:
        count = len(_pyphen().positions(word)) + 1
    return count


def reading_ease(words: int, sentences: int, syllables: int) -> float | None:
    """Flesch reading ease from the counts, rounded to 2 decimals (None without words).

    >>> reading_ease(100, 5, 150)
    59.64
    """
    if not words or not sentences:
        return None
    return round(206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words), 2)


def grade(words: int, sentences: int, syllables: int) -> float | None:
    """Flesch-Kincaid grade level from the counts, rounded to 2 decimals (None without words).

    >>> grade(100, 5, 150)
    9.91
    """
    if not words or not sentences:
        return None
    return round(0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59, 2)


_SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


def _words(text: str) -> list[str]:
    """textstat 0.7's word list of a text (its ``lexicon_count``)."""
    return _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text)).lower().split()


def sentence_count(text: str) -> int:
    """textstat 0.7's sentence count (``textstat.sentence_count``), written out here because
    importing textstat imports all of NLTK (4 s in every worker process): pieces ending in
    ``.``, ``!`` or ``?``, not counting pieces of one or two words; at least 1 for any text.

    >>> sentence_count("The cat sat. Yes. It was on the mat!"), sentence_count("")
    (2, 0)
    """
    if not text:
        return 0
    pieces = _SENTENCE_PIECE.findall(text)
    short = sum(1 for p in pieces if _at_most_two_words(p))
    return max(1, len(pieces) - short)


def _at_most_two_words(piece: str) -> bool:
    """``len(_words(piece)) <= 2``, without rewriting the piece when three of its
    whitespace-separated chunks hold a letter, digit or underscore (such a chunk is always one
    of textstat's words: only punctuation and apostrophes are removed, never a word character,
    and no chunk is split or joined)."""
    found = 0
    for chunk in piece.split():
        if not chunk.isalnum() and _WORD_CHAR.search(chunk) is None:
            continue
        found += 1
        if found > 2:
            return False
    return len(_words(piece)) <= 2


def _counts(text: str) -> tuple[int, int, int]:
    text = fold(text)
    words = _words(text)
    per_word = Counter(words)  # each distinct word looked up once
    return (sentence_count(text), len(words),
            sum(syllables(w) * n for w, n in per_word.items()))


def _rows(doc: Document) -> list[tuple[Any, ...]]:
    n_sent, n_words, n_syll = _counts(doc.text)
    return [(n_sent, n_words, n_syll, reading_ease(n_words, n_sent, n_syll),
             grade(n_words, n_sent, n_syll))]


#: One row per document: ``sentences``, ``words``, ``syllables`` (textstat's counts, see the
#: module's docstring), ``reading_ease`` (Flesch), ``grade`` (Flesch-Kincaid); the scores are
#: None for a document without words.
READABILITY = TableSpec("readability", (("sentences", "int64"), ("words", "int64"),
                                        ("syllables", "int64"), ("reading_ease", "float64"),
                                        ("grade", "float64")), _rows)


def document_readability(source: Any) -> pd.DataFrame:
    """The :data:`READABILITY` table of every document of ``source`` (a building block: one row
    per document; show :func:`readability_summary` or a grouped summary to readers).

    >>> document_readability("Short words. Long sentences are rarer.")["words"].tolist()
    [6]
    """
    return per_document(source, READABILITY)


def summarise(table: pd.DataFrame, keys: list[str] | None = None) -> pd.DataFrame:
    """Readability of documents taken together, from a :data:`READABILITY` table, per ``keys``
    (columns of ``table``, such as ``group``) or over all rows.

    Columns: the keys, then ``documents``, ``sentences``, ``words``, ``syllables`` (sums),
    ``words_per_sentence``, ``syllables_per_word``, ``reading_ease`` and ``grade`` (the
    formulas on the summed counts: the documents read as one text, so long documents weigh
    more) and ``median_reading_ease``, ``median_grade`` (the median document: each document
    weighs the same). Ratios are rounded to 3 decimals, scores to 2.

    >>> t = pd.DataFrame({"sentences": [5, 1], "words": [100, 10], "syllables": [150, 10],
    ...                   "reading_ease": [59.64, 111.07], "grade": [9.91, 0.02]})
    >>> summarise(t)[["documents", "words", "reading_ease", "median_grade"]].values.tolist()
    [[2.0, 110.0, 65.17, 4.965]]
    """
    keys = list(keys or [])
    if keys:
        grouped = table.groupby(keys, sort=True)
    else:
        grouped = table.assign(_all=0).groupby("_all")
    out = grouped.agg(documents=("words", "size"), sentences=("sentences", "sum"),
                      words=("words", "sum"), syllables=("syllables", "sum"),
                      median_reading_ease=("reading_ease", "median"),
                      median_grade=("grade", "median")).reset_index()
    if not keys:
        out = out.drop(columns="_all")
    counts = list(zip(out["words"], out["sentences"], out["syllables"], strict=True))
    out["words_per_sentence"] = [round(w / s, 3) if s else None for w, s, _ in counts]
    out["syllables_per_word"] = [round(y / w, 3) if w else None for w, _, y in counts]
    out["reading_ease"] = [reading_ease(*c) for c in counts]
    out["grade"] = [grade(*c) for c in counts]
    for col in ("median_reading_ease", "median_grade"):
        out[col] = out[col].round(3)
    return out[keys + SUMMARY_COLUMNS]


def readability_summary(source: Any) -> pd.DataFrame:
    """Readability of the whole of ``source``: one row with the columns of :func:`summarise`.

    >>> readability_summary("The cat sat on the mat. It was happy.")["reading_ease"].tolist()
    [108.27]
    """
    return summarise(per_document(source, READABILITY))

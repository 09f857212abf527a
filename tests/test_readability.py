"""Readability: Flesch reading ease and Flesch-Kincaid grade, counted as textstat counts."""

from __future__ import annotations

import pytest
import textstat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import readability, tables
from analysis.corpus import Document


def test_scores_by_hand():
    table = readability.document_readability("The cat sat on the mat. It was happy.")
    got = table.iloc[0]
    # 2 sentences, 9 words; syllables: the cat sat on the mat it was (1 each) + hap-py (2) = 10.
    assert (got["sentences"], got["words"], got["syllables"]) == (2, 9, 10)
    # Flesch: 206.835 - 1.015 * (9 / 2) - 84.6 * (10 / 9) = 206.835 - 4.5675 - 94.0 = 108.2675
    assert got["reading_ease"] == 108.27
    # Flesch-Kincaid: 0.39 * 4.5 + 11.8 * 1.1111 - 15.59 = 1.755 + 13.1111 - 15.59 = -0.7239
    assert got["grade"] == -0.72


def test_syllables_from_the_cmu_dictionary_then_hyphenation():
    assert [readability.syllables(w) for w in ("the", "happy", "government", "readability",
                                               "didn't")] == [1, 2, 3, 5, 2]
    # not in the CMU dictionary: pyphen's hyphenation points plus one, as textstat does
    from pyphen import Pyphen

    word = "misrata"
    assert readability.syllables(word) == len(Pyphen(lang="en_US").positions(word)) + 1


class _CMU(dict):
    """The shape textstat expects of NLTK's cmudict (word -> pronunciations, vowels carrying
    a stress digit), filled from pysyllables: the dictionary our syllables come from."""

    def __missing__(self, word):
        from pysyllables import get_syllable_count

        n = get_syllable_count(word)
        if n is None:
            raise KeyError(word)
        return [["AH0"] * n]


_CACHED = ("backend.counts._count_syllables.count_syllables",
           "backend.metrics._syllables_per_word.syllables_per_word",
           "backend.metrics._flesch_reading_ease.flesch_reading_ease",
           "backend.metrics._flesch_kincaid_grade.flesch_kincaid_grade")


@pytest.fixture()
def textstat_offline(monkeypatch):
    """textstat with the CMU dictionary from pysyllables instead of NLTK's downloader."""
    import importlib

    module = importlib.import_module("textstat.backend.counts._count_syllables")
    monkeypatch.setattr(module, "get_cmudict", lambda lang: _CMU())

    def clear():
        for path in _CACHED:
            mod_path, name = path.rsplit(".", 1)
            getattr(importlib.import_module(f"textstat.{mod_path}"), name).cache_clear()

    clear()
    yield textstat
    clear()


VOCABULARY = ["The", "government", "said", "it", "would", "not", "resign", "don't", "they're",
              "well-known", "Benghazi", "militias", "U.S.", "10,000", "a", "cat", "extraordinary",
              "readability", "fighting", "city's", "—", "(", ")", ",", ".", "!", "?", ";"]


# The fixture's patch is the same for every input, so sharing it between inputs is intended.
@settings(max_examples=80, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=60))
def test_scores_equal_textstat_given_the_same_dictionary(textstat_offline, words):
    text = " ".join(words)
    got = readability.document_readability(text).iloc[0]
    assert got["sentences"] == textstat_offline.sentence_count(text)
    assert got["words"] == textstat_offline.lexicon_count(text)
    if got["words"]:
        assert got["reading_ease"] == round(textstat_offline.flesch_reading_ease(text), 2)
        assert got["grade"] == round(textstat_offline.flesch_kincaid_grade(text), 2)


def test_curly_apostrophes_count_like_straight_ones():
    straight = readability.document_readability("They don't know. It's Thursday's vote.")
    curly = readability.document_readability("They don’t know. It’s Thursday’s vote.")
    cols = ["sentences", "words", "syllables", "reading_ease", "grade"]
    assert straight[cols].equals(curly[cols])


def test_a_document_without_words_has_no_score():
    table = readability.document_readability([Document("d", "t", "s", "— ... !")])
    assert table.iloc[0]["words"] == 0
    assert table["reading_ease"].isna().all() and table["grade"].isna().all()
    assert readability.reading_ease(0, 0, 0) is None and readability.grade(5, 0, 7) is None


def test_table_spec_and_summary_columns():
    assert readability.READABILITY.names == ["document", "sentences", "words", "syllables",
                                             "reading_ease", "grade"]
    docs = [Document("a", "t", "s", "Short words here. Fine."),
            Document("b", "t", "s", "Considerably more complicated vocabulary appears.")]
    summary = readability.readability_summary(docs)
    assert list(summary.columns) == readability.SUMMARY_COLUMNS
    per_doc = tables.per_document(docs, readability.READABILITY)
    assert summary.iloc[0]["documents"] == 2
    assert summary.iloc[0]["words"] == per_doc["words"].sum()
    assert summary.iloc[0]["median_grade"] == round(per_doc["grade"].median(), 3)

"""Lemmas beside stems (issue 10, item 10): tokenise.lemma and normalise(lemmatise=True)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.methods import normalising_example, vocabulary_steps
from analysis.tokenise import lemma, normalise, stem, words
from analysis.tokenise.fold import APOSTROPHES


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("militias", "militia"), ("Militias", "militia"), ("claimed", "claim"), ("fled", "flee"),
        ("was", "be"), ("were", "be"), ("children", "child"), ("better", "good"),
        ("seized", "seize"), ("cities", "city"), ("n't", "not"), ("ca", "can"), ("wo", "will"),
        ("US", "us"), ("NATO", "nato"), ("us", "we"), ("Libya", "libya"), ("2012", "2012"),
        ("10,000", "10,000"), (".", "."), ("", ""), ("al-Shariah", "al-shariah"),
    ],
)
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


@pytest.mark.parametrize("apostrophe", list(APOSTROPHES))
def test_lemma_folds_apostrophes(apostrophe: str) -> None:
    assert lemma(f"n{apostrophe}t") == lemma("n't") == "not"


def test_lemmas_join_what_stems_keep_apart_and_keep_apart_what_stems_join() -> None:
    # irregular forms share a lemma, not a stem
    assert {lemma(w) for w in ["flee", "fled", "flees"]} == {"flee"}
    assert len({stem(w) for w in ["flee", "fled", "flees"]}) > 1
    # a lemma is a word; a stem need not be
    assert lemma("city") == "city" and stem("city") == "citi"


def test_normalise_lemmatise() -> None:
    toks = words("The militias’ leaders fled; the US told us they weren't beaten.")
    assert normalise(toks, lemmatise=True) == [
        "the", "militia", "leader", "flee", "the", "us", "tell", "we", "they", "be", "not", "beat"]
    # stopwords are dropped before lemmatising ("us" is not one of wordcloud's)
    assert normalise(toks, lemmatise=True, drop_stopwords=True) == [
        "militia", "leader", "flee", "us", "tell", "we", "beat"]
    # lemmas are lower case even when case is kept; the acronym is read as written
    assert normalise(["US", "Fled"], lower=False, lemmatise=True) == ["us", "flee"]
    with pytest.raises(ValueError, match="not both"):
        normalise(toks, stem=True, lemmatise=True)


@settings(max_examples=200)
@given(st.text(max_size=30))
def test_lemma_returns_lower_case_text_for_any_word(word: str) -> None:
    out = lemma(word)
    assert isinstance(out, str)
    assert out == out.lower()
    assert lemma(word) == out  # deterministic (and cached)


def test_methods_show_stem_and_lemma_side_by_side() -> None:
    example = normalising_example("Militias fled Libya's cities.")
    assert list(example.columns) == ["token", "lower", "kind", "stopword", "stem", "lemma",
                                     "counted (no stopwords)"]
    rows = example.set_index("token")
    assert rows.loc["Militias", "stem"] == "militia" and rows.loc["fled", "lemma"] == "flee"
    assert rows.loc["cities", "stem"] == "citi" and rows.loc["cities", "lemma"] == "city"
    steps = vocabulary_steps("The war. The wars' end, they fled. They flee.")
    assert steps["step"].tolist()[-2:] == ["stemmed", "lemmatised"]
    assert steps.set_index("step").loc["lemmatised", "types"] < steps.set_index(
        "step").loc["stemmed", "types"]

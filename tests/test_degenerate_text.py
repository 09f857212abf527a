"""Every public function of tokenise and sentiment returns a result on degenerate text (issue 10,
item 3): empty, whitespace, one token, one sentence, only stopwords, only punctuation, only
numbers, one word repeated, and one word repeated over a 1 MB line.

The properties checked are the ones a caller relies on: the types and columns promised by the
docstrings, one row per sentence, offsets inside the text, scores inside their ranges.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis import sentiment, tokenise
from analysis.corpus import Corpus, Document
from analysis.sentiment import vader
from analysis.sentiment.explain import TABLE_COLUMNS

_STOPWORDS = sorted(w for w in tokenise.STOPWORDS if w.isascii())
_PUNCT = list(".,;:!?-—–()[]\"'“”‘’…*/&%$#@")
_NUMBERS = ["0", "7", "2012", "10,000", "4.5", "-3", "22:30", "3/4", "1960s", "20th"]
_WORDS = ["ha", "Ha", "HA", "good", "bad", "not", "but", "U.S.", "Mr.", "p.m.", "isn’t",
          "don't", "😀", ":)", "al-Shariah", "e", "I", "a"]
_SEPARATORS = [" ", "  ", "\n", "\n\n", "\t", ". ", ", ", "! ", "\r\n", ""]


@st.composite
def _joined(draw: st.DrawFn, pieces: list[str], min_size: int = 1,
            max_size: int = 30) -> str:
    words = draw(st.lists(st.sampled_from(pieces), min_size=min_size, max_size=max_size))
    sep = draw(st.sampled_from(_SEPARATORS))
    return sep.join(words)


@st.composite
def _repeated(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(_WORDS + _STOPWORDS[:20] + _NUMBERS))
    return draw(st.sampled_from([" ", "\n", ". ", ""])).join([word] * draw(
        st.integers(1, 300)))


DEGENERATE = st.one_of(
    st.just(""),
    st.text(st.sampled_from(" \t\n\r\u00a0\u2028\u3000"), max_size=10),  # whitespace only
    st.sampled_from(_WORDS + _PUNCT + _NUMBERS + _STOPWORDS),  # one token
    _joined(_WORDS + _STOPWORDS, max_size=12).map(lambda s: s + "."),  # one sentence
    _joined(_STOPWORDS),  # only stopwords
    st.text(st.sampled_from(_PUNCT + [" "]), min_size=1, max_size=40),  # only punctuation
    _joined(_NUMBERS),  # only numbers
    _repeated(),  # one word repeated
)



_OPTIONS = ({}, {"drop_stopwords": True, "drop_numbers": True},
            {"lower": False, "fold_apostrophes": False, "drop_punct": False},
            {"stem": True}, {"lemmatise": True, "drop_stopwords": True})


def _check_tokenise(text: str, options: tuple[dict, ...] = _OPTIONS) -> None:
    sents = tokenise.sentence_spans(text)
    spans = tokenise.word_spans(text)
    assert all(0 <= s < e <= len(text) for s, e in sents + spans)
    assert tokenise.sentences(text) == [text[s:e] for s, e in sents]
    words = tokenise.words(text)
    assert words == [text[s:e] for s, e in spans]
    toks = tokenise.tokens(text)
    assert [(t.start, t.end) for t in toks] == spans
    assert all(0 <= t.sentence < len(sents) for t in toks)
    for option in options:
        out = tokenise.normalise(words, **option)
        assert isinstance(out, list) and len(out) <= len(words)
        assert all(isinstance(w, str) and w for w in out)
    for w in set(words[:50]):
        assert isinstance(tokenise.stem(w), str) and isinstance(tokenise.lemma(w), str)
        assert isinstance(tokenise.is_punct(w), bool) and isinstance(tokenise.is_number(w), bool)
        assert len(tokenise.fold(w)) == len(w)
    assert len(tokenise.fold(text)) == len(text)


def _check_scores(scores: dict[str, float]) -> None:
    assert list(scores) == ["neg", "neu", "pos", "compound"]
    assert all(isinstance(v, float) and not math.isnan(v) for v in scores.values())
    assert -1 <= scores["compound"] <= 1
    assert all(0 <= scores[k] <= 1 for k in ("neg", "neu", "pos"))


def _check_sentiment(text: str, *, explain: bool = True) -> None:
    _check_scores(sentiment.polarity(text))
    table = sentiment.sentence_table(text)
    assert list(table.columns) == sentiment.COLUMNS
    assert len(table) == len(tokenise.sentence_spans(text))
    assert table["sentence"].tolist() == list(range(1, len(table) + 1))
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
        assert row.label in ("positive", "neutral", "negative")
    summary = sentiment.document_summary(text, table=table)
    assert len(summary) == 1 and summary["sentences"].iloc[0] == len(table)
    assert not summary.drop(columns=["document", "label"]).isna().any().any()
    arc = sentiment.arc(table)
    assert len(arc) == len(table) and arc["smoothed"].notna().all()
    ends = sentiment.extremes(table, n=3)
    assert len(ends) <= 6 and set(ends["side"]) <= {"most negative", "most positive"}
    coverage = sentiment.lexicon_coverage(text)
    assert list(coverage.columns) == ["word", "count", "valence", "in_lexicon"]
    assert (coverage["count"] > 0).all()
    assert sentiment.label(summary["mean_compound"].iloc[0]) in (
        "positive", "neutral", "negative")
    if explain:
        why = sentiment.explain(text, offset=3)
        assert list(why.columns) == TABLE_COLUMNS
        assert why.attrs["document"]["compound"] == sentiment.polarity(text)["compound"]
        assert vader.explanation(text).scores == vader.polarity(text)
    assert [p["compound"] for p in vader.polarities([text, text])] == [
        sentiment.polarity(text)["compound"]] * 2


#: Inputs every degenerate-text test runs on, whatever hypothesis draws besides.
EXAMPLES = ("", "a. a. a.", "’", ". . .", "ha", "the the", "\u2028")


def degenerate_examples(test):
    """``test`` with an ``@example`` for each of :data:`EXAMPLES`."""
    for text in EXAMPLES:
        test = example(text)(test)
    return test


@settings(max_examples=150)
@given(DEGENERATE)
@degenerate_examples
def test_tokenise_on_degenerate_text(text: str) -> None:
    _check_tokenise(text)


@settings(max_examples=100)
@given(DEGENERATE)
@degenerate_examples
def test_sentiment_on_degenerate_text(text: str) -> None:
    _check_sentiment(text)


def test_sentiment_tables_of_an_empty_corpus_and_of_empty_documents() -> None:
    empty = Corpus([])
    table = sentiment.sentence_table(empty)
    assert list(table.columns) == sentiment.COLUMNS and table.empty
    assert sentiment.document_summary(empty, table=table).empty
    assert sentiment.arc(table).empty and sentiment.extremes(table).empty
    assert sentiment.lexicon_coverage(empty).empty
    docs = [Document("a", "A", "a", ""), Document("b", "B", "b", "...")]
    summary = sentiment.document_summary(docs)
    assert summary[["document", "sentences", "mean_compound", "label"]].values.tolist() == [
        ["a", 0, 0.0, "neutral"], ["b", 1, 0.0, "neutral"]]
    assert list(sentiment.SENTENCES.rows(docs[0])) == []


MEGABYTE = 1_000_000


@pytest.mark.parametrize("word", ["ha", "the", "7"], ids=["word", "stopword", "number"])
def test_one_word_repeated_over_a_megabyte_line(word: str) -> None:
    text = " ".join([word] * (MEGABYTE // (len(word) + 1) + 1))
    assert len(text) >= MEGABYTE and "\n" not in text
    # every normalising step is a path of its own; at a megabyte two of them show the scaling
    _check_tokenise(text, options=_OPTIONS[-1:] + _OPTIONS[2:3])
    # explanations list every word: one word type is enough to show they scale (see below)
    _check_sentiment(text, explain=False)
    n = len(text.split())
    assert sentiment.lexicon_coverage(text)["count"].sum() in (0, n)


def test_explanation_of_a_megabyte_line() -> None:
    text = " ".join(["ha"] * (MEGABYTE // 3 + 1))
    why = sentiment.explain(text)
    assert len(why) == len(text.split())
    assert why.attrs["document"]["compound"] == sentiment.polarity(text)["compound"] == 1.0
    assert isinstance(why, pd.DataFrame)

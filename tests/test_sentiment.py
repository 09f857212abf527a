"""Sentiment tables, arcs, extremes and explanations on top of the exact VADER scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import sentiment, tables
from analysis.corpus import Corpus, Document, load_corpus
from analysis.tokenise import fold

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_81c44d20d7573865.txt"
REFERENCE = SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def seed() -> Corpus:
    return load_corpus(SEED)


@pytest.fixture(scope="module")
def table(seed):
    return sentiment.sentence_table(seed)


def test_seed_overall_sentiment(seed, table):
    summary = sentiment.document_summary(seed, table=table, whole_text=True).iloc[0]
    assert summary["sentences"] == 15
    assert (summary["positive"], summary["neutral"], summary["negative"]) == (5, 3, 7)
    assert summary["mean_compound"] == -0.0956
    assert summary["whole_text_compound"] == REFERENCE.polarity_scores(seed[0].text)["compound"]
    assert summary["whole_text_compound"] == -0.6643
    assert summary["label"] == "negative"


def test_sentence_table_scores_are_the_reference_implementations(seed, table):
    text = seed[0].text
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
        ref = REFERENCE.polarity_scores(fold(row.text))
        assert (row.neg, row.neu, row.pos, row.compound) == (
            ref["neg"], ref["neu"], ref["pos"], ref["compound"])
        assert row.label == sentiment.label(row.compound)


def test_seed_most_negative_sentence(table):
    ends = sentiment.extremes(table, n=1)
    worst = ends[ends["side"] == "most negative"].iloc[0]
    assert worst["compound"] == table["compound"].min() == -0.8979
    assert worst["text"].startswith("In Tripoli, rival armed groups have been battling")
    best = ends[ends["side"] == "most positive"].iloc[0]
    assert best["compound"] == table["compound"].max() == 0.7906
    # VADER's blind spot on news: a sentence about shelling scores positive ("strongest security")
    assert best["text"].startswith("The main police headquarters was still smoldering")


def test_extremes_only_take_the_right_side():
    t = sentiment.sentence_table("Terrible. Awful. Fine day.")
    ends = sentiment.extremes(t, n=5)
    assert (ends.loc[ends["side"] == "most negative", "compound"] < 0).all()
    assert (ends.loc[ends["side"] == "most positive", "compound"] > 0).all()
    assert len(ends) == 3


def test_labels_use_the_standard_thresholds():
    assert [sentiment.label(x) for x in (0.05, 0.049, 0, -0.049, -0.05)] == [
        "positive", "neutral", "neutral", "neutral", "negative"]
    assert sentiment.label(0.2, threshold=0.5) == "neutral"


def test_arc_positions_and_smoothing(table):
    arc = sentiment.arc(table, window=3)
    assert arc["position"].iloc[0] == 0.0 and arc["position"].iloc[-1] == 1.0
    # the centred moving average of three sentences, shorter at the ends
    c = table["compound"].tolist()
    assert arc["smoothed"].iloc[1] == round(sum(c[0:3]) / 3, 4)
    assert arc["smoothed"].iloc[0] == round(sum(c[0:2]) / 2, 4)
    assert sentiment.arc(table, window=1)["smoothed"].tolist() == c
    with pytest.raises(ValueError):
        sentiment.arc(table, window=0)


def test_arc_restarts_for_each_document():
    corpus = Corpus([Document.from_text("Good. Bad. Good.", id="a"),
                     Document.from_text("Bad. Bad.", id="b")])
    arc = sentiment.arc(sentiment.sentence_table(corpus))
    assert arc.loc[arc["document"] == "b", "position"].tolist() == [0.0, 1.0]


def test_explanation_points_into_the_document(seed, table):
    row = table.loc[table["compound"].idxmin()]
    why = sentiment.explain(row["text"], offset=int(row["start"]))
    text = seed[0].text
    scored = why[why["contribution"] != 0]
    assert len(scored) >= 1
    for r in scored.itertuples():
        assert text[int(r.start):int(r.end)] == r.token
    assert why.attrs["document"]["compound"] == row["compound"]


def test_lexicon_coverage_on_the_seed(seed):
    cov = sentiment.lexicon_coverage(seed, top=None).set_index("word")
    assert cov.loc["killed", "valence"] == -3.5 and cov.loc["attack", "valence"] == -2.1
    assert cov.loc["militias", "in_lexicon"] == False  # noqa: E712 - numpy bool
    assert cov.loc["security", "valence"] > 0


# --- the per-document table and its numbering -------------------------------------------------

def test_sentences_spec_is_a_per_document_table():
    spec = sentiment.SENTENCES
    assert isinstance(spec, tables.TableSpec)
    assert spec.columns == (
        ("sentence", "int32"), ("start", "int64"), ("end", "int64"), ("words", "int32"),
        ("text", "string"), ("neg", "float64"), ("neu", "float64"), ("pos", "float64"),
        ("compound", "float64"))
    doc = Document.from_text("Aid came. “It isn’t enough,” he said.", id="d")
    rows = list(spec.rows(doc))
    assert rows == [
        (1, 0, 9, 2, "Aid came.", 0.0, 1.0, 0.0, 0.0),
        (2, 10, 37, 6, "“It isn’t enough,” he said.",
         *sentiment.polarity("“It isn’t enough,” he said.").values())]
    for row in rows:  # plain Python values, as the store needs
        assert [type(v) for v in row] == [int, int, int, int, str, float, float, float, float]


def test_sentence_table_is_the_same_for_text_document_corpus_and_store(seed):
    text = seed[0].text
    from_text = sentiment.sentence_table(text)
    from_doc = sentiment.sentence_table(seed[0])
    from_corpus = sentiment.sentence_table(seed)

    class Stored:  # what a stored corpus does: answer per_document from its tables
        def table(self, spec, meta=()):
            return tables.per_document(seed, spec, meta=meta)

    from_store = sentiment.sentence_table(Stored())
    for t in (from_doc, from_corpus, from_store):
        assert t.drop(columns="document").equals(from_text.drop(columns="document"))
    assert list(from_corpus.columns) == sentiment.COLUMNS
    assert from_corpus["sentence"].tolist() == list(range(1, len(from_corpus) + 1))
    # the words column counts the tokens that are not punctuation, as tables does
    assert from_corpus["words"].tolist() == tables.sentence_table(seed)["words"].tolist()


def test_sentence_numbers_start_at_one_in_every_table():
    corpus = Corpus([Document.from_text("Good. Bad. Awful news. Fine.", id="a"),
                     Document.from_text("Terrible. Great!", id="b")])
    table = sentiment.sentence_table(corpus)
    assert table.groupby("document")["sentence"].apply(list).to_dict() == {
        "a": [1, 2, 3, 4], "b": [1, 2]}
    ends = sentiment.extremes(table, n=1)
    # "Bad." is the second sentence of a, "Great!" the second of b
    assert ends[["document", "sentence"]].values.tolist() == [["a", 2], ["b", 2]]
    assert sentiment.arc(table)["sentence"].tolist() == table["sentence"].tolist()


def test_sentence_table_carries_metadata():
    corpus = Corpus([Document.from_text("Good.", id="a", meta={"outlet": "X"}),
                     Document.from_text("Bad.", id="b", meta={"outlet": "Y"})])
    table = sentiment.sentence_table(corpus, meta=["outlet"])
    assert table[["document", "label", "outlet"]].values.tolist() == [
        ["a", "positive", "X"], ["b", "negative", "Y"]]
    with pytest.raises(KeyError, match="outlet"):
        sentiment.sentence_table(corpus, meta=["outlet", "section"])


def test_curly_negation_in_the_sentence_table():
    table = sentiment.sentence_table("This isn’t good. This isn't good.")
    assert table["compound"].tolist() == [-0.3412, -0.3412]
    assert table["label"].tolist() == ["negative", "negative"]


def test_whole_text_score_only_when_asked(seed, table):
    assert "whole_text_compound" not in sentiment.document_summary(seed, table=table)


def test_tone_of_the_whole_source_adds_up(seed, table):
    row = sentiment.tone(seed, table=table).iloc[0]
    assert (row["negative"], row["neutral"], row["positive"]) == (7, 3, 5)
    assert row["sentences"] == 15 == row["negative"] + row["neutral"] + row["positive"]
    assert row["negative_share"] == round(7 / 15, 3) and row["label"] == "negative"
    assert row["mean_compound"] == -0.0956


def test_summary_lists_a_document_without_sentences():
    from analysis.corpus import Document

    docs = [Document("a", "A", "a", "Good news."), Document("b", "B", "b", "")]
    out = sentiment.document_summary(docs)
    assert out[["document", "sentences", "label"]].values.tolist() == [
        ["a", 1, "positive"], ["b", 0, "neutral"]]


def test_sentence_explorer_names_the_sentence_it_shows():
    """The static explorer's note names the default selection as the reader sees it (the
    sentence number from 1), not as a row position."""
    from analysis.present import explore

    table = sentiment.sentence_table("It was fine. Then the attack killed ten. All left.")
    markup, text = explore.sentence_explorer(table, default="lowest").static()
    assert "default selection: sentence 2 of text" in markup
    assert "Sentence 2 of text" in markup


def test_findings_summary_of_a_single_date_says_so():
    from analysis.present import findings

    docs = [Document.from_text("Rain fell on the town.", id="a", meta={"date": "2026-03-14"}),
            Document.from_text("The river rose again.", id="b", meta={"date": "2026-03-14"})]
    said = findings.summary(findings.facts(Corpus(docs))).markup
    assert "dated 2026-03-14" in said and "run from" not in said

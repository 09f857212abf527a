"""Topics: NMF on tf-idf of the per-document tables, deterministic, with shares by group and
over time and the representative documents."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from analysis import frequency, tables, topics
from analysis.corpus import Document

THEMES = {
    "weather": ["rain", "storm", "flood", "wind", "forecast", "snow", "thunder", "cloud"],
    "sport": ["goal", "match", "league", "striker", "cup", "referee", "penalty", "coach"],
    "money": ["bank", "shares", "profit", "inflation", "market", "investors", "loan", "bond"],
}


def themed_corpus(per_theme: int = 6) -> list[Document]:
    """Documents written from one theme's words each (sentences of five words, drawn with a
    fixed generator), with an outlet and a date."""
    rng = np.random.default_rng(7)
    docs = []
    for t, (theme, words) in enumerate(THEMES.items()):
        for i in range(per_theme):
            sentences = [" ".join(rng.choice(words, 5)).capitalize() + "." for _ in range(8)]
            docs.append(Document(f"{theme}{i}", f"{theme.title()} story {i}", "test",
                                 " ".join(sentences),
                                 meta={"theme": theme, "outlet": "AB"[i % 2],
                                       "date": dt.date(2016, 1 + t, 1 + i)}))
    return docs


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    return themed_corpus()


@pytest.fixture(scope="module")
def model(corpus) -> topics.TopicModel:
    return topics.fit_topics(corpus, n_topics=3, random_state=0, max_df=0.5)


def test_three_topics_find_the_three_themes(corpus, model):
    from sklearn.metrics import normalized_mutual_info_score

    found = topics.document_topics(model)
    assert list(found.columns) == ["document", "topic", "weight"]
    assert found["document"].tolist() == [d.id for d in corpus]
    themes = [d.meta["theme"] for d in corpus]
    assert normalized_mutual_info_score(themes, found["topic"]) == pytest.approx(1.0)
    words = topics.topic_words(model, top=5)
    for k, part in words.groupby("topic"):
        theme = found.loc[found["topic"] == k, "document"].iloc[0].rstrip("0123456789")
        assert set(part["term"]) <= set(THEMES[theme]) | {
            f"{a} {b}" for a in THEMES[theme] for b in THEMES[theme]}
        assert part["rank"].tolist() == list(range(1, len(part) + 1))
        assert part["weight"].is_monotonic_decreasing


def test_the_same_input_gives_the_same_topics(corpus, model):
    again = topics.fit_topics(corpus, n_topics=3, random_state=0, max_df=0.5)
    assert np.array_equal(again.weights, model.weights)
    assert topics.topic_words(again).equals(topics.topic_words(model))
    # a source is fitted on the spot with the same defaults
    assert topics.document_topics(corpus, n_topics=3).equals(
        topics.document_topics(topics.fit_topics(corpus, n_topics=3)))


def test_topics_are_numbered_by_size_and_weights_are_shares(model):
    summary = topics.topic_summary(model, top=3)
    assert summary["topic"].tolist() == [1, 2, 3]
    assert summary["share"].is_monotonic_decreasing
    assert summary["documents"].sum() == 18
    assert summary["terms"].str.count(", ").eq(2).all()
    rows = model.weights.sum(axis=1)
    assert np.allclose(rows, 1.0)
    found = topics.document_topics(model)
    assert found["weight"].between(0, 1).all()


def test_share_by_group_sums_to_one_per_group(model):
    share = topics.topic_share_by_group(model, by="outlet", min_words=1)
    assert list(share.columns) == ["group", "topic", "documents", "dominant", "share",
                                   "too_small"]
    assert share.groupby("group")["share"].sum().round(2).eq(1.0).all()
    assert share.groupby("group")["dominant"].sum().tolist() == [9, 9]
    assert share["too_small"].tolist() == [False] * 6
    with pytest.raises(ValueError, match="'desk'"):
        topics.topic_share_by_group(model, by="desk")


def test_topic_trends_per_month_with_every_bin(model):
    assert topics.topic_trends(model).attrs["unit"] == "week"  # 1 January to 6 March
    over = topics.topic_trends(model, unit="month")
    assert over.attrs == {"unit": "month", "undated": 0}
    assert over["period"].nunique() == 3 and len(over) == 9
    per_month = over.groupby("period")["dominant"].sum().tolist()
    assert per_month == [6, 6, 6]
    # one theme per month: each month is one topic
    assert (over.groupby("period")["share"].max() > 0.8).all()


def test_representative_documents_are_of_their_topic_most_weight_first(model):
    rep = topics.representative_documents(model, top=2)
    found = topics.document_topics(model).set_index("document")
    assert list(rep.columns) == ["topic", "rank", "document", "title", "weight", "words"]
    for k, part in rep.groupby("topic"):
        assert (found.loc[part["document"], "topic"] == k).all()
        assert part["weight"].is_monotonic_decreasing
        assert part["title"].str.contains("story").all()
    assert len(rep) == 6


def test_a_document_without_any_term_has_no_topic(corpus):
    docs = corpus + [Document("empty", "Nothing", "test", "The and of it.", meta={})]
    found = topics.document_topics(docs, n_topics=3)
    assert pd.isna(found.set_index("document").loc["empty", "topic"])
    assert found.set_index("document").loc["empty", "weight"] == 0.0


def test_too_little_text_is_a_clear_error():
    with pytest.raises(ValueError, match="Too little text for 5 topics"):
        topics.fit_topics([Document("a", "t", "s", "Rain fell on the city.")], n_topics=5)
    with pytest.raises(ValueError, match="at least 1"):
        topics.fit_topics("Rain.", n_topics=0)


class TablesOnly:
    """A stored corpus as :func:`analysis.tables.per_document` sees one: it answers tables and
    cannot be iterated, so anything that tried to tokenise the documents again would fail."""

    def __init__(self, docs):
        self._docs = docs

    def table(self, spec, meta=()):
        return tables.per_document(self._docs, spec, meta=meta)


def test_topics_read_the_per_document_tables_only(corpus, model):
    stored = topics.fit_topics(TablesOnly(corpus), n_topics=3, max_df=0.5)
    assert np.array_equal(stored.weights, model.weights)
    key = frequency.keyness_by_group(TablesOnly(corpus), by="outlet", min_words=1, min_count=1)
    assert key.equals(frequency.keyness_by_group(corpus, by="outlet", min_words=1,
                                                 min_count=1))

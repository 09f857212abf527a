"""Over time: the bin chosen from the span, every bin shown with its documents, undated
documents counted apart."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from analysis import sentiment, trends
from analysis.corpus import Document


def doc(id_: str, text: str, date=None, **meta) -> Document:
    return Document(id_, f"title {id_}", "test", text,
                    meta={**meta, **({"date": date} if date is not None else {})})


@pytest.fixture(scope="module")
def dated() -> list[Document]:
    return [doc("a", "War war peace.", dt.date(2016, 1, 4)),           # Monday, week 1
            doc("b", "War talks. Bad news.", dt.date(2016, 1, 10)),    # Sunday, week 1
            doc("c", "Peace at last. Great day.", dt.date(2016, 1, 27)),  # week 4
            doc("d", "War again.", None),                              # undated
            doc("e", "War resumed.", "2016-02-29")]                    # ISO text, week 9


def test_the_bin_follows_the_span():
    start = dt.date(2016, 1, 1)
    spans = {0: "day", 14: "day", 15: "week", 183: "week", 184: "month", 1827: "month",
             1828: "year"}
    for days, unit in spans.items():
        assert trends.choose_unit(start, start + dt.timedelta(days=days)) == unit


def test_coverage_counts_undated_documents_apart(dated):
    cov = trends.date_coverage(dated).iloc[0]
    assert (cov["documents"], cov["dated"], cov["undated"]) == (5, 4, 1)
    assert cov["first"] == pd.Timestamp("2016-01-04") and cov["last"] == pd.Timestamp(
        "2016-02-29")
    assert cov["days"] == 56 and cov["unit"] == "week"


def test_every_week_is_listed_with_its_documents_even_empty_ones(dated):
    over = trends.documents_over_time(dated)
    assert over.attrs == {"unit": "week", "undated": 1}
    assert over["period"].dt.day_of_week.eq(0).all()  # weeks start on Monday
    assert len(over) == 9  # 4 January to the week of 29 February
    assert over["documents"].tolist() == [2, 0, 0, 1, 0, 0, 0, 0, 1]
    # words: a 3, b 4, c 5, e 2 (punctuation is not a word)
    assert over["words"].tolist() == [7, 0, 0, 5, 0, 0, 0, 0, 2]
    assert over["documents"].sum() == 4  # the undated document is in no bin


def test_a_unit_can_be_forced_and_a_bad_one_is_refused(dated):
    months = trends.documents_over_time(dated, unit="month")
    assert months["period"].tolist() == [pd.Timestamp("2016-01-01"), pd.Timestamp("2016-02-01")]
    assert months["documents"].tolist() == [3, 1]
    with pytest.raises(ValueError, match="unit must be one of day, week, month, year"):
        trends.documents_over_time(dated, unit="fortnight")


def test_term_trends_per_10000_words_by_hand(dated):
    got = trends.term_trends(dated, ["War", "peace"], unit="month")
    jan = got[got["period"] == pd.Timestamp("2016-01-01")].set_index("term")
    # January: a, b, c dated: 12 words; "war" 2 (a) + 1 (b) = 3 -> 3 * 10000 / 12 = 2500.
    assert jan.loc["war", ["count", "range", "documents", "words", "per_10k"]].tolist() == [
        3, 2, 3, 12, 2500.0]
    assert jan.loc["peace", "per_10k"] == round(2 * 10000 / 12, 2) == 1666.67
    feb = got[got["period"] == pd.Timestamp("2016-02-01")].set_index("term")
    assert feb.loc["war", "count"] == 1 and feb.loc["peace", "count"] == 0
    # the undated "War again." counts nowhere
    assert got["count"].sum() == 3 + 1 + 2
    assert got.attrs["undated"] == 1
    assert list(got.columns) == ["period", "term", "count", "range", "documents", "words",
                                 "per_10k"]


def test_tone_trends_means_by_hand_and_empty_bins(dated):
    got = trends.tone_trends(dated)
    table = sentiment.sentence_table(dated)
    week1 = table[table["document"].isin(["a", "b"])]["compound"]
    first = got.iloc[0]
    assert first["documents"] == 2 and first["sentences"] == 3
    assert first["mean_compound"] == round(week1.mean(), 4)
    assert first["ci_low"] <= first["mean_compound"] <= first["ci_high"]
    empty = got.iloc[1]
    assert empty["documents"] == 0 and empty["sentences"] == 0
    assert np.isnan(empty["mean_compound"])
    assert len(got) == 9 and got.attrs["undated"] == 1


def test_mixed_date_types_are_read_alike():
    docs = [doc("a", "One.", dt.date(2016, 5, 2)),
            doc("b", "Two.", dt.datetime(2016, 5, 2, 23, 30, tzinfo=dt.UTC)),
            doc("c", "Three.", pd.Timestamp("2016-05-02 08:00")),
            doc("d", "Four.", "2016-05-02"),
            doc("e", "Five.", "not a date")]
    dates = trends.document_dates(docs)
    assert dates["date"].iloc[:4].eq(pd.Timestamp("2016-05-02")).all()
    assert pd.isna(dates["date"].iloc[4])


def test_nothing_dated_gives_empty_tables_and_says_so():
    docs = [doc("a", "War."), doc("b", "Peace.")]
    cov = trends.date_coverage(docs).iloc[0]
    assert (cov["dated"], cov["undated"], cov["unit"]) == (0, 2, None)
    for table in (trends.documents_over_time(docs), trends.term_trends(docs, ["war"]),
                  trends.tone_trends(docs)):
        assert table.empty and table.attrs["undated"] == 2
        assert "period" in table.columns


def test_another_date_column_must_exist():
    docs = [doc("a", "War.", published="2016-01-01")]
    assert trends.date_coverage(docs, date="published").iloc[0]["dated"] == 1
    with pytest.raises(ValueError, match=r"'pub_date'.*have: published, source, title"):
        trends.date_coverage(docs, date="pub_date")


def test_short_and_long_spans_pick_days_and_years():
    days = [doc(f"d{i}", "News.", dt.date(2016, 1, 1) + dt.timedelta(days=i)) for i in (0, 3)]
    assert trends.documents_over_time(days)["documents"].tolist() == [1, 0, 0, 1]
    years = [doc(f"y{i}", "News.", dt.date(2010 + i * 3, 6, 1)) for i in range(3)]
    over = trends.documents_over_time(years)
    assert over.attrs["unit"] == "year" and len(over) == 7

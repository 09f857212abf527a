"""Groups compared: key words by group (G2, p, log ratio checked by hand), term frequency by
group, group sizes and the too-small flag, tone with its bootstrap interval, readability."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import frequency, groups, sentiment, tables
from analysis.corpus import Document
from analysis.frequency.groups import NONE, document_groups, group_label


def doc(id_: str, text: str, **meta) -> Document:
    return Document(id_, f"title {id_}", "test", text, meta=meta)


@pytest.fixture(scope="module")
def two_outlets() -> list[Document]:
    """Outlet X: 3 documents of 40 words, each "alpha" x10, "zeta" x2, "other" x28 (120 words:
    alpha 30, zeta 6, other 84). Outlet Y: 3 documents of 60 words, each "alpha" x5, "other"
    x55 (180 words: alpha 15, other 165). No punctuation, so every token is a word."""
    x = " ".join(["alpha"] * 10 + ["zeta"] * 2 + ["other"] * 28)
    y = " ".join(["alpha"] * 5 + ["other"] * 55)
    return ([doc(f"x{i}", x, outlet="X") for i in range(3)]
            + [doc(f"y{i}", y, outlet="Y") for i in range(3)])


def row(table: pd.DataFrame, group: str, word: str) -> pd.Series:
    hit = table[(table["group"] == group) & (table["word"] == word)]
    assert len(hit) == 1, (group, word, table)
    return hit.iloc[0]


# --- key words by group: the statistics by hand ------------------------------------------------

def test_g2_p_and_log_ratio_of_a_group_against_the_rest_by_hand(two_outlets):
    key = frequency.keyness_by_group(two_outlets, by="outlet", min_count=1, min_words=1,
                                     top=None)
    alpha = row(key, "X", "alpha")
    # a = 30 of c = 120 words in X, b = 15 of d = 180 words in the rest (Y).
    # Expected: E1 = c * (a + b) / (c + d) = 120 * 45 / 300 = 18; E2 = 180 * 45 / 300 = 27.
    # G2 = 2 * (30 * ln(30 / 18) + 15 * ln(15 / 27)) = 2 * (15.32477 - 8.81680) = 13.01594.
    assert (alpha["target"], alpha["reference"]) == (30, 15)
    assert alpha["g2"] == 13.016
    assert alpha["g2"] == round(2 * (30 * math.log(30 / 18) + 15 * math.log(15 / 27)), 3)
    # p: chi-squared upper tail, 1 d.f.: erfc(sqrt(G2 / 2)) = erfc(2.55107) = 0.000309.
    assert alpha["p"] == 0.000309
    # log ratio (Hardie 2014): log2((30 / 120) / (15 / 180)) = log2(0.25 / 0.08333) = log2(3).
    assert alpha["log_ratio"] == round(math.log2(3), 3) == 1.585
    assert (alpha["target_per_1000"], alpha["reference_per_1000"]) == (250.0, 83.333)
    assert alpha["range"] == 3 and alpha["rank"] == 1


def test_a_word_absent_from_the_rest_takes_half_a_count_for_the_log_ratio(two_outlets):
    key = frequency.keyness_by_group(two_outlets, by="outlet", min_count=1, min_words=1,
                                     top=None)
    zeta = row(key, "X", "zeta")
    # a = 6 of 120, b = 0 of 180: E1 = 120 * 6 / 300 = 2.4; G2 = 2 * 6 * ln(6 / 2.4) = 10.99549.
    assert zeta["g2"] == round(2 * 6 * math.log(6 / 2.4), 3) == 10.995
    # log ratio with the zero taken as 0.5: log2((6 / 120) / (0.5 / 180)) = log2(18) = 4.170.
    assert zeta["log_ratio"] == round(math.log2(18), 3) == 4.17
    assert zeta["reference"] == 0


def test_under_used_words_are_negative_and_mirror_the_other_group(two_outlets):
    under = frequency.keyness_by_group(two_outlets, by="outlet", min_count=1, min_words=1,
                                       direction="under", top=None)
    alpha = row(under, "Y", "alpha")
    # Y against X: a = 15 of 180, b = 30 of 120: the same G2, negative; log2(1/3).
    assert alpha["g2"] == -13.016 and alpha["log_ratio"] == -1.585
    assert (under["g2"] < 0).all()
    with pytest.raises(ValueError, match="direction"):
        frequency.keyness_by_group(two_outlets, by="outlet", direction="sideways")


def test_keyness_by_group_agrees_with_keyness_of_the_group_against_the_rest(two_outlets):
    by_group = frequency.keyness_by_group(two_outlets, by="outlet", min_count=1, min_words=1,
                                          top=None)
    x_docs = [d for d in two_outlets if d.meta["outlet"] == "X"]
    rest = [d for d in two_outlets if d.meta["outlet"] != "X"]
    plain = frequency.keyness(x_docs, rest, min_count=1)
    plain = plain[plain["g2"] > 0].set_index("word")
    mine = by_group[by_group["group"] == "X"].set_index("word")
    for col in ("target", "reference", "g2", "p", "log_ratio"):
        assert mine[col].to_dict() == plain.loc[mine.index, col].to_dict()


def test_key_words_are_sorted_ranked_and_cut_per_group(two_outlets):
    key = frequency.keyness_by_group(two_outlets, by="outlet", min_count=1, min_words=1, top=1)
    assert key["group"].tolist() == ["X", "Y"]
    assert key["rank"].tolist() == [1, 1]
    assert list(key.columns) == ["group", "rank", "word", "target", "reference",
                                 "target_per_1000", "reference_per_1000", "range", "g2", "p",
                                 "log_ratio"]
    full = frequency.keyness_by_group(two_outlets, by="outlet", min_count=1, min_words=1,
                                      top=None)
    for _, part in full.groupby("group"):
        assert part["g2"].is_monotonic_decreasing
        assert part["rank"].tolist() == list(range(1, len(part) + 1))


def test_min_count_numbers_and_clitics(two_outlets):
    docs = two_outlets + [doc("x9", "2016 2016 2016 2016 2016 2016 2016 alpha Zeta's zeta's "
                                    "zeta's zeta's zeta's zeta's zeta's", outlet="X")]
    key = frequency.keyness_by_group(docs, by="outlet", min_count=7, min_words=1, top=None)
    assert "zeta" in set(key["word"])  # 6 + 7 occurrences in X
    assert not {"2016", "'s"} & set(key["word"])  # numbers and clitics are never key words
    key = frequency.keyness_by_group(docs, by="outlet", min_count=14, min_words=1, top=None)
    assert "zeta" not in set(key["word"])  # 13 < 14 occurrences


# --- groups too small, one group, missing values, bad column -----------------------------------

def test_a_group_with_one_short_document_is_flagged_and_not_ranked(two_outlets):
    docs = two_outlets + [doc("z", "Zeta zeta zeta zeta zeta zeta said the lone outlet.",
                              outlet="Z")]
    sizes = groups.group_sizes(docs, by="outlet", min_words=100)
    assert sizes.set_index("group")["too_small"].to_dict() == {"X": False, "Y": False,
                                                                "Z": True}
    key = frequency.keyness_by_group(docs, by="outlet", min_count=1, min_words=100, top=None)
    assert "Z" not in set(key["group"])
    # Z's words are still part of the rest for the other groups: zeta 6 in X, 6 in Z.
    assert row(key, "X", "zeta")["reference"] == 6
    tone = groups.tone_by_group(docs, by="outlet", min_words=100)
    z = tone.set_index("group").loc["Z"]
    assert z["too_small"] and z["documents"] == 1 and np.isnan(z["ci_low"])


def test_a_one_group_corpus_has_sizes_and_tone_but_no_key_words():
    docs = [doc(f"d{i}", "A quiet day. Nothing happened in the town.", desk="news")
            for i in range(3)]
    sizes = groups.group_sizes(docs, by="desk", min_words=1)
    assert sizes[["group", "documents", "sentences", "words"]].values.tolist() == [
        ["news", 3, 6, 24]]
    assert sizes["share_of_words"].tolist() == [1.0]
    key = frequency.keyness_by_group(docs, by="desk", min_count=1, min_words=1)
    assert key.empty and list(key.columns) == frequency.groups.KEYNESS_COLUMNS
    assert len(groups.tone_by_group(docs, by="desk")) == 1
    assert len(frequency.frequency_by_group(docs, ["town"], by="desk")) == 1


def test_documents_without_a_value_form_their_own_group():
    docs = [doc("a", "One.", desk="news"), doc("b", "Two."), doc("c", "Three.", desk=None),
            doc("d", "Four.", desk="  ")]
    assert document_groups(docs, "desk")["group"].tolist() == ["news", NONE, NONE, NONE]
    assert groups.group_sizes(docs, by="desk")["group"].tolist() == [NONE, "news"]
    assert [group_label(v) for v in (2016, float("nan"), pd.NaT)] == ["2016", NONE, NONE]


def test_an_unknown_column_is_a_clear_error_listing_the_columns(two_outlets):
    for call in (lambda: frequency.keyness_by_group(two_outlets, by="publisher"),
                 lambda: frequency.frequency_by_group(two_outlets, ["alpha"], by="publisher"),
                 lambda: groups.group_sizes(two_outlets, by="publisher"),
                 lambda: groups.tone_by_group(two_outlets, by="publisher"),
                 lambda: groups.readability_by_group(two_outlets, by="publisher")):
        with pytest.raises(ValueError, match=r"'publisher'.*have: outlet, source, title"):
            call()
    with pytest.raises(ValueError, match="column of the 'words' table"):
        frequency.keyness_by_group(two_outlets, by="word")


# --- relative frequency by group ---------------------------------------------------------------

def test_frequency_by_group_per_10000_words_by_hand(two_outlets):
    freq = frequency.frequency_by_group(two_outlets, ["Alpha", "zeta", "absent"], by="outlet",
                                        min_words=1)
    got = freq.set_index(["group", "term"])
    # X: alpha 30 of 120 words = 2,500 per 10,000; Y: 15 of 180 = 833.33 per 10,000.
    assert got.loc[("X", "alpha"), "per_10k"] == 2500.0
    assert got.loc[("Y", "alpha"), "per_10k"] == round(15 * 10000 / 180, 2) == 833.33
    assert got.loc[("Y", "zeta"), ["count", "range", "per_10k"]].tolist() == [0, 0, 0.0]
    assert got.loc[("X", "zeta"), ["count", "range", "documents", "words"]].tolist() == [
        6, 3, 3, 120]
    assert freq["term"].tolist() == ["alpha", "zeta", "absent"] * 2
    with pytest.raises(ValueError, match="one word"):
        frequency.frequency_by_group(two_outlets, ["prime minister"], by="outlet")


# --- tone ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def toned() -> list[Document]:
    texts = {"A": ["Great success for the team. A fine day.", "Wonderful news today.",
                   "The rescue was a triumph. Nothing else."],
             "B": ["The attack killed ten people. Terrible.", "A sad and awful loss.",
                   "Rain fell. Talks failed badly."]}
    return [doc(f"{g}{i}", t, outlet=g) for g, ts in texts.items() for i, t in enumerate(ts)]


def test_tone_by_group_means_and_shares_from_the_sentences(toned):
    tone = groups.tone_by_group(toned, by="outlet")
    sent = sentiment.sentence_table(toned).merge(document_groups(toned, "outlet"))
    for g, part in sent.groupby("group"):
        got = tone.set_index("group").loc[g]
        assert got["mean_compound"] == round(part["compound"].mean(), 4)
        assert got["sentences"] == len(part) and got["documents"] == 3
        shares = part["label"].value_counts(normalize=True)
        for lab in ("negative", "neutral", "positive"):
            assert got[lab] == round(shares.get(lab, 0.0), 4)
        assert got["ci_low"] <= got["mean_compound"] <= got["ci_high"]
    assert (tone[["negative", "neutral", "positive"]].sum(axis=1).round(3) == 1).all()
    assert list(tone.columns) == ["group", "documents", "sentences", "mean_compound",
                                  "ci_low", "ci_high", "negative", "neutral", "positive",
                                  "words", "too_small"]


def test_tone_interval_is_deterministic_and_depends_on_the_seed(toned):
    first = groups.tone_by_group(toned, by="outlet")
    assert first.equals(groups.tone_by_group(toned, by="outlet"))
    other = groups.tone_by_group(toned, by="outlet", seed=1, resamples=50)
    assert not first[["ci_low", "ci_high"]].equals(other[["ci_low", "ci_high"]])
    # a group's interval does not depend on which other groups are present
    only_a = groups.tone_by_group([d for d in toned if d.meta["outlet"] == "A"], by="outlet")
    assert only_a.iloc[0]["ci_low"] == first.iloc[0]["ci_low"]


def test_tone_accepts_a_sentence_table_already_computed(toned):
    table = sentiment.sentence_table(toned)
    assert groups.tone_by_group(toned, by="outlet", sentences=table).equals(
        groups.tone_by_group(toned, by="outlet"))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.floats(-1, 1), st.integers(1, 20)), min_size=2, max_size=12),
       st.integers(0, 2**32 - 1))
def test_bootstrap_interval_lies_within_the_document_means(clusters, seed):
    counts = np.array([n for _, n in clusters], dtype=float)
    sums = np.array([m * n for m, n in clusters])
    low, high = groups.bootstrap_mean(sums, counts, seed=seed, resamples=200)
    means = sums / counts
    assert means.min() - 1e-9 <= low <= high <= means.max() + 1e-9


def test_bootstrap_needs_two_documents():
    assert all(np.isnan(v) for v in groups.bootstrap_mean(np.array([1.0]), np.array([2.0])))


# --- readability by group -----------------------------------------------------------------------

def test_readability_by_group_pools_the_documents_counts(toned):
    per_doc = tables.per_document(toned, groups.READABILITY, meta=("outlet",))
    read = groups.readability_by_group(toned, by="outlet", min_words=1)
    for g, part in per_doc.groupby("outlet"):
        got = read.set_index("group").loc[g]
        w, s, y = (int(part[c].sum()) for c in ("words", "sentences", "syllables"))
        assert (got["words"], got["sentences"], got["syllables"]) == (w, s, y)
        assert got["reading_ease"] == round(206.835 - 1.015 * (w / s) - 84.6 * (y / w), 2)
        assert got["grade"] == round(0.39 * (w / s) + 11.8 * (y / w) - 15.59, 2)
        assert got["median_reading_ease"] == round(part["reading_ease"].median(), 3)
    assert not read["too_small"].any()


# --- properties on any small corpus -------------------------------------------------------------

corpora = st.lists(
    st.tuples(st.sampled_from(["X", "Y", "Z", None]),
              st.lists(st.sampled_from(["war", "peace", "talks", "Libya's", "army", "the", ".",
                                        "2016", "U.S.", "don't"]), max_size=30).map(" ".join)),
    min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(corpora)
def test_key_words_add_up_and_signs_agree(items):
    docs = [doc(f"d{i}", text, outlet=outlet) for i, (outlet, text) in enumerate(items)]
    totals = frequency.word_totals(docs).set_index("word")["count"]
    sizes = groups.group_sizes(docs, by="outlet", min_documents=1, min_words=1)
    assert sizes["words"].sum() == totals.sum()
    for direction in ("over", "under"):
        key = frequency.keyness_by_group(docs, by="outlet", min_count=1, min_documents=1,
                                         min_words=1, top=None, direction=direction)
        for r in key.itertuples():
            assert r.target + r.reference == totals[r.word]
            if r.reference:  # with a zero, the 0.5 of Hardie's ratio may outweigh a tiny rest
                assert np.sign(r.g2) == np.sign(r.log_ratio) or 0 in (r.g2, r.log_ratio)
            c = int(sizes.set_index("group").at[r.group, "words"])
            assert abs(r.g2) == round(frequency.g2(r.target, r.reference, c,
                                                   totals.sum() - c), 3)
        if len(sizes) < 2:
            assert key.empty


def test_each_key_word_gets_a_line_from_the_group_document_that_uses_it_most():
    docs = [doc("x1", "Alpha came once. Nothing else here today.", outlet="X"),
            doc("x2", "Alpha, alpha and alpha again: alpha everywhere.", outlet="X"),
            doc("y1", "Beta only. Beta twice.", outlet="Y")]
    key = frequency.keyness_by_group(docs, by="outlet", min_count=1, min_documents=1,
                                     min_words=1, top=1)
    lines = groups.key_word_lines(docs, key, by="outlet", width=20)
    assert list(lines.columns) == groups.LINE_COLUMNS
    assert lines[["group", "word", "document"]].values.tolist() == [
        ["X", "alpha", "x2"], ["Y", "beta", "y1"]]
    assert lines["keyword"].str.lower().tolist() == ["alpha", "beta"]
    assert lines.iloc[0]["title"] == "title x2" and lines.iloc[0]["left"] == ""
    assert groups.key_word_lines(docs, key.iloc[:0], by="outlet").empty

"""Word frequency, n-grams, collocations, keyness, diversity, Zipf, dispersion, KWIC, tables."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import concordance, dispersion, frequency, methods, tables
from analysis.corpus import Corpus, Document, load_corpus
from analysis.tokenise import STOPWORDS, word_spans

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_81c44d20d7573865.txt"


@pytest.fixture(scope="module")
def seed() -> Corpus:
    return load_corpus(SEED)


# --- the seed's headline results ---------------------------------------------------------------

def test_seed_most_frequent_content_words(seed):
    top = frequency.word_counts(seed, drop_stopwords=True, top=5)
    assert top[["word", "count"]].values.tolist() == [
        ["armed", 6], ["benghazi", 6], ["city", 5], ["groups", 4], ["thursday", 4]]
    assert top["per_1000"].tolist()[0] == round(6 * 1000 / 427, 3)


def test_seed_most_frequent_words_with_stopwords(seed):
    top = frequency.word_counts(seed, top=3)
    assert top["word"].tolist() == ["the", "of", "a"]
    assert top["count"].tolist() == [27, 17, 13]


def test_seed_collocations(seed):
    col = frequency.collocations(seed, min_count=2, measure="g2")
    assert [(r.w1, r.w2, r.count) for r in col.itertuples()] == [
        ("army", "units", 2), ("united", "states", 2), ("armed", "groups", 3)]
    by_pmi = frequency.collocations(seed, min_count=2, measure="pmi")
    assert by_pmi["pmi"].is_monotonic_decreasing
    by_t = frequency.collocations(seed, min_count=2, measure="t_score")
    assert by_t.iloc[0][["w1", "w2"]].tolist() == ["armed", "groups"]


def test_seed_key_words_against_english(seed):
    key = frequency.keyness_vs_english(seed, min_count=2, top=5)
    assert key["word"].tolist() == ["benghazi", "armed", "tripoli", "islamist", "haftar"]
    assert (key["g2"] > 15.13).all() and (key["log_ratio"] > 5).all()
    assert key["in_reference"].all()


def test_seed_lexical_diversity(seed):
    div = frequency.lexical_diversity(seed)
    assert (div["tokens"], div["types"]) == (427, 244)
    assert div["ttr"] == round(244 / 427, 3)
    assert 0 < div["ttr"] < div["mattr"] <= 1


def test_seed_bigrams(seed):
    bi = frequency.ngrams(seed, n=2, top=3)
    assert bi[["ngram", "count"]].values.tolist() == [
        ["armed groups", 3], ["army units", 2], ["united states", 2]]


# --- counts add up -----------------------------------------------------------------------------

words_text = st.lists(
    st.sampled_from(["war", "peace", "the", "Libya", "Libya's", "10,000", ",", ".", "U.S.",
                     "don't", "city", "\n", "—", "militias", "Sept.", "2012"]),
    min_size=0, max_size=80).map(" ".join)


@settings(max_examples=120, deadline=None)
@given(words_text)
def test_counts_add_up_to_the_number_of_words(text):
    counts = frequency.word_counts(text)
    ws = frequency.words(text)
    assert counts["count"].sum() == len(ws)
    assert dict(zip(counts["word"], counts["count"], strict=True)) == Counter(ws)
    if len(ws):
        assert math.isclose(counts["per_1000"].sum(), 1000, abs_tol=0.01 * len(counts))
    no_stop = frequency.word_counts(text, drop_stopwords=True)
    assert no_stop["count"].sum() == sum(1 for w in ws if w not in STOPWORDS)
    # rates are per 1,000 of all words, so a word's rate is the same with or without stopwords
    both = counts.merge(no_stop, on="word", suffixes=("_all", "_content"))
    assert (both["per_1000_all"] == both["per_1000_content"]).all()


@settings(max_examples=80, deadline=None)
@given(words_text, st.integers(1, 4))
def test_ngrams_never_cross_punctuation_or_sentences(text, n):
    grams = frequency.ngrams(text, n=n, drop_stopwords=False)
    for g in grams["ngram"]:
        parts = g.split(" ")
        assert len(parts) == n
        assert not any(p in {",", ".", "—"} for p in parts)
    # total n-grams can never exceed the words
    assert grams["count"].sum() <= max(0, len(frequency.words(text)))


@settings(max_examples=120, deadline=None)
@given(words_text)
def test_the_stored_ngrams_are_the_content_ngrams_of_each_sentence(text):
    from analysis.frequency.counts import NGRAMS, _grams, sentence_words

    doc = Document("d", "d", "d", text)
    expected = []
    for n in (2, 3):
        counts = Counter(g for s in sentence_words(doc) for g in _grams(s, n, True))
        expected += [(n, g, c) for g, c in sorted(counts.items())]
    assert list(NGRAMS.rows(doc)) == expected


def test_ngram_rejects_bad_n():
    with pytest.raises(ValueError, match="n must be at least 1"):
        frequency.ngrams("a b", n=0)


def test_collocations_rejects_unknown_measure():
    with pytest.raises(ValueError, match="measure must be one of"):
        frequency.collocations("a b", measure="chi")


def test_ranks_share_ties_and_sort_alphabetically():
    c = frequency.word_counts("b a c a b d")
    assert c.values.tolist() == [["a", 2, 333.333, 1], ["b", 2, 333.333, 1],
                                 ["c", 1, 166.667, 3], ["d", 1, 166.667, 3]]


def test_curly_and_straight_apostrophes_count_alike():
    c = frequency.word_counts("Thursday’s and Thursday's")
    assert dict(zip(c["word"], c["count"], strict=True))["'s"] == 2


# --- keyness -----------------------------------------------------------------------------------

def test_keyness_g2_matches_dunning_formula():
    target = {"war": 30, "peace": 2, "other": 968}
    reference = {"war": 10, "peace": 40, "other": 9950}
    k = frequency.keyness(target, reference, min_count=1).set_index("word")
    a, b, c, d = 30, 10, 1000, 10000
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g2 = 2 * (a * math.log(a / e1) + b * math.log(b / e2))
    assert k.loc["war", "g2"] == round(g2, 3)
    assert k.loc["peace", "g2"] < 0  # under-used: signed negative
    assert k.loc["war", "log_ratio"] == round(math.log2((30 / 1000) / (10 / 10000)), 3)
    assert k.loc["war", "p"] < 0.0001


def test_keyness_zero_reference_count_uses_half():
    k = frequency.keyness({"new": 4, "x": 96}, {"x": 100}, min_count=1).set_index("word")
    assert k.loc["new", "log_ratio"] == round(math.log2((4 / 100) / (0.5 / 100)), 3)


def test_keyness_between_texts(seed):
    other = Document.from_text("The weather was fine and the city was calm. People walked.")
    k = frequency.keyness(seed, other, min_count=3, drop_stopwords=True)
    assert "benghazi" in k["word"].head(5).tolist()


def test_keyness_without_words_on_a_side_has_no_key_words():
    assert frequency.keyness("", "words here").empty
    assert frequency.keyness("words here", "...").empty
    empty = frequency.keyness_vs_english("... !!")
    assert empty.empty and "g2" in empty.columns


# --- lexical diversity, Zipf, dispersion -------------------------------------------------------

def test_mattr_equals_ttr_for_short_texts():
    d = frequency.lexical_diversity(["a", "b", "a"], window=50)
    assert d["mattr"] == d["ttr"]


def test_mattr_window_average():
    # windows of 2 over a b a a: (a b)=1, (b a)=1, (a a)=0.5 -> mean 0.833
    assert frequency.lexical_diversity(["a", "b", "a", "a"], window=2)["mattr"] == 0.833


def test_hapaxes():
    assert frequency.hapaxes("The war, the peace, the end.") == ["end", "peace", "war"]


def test_zipf_table_is_ranked(seed):
    z = frequency.zipf_table(seed)
    assert z["count"].is_monotonic_decreasing
    assert z["rank"].tolist() == list(range(1, len(z) + 1))
    assert z["count"].sum() == 427


def test_dispersion_points_back_at_the_text(seed):
    doc = seed[0]
    where = dispersion.dispersion(doc, ["Benghazi", "tripoli"])
    assert len(where[where["word"] == "Benghazi"]) == 6
    for row in where.itertuples():
        assert doc.text[row.start:row.end].lower() == row.word.lower()
        assert 0 <= row.position <= 1
    assert where["position"].is_monotonic_increasing or len(set(where["word"])) > 1


def test_dispersion_measures_even_and_bunched():
    even = " ".join(["war filler filler filler"] * 10)
    bunched = " ".join(["war"] * 10 + ["filler"] * 30)
    d_even = dispersion.dispersion_measures(even, ["war"]).iloc[0]
    d_bunched = dispersion.dispersion_measures(bunched, ["war"]).iloc[0]
    assert d_even["range"] == 10 and d_even["juilland_d"] > 0.95 and d_even["dp"] < 0.05
    assert d_bunched["range"] < 5 and d_bunched["juilland_d"] < 0.5 and d_bunched["dp"] > 0.5


def test_dispersion_over_documents():
    corpus = Corpus([Document.from_text("war and peace", id="a"),
                     Document.from_text("peace only here", id="b")])
    m = dispersion.dispersion_measures(corpus, ["war", "peace"]).set_index("word")
    assert m.loc["war", "range"] == 1 and m.loc["peace", "range"] == 2
    assert m.loc["war", "parts"] == 2


# --- concordance -------------------------------------------------------------------------------

def test_kwic_offsets_point_at_the_keyword(seed):
    lines = concordance.kwic(seed, "benghazi", width=30)
    assert len(lines) == 6
    text = seed[0].text
    for row in lines.itertuples():
        assert text[row.start:row.end] == row.keyword == "Benghazi"
        assert len(row.left) <= 30 and len(row.right) <= 30
        _assert_whole_words(text, row.start, row.end, row.left, row.right)


def _one_line(text: str) -> str:
    """Text as a context shows it: line breaks as ' ¶ ', other spaces as one."""
    return re.sub(r"\s+", " ", re.sub(r"\s*\n\s*", concordance.BREAK, text)).strip()


def _assert_whole_words(text: str, start: int, end: int, left: str, right: str) -> None:
    before, after = _one_line(text[:start]), _one_line(text[end:])
    assert before.endswith(left) and after.startswith(right)
    cut = len(before) - len(left)
    assert not left or cut == 0 or before[cut - 1] == " "  # no word cut on the left
    assert not right or len(right) == len(after) or after[len(right)] == " "


def test_kwic_context_drops_a_word_cut_by_the_window():
    """The user's complaint: '...ident said th'."""
    lines = concordance.kwic("Then the president said that it was over.", "said", width=10)
    assert lines[["left", "right"]].values.tolist() == [["president", "that it"]]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n.", max_size=60), st.data(), st.integers(1, 20))
def test_kwic_context_is_whole_words_within_the_width(text, data, width):
    """Each side is whole words of the text as shown, at most ``width`` characters, whatever
    the text and the window."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    left, right = concordance.context(text, start, end, width=width)
    assert len(left) <= width and len(right) <= width
    _assert_whole_words(text, start, end, left, right)


def test_kwic_shows_the_break_after_a_headline():
    """A headline on its own line never runs into the first sentence; in hard-wrapped text
    only a blank line is a break."""
    text = "Debate night\nThe president said that the\nvote was near.\n\nPresident Lee won."
    lines = concordance.kwic(text, "president", width=30)
    assert lines[["left", "right"]].values.tolist() == [
        ["Debate night ¶ The", "said that the ¶ vote was near."],
        ["that the ¶ vote was near. ¶", "Lee won."]]
    wrapped = Document.from_text(text, id="w", hard_wrapped=True)
    assert concordance.kwic(wrapped, "president", width=30)["left"].tolist() == [
        "Debate night The", "said that the vote was near. ¶"]


def test_kwic_phrase_and_list():
    text = "Armed groups came. The armed groups left. Groups of armed men."
    assert concordance.kwic(text, "armed groups")["keyword"].tolist() == ["Armed groups",
                                                                         "armed groups"]
    assert len(concordance.kwic(text, ["armed", "men"])) == 4


def test_kwic_matches_whole_tokens_only():
    lines = concordance.kwic("The warship sailed to war. Libya's war.", "war")
    assert lines["keyword"].tolist() == ["war", "war"]
    assert len(concordance.kwic("Libya's army", "libya")) == 1


def test_kwic_sorting():
    text = "zeta war beta. alpha war gamma."
    assert concordance.kwic(text, "war", sort="left", width=6)["left"].tolist() == ["alpha",
                                                                                  "zeta"]
    assert concordance.kwic(text, "war", sort="right", width=6)["right"].tolist() == ["beta.",
                                                                                    "gamma."]
    broken = "zeta war\nbeta. alpha\nwar gamma."  # sorted by words, never by a break mark
    assert concordance.kwic(broken, "war", sort="left", width=8)["left"].tolist() == [
        "alpha ¶", "zeta"]
    with pytest.raises(ValueError):
        concordance.kwic(text, "war", sort="middle")


def test_kwic_case_sensitive():
    assert len(concordance.kwic("War and war", "war", ignore_case=False)) == 1


# --- tables and comparisons --------------------------------------------------------------------

def test_token_table_offsets_and_kinds(seed):
    t = tables.token_table(seed)
    text = seed[0].text
    assert all(text[s:e] == tok for s, e, tok in zip(t["start"], t["end"], t["token"],
                                                    strict=True))
    assert (t["kind"] == "punct").sum() == 467 - 427
    assert t["index"].tolist() == list(range(len(t)))


def test_sentence_table_words_add_up(seed):
    s = tables.sentence_table(seed)
    assert s["words"].sum() == 427
    text = seed[0].text
    assert all(text[a:b] == t for a, b, t in zip(s["start"], s["end"], s["text"], strict=True))


def test_tricky_tokens_on_the_seed(seed):
    t = methods.tricky_tokens(seed[0].text).set_index("kind")
    assert t.loc["hyphenated word", "ours"] == "al-Shariah | ,"
    assert t.loc["hyphenated word", "regex \\w+"] == "al | Shariah"
    assert t.loc["possessive / contraction (’)", "ours"] == "Thursday | ’s"
    assert t.loc["number with separator", "ours"] == "10,000"


def test_sentence_splitters_disagree_at_abbreviations(seed):
    counts, dis = methods.sentence_splitters(seed[0].text)
    assert counts.set_index("splitter").loc["ours", "sentences"] == 15
    contexts = " ".join(dis["context"])
    assert "Sept.⟂" in contexts and "U.S.⟂" in contexts
    assert (dis["ours"] == "-").all()


def test_vocabulary_steps_shrink(seed):
    v = methods.vocabulary_steps(seed[0].text)
    # cumulative steps up to the stems; lemmas are the alternative to stems, after stopwords
    assert v["types"].iloc[:-1].is_monotonic_decreasing
    assert v.iloc[-1]["step"] == "lemmatised" and v.iloc[-1]["types"] <= v.iloc[-3]["types"]
    assert v.iloc[0]["tokens"] == len(word_spans(seed[0].text))


def test_english_frequency_equals_wordfreq_for_every_kind_of_word():
    from wordfreq import get_frequency_dict, word_frequency

    from analysis.frequency.keywords import english_frequency

    listed = sorted(get_frequency_dict("en", "best"))[::50]
    others = ["militias", "benghazi", "qwxzv", "u.s.", "don't", "'s", "n't", "10,000", "e-mail",
              "café", "2012", "al-shariah", "x"]
    for word in listed + others:
        assert english_frequency(word) == word_frequency(word, "en"), word

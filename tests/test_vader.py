"""analysis.vader: identical scores to the reference VADER, and explanations that add up."""

from __future__ import annotations

import doctest
import math
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
)

from analysis.sentiment import vader
from analysis.sentiment.vader import (
    C_INCR,
    EMOJIS,
    LEXICON,
    N_SCALAR,
    explain,
    explanation,
    polarity,
)
from analysis.tokenise.fold import APOSTROPHES, QUOTES, fold

REFERENCE = SentimentIntensityAnalyzer()
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def assert_same(text: str) -> None:
    """Our scores are the reference's scores of the folded text (apostrophe and quote variants
    written ' and "): same keys in the same order, the same floats. On text with no variant
    (fold(text) is text) that is the reference's score of the text itself."""
    ours = polarity(text)
    ref = REFERENCE.polarity_scores(fold(text))
    assert list(ours) == list(ref), text
    assert [v.hex() for v in ours.values()] == [float(v).hex() for v in ref.values()], (
        text, ours, ref)
    assert all(type(v) is float for v in ours.values())


def test_docstring_examples() -> None:
    result = doctest.testmod(vader, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 10
    assert result.failed == 0


# One word whose valence is 2.0 and one whose valence is 1.0: with "but" after them the
# reference's list.index() lookup halves the first word twice and the second not at all.
TWO = next(w for w, v in sorted(LEXICON.items()) if v == 2.0 and w.isalpha())
ONE = next(w for w, v in sorted(LEXICON.items()) if v == 1.0 and w.isalpha())

EDGE_CASES = [
    # the reference's own demonstration sentences
    "VADER is smart, handsome, and funny.",
    "VADER is smart, handsome, and funny!",
    "VADER is very smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "The book was good.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today SUX!",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all",
    "Sentiment analysis has never been good.",
    "Sentiment analysis has never been this good!",
    "Most automated sentiment analysis tools are shit.",
    "With VADER, sentiment analysis is the shit!",
    "Other sentiment analysis tools can be quite bad.",
    "On the other hand, VADER is quite bad ass",
    "VADER is such a badass!",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the most compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Not such a badass after all.",
    "Without a doubt, an excellent idea.",
    # negation window, "never so", "without doubt"
    "It was never so good", "It was never this bad", "never so very good", "not very good",
    "it isn't really that good", "it is not the worst", "I don't think it is bad",
    "never ever good", "without any doubt good", "without doubt good", "doubt good",
    "nothing good happened", "nobody was happy", "not not good",
    # "kind of", "sort of", "least"
    "kind of good", "it is kind of good", "it was kind of bad really", "sort of nice",
    "this is sort of a great day", "kinda good", "the least bad option", "least bad",
    "at least good", "very least good", "kind", "kind of", "of kind",
    # "but"
    "good but bad", "bad but good", "but good", "good but", "BUT good", "good, but... bad",
    "good but bad but great", f"{TWO} {ONE} but fine", f"nice {TWO} {ONE} but {ONE} {TWO}",
    "good good but great great", "but",
    # capitals
    "GOOD", "GOOD movie", "VERY good", "very GOOD", "NOT good", "GOOD BAD", "NO good",
    "Good", "A GREAT day", "I LOVE IT", "I love IT",
    # punctuation emphasis
    "good!", "good!!!!", "good!!!!!!!!", "bad!!!!", "good?", "good??", "good???", "good????",
    "bad?????", "good?!?!", "!!!", "???", "?!", "good ! ! ! !", "no!!!",
    # emoji and emoticons
    ":)", ":(", ":-)", ":D", ":d", "<3", "</3", ";)", "good :)", "bad :(", "(:", "):",
    "😀", "😢", "😀😀", "a😀b", "😀!", "I am 😡 about it", "💔", "☺️ smile", "🔛 go", "🆙",
    "👍🏽 nice", "🇬🇧 flag", "good😀", "😀 good", "x 😀 y", "\u2764 you", "\u2764\ufe0f you",
    # "no"
    "no", "no good", "no, good", "no no", "no no no", "no way", "no problem", "there is no doubt",
    "no bad or good", "no or bad", "no nor good", "no one is happy", "No. Good.", "yes no",
    "no good or bad at all", "the no", "no!",
    # idioms and special cases
    "the bomb", "it is the bomb", "this movie is the bomb", "it is the shit", "that was bad ass",
    "yeah right", "oh yeah right sure", "the kiss of death", "a cake to die for",
    "that is something to die for", "his beating heart", "at the bus stop",
    "he could cut the mustard",
    "in the black", "under the weather", "badass", "what a badass!", "the bomb exploded",
    "this is the kiss of death", "I said that yeah right", "a cake that is to die for",
    "that was so bad ass", "he was the bomb", "he is at the bus stop", "well the shit bad ass",
    "oh my the beating heart", "it was kind of the bomb", "it is sort of bad ass",
    "it is just enough good", "and then kind of good", "he is no or bad", "it was no nor good",
    # contractions and apostrophes
    "isn't good", "isn’t good", "don’t like it", "doesn't work", "can't stand it",
    "I can't stand it", "won't", "aint good", "ain't bad", "couldn't be better",
    "wouldn't recommend", "it isn't", "n't good", "'good'", '"good"', "(good)", "[bad]",
    # empty, whitespace, punctuation only, odd characters
    "", " ", "   \t\n ", "\u00a0", "\u2003good\u2003", ".", "...", "!?", "-", "--",
    string.punctuation, "a", "I", "ok", "OK", "\x00good", "good\r\nbad", "İstanbul is lovely",
    "ΣΊΣΥΦΟΣ happy", "ǅ good", "good\u200bbad", "\ud800 good",
    # boosters alone and combined
    "very", "very very very good", "extremely bad", "slightly good", "barely good",
    "hardly bad", "so good", "so so good", "the most amazing", "more good", "less bad",
    "fucking awesome", "FUCKING awesome", "just enough good", "totally NOT bad",
    "very no good", "so no bad", "really no good here", "VERY no good", "Very no good",
    "GOOD BAD", "I LOVE IT", "I LOVE it", "VERY VERY GOOD", "very very GOOD",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_polarity_equals_reference_on_edge_cases(text: str) -> None:
    assert_same(text)


def test_polarity_equals_reference_on_long_texts() -> None:
    seed = SEEDS[0].read_text(encoding="utf-8")
    assert_same(seed)
    long_text = " ".join(
        [seed, "but", seed.upper(), "NOT good!!", seed.replace(".", " but not so good."),
         seed.replace(" ", " 😀 "), seed.title()]
    )
    assert len(long_text.split()) > 2000
    assert_same(long_text)


def test_polarity_equals_reference_on_every_seed_line() -> None:
    lines = [line for p in SEEDS for line in p.read_text(encoding="utf-8").splitlines()]
    assert lines
    for line in lines:
        assert_same(line)


def test_lexicons_are_the_packages_own() -> None:
    assert LEXICON == REFERENCE.lexicon
    assert EMOJIS == REFERENCE.emojis


def test_polarity_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        polarity(b"good")  # type: ignore[arg-type]


def test_token_cache_limit_does_not_change_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vader, "_CACHE_LIMIT", 3)
    vader._FACTS.clear()
    for text in EDGE_CASES[:40]:
        assert_same(text)
    assert len(vader._FACTS) <= 4


# --- property-based ---------------------------------------------------------------------------
_LEXICON_WORDS = sorted(LEXICON)
_FUNCTION_WORDS = sorted(
    {w for k in BOOSTER_DICT for w in k.split()}
    | set(NEGATE)
    | {w for k in SPECIAL_CASES for w in k.split()}
    | {"but", "no", "least", "at", "very", "kind", "of", "sort", "never", "so", "this",
       "without", "doubt", "or", "nor", "the", "a", "movie", "acting", "it", "was", "is",
       "isn’t", "don’t", "n't", "cut", "mustard", "in", "black"}
)
_EMOJI = sorted(EMOJIS)  # single code points and longer sequences
_PHRASES = sorted(
    {k for k in SPECIAL_CASES} | {k for k in BOOSTER_DICT if " " in k}
    | {"never so", "never this", "without doubt", "without a doubt", "at least", "very least",
       "no or", "no nor", "kind of", "sort of", "cut the mustard", "not very", "isn't really"}
)
_PUNCT = st.text(alphabet=string.punctuation, max_size=3)

_word = st.one_of(
    st.sampled_from(_LEXICON_WORDS),
    st.sampled_from(_FUNCTION_WORDS),
    st.sampled_from(_EMOJI),
    st.sampled_from(_PHRASES),
    st.sampled_from(["!", "!!", "!!!!!", "?", "??", "???", "????", "?!", "...", ":)", ":("]),
    st.text(alphabet="abcXYZ'’!?.", min_size=1, max_size=5),
)


@st.composite
def _token(draw: st.DrawFn) -> str:
    word = draw(_word)
    case = draw(st.sampled_from(["keep", "keep", "upper", "title", "lower"]))
    if case == "upper":
        word = word.upper()
    elif case == "title":
        word = word.title()
    elif case == "lower":
        word = word.lower()
    return draw(_PUNCT) + word + draw(_PUNCT)


_SEPARATOR = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "", "\u00a0", "\u2003", " \r\n"])


@st.composite
def vader_texts(draw: st.DrawFn) -> str:
    tokens = draw(st.lists(_token(), max_size=24))
    parts = [draw(_SEPARATOR)]
    for token in tokens:
        parts += [token, draw(_SEPARATOR)]
    return "".join(parts)


_FAST = settings(max_examples=800, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(vader_texts())
def test_polarity_equals_reference_on_random_texts(text: str) -> None:
    assert_same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_polarity_equals_reference_on_arbitrary_unicode(text: str) -> None:
    assert_same(text)


# --- apostrophe and quote variants (issue 10, item 6) -----------------------------------------
_NO_VARIANTS = str.maketrans("", "", APOSTROPHES + QUOTES)


def assert_identical(text: str) -> None:
    """On text without apostrophe or quote variants, the reference's scores of the text itself."""
    assert fold(text) is text
    ours = polarity(text)
    ref = REFERENCE.polarity_scores(text)
    assert [v.hex() for v in ours.values()] == [float(v).hex() for v in ref.values()], (
        text, ours, ref)


@_FAST
@given(st.one_of(vader_texts(), st.text(max_size=60)).map(lambda t: t.translate(_NO_VARIANTS)))
@example("This isn't good.")
@example("\"Great,\" he said.")
def test_identical_to_the_reference_on_text_without_curly_apostrophes(text: str) -> None:
    assert_identical(text)


def test_the_curly_apostrophe_of_the_issue_negates() -> None:
    curly = polarity("This isn’t good.")
    assert curly == polarity("This isn't good.") == REFERENCE.polarity_scores("This isn't good.")
    assert curly["compound"] < 0 < REFERENCE.polarity_scores("This isn’t good.")["compound"]


@pytest.mark.parametrize("apostrophe", list(APOSTROPHES))
@pytest.mark.parametrize("text", [
    "This isn't good.", "I don't like it.", "It wasn't bad at all.", "They can't stand it.",
    "You ain't seen nothing.", "It's the movie's best scene.", "I couldn't be happier :')",
])
def test_every_apostrophe_variant_scores_like_the_straight_one(text: str, apostrophe: str) -> None:
    variant = text.replace("'", apostrophe)
    assert polarity(variant) == REFERENCE.polarity_scores(text)
    why = explain(variant)
    assert why.attrs["document"]["compound"] == REFERENCE.polarity_scores(text)["compound"]
    for row in why.itertuples():  # offsets still point into the text as written
        assert fold(variant[row.start:row.end]) == row.token


@pytest.mark.parametrize(("opening", "closing"), [("\u201c", "\u201d"), ("\u00ab", "\u00bb"),
                                                  ("\u201e", "\u201c"), ("\uff02", "\uff02")])
def test_curly_quotes_do_not_hide_a_word(opening: str, closing: str) -> None:
    # the reference strips only ASCII punctuation, so “Great,” was no word of its lexicon
    text = f"{opening}Great,{closing} he said. {opening}Awful.{closing}"
    assert polarity(text) == REFERENCE.polarity_scores('"Great," he said. "Awful."')


# --- explanations -------------------------------------------------------------------------------
def _normalise(x: float) -> float:
    """The reference's normalize(): x / sqrt(x*x + 15), clipped to [-1, 1]."""
    return max(-1.0, min(1.0, x / math.sqrt(x * x + 15)))


def check_explanation(text: str) -> None:
    e = explanation(text)
    assert e.scores == polarity(text) == REFERENCE.polarity_scores(fold(text))
    contributions = [t.contribution for t in e.tokens]
    # the sum of the contributions and the punctuation emphasis give compound
    total = float(sum(contributions))
    assert total == e.total
    emphasised = total + e.emphasis if total > 0 else total - e.emphasis if total < 0 else total
    assert emphasised == e.emphasised
    compound = _normalise(emphasised) if e.tokens else 0.0
    assert round(compound, 4) == e.scores["compound"]
    # and the pos/neg/neu split
    if e.tokens:
        pos_sum = sum(c + 1 for c in contributions if c > 0)
        neg_sum = sum(c - 1 for c in contributions if c < 0)
        neutral = sum(1 for c in contributions if c == 0)
        if pos_sum > -neg_sum:
            pos_sum += e.emphasis
        elif pos_sum < -neg_sum:
            neg_sum -= e.emphasis
        whole = pos_sum - neg_sum + neutral
        assert round(pos_sum / whole, 3) == e.scores["pos"]
        assert round(-neg_sum / whole, 3) == e.scores["neg"]
        assert round(neutral / whole, 3) == e.scores["neu"]
    # each word's steps chain from its lexicon valence to its contribution
    emoji_chars = {k for k in EMOJIS if len(k) == 1}
    previous_start = 0
    for t in e.tokens:
        if t.lexicon is None:
            assert t.steps == () and t.contribution == 0
        else:
            assert t.steps[0].rule == "lexicon" and t.steps[0].after == t.lexicon
            for a, b in zip(t.steps, t.steps[1:], strict=False):
                assert a.after == b.before
            assert t.steps[-1].after == t.contribution
        # offsets point at the word (or at the emoji whose description it comes from)
        assert t.start is not None and t.end is not None
        assert previous_start <= t.start < t.end <= len(text)
        previous_start = t.start
        source = text[t.start:t.end]
        if not emoji_chars & set(source):
            assert fold(source) == t.token


@pytest.mark.parametrize("text", EDGE_CASES)
def test_explanation_adds_up_on_edge_cases(text: str) -> None:
    check_explanation(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vader_texts())
def test_explanation_adds_up_on_random_texts(text: str) -> None:
    check_explanation(text)


def test_explain_shows_negation_but_caps_and_exclamations() -> None:
    text = "The movie was not good, but the acting was GREAT!!"
    table = explain(text)
    assert table["token"].tolist() == [
        "The", "movie", "was", "not", "good", "but", "the", "acting", "was", "GREAT"]
    good = table[table["token"] == "good"].iloc[0]
    great = table[table["token"] == "GREAT"].iloc[0]
    assert text[good["start"]:good["end"]] == "good"
    assert text[great["start"]:great["end"]] == "GREAT"
    assert good["negated_by"] == "not"
    assert good["valence"] == good["lexicon"] * N_SCALAR
    assert good["but"] == 0.5 and good["contribution"] == good["valence"] * 0.5
    assert great["valence"] == great["lexicon"] + C_INCR
    assert great["but"] == 1.5 and great["contribution"] == great["valence"] * 1.5
    assert "not" in good["rules"] and "but" in good["rules"] and "CAPS" in great["rules"]
    assert table.loc[table["token"] == "not", "role"].item() == "negation"
    doc = table.attrs["document"]
    assert doc["exclamations"] == 2 and doc["emphasis"] == 2 * 0.292
    assert doc["compound"] == polarity(text)["compound"]
    assert explain(text, scored_only=True)["token"].tolist() == ["good", "GREAT"]


def test_explain_records_the_but_quirk() -> None:
    # The reference finds values by equality: the 2.0 word is halved twice, the 1.0 word kept.
    e = explanation(f"{TWO} {ONE} but fine")
    first, second = e.tokens[0], e.tokens[1]
    assert first.but == 0.25 and first.contribution == 0.5
    assert second.but == 1.0 and second.contribution == 1.0
    assert e.scores == REFERENCE.polarity_scores(f"{TWO} {ONE} but fine")


def test_explain_offsets_of_emoji_and_punctuation() -> None:
    text = '"Great," she said 😀!'
    table = explain(text)
    rows = table.set_index("token")
    assert text[rows.loc["Great", "start"]:rows.loc["Great", "end"]] == "Great"
    assert text[rows.loc["grinning", "start"]:rows.loc["grinning", "end"]] == "😀"
    assert rows.loc["grinning", "start"] == rows.loc["face", "start"]


def test_explanation_summary_lists_document_steps() -> None:
    e = explanation("Terrible, terrible news???")
    summary = e.summary().set_index("step")["value"]
    assert summary["punctuation emphasis"] == 3 * 0.18
    assert summary["compound"] == polarity("Terrible, terrible news???")["compound"]
    assert summary["emphasised sum"] == e.total - e.emphasis

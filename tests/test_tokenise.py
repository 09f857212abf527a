"""Tests of analysis.tokenise: sentences and words with offsets, normalising, stopwords."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis.tokenise import (
    STOPWORDS,
    Token,
    is_number,
    is_punct,
    normalise,
    sentence_spans,
    sentences,
    tokens,
    word_spans,
    words,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_81c44d20d7573865.txt"


# --- words: the seed's tricky cases and the Penn Treebank conventions ----------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the U.S. ambassador", ["the", "U.S.", "ambassador"]),
        ("a Sept. 11, 2012, attack", ["a", "Sept.", "11", ",", "2012", ",", "attack"]),
        ("Ansar al-Shariah, the group", ["Ansar", "al-Shariah", ",", "the", "group"]),
        ("Amid Thursday’s announcement", ["Amid", "Thursday", "’s", "announcement"]),
        ("Libya's second largest city", ["Libya", "'s", "second", "largest", "city"]),
        ("more than 10,000 in", ["more", "than", "10,000", "in"]),
        ("some 13,000 Filipino workers", ["some", "13,000", "Filipino", "workers"]),
        ("shops closed — but", ["shops", "closed", "—", "but"]),
        ("the militias' control", ["the", "militias", "'", "control"]),
        ("don't", ["do", "n't"]),
        ("can't", ["ca", "n't"]),
        ("won’t", ["wo", "n’t"]),
        ("DON'T", ["DO", "N'T"]),
        ("they're", ["they", "'re"]),
        ("I'm, we've, she'll, he'd", ["I", "'m", ",", "we", "'ve", ",", "she", "'ll", ",", "he",
                                      "'d"]),
        ("O'Brien's rock'n'roll", ["O'Brien", "'s", "rock'n'roll"]),
        ("up 4.5% on $5", ["up", "4.5", "%", "on", "$", "5"]),
        ("US$ 20,000", ["US$", "20,000"]),
        ("a 14-year-old e-mail", ["a", "14-year-old", "e-mail"]),
        ("at 22:30 or 6:00am", ["at", "22:30", "or", "6:00am"]),
        ("the 20th and 1960s", ["the", "20th", "and", "1960s"]),
        ("wait... what…", ["wait", "...", "what", "…"]),
        ("seized -- an", ["seized", "--", "an"]),
        ("Mr. Smith and Dr. Jones", ["Mr.", "Smith", "and", "Dr.", "Jones"]),
        ("J. R. R. Tolkien", ["J.", "R.", "R.", "Tolkien"]),
        ("at 5 p.m., e.g. now", ["at", "5", "p.m.", ",", "e.g.", "now"]),
        ("No. 5 and Fig. 3", ["No.", "5", "and", "Fig.", "3"]),
        ("I said no.", ["I", "said", "no", "."]),
        ("in Benghazi.", ["in", "Benghazi", "."]),
        ("see https://example.com/a?b=1.", ["see", "https://example.com/a?b=1", "."]),
        ("mail jo.smith@example.org now", ["mail", "jo.smith@example.org", "now"]),
        ("#IStandWithAhmed @POTUS #2", ["#IStandWithAhmed", "@POTUS", "#2"]),
        ("great :-) sad :( <3", ["great", ":-)", "sad", ":(", "<3"]),
        ("Gawker.com and alt.religion.scientology", ["Gawker.com", "and",
                                                     "alt.religion.scientology"]),
        ("and/or AT&T", ["and/or", "AT&T"]),
        ('"Better," he said.', ['"', "Better", ",", '"', "he", "said", "."]),
        ("Ge\u0301rald", ["Ge\u0301rald"]),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected
    assert [text[s:e] for s, e in word_spans(text)] == expected


def test_the_seed_words() -> None:
    text = SEED.read_text(encoding="utf-8")
    toks = words(text)
    for expected in ["U.S.", "Sept.", "al-Shariah", "10,000", "13,000", "—", "’s", "self-declared"]:
        assert expected in toks
    assert "Libya's" not in toks and "Thursday’s" not in toks
    i = toks.index("Sept.")
    assert toks[i:i + 5] == ["Sept.", "11", ",", "2012", ","]


# --- sentences ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He met Mr. Smith. He left.", ["He met Mr. Smith.", "He left."]),
        ("Gen. Haftar led. Dr. Jones agreed.", ["Gen. Haftar led.", "Dr. Jones agreed."]),
        ("The U.S. ambassador died.", ["The U.S. ambassador died."]),
        ("It came to the U.S. The President spoke.",
         ["It came to the U.S.", "The President spoke."]),
        ("On Sept. 11, 2012, it began.", ["On Sept. 11, 2012, it began."]),
        ("It was No. 5 on the list.", ["It was No. 5 on the list."]),
        ("It rose 4.5 per cent.", ["It rose 4.5 per cent."]),
        ("J. R. R. Tolkien wrote it.", ["J. R. R. Tolkien wrote it."]),
        ("We met at 5 p.m. on Monday.", ["We met at 5 p.m. on Monday."]),
        ("We met at 5 p.m. It rained.", ["We met at 5 p.m.", "It rained."]),
        ("Apple Inc. said so. It works at Apple Inc. The firm grew.",
         ["Apple Inc. said so.", "It works at Apple Inc.", "The firm grew."]),
        ('"We won," he said. "Now we rest."', ['"We won," he said.', '"Now we rest."']),
        ('"Why?" he asked. She shrugged!', ['"Why?" he asked.', "She shrugged!"]),
        ("He said, 'Go.' Then he left.", ["He said, 'Go.'", "Then he left."]),
        ("(He left.) Then we ate.", ["(He left.)", "Then we ate."]),
        ("She paused... Then she spoke.", ["She paused...", "Then she spoke."]),
        ("She paused... and spoke.", ["She paused... and spoke."]),
        ("He scored in 2012. 2013 was worse.", ["He scored in 2012.", "2013 was worse."]),
        ("1. Apples\n2. Pears", ["1. Apples", "2. Pears"]),
        ("Headline\nFirst paragraph. Second sentence.",
         ["Headline", "First paragraph.", "Second sentence."]),
        ("One\n\nTwo", ["One", "Two"]),
        ("Items:\n- apples\n- pears", ["Items:", "- apples", "- pears"]),
        ("  Padded.   ", ["Padded."]),
        ("", []),
        (" \n\t ", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_the_seed_sentences_and_boilerplate_lines() -> None:
    text = SEED.read_text(encoding="utf-8")
    sents = sentences(text)
    assert sents[-4:] == [
        "Al Jazeera and The Associated Press",
        "Error",
        "Sorry, your comment was not saved due to a technical problem.",
        "Please try again later or using a different browser.",
    ]
    assert not any("\n" in s for s in sents)
    assert any(s.startswith("Among the factions is Ansar al-Shariah") and
               s.endswith("three other Americans.") for s in sents)  # "Sept." and "U.S." inside
    assert sum(len(line.strip()) > 0 for line in text.splitlines()) < len(sents)


def test_hard_wrapped_text_joins_single_line_breaks() -> None:
    text = "It was the best of times,\nit was the worst of times.\n\nNew paragraph\nhere."
    assert sentences(text) == [
        "It was the best of times,", "it was the worst of times.", "New paragraph", "here."]
    assert sentences(text, hard_wrapped=True) == [
        "It was the best of times,\nit was the worst of times.", "New paragraph\nhere."]


def test_crlf_text_splits_like_lf_text() -> None:
    text = "Headline\r\nFirst one. Second one.\r\n\r\nError\r\nSorry."
    assert sentences(text) == ["Headline", "First one.", "Second one.", "Error", "Sorry."]
    assert words(text) == words(text.replace("\r\n", "\n"))


def test_tokens_carry_sentence_and_position() -> None:
    text = "Libya's war. It ended!"
    toks = tokens(text)
    assert toks[0] == Token("Libya", 0, 5, 0, 0)
    assert [(t.text, t.sentence) for t in toks] == [
        ("Libya", 0), ("'s", 0), ("war", 0), (".", 0), ("It", 1), ("ended", 1), ("!", 1)]
    assert [t.index for t in toks] == list(range(len(toks)))
    assert all(text[t.start:t.end] == t.text for t in toks)


@pytest.mark.parametrize(
    "text",
    [
        "lorem ipsum dolor " * 5000,
        "a" * 100_000,
        "." * 100_000,
        "a. " * 30_000,
        "\"'([" * 20_000 + "])'\"" * 20_000,
        "U.S." * 20_000,
        "-.'!?" * 20_000 + "x",
        "http://" + "a." * 50_000,
        "x@" * 50_000,
        "n't" * 30_000,
    ],
    ids=["long line", "one char", "periods", "a-period", "nested quotes", "acronyms",
         "punct run", "url", "at signs", "clitics"],
)
def test_pathological_inputs_are_tokenised_completely(text: str) -> None:
    # A catastrophic-backtracking regex would hang here; the checks are the invariants.
    _check_invariants(text)


# --- properties --------------------------------------------------------------------------

def _check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    prev_end = 0
    for s, e in spans:
        assert prev_end <= s < e <= len(text)  # in order, never overlapping, never empty
        assert text[prev_end:s].strip() == ""  # nothing but whitespace between spans
        prev_end = e
    assert text[prev_end:].strip() == ""  # every non-space character is covered


def _check_invariants(text: str, *, hard_wrapped: bool = False) -> None:
    sents = sentence_spans(text, hard_wrapped=hard_wrapped)
    wspans = word_spans(text)
    _check_spans(text, sents)
    _check_spans(text, wspans)
    for s, e in sents:
        assert not text[s].isspace() and not text[e - 1].isspace()  # trimmed
    for s, e in wspans:
        assert not any(c.isspace() for c in text[s:e])
    # every word lies inside one sentence
    i = 0
    for s, e in wspans:
        while sents[i][1] <= s:
            i += 1
        assert sents[i][0] <= s and e <= sents[i][1]


_PIECES = [
    "Mr.", "Dr.", "U.S.", "Sept.", "No.", "p.m.", "J.", "Inc.", "e.g.", "etc.", "I", "The",
    "he", "word", "Libya", "'s", "’s", "n't", "don't", "can’t", "al-Shariah", "10,000", "4.5",
    "%", "$", "US$", "2012", "20th", ".", "...", "…", "!", "?", "?!", ",", ";", ":", "-", "--",
    "—", '"', "'", "“", "”", "‘", "’", "(", ")", "[", "]", "a)", "1.", "http://x.org/a.",
    "a@b.co", "#tag", "@user", ":-)", "<3", "e\u0301", "\u00ad", "_", "\u200b", "😀",
    " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u2028", "\x0c", "\u00a0",
]
englishy = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.one_of(englishy, unicode_text))
@example("word\r\n\r\nnext")
@example("n't")
@example("a. b. c.\u2028D.")
def test_spans_are_complete_ordered_and_nested(text: str) -> None:
    _check_invariants(text)
    _check_invariants(text, hard_wrapped=True)


@settings(max_examples=200, deadline=None)
@given(st.one_of(englishy, unicode_text))
def test_deterministic_and_sentences_resplit_to_themselves(text: str) -> None:
    assert sentence_spans(text) == sentence_spans(text)
    assert word_spans(text) == word_spans(text)
    for sentence in sentences(text):
        assert sentences(sentence) == [sentence]


@settings(max_examples=200, deadline=None)
@given(englishy)
def test_crlf_line_ends_change_nothing_but_offsets(text: str) -> None:
    text = text.replace("\r", "")
    crlf = text.replace("\n", "\r\n")
    assert [s.replace("\r\n", "\n") for s in sentences(crlf)] == sentences(text)
    assert words(crlf) == words(text)


@settings(max_examples=200, deadline=None)
@given(st.one_of(englishy, unicode_text))
def test_tokens_agree_with_spans(text: str) -> None:
    toks = tokens(text)
    assert [(t.start, t.end) for t in toks] == word_spans(text)
    sents = sentence_spans(text)
    for t in toks:
        assert text[t.start:t.end] == t.text
        s, e = sents[t.sentence]
        assert s <= t.start and t.end <= e


# --- normalising ---------------------------------------------------------------------------

def test_stopwords_are_wordclouds_plus_the_pieces_of_its_contractions() -> None:
    import wordcloud

    assert isinstance(STOPWORDS, frozenset)
    assert set(wordcloud.STOPWORDS) <= STOPWORDS
    extra = STOPWORDS - set(wordcloud.STOPWORDS)
    for clitic in ["'s", "n't", "'re", "'ll", "'ve", "'d", "'m"]:
        assert clitic in extra and clitic.replace("'", "’") in extra
    assert {"ca", "wo"} <= extra  # from can't, won't
    # every extra word is a piece of one of wordcloud's contractions
    pieces = {p for w in wordcloud.STOPWORDS if "'" in w for p in words(w)}
    assert extra <= pieces | {p.replace("'", "’") for p in pieces}


def test_normalise_defaults_lower_and_drop_punctuation() -> None:
    toks = words("The U.S. ambassador’s car, 2 km away — wasn't it?")
    assert normalise(toks) == [
        "the", "u.s.", "ambassador", "'s", "car", "2", "km", "away", "was", "n't", "it"]


def test_normalise_options() -> None:
    toks = words("The militias’ 12 victories weren't decisive.")
    assert normalise(toks, drop_stopwords=True, drop_numbers=True) == [
        "militias", "victories", "decisive"]
    assert normalise(toks, lower=False, drop_punct=False, fold_apostrophes=False) == toks
    assert normalise(toks, drop_stopwords=True, stem=True) == [
        "militia", "12", "victori", "decis"]
    # stopwords are matched case-insensitively even when case is kept
    assert normalise(["The", "Army"], lower=False, drop_stopwords=True) == ["Army"]
    # the curly apostrophe is folded, so both spellings count as one
    assert normalise(["’s", "'s"]) == ["'s", "'s"]
    assert normalise(["’s"], fold_apostrophes=False) == ["’s"]


@pytest.mark.parametrize(
    ("tok", "punct", "number"),
    [
        (",", True, False), ("...", True, False), ("—", True, False), ("%", True, False),
        ("'s", False, False), ("U.S.", False, False), ("2012", False, True),
        ("10,000", False, True), ("4.5", False, True), ("20th", False, False),
        ("", False, False), ("#2", False, False),
    ],
)
def test_is_punct_and_is_number(tok: str, punct: bool, number: bool) -> None:
    assert is_punct(tok) is punct
    assert is_number(tok) is number

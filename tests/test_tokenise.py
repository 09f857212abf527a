"""Tests of analysis.tokenise: sentences and words with offsets, normalising, stopwords."""

from __future__ import annotations

import textwrap
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
from analysis.tokenise.fold import APOSTROPHES
from analysis.tokenise.normalise import HONORIFICS

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


# --- issue 10: possessives after dotted abbreviations (item 1) ----------------------------

@pytest.mark.parametrize("abbr", ["U.S.", "U.N.", "U.K.", "D.C.", "Ph.D.", "B.Sc.", "Inc.",
                                  "Corp.", "Co.", "Ltd.", "Jr.", "Bros."])
@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_possessive_after_a_dotted_abbreviation(abbr: str, apostrophe: str) -> None:
    text = f"It was the {abbr}{apostrophe}s plan, not the {abbr}{apostrophe}S."
    assert words(text) == ["It", "was", "the", abbr, f"{apostrophe}s", "plan", ",", "not",
                           "the", abbr, f"{apostrophe}S", "."]
    assert sentences(text) == [text]
    assert [text[s:e] for s, e in word_spans(text)] == words(text)


def test_possessive_after_an_abbreviation_is_not_a_word_s() -> None:
    toks = words("It was the U.S.'s plan.")
    assert toks == ["It", "was", "the", "U.S.", "'s", "plan", "."]
    assert "s" not in normalise(toks)
    assert normalise(words("the U.N.’s role"), drop_stopwords=True) == ["u.n.", "role"]
    # the plural possessive keeps its lone apostrophe; contractions after a period stay apart
    assert words("the U.S.' plan") == ["the", "U.S.", "'", "plan"]
    assert words("the U.S.'d") == ["the", "U.S.", "'d"]


# --- issue 10: spaced ellipses and runs of dots (item 2) -------------------------------------

RUNS = ["...", "....", ". . .", ". . . .", " . . .", " ...", " ....", " . . . .", ". ...",
        "\u2026", " \u2026"]


@pytest.mark.parametrize("run", RUNS)
def test_a_run_of_dots_reads_the_same_with_or_without_spaces(run: str) -> None:
    lower = f"He paused{run} then spoke."
    assert sentences(lower) == [lower]
    upper = f"He paused{run} Then he spoke."
    assert sentences(upper) == [f"He paused{run}", "Then he spoke."]
    assert sentences(f"She waited{run}\nNothing.") == [f"She waited{run}", "Nothing."]


def test_the_spaced_ellipsis_of_the_issue() -> None:
    assert sentences("He paused . . . then spoke.") == ["He paused . . . then spoke."]
    assert words("He paused . . . then") == ["He", "paused", ".", ".", ".", "then"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["He", "left", "Then", "the", "U.S.", "p.m.", "Mr.", "end",
                                 ",", '"', "’", ")"]), min_size=1, max_size=8),
       st.sampled_from(RUNS), st.lists(st.sampled_from(["Then", "then", "it", "The", "U.S.",
                                                         "2012", '"', "(", "rain"]),
                                       max_size=6))
@example(["left", '"'], " . . .", ["Then"])
def test_no_sentence_is_only_end_marks(left, run, right) -> None:
    text = "He " + " ".join(left) + run + (" " + " ".join(right) if right else "")
    for sentence in sentences(text):
        assert sentence.strip(".!?\u2026 \t\"'’)"), (text, sentences(text))


# --- issue 10: sentence boundaries of the rest of the kind (item 8) ------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # clause-final abbreviations (times of day, months, etc.) before a capitalised word
        ("The strike began at 6 a.m. Workers walked out.",
         ["The strike began at 6 a.m.", "Workers walked out."]),
        ("The talks resume at 9 p.m. Friday in Geneva.",
         ["The talks resume at 9 p.m. Friday in Geneva."]),
        ("The polls open at 7 a.m. GMT and close late.",
         ["The polls open at 7 a.m. GMT and close late."]),
        ("They bought bread, milk, etc. Shops then closed.",
         ["They bought bread, milk, etc.", "Shops then closed."]),
        ("The vote was moved to Nov. Opponents objected.",
         ["The vote was moved to Nov.", "Opponents objected."]),
        ("It opens on Nov. 3 in Rome.", ["It opens on Nov. 3 in Rome."]),
        # "No." is an abbreviation only before a number, as the word tokeniser has it
        ("I said no. Maybe later.", ["I said no.", "Maybe later."]),
        ("It was No. 1. No. Nobody expected it.",
         ["It was No. 1.", "No.", "Nobody expected it."]),
        ("See Vol. 2 and pp. 14-20.", ["See Vol. 2 and pp. 14-20."]),
        # a single capital letter: a name-like letter or an initial
        ("They switched to Plan C. Nobody objected.",
         ["They switched to Plan C.", "Nobody objected."]),
        ("Doctors prescribed vitamin D. Patients improved.",
         ["Doctors prescribed vitamin D.", "Patients improved."]),
        ("The novel by writer H. G. Wells sold well.",
         ["The novel by writer H. G. Wells sold well."]),
        ("A letter from George W. Bush arrived.", ["A letter from George W. Bush arrived."]),
        ("It got a grade B. Teachers were pleased.",
         ["It got a grade B.", "Teachers were pleased."]),
        # closing quotes and brackets after the end mark
        ('The sign read "Closed." Customers left.', ['The sign read "Closed."', "Customers left."]),
        ("He was ‘furious.’ Aides agreed.", ["He was ‘furious.’", "Aides agreed."]),
        ("“It is over.” Silence followed.", ["“It is over.”", "Silence followed."]),
        ("(It was not.) Then came the rain.", ["(It was not.)", "Then came the rain."]),
        ('"Enough!" said the chief.', ['"Enough!" said the chief.']),
        ('He asked, "Why?" and left.', ['He asked, "Why?" and left.']),
        ("It fell (sharply.) and rose.", ["It fell (sharply.) and rose."]),
        ('"He said, \'Stop.\'" Nobody did.', ['"He said, \'Stop.\'"', "Nobody did."]),
        ("It happened in the U.S.) Later, more.", ["It happened in the U.S.)", "Later, more."]),
        # headlines, bylines, list items and credits without an end mark
        ("Rebels retreat\nThe rebels left the port.",
         ["Rebels retreat", "The rebels left the port."]),
        ("Goals:\n* peace\n* bread", ["Goals:", "* peace", "* bread"]),
        ("Rescuers at work on Sunday Photo: Reuters",
         ["Rescuers at work on Sunday", "Photo: Reuters"]),
        ("Crowds in the square. Image: AP", ["Crowds in the square.", "Image: AP"]),
        ("The Photo: a new magazine", ["The Photo: a new magazine"]),
    ],
)
def test_sentence_boundaries_of_the_kind(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


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
    text = ("It was the best of times, it\nwas the worst of times.\n\nA new paragraph that"
            "\ngoes on.")
    assert sentences(text) == [
        "It was the best of times, it", "was the worst of times.", "A new paragraph that",
        "goes on."]
    assert sentences(text, hard_wrapped=True) == [
        "It was the best of times, it\nwas the worst of times.", "A new paragraph that\ngoes on."]


WRAPPED = textwrap.fill(
    "The storm destroyed hundreds of homes along the coast and left thousands without power, "
    "officials said on Tuesday. Rescue teams reached the worst-hit villages only late in the "
    "evening, and the army sent trucks with water.", 40, break_on_hyphens=False)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("Storm cuts power\n", "", ["Storm cuts power"]),
        ("By Sarah Jones\n", "", ["By Sarah Jones"]),
        ("", "\nThe council listed:\n- the sea wall\n- the school",
         ["The council listed:", "- the sea wall", "- the school"]),
        ("", "\nPriorities\n1. the sea wall\n2. the school\n\u2022 a bullet",
         ["Priorities", "1. the sea wall", "2. the school", "\u2022 a bullet"]),
    ],
    ids=["headline", "byline", "dash list", "numbered list"],
)
def test_hard_wrapped_headlines_and_list_items_stand_alone(before, after, expected) -> None:
    # A line the next word would have fitted on was not wrapped: it ends without an end mark.
    text = before + WRAPPED + after
    found = sentences(text, hard_wrapped=True)
    paragraph = [s.replace("\n", " ") for s in found if "storm" in s or "Rescue" in s]
    assert paragraph == [
        "The storm destroyed hundreds of homes along the coast and left thousands without "
        "power, officials said on Tuesday.",
        "Rescue teams reached the worst-hit villages only late in the evening, and the army "
        "sent trucks with water."]
    assert [s for s in found if "storm" not in s and "Rescue" not in s] == expected


def test_hard_wrapped_width_ignores_a_stray_long_line() -> None:
    text = WRAPPED + "\nSee https://example.org/" + "a" * 200 + " for more."
    found = sentences(text, hard_wrapped=True)
    assert len(found) == 3 and found[0].replace("\n", " ").endswith("on Tuesday.")


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
@example("\xa0J. Mr.")
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
    assert tokens(text, spans=sentence_spans(text)) == toks
    sents = sentence_spans(text)
    for t in toks:
        assert text[t.start:t.end] == t.text
        s, e = sents[t.sentence]
        assert s <= t.start and t.end <= e


# --- normalising ---------------------------------------------------------------------------

def test_stopwords_are_wordclouds_plus_the_pieces_of_its_contractions_and_honorifics() -> None:
    import wordcloud

    assert isinstance(STOPWORDS, frozenset)
    assert set(wordcloud.STOPWORDS) <= STOPWORDS
    extra = STOPWORDS - set(wordcloud.STOPWORDS)
    for clitic in ["'s", "n't", "'re", "'ll", "'ve", "'d", "'m"]:
        assert clitic in extra and clitic.replace("'", "’") in extra
    assert {"ca", "wo"} <= extra  # from can't, won't
    # every extra word is a piece of one of wordcloud's contractions, a contraction or piece
    # written with the curly apostrophe of news text, or an honorific ("mr.": a title, no
    # content word, however often NYT-style text writes it)
    pieces = {p for w in wordcloud.STOPWORDS if "'" in w for p in words(w)}
    curly = {w.replace("'", "’") for w in pieces | set(wordcloud.STOPWORDS) if "'" in w}
    assert extra <= pieces | curly | HONORIFICS
    assert {"mr.", "mrs", "ms."} <= STOPWORDS
    assert "don’t" in STOPWORDS and "they’re" in STOPWORDS


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


@pytest.mark.parametrize("apostrophe", list(APOSTROPHES))
def test_normalise_folds_every_apostrophe_variant(apostrophe: str) -> None:
    toks = [f"{apostrophe}s", f"n{apostrophe}t", f"Don{apostrophe}t", f"O{apostrophe}Brien"]
    assert normalise(toks) == ["'s", "n't", "don't", "o'brien"]
    assert normalise(toks, drop_stopwords=True) == ["o'brien"]
    # stopwords are found folded even when the output keeps the variant
    assert normalise(toks, fold_apostrophes=False, drop_stopwords=True) == [
        f"o{apostrophe}brien"]


def test_normalise_folds_quotes() -> None:
    assert normalise(["“", "«", "”"], drop_punct=False) == ['"', '"', '"']


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


@settings(max_examples=300)
@given(st.text(max_size=8))
@example("_")
@example("²")
@example("e\u0301")
def test_is_punct_means_no_letter_or_digit(token: str) -> None:
    assert is_punct(token) is (bool(token) and not any(c.isalnum() for c in token))

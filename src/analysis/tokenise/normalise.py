"""Normalising words for counting: case, folding, punctuation, numbers, stopwords, stems, lemmas."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from analysis.tokenise.fold import fold
from analysis.tokenise.lemmas import _lemma
from analysis.tokenise.lexicon import WORDCLOUD_STOPWORDS
from analysis.tokenise.words import word_spans

__all__ = ["STOPWORDS", "is_number", "is_punct", "normalise", "stem"]

# --------------------------------------------------------------------------------------
# Normalising: lower case, punctuation, numbers, stopwords, stems.

_ALNUM_RE = re.compile(r"[^\W_]")  # a letter or digit: what str.isalnum() accepts
_NUMBER_RE = re.compile(r"[-+\u2212]?(?:\d+(?:[.,:/]\d+)*|[.,]\d+)")


def is_punct(token: str) -> bool:
    """True for a non-empty token with no letter or digit (``,``, ``"``, ``—``, ``...``, ``%``).

    >>> [is_punct(t) for t in [",", "...", "—", "%", ":-)", "'s", "U.S.", "#2", ""]]
    [True, True, True, True, True, False, False, False, False]
    """
    if token.isalnum():  # most tokens: a plain word or number
        return False
    return bool(token) and _ALNUM_RE.search(token) is None


def is_number(token: str) -> bool:
    """True for a numeral written in digits (``2012``, ``10,000``, ``4.5``, ``22:30``, ``3/4``).

    Ordinals and mixed forms (``20th``, ``1960s``) and number words are not numbers here.

    >>> [is_number(t) for t in ["2012", "10,000", "4.5", "-3", "22:30", "20th", "five", "."]]
    [True, True, True, True, True, False, False, False]
    """
    return _NUMBER_RE.fullmatch(token) is not None


def _clitic_pieces(words_: Iterable[str]) -> frozenset[str]:
    pieces: set[str] = set()
    for w in words_:
        if "'" in w:
            for s, e in word_spans(w):
                pieces.add(w[s:e])
    return frozenset(pieces)


def _with_curly_apostrophes(words_: Iterable[str]) -> frozenset[str]:
    # Folded words, and the same written with the curly apostrophe of news text, so that a
    # token tested as it stands ("’s" in STOPWORDS) is found too.
    words_ = frozenset(words_)
    return words_ | {w.replace("'", "\u2019") for w in words_ if "'" in w}


#: The honorifics news writes before names ("Mr. Obama", "Mrs May"), with and without the
#: stop: as frequent as function words in some house styles, and no more about the content.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr.".split())

#: English stopwords: wordcloud's ``STOPWORDS`` (192 classic function words, among them
#: contractions such as "don't" and "they're"), plus the pieces our Penn Treebank
#: tokeniser makes of those contractions ("do", "n't", "ca", "wo", "sha", "let", "must",
#: "'s", "'re", "'ll", "'ve", "'d", "'m"): the contraction "don't" never appears as one token,
#: so without its pieces the list would miss it; plus :data:`HONORIFICS` ("mr.", "mrs.").
#: Lower case, folded (:func:`fold`), and also written with the curly apostrophe (’);
#: :func:`normalise` compares ``fold(word).lower()``, so every apostrophe variant and any
#: case is found.
STOPWORDS: frozenset[str] = _with_curly_apostrophes(
    WORDCLOUD_STOPWORDS | _clitic_pieces(WORDCLOUD_STOPWORDS) | HONORIFICS)


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer  # data-free; imported only when asked

    return SnowballStemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


def stem(word: str) -> str:
    """The Snowball (Porter 2) English stem of ``word`` (lower-cased by the stemmer).

    >>> [stem(w) for w in ["militias", "claimed", "running", "Libya"]]
    ['militia', 'claim', 'run', 'libya']
    """
    return _stem(word)


def normalise(
    words: Iterable[str],
    *,
    lower: bool = True,
    fold_apostrophes: bool = True,
    drop_punct: bool = True,
    drop_numbers: bool = False,
    drop_stopwords: bool = False,
    stem: bool = False,
    lemmatise: bool = False,
) -> list[str]:
    """Normalise word tokens for counting; every step optional and off or on by keyword.

    Steps, in order: ``lower`` lower-cases; ``fold_apostrophes`` folds apostrophe and quote
    variants with :func:`~analysis.tokenise.fold` (the curly apostrophe ’ written '), so
    "Thursday’s" and "Thursday's" count alike; ``drop_punct`` drops tokens with no letter or
    digit (:func:`is_punct`); ``drop_numbers`` drops numerals in digits (:func:`is_number`);
    ``drop_stopwords`` drops :data:`STOPWORDS` (compared folded and case-insensitively,
    whatever ``lower`` and ``fold_apostrophes`` say); ``stem`` replaces each word by its
    Snowball stem, ``lemmatise`` by its lemma (:func:`~analysis.tokenise.lemma`); both are
    lower case, and only one of the two may be asked for (``ValueError`` otherwise).

    Returns the kept words, in order (a new list; ``words`` may be any iterable of strings).

    >>> from analysis.tokenise import words
    >>> toks = words("The militia’s 2 victories weren't decisive.")
    >>> normalise(toks)
    ['the', 'militia', "'s", '2', 'victories', 'were', "n't", 'decisive']
    >>> normalise(toks, drop_stopwords=True, drop_numbers=True)
    ['militia', 'victories', 'decisive']
    >>> normalise(toks, lower=False, fold_apostrophes=False, drop_punct=False, stem=True)
    ['the', 'militia', '’s', '2', 'victori', 'were', "n't", 'decis', '.']
    >>> normalise(toks, drop_stopwords=True, lemmatise=True)
    ['militia', '2', 'victory', 'decisive']
    """
    if stem and lemmatise:
        raise ValueError("normalise: ask for stem=True or lemmatise=True, not both")
    # Each distinct token is normalised once (words repeat: a text of 10,000 tokens has about
    # 3,000 types); None marks a dropped token.
    memo: dict[str, str | None] = {}
    get = memo.get
    out: list[str] = []
    append = out.append
    for w in words:
        r = get(w, _UNSEEN)
        if r is _UNSEEN:
            r = memo[w] = _normalise_one(w, lower, fold_apostrophes, drop_punct, drop_numbers,
                                         drop_stopwords, stem, lemmatise)
        if r is not None:
            append(r)
    return out


_UNSEEN = object()


def _normalise_one(w: str, lower: bool, fold_apostrophes: bool, drop_punct: bool,
                   drop_numbers: bool, drop_stopwords: bool, stem: bool,
                   lemmatise: bool) -> str | None:
    if fold_apostrophes:
        w = fold(w)
    written = w  # before lower-casing: a lemma tells the acronym "US" from "us"
    if lower:
        w = w.lower()
    if drop_punct and is_punct(w):
        return None
    if drop_numbers and is_number(w):
        return None
    if drop_stopwords and (w if lower and fold_apostrophes else fold(w).lower()) in STOPWORDS:
        return None
    if stem:
        return _stem(w)
    if lemmatise:
        return _lemma(written if fold_apostrophes else fold(written))
    return w

"""Lemmas: the dictionary form of a word ("militias" -> "militia", "was" -> "be", "fled" ->
"flee"), beside the Snowball stem, which only cuts endings ("militia" -> "militia", "fled" ->
"fled", "claimed" -> "claim", "city" -> "citi").

Lemmas come from ``simplemma`` (Barbaresi 2023, Simplemma: a simple multilingual lemmatizer for
Python, https://github.com/adbar/simplemma): dictionary look-up with rules for unknown words,
the English data shipped inside the package, no download, no part-of-speech tagger. It was
chosen over ``lemminflect`` by accuracy against the LEMMA column of the UD English GUM news
documents (every word that is not punctuation, compared in lower case;
``python -m benchmarks lemmas_gum``): simplemma 0.979, lemminflect 0.957 without
part-of-speech tags (0.966 even when given GUM's gold tags), lower-cased word 0.808.

Words are looked up lower-cased (more accurate on GUM than as written), except words in
capitals, which are acronyms ("US" is the country, not "us" -> "we"); apostrophe variants are
folded first (:func:`analysis.tokenise.fold`). The lemma is returned in lower case, like a stem.
"""

from __future__ import annotations

from functools import lru_cache

from analysis.tokenise.fold import fold

__all__ = ["lemma"]


@lru_cache(maxsize=1)
def _lemmatize():
    # Imported when first asked for: loading simplemma's English dictionary takes about 1 s.
    from simplemma import lemmatize

    return lemmatize


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return word.lower()  # an acronym: "US", "NATO"
    low = word.lower()
    if not any(c.isalpha() for c in low):
        return low  # numbers and punctuation are their own lemma
    return _lemmatize()(low, lang="en").lower()


def lemma(word: str) -> str:
    """The lemma of ``word``, in lower case (simplemma's English dictionary and rules).

    ``word`` is one token as :func:`analysis.tokenise.words` gives it; a string of no letters
    (a number, punctuation) and a word in capitals (an acronym) are returned lower-cased as
    they are. Contraction pieces have lemmas too (``n't`` -> ``not``, ``ca`` -> ``can``).

    >>> [lemma(w) for w in ["Militias", "claimed", "fled", "was", "better", "children"]]
    ['militia', 'claim', 'flee', 'be', 'good', 'child']
    >>> [lemma(w) for w in ["US", "us", "n’t", "10,000", "."]]
    ['us', 'we', 'not', '10,000', '.']
    """
    return _lemma(fold(word))

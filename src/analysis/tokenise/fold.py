"""Folding: the one place where variant characters that mean the same are made one.

News text writes the apostrophe as ’ (U+2019) nearly always, keyboards as ' (U+0027); quotes come
as “ ” „ « » and ". Two words that differ only in these characters are the same word, so every
function that *compares* words (counts, stopwords, n-grams, keyness, concordance queries, names,
sentiment) folds them with :func:`fold` first. The text itself is never changed: offsets always
point into the original characters.

>>> fold("Thursday’s “deal” wasn‘t")
'Thursday\\'s "deal" wasn\\'t'
>>> fold("plain") is fold("plain")
True
"""

from __future__ import annotations

__all__ = ["APOSTROPHES", "QUOTES", "fold"]

#: Characters written for the apostrophe (and the single quotes that double as one): right and
#: left single quotation marks, modifier letter apostrophe, prime, grave and acute accents,
#: fullwidth apostrophe. All fold to "'".
APOSTROPHES = "\u2019\u2018\u02bc\u2032\u0060\u00b4\uff07"
#: Double quotation marks: left and right, low-9, high-reversed-9, double prime, guillemets,
#: fullwidth. All fold to '"'.
QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02"

_PAIRS = tuple([(c, "'") for c in APOSTROPHES] + [(c, '"') for c in QUOTES])
_ASCII_PAIRS = tuple(pair for pair in _PAIRS if pair[0].isascii())  # the grave accent


def fold(text: str) -> str:
    """``text`` with every apostrophe variant written ``'`` and every double quote ``"``.

    Same length as ``text`` (one character for one), so offsets stay valid. Returns the very
    same string object when there is nothing to fold. Fast on the common cases: an ASCII text
    is only searched for the grave accent, and a longer text is searched once per variant
    (a C-speed substring search) rather than character by character.

    >>> fold("don’t") == fold("don't") == "don't"
    True
    >>> fold("«Non»")
    '"Non"'
    >>> fold("don`t")
    "don't"
    """
    if text.isascii():
        for variant, plain in _ASCII_PAIRS:
            if variant in text:
                text = text.replace(variant, plain)
        return text
    for variant, plain in _PAIRS:
        if variant in text:
            text = text.replace(variant, plain)
    return text

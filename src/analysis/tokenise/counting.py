"""Word keys: the form in which tokens are counted and compared, computed once per document.

A token's key is its folded (:func:`analysis.tokenise.fold`), lower-cased text; punctuation has
no key (None). Every per-document count (words, types, n-grams, MATTR, words per sentence) reads
the same keys, so they agree with each other, and each distinct token string is normalised only
once per process.

>>> from analysis.corpus import Document
>>> word_keys(Document("d", "d", "d", "Don’t stop, DON'T."))
['do', "n't", 'stop', None, 'do', "n't", None]
"""

from __future__ import annotations

import weakref
from typing import Any

from analysis.tokenise.fold import fold

__all__ = ["word_key", "word_keys"]

_KEYS: dict[str, str | None] = {}
_LIMIT = 1 << 18
_PER_DOCUMENT: weakref.WeakKeyDictionary[Any, list[str | None]] = weakref.WeakKeyDictionary()


def word_key(token: str) -> str | None:
    """The counting form of one token: folded and lower case; None for punctuation (a token
    with no letter or digit).

    >>> word_key("Thursday’s"), word_key("..."), word_key("U.S.")
    ("thursday's", None, 'u.s.')
    """
    try:
        return _KEYS[token]
    except KeyError:
        pass
    if len(_KEYS) >= _LIMIT:
        _KEYS.clear()
    key = fold(token).lower() if any(c.isalnum() for c in token) else None
    _KEYS[token] = key
    return key


def word_keys(doc: Any) -> list[str | None]:
    """The keys of a document's tokens (``doc.tokens``), aligned with them; computed once per
    document object."""
    try:
        return _PER_DOCUMENT[doc]
    except (KeyError, TypeError):
        pass
    get = _KEYS.get
    keys = [get(t.text, "") for t in doc.tokens]
    for i, k in enumerate(keys):
        if k == "":
            keys[i] = word_key(doc.tokens[i].text)
    try:
        _PER_DOCUMENT[doc] = keys
    except TypeError:
        pass
    return keys

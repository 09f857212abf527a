"""Tokens: words with offsets and the sentence each belongs to."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import chain, count, repeat
from typing import NamedTuple

from analysis.tokenise.sentences import sentence_spans
from analysis.tokenise.words import _WORD_RE

__all__ = ["Token", "tokens"]


class Token(NamedTuple):
    """One word token: its text, offsets, sentence number and position in the text."""

    text: str
    start: int
    end: int
    sentence: int  # index of the sentence (0-based) in sentence_spans(text)
    index: int  # position of the token in the whole text (0-based)


def tokens(text: str, *, hard_wrapped: bool = False,
           spans: list[tuple[int, int]] | None = None) -> list[Token]:
    """Word tokens with offsets and the sentence each belongs to.

    ``spans`` are the text's sentence spans when already at hand (``sentence_spans(text,
    hard_wrapped=hard_wrapped)``; a Document caches them), so they are not computed twice.

    >>> for t in tokens("Hello, world. Bye!"):
    ...     print(t)  # doctest: +NORMALIZE_WHITESPACE
    Token(text='Hello', start=0, end=5, sentence=0, index=0)
    Token(text=',', start=5, end=6, sentence=0, index=1)
    Token(text='world', start=7, end=12, sentence=0, index=2)
    Token(text='.', start=12, end=13, sentence=0, index=3)
    Token(text='Bye', start=14, end=17, sentence=1, index=4)
    Token(text='!', start=17, end=18, sentence=1, index=5)
    """
    matches = list(_WORD_RE.finditer(text))
    starts = list(map(re.Match.start, matches))
    # Tokens per sentence by bisection (sentences are few), then everything at C speed.
    counts = []
    done = 0
    if spans is None:
        spans = sentence_spans(text, hard_wrapped=hard_wrapped)
    for _, end in spans:
        upto = bisect_left(starts, end, done)
        counts.append(upto - done)
        done = upto
    sentence_of = chain.from_iterable(map(repeat, range(len(counts)), counts))
    rows = zip(map(re.Match.group, matches), starts, map(re.Match.end, matches), sentence_of,
               count())
    return list(map(tuple.__new__, repeat(Token), rows))



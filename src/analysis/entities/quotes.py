"""Quotations: where quoted speech is in a text, as character spans.

Quotation marks are read per paragraph (a line of the text): curly double quotes open (“) and
close (”); straight double quotes ("), doubled apostrophes ('') and the TeX-style opening ``
alternate, opening then closing. A quotation still open at the end of its paragraph ends
there (news continues a long quotation in the next paragraph with a new opening mark). Single
quotes are left alone: they are also apostrophes.

>>> text = '“We will win,” he said. \\'\\'Not now,\\'\\' she said. "Maybe'
>>> [text[q.start:q.end] for q in quotations(text)]
['We will win,', 'Not now,', 'Maybe']
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Quotation", "quotations"]

_MARK_OR_LINE_RE = re.compile(r"``|''|[\"\u201c\u201d\u201e\u201f\n]")
_OPENING = frozenset({"\u201c", "\u201e", "\u201f", "``"})
_CLOSING = frozenset({"\u201d"})


class Quotation(NamedTuple):
    """One quotation: ``open``/``close`` are the offsets of its marks (``close`` is the end of
    the paragraph when it is left open), ``start``/``end`` those of the words inside, trimmed
    of spaces."""

    open: int
    close: int
    start: int
    end: int


def quotations(text: str) -> list[Quotation]:
    """Every quotation of ``text``, in order (see the module's notes for the marks read).

    >>> quotations('He said: "Yes."')
    [Quotation(open=9, close=14, start=10, end=14)]
    """
    out: list[Quotation] = []
    opened: tuple[int, int] | None = None  # (offset of the mark, its length)
    for m in _MARK_OR_LINE_RE.finditer(text):
        mark, pos = m.group(), m.start()
        if mark == "\n":  # the end of a paragraph closes a quotation left open
            if opened is not None:
                out.append(_quotation(text, opened[0], opened[0] + opened[1], pos))
                opened = None
            continue
        if mark == "''" and _apostrophe(text, pos):
            continue
        if opened is None:
            if mark not in _CLOSING:
                opened = (pos, len(mark))
        elif mark not in _OPENING:
            out.append(_quotation(text, opened[0], opened[0] + opened[1], pos))
            opened = None
    if opened is not None:
        out.append(_quotation(text, opened[0], opened[0] + opened[1], len(text)))
    return [q for q in out if q.end > q.start]


def _apostrophe(text: str, pos: int) -> bool:
    """Doubled apostrophes inside a word are not a quote mark ("rock''n''roll")."""
    return pos > 0 and text[pos - 1].isalnum() and pos + 2 < len(text) and text[
        pos + 2].isalnum()


def _quotation(text: str, open_: int, inner: int, close: int) -> Quotation:
    start, end = inner, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quotation(open_, close, start, end)

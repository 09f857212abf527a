"""Sentences as character spans: candidate ends found by one regex, each decided by rules."""

from __future__ import annotations

import re

from analysis.tokenise.lexicon import ABBREVIATIONS, NUMBER_PREFIXES, STARTERS, TITLES

__all__ = ["sentence_spans", "sentences"]

# --------------------------------------------------------------------------------------
# Sentence splitting: candidate ends found by one regex, each decided by a few rules.

_LINE_BREAK = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() breaks at
_CLOSERS = "\"'\u2019\u201d\u00bb\u203a)\\]}"
_OPENERS = "\"'\u2018\u201c\u00ab\u2039([{\u00bf\u00a1*\u2022-"
# A candidate end: a run of terminators with any closing quotes and brackets, followed by
# whitespace or the end of the text; or a line break (\r\n as one). The pattern starts with
# a single character class so that the regex engine skips quickly from one to the next.
_CANDIDATE_RE = re.compile(
    rf"[.!?\u2026{_LINE_BREAK}]"
    rf"(?:(?<=[.!?\u2026])(?<![.!?\u2026].)[.!?\u2026]*+[{_CLOSERS}]*+(?=\s|\Z)"
    rf"|(?<=\r)\n?|(?<=[{_LINE_BREAK}]))"
)
_BREAK = rf"(?:\r\n|[{_LINE_BREAK}])"
_BLANK_LINE_RE = re.compile(rf"{_BREAK}[^\S{_LINE_BREAK}]*+{_BREAK}")
_NEXT_RE = re.compile(r"\s*+(\S{0,40})")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_ACRONYM_RE = re.compile(r"[^\W\d_](?:\.[^\W\d_])+|[A-Z][a-z]?(?:\.[A-Z][a-z]?)+")
_LIST_NUMBER_RE = re.compile(r"(?:\d{1,3}|[ivxIVX]{1,4}|[a-zA-Z])")


def _ends_sentence(text: str, start: int, end: int, term: str, closers: str) -> bool:
    """Whether the terminator ``term`` at ``text[start:]`` (with closers) ends a sentence."""
    nxt = _NEXT_RE.match(text, end).group(1)
    if not nxt:
        return True
    core = nxt.lstrip(_OPENERS) if nxt[0] in _OPENERS else nxt
    first = core[:1] or nxt[0]
    if first.islower():
        return False  # "U.S. officials", '"Why?" he asked', "etc. and"
    if term != "." and ("?" in term or "!" in term):
        return True
    # The word before the terminator, without opening quotes or brackets.
    before = text[start - 40 if start > 40 else 0:start]
    raw = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    prev = raw.lstrip(_OPENERS) if raw[:1] in _OPENERS else raw
    if term != ".":  # an ellipsis: ends a sentence before a capital, unless it starts one
        return first.isupper() and bool(prev.rstrip(_CLOSERS + ".\u2026"))
    if closers or not prev:
        return True  # 'he said." Then', "(see below.) Then"
    if prev in TITLES:
        return False
    if len(prev) <= 4 and _LIST_NUMBER_RE.fullmatch(prev):
        # "1." or "iv." alone at the start of a line numbers a list item.
        i = start - len(raw)
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        if i == 0 or text[i - 1] in _LINE_BREAK:
            return False
    if first.isdigit() and prev in NUMBER_PREFIXES:
        return False  # "p. 12", "No. 5"
    if not (
        prev in ABBREVIATIONS
        or (len(prev) == 1 and prev.isupper() and prev != "I")
        or _ACRONYM_RE.fullmatch(prev) is not None
    ):
        return True  # an ordinary word: "in Benghazi. The"
    if not first.isalpha():
        return False  # "Sept. 11", "Inc. —"
    word = _LETTERS_RE.match(core)
    if word is None:
        return False
    w = word.group()
    if len(w) == 1 and core[1:2] == ".":
        return False  # another initial: "J. R. R. Tolkien"
    return w in STARTERS  # "the U.S. The President" ends; "the U.S. President" does not


def sentence_spans(text: str, *, hard_wrapped: bool = False) -> list[tuple[int, int]]:
    """Sentences of ``text`` as ``(start, end)`` offsets, trimmed of surrounding whitespace.

    A line break ends a sentence (a headline, a list item, a one-line paragraph); with
    ``hard_wrapped=True`` single line breaks are read as spaces and only blank lines do.

    >>> text = 'Gen. Haftar spoke at 5 p.m. on Sept. 11. "We won," he said.\\nError\\nSorry.'
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Gen. Haftar spoke at 5 p.m. on Sept. 11.', '"We won," he said.', 'Error', 'Sorry.']
    >>> text = "Prices rose 4.5 per cent in the U.S. The euro...\\nfell"
    >>> [text[s:e] for s, e in sentence_spans(text, hard_wrapped=True)]
    ['Prices rose 4.5 per cent in the U.S.', 'The euro...\\nfell']
    """
    cuts: list[int] = []
    for m in _CANDIDATE_RE.finditer(text):
        start, end = m.span()
        if text[start] in _LINE_BREAK:
            if not hard_wrapped:
                cuts.append(end)
            continue
        found = m.group()
        term = found.rstrip(_CLOSERS)
        if _ends_sentence(text, start, end, term, found[len(term):]):
            cuts.append(end)
    if hard_wrapped:
        cuts.extend(m.start() for m in _BLANK_LINE_RE.finditer(text))
        cuts.sort()
    cuts.append(len(text))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        if cut <= start:
            continue
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            s = start + len(piece) - len(piece.lstrip())
            spans.append((s, s + len(stripped)))
        start = cut
    return spans


def sentences(text: str, *, hard_wrapped: bool = False) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`).

    >>> sentences("Dr. Smith left at 4.30 p.m. He was alone... Why?")
    ['Dr. Smith left at 4.30 p.m.', 'He was alone...', 'Why?']
    """
    return [text[s:e] for s, e in sentence_spans(text, hard_wrapped=hard_wrapped)]



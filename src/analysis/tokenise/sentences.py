"""Sentences as character spans: candidate ends found by one regex, each decided by rules."""

from __future__ import annotations

import re

from analysis.tokenise.lexicon import (
    ABBREVIATIONS,
    CLAUSE_FINAL,
    CREDIT_LABELS,
    LETTER_NOUNS,
    NUMBER_PREFIXES,
    STARTERS,
    TIME_WORDS,
    TITLES,
    WORDCLOUD_STOPWORDS,
)

__all__ = ["sentence_spans", "sentences"]

# --------------------------------------------------------------------------------------
# Sentence splitting: candidate ends found by one regex, each decided by a few rules.

_LINE_BREAK = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() breaks at
_CLOSERS = "\"'\u2019\u201d\u00bb\u203a)\\]}"
_OPENERS = "\"'\u2018\u201c\u00ab\u2039([{\u00bf\u00a1*\u2022-"
# A candidate end: a run of terminators with any closing quotes and brackets, followed by
# whitespace or the end of the text; or a line break (\r\n as one). A run of dots may go on
# after single spaces (". . .", "end. ...", "paused ...."): the whole run is one candidate,
# read as the same run without the spaces, so no lone "." is left between its dots. The
# pattern starts with a single character class so that the regex engine skips quickly from
# one candidate to the next.
_CANDIDATE_RE = re.compile(
    rf"[.!?\u2026{_LINE_BREAK}]"
    rf"(?:(?<=[.!?\u2026])(?<![.!?\u2026].)(?<![.\u2026][ \t][.\u2026])[.!?\u2026]*+"
    rf"(?:[ \t][.\u2026]++(?=[\s{_CLOSERS}]|\Z))*+[{_CLOSERS}]*+(?=\s|\Z)"
    rf"|(?<=\r)\n?|(?<=[{_LINE_BREAK}]))"
)
_SPACE = (" ", "\t")
_MARKS = ".!?\u2026 \t" + _CLOSERS  # what a sentence of end marks only is made of
_BREAK = rf"(?:\r\n|[{_LINE_BREAK}])"
_BLANK_LINE_RE = re.compile(rf"{_BREAK}[^\S{_LINE_BREAK}]*+{_BREAK}")
# A picture or source credit inside a line, where no end mark precedes it: "... Monday Image:".
_CREDIT_RE = re.compile(
    rf"(?:^|\s)([^\s]*[\w{_CLOSERS}])([ \t]++)(?:{'|'.join(sorted(CREDIT_LABELS))})\Z")
_LABEL_ENDS = frozenset(label[-2:] for label in CREDIT_LABELS)  # a cheap first test
_NEXT_RE = re.compile(r"\s*+(\S{0,40})")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_ACRONYM_RE = re.compile(r"[^\W\d_](?:\.[^\W\d_])+|[A-Z][a-z]?(?:\.[A-Z][a-z]?)+")
_LIST_NUMBER_RE = re.compile(r"(?:\d{1,3}|[ivxIVX]{1,4}|[a-zA-Z])")
# A list item at the start of a line: a bullet or dash, or a number or letter with "." or ")".
_LIST_ITEM_RE = re.compile(
    r"[ \t]*+(?:[-*\u2022\u00b7\u2013\u2014\u25aa\u25cf]|\(?(?:\d{1,3}|[a-zA-Z])[.)])[ \t]")


def _initial_is_a_letter(text: str, start: int) -> bool:
    """Whether the single capital letter before ``text[start]`` (a period) names a thing
    ("vitamin C.", "Plan B.") rather than being an initial ("writer L. Ron Hubbard"): it does
    after one of :data:`LETTER_NOUNS`."""
    before = text[start - 41 if start > 41 else 0:start - 1].rstrip(" \t")
    if not before or before[-1] in _LINE_BREAK:
        return False
    words = before.rsplit(None, 1)
    return bool(words) and words[-1].lower() in LETTER_NOUNS


def _ends_sentence(text: str, start: int, end: int, term: str, closers: str) -> bool:
    """Whether the terminator ``term`` at ``text[start:]`` (with closers) ends a sentence."""
    first = text[end + 1:end + 2]  # the common case: one space, then a letter
    if first.isalpha():
        core = ""  # the next word, found only if needed
    else:
        nxt = _NEXT_RE.match(text, end).group(1)
        if not nxt:
            return True
        core = nxt.lstrip(_OPENERS) if nxt[0] in _OPENERS else nxt
        first = core[:1] or nxt[0]
    if first.islower():
        return False  # "U.S. officials", '"Why?" he asked', "etc. and"
    if term != "." and ("?" in term or "!" in term):
        return True
    # The word before the terminator, without opening quotes or brackets; a run of dots after
    # a space reads as the same run without the space ("paused . . ." as "paused...").
    before = text[start - 40 if start > 40 else 0:start]
    if text[start - 1:start] in _SPACE:
        before = before.rstrip(" \t")
    raw = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    prev = raw.lstrip(_OPENERS) if raw[:1] in _OPENERS else raw
    if term != ".":  # an ellipsis: ends a sentence before a capital, unless it starts one
        return first.isupper() and bool(prev.rstrip(_CLOSERS + ".\u2026"))
    if closers or not prev:
        return True  # 'he said." Then', "(see below.) Then"
    if len(prev) > 4 and "." not in prev and prev not in ABBREVIATIONS:
        return True  # the common case, an ordinary word: "in Benghazi. The"
    if prev in TITLES:
        return False
    if len(prev) <= 4:
        # "1." or "iv." alone at the start of a line numbers a list item.
        i = start - len(raw)
        while i > 0 and text[i - 1] in _SPACE:
            i -= 1
        if (i == 0 or text[i - 1] in _LINE_BREAK) and _LIST_NUMBER_RE.fullmatch(prev):
            return False
    if prev in NUMBER_PREFIXES:
        # "p. 12", "No. 5"; before anything else the word is a word: "I said no. Maybe"
        return not first.isdigit()
    if not (
        prev in ABBREVIATIONS
        or (len(prev) == 1 and prev.isupper() and prev != "I")
        or ("." in prev and _ACRONYM_RE.fullmatch(prev) is not None)
    ):
        return True  # an ordinary word: "in Benghazi. The"
    if len(prev) == 1 and raw == prev and _initial_is_a_letter(text, start):
        return True  # "vitamin C. Researchers": a letter that names, not an initial
    if not first.isalpha():
        return False  # "Sept. 11", "Inc. —"
    if not core:
        core = _NEXT_RE.match(text, end).group(1)
    word = _LETTERS_RE.match(core)
    if word is None:
        return False
    w = word.group()
    if len(w) == 1 and core[1:2] == ".":
        return False  # another initial: "J. R. R. Tolkien"
    if prev in CLAUSE_FINAL:
        return w not in TIME_WORDS  # "at 3 p.m. Later" ends; "at 3 p.m. Tuesday" does not
    return w in STARTERS  # "the U.S. The President" ends; "the U.S. President" does not


def _wrapped_line_ends(text: str) -> list[int]:
    """In hard-wrapped text, the line breaks that end a sentence although no end mark precedes
    them: before a list item, and after a line the next word would have fitted on (a headline,
    a byline, the last line of a list item), since a wrapped line breaks only where the next
    word does not fit. The width is estimated from below (the 90th percentile of the lengths
    of non-blank lines, so that a stray long line, a URL say, does not widen it): a line
    wrapped at the true width is then never taken for a short one."""
    lines = text.splitlines(keepends=True)
    if len(lines) < 2:
        return []
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return []
    width = lengths[(len(lengths) - 1) * 9 // 10]
    cuts = []
    offset = 0
    for line, nxt in zip(lines, lines[1:], strict=False):
        offset += len(line)
        body = line.rstrip()
        if not body or not nxt.strip():
            continue  # a blank line ends the paragraph anyway
        if _LIST_ITEM_RE.match(nxt):
            cuts.append(offset)
            continue
        first_word = nxt.split(None, 1)[0]
        if len(body) + 1 + len(first_word) <= width:
            cuts.append(offset)
    return cuts


def _credit_start(text: str, i: int) -> int:
    """Where a picture or source credit starts, when the colon at ``i`` ends its label ("... on
    Sunday Photo: Reuters"): a credit label after a word that is not a function word ("The
    Photo: ..."), followed by a capitalised name; -1 when it does not."""
    label = text[i - 13 if i > 13 else 0:i].rsplit(None, 1)
    if label and label[-1] in CREDIT_LABELS:
        window = text[i - 41 if i > 41 else 0:i]
        m = _CREDIT_RE.search(window)
        if (m is not None and m.group(1).lower() not in WORDCLOUD_STOPWORDS
                and _NEXT_RE.match(text, i + 1).group(1)[:1].isupper()):
            return i - len(window) + m.start(2)
    return -1


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
    >>> text = "It ended at 3 p.m. Later he paused . . . then left the U.S.'s embassy."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['It ended at 3 p.m.', "Later he paused . . . then left the U.S.'s embassy."]
    """
    cuts: list[int] = []
    for m in _CANDIDATE_RE.finditer(text):
        start, end = m.span()
        mark = text[start]
        if mark in _LINE_BREAK:
            if not hard_wrapped:
                cuts.append(end)
            continue
        if end - start == 1:  # the common case: one end mark, no closer
            if _ends_sentence(text, start, end, mark, ""):
                cuts.append(end)
            continue
        found = m.group()
        term = found.rstrip(_CLOSERS)
        if len(term) > 2 and (" " in term or "\t" in term):
            term = term.replace(" ", "").replace("\t", "")
        if _ends_sentence(text, start, end, term, found[len(term):]):
            cuts.append(end)
    if hard_wrapped:
        cuts.extend(m.start() for m in _BLANK_LINE_RE.finditer(text))
        cuts.extend(_wrapped_line_ends(text))
    i = text.find(":")
    while i != -1:  # a colon may end the label of a credit inside a line ("... Photo: AP")
        if text[i + 1:i + 2] in _SPACE and text[i - 2:i] in _LABEL_ENDS:
            credit = _credit_start(text, i)
            if credit >= 0:
                cuts.append(credit)
        i = text.find(":", i + 1)
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
            if (stripped[0] in _MARKS and spans and not stripped.strip(_MARKS) and
                    not any(c in _LINE_BREAK for c in text[spans[-1][1]:s])):
                # Only end marks ('Go?" . . .'): they belong to the sentence they follow.
                spans[-1] = (spans[-1][0], s + len(stripped))
            else:
                spans.append((s, s + len(stripped)))
        start = cut
    return spans


def sentences(text: str, *, hard_wrapped: bool = False) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`).

    >>> sentences("Dr. Smith left at 4.30 p.m. He was alone... Why?")
    ['Dr. Smith left at 4.30 p.m.', 'He was alone...', 'Why?']
    """
    return [text[s:e] for s, e in sentence_spans(text, hard_wrapped=hard_wrapped)]



"""Keyword in context (KWIC): every occurrence of a word or phrase with the text around it.

A query is read the way the text is: it goes through the same tokeniser and the same folding
(:func:`analysis.tokenise.fold`), so "don't", "Smith's" or "U.S." match however the text writes
its apostrophes, and a phrase matches its tokens in a row.

The context either side is whole words (a word the window cuts is left out) and a line break
the text reads as a break (a blank line; a single line break unless the document is
hard-wrapped) is shown as :data:`BREAK`, so a headline never runs into the first sentence.

>>> lines = kwic("Militias took Benghazi. Haftar lost Benghazi’s airport.", "Benghazi's", width=12)
>>> lines[["left", "keyword", "right"]].values.tolist()
[['Haftar lost', 'Benghazi’s', 'airport.']]
>>> kwic("Haftar retreats\\nThe general said the city fell.", "general", width=21)[
...     ["left", "right"]].values.tolist()
[['Haftar retreats ¶ The', 'said the city fell.']]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import pandas as pd

from analysis.corpus import Document
from analysis.tables import SIZES, WORDS, chunks, documents_of, per_document, totals
from analysis.tokenise import fold, is_punct, words
from analysis.tokenise.counting import word_keys

__all__ = ["BREAK", "context", "find", "kwic", "kwic_caption", "kwic_text", "occurrences",
           "query_tokens"]

_SPACE = re.compile(r"\s+")
#: How a line break shows in a context: a pilcrow between spaces.
BREAK = " ¶ "
#: Line breaks that end a line of text: any (text as written) or only blank lines (wrapped).
_BREAKS = {False: re.compile(r"\s*\n\s*"), True: re.compile(r"\s*\n[ \t\r\f\v]*\n\s*")}
COLUMNS = ["document", "sentence", "start", "end", "left", "keyword", "right"]


def _shown(text: str, hard_wrapped: bool) -> str:
    """``text`` on one line: its line breaks as :data:`BREAK`, other spaces as one space."""
    return _SPACE.sub(" ", _BREAKS[hard_wrapped].sub(BREAK, text))


def context(text: str, start: int, end: int, *, width: int = 40,
            hard_wrapped: bool = False) -> tuple[str, str]:
    """The ``(left, right)`` context of ``text[start:end]``: at most ``width`` characters each
    side as shown (line breaks as :data:`BREAK`, runs of spaces as one), whole words only (a
    word cut by the window's outer edge is left out), stripped. With ``hard_wrapped`` only a
    blank line is a break, a single line break a space (as the tokeniser reads such text).

    >>> context("The president said that", 4, 13, width=8)
    ('The', 'said')
    >>> context("Floods\\n\\nRain fell.", 8, 12, width=20)
    ('Floods ¶', 'fell.')
    """
    reach = 2 * width + 8  # enough text for ``width`` shown characters but long space runs
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    left = _shown(text[lo:start], hard_wrapped).strip()
    cut = 0 < lo < start and not (text[lo - 1].isspace() or text[lo].isspace())
    if len(left) > width:
        left, cut = left[-width:], not left[-width - 1].isspace()
    if cut:  # the first word is partial
        left = re.sub(r"^\S*", "", left).lstrip()
    right = _shown(text[end:hi], hard_wrapped).strip()
    cut = end < hi < len(text) and not (text[hi].isspace() or text[hi - 1].isspace())
    if len(right) > width:
        right, cut = right[:width], not right[width].isspace()
    if cut:  # the last word is partial
        right = re.sub(r"\S*$", "", right).rstrip()
    return left, right


def query_tokens(query: str, *, ignore_case: bool = True) -> list[str]:
    """A query as the tokens it must match, tokenised and folded like the text.

    >>> query_tokens("Don’t"), query_tokens("Smith's"), query_tokens("armed groups")
    (['do', "n't"], ['smith', "'s"], ['armed', 'groups'])
    """
    toks = [fold(t) for t in words(query)]
    return [t.lower() for t in toks] if ignore_case else toks


def _patterns(keyword: str | Iterable[str], ignore_case: bool, phrase: bool) -> list[list[str]]:
    if isinstance(keyword, str):
        if phrase:
            patterns = [query_tokens(keyword, ignore_case=ignore_case)]
        else:
            patterns = [[t] for t in query_tokens(keyword, ignore_case=ignore_case)]
    else:
        patterns = [query_tokens(k, ignore_case=ignore_case) for k in keyword]
    return [p for p in patterns if p]


def find(doc: Document, patterns: Sequence[Sequence[str]], *,
         ignore_case: bool = True) -> Iterator[tuple[int, int]]:
    """Token ranges ``(i, j)`` of ``doc.tokens`` that match any pattern (lists of query tokens,
    see :func:`query_tokens`), in text order, never overlapping."""
    toks = doc.tokens
    if ignore_case:  # the document's word keys, computed once; punctuation as written
        norm = [k if k is not None else fold(t.text)
                for k, t in zip(word_keys(doc), toks, strict=True)]
    else:
        norm = [fold(t.text) for t in toks]
    firsts = {p[0] for p in patterns}
    i = 0
    while i < len(norm):
        if norm[i] in firsts:
            for p in patterns:
                if norm[i:i + len(p)] == list(p):
                    yield i, i + len(p)
                    i += len(p) - 1
                    break
        i += 1


def _candidate_ids(source, patterns: list[list[str]]) -> list[str] | None:
    """Ids of the documents whose ``words`` table has every word of some pattern, in corpus
    order (None: any document may match, the query being punctuation only)."""
    wanted = [[w.lower() for w in p if not is_punct(w)] for p in patterns]
    if any(not w for w in wanted):
        return None
    needed = sorted({w for p in wanted for w in p})
    words_of: dict[str, set[str]] = {}
    for hits in chunks(source, WORDS, ["document", "word"], where={"word": needed}):
        for d, w in zip(hits["document"].astype(str), hits["word"].astype(str), strict=True):
            words_of.setdefault(d, set()).add(w)
    found = {d for d, ws in words_of.items() if any(ws.issuperset(p) for p in wanted)}
    order = per_document(source, SIZES)["document"].astype(str)
    return [d for d in order if d in found]


def _candidates(source, patterns: list[list[str]], *, chunk: int = 50) -> Iterator[Document]:
    """The documents that can hold a match, loaded a few at a time (a stored corpus reads only
    those texts, and only as far as they are needed)."""
    ids = _candidate_ids(source, patterns)
    if ids is None:
        yield from documents_of(source)
        return
    for start in range(0, len(ids), chunk):
        yield from documents_of(source, ids[start:start + chunk])


def kwic(
    source, keyword: str | Iterable[str], *, width: int = 40, ignore_case: bool = True,
    phrase: bool = True, sort: str = "position", top: int | None = None,
) -> pd.DataFrame:
    """Keyword-in-context lines as a DataFrame, one row per match, with offsets.

    ``keyword`` is a word, a phrase of several words ("armed groups", matched token by token
    when ``phrase``), or a list of words or phrases (any of them), written as in the text: it is
    tokenised and folded like the text. Matching is on whole tokens, so "Benghazi" matches in
    "Benghazi's" (the token "Benghazi") but "war" does not match "warship". ``width`` is the
    most characters of context on each side, whole words only, a line break shown as
    :data:`BREAK` (" ¶ ") where the text breaks a line (see :func:`context`). ``sort`` is
    "position" (document order), "left" (by the word before) or "right" (by the word after), as
    in AntConc; ``top`` keeps the first lines.

    Columns: ``document``, ``sentence`` (from 1), ``start``, ``end`` (character offsets of the
    match in the document's text, so ``text[start:end]`` is the keyword as written), ``left``,
    ``keyword``, ``right``. An empty query or a query of no word gives no lines.

    >>> kwic("They don’t know. We do not.", "don't")["keyword"].tolist()
    ['don’t']
    """
    if sort not in ("position", "left", "right"):
        raise ValueError(f"sort must be 'position', 'left' or 'right', got {sort!r}")
    patterns = _patterns(keyword, ignore_case, phrase)
    enough = top if top and sort == "position" else None  # stop reading once there are enough
    rows: list[tuple] = []
    for doc in (_candidates(source, patterns) if patterns else []):
        text, toks = doc.text, doc.tokens
        for i, j in find(doc, patterns, ignore_case=ignore_case):
            start, end = toks[i].start, toks[j - 1].end
            left, right = context(text, start, end, width=width, hard_wrapped=doc.hard_wrapped)
            rows.append((doc.id, toks[i].sentence + 1, start, end, left, text[start:end], right))
        if enough and len(rows) >= enough:
            break
    df = pd.DataFrame(rows, columns=COLUMNS)
    if sort != "position":
        mark = BREAK.strip()  # by the word next to the keyword, a line break passed over
        side = df[sort].map(lambda s: ([w for w in s.split() if w != mark] or [""])[
            -1 if sort == "left" else 0].lower())
        df = df.assign(_k=side).sort_values(["_k", "document", "start"], kind="stable")
        df = df.drop(columns="_k")
    df = df.reset_index(drop=True)
    return df.head(top) if top else df


def occurrences(source, keyword: str, *, ignore_case: bool = True) -> int:
    """How many times ``keyword`` (a word or phrase, read like a :func:`kwic` query) occurs:
    from the stored word counts for a single word, by matching for a phrase.

    >>> occurrences("They don’t know. We don't. Do not.", "don't")
    2
    """
    pattern = query_tokens(keyword, ignore_case=ignore_case)
    if not pattern:
        return 0
    if ignore_case and len(pattern) == 1 and not is_punct(pattern[0]):
        return int(totals(source, WORDS, by=["word"], where={"word": pattern[:1]})["count"].sum())
    return len(kwic(source, keyword, ignore_case=ignore_case))


def kwic_caption(what: str, lines: pd.DataFrame, top: int | None) -> str:
    """A caption for KWIC lines asked for with ``top + 1`` and shown cut to ``top``: it says
    when there are more lines than shown, so a cut concordance never passes for a whole one.

    >>> kwic_caption("Concordance of “city”", pd.DataFrame({"left": ["a", "b", "c"]}), 2)
    'Concordance of “city” (the first 2 lines; there are more)'
    >>> kwic_caption("Concordance of “city”", pd.DataFrame({"left": ["a"]}), 2)
    'Concordance of “city”'
    """
    if top and len(lines) > top:
        return f"{what} (the first {top:,} lines; there are more)"
    return what


def kwic_text(lines: pd.DataFrame, *, width: int = 40) -> str:
    """KWIC lines as aligned plain text (keyword column centred), for printing.

    >>> print(kwic_text(kwic("They took the city. The city fell.", "city", width=10), width=10))
      took the [city] . The city
     city. The [city] fell.
    """
    out = []
    for left, key, right in lines[["left", "keyword", "right"]].itertuples(index=False):
        out.append(f"{left[-width:]:>{width}} [{key}] {right[:width]}")
    return "\n".join(out)

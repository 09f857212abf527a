"""Keyword in context (KWIC): every occurrence of a word with the text around it.

>>> lines = kwic("Militias took Benghazi. Haftar lost Benghazi's airport.", "benghazi", width=12)
>>> lines[["left", "keyword", "right"]].values.tolist()
[['litias took', 'Benghazi', '. Haftar los'], ['Haftar lost', 'Benghazi', "'s airport."]]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from analysis.corpus import Corpus, Document, as_documents

__all__ = ["kwic", "kwic_text"]

_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text)


def kwic(
    source: str | Document | Corpus | Iterable[Document], keyword: str | Iterable[str], *,
    width: int = 40, ignore_case: bool = True, phrase: bool = True, sort: str = "position",
) -> pd.DataFrame:
    """Keyword-in-context lines as a DataFrame, one row per match, with offsets.

    ``keyword`` is a word, a phrase of several words ("armed groups", matched token by token
    when ``phrase``), or a list of words (any of them). Matching is on whole tokens, so
    "Benghazi" matches in "Benghazi's" (the token "Benghazi") but "war" does not match "warship".
    ``width`` is the number of characters of context on each side (line breaks shown as spaces,
    space next to the keyword trimmed). An empty list of keywords gives no lines.
    ``sort`` is "position" (document order), "left" (by the word before) or "right" (by the word
    after), as in AntConc.

    Columns: ``document``, ``sentence``, ``start``, ``end`` (character offsets of the match in the
    document's text, so ``text[start:end]`` is the keyword as written), ``left``, ``keyword``,
    ``right``.
    """
    if sort not in ("position", "left", "right"):
        raise ValueError(f"sort must be 'position', 'left' or 'right', got {sort!r}")
    if isinstance(keyword, str):
        patterns = [keyword.split() if phrase else [keyword]]
    else:
        patterns = [[k] for k in keyword]
    patterns = [p for p in patterns if p]
    if isinstance(keyword, str) and not patterns:
        raise ValueError("kwic needs a keyword")
    norm = (lambda s: s.lower()) if ignore_case else (lambda s: s)
    wanted = [[norm(w) for w in p] for p in patterns]
    rows = []
    for doc in as_documents(source):
        toks = doc.tokens
        texts = [norm(t.text) for t in toks]
        text = doc.text
        for i in range(len(toks)):
            for p in wanted:
                if texts[i:i + len(p)] == p:
                    start, end = toks[i].start, toks[i + len(p) - 1].end
                    left = _flat(text[max(0, start - width):start]).strip()
                    right = _flat(text[end:end + width]).strip()
                    rows.append((doc.id, toks[i].sentence, start, end, left, text[start:end],
                                 right))
                    break
    df = pd.DataFrame(rows, columns=["document", "sentence", "start", "end", "left", "keyword",
                                     "right"])
    if sort == "left":
        key = df["left"].map(lambda s: (s.split() or [""])[-1].lower())
        df = df.assign(_k=key).sort_values(["_k", "document", "start"]).drop(columns="_k")
    elif sort == "right":
        key = df["right"].map(lambda s: (s.split() or [""])[0].lower())
        df = df.assign(_k=key).sort_values(["_k", "document", "start"]).drop(columns="_k")
    return df.reset_index(drop=True)


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

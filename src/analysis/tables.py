"""Tokens and sentences as tables: the step from text to pandas in the data flow.

Every row keeps the character offsets of its token or sentence, so anything computed from
these tables can point back at the exact text.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.corpus import Corpus, Document, as_documents
from analysis.tokenise import STOPWORDS, is_number, is_punct

__all__ = ["document_sizes", "sentence_table", "token_table"]

Source = str | Document | Corpus | Iterable[Document]


def _kind(text: str) -> str:
    return "punct" if is_punct(text) else "number" if is_number(text) else "word"


def token_table(source: Source) -> pd.DataFrame:
    """Every token with its offsets: one row per token.

    Columns: ``document``, ``sentence`` (index within the document), ``index`` (token position
    within the document), ``token`` (exact text), ``start``, ``end`` (character offsets into the
    document's text), ``lower``, ``kind`` ("word", "number" or "punct"), ``stopword``.

    >>> table = token_table("Libya's army left.")
    >>> table[["token", "start", "end", "kind"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Libya', 0, 5, 'word'], ["'s", 5, 7, 'word'], ['army', 8, 12, 'word'],
     ['left', 13, 17, 'word'], ['.', 17, 18, 'punct']]
    """
    rows = []
    for doc in as_documents(source):
        for t in doc.tokens:
            low = t.text.lower().replace("\u2019", "'")
            rows.append((doc.id, t.sentence, t.index, t.text, t.start, t.end, low, _kind(t.text),
                         low in STOPWORDS))
    return pd.DataFrame(rows, columns=["document", "sentence", "index", "token", "start", "end",
                                       "lower", "kind", "stopword"])


def sentence_table(source: Source) -> pd.DataFrame:
    """One row per sentence: ``document``, ``sentence``, ``start``, ``end``, ``words`` (tokens
    that are not punctuation), ``text``.

    >>> table = sentence_table("The U.S. left. Others stayed.")
    >>> table[["sentence", "start", "end", "words"]].values.tolist()
    [[0, 0, 14, 3], [1, 15, 29, 2]]
    """
    rows = []
    for doc in as_documents(source):
        text = doc.text
        spans = doc.sentence_spans
        counts = [0] * len(spans)
        for t in doc.tokens:
            if not is_punct(t.text):
                counts[t.sentence] += 1
        for i, (start, end) in enumerate(spans):
            rows.append((doc.id, i, start, end, counts[i], text[start:end]))
    return pd.DataFrame(rows, columns=["document", "sentence", "start", "end", "words", "text"])


def document_sizes(source: Source) -> pd.DataFrame:
    """Per document: ``sentences``, ``words`` (not punctuation), ``types`` (distinct lower-cased
    words), ``characters``.

    >>> document_sizes("A cat. A dog.").values.tolist()
    [['text', 2, 4, 3, 13]]
    """
    rows = []
    for doc in as_documents(source):
        toks = doc.tokens
        ws = [t.text.lower().replace("\u2019", "'") for t in toks if not is_punct(t.text)]
        n_sent = (toks[-1].sentence + 1) if toks else 0
        rows.append((doc.id, n_sent, len(ws), len(set(ws)), len(doc.text)))
    return pd.DataFrame(rows, columns=["document", "sentences", "words", "types", "characters"])

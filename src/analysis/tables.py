"""Tokens and sentences as tables: the step from text to pandas in the data flow.

Every row keeps the character offsets of its token or sentence, so anything computed from
these tables can point back at the exact text.
"""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Corpus, Source, as_documents
from analysis.tokenise import STOPWORDS, is_number, is_punct

__all__ = [
    "corpus_summary",
    "document_sizes",
    "documents_table",
    "removed_table",
    "sentence_table",
    "skipped_table",
    "token_table",
]


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


_DOCUMENT_COLUMNS = ["id", "title", "source", "format", "encoding", "characters", "lines_removed",
                     "english_share", "is_english"]


def documents_table(source: Source, *, sizes: bool = True) -> pd.DataFrame:
    """One row per document: id, title, source, format, encoding, (with ``sizes``)
    sentences, words and distinct words, characters, lines removed, English check.

    >>> documents_table("A cat. A dog.")[["id", "sentences", "words"]].values.tolist()
    [['text', 2, 4]]
    """
    docs = as_documents(source)
    rows = []
    for d in docs:
        info = d.info
        rows.append({
            "id": d.id,
            "title": d.title,
            "source": d.source,
            "format": info.get("format", "text"),
            "encoding": info.get("encoding", ""),
            "characters": len(d.text),
            "lines_removed": len(d.removed),
            "english_share": round(float(info.get("english_share", 0.0)), 3),
            "is_english": bool(info.get("is_english", True)),
        })
    df = pd.DataFrame(rows, columns=_DOCUMENT_COLUMNS)
    if sizes:
        counts = document_sizes(docs).drop(columns="characters")
        df = df.merge(counts, left_on="id", right_on="document", how="left")
        df = df.drop(columns="document")
        cols = _DOCUMENT_COLUMNS
        df = df[cols[:5] + ["sentences", "words", "types"] + cols[5:]]
    return df


def corpus_summary(corpus: Corpus) -> pd.Series:
    """Totals for the whole corpus: documents, files skipped, sentences, words, characters,
    lines removed, documents that do not look English."""
    frame = documents_table(corpus)
    return pd.Series({
        "documents": len(corpus.documents),
        "files skipped": len(corpus.skipped),
        "sentences": int(frame["sentences"].sum()),
        "words": int(frame["words"].sum()),
        "characters": int(frame["characters"].sum()),
        "lines removed": int(frame["lines_removed"].sum()),
        "not English": int((~frame["is_english"]).sum()),
    }, name="corpus")


def removed_table(source: Source) -> pd.DataFrame:
    """Every line cleaning removed: document, line number, text, reason."""
    rows = [{"document": d.id, "line": r.line, "text": r.text, "reason": r.reason}
            for d in as_documents(source) for r in d.removed]
    return pd.DataFrame(rows, columns=["document", "line", "text", "reason"])


def skipped_table(corpus: Corpus) -> pd.DataFrame:
    """The files of a folder that could not be read: file, problem."""
    return pd.DataFrame(corpus.skipped, columns=["file", "problem"])

"""Per-document tables: the step from documents to pandas in the data flow.

Every per-document measure of the package (sentences with their scores, word counts, name
mentions, attributions, figures, ...) is described by a :class:`TableSpec`: the table's name,
its columns with their types, and a function that gives one document's rows. The same spec
serves two ways:

* :func:`per_document` computes the rows of a few documents in memory (a string, a
  :class:`~analysis.corpus.Document`, a :class:`~analysis.corpus.Corpus`);
* the store (:mod:`analysis.store`) computes them once per document for a whole corpus, in
  parallel, and keeps them as Parquet; a stored corpus answers :func:`per_document` from disk.

Either way the result has the same columns: ``document`` (the document's id) first, then the
spec's columns. Every row keeps character offsets where it points at text, so anything computed
from these tables can point back at the exact words.

>>> spec = TableSpec("lengths", (("characters", "int64"),), lambda doc: [(len(doc.text),)])
>>> per_document("Four", spec).values.tolist()
[['text', 4]]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis.corpus import Corpus, Document, Source, as_documents
from analysis.tokenise import STOPWORDS, fold, is_number, is_punct
from analysis.tokenise.counting import word_keys

#: Column types a spec may use (Arrow type names; pandas dtypes in memory).
TYPES = ("string", "int32", "int64", "float64", "bool", "date32")
_PANDAS = {"string": "object", "int32": "int32", "int64": "int64", "float64": "float64",
           "bool": "bool", "date32": "datetime64[ns]"}


@dataclass(frozen=True)
class TableSpec:
    """A per-document table: ``name``, ``columns`` (``(name, type)`` pairs, types from
    :data:`TYPES`) and ``rows``, a function from one :class:`~analysis.corpus.Document` to its
    rows (tuples in column order). ``version`` is part of the store's key: bump it when the rows
    a document gives change, so stored tables are recomputed.

    Nullable values: ``None`` in a string or float column; integer and bool columns take none.
    ``categories`` names string columns with few distinct values (words, kinds, labels): a
    stored corpus reads them as pandas categoricals, which keeps a large corpus's tables small.
    """

    name: str
    columns: tuple[tuple[str, str], ...]
    rows: Callable[[Document], Iterable[tuple]]
    version: int = 1
    categories: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for column, kind in self.columns:
            if kind not in TYPES:
                raise ValueError(f"table {self.name!r}: column {column!r} has unknown type "
                                 f"{kind!r} (use one of {', '.join(TYPES)})")
            if column == "document":
                raise ValueError(f"table {self.name!r}: 'document' is added by the store")

    @property
    def names(self) -> list[str]:
        """Column names, ``document`` first."""
        return ["document", *(c for c, _ in self.columns)]

    def frame(self, rows: Sequence[tuple]) -> pd.DataFrame:
        """Rows (each starting with the document id) as a DataFrame with the spec's dtypes."""
        df = pd.DataFrame(list(rows), columns=self.names)
        for column, kind in self.columns:
            if kind in ("int32", "int64", "float64", "bool") and len(df):
                df[column] = df[column].astype(_PANDAS[kind])
            elif kind == "date32":
                df[column] = pd.to_datetime(df[column])
            elif not len(df):
                df[column] = df[column].astype(_PANDAS[kind])
        return df


def per_document(source: Any, spec: TableSpec, *, meta: Sequence[str] = ()) -> pd.DataFrame:
    """The ``spec`` table of every document of ``source``: ``document`` then the spec's columns,
    documents in order, then the metadata columns named in ``meta`` (``title``, ``date``,
    ``publisher``, ...), joined from each document.

    ``source`` is a string, a Document, a Corpus, an iterable of Documents, or a stored corpus
    (:class:`analysis.store.CorpusTables`), which answers from its Parquet tables instead of
    computing. A metadata name the documents do not have raises ``KeyError`` listing the
    columns they have.

    >>> spec = TableSpec("chars", (("n", "int64"),), lambda doc: [(len(doc.text),)])
    >>> docs = [Document("a", "A", "a", "One.", meta={"outlet": "X"}),
    ...         Document("b", "B", "b", "Three.", meta={"outlet": "Y"})]
    >>> per_document(docs, spec, meta=["outlet"]).values.tolist()
    [['a', 4, 'X'], ['b', 6, 'Y']]
    """
    stored = getattr(source, "table", None)
    if callable(stored):
        return stored(spec, meta=meta)
    docs = as_documents(source)
    rows = [(doc.id, *row) for doc in docs for row in spec.rows(doc)]
    df = spec.frame(rows)
    if meta:
        known = {"title", "source"} | {k for d in docs for k in d.meta}
        missing = [m for m in meta if m not in known]
        if missing:
            raise KeyError(f"no metadata column {', '.join(map(repr, missing))}; the documents "
                           f"have: {', '.join(sorted(known))}")
        values = {d.id: {"title": d.title, "source": d.source, **d.meta} for d in docs}
        for m in meta:
            df[m] = df["document"].map(lambda i, m=m: values[i].get(m))
    return df


def plain(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with categorical columns (how a stored corpus keeps words small) as plain strings,
    so that sorting is alphabetical, not by category order.

    >>> plain(pd.DataFrame({"w": pd.Categorical(["b", "a"])})).sort_values("w")["w"].tolist()
    ['a', 'b']
    """
    cats = [c for c in df.columns if isinstance(df[c].dtype, pd.CategoricalDtype)]
    return df.astype({c: "str" for c in cats}) if cats else df


def documents_of(source: Any, ids: Iterable[str] | None = None) -> list[Document]:
    """The documents of ``source`` (in its order), or only those whose id is in ``ids``. A
    stored corpus loads just those texts.

    >>> [d.id for d in documents_of([Document("a", "A", "a", "x"), Document("b", "B", "b", "y")],
    ...                             ["b"])]
    ['b']
    """
    select = getattr(source, "select", None)
    if callable(select):
        return select(ids)
    docs = as_documents(source)
    if ids is None:
        return docs
    keep = set(ids)
    return [d for d in docs if d.id in keep]


__all__ = [
    "SIZES",
    "TYPES",
    "TableSpec",
    "documents_of",
    "per_document",
    "plain",
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

    Columns: ``document``, ``sentence`` (numbered from 1 within the document), ``index`` (token
    position within the document, from 0), ``token`` (exact text), ``start``, ``end`` (character
    offsets into the document's text), ``lower`` (folded, lower case), ``kind`` ("word",
    "number" or "punct"), ``stopword``.

    >>> table = token_table("Libya's army left.")
    >>> table[["token", "start", "end", "kind"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Libya', 0, 5, 'word'], ["'s", 5, 7, 'word'], ['army', 8, 12, 'word'],
     ['left', 13, 17, 'word'], ['.', 17, 18, 'punct']]
    """
    rows = []
    for doc in as_documents(source):
        for t in doc.tokens:
            low = fold(t.text).lower()
            rows.append((doc.id, t.sentence + 1, t.index, t.text, t.start, t.end, low,
                         _kind(t.text), low in STOPWORDS))
    return pd.DataFrame(rows, columns=["document", "sentence", "index", "token", "start", "end",
                                       "lower", "kind", "stopword"])


def sentence_table(source: Source) -> pd.DataFrame:
    """One row per sentence: ``document``, ``sentence`` (from 1), ``start``, ``end``, ``words``
    (tokens that are not punctuation), ``text``.

    >>> table = sentence_table("The U.S. left. Others stayed.")
    >>> table[["sentence", "start", "end", "words"]].values.tolist()
    [[1, 0, 14, 3], [2, 15, 29, 2]]
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
            rows.append((doc.id, i + 1, start, end, counts[i], text[start:end]))
    return pd.DataFrame(rows, columns=["document", "sentence", "start", "end", "words", "text"])


def _size_rows(doc: Document) -> list[tuple[int, int, int, int]]:
    keys = [k for k in word_keys(doc) if k is not None]
    toks = doc.tokens
    n_sent = (toks[-1].sentence + 1) if toks else 0
    return [(n_sent, len(keys), len(set(keys)), len(doc.text))]


#: One row per document: ``sentences``, ``words`` (tokens that are not punctuation), ``types``
#: (distinct folded lower-case words), ``characters``.
SIZES = TableSpec("sizes", (("sentences", "int64"), ("words", "int64"), ("types", "int64"),
                            ("characters", "int64")), _size_rows)


def document_sizes(source: Source) -> pd.DataFrame:
    """Per document: ``sentences``, ``words`` (not punctuation), ``types`` (distinct lower-cased
    words), ``characters``.

    >>> document_sizes("A cat. A dog.").values.tolist()
    [['text', 2, 4, 3, 13]]
    """
    return per_document(source, SIZES)


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

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

>>> def lengths(doc):
...     return [(len(doc.text),)]
>>> spec = TableSpec("lengths", (("characters", "int64"),), lengths)
>>> per_document("Four", spec).values.tolist()
[['text', 4]]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
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
        if getattr(self.rows, "__name__", "") == "<lambda>":
            raise ValueError(f"table {self.name!r}: rows must be a module-level function (worker "
                             "processes and Dask receive it by name), not a lambda")

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

    >>> def chars(doc):
    ...     return [(len(doc.text),)]
    >>> spec = TableSpec("chars", (("n", "int64"),), chars)
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


def once_per_corpus(source: Any, key: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept by a stored corpus (:meth:`analysis.store.CorpusTables.memo`) for
    the next call with the same ``key``; computed each time for any other ``source``.

    >>> calls = []
    >>> [once_per_corpus("a text", ("n",), lambda: calls.append(1) or len(calls))
    ...  for _ in range(2)]
    [1, 2]
    """
    memo = getattr(source, "memo", None)
    return memo(key, compute) if callable(memo) else compute()


def _conditions(where: Any) -> dict[str, list[Any]]:
    """``where`` as ``{column: values}`` (a ``(column, values)`` pair is accepted too)."""
    if not where:
        return {}
    if isinstance(where, tuple) and len(where) == 2 and isinstance(where[0], str):
        return {where[0]: list(where[1])}
    return {column: list(values) for column, values in dict(where).items()}


def totals(source: Any, spec: TableSpec, *, by: Sequence[str],
           value: str | Sequence[str] | None = "count", where: Any = None,
           meta: str | None = None, rows: str | None = None) -> pd.DataFrame:
    """The sums of the ``value`` column(s) of the ``spec`` table over all documents, per
    combination of the ``by`` columns: ``by`` columns (text as plain strings) then the sums,
    one row per combination, unsorted. ``where`` = ``{column: values}`` (or one ``(column,
    values)`` pair) keeps only rows whose columns hold one of the values; ``meta`` names a
    metadata column joined as ``group`` (which ``by`` may then name; a missing value is None,
    others are text); ``rows`` names an extra column counting the rows summed (for
    :data:`WORDS`, one row per document and word, that is the number of documents holding the
    word: its *range*). A stored corpus sums in Arrow, part by part, without holding the rows;
    any other source sums its computed rows with pandas: the same table either way.

    >>> totals("War and war. Peace.", WORDS, by=["word"]).sort_values("word").values.tolist()
    [['and', 1], ['peace', 1], ['war', 2]]
    >>> docs = [Document("a", "A", "a", "War. War."), Document("b", "B", "b", "War, peace.")]
    >>> totals(docs, WORDS, by=["word"], rows="range").sort_values("word").values.tolist()
    [['peace', 1, 1], ['war', 3, 2]]
    """
    conditions = _conditions(where)
    stored = getattr(source, "totals", None)
    if callable(stored):
        return stored(spec, by=by, value=value, where=conditions, meta=meta, rows=rows)
    values = [] if value is None else [value] if isinstance(value, str) else list(value)
    table = per_document(source, spec, meta=(meta,) if meta else ())
    if meta:
        table = table.rename(columns={meta: "group"})
        table["group"] = [None if v is None or (not isinstance(v, str) and pd.isna(v))
                          else str(v) for v in table["group"]]
    for column, allowed in conditions.items():
        table = table[table[column].isin(allowed)]
    columns = [*by, *values, *([rows] if rows else [])]
    if not len(table):
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in values or c == rows
                                          else object) for c in columns})
    named = {v: (v, "sum") for v in values}
    if rows:
        named[rows] = (by[0], "size")
    out = table.groupby(list(by), sort=False, observed=True, dropna=False).agg(**named)
    return plain(out.reset_index())[columns]


def chunks(source: Any, spec: TableSpec, columns: Sequence[str], *, where: Any = None,
           arrow: bool = False) -> Iterator[Any]:
    """The ``spec`` table of ``source`` a piece at a time, for aggregations a sum cannot do
    (firsts, top-N, distinct pairs): DataFrames with only ``columns`` (``document`` may be
    one) and only the rows whose columns hold one of the values of ``where`` (``{column:
    values}``). A stored corpus yields one DataFrame per stored part (a few thousand
    documents; text columns as categoricals), in no particular document order; any other
    source yields its whole table once. Empty pieces are left out. With ``arrow`` the pieces
    are Arrow tables (text columns of a stored corpus dictionary-encoded: their codes cost
    nothing to read), for aggregations done with numpy.

    >>> [len(c) for c in chunks("War. War and peace.", WORDS, ["word", "count"])]
    [3]
    """
    conditions = _conditions(where)
    scan = getattr(source, "scan", None)
    if callable(scan):
        yield from scan(spec, list(columns), where=conditions, arrow=arrow)
        return
    table = per_document(source, spec)
    for column, allowed in conditions.items():
        table = table[table[column].isin(allowed)]
    if len(table):
        table = table[list(columns)].reset_index(drop=True)
        if arrow:
            import pyarrow as pa

            table = pa.Table.from_pandas(plain(table), preserve_index=False)
        yield table


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
    "REMOVED",
    "REPAIRS",
    "SIZES",
    "TYPES",
    "WORDS",
    "TableSpec",
    "chunks",
    "documents_of",
    "once_per_corpus",
    "per_document",
    "plain",
    "totals",
    "corpus_summary",
    "document_sizes",
    "documents_table",
    "removed_table",
    "repairs_table",
    "sentence_table",
    "skipped_table",
    "token_table",
    "warnings_table",
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


def _word_rows(doc: Document) -> list[tuple[str, int]]:
    counts = Counter(word_keys(doc))
    counts.pop(None, None)
    return sorted(counts.items())


#: One row per word type per document: ``word`` (folded, lower case: the key every count and
#: comparison of words uses, :func:`analysis.tokenise.counting.word_key`), ``count``.
WORDS = TableSpec("words", (("word", "string"), ("count", "int64")), _word_rows,
                  categories=("word",))


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


#: The reading columns of :func:`documents_table`, after the metadata columns.
READING_COLUMNS = ("source", "format", "encoding", "characters", "sentences", "words", "types",
                   "lines_removed", "repairs", "english_share", "is_english")


def documents_table(source: Source, *, sizes: bool = True) -> pd.DataFrame:
    """One row per document: ``document`` (the id), ``title``, ``date`` (a pandas
    datetime, NaT when unknown), then the metadata columns (every key of the documents'
    ``meta`` in first-seen order: a table's other columns, front-matter fields, ``author`` and
    ``site`` of web pages, ``folder`` for a folder; a key that is also a reading column is
    shown as ``meta_KEY``; missing values None), then how each was read: ``source`` (file,
    relative to the folder), ``format`` (text, markdown, html, csv, tsv, jsonl, json,
    parquet), ``encoding``, ``characters`` (of the cleaned text), ``sentences``, ``words``
    (tokens that are not punctuation), ``types`` (distinct lower-cased words) (these three
    only with ``sizes``: they tokenise every document), ``lines_removed`` (lines and blocks
    cleaning removed), ``repairs`` (mojibake spots repaired), ``english_share`` (share of
    common English function words, 3 decimals) and ``is_english``.

    >>> from analysis.corpus import Document
    >>> doc = Document.from_text("A cat. A dog.", id="a", meta={"outlet": "X"})
    >>> documents_table(doc).iloc[0, :6].tolist()
    ['a', 'A cat. A dog.', NaT, 'X', '<text>', 'text']
    >>> documents_table(doc)[["sentences", "words", "repairs"]].values.tolist()
    [[2, 4, 0]]
    """
    stored = getattr(source, "documents", None)
    if isinstance(stored, pd.DataFrame):  # a stored corpus keeps this table
        return stored if sizes else stored.drop(columns=["sentences", "words", "types"])
    docs = as_documents(source)
    keys: dict[str, None] = {}
    for d in docs:
        for k in d.meta:
            if k != "date":
                keys.setdefault(k)
    shown = {k: (f"meta_{k}" if k in READING_COLUMNS or k in ("document", "title") else k)
             for k in keys}
    reading = [c for c in READING_COLUMNS if sizes or c not in ("sentences", "words", "types")]
    columns = ["document", "title", "date", *shown.values(), *reading]
    counts = {}
    if sizes:
        for row in document_sizes(docs).itertuples(index=False):
            counts[row.document] = (row.sentences, row.words, row.types)
    rows = []
    for d in docs:
        info = d.info
        row = [d.id, d.title, d.meta.get("date"), *(d.meta.get(k) for k in shown),
               d.source, info.get("format", "text"), info.get("encoding", ""), len(d.text)]
        if sizes:
            row.extend(counts.get(d.id, (0, 0, 0)))
        row.extend([len(d.removed), sum(r.count for r in d.repairs),
                    round(float(info.get("english_share", 0.0)), 3),
                    bool(info.get("is_english", True))])
        rows.append(row)
    data = {}
    for i, column in enumerate(columns):
        values = [row[i] for row in rows]
        if column == "date":
            data[column] = pd.to_datetime(pd.Series(values, dtype=object))
        elif column in shown.values():
            data[column] = _meta_column(values)
        else:
            data[column] = values
    return pd.DataFrame(data, columns=columns)


def _meta_column(values: list) -> pd.Series:
    """A metadata column: numbers as numbers (float when some are missing); anything else
    (text, dates) as Python objects, missing values None."""
    if values and all(v is None or (isinstance(v, int | float) and not isinstance(v, bool))
                      for v in values) and any(v is not None for v in values):
        return pd.Series(values)
    return pd.Series(values, dtype=object)


def corpus_summary(corpus: Source) -> pd.Series:
    """Totals for the whole corpus: ``documents``, ``skipped`` (files and rows that held no
    readable text), ``warnings``, ``dated`` (documents with a date), ``sentences``, ``words``,
    ``characters``, ``lines removed``, ``spots repaired`` (mojibake), ``not English``.

    >>> from analysis.corpus import Corpus, Document
    >>> int(corpus_summary(Corpus([Document.from_text("It didnâ€™t rain.")]))["spots repaired"])
    1
    """
    frame = documents_table(corpus)
    return pd.Series({
        "documents": len(frame),
        "skipped": len(getattr(corpus, "skipped", ())),
        "warnings": len(getattr(corpus, "warnings", ())),
        "dated": int(frame["date"].notna().sum()),
        "sentences": int(frame["sentences"].sum()),
        "words": int(frame["words"].sum()),
        "characters": int(frame["characters"].sum()),
        "lines removed": int(frame["lines_removed"].sum()),
        "spots repaired": int(frame["repairs"].sum()),
        "not English": int((~frame["is_english"].astype(bool)).sum()),
    }, name="corpus")


def _removed_rows(doc: Document) -> list[tuple[int, str, str]]:
    return [(r.line, r.text, r.reason) for r in doc.removed]


#: One row per line or block cleaning removed: ``line``, ``text``, ``reason``.
REMOVED = TableSpec("removed", (("line", "int64"), ("text", "string"), ("reason", "string")),
                    _removed_rows, categories=("reason",))


def visible(text: str) -> str:
    """``text`` with the characters a reader cannot see written as code points: control and
    format characters and spaces other than the plain space ("\x83" -> "⟨U+0083⟩"), so that a
    repair that replaced one shows what it replaced.

    >>> visible("Ra\u00c3\x83ol and\u00a0so")
    'RaÃ⟨U+0083⟩ol and⟨U+00A0⟩so'
    """
    import unicodedata

    if text.isascii() and text.isprintable():
        return text
    return "".join(f"⟨U+{ord(c):04X}⟩" if c != " " and unicodedata.category(c)[0] in "CZ"
                   else c for c in text)


def _repair_rows(doc: Document) -> list[tuple[int, str, str, int, str]]:
    return [(r.line, visible(r.before), visible(r.after), r.count, r.context)
            for r in doc.repairs]


#: One row per line where mojibake was repaired: ``line``, ``before``, ``after``, ``count``,
#: ``context``.
REPAIRS = TableSpec("repairs", (("line", "int64"), ("before", "string"), ("after", "string"),
                                ("count", "int64"), ("context", "string")), _repair_rows)


def removed_table(source: Source) -> pd.DataFrame:
    """Every line or block cleaning removed: ``document``, ``line`` (of the file as read; for
    a web page, of its HTML source), ``text``, ``reason`` ("credit line", "widget message";
    for web pages where the block sat: "navigation", "cookie banner", "related stories",
    "footer", ...; for Markdown "HTML in Markdown", "image").

    >>> removed_table("Plain text.").columns.tolist()
    ['document', 'line', 'text', 'reason']
    """
    return plain(per_document(source, REMOVED))


def repairs_table(source: Source) -> pd.DataFrame:
    """Every mojibake repair: ``document``, ``line`` (of the text as read; 0 = the title),
    ``before`` (the characters as read, e.g. "â€™"), ``after`` (as repaired, "’"), ``count``
    (spots in that line), ``context`` (the repaired text around the first spot). Rows in
    document order, then line order. ``repairs_table(docs)["count"].sum()`` is the number of
    spots repaired; grouping by ``before`` and ``after`` gives the kinds of repair.

    >>> from analysis.corpus import Document
    >>> repairs_table(Document.from_text("It didnâ€™t rain.", id="a")).values.tolist()
    [['a', 1, 'â€™', '’', 1, 'It didn’t rain.']]
    """
    return per_document(source, REPAIRS)


def skipped_table(corpus: Corpus) -> pd.DataFrame:
    """What could not be read: ``file``, ``problem`` (for a row of a table, the problem starts
    with the row or line: "row 17 (line 19): the text cell is empty").

    >>> skipped_table(Corpus([], skipped=[("b.txt", "the file is empty")])).values.tolist()
    [['b.txt', 'the file is empty']]
    """
    return pd.DataFrame(list(getattr(corpus, "skipped", [])), columns=["file", "problem"])


def warnings_table(corpus: Corpus) -> pd.DataFrame:
    """What was read but is doubtful: ``file``, ``problem`` (an unparseable date: the document
    was kept without a date).

    >>> warnings_table(Corpus([])).columns.tolist()
    ['file', 'problem']
    """
    return pd.DataFrame(list(getattr(corpus, "warnings", [])), columns=["file", "problem"])

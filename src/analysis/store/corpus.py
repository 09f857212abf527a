"""A stored corpus: the documents table of one input and its per-document tables on disk.

:class:`CorpusTables` is what :func:`analysis.store.analyse` returns and what the notebooks
pass to every analysis function: ``tables.per_document(corpus, SPEC)`` reads the stored table
instead of computing it, and ``tables.documents_of(corpus, ids)`` loads only the texts asked
for. Nothing holds every text in memory unless asked to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import pandas as pd

from analysis.corpus import Document, Removed
from analysis.corpus.base import Repair
from analysis.store.parquet import Store
from analysis.store.specs import TEXTS
from analysis.tables import REMOVED, REPAIRS, TableSpec

__all__ = ["CorpusTables"]

#: Columns of the documents table that record how a document was read (``Document.info``).
_INFO = ("format", "encoding", "english_share", "is_english", "hard_wrapped")

#: Tables with at most this many rows per document on average are kept in memory once read.
CACHED_ROWS = 2
#: Sums (:meth:`CorpusTables.totals`) of at most this many rows are kept for the next call.
CACHED_TOTALS = 500_000


def _date(value: Any) -> dt.date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


class CorpusTables:
    """The stored analysis of one input.

    ``documents`` is one row per document: ``document`` (id), ``title``, ``date``, the
    metadata columns (``meta_columns``), then how it was read (source, format, encoding,
    lines removed, English check) and its size (sentences, words, types, characters).
    ``skipped`` lists files that could not be read and ``warnings`` what else the reader noted.
    """

    def __init__(self, store: Store, documents: pd.DataFrame, info: dict[str, Any]):
        self.store = store
        self._docs = documents.reset_index(drop=True)
        self.info = info
        self._cache: dict[tuple, pd.DataFrame] = {}
        self._totals: dict[tuple, pd.DataFrame] = {}
        self._memo: dict[tuple, Any] = {}

    # ------------------------------------------------------------------ where rows are

    def _located(self) -> list[str]:
        """The part holding each document's rows, re-mapped first when another run has
        compacted the store since this corpus was opened (its old parts are gone; the rows
        are the same, in new parts). Raises FileNotFoundError when the store no longer holds
        some documents at all (another input's run dropped them)."""
        parts = self._docs["_part"]
        folder = self.store.root / "keys"
        if all((folder / f"{p}.parquet").exists() for p in parts.unique()):
            return parts.tolist()
        with self.store.lock():  # a compaction in progress finishes first
            where = self.store.parts()
        gone = int((~self._docs["_key"].isin(where.keys())).sum())
        if gone:
            raise FileNotFoundError(
                f"the store {self.store.root} no longer holds {gone:,} of this corpus's "
                "documents (another run removed them): open the input again")
        self._docs["_part"] = self._docs["_key"].map(where)
        return self._docs["_part"].tolist()

    def _retried(self, read: Any) -> Any:
        """``read(parts)`` with the current parts, once more after re-mapping them if a part
        vanished in between (a compaction by another process)."""
        try:
            return read(self._located())
        except FileNotFoundError:
            return read(self._located())

    # ------------------------------------------------------------------ what it holds

    @property
    def documents(self) -> pd.DataFrame:
        """One row per document (see the class docstring); ``_key`` left out."""
        return self._docs.drop(columns=["_key", "_part"], errors="ignore")

    @property
    def meta_columns(self) -> list[str]:
        """The metadata columns of :attr:`documents` (``title`` and ``date`` aside), as stored:
        a column of the input named like a reading column is ``meta_source`` here."""
        return list(self.info.get("meta_columns", []))

    @property
    def meta_names(self) -> list[str]:
        """The metadata a reader may group by, under the input's own names (``source`` for the
        column stored as ``meta_source``), in the order of :attr:`meta_columns`: the names
        every method taking metadata (``grouping``, ``table``, ``totals``) accepts and every
        table and message shows."""
        keys = self.info.get("meta_keys", {})
        return [str(keys.get(c, c)) for c in self.meta_columns]

    def _column(self, name: str) -> str:
        """The stored column of the metadata the input calls ``name`` (else ``name``)."""
        stored = dict(zip(self.meta_names, self.meta_columns, strict=True))
        return stored.get(name, name)

    @property
    def title(self) -> str:
        """A title for the whole input: the document's own title for one document, else the
        input's name."""
        return str(self.info.get("title") or "")

    @property
    def digest(self) -> str:
        """A digest of the input's documents and the code that analysed them: it changes
        exactly when a table read from this corpus may change."""
        return str(self.info.get("digest", ""))

    @property
    def skipped(self) -> list[tuple[str, str]]:
        return [tuple(x) for x in self.info.get("skipped", [])]

    @property
    def warnings(self) -> list[tuple[str, str]]:
        return [tuple(x) for x in self.info.get("warnings", [])]

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        step = 500
        ids = self._docs["document"].tolist()
        for start in range(0, len(ids), step):
            yield from self.select(ids[start:start + step])

    def __repr__(self) -> str:
        return f"<CorpusTables {self.title!r}: {len(self)} documents>"

    def summary(self) -> pd.Series:
        """Totals (see :func:`analysis.tables.corpus_summary`)."""
        from analysis.tables import corpus_summary

        return corpus_summary(self)

    def grouping(self, group_by: str | None = None) -> str | None:
        """The metadata column to compare groups by: ``group_by`` when given (KeyError listing
        the columns when it is not one); otherwise ``folder`` when the input has documents in
        more than one subfolder; otherwise None. Only the documents' metadata count (title,
        date and the input's own columns), never how a document was read. The column is
        returned under the input's own name, the one to show a reader: a column of the input
        named like a reading column (``source``, ``format``) is stored as ``meta_source`` but
        found, returned and joined by ``table``/``totals`` as ``source``."""
        if group_by:
            metadata = ["title", "date", *self.meta_names]
            named = dict(zip(self.meta_columns, self.meta_names, strict=True))
            if group_by not in metadata and group_by in named:  # the stored name
                return named[group_by]
            if group_by not in metadata:
                raise KeyError(f"no metadata column {group_by!r}; the documents have: "
                               f"{', '.join(sorted(metadata))}")
            return group_by
        if "folder" in self._docs and self._docs["folder"].nunique(dropna=True) > 1:
            return "folder"
        return None

    def metadata(self) -> pd.DataFrame:
        """One row per metadata column: ``column``, ``values`` (distinct), ``missing``
        (documents without one), ``examples`` (the most common values). A column no document
        has a value in (``date`` of an undated corpus) is left out."""
        rows = []
        for c in ["date", *self.meta_names]:
            if self._column(c) not in self._docs:
                continue
            col = self._docs[self._column(c)]
            if col.isna().all():
                continue
            common = col.dropna().astype(str).value_counts().head(3)
            rows.append({"column": c, "values": int(col.nunique(dropna=True)),
                         "missing": int(col.isna().sum()),
                         "examples": ", ".join(f"{v} ({n})" for v, n in common.items())})
        return pd.DataFrame(rows, columns=["column", "values", "missing", "examples"])

    # ------------------------------------------------------------------ reading tables

    def table(self, spec: TableSpec, *, meta: Sequence[str] = (),
              columns: Sequence[str] | None = None) -> pd.DataFrame:
        """The stored ``spec`` table of every document (document order), with the metadata
        columns named in ``meta`` (the input's names, see :attr:`meta_names`) joined by
        document under those names. Raises KeyError for an unknown column.

        A table of at most :data:`CACHED_ROWS` rows per document on average (sizes,
        readability: one row each) is kept for the next call; a larger one (words, n-grams,
        sentences) is read again each time, so a notebook never holds several of them."""
        self.check_columns(meta)
        cache_key = (spec.name, tuple(columns or ()))
        df = self._cache.get(cache_key)
        if df is None:
            table = self._retried(lambda parts: self.store.read(
                spec, self._docs["_key"].tolist(), parts, columns))
            df = table.to_pandas()
            if not len(df):
                df = spec.frame([]) if columns is None else df
            if len(df) <= CACHED_ROWS * max(len(self._docs), 1):
                self._cache[cache_key] = df
        df = df.copy(deep=False)  # callers may add columns
        if meta:
            indexed = self._docs.set_index("document")
            for m in meta:
                df[m] = df["document"].map(indexed[self._column(m)])
        return df

    def memo(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """``compute()``, once per ``key`` for this corpus: for small results derived from
        whole tables that several figures need (the actor grouping across documents), not
        for the tables themselves.

        >>> import tempfile
        >>> from analysis.store.parquet import Store
        >>> corpus = CorpusTables(Store(tempfile.mkdtemp()), pd.DataFrame(columns=["document"]),
        ...                       {})
        >>> calls = []
        >>> [corpus.memo(("x",), lambda: calls.append(1) or len(calls)) for _ in range(2)]
        [1, 1]
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def scan(self, spec: TableSpec, columns: Sequence[str], *,
             where: Mapping[str, Sequence[Any]] | None = None, arrow: bool = False
             ) -> Iterator[pd.DataFrame]:
        """The stored ``spec`` table part by part (see :func:`analysis.tables.chunks`): one
        DataFrame per stored part with ``columns`` only, text columns as categoricals, rows
        kept by ``where`` (``{column: values}``); with ``arrow`` Arrow tables (text columns
        dictionary-encoded) instead."""
        self._located()
        docs = self._docs
        where = dict(where or {})
        if "document" in where:  # only the parts holding those documents are read
            docs = docs[docs["document"].isin({str(d) for d in where.pop("document")})]
        for t in self.store.scan(spec, docs["_key"].tolist(), docs["_part"].tolist(),
                                 columns, where=where):
            if t.num_rows:
                yield t if arrow else t.to_pandas()

    def totals(self, spec: TableSpec, *, by: Sequence[str],
               value: str | Sequence[str] | None = "count",
               where: Mapping[str, Sequence[Any]] | None = None,
               meta: str | None = None, rows: str | None = None) -> pd.DataFrame:
        """Sums of ``value`` of the stored ``spec`` table per ``by`` columns (see
        :func:`analysis.tables.totals`), computed in Arrow part by part."""
        groups = None
        if meta is not None:
            self.check_columns([meta])
            column = self._docs[self._column(meta)]
            values = column.astype(object).where(column.notna(), None)
            groups = dict(zip(self._docs["document"].astype(str), values, strict=True))
        memo = (spec.name, tuple(by), value if value is None or isinstance(value, str)
                else tuple(value), tuple((k, tuple(v)) for k, v in sorted((where or {}).items())),
                meta, rows)
        out = self._totals.pop(memo, None)
        if out is None:
            out = self._retried(lambda parts: self.store.totals(
                spec, self._docs["_key"].tolist(), parts, by=by, value=value, where=where,
                groups=groups, rows=rows))
        if len(out) <= CACHED_TOTALS:  # kept (most recent last), a few at most
            self._totals[memo] = out
            while len(self._totals) > 8:
                self._totals.pop(next(iter(self._totals)))
        return out.copy(deep=False)

    def check_columns(self, names: Iterable[str | None]) -> None:
        """Raise KeyError naming the documents' metadata if one of ``names`` is neither a column
        of :attr:`documents` nor one of :attr:`meta_names`."""
        have = set(self._docs.columns) - {"_key", "_part"}
        missing = [n for n in names if n and self._column(n) not in have]
        if missing:
            raise KeyError(f"no metadata column {', '.join(map(repr, missing))}; the documents "
                           f"have: {', '.join(sorted(['title', 'date', *self.meta_names]))}")

    # ------------------------------------------------------------------ documents

    def select(self, ids: Iterable[str] | None = None) -> list[Document]:
        """The documents whose id is in ``ids`` (all when None), in corpus order, with their
        texts and removed lines loaded from the store."""
        rows = self._docs if ids is None else self._docs[self._docs["document"].isin(set(ids))]
        if not len(rows):
            return []
        keys = rows["_key"].tolist()
        self._located()
        rows = self._docs.loc[rows.index]  # the parts as re-mapped
        parts = rows["_part"].tolist()
        texts = self.store.read(TEXTS, keys, parts).to_pandas()
        text_of = dict(zip(texts["document"], texts["text"], strict=True))
        removed_of: dict[str, list[Removed]] = {}
        for r in self.store.read(REMOVED, keys, parts).to_pylist():
            removed_of.setdefault(r["document"], []).append(
                Removed(int(r["line"]), r["text"], r["reason"]))
        repairs_of: dict[str, list[Repair]] = {}
        for r in self.store.read(REPAIRS, keys, parts).to_pylist():
            repairs_of.setdefault(r["document"], []).append(
                Repair(int(r["line"]), r["before"], r["after"], int(r["count"]), r["context"]))
        meta_keys = dict(self.info.get("meta_keys", {}))
        docs = []
        for r in rows.to_dict("records"):
            meta = {"date": _date(r.get("date"))} if r.get("date") is not None else {}
            for column, key in meta_keys.items():
                value = r.get(column)
                meta[key] = None if (not isinstance(value, str) and value is not None
                                     and pd.isna(value)) else value
            info = {c: r.get(c) for c in _INFO if c in r}
            doc_id = r["document"]
            docs.append(Document(doc_id, r["title"], r["source"], text_of[doc_id],
                                 tuple(removed_of.get(doc_id, ())), meta=meta, info=info,
                                 repairs=tuple(repairs_of.get(doc_id, ()))))
        return docs

    def focus(self, focus: str | int | None = None) -> Document:
        """The document for close reading: by id, by title, or by position (1 = the first);
        None gives the first document. Raises KeyError naming some ids when none matches."""
        docs = self._docs
        if focus is None or focus == "":
            chosen = docs.head(1)
        elif isinstance(focus, int) and not isinstance(focus, bool):
            if not 1 <= focus <= len(docs):
                raise KeyError(f"focus {focus}: the corpus has {len(docs)} documents "
                               f"(positions 1 to {len(docs)})")
            chosen = docs.iloc[[focus - 1]]
        else:
            chosen = docs[docs["document"] == str(focus)]
            if not len(chosen):
                chosen = docs[docs["title"] == str(focus)].head(1)
        if not len(chosen):
            some = ", ".join(map(repr, docs["document"].head(5)))
            raise KeyError(f"no document {focus!r} (by id or title); ids include {some}")
        return self.select([chosen["document"].iloc[0]])[0]

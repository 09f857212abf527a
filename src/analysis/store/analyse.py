"""Analyse an input once per document and keep the tables: :func:`analyse`.

>>> import tempfile
>>> from analysis.corpus import Document
>>> docs = [Document("a", "Rain", "a.txt", "Rain fell. Floods came."),
...         Document("b", "Sun", "b.txt", "The sun shone.")]
>>> corpus = analyse(docs, store_dir=tempfile.mkdtemp(), jobs=1)
>>> corpus.documents[["document", "title", "sentences", "words"]].values.tolist()
[['a', 'Rain', 2, 4], ['b', 'Sun', 1, 3]]
>>> from analysis import frequency
>>> frequency.word_counts(corpus, top=1)["word"].tolist()
['came']
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.corpus import Corpus, Document, InputError, as_documents, iter_documents
from analysis.store.corpus import CorpusTables
from analysis.store.keys import code_digest, document_key, input_digest
from analysis.store.parquet import Store
from analysis.store.run import batches, run_pass
from analysis.store.specs import PASS, pass_version
from analysis.tables import READING_COLUMNS, SIZES, TableSpec

__all__ = ["STORE_ENV", "analyse", "default_store_dir"]

#: Environment variable naming the store folder when none is given.
STORE_ENV = "NEWS_ANALYSIS_STORE"

#: Documents per stored part: few files for a large corpus, small parts for small additions.
PART_DOCUMENTS = 5000


def default_store_dir() -> Path:
    """``$NEWS_ANALYSIS_STORE``, else ``$XDG_CACHE_HOME/news-text-analysis/store`` (by default
    ``~/.cache/news-text-analysis/store``)."""
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV])
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache) / "news-text-analysis" / "store"


def _loader_options(**options: Any) -> dict[str, Any]:
    """The options ``load_corpus`` accepts and the caller set (None means: the default)."""
    accepted = inspect.signature(iter_documents).parameters
    out = {}
    for name, value in options.items():
        if value is None:
            continue
        if name not in accepted:
            raise TypeError(f"the corpus reader does not take {name!r}")
        out[name] = value
    return out


def _is_path(source: Any) -> bool:
    return isinstance(source, os.PathLike) or (isinstance(source, str) and os.path.exists(source))


def _read(source: Any, options: dict[str, Any]) -> tuple[Iterable[Document], dict[str, Any]]:
    """Documents of a path (a stream: a large table is never held whole) or of an in-memory
    source, and facts about reading it (filled in as the stream is read)."""
    if _is_path(source):
        path = Path(os.path.abspath(source))
        stream = iter_documents(source, **options)
        return stream, {"source": str(path), "name": path.name, "stream": stream}
    docs = source if isinstance(source, Corpus) else as_documents(source)
    first = docs.documents[0] if isinstance(docs, Corpus) and len(docs) else None
    if isinstance(docs, list) and docs:
        first = docs[0]
    title = first.title if first is not None and len(docs) == 1 else f"{len(docs)} documents"
    return docs, {"source": "", "skipped": list(getattr(docs, "skipped", [])),
                  "warnings": list(getattr(docs, "warnings", []) or []), "title": title}


def _digest(source: Any, options: dict[str, Any], code: str) -> str | None:
    if _is_path(source):
        h = hashlib.sha256()
        h.update(input_digest(source).encode())
        h.update(json.dumps(options, sort_keys=True, default=str).encode())
        h.update(code.encode())
        return h.hexdigest()[:32]
    return None


def _manifest_row(doc: Document, key: str) -> dict[str, Any]:
    row: dict[str, Any] = {"document": doc.id, "title": doc.title, "date": doc.meta.get("date")}
    for k, v in doc.meta.items():
        if k != "date":
            row[f"meta:{k}"] = v
    info = doc.info
    row.update({"source": doc.source, "format": info.get("format", "text"),
                "encoding": info.get("encoding", ""), "characters": len(doc.text),
                "lines_removed": len(doc.removed), "repairs": sum(r.count for r in doc.repairs),
                "english_share": round(float(info.get("english_share", 0.0)), 3),
                "is_english": bool(info.get("is_english", True)),
                "hard_wrapped": bool(info.get("hard_wrapped", False))})
    row["_key"] = key
    return row


def _plain_column(values: pd.Series) -> pd.Series:
    """A metadata column Parquet can hold: mixed Python types become text."""
    kinds = {type(v) for v in values if v is not None and not (isinstance(v, float) and v != v)}
    if len(kinds) <= 1:
        return values
    return values.map(lambda v: None if v is None else str(v))


def _manifest(rows: list[dict[str, Any]]) -> tuple[pd.DataFrame, dict[str, str]]:
    """The documents table (the columns of :func:`analysis.tables.documents_table`, sizes
    added later) and the metadata columns as ``{column: metadata key}``."""
    df = pd.DataFrame(rows)
    taken = {"document", "title", "date", *READING_COLUMNS, "hard_wrapped", "_key", "_part"}
    names = {}
    for c in (c for c in df.columns if c.startswith("meta:")):
        key = c.removeprefix("meta:")
        names[c] = f"meta_{key}" if key in taken else key
    df = df.rename(columns=names)
    for c in names.values():
        df[c] = _plain_column(df[c])
    df["date"] = pd.to_datetime(df["date"], errors="coerce")
    reading = [c for c in READING_COLUMNS if c in df.columns]
    order = ["document", "title", "date", *names.values(), *reading, "hard_wrapped", "_key"]
    return df[order], {v: k.removeprefix("meta:") for k, v in names.items()}


def _work(docs: Iterable[Document], code: str, known: dict[str, str],
          rows: list[dict[str, Any]]) -> Iterator[tuple[Document, str]]:
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            raise ValueError(f"two documents have the id {doc.id!r}; ids must be unique")
        seen.add(doc.id)
        key = document_key(doc, code)
        rows.append(_manifest_row(doc, key))
        if key not in known:
            known[key] = ""  # analysed below; a repeated document is analysed once
            yield doc, key


class _Callback:
    """A progress callback ``progress(done, total)`` given by the caller, as a bar would be."""

    def __init__(self, call: Callable[[int, int], None], total: int | None):
        self.call, self.total, self.n = call, total, 0

    def update(self, n: int) -> None:
        self.n += n
        self.call(self.n, max(self.total or 0, self.n))

    def close(self) -> None:
        self.call(self.n, self.n)


def _progress(total: int | None, enabled: Any):
    if callable(enabled):
        return _Callback(enabled, total)
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="analysing documents", file=sys.stderr,
                mininterval=0.5, smoothing=0.1)


def analyse(
    source: Any, *, encoding: str | None = None, text_column: str | None = None,
    id_column: str | None = None, date_column: str | None = None,
    hard_wrapped: bool | None = None, store_dir: str | os.PathLike[str] | None = None,
    jobs: int | None = None, dask: Any = None,
    progress: bool | Callable[[int, int], None] | None = None,
    specs: Sequence[TableSpec] = PASS,
) -> CorpusTables:
    """Analyse every document of ``source`` once and return the stored corpus.

    ``source`` is a path (a file or folder in any format :func:`analysis.corpus.load_corpus`
    reads, with the loader options given) or documents in memory (a Corpus, a Document, a list).
    Each document's tables (:data:`analysis.store.specs.PASS`) are computed once and stored in
    ``store_dir`` (default :func:`default_store_dir`) under a key of its content, metadata and
    the package's code: a second call, or a call after one file was added, analyses only new or
    changed documents; an unchanged input file is not even parsed again. ``jobs`` worker
    processes (default: every core), or ``dask`` (a ``distributed.Client`` or a scheduler
    address) runs the same work on a Dask cluster; ``progress`` shows a bar over documents
    (default: when stderr is a terminal), or is called as ``progress(done, total)`` when it is a
    function (``total`` is the number of documents when known, else the number done).

    Raises :class:`analysis.corpus.InputError` for input that cannot be read, ValueError for
    duplicate document ids.
    """
    options = _loader_options(encoding=encoding, text_column=text_column, id_column=id_column,
                              date_column=date_column, hard_wrapped=hard_wrapped)
    store = Store(store_dir or default_store_dir())
    code = code_digest()[:16] + pass_version(specs)
    digest = _digest(source, options, code)
    if digest is not None:
        recorded = store.read_input(digest)
        if recorded is not None:
            corpus = _open(store, *recorded)
            if corpus is not None:
                return corpus
    docs, info = _read(source, options)
    with store.lock():
        known = store.parts()
        rows: list[dict[str, Any]] = []
        total = len(docs) if hasattr(docs, "__len__") else None
        bar = _progress(total, progress)
        work = batches(_work(docs, code, dict(known), rows))
        try:
            buffered: list[tuple[list[str], dict]] = []
            for done in run_pass(work, specs, jobs=jobs, dask=dask,
                                 on_batch=bar.update if bar else None):
                buffered.append(done)
                if sum(len(k) for k, _ in buffered) >= PART_DOCUMENTS:
                    _write(store, buffered, specs)
                    buffered = []
            _write(store, buffered, specs)
        finally:
            if bar is not None:
                bar.close()
        stream = info.pop("stream", None)
        if stream is not None:
            info["skipped"] = [list(x) for x in stream.skipped]
            info["warnings"] = [list(x) for x in stream.warnings]
            info["root"] = stream.root
        if not rows:
            if stream is not None:
                from analysis.corpus.load import _nothing_read

                raise InputError(str(source), _nothing_read(Path(source), stream.skipped))
            raise ValueError("there is no document to analyse")
        manifest, meta_cols = _manifest(rows)
        if "name" in info:
            info["title"] = rows[0]["title"] if len(rows) == 1 else info["name"]
        parts = store.parts()
        manifest["_part"] = manifest["_key"].map(parts)
        sizes = store.read(SIZES, manifest["_key"].tolist(), manifest["_part"].tolist())
        sizes = sizes.to_pandas().set_index("document")
        for column in ("sentences", "words", "types"):
            manifest[column] = manifest["document"].map(sizes[column]).astype("int64")
        manifest = manifest[["document", "title", "date", *meta_cols, *READING_COLUMNS,
                             "hard_wrapped", "_key", "_part"]]
        info.update(meta_columns=list(meta_cols), meta_keys=meta_cols,
                    documents=len(manifest), code=code)
        digest = digest or hashlib.sha256("\n".join(manifest["_key"]).encode()).hexdigest()[:32]
        info["digest"] = digest
        store.write_input(digest, manifest.drop(columns="_part"), info)
        if info.get("source"):
            store.forget_inputs(info["source"], keep=digest)
        if store.compact([s.name for s in specs]):
            parts = store.parts()
            manifest["_part"] = manifest["_key"].map(parts)
    return CorpusTables(store, manifest, info)


def _write(store: Store, done: list[tuple[list[str], dict]], specs: Sequence[TableSpec]) -> None:
    """Write finished batches as one part (a few thousand documents per file)."""
    if not done:
        return
    import pyarrow as pa

    keys = [k for ks, _ in done for k in ks]
    tables = {s.name: pa.concat_tables([t[s.name] for _, t in done]) for s in specs}
    store.write_part(keys, tables)


def _open(store: Store, documents: pd.DataFrame, info: dict[str, Any]) -> CorpusTables | None:
    parts = store.parts()
    documents = documents.copy()
    documents["_part"] = documents["_key"].map(parts)
    if documents["_part"].isna().any():
        return None  # some rows were compacted away or lost: analyse again
    return CorpusTables(store, documents, info)

"""The prepare step: what happens to the input once, before any notebook runs.

:func:`~analysis.report.build_reports` calls a *prepare hook* with a :class:`PrepareRequest`
and expects a :class:`Prepared` back::

    def prepare(request: PrepareRequest) -> Prepared: ...

The hook validates the input (raising :class:`~analysis.corpus.InputError` or
:class:`~analysis.report.UsageError`: the run stops before any report is written), may run the
per-document analysis pass once for the whole corpus (writing into ``request.store_dir``,
on ``request.jobs`` processes or on the Dask scheduler at ``request.dask``, calling
``request.progress(done, total)`` as documents are done), and returns:

* ``title``: the input's display title (shown on every report page and in the index; never
  a file hash): a single article's own title; a folder's or table's name with its number of
  documents;
* ``parameters``: extra notebook parameters (injected into the notebooks that declare them);
* ``digest``: a string that becomes part of every notebook's cache key (for a store: a digest
  of its tables), so the notebooks run again exactly when what they read changed;
* ``documents`` and ``skipped``: for the index (how many documents; files skipped, why).

:func:`default_prepare` only loads the corpus to validate it, and checks ``group_by``.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "harbour.txt").write_text("Harbour plan approved\\n\\nThe council voted.")
>>> prepared = default_prepare(PrepareRequest(folder / "harbour.txt"))
>>> prepared.title, prepared.documents
('Harbour plan approved', 1)
>>> default_prepare(PrepareRequest(folder)).title == f"{folder.name} (1 document)"
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.report.errors import UsageError, closest

__all__ = ["Prepare", "PrepareRequest", "Prepared", "corpus_title", "default_prepare",
           "group_columns", "store_prepare", "LOADER_OPTIONS"]

#: The keyword arguments of :func:`analysis.corpus.load_corpus` a run passes on (when given).
LOADER_OPTIONS = ("encoding", "text_column", "id_column", "date_column", "hard_wrapped")
_TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet")


def _no_progress(done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class PrepareRequest:
    """What the prepare hook is given.

    ``input_path``: the input file or folder (absolute); ``loader``: the keyword arguments for
    :func:`analysis.corpus.load_corpus` the user gave (a subset of :data:`LOADER_OPTIONS`);
    ``group_by``: the metadata column to group corpus figures by, or None; ``store_dir``: where
    per-document tables may be stored; ``dask``: a Dask scheduler address, or None for local
    processes; ``jobs``: processes to use; ``progress``: call ``progress(done, total)`` as
    documents are analysed (cheap; shown as a bar or as lines).
    """

    input_path: Path
    loader: Mapping[str, Any] = field(default_factory=dict)
    group_by: str | None = None
    store_dir: Path | None = None
    dask: str | None = None
    jobs: int = 1
    progress: Callable[[int, int], None] = _no_progress


@dataclass(frozen=True)
class Prepared:
    """What the prepare hook returns (see the module's description)."""

    title: str
    parameters: Mapping[str, Any] = field(default_factory=dict)
    digest: str = ""
    documents: int | None = None
    skipped: tuple[tuple[str, str], ...] = ()


#: The type of a prepare hook.
Prepare = Callable[[PrepareRequest], Prepared]


def corpus_title(path: Path, corpus: Any) -> str:
    """The display title of an input: the document's own title for a single article (a
    text, Markdown or HTML file), else the file's or folder's name with the number of
    documents.

    >>> from analysis.corpus import Corpus, Document
    >>> one = Corpus([Document.from_text("Storm closes port\\n\\nShips wait.", id="a1")])
    >>> corpus_title(Path("/in/a1.txt"), one), corpus_title(Path("/in/news.csv"), one)
    ('Storm closes port', 'news (1 document)')
    """
    documents = list(corpus)
    if path.suffix.lower() not in _TABLE_SUFFIXES and not path.is_dir() and len(documents) == 1:
        return documents[0].title
    name = path.stem if path.suffix.lower() in _TABLE_SUFFIXES else path.name
    count = len(documents)
    return f"{name or path} ({count:,} document{'' if count == 1 else 's'})"


def group_columns(corpus: Any) -> list[str]:
    """The columns a corpus can be grouped by: the documents table's columns and every
    metadata key, in order of first appearance.

    >>> from analysis.corpus import Corpus, Document
    >>> doc = Document.from_text("Text.", meta={"outlet": "Daily"})
    >>> "outlet" in group_columns(Corpus([doc])), "title" in group_columns(Corpus([doc]))
    (True, True)
    """
    from analysis import tables

    columns = [str(c) for c in tables.documents_table(corpus, sizes=False).columns]
    for doc in corpus:
        columns += [str(k) for k in doc.meta]
    return list(dict.fromkeys(columns))


def default_prepare(request: PrepareRequest) -> Prepared:
    """Load the corpus to validate it (as every notebook will), check ``group_by``, and
    return its title, document count and skipped files; no extra parameters.

    The digest covers the loader options and ``group_by`` (the input's bytes are in every
    cache key already). Raises :class:`~analysis.corpus.InputError` for an unreadable input
    and :class:`UsageError` for a ``group_by`` that is not a column (listing the columns).
    """
    from analysis.corpus import load_corpus

    corpus = load_corpus(request.input_path, **dict(request.loader))
    total = len(corpus)
    request.progress(total, total)
    if request.group_by is not None:
        columns = group_columns(corpus)
        if request.group_by not in columns:
            raise UsageError(_no_column(request.group_by, request.input_path, list(columns)))
    options = {"loader": dict(request.loader), "group_by": request.group_by}
    digest = hashlib.sha256(json.dumps(options, sort_keys=True).encode()).hexdigest()
    return Prepared(
        title=corpus_title(request.input_path, corpus),
        digest=digest,
        documents=total,
        skipped=tuple((str(p), str(r)) for p, r in corpus.skipped),
    )


def _no_column(name: str, path: Any, columns: list[str]) -> str:
    """The message for a ``--group-by`` that is not a column: the columns, and the closest."""
    close = closest(name, columns)
    hint = f" Did you mean {close!r}?" if close else ""
    return (f"--group-by {name}: no such column in {path}; the documents' columns are: "
            f"{', '.join(columns)} (a table's title and date columns, whatever their names, "
            f"are read as title and date).{hint}")


def store_prepare(request: PrepareRequest) -> Prepared:
    """The prepare step of every report run: analyse each document of the input once
    (:func:`analysis.store.analyse`: every per-document table, on ``request.jobs`` processes or
    the Dask scheduler at ``request.dask``, only new or changed documents when the store has
    seen the input before) into ``request.store_dir``, which every notebook then reads.

    Returns the input's title, ``store_dir`` as a notebook parameter, and the store's digest of
    the input (it changes exactly when a table the notebooks read may change). Raises
    :class:`~analysis.corpus.InputError` for an unreadable input and :class:`UsageError` for a
    ``group_by`` that is not a column (listing the columns).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "harbour.txt").write_text("Harbour plan approved\\n\\nThe council voted.")
    >>> done = store_prepare(PrepareRequest(folder / "harbour.txt", store_dir=folder / "s"))
    >>> done.title, done.documents, sorted(done.parameters)
    ('Harbour plan approved', 1, ['store_dir'])
    """
    from analysis import store

    corpus = store.analyse(request.input_path, store_dir=request.store_dir, jobs=request.jobs,
                           dask=request.dask, progress=request.progress, **dict(request.loader))
    if request.group_by is not None:
        try:
            corpus.grouping(request.group_by)
        except KeyError:
            columns = ["title", "date", *corpus.meta_names]
            raise UsageError(_no_column(request.group_by, request.input_path, columns)) from None
    path = Path(request.input_path)
    docs = corpus.documents
    if path.suffix.lower() not in _TABLE_SUFFIXES and not path.is_dir() and len(docs) == 1:
        title = str(docs["title"].iloc[0])
    else:
        name = path.stem if path.suffix.lower() in _TABLE_SUFFIXES else path.name
        title = f"{name or path} ({len(docs):,} document{'' if len(docs) == 1 else 's'})"
    options = {"loader": dict(request.loader), "group_by": request.group_by,
               "store": corpus.digest}
    digest = hashlib.sha256(json.dumps(options, sort_keys=True).encode()).hexdigest()
    return Prepared(title=title, parameters={"store_dir": str(request.store_dir)},
                    digest=digest, documents=len(docs),
                    skipped=tuple((str(p), str(r)) for p, r in corpus.skipped))

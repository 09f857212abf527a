"""Reading inputs: a file, a table of documents or a folder into a
:class:`~analysis.corpus.model.Corpus`, or as a stream of documents.

What each format gives a document (see :func:`load_corpus`):

========================  ==========================================================
``.txt``                  the text; the first line is the title when it looks like one
``.md``, ``.markdown``    YAML front matter as metadata; Markdown rendered to plain text
``.html``, ``.htm``       the article (trafilatura); title, date, author, site; what the
                          extraction left out, listed with reasons
``.csv``, ``.tsv``        one document per row; the text column found by name
``.jsonl``, ``.ndjson``   one document per line (a JSON object)
``.json``                 one document per record of an array (or of the one array an
                          object holds)
``.parquet``              one document per row
a folder                  every file above in it and its subfolders (hidden ones skipped),
                          each document with its subfolder as the ``folder`` column
========================  ==========================================================

A ``.txt``, ``.md`` or ``.html`` file whose own metadata gives no date is dated by its file
name (:func:`~analysis.corpus.columns.date_from_name`: ``outlet_2016-09-08_title.txt``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.corpus.base import InputError, Removed, Repair
from analysis.corpus.clean import prepare_text
from analysis.corpus.columns import (
    DATE_NAMES,
    Columns,
    date_from_name,
    find_column,
    meta_value,
    parse_date,
)
from analysis.corpus.decode import decode_bytes, line_endings
from analysis.corpus.model import Corpus, Document, first_words, title_from
from analysis.corpus.repair import repair_mojibake
from analysis.corpus.tabular import TABLE_FORMATS, Record, open_table

__all__ = ["SUFFIXES", "TABLE_SUFFIXES", "TEXT_SUFFIXES", "DocumentStream", "iter_documents",
           "load_corpus", "load_document", "path_id", "slugify"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
TABLE_SUFFIXES = tuple(TABLE_FORMATS)
#: Every suffix a folder is searched for.
SUFFIXES = TEXT_SUFFIXES + TABLE_SUFFIXES
_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}

_SLUG = re.compile(r"[^\w.-]+", re.UNICODE)


def slugify(name: str) -> str:
    """A file-name-safe identifier: letters, digits, '-', '_', '.'.

    >>> slugify("Café report 2014 (final).txt")
    'Café-report-2014-final-.txt'
    """
    slug = _SLUG.sub("-", name.strip()).strip("-.") or "document"
    return slug[:120]


def path_id(path: str) -> str:
    """The id of a file in a folder, from its ``path`` relative to the folder without suffix:
    its parts joined by '-' (:func:`slugify`), leaving out a subfolder whose name the next part
    already starts with (followed by a character other than a letter or digit), so that an id
    never repeats its folder.

    >>> path_id("usa-today/usa-today_2016-09-08_title"), path_id("sub/c"), path_id("a")
    ('usa-today_2016-09-08_title', 'sub-c', 'a')
    >>> path_id("Breitbart/2016/breitbart-debate")
    'Breitbart-2016-breitbart-debate'
    """
    parts = path.split("/")
    kept = [p for p, after in zip(parts, parts[1:], strict=False) if not _repeated(p, after)]
    return slugify("/".join([*kept, parts[-1]]))


def _repeated(folder: str, name: str) -> bool:
    """Whether ``name`` starts with ``folder`` (as slugs, any case) and then a separator."""
    folder, name = slugify(folder).lower(), slugify(name).lower()
    return name == folder or (name.startswith(folder) and not name[len(folder)].isalnum())


@dataclass(frozen=True)
class Options:
    """How to read: ``encoding`` (None: detect), the ``text_column``, ``id_column`` and
    ``date_column`` of tables (None: found by name / row numbers), ``hard_wrapped`` (None:
    detect in plain text), ``strip`` (remove boilerplate lines), ``repair`` (mojibake)."""

    encoding: str | None = None
    text_column: str | None = None
    id_column: str | None = None
    date_column: str | None = None
    hard_wrapped: bool | None = None
    strip: bool = True
    repair: bool = True


# --- one text file ----------------------------------------------------------------------------

def load_document(
    path: str | Path, *, encoding: str | None = None, root: str | Path | None = None,
    strip: bool = True, hard_wrapped: bool | None = None, date_column: str | None = None,
    repair: bool = True,
) -> Document:
    """Read one .txt, .md or .html file into a :class:`Document`.

    ``root`` (a folder) makes ``source`` relative to it and the id the path in it
    (:func:`path_id`: ``usa-today/usa-today_2016-09-08_x.txt`` is ``usa-today_2016-09-08_x``);
    otherwise ``source`` is the file name and the id its name without suffix.
    ``hard_wrapped``: None detects it for plain text (Markdown and web pages are never
    hard-wrapped once rendered); True/False forces it. ``repair=False`` keeps mojibake as it
    is (to compare with offsets made on the raw file). Raises :class:`InputError` naming the
    file for anything that cannot be read as text. An unparseable date in front matter or page
    metadata is dropped with a warning in ``info["warnings"]``. A document whose front matter
    or page gives no date at all is dated by its file name when that holds one
    (:func:`~analysis.corpus.columns.date_from_name`: ``outlet_2016-09-08_title.txt``).

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> _ = f.write_text("Flood defences hold\\nThe river peaked at 4.3 metres.")
    >>> doc = load_document(f)
    >>> doc.title, doc.info["title_from"], doc.meta
    ('Flood defences hold', 'first line', {'date': None})
    """
    path = Path(path)
    shown = str(path)
    if not path.exists():
        raise InputError(shown, "no such file or folder")
    if path.is_dir():
        raise InputError(shown, "is a folder, not a file")
    if path.suffix.lower() in TABLE_SUFFIXES:
        raise InputError(shown, "is a table of documents: read it with load_corpus")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(shown, f"cannot be read: {e.strerror or e}") from None
    text, used = decode_bytes(data, encoding=encoding, name=shown)
    fmt = _FORMATS.get(path.suffix.lower(), "text")
    parts = _read_format(fmt, text, shown, date_column)
    if parts.meta.get("date") is None and not parts.warnings:  # the document gives no date
        parts.meta["date"] = date_from_name(path.name)
    wrapped = hard_wrapped if fmt == "text" or hard_wrapped is not None else False
    prepared = prepare_text(parts.text, strip=strip, hard_wrapped=wrapped, repair=repair)
    if not prepared.text.strip():
        if not text.strip():
            raise InputError(shown, "contains only whitespace")
        raise InputError(shown, "contains nothing but boilerplate (all lines were removed)")
    source = path.relative_to(root).as_posix() if root else path.name
    stem = path.stem if not root else Path(source).with_suffix("").as_posix()
    title, title_source, title_repairs = _title(parts.title, prepared.text)
    info: dict[str, Any] = {"format": fmt, "encoding": used, "bytes": len(data),
                            "line_endings": line_endings(text), "title_from": title_source,
                            **prepared.info}
    if parts.warnings:
        info["warnings"] = parts.warnings
    return Document(
        id=path_id(stem) if root else slugify(stem), title=title, source=source, text=prepared.text,
        removed=tuple(parts.removed + prepared.removed), meta=parts.meta, info=info,
        repairs=tuple(title_repairs + prepared.repairs),
    )


@dataclass
class _Parts:
    text: str
    title: str | None
    meta: dict[str, Any]
    removed: list[Removed]
    warnings: list[str]


def _read_format(fmt: str, text: str, name: str, date_column: str | None) -> _Parts:
    """Text, title, metadata, removed blocks and warnings of a decoded text file."""
    if fmt == "html":
        from analysis.corpus.webpage import read_page

        page = read_page(text, name)
        meta = dict(page.meta)
        date, warning = _date(meta.pop("date"), "the page's date")
        return _Parts(page.text, page.title, {"date": date, **meta}, page.removed,
                      [warning] if warning else [])
    if fmt == "markdown":
        from analysis.corpus.markdown import read_markdown

        md = read_markdown(text, name)
        front = dict(md.front)
        title = meta_value(front.pop(next((k for k in front if k.lower() == "title"), ""),
                                     None))
        key = date_column if date_column in front else find_column(list(front), DATE_NAMES)
        date, warning = _date(front.pop(key) if key else None, f"front matter {key!r}")
        meta = {"date": date}
        for k, v in front.items():
            _put(meta, k, meta_value(v))
        return _Parts(md.text, str(title) if title else None, meta, md.removed,
                      [warning] if warning else [])
    return _Parts(text, None, {"date": None}, [], [])


def _date(raw: Any, what: str) -> tuple[Any, str | None]:
    """A parsed date, or None and a warning."""
    try:
        return parse_date(raw), None
    except ValueError:
        return None, (f"unparseable date {str(raw)[:60]!r} in {what}; the document is kept "
                      "without a date")


def _put(meta: dict[str, Any], key: str, value: Any) -> None:
    """Set ``meta[key]``; a name already taken (``date``, ``folder``) gets ``meta_`` before it."""
    while key in meta:
        key = f"meta_{key}"
    meta[key] = value


def _title(given: str | None, text: str) -> tuple[str, str, list[Repair]]:
    """Title, where it came from, and any mojibake repaired in a given title (line 0)."""
    if given and given.strip():  # NFC as the text is: "A" + U+0303 + "±" is mojibake "Ã±"
        fixed, repairs = repair_mojibake(unicodedata.normalize("NFC", " ".join(given.split())))
        return fixed, "metadata", [Repair(0, r.before, r.after, r.count, r.context)
                                   for r in repairs]
    found = title_from(text)
    if found:
        return found, "first line", []
    return first_words(text), "first words", []


# --- tables -----------------------------------------------------------------------------------

class DocumentStream:
    """The documents of a file or folder, read one at a time (see :func:`iter_documents`).

    Iterate over it for :class:`Document` objects; while and after iterating, ``skipped``
    lists the files and rows that held no readable text and ``warnings`` what was read but
    doubtful, both as ``(file, problem)`` pairs. Iterate once.
    """

    def __init__(self, path: str | Path, options: Options):
        self.path = Path(path)
        self.options = options
        self.skipped: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []
        self.root = ""
        self._ids: dict[str, str] = {}
        self._started = False

    def __iter__(self) -> Iterator[Document]:
        if self._started:
            raise RuntimeError("a DocumentStream is read once; call iter_documents again")
        self._started = True
        path = self.path
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
        if path.is_file():
            self.root = str(path.parent)
            if path.suffix.lower() in TABLE_SUFFIXES:
                yield from self._table(path, str(path), path.name, folder=None)
            else:
                yield self._file(path, None)
            return
        if not path.is_dir():
            raise InputError(str(path), "is neither a file nor a folder")
        self.root = str(path)
        yield from self._folder(path)

    def _file(self, file: Path, root: Path | None) -> Document:
        o = self.options
        doc = load_document(file, encoding=o.encoding, root=root, strip=o.strip,
                            hard_wrapped=o.hard_wrapped, date_column=o.date_column,
                            repair=o.repair)
        for warning in doc.info.pop("warnings", []):
            self.warnings.append((doc.source, warning))
        return doc

    def _folder(self, folder: Path) -> Iterator[Document]:
        try:
            files = list(_iter_files(folder))
        except OSError as e:
            raise InputError(str(folder), f"cannot be listed: {e.strerror or e}") from None
        # a shortened id never takes the id another file has by its full path
        full = {slugify(f.relative_to(folder).with_suffix("").as_posix()) for f in files}
        for file in files:
            rel = file.relative_to(folder)
            where = rel.parent.as_posix()
            if file.suffix.lower() in TABLE_SUFFIXES:
                yield from self._table_in_folder(file, rel, where)
                continue
            try:
                doc = self._file(file, folder)
            except InputError as e:
                self.skipped.append((rel.as_posix(), e.problem))
                continue
            doc.meta["folder"] = where
            whole = slugify(rel.with_suffix("").as_posix())
            yield self._unique(_renamed(doc, whole) if doc.id != whole and doc.id in full
                               else doc)

    def _table_in_folder(self, file: Path, rel: Path, where: str) -> Iterator[Document]:
        prefix = path_id(rel.with_suffix("").as_posix()) + "-"
        read = 0
        try:
            for doc in self._table(file, rel.as_posix(), rel.as_posix(), folder=where,
                                   prefix=prefix):
                read += 1
                yield doc
        except InputError as e:
            note = f"; the {read} rows before it were read" if read else ""
            self.skipped.append((rel.as_posix(), e.problem + note))

    def _unique(self, doc: Document) -> Document:
        """``doc`` with an id no earlier document of a folder has (``-2``, ``-3``... added)."""
        doc_id, n = doc.id, 2
        while doc_id in self._ids:
            doc_id, n = f"{doc.id}-{n}", n + 1
        self._ids[doc_id] = doc.source
        if doc_id == doc.id:
            return doc
        return Document(doc_id, doc.title, doc.source, doc.text, doc.removed, doc.meta,
                        doc.info, doc.repairs)

    def _table(self, file: Path, shown: str, source: str, *, folder: str | None,
               prefix: str = "") -> Iterator[Document]:
        o = self.options
        table = open_table(file, name=shown, encoding=o.encoding)
        cols = Columns.choose(table.columns, source=shown, text_column=o.text_column,
                              id_column=o.id_column, date_column=o.date_column)
        ids: dict[str, int] = {}
        for record in table.records:
            at = _position(record, table.record)
            doc = self._row(record, cols, table, shown, source, at)
            if doc is None:
                continue
            if cols.id is not None:
                if doc.id in ids:
                    raise InputError(shown, f"duplicate id {doc.id!r}: also in "
                                     f"{table.record} {ids[doc.id]}", row=record.row,
                                     line=record.line, record=table.record)
                ids[doc.id] = record.row
            if folder is not None:
                doc.meta["folder"] = folder
            doc = _renamed(doc, prefix + doc.id) if prefix else doc
            yield self._unique(doc)

    def _row(self, record: Record, cols: Columns, table, shown: str, source: str,
             at: str) -> Document | None:
        """The document of one record, or None (listed in ``skipped``) for one with no text."""
        o = self.options
        fields = record.fields
        raw = fields.get(cols.text)
        if isinstance(raw, dict | list):
            raise InputError(shown, f"the text in {cols.text!r} is not a string but a JSON "
                             f"{type(raw).__name__}", row=record.row, line=record.line,
                             record=table.record)
        if raw is None or not str(raw).strip():
            self.skipped.append((source, f"{at}: the text cell is empty"))
            return None
        prepared = prepare_text(str(raw), strip=o.strip, hard_wrapped=o.hard_wrapped,
                                repair=o.repair)
        if not prepared.text.strip():
            self.skipped.append((source, f"{at}: the text holds nothing but boilerplate"))
            return None
        doc_id = str(record.row)
        if cols.id is not None:
            doc_id = str(meta_value(fields.get(cols.id)) or "")
            if not doc_id:
                raise InputError(shown, f"the id cell ({cols.id!r}) is empty", row=record.row,
                                 line=record.line, record=table.record)
        given = meta_value(fields.get(cols.title)) if cols.title else None
        title, title_source, title_repairs = _title(str(given) if given else None,
                                                    prepared.text)
        date, warning = _date(fields.get(cols.date), f"column {cols.date!r}")
        if warning:
            self.warnings.append((source, f"{at}: {warning}"))
        meta: dict[str, Any] = {"date": date}
        for key in fields:
            if key not in (cols.text, cols.id, cols.title, cols.date):
                _put(meta, str(key), meta_value(fields[key]))
        info = {"format": table.format, "encoding": table.encoding, "row": record.row,
                "line": record.line, "text_column": cols.text, "title_from": title_source,
                **prepared.info}
        return Document(doc_id, title, source, prepared.text, tuple(prepared.removed), meta,
                        info, tuple(title_repairs + prepared.repairs))


def _position(record: Record, kind: str) -> str:
    if kind == "line" or record.row is None:
        return f"line {record.line}"
    if record.line is not None and record.line != record.row:
        return f"{kind} {record.row} (line {record.line})"
    return f"{kind} {record.row}"


def _renamed(doc: Document, new_id: str) -> Document:
    return Document(new_id, doc.title, doc.source, doc.text, doc.removed, doc.meta, doc.info,
                    doc.repairs)


def _iter_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUFFIXES:
            yield path


# --- the public entry points ------------------------------------------------------------------

def iter_documents(
    path: str | Path, *, encoding: str | None = None, text_column: str | None = None,
    id_column: str | None = None, date_column: str | None = None,
    hard_wrapped: bool | None = None, strip: bool = True, repair: bool = True,
) -> DocumentStream:
    """The documents of ``path`` one at a time, for inputs too large to hold at once: a
    :class:`DocumentStream` to iterate over, whose ``skipped`` and ``warnings`` fill as it is
    read. Tables are read in a single pass (CSV, TSV and JSON lines row by row, Parquet in
    batches), so memory holds one document at a time, not the file. The arguments are those of
    :func:`load_corpus`.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = f.write_text('{"text": "Rain fell.", "date": "2024-02-11"}\\n{"text": ""}\\n')
    >>> stream = iter_documents(f)
    >>> [(d.id, d.date) for d in stream], stream.skipped
    ([('1', datetime.date(2024, 2, 11))], [('news.jsonl', 'line 2: the text cell is empty')])
    """
    return DocumentStream(path, Options(encoding, text_column, id_column, date_column,
                                        hard_wrapped, strip, repair))


def load_corpus(
    path: str | Path, *, encoding: str | None = None, text_column: str | None = None,
    id_column: str | None = None, date_column: str | None = None,
    hard_wrapped: bool | None = None, strip: bool = True, repair: bool = True,
) -> Corpus:
    """Load a file, a table of documents, or every readable file under a folder.

    * ``encoding``: force one text encoding (else detected: byte-order mark, UTF-8, cp1252).
    * ``text_column``: the column of a table holding the text (else the first column named
      ``text``, ``content``, ``body``, ``article``, ``full_text`` or ``story``, any case).
    * ``id_column``: the column holding document ids (else rows are numbered from 1); a
      repeated id is an error naming both rows. A file in a folder has its path as id,
      without a subfolder its name repeats (:func:`path_id`); ids are unique in a corpus.
    * ``date_column``: the column (or front-matter field) holding the date (else one named
      ``date``, ``published``, ``publication_date``, ``pubdate``, ``datetime``,
      ``timestamp``, ``created``, ...). Dates become :class:`datetime.date` in
      ``meta["date"]``; one that cannot be read is a warning (:attr:`Corpus.warnings`) and
      the document is kept without a date. A text file (.txt, .md, .html) whose own
      metadata gives no date takes the date its file name holds, if any (``2016-09-08``,
      ``2016_09_08`` or ``20160908``, one real date from 1800 to 2100:
      ``outlet_2016-09-08_title.txt``); a date the document gives always wins. Rows of a
      table are never dated by the table's file name.
    * ``hard_wrapped``: whether single line breaks in plain text are spaces (None: decided per
      document by :func:`~analysis.corpus.clean.is_hard_wrapped`).
    * ``strip``: remove boilerplate lines (kept on :attr:`Document.removed`).
    * ``repair``: repair mojibake ("didnâ€™t" -> "didn’t", with ftfy; each repair kept on
      :attr:`Document.repairs`). False keeps the text as decoded, for comparing with
      character offsets made on the raw files.

    Every other column of a table is metadata (``Document.meta``); titles come from a
    ``title``/``headline`` column, front matter, page metadata or a title-like first line.
    In a folder (searched recursively, sorted, hidden files skipped), a file that cannot be
    read, and a table with a bad row, are skipped and listed in :attr:`Corpus.skipped`
    while the rest are analysed; rows with empty text are skipped and listed everywhere.
    Anything else that cannot be read raises :class:`InputError` naming the file, and for
    tables the row or line.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("One story.")
    >>> _ = (folder / "b.txt").write_bytes(b"")
    >>> corpus = load_corpus(folder)
    >>> [d.id for d in corpus], corpus.skipped
    (['a'], [('b.txt', 'the file is empty')])
    """
    stream = iter_documents(path, encoding=encoding, text_column=text_column,
                            id_column=id_column, date_column=date_column,
                            hard_wrapped=hard_wrapped, strip=strip, repair=repair)
    docs = list(stream)
    if not docs:
        raise InputError(str(path), _nothing_read(Path(path), stream.skipped))
    return Corpus(docs, root=stream.root, skipped=stream.skipped, warnings=stream.warnings)


def _nothing_read(path: Path, skipped: list[tuple[str, str]]) -> str:
    """Why an input gave no document at all."""
    if path.is_dir() and not skipped:
        return (f"the folder holds no file to read ({', '.join(SUFFIXES)}); hidden files "
                "and folders are skipped")
    if not skipped:
        return "the table has no rows"
    detail = "; ".join(f"{f}: {p}" if path.is_dir() else p for f, p in skipped[:3])
    more = f" (and {len(skipped) - 3} more)" if len(skipped) > 3 else ""
    if path.is_dir():
        return f"no readable text file in the folder: {detail}{more}"
    return f"no row holds text: {detail}{more}"

"""Tables of documents, read as a stream of records: CSV, TSV, JSON lines, JSON, Parquet.

Each reader gives the table's column names (as far as they are known before the first record)
and then its records one at a time, as :class:`Record` (row number, line, fields), so that a
table far larger than memory is read in one pass: CSV and TSV with the ``csv`` module over a
decoding stream, JSON lines line by line, Parquet in record batches (pyarrow). A ``.json`` file
(one array) is read whole. Problems name the file and the row or line.

>>> import tempfile, pathlib
>>> f = pathlib.Path(tempfile.mkdtemp()) / "news.csv"
>>> _ = f.write_text('text,outlet\\n"Rain fell,\\nthen stopped.",BBC\\n', encoding="utf-8")
>>> table = open_table(f, name="news.csv")
>>> table.columns, table.encoding
(['text', 'outlet'], 'utf-8')
>>> [(r.row, r.line, r.fields) for r in table.records]
[(1, 2, {'text': 'Rain fell,\\nthen stopped.', 'outlet': 'BBC'})]
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from analysis.corpus.base import InputError
from analysis.corpus.decode import decode_bytes, sniff_encoding

__all__ = ["TABLE_FORMATS", "Record", "Table", "open_table"]

#: File suffixes read as tables, and the format each is read as.
TABLE_FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl",
                 ".ndjson": "jsonl", ".json": "json", ".parquet": "parquet", ".pq": "parquet"}
_HEAD = 1 << 16
_JSON_HOLDERS = ("articles", "documents", "docs", "records", "items", "data", "results", "rows",
                 "stories", "posts", "entries")


class Record(NamedTuple):
    """One record of a table: ``row`` (1-based, header not counted), ``line`` (1-based line of
    the file where it starts, or None for JSON and Parquet) and its ``fields``."""

    row: int
    line: int | None
    fields: dict[str, Any]


@dataclass
class Table:
    """An open table: ``format``, ``encoding`` (None for Parquet), ``columns`` (known before
    reading: the header, the first record's names, the schema), ``records`` (an iterator), and
    ``record`` ("row", "line" or "record": how its positions are named in messages)."""

    format: str
    encoding: str | None
    columns: list[str]
    records: Iterator[Record]
    record: str = "row"


def open_table(path: str | Path, *, name: str, encoding: str | None = None) -> Table:
    """Open the table at ``path`` (format from its suffix, :data:`TABLE_FORMATS`); ``name`` is
    how messages name the file. Raises :class:`InputError` for a table that cannot be read."""
    path = Path(path)
    fmt = TABLE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(name, f"is not a table ({', '.join(sorted(TABLE_FORMATS))})")
    try:
        if fmt in ("csv", "tsv"):
            return _open_delimited(path, name, encoding, "\t" if fmt == "tsv" else ",", fmt)
        if fmt == "jsonl":
            return _open_jsonl(path, name, encoding)
        if fmt == "json":
            return _open_json(path, name, encoding)
        return _open_parquet(path, name)
    except OSError as e:
        raise InputError(name, f"cannot be read: {e.strerror or e}") from None


class _Lines:
    """The decoded lines of a file, read in one pass (line endings kept, for the csv module).

    ASCII-compatible encodings are split on the newline byte and decoded line by line, so an
    undecodable byte is reported with its exact line and byte offset; UTF-16 and UTF-32 are
    decoded by a text stream (an error names the last line read whole)."""

    def __init__(self, path: Path, name: str, encoding: str | None):
        self.name = name
        self.raw = open(path, "rb")  # noqa: SIM115 - closed by close(), from the readers
        head = self.raw.read(_HEAD)
        try:
            self.codec = sniff_encoding(head, encoding=encoding, name=name,
                                        complete=len(head) < _HEAD)
        except InputError:
            self.raw.close()
            raise
        self.raw.seek(0)
        self.number = 0  # lines given so far

    def close(self) -> None:
        self.raw.close()

    def __iter__(self) -> Iterator[str]:
        wide = self.codec.startswith(("utf-16", "utf-32"))
        if wide:
            stream = io.TextIOWrapper(self.raw, encoding=self.codec, newline="")
            try:
                for line in stream:
                    self.number += 1
                    yield line
            except UnicodeDecodeError as e:
                raise self._error(e, None) from None
            return
        decoder = codecs.getincrementaldecoder(self.codec)()
        offset = 0
        for raw in self.raw:
            try:
                line = decoder.decode(raw)
            except UnicodeDecodeError as e:
                raise self._error(e, offset + e.start) from None
            self.number += 1
            offset += len(raw)
            yield line

    def _error(self, e: UnicodeDecodeError, offset: int | None) -> InputError:
        at = f" at offset {offset}" if offset is not None else f" after line {self.number}"
        return InputError(
            self.name, f"cannot be decoded as {self.codec}: byte 0x{e.object[e.start]:02x}"
            f"{at}; pass --encoding (e.g. --encoding cp1252) to force another encoding",
            line=self.number + 1)


def _open_delimited(path: Path, name: str, encoding: str | None, delimiter: str,
                    fmt: str) -> Table:
    lines = _Lines(path, name, encoding)
    csv.field_size_limit(2**31 - 1)  # a cell may hold a whole book
    stream = iter(lines)
    try:
        first = next(stream, "")
    except InputError:
        lines.close()
        raise
    if delimiter == "," and first.count(",") == 0 and first.count(";") > 0:
        delimiter = ";"  # the CSV of spreadsheets set to a European locale
    header_rows = list(csv.reader([first], delimiter=delimiter))
    header = [h.strip() for h in header_rows[0]] if header_rows else []
    if not header or not any(header):
        lines.close()
        raise InputError(name, "the table has no header line (the first line must name the "
                         "columns)", line=1)
    header[0] = header[0].lstrip("\ufeff")
    header = [h or f"unnamed_{i}" for i, h in enumerate(header, start=1)]
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        lines.close()
        names = ", ".join(map(repr, repeated))
        raise InputError(name, f"column names repeat in the header: {names}", line=1)
    records = _delimited_records(lines, stream, name, delimiter, header)
    return Table(fmt, lines.codec, header, records)


def _delimited_records(lines: _Lines, stream: Iterator[str], name: str, delimiter: str,
                       header: list[str]) -> Iterator[Record]:
    reader = csv.reader(stream, delimiter=delimiter, strict=True)
    row = 0
    done = 1  # physical lines read so far (the header)
    try:
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                raise InputError(name, f"malformed: {e}", row=row + 1,
                                 line=done + 1) from None
            start = done + 1
            done = lines.number
            if not cells or (len(cells) == 1 and not cells[0].strip() and len(header) > 1):
                continue  # a blank line
            row += 1
            if len(cells) != len(header):
                raise InputError(
                    name, f"malformed: {len(cells)} cells where the header names {len(header)} "
                    "columns (a quote left open, or a delimiter inside a cell that is not "
                    "quoted?)", row=row, line=start)
            yield Record(row, start, dict(zip(header, cells, strict=True)))
    finally:
        lines.close()


def _open_jsonl(path: Path, name: str, encoding: str | None) -> Table:
    lines = _Lines(path, name, encoding)
    records = _jsonl_records(lines, name)
    try:
        first = next(records)
    except StopIteration:
        return Table("jsonl", lines.codec, [], iter(()), "line")
    except InputError:
        lines.close()
        raise

    def chained() -> Iterator[Record]:
        yield first
        yield from records

    return Table("jsonl", lines.codec, list(first.fields), chained(), "line")


def _jsonl_records(lines: _Lines, name: str) -> Iterator[Record]:
    row = 0
    try:
        for number, line in enumerate(lines, start=1):
            text = line.lstrip("\ufeff").strip()
            if not text:
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as e:
                raise InputError(name, f"not valid JSON: {e.msg} (column {e.colno})",
                                 line=number) from None
            if not isinstance(value, dict):
                raise InputError(name, "not a JSON object (one record with named fields per "
                                 f"line), but a {type(value).__name__}", line=number)
            row += 1
            yield Record(row, number, value)
    finally:
        lines.close()


def _open_json(path: Path, name: str, encoding: str | None) -> Table:
    text, codec = decode_bytes(path.read_bytes(), encoding=encoding, name=name)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(name, f"not valid JSON: {e.msg} (column {e.colno})",
                         line=e.lineno) from None
    items = _json_array(value, name)
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise InputError(name, "not a JSON object (a record with named fields), but a "
                             f"{type(item).__name__}", row=i, record="record")
    columns = list(items[0]) if items else []
    records = (Record(i, None, item) for i, item in enumerate(items, start=1))
    return Table("json", codec, columns, records, "record")


def _json_array(value: Any, name: str) -> list:
    """The array of records: the value itself, or the one array of objects an object holds."""
    if isinstance(value, list):
        return value
    if not isinstance(value, dict):
        raise InputError(name, "expected an array of records, or an object holding one; found "
                         f"a {type(value).__name__}")
    arrays = [k for k, v in value.items()
              if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
    if len(arrays) == 1:
        return value[arrays[0]]
    preferred = [k for k in _JSON_HOLDERS if k in arrays]
    if preferred:
        return value[preferred[0]]
    keys = ", ".join(map(repr, value)) or "(none)"
    if not arrays:
        raise InputError(name, f"expected an array of records; the object's keys are {keys} "
                         "and none holds an array of objects")
    raise InputError(name, f"several arrays of records ({', '.join(map(repr, arrays))}); "
                     "keep one, or convert the file to JSON lines")


def _open_parquet(path: Path, name: str) -> Table:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
    except (pa.ArrowException, ValueError) as e:
        raise InputError(name, f"cannot be read as Parquet: {e}") from None
    columns = list(handle.schema_arrow.names)

    def records() -> Iterator[Record]:
        row = 0
        with handle:
            try:
                for batch in handle.iter_batches(batch_size=1024):
                    for fields in batch.to_pylist():
                        row += 1
                        yield Record(row, None, fields)
            except pa.ArrowException as e:
                raise InputError(name, f"cannot be read as Parquet: {e}", row=row + 1) from None

    return Table("parquet", None, columns, records(), "row")

"""The store on disk: per-document tables as Parquet files, keyed by content.

Layout of a store folder::

    parts/<table>/<part>.parquet   the rows of one batch of documents for one table
    keys/<part>.parquet            the document keys a part holds
    inputs/<digest>.parquet        the documents table of one input (one row per document)
    inputs/<digest>.json           what else was learnt reading it (skipped files, warnings)

Every write goes to a temporary file first and is renamed into place, so an interrupted run never
leaves a half-written table where a good one was; a lock file keeps two runs from writing at once.
Parts are immutable; :meth:`Store.compact` rewrites the live rows into fewer parts and drops the
rows no input refers to any more.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import math
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from analysis.tables import TableSpec

__all__ = ["Store"]

FORMAT = 1  # bump when the layout changes: an older store is then ignored, not misread
#: Largest dictionary page of a stored column: large enough that a part's words and n-grams
#: stay dictionary-encoded (read back as codes, 3x faster than rebuilding the dictionary).
DICTIONARY_PAGE = 16 << 20


def _atomic_write(path: Path, write: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class Store:
    """A folder of per-document tables. ``Store(path)`` creates it when missing."""

    def __init__(self, root: str | os.PathLike[str]):
        self.root = Path(root) / f"v{FORMAT}"
        self.root.mkdir(parents=True, exist_ok=True)

    # ------------------------------------------------------------------ locking

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the store's write lock (other runs wait)."""
        with open(self.root / ".lock", "a+") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    # ------------------------------------------------------------------ parts

    def parts(self) -> dict[str, str]:
        """Every stored document key with the part holding its rows."""
        out: dict[str, str] = {}
        for f in sorted((self.root / "keys").glob("*.parquet")):
            for key in pq.read_table(f, columns=["_key"]).column("_key").to_pylist():
                out[key] = f.stem
        return out

    def write_part(self, keys: Sequence[str], tables: Mapping[str, pa.Table]) -> str:
        """Store one batch's tables; return the part's name (a digest of its keys)."""
        name = hashlib.blake2b("\n".join(keys).encode(), digest_size=12).hexdigest()
        for table_name, table in tables.items():
            _atomic_write(self.root / "parts" / table_name / f"{name}.parquet",
                          lambda tmp, t=table: pq.write_table(
                              t, tmp, compression="zstd",
                              dictionary_pagesize_limit=DICTIONARY_PAGE))
        keys_table = pa.table({"_key": pa.array(list(keys), pa.string())})
        _atomic_write(self.root / "keys" / f"{name}.parquet",  # last: the part is complete
                      lambda tmp: pq.write_table(keys_table, tmp))
        return name

    def read(self, spec: TableSpec, keys: Sequence[str], parts: Sequence[str],
             columns: Sequence[str] | None = None) -> pa.Table:
        """The spec's rows of ``keys`` (documents in that order, rows of a document in their
        stored order), from the given parts; ``_key`` dropped."""
        names = spec.names if columns is None else ["document", *columns]
        folder = self.root / "parts" / spec.name
        pieces = []
        wanted = pa.array(list(keys), pa.string())
        dictionary = [c for c in ("document", *spec.categories) if c in names]
        for part in sorted(set(parts)):
            t = pq.read_table(folder / f"{part}.parquet", columns=["_key", *names],
                              read_dictionary=["_key", *dictionary])
            mask = _member(t.column("_key"), wanted)
            t = t if mask is None else t.filter(mask)
            position = [pc.take(pc.index_in(chunk.dictionary, value_set=wanted), chunk.indices)
                        for chunk in t.column("_key").chunks]
            pieces.append(t.drop_columns(["_key"]).append_column(
                "_position", pa.chunked_array(position, pa.int32())))
        if not pieces:
            from analysis.store.run import arrow_schema

            return arrow_schema(spec).empty_table().select(names)
        table = pa.concat_tables(pieces, promote_options="permissive") if len(pieces) > 1 \
            else pieces[0]
        order = pc.sort_indices(table.select(["_position"]),
                                sort_keys=[("_position", "ascending")])
        return table.take(order).select(names)

    def scan(self, spec: TableSpec, keys: Sequence[str], parts: Sequence[str],
             columns: Sequence[str], *, where: Mapping[str, Sequence[Any]] | None = None
             ) -> Iterator[pa.Table]:
        """The spec's rows of ``keys``, part by part: one Arrow table per part holding only
        ``columns`` (``document`` may be one of them) of the rows whose ``where`` columns hold
        one of the given values. String columns come dictionary-encoded (as stored), so a part
        of millions of words costs its integer codes. Rows keep their stored order; parts come
        in name order (not the corpus's document order: see :meth:`read` for that)."""
        folder = self.root / "parts" / spec.name
        wanted = pa.array(sorted(set(keys)), pa.string())
        conditions = dict(where or {})
        names = list(dict.fromkeys([*columns, *conditions]))
        strings = {"_key", "document", *(c for c, kind in spec.columns if kind == "string")}
        for part in sorted(set(parts)):
            t = pq.read_table(folder / f"{part}.parquet", columns=["_key", *names],
                              read_dictionary=[c for c in ["_key", *names] if c in strings])
            mask = _member(t.column("_key"), wanted)
            for column, values in conditions.items():
                mask = _and(mask, _member(t.column(column), values))
            if mask is not None:
                t = t.filter(mask)
            yield t.select(list(columns))

    def totals(self, spec: TableSpec, keys: Sequence[str], parts: Sequence[str], *,
               by: Sequence[str], value: str | Sequence[str] | None = "count",
               where: Mapping[str, Sequence[Any]] | None = None,
               groups: Mapping[str, Any] | None = None, rows: str | None = None
               ) -> pd.DataFrame:
        """The sums of the ``value`` columns over the spec's rows of ``keys``, per combination of
        the ``by`` columns, part by part (only the columns needed are read, as dictionary codes,
        and a part's rows are summed before the next is read: memory holds sums, not rows).
        ``where`` keeps rows whose columns hold one of the given values; ``groups`` maps
        document ids to a group value, added as a column ``group`` that ``by`` may name;
        ``rows`` names a column counting the rows summed. Returns the ``by`` columns (plain
        strings for text) then the sums (and the row count), one row per combination seen,
        unsorted."""
        values = [] if value is None else [value] if isinstance(value, str) else list(value)
        plain = [c for c in by if c != "group"]
        needed = list(dict.fromkeys([*plain, *values]
                                    + (["document"] if groups is not None else [])))
        labels = None
        if groups is not None:
            labels = {str(k): (None if v is None else str(v)) for k, v in groups.items()}
        sums = [rows] if rows else []
        partials: list[pa.Table] = []
        for t in self.scan(spec, keys, parts, needed, where=where):
            for batch in t.to_batches():
                if batch.num_rows:
                    partials.append(_sum_batch(batch, list(by), values, rows, labels))
            if len(partials) > 8:  # combine as we go: memory holds sums of a few parts
                partials = [_combine(partials, list(by), [*values, *sums])]
        columns = [*by, *values, *sums]
        if not partials:
            return pd.DataFrame({c: pd.Series(dtype="int64" if c in values or c == rows
                                              else object) for c in columns})
        out = _combine(partials, list(by), [*values, *sums]) if len(partials) > 1 \
            else partials[0]
        df = out.to_pandas()
        for c in by:  # as analysis.tables.plain writes text
            if df[c].dtype == object and c != "group":
                df[c] = df[c].astype("str")
        return df[columns]

    # ------------------------------------------------------------------ inputs

    def write_input(self, digest: str, documents: pd.DataFrame, info: Mapping[str, Any]) -> None:
        """Record what an input held: its documents table and facts about reading it."""
        base = self.root / "inputs" / digest
        _atomic_write(base.with_suffix(".parquet"),
                      lambda tmp: documents.to_parquet(tmp, index=False))
        _atomic_write(base.with_suffix(".json"), lambda tmp: Path(tmp).write_text(
            json.dumps(info, sort_keys=True, default=str), encoding="utf-8"))

    def read_input(self, digest: str) -> tuple[pd.DataFrame, dict[str, Any]] | None:
        """The documents table and facts of an input seen before, or None."""
        base = self.root / "inputs" / digest
        try:
            info = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
            documents = pd.read_parquet(base.with_suffix(".parquet"))
        except (OSError, ValueError):
            return None
        return documents, info

    def forget_inputs(self, source: str, keep: str) -> None:
        """Drop the records of earlier versions of the input at ``source`` (path), except
        ``keep``: their documents are then no longer live (see :meth:`compact`)."""
        for f in (self.root / "inputs").glob("*.json"):
            if f.stem == keep:
                continue
            with contextlib.suppress(OSError, ValueError):
                if json.loads(f.read_text(encoding="utf-8")).get("source") == source:
                    f.unlink()
                    f.with_suffix(".parquet").unlink(missing_ok=True)

    def live_keys(self) -> set[str]:
        """Keys referred to by any recorded input."""
        live: set[str] = set()
        for f in (self.root / "inputs").glob("*.parquet"):
            with contextlib.suppress(OSError, ValueError, KeyError):
                live.update(pq.read_table(f, columns=["_key"]).column("_key").to_pylist())
        return live

    def compact(self, tables: Sequence[str], *, max_parts: int = 64) -> bool:
        """When more than ``max_parts`` parts exist, or most stored rows are dead, rewrite the
        live rows into one part per ~200,000 documents and delete the rest. Returns whether it
        compacted."""
        known = self.parts()
        live = self.live_keys() & set(known)
        names = sorted(f.stem for f in (self.root / "keys").glob("*.parquet"))
        if len(names) <= max_parts and len(live) * 2 >= len(known):
            return False
        keys = sorted(live)
        written: set[str] = set()
        for start in range(0, len(keys), 200_000):
            chunk = keys[start:start + 200_000]
            by_part: dict[str, list[str]] = {}
            for k in chunk:  # each key read from the one part that holds it for readers
                by_part.setdefault(known[k], []).append(k)
            out = {}
            for name in tables:
                folder = self.root / "parts" / name
                pieces = []
                for part, part_keys in sorted(by_part.items()):
                    t = pq.read_table(folder / f"{part}.parquet")
                    wanted = pa.array(part_keys, pa.string())
                    pieces.append(t.filter(pc.is_in(t.column("_key"), value_set=wanted)))
                out[name] = pa.concat_tables(pieces)
            written.add(self.write_part(chunk, out))
        for name in names:  # every part not just written goes: no key is left in two parts
            if name in written:
                continue
            (self.root / "keys" / f"{name}.parquet").unlink(missing_ok=True)
            for table in tables:
                (self.root / "parts" / table / f"{name}.parquet").unlink(missing_ok=True)
        return True


def _member(column: pa.ChunkedArray, values: Any) -> pa.ChunkedArray | None:
    """Where ``column`` holds one of ``values``; None when every row does. A dictionary column
    is tested once per dictionary value, not per row."""
    chunks = []
    everything = True
    for chunk in column.chunks:
        if pa.types.is_dictionary(chunk.type):
            value_set = _value_set(values, chunk.dictionary.type)
            hit = pc.is_in(chunk.dictionary, value_set=value_set)
            if everything and pc.all(hit).as_py() is not False:
                chunks.append(None)
                continue
            everything = False
            chunks.append(pc.fill_null(pc.take(hit, chunk.indices), False))
        else:
            everything = False
            chunks.append(pc.is_in(chunk, value_set=_value_set(values, chunk.type)))
    if everything:
        return None
    filled = [pa.array(np.ones(len(c), dtype=bool)) if m is None else m
              for m, c in zip(chunks, column.chunks, strict=True)]
    return pa.chunked_array(filled, pa.bool_())


def _value_set(values: Any, kind: pa.DataType) -> pa.Array:
    if isinstance(values, pa.Array):
        return values if values.type == kind else values.cast(kind)
    return pa.array(list(values), kind)


def _and(a: pa.ChunkedArray | None, b: pa.ChunkedArray | None) -> pa.ChunkedArray | None:
    if a is None or b is None:
        return b if a is None else a
    return pc.and_(a, b)


def _codes(batch: pa.RecordBatch, column: str, labels: Mapping[str, Any] | None
           ) -> tuple[np.ndarray, pa.Array]:
    """Integer codes of a batch's column and the value of each code."""
    if column == "group":
        doc = batch.column("document")
        names = doc.dictionary.to_pylist()
        values = pc.dictionary_encode(pa.array([labels.get(str(d)) for d in names],
                                               pa.string()), null_encoding="encode")
        per_doc = values.indices.to_numpy(zero_copy_only=False)
        return per_doc[doc.indices.to_numpy(zero_copy_only=False)], values.dictionary
    array = batch.column(column)
    if pa.types.is_dictionary(array.type):
        if array.null_count:  # a missing value is a value of its own, as pandas groups it
            dictionary = pa.concat_arrays([array.dictionary,
                                           pa.nulls(1, array.dictionary.type)])
            indices = pc.fill_null(array.indices, len(array.dictionary))
            return indices.to_numpy(zero_copy_only=False), dictionary
        return array.indices.to_numpy(zero_copy_only=False), array.dictionary
    encoded = pc.dictionary_encode(array, null_encoding="encode")
    return encoded.indices.to_numpy(zero_copy_only=False), encoded.dictionary


def _sum_batch(batch: pa.RecordBatch, by: list[str], values: list[str], rows: str | None,
               labels: Mapping[str, Any] | None) -> pa.Table:
    """One batch's sums per ``by`` combination, by integer codes (numpy), as an Arrow table."""
    coded = [_codes(batch, c, labels) for c in by]
    radix = [max(len(dictionary), 1) for _, dictionary in coded]
    if math.prod(radix) >= 1 << 62:  # too many combinations for one integer key
        return _sum_frame(batch, by, values, rows, labels)
    key = np.zeros(batch.num_rows, dtype=np.int64)
    for (codes, _), size in zip(coded, radix, strict=True):
        key = key * size + codes
    if math.prod(radix) <= 4 * batch.num_rows + 1024:  # few combinations: count them all
        seen = np.flatnonzero(np.bincount(key, minlength=math.prod(radix)))
        uniques, key = seen, np.searchsorted(seen, key)
    else:
        uniques, key = np.unique(key, return_inverse=True)
    out: dict[str, Any] = {}
    rest = uniques
    for (_, dictionary), size, column in reversed(list(zip(coded, radix, by, strict=True))):
        rest, code = np.divmod(rest, size)
        out[column] = dictionary.take(pa.array(code))
    out = {c: out[c] for c in by}
    size = len(uniques)
    for v in values:
        column = batch.column(v)
        kind = column.type
        summed = np.bincount(key, weights=column.to_numpy(zero_copy_only=False).astype(float),
                             minlength=size)
        out[v] = pa.array(summed.astype(np.int64) if pa.types.is_integer(kind) else summed)
    if rows:
        out[rows] = pa.array(np.bincount(key, minlength=size).astype(np.int64))
    return pa.table({k: (a.cast(pa.string()) if pa.types.is_dictionary(a.type) else a)
                     for k, a in out.items()})


def _sum_frame(batch: pa.RecordBatch, by: list[str], values: list[str], rows: str | None,
               labels: Mapping[str, Any] | None) -> pa.Table:
    """:func:`_sum_batch` by pandas, for combinations too many to number."""
    df = batch.to_pandas()
    if "group" in by:
        df["group"] = df["document"].astype(str).map(labels)
    named = {v: (v, "sum") for v in values}
    if rows:
        named[rows] = (by[0], "size")
    out = df.groupby(by, sort=False, observed=True, dropna=False).agg(**named).reset_index()
    for c in by:
        if isinstance(out[c].dtype, pd.CategoricalDtype):
            out[c] = out[c].astype(object)
    return pa.Table.from_pandas(out, preserve_index=False)


def _combine(partials: list[pa.Table], by: list[str], values: list[str]) -> pa.Table:
    """Partial sums added up per ``by`` combination (Arrow's hash aggregation)."""
    table = pa.concat_tables(partials, promote_options="permissive")
    if not by:
        return pa.table({v: [pc.sum(table.column(v)).as_py()] for v in values})
    summed = table.group_by(by, use_threads=False).aggregate([(v, "sum") for v in values])
    return summed.select([*by, *(f"{v}_sum" for v in values)]).rename_columns([*by, *values])

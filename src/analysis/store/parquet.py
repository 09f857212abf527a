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
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from analysis.tables import TableSpec

__all__ = ["Store"]

FORMAT = 1  # bump when the layout changes: an older store is then ignored, not misread


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
                          lambda tmp, t=table: pq.write_table(t, tmp, compression="zstd"))
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
                              read_dictionary=dictionary)
            pieces.append(t.filter(pc.is_in(t.column("_key"), value_set=wanted)))
        if not pieces:
            from analysis.store.run import arrow_schema

            return arrow_schema(spec).empty_table().select(names)
        table = pa.concat_tables(pieces, promote_options="permissive") if len(pieces) > 1 \
            else pieces[0]
        position = pc.index_in(table.column("_key"), value_set=wanted)
        order = pc.sort_indices(pa.table({"p": position}), sort_keys=[("p", "ascending")])
        return table.take(order).select(names)

    def totals(self, spec: TableSpec, keys: Sequence[str], parts: Sequence[str], *,
               by: Sequence[str], value: str = "count",
               where: tuple[str, Sequence[Any]] | None = None,
               groups: Mapping[str, Any] | None = None) -> pd.DataFrame:
        """The sum of ``value`` over the spec's rows of ``keys``, per combination of the ``by``
        columns, computed part by part (only the columns needed are read, and a part's rows
        are summed before the next is read, so memory holds sums, not rows). ``where`` keeps
        rows whose column is one of the values; ``groups`` maps document ids to a group value,
        added as a column ``group`` that ``by`` may name."""
        folder = self.root / "parts" / spec.name
        wanted = pa.array(list(keys), pa.string())
        needed = {c for c in by if c != "group"} | {value}
        needed |= {"document"} if groups is not None else set()
        needed |= {where[0]} if where else set()
        dictionary = [c for c in spec.categories if c in needed]
        if groups is not None:
            ids = pa.array([str(k) for k in groups], pa.string())
            labels = pa.array([None if v is None else str(v) for v in groups.values()],
                              pa.string())
        partials = []
        for part in sorted(set(parts)):
            t = pq.read_table(folder / f"{part}.parquet", columns=["_key", *sorted(needed)],
                              read_dictionary=dictionary)
            mask = pc.is_in(t.column("_key"), value_set=wanted)
            if where:
                values = pa.array(list(where[1]), type=pa.string()) if \
                    pa.types.is_dictionary(t.schema.field(where[0]).type) or \
                    pa.types.is_string(t.schema.field(where[0]).type) else pa.array(
                        list(where[1]))
                mask = pc.and_(mask, pc.is_in(t.column(where[0]), value_set=values))
            t = t.filter(mask)
            if groups is not None:
                doc = t.column("document").cast(pa.string())
                t = t.append_column("group", pc.take(labels, pc.index_in(doc, value_set=ids)))
            t = t.select([*by, value])
            for name in by:  # sums of several parts join on plain values
                if pa.types.is_dictionary(t.schema.field(name).type):
                    t = t.set_column(t.schema.get_field_index(name), name,
                                     t.column(name).cast(pa.string()))
            partials.append(t.group_by(list(by)).aggregate([(value, "sum")]))
        if not partials:
            return pd.DataFrame(columns=[*by, value])
        combined = pa.concat_tables(partials)
        if len(partials) > 1:
            combined = combined.group_by(list(by)).aggregate([(f"{value}_sum", "sum")])
            combined = combined.rename_columns([*by, f"{value}_sum"])
        out = combined.rename_columns([*by, value]).to_pandas()
        return out[[*by, value]]

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
        names = sorted(set(known.values()))
        if len(names) <= max_parts and len(live) * 2 >= len(known):
            return False
        keys = sorted(live)
        for start in range(0, len(keys), 200_000):
            chunk = keys[start:start + 200_000]
            chunk_parts = [known[k] for k in chunk]
            out = {}
            for name in tables:
                folder = self.root / "parts" / name
                pieces = []
                wanted = pa.array(chunk, pa.string())
                for part in sorted(set(chunk_parts)):
                    t = pq.read_table(folder / f"{part}.parquet")
                    pieces.append(t.filter(pc.is_in(t.column("_key"), value_set=wanted)))
                out[name] = pa.concat_tables(pieces)
            self.write_part(chunk, out)
        new = set(self.parts().values())
        for name in names:
            if name in new:
                continue
            (self.root / "keys" / f"{name}.parquet").unlink(missing_ok=True)
            for table in tables:
                (self.root / "parts" / table / f"{name}.parquet").unlink(missing_ok=True)
        return True


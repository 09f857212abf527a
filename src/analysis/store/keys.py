"""Content keys: what makes a stored table stale.

A document's tables are stored under a key that hashes everything its rows depend on: its text,
id, title, metadata and reading details, and the code that computes them (every file of the
``analysis`` package, and each table's version). Change any of these and the key changes, so the
document is analysed again; change nothing and the stored rows are reused.

>>> from analysis.corpus import Document
>>> a = document_key(Document("a", "A", "a.txt", "Rain fell."), "code")
>>> b = document_key(Document("a", "A", "a.txt", "Rain fell!"), "code")
>>> len(a), a == b
(32, False)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from analysis.corpus import Document

__all__ = ["code_digest", "document_key", "input_digest", "package_digest"]

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def document_key(doc: Document, code: str) -> str:
    """A 128-bit hex key of the document's content and metadata and of ``code`` (a digest of the
    code and table versions that compute its rows)."""
    h = hashlib.blake2b(digest_size=16)
    head = json.dumps([doc.id, doc.title, doc.source, doc.meta, doc.info,
                       [(r.line, r.text, r.reason) for r in doc.removed]],
                      sort_keys=True, default=_plain, ensure_ascii=False)
    h.update(code.encode())
    h.update(b"\0")
    h.update(head.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _hash_file(h: Any, path: Path) -> None:
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)


def package_digest() -> str:
    """sha256 over the ``analysis`` package's files (code, templates, data; compiled caches
    left out)."""
    h = hashlib.sha256()
    for f in sorted(PACKAGE_DIR.rglob("*")):
        if not f.is_file() or "__pycache__" in f.parts or f.suffix in (".pyc", ".pyo"):
            continue
        h.update(f.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        _hash_file(h, f)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """:func:`package_digest`, computed once per process (the code does not change while it
    runs)."""
    return package_digest()


def input_digest(path: str | os.PathLike[str], *, exclude: Iterable[str | os.PathLike[str]] = ()
                 ) -> str:
    """sha256 over the input file, or every non-hidden file under the input folder (relative
    names and bytes), leaving out ``exclude`` (e.g. a report folder inside it)."""
    h = hashlib.sha256()
    path = Path(path)
    if path.is_file():
        _hash_file(h, path)
        return h.hexdigest()
    skip = {Path(os.path.abspath(p)) for p in exclude}
    for root, dirs, files in os.walk(path):
        here = Path(os.path.abspath(root))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and here / d not in skip)
        for name in sorted(files):
            if name.startswith("."):
                continue
            f = here / name
            h.update(os.path.relpath(f, path).encode("utf-8", "surrogateescape") + b"\0")
            with contextlib.suppress(OSError):
                _hash_file(h, f)
            h.update(b"\0")
    return h.hexdigest()

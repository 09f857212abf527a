"""The one per-document pass: every table the notebooks need, computed once per document.

:data:`PASS` lists the :class:`~analysis.tables.TableSpec` of each table. The store runs all of
them on each new or changed document and keeps the rows; every corpus figure is then a group-by
over these tables. Adding a table here is all it takes to have it computed and stored.

>>> [spec.name for spec in PASS][:3]
['texts', 'removed', 'repairs']
"""

from __future__ import annotations

import hashlib

from analysis.corpus import Document
from analysis.entities import ATTRIBUTIONS, FIGURES, MENTIONS
from analysis.frequency import LEXICAL, NGRAMS, WORDS
from analysis.readability import READABILITY
from analysis.sentiment import SENTENCES
from analysis.tables import REMOVED, REPAIRS, SIZES, TableSpec

__all__ = ["PASS", "REMOVED", "SENTENCES", "TEXTS", "pass_version"]


def _text_rows(doc: Document) -> list[tuple[str]]:
    return [(doc.text,)]


#: One row per document: its cleaned ``text`` (what every offset points into).
TEXTS = TableSpec("texts", (("text", "string"),), _text_rows)


#: Every table of the per-document pass, in the order they are computed.
PASS: tuple[TableSpec, ...] = (TEXTS, REMOVED, REPAIRS, SIZES, WORDS, NGRAMS, LEXICAL,
                               SENTENCES, READABILITY, MENTIONS, ATTRIBUTIONS, FIGURES)


def pass_version(specs=PASS) -> str:
    """A digest of the pass's table names, columns and versions (part of every document key)."""
    h = hashlib.sha256()
    for spec in specs:
        h.update(repr((spec.name, spec.columns, spec.version)).encode())
    return h.hexdigest()[:16]

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
from analysis.sentiment import vader
from analysis.tables import REMOVED, REPAIRS, SIZES, TableSpec
from analysis.tokenise.counting import word_keys

__all__ = ["PASS", "REMOVED", "SENTENCES", "TEXTS", "pass_version"]


def _text_rows(doc: Document) -> list[tuple[str]]:
    return [(doc.text,)]


#: One row per document: its cleaned ``text`` (what every offset points into).
TEXTS = TableSpec("texts", (("text", "string"),), _text_rows)


def _sentence_rows(doc: Document) -> list[tuple]:
    text = doc.text
    counts = [0] * len(doc.sentence_spans)
    for t, key in zip(doc.tokens, word_keys(doc), strict=True):
        if key is not None:
            counts[t.sentence] += 1
    rows = []
    for i, (start, end) in enumerate(doc.sentence_spans):
        s = text[start:end]
        p = vader.polarity(s)
        rows.append((i + 1, start, end, counts[i], s, p["neg"], p["neu"], p["pos"],
                     p["compound"]))
    return rows


#: One row per sentence: ``sentence`` (from 1), ``start``, ``end``, ``words``, ``text``, VADER's
#: ``neg``, ``neu``, ``pos``, ``compound``.
SENTENCES = TableSpec("sentences", (
    ("sentence", "int32"), ("start", "int64"), ("end", "int64"), ("words", "int32"),
    ("text", "string"), ("neg", "float64"), ("neu", "float64"), ("pos", "float64"),
    ("compound", "float64")), _sentence_rows)

#: Every table of the per-document pass, in the order they are computed.
PASS: tuple[TableSpec, ...] = (TEXTS, REMOVED, REPAIRS, SIZES, WORDS, NGRAMS, LEXICAL,
                               SENTENCES, READABILITY, MENTIONS, ATTRIBUTIONS, FIGURES)


def pass_version(specs=PASS) -> str:
    """A digest of the pass's table names, columns and versions (part of every document key)."""
    h = hashlib.sha256()
    for spec in specs:
        h.update(repr((spec.name, spec.columns, spec.version)).encode())
    return h.hexdigest()[:16]

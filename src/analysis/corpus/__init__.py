"""Files to documents: read every input format, decode, repair, normalise, clean, keep metadata.

>>> from analysis.corpus import Document
>>> Document.from_text("Rain fell.\\nReuters").text
'Rain fell.'
"""

from analysis.corpus.base import InputError, Removed, Repair
from analysis.corpus.clean import (
    ENGLISH_THRESHOLD,
    english_share,
    is_hard_wrapped,
    prepare_text,
    strip_boilerplate,
)
from analysis.corpus.columns import parse_date
from analysis.corpus.decode import decode_bytes, normalise_text
from analysis.corpus.load import (
    SUFFIXES,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    DocumentStream,
    iter_documents,
    load_corpus,
    load_document,
    slugify,
)
from analysis.corpus.model import (
    Corpus,
    Document,
    Source,
    as_documents,
    first_words,
    title_from,
)
from analysis.corpus.repair import repair_mojibake

__all__ = [
    "ENGLISH_THRESHOLD",
    "SUFFIXES",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "Corpus",
    "Document",
    "DocumentStream",
    "InputError",
    "Removed",
    "Repair",
    "Source",
    "as_documents",
    "decode_bytes",
    "english_share",
    "first_words",
    "is_hard_wrapped",
    "iter_documents",
    "load_corpus",
    "load_document",
    "normalise_text",
    "parse_date",
    "prepare_text",
    "repair_mojibake",
    "slugify",
    "strip_boilerplate",
    "title_from",
]

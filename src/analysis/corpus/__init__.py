"""Files to documents: read every input format, decode, normalise, clean, keep metadata.

>>> from analysis.corpus import Document
>>> Document.from_text("Rain fell.\\nReuters").text
'Rain fell.'
"""

from analysis.corpus.clean import ENGLISH_THRESHOLD, english_share, strip_boilerplate
from analysis.corpus.decode import decode_bytes, normalise_text
from analysis.corpus.load import TEXT_SUFFIXES, load_corpus, load_document, slugify
from analysis.corpus.model import (
    Corpus,
    Document,
    InputError,
    Removed,
    Source,
    as_documents,
    title_from,
)

__all__ = [
    "ENGLISH_THRESHOLD",
    "TEXT_SUFFIXES",
    "Corpus",
    "Document",
    "InputError",
    "Removed",
    "Source",
    "as_documents",
    "decode_bytes",
    "english_share",
    "load_corpus",
    "load_document",
    "normalise_text",
    "slugify",
    "strip_boilerplate",
    "title_from",
]

"""The data model: a :class:`Document` is one text ready for analysis with its metadata; a
:class:`Corpus` is the documents read from one input, plus the files that had to be skipped.

Nothing is lost silently: every line that cleaning removes is kept on the document
(:attr:`Document.removed`) with the reason, and every skipped file is listed on the corpus.

>>> doc = Document.from_text("Rain fell.\\r\\nAl Jazeera and The Associated Press\\r\\n")
>>> doc.text
'Rain fell.'
>>> [(r.text, r.reason) for r in doc.removed]
[('Al Jazeera and The Associated Press', 'credit line')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

__all__ = ["Corpus", "Document", "InputError", "Removed", "Source", "as_documents"]


class InputError(ValueError):
    """A file or folder that cannot be analysed; ``str()`` names the path and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class Removed:
    """A line that cleaning removed from a document, and why."""

    line: int  # 1-based line number in the decoded file
    text: str
    reason: str


@dataclass(frozen=True)
class Document:
    """One text ready for analysis.

    ``text`` is the cleaned text every offset refers to; ``removed`` lists what cleaning took
    out; ``meta`` holds the document's metadata (date, outlet, section, folder, any column of a
    table; what a reader may group by); ``info`` records how the text was read (encoding,
    format, line endings, size) and the English check (``english_share``, ``is_english``).
    """

    id: str
    title: str
    source: str
    text: str
    removed: tuple[Removed, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    info: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_text(
        cls, text: str, *, id: str = "text", title: str | None = None, source: str = "<text>",
        strip: bool = True, meta: dict[str, Any] | None = None,
    ) -> Document:
        """A document from a string (normalised and cleaned the same way as a file).

        >>> Document.from_text("Cafe\\u0301 open.\\n").text == "Caf\\u00e9 open."
        True
        """
        from analysis.corpus.clean import language_check, strip_boilerplate
        from analysis.corpus.decode import normalise_text

        normal = normalise_text(text)
        if strip:
            cleaned, removed = strip_boilerplate(normal)
        else:
            cleaned, removed = normal.strip(), []
        info = {"format": "text", "characters": len(cleaned)}
        info.update(language_check(cleaned))
        return cls(id=id, title=title or title_from(cleaned, id), source=source,
                   text=cleaned, removed=tuple(removed), meta=dict(meta or {}), info=info)

    @property
    def is_english(self) -> bool:
        return bool(self.info.get("is_english", True))

    @cached_property
    def tokens(self) -> list:
        """The text's word tokens (:func:`analysis.tokenise.tokens`), computed once."""
        from analysis.tokenise import tokens

        return tokens(self.text)

    @cached_property
    def sentence_spans(self) -> list[tuple[int, int]]:
        """The text's sentence spans (:func:`analysis.tokenise.sentence_spans`), computed once."""
        from analysis.tokenise import sentence_spans

        return sentence_spans(self.text)


def title_from(text: str, fallback: str) -> str:
    """The first line of ``text`` when it looks like a title (at most 15 words, no final
    sentence punctuation), else ``fallback``.

    >>> title_from("Battle for Benghazi\\nMilitias took the city.", "doc")
    'Battle for Benghazi'
    >>> title_from("Militias took the city.", "doc")
    'doc'
    """
    first = text.split("\n", 1)[0].strip().lstrip("#").strip()
    words = first.split()
    if 0 < len(words) <= 15 and not first.endswith((".", "?", "!", ":", ";", ",")):
        return first
    return fallback


@dataclass
class Corpus:
    """Documents read from one file or folder, and the files skipped (path, reason)."""

    documents: list[Document]
    root: str = ""
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def __iter__(self):
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, key: int | str) -> Document:
        if isinstance(key, str):
            for doc in self.documents:
                if doc.id == key:
                    return doc
            raise KeyError(key)
        return self.documents[key]

    @property
    def text(self) -> str:
        """All documents' texts joined by blank lines (for single-text views)."""
        return "\n\n".join(d.text for d in self.documents)


#: What every analysis function accepts: a string (one document, taken exactly as given), a
#: Document, a Corpus or any iterable of Documents.
Source = str | Document | Corpus | Iterable[Document]


def as_documents(source: Source) -> list[Document]:
    """Documents from a string (one document, not cleaned), a Document, a Corpus or a list.

    A string is taken exactly as given (not normalised, no boilerplate stripped), so offsets
    that analysis functions return index into that very string.

    >>> [d.text for d in as_documents("Plain text.")]
    ['Plain text.']
    """
    if isinstance(source, str):
        return [Document(id="text", title="text", source="<text>", text=source)]
    if isinstance(source, Document):
        return [source]
    if isinstance(source, Corpus):
        return list(source.documents)
    docs = list(source)
    if not all(isinstance(d, Document) for d in docs):
        raise TypeError("expected a str, Document, Corpus or an iterable of Documents")
    return docs

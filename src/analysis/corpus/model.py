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

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from analysis.corpus.base import InputError, Removed, Repair
from analysis.corpus.clean import prepare_text

__all__ = ["Corpus", "Document", "InputError", "Removed", "Repair", "Source", "as_documents",
           "first_words", "title_from"]


@dataclass(frozen=True)
class Document:
    """One text ready for analysis.

    ``text`` is the cleaned text every offset refers to; ``removed`` lists what cleaning took
    out and ``repairs`` the mojibake it repaired; ``meta`` holds the document's metadata (what
    a reader may group by: ``date`` (a :class:`datetime.date` or None), outlet, section,
    ``folder``, any column of a table); ``info`` records how the text was read (``format``,
    ``encoding``, ``bytes``, ``line_endings``, ``row`` and ``line`` for rows of a table,
    ``title_from``), the English check (``english_share``, ``is_english``) and
    ``hard_wrapped``, which :attr:`tokens` and :attr:`sentence_spans` pass to the tokeniser.
    """

    id: str
    title: str
    source: str
    text: str
    removed: tuple[Removed, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    info: dict[str, Any] = field(default_factory=dict, compare=False)
    repairs: tuple[Repair, ...] = field(default=(), compare=False)

    @classmethod
    def from_text(
        cls, text: str, *, id: str = "text", title: str | None = None, source: str = "<text>",
        strip: bool = True, meta: dict[str, Any] | None = None,
        hard_wrapped: bool | None = None, repair: bool = True,
    ) -> Document:
        """A document from a string, normalised, repaired and cleaned the same way as a file
        (:func:`~analysis.corpus.clean.prepare_text`); ``hard_wrapped`` None detects it.

        >>> Document.from_text("Cafe\\u0301 open.\\n").text == "Caf\\u00e9 open."
        True
        >>> Document.from_text("It didnâ€™t.").text
        'It didn’t.'
        """
        prepared = prepare_text(text, strip=strip, hard_wrapped=hard_wrapped, repair=repair)
        cleaned = prepared.text
        info = {"format": "text", **prepared.info}
        found = title_from(cleaned)
        info["title_from"] = "given" if title else "first line" if found else "first words"
        return cls(id=id, title=title or found or first_words(cleaned) or id, source=source,
                   text=cleaned, removed=tuple(prepared.removed), meta=dict(meta or {}),
                   info=info, repairs=tuple(prepared.repairs))

    @property
    def is_english(self) -> bool:
        return bool(self.info.get("is_english", True))

    @property
    def date(self) -> datetime.date | None:
        """The document's date (``meta["date"]``), or None."""
        return self.meta.get("date")

    @property
    def hard_wrapped(self) -> bool:
        """Whether single line breaks are read as spaces (``info["hard_wrapped"]``)."""
        return bool(self.info.get("hard_wrapped", False))

    @cached_property
    def tokens(self) -> list:
        """The text's word tokens (:func:`analysis.tokenise.tokens`, with
        :attr:`hard_wrapped`), computed once."""
        from analysis.tokenise import tokens

        return tokens(self.text, hard_wrapped=self.hard_wrapped, spans=self.sentence_spans)

    @cached_property
    def sentence_spans(self) -> list[tuple[int, int]]:
        """The text's sentence spans (:func:`analysis.tokenise.sentence_spans`, with
        :attr:`hard_wrapped`), computed once."""
        from analysis.tokenise import sentence_spans

        return sentence_spans(self.text, hard_wrapped=self.hard_wrapped)


_NOT_TITLE_END = (",", ":", ";", "-", "\u2014", "\u2013")


def title_from(text: str, fallback: str | None = None) -> str | None:
    """The first line of ``text`` when it looks like a title, else ``fallback``.

    A title line has 1 to 25 words, at most 200 characters and a letter, and does not end
    like a clause (``,``, ``:``, ``;``, a dash). It may end with ``?`` or ``!``; with a full
    stop only when it is a paragraph of its own (a blank line and more text follow it), as
    titles exported with a final stop are; that stop is dropped, as a headline has none
    (not the stop of an abbreviation: "... in the U.S."). A leading Markdown ``#`` is dropped.

    >>> title_from("Battle for Benghazi\\nMilitias took the city.", "doc")
    'Battle for Benghazi'
    >>> title_from("Militias took the city.\\nThey came at dawn.", "doc")
    'doc'
    >>> title_from("Who will pay for the wall?\\nThe council said...")
    'Who will pay for the wall?'
    >>> title_from("Clinton Was Headed to ER.\\n\\nThe Post reports...")
    'Clinton Was Headed to ER'
    >>> title_from("Jobs return to the U.S.\\n\\nFactories reopened...")
    'Jobs return to the U.S.'
    """
    head, _, rest = text.lstrip().partition("\n")
    first = head.strip().lstrip("#").strip()
    words = first.split()
    if not (0 < len(words) <= 25 and len(first) <= 200 and any(c.isalpha() for c in first)):
        return fallback
    if first.endswith(_NOT_TITLE_END):
        return fallback
    if first.endswith(".") and not (rest.startswith("\n") and rest.strip()):
        return fallback
    if first.endswith(".") and not first.endswith("..") and "." not in words[-1][:-1]:
        first = first[:-1].rstrip()
    return first


def first_words(text: str, n: int = 10) -> str:
    """A stand-in title for a text without one: its first ``n`` words (``…`` when cut).

    >>> first_words("Islamist militias on Thursday claimed to have taken control of Libya's "
    ...             "second largest city.")
    'Islamist militias on Thursday claimed to have taken control of…'
    >>> first_words("Short text.")
    'Short text.'
    """
    words = text.split(None, n)
    if len(words) <= n:
        return " ".join(words)
    return " ".join(words[:n]).rstrip(",;:") + "\u2026"


@dataclass
class Corpus:
    """Documents read from one file or folder, what was skipped and what was noticed.

    ``skipped``: ``(file, problem)`` pairs for files that could not be read and rows of a table
    that hold no text (the problem names the row). ``warnings``: ``(file, problem)`` pairs for
    what was read but is doubtful (an unparseable date: the document is kept without one).
    """

    documents: list[Document]
    root: str = ""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

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

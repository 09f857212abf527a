"""Load text files into documents: decode, normalise, strip web boilerplate, keep what was removed.

A :class:`Document` is one text ready for analysis; a :class:`Corpus` is the documents read from
one file or one folder, plus the files that had to be skipped and why. Nothing is lost silently:
every line that cleaning removes is kept on the document (:attr:`Document.removed`) with the
reason, and every skipped file is listed on the corpus.

>>> doc = Document.from_text("Rain fell.\\r\\nAl Jazeera and The Associated Press\\r\\n")
>>> doc.text
'Rain fell.'
>>> [(r.text, r.reason) for r in doc.removed]
[('Al Jazeera and The Associated Press', 'credit line')]
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "TEXT_SUFFIXES",
    "as_documents",
    "Corpus",
    "Document",
    "InputError",
    "Removed",
    "decode_bytes",
    "english_share",
    "load_corpus",
    "load_document",
    "strip_boilerplate",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: Share of words that must be common English function words for a text to count as English.
ENGLISH_THRESHOLD = 0.15


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
    out; ``metadata`` records how the file was read (encoding, format, line endings, size) and
    the English check (``english_share``, ``is_english``).
    """

    id: str
    title: str
    source: str
    text: str
    removed: tuple[Removed, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_text(
        cls, text: str, *, id: str = "text", title: str | None = None, source: str = "<text>",
        strip: bool = True,
    ) -> Document:
        """A document from a string (normalised and cleaned the same way as a file).

        >>> Document.from_text("Cafe\\u0301 open.\\n").text == "Caf\\u00e9 open."
        True
        """
        normal = normalise_text(text)
        if strip:
            cleaned, removed = strip_boilerplate(normal)
        else:
            cleaned, removed = normal.strip(), ()
        meta = {"format": "text", "characters": len(cleaned)}
        meta.update(_language(cleaned))
        return cls(id=id, title=title or _title_from(cleaned, id), source=source,
                   text=cleaned, removed=tuple(removed), metadata=meta)

    @property
    def is_english(self) -> bool:
        return bool(self.metadata.get("is_english", True))

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

    def frame(self, *, sizes: bool = True) -> pd.DataFrame:
        """One row per document: id, title, source, format, encoding, (with ``sizes``)
        sentences, words and distinct words, characters, lines removed, English check."""
        rows = []
        for d in self.documents:
            m = d.metadata
            rows.append({
                "id": d.id,
                "title": d.title,
                "source": d.source,
                "format": m.get("format", "text"),
                "encoding": m.get("encoding", ""),
                "characters": len(d.text),
                "lines_removed": len(d.removed),
                "english_share": round(float(m.get("english_share", 0.0)), 3),
                "is_english": bool(m.get("is_english", True)),
            })
        cols = ["id", "title", "source", "format", "encoding", "characters", "lines_removed",
                "english_share", "is_english"]
        df = pd.DataFrame(rows, columns=cols)
        if sizes:
            from analysis.tables import document_sizes  # tables imports this module

            counts = document_sizes(self.documents).drop(columns="characters")
            df = df.merge(counts, left_on="id", right_on="document", how="left")
            df = df.drop(columns="document")
            df = df[cols[:5] + ["sentences", "words", "types"] + cols[5:]]
        return df

    def summary(self) -> pd.Series:
        """Totals for the whole corpus: documents, files skipped, sentences, words, characters,
        lines removed, documents that do not look English."""
        frame = self.frame()
        return pd.Series({
            "documents": len(self.documents),
            "files skipped": len(self.skipped),
            "sentences": int(frame["sentences"].sum()),
            "words": int(frame["words"].sum()),
            "characters": int(frame["characters"].sum()),
            "lines removed": int(frame["lines_removed"].sum()),
            "not English": int((~frame["is_english"]).sum()),
        }, name="corpus")

    def removed_frame(self) -> pd.DataFrame:
        """Every line cleaning removed: document, line number, text, reason."""
        rows = [{"document": d.id, "line": r.line, "text": r.text, "reason": r.reason}
                for d in self.documents for r in d.removed]
        return pd.DataFrame(rows, columns=["document", "line", "text", "reason"])

    def skipped_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.skipped, columns=["file", "problem"])


# ---------------------------------------------------------------------------------------------
# Decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document (convert it to text first)"),
    (b"PK\x03\x04", "a ZIP archive or an Office document (convert it to text first)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable program"),
    (b"RIFF", "a RIFF media file"),
    (b"ID3", "an MP3 audio file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (convert it to text first)"),
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_bytes(
    data: bytes, *, encoding: str | None = None, name: str = "<bytes>",
) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding used)``.

    Byte-order marks decide first (UTF-8, UTF-16, UTF-32); then strict UTF-8; then cp1252 (the
    Windows encoding of most older English text, with curly quotes in 0x91-0x94). ``encoding``
    forces one codec. Binary data and undecodable bytes raise :class:`InputError` naming ``name``
    and, for undecodable bytes, the byte offset.

    >>> decode_bytes("\\u201cquoted\\u201d".encode("cp1252"))
    ('“quoted”', 'cp1252')
    >>> decode_bytes(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le"))
    ('hi', 'utf-16')
    """
    if not data:
        raise InputError(name, "the file is empty")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(name, f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            raise InputError(
                name, f"cannot be decoded as {encoding}: byte 0x{data[e.start]:02x} at offset "
                f"{e.start}") from None
        return _check_text(text.removeprefix("\ufeff"), name), encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec).removeprefix("\ufeff"), name), codec
            except UnicodeDecodeError as e:
                raise InputError(
                    name, f"starts with a {codec} byte-order mark but byte offset {e.start} "
                    "cannot be decoded; pass --encoding to force one") from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"is not a text file: it looks like {kind}")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _check_text(data.decode(utf16), name), utf16
        except UnicodeDecodeError:
            pass
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(name, f"is not a text file: it contains NUL bytes (first at offset {nul})")
    try:
        return _check_text(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        return _check_text(data.decode("cp1252"), name), "cp1252"
    except UnicodeDecodeError:
        bad = data[utf8_error.start]
        raise InputError(
            name, f"cannot be decoded: byte 0x{bad:02x} at offset {utf8_error.start} is neither "
            "UTF-8 nor cp1252; pass --encoding (e.g. --encoding latin-1) to force one") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like UTF-16 text without a BOM."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _check_text(text: str, name: str) -> str:
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(name, f"is not a text file: {controls} control characters in its "
                         "first 64 KiB")
    return text


def normalise_text(text: str) -> str:
    """Line endings to ``\\n`` and Unicode to NFC, without changing the words.

    >>> normalise_text("a\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text)


def _line_endings(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [k for k, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    return "+".join(kinds) if kinds else "none"


# ---------------------------------------------------------------------------------------------
# Boilerplate

_AGENCIES = (
    r"(?:the\s+)?associated\s+press|ap|reuters|afp|agence\s+france[- ]presse|al\s+jazeera"
    r"|bbc(?:\s+news)?|cnn|bloomberg|dpa|xinhua|upi|efe|ansa|kyodo(?:\s+news)?|pa(?:\s+media)?"
    r"|press\s+association|aljazeera|news\s+agencies|agencies|wire\s+services|staff"
    r"|the\s+guardian|the\s+new\s+york\s+times|the\s+washington\s+post|tass|interfax|anadolu"
)
_CREDIT = re.compile(
    rf"^\s*(?:(?:source|sources|with\s+(?:files|reporting)\s+from|compiled\s+by|"
    rf"additional\s+reporting\s+by|copyright|©|\(c\))\s*:?\s*)?"
    rf"(?:{_AGENCIES})(?:\s*(?:,|and|&|/|with)\s*(?:{_AGENCIES}))*"
    rf"(?:\s+contributed(?:\s+to\s+this\s+report)?)?\s*[.]?\s*$",
    re.IGNORECASE,
)
_WIDGET = re.compile(
    r"^\s*(?:"
    r"error|loading(?:\s+comments)?\.{0,3}|advertisement|advert|sponsored(?:\s+content)?"
    r"|sorry,?\s+your\s+comment\s+(?:was|could)\s+not\s+(?:be\s+)?saved.*"
    r"|please\s+try\s+again\s+later.*"
    r"|comments?\s+(?:are|is)\s+closed.*|(?:show|view|load|hide)\s+(?:\d+\s+)?comments?.*"
    r"|be\s+the\s+first\s+to\s+comment.*|leave\s+a\s+(?:comment|reply).*"
    r"|sign\s+up\s+for\s+(?:our|the)\s+\w+\s*newsletter.*|subscribe\s+to\s+our\s+newsletter.*"
    r"|share\s+(?:this|on)(?:\s+(?:article|story|page|facebook|twitter|x|email))*\s*:?"
    r"|follow\s+us\s+on\s+(?:twitter|facebook|instagram|x)\b.*"
    r"|click\s+here\s+to\s+.*|read\s+more\s*:?.*|related\s*(?:articles|stories)?\s*:"
    r"|all\s+rights\s+reserved\.?|copyright\s+©?\s*\d{4}.*|©\s*\d{4}.*"
    r"|we\s+use\s+cookies\b.*|accept\s+(?:all\s+)?cookies"
    r"|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|print\s+this\s+(?:article|page)"
    r")\s*$",
    re.IGNORECASE,
)


def strip_boilerplate(text: str) -> tuple[str, list[Removed]]:
    """Remove web-page boilerplate lines; return the cleaned text and what was removed.

    Two kinds of whole lines are removed, anywhere in the text: credit lines made only of news
    agency names ("Al Jazeera and The Associated Press", "Reuters contributed to this report")
    and widget messages (comment-box errors, "Advertisement", share/follow/cookie prompts,
    copyright notices). A line is removed only when the pattern matches the *whole* line, so a
    sentence that mentions the Associated Press stays. Blank lines left at the ends are trimmed.

    >>> text, removed = strip_boilerplate("Officials said so.\\nError\\nSorry, your comment "
    ...     "was not saved due to a technical problem.")
    >>> text
    'Officials said so.'
    >>> [r.reason for r in removed]
    ['widget message', 'widget message']
    >>> strip_boilerplate("The Associated Press reported it.")[1]
    []
    """
    kept: list[str] = []
    removed: list[Removed] = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped and len(stripped) <= 200:
            if _CREDIT.match(stripped):
                removed.append(Removed(number, stripped, "credit line"))
                continue
            if _WIDGET.match(stripped):
                removed.append(Removed(number, stripped, "widget message"))
                continue
        kept.append(line.rstrip())
    cleaned = "\n".join(kept).strip("\n")
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip(), removed


# ---------------------------------------------------------------------------------------------
# Language check

_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it as was with be by on not he i this are or his from at "
    "which but have an they you were her she there been their one all we can has had would "
    "will its who what when if more no so out up into them about than then these some could "
    "also other after said my our over only do did should because any those how where while "
    "both before between through during since against under very most just such being".split()
)
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def english_share(text: str, *, sample: int = 20000) -> float:
    """Share of the words (in the first ``sample`` words) that are common English function words.

    English prose scores about 0.35-0.5; other languages score well under 0.15 (a few short
    words such as "in" or "so" are shared). Texts with no words score 0.

    >>> round(english_share("The cat sat on the mat and looked at the dog."), 2)
    0.55
    >>> english_share("Der Hund schläft im Garten und die Katze spielt.") < 0.15
    True
    """
    count = hits = 0
    for m in _WORDS.finditer(text):
        count += 1
        if m.group().lower() in _ENGLISH_FUNCTION_WORDS:
            hits += 1
        if count >= sample:
            break
    return hits / count if count else 0.0


def _language(text: str) -> dict[str, Any]:
    share = english_share(text)
    return {"english_share": share, "is_english": share >= ENGLISH_THRESHOLD}


# ---------------------------------------------------------------------------------------------
# Files and folders

_SLUG = re.compile(r"[^\w.-]+", re.UNICODE)


def slugify(name: str) -> str:
    """A file-name-safe identifier: letters, digits, '-', '_', '.'.

    >>> slugify("Café report 2014 (final).txt")
    'Café-report-2014-final-.txt'
    """
    slug = _SLUG.sub("-", name.strip()).strip("-.") or "document"
    return slug[:120]


def _title_from(text: str, fallback: str) -> str:
    first = text.split("\n", 1)[0].strip().lstrip("#").strip()
    words = first.split()
    if 0 < len(words) <= 15 and not first.endswith((".", "?", "!", ":", ";", ",")):
        return first
    return fallback


def load_document(
    path: str | Path, *, encoding: str | None = None, root: str | Path | None = None,
    strip: bool = True,
) -> Document:
    """Read one .txt, .md or .html file into a :class:`Document`.

    ``root`` (a folder) makes ``source`` relative to it; otherwise ``source`` is the file name.
    Raises :class:`InputError` naming the file for anything that cannot be read as text.
    """
    path = Path(path)
    shown = str(path)
    if not path.exists():
        raise InputError(shown, "no such file or folder")
    if path.is_dir():
        raise InputError(shown, "is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(shown, f"cannot be read: {e.strerror or e}") from None
    text, used = decode_bytes(data, encoding=encoding, name=shown)
    endings = _line_endings(text)
    fmt = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}.get(
        path.suffix.lower(), "text")
    title = None
    if fmt == "html":
        text, title = _html_article(text, shown)
    normal = normalise_text(text)
    if not normal.strip():
        raise InputError(shown, "contains only whitespace" if text else "the file is empty")
    if strip:
        cleaned, removed = strip_boilerplate(normal)
    else:
        cleaned, removed = normal.strip(), []
    if not cleaned.strip():
        raise InputError(shown, "contains nothing but boilerplate (all lines were removed)")
    source = path.relative_to(root).as_posix() if root else path.name
    stem = path.stem if not root else Path(source).with_suffix("").as_posix()
    meta: dict[str, Any] = {
        "format": fmt,
        "encoding": used,
        "bytes": len(data),
        "line_endings": endings,
        "characters": len(cleaned),
        "nfc_changed": unicodedata.normalize("NFC", text) != text,
    }
    meta.update(_language(cleaned))
    return Document(
        id=slugify(stem), title=title or _title_from(cleaned, path.stem), source=source,
        text=cleaned, removed=tuple(removed), metadata=meta,
    )


def _html_article(html: str, name: str) -> tuple[str, str | None]:
    """The article text and title of an HTML page (trafilatura), or InputError."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False)
    if not text or not text.strip():
        raise InputError(name, "no article text found in the HTML page")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None and meta.title else None
    return text, title


def _iter_files(folder: Path) -> Iterable[Path]:
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            yield path


def load_corpus(
    path: str | Path, *, encoding: str | None = None, strip: bool = True,
) -> Corpus:
    """Load a file, or every .txt/.md/.html file under a folder (sorted, hidden files skipped).

    In a folder, a file that cannot be read is skipped and listed in :attr:`Corpus.skipped`
    while the rest are analysed; when no file can be read, :class:`InputError` says why.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("One story.")
    >>> _ = (folder / "b.txt").write_bytes(b"")
    >>> corpus = load_corpus(folder)
    >>> [d.id for d in corpus], corpus.skipped
    (['a'], [('b.txt', 'the file is empty')])
    """
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    if path.is_file():
        return Corpus([load_document(path, encoding=encoding, strip=strip)],
                      root=str(path.parent))
    if not path.is_dir():
        raise InputError(str(path), "is neither a file nor a folder")
    docs: list[Document] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    try:
        files = list(_iter_files(path))
    except OSError as e:
        raise InputError(str(path), f"cannot be listed: {e.strerror or e}") from None
    for file in files:
        try:
            doc = load_document(file, encoding=encoding, root=path, strip=strip)
        except InputError as e:
            skipped.append((file.relative_to(path).as_posix(), e.problem))
            continue
        doc_id, n = doc.id, 2
        while doc_id in seen:
            doc_id, n = f"{doc.id}-{n}", n + 1
        seen.add(doc_id)
        if doc_id != doc.id:
            doc = Document(doc_id, doc.title, doc.source, doc.text, doc.removed, doc.metadata)
        docs.append(doc)
    if not docs:
        if skipped:
            detail = "; ".join(f"{f}: {p}" for f, p in skipped[:3])
            more = f" (and {len(skipped) - 3} more)" if len(skipped) > 3 else ""
            raise InputError(str(path), f"no readable text file in the folder: {detail}{more}")
        raise InputError(str(path), "the folder holds no .txt, .md or .html file")
    return Corpus(docs, root=str(path), skipped=skipped)


def as_documents(source: str | Document | Corpus | Iterable[Document]) -> list[Document]:
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

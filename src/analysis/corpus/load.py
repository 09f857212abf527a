"""Reading inputs: a file or a folder of files into a :class:`~analysis.corpus.model.Corpus`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analysis.corpus.clean import language_check, strip_boilerplate
from analysis.corpus.decode import decode_bytes, line_endings, normalise_text
from analysis.corpus.model import Corpus, Document, InputError, title_from

__all__ = ["TEXT_SUFFIXES", "load_corpus", "load_document", "slugify"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


_SLUG = re.compile(r"[^\w.-]+", re.UNICODE)


def slugify(name: str) -> str:
    """A file-name-safe identifier: letters, digits, '-', '_', '.'.

    >>> slugify("Café report 2014 (final).txt")
    'Café-report-2014-final-.txt'
    """
    slug = _SLUG.sub("-", name.strip()).strip("-.") or "document"
    return slug[:120]



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
    endings = line_endings(text)
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
    info: dict[str, Any] = {
        "format": fmt,
        "encoding": used,
        "bytes": len(data),
        "line_endings": endings,
        "characters": len(cleaned),
        "nfc_changed": unicodedata.normalize("NFC", text) != text,
    }
    info.update(language_check(cleaned))
    return Document(
        id=slugify(stem), title=title or title_from(cleaned, path.stem), source=source,
        text=cleaned, removed=tuple(removed), info=info,
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
            doc = Document(doc_id, doc.title, doc.source, doc.text, doc.removed, doc.meta,
                           doc.info)
        docs.append(doc)
    if not docs:
        if skipped:
            detail = "; ".join(f"{f}: {p}" for f, p in skipped[:3])
            more = f" (and {len(skipped) - 3} more)" if len(skipped) > 3 else ""
            raise InputError(str(path), f"no readable text file in the folder: {detail}{more}")
        raise InputError(str(path), "the folder holds no .txt, .md or .html file")
    return Corpus(docs, root=str(path), skipped=skipped)

"""From bytes to text: byte-order marks, UTF-8, UTF-16, cp1252, binary files, Unicode NFC."""

from __future__ import annotations

import codecs
import re
import unicodedata

from analysis.corpus.base import InputError

__all__ = ["decode_bytes", "line_endings", "normalise_text", "sniff_encoding"]


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
    forces one codec. U+FEFF characters at the very start are byte-order marks, not text, and
    are dropped. Binary data, undecodable bytes and a file that is empty or holds nothing but a
    byte-order mark raise :class:`InputError` naming ``name`` (for undecodable bytes, with the
    byte offset).

    >>> decode_bytes("\\u201cquoted\\u201d".encode("cp1252"))
    ('“quoted”', 'cp1252')
    >>> decode_bytes(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le"))
    ('hi', 'utf-16')
    >>> decode_bytes(codecs.BOM_UTF8, name="bom.txt")
    Traceback (most recent call last):
    ...
    analysis.corpus.base.InputError: bom.txt: the file is empty (it holds only a byte-order mark)
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
        return _check_text(text, name), encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec), name), codec
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
    text = text.lstrip("\ufeff")
    if not text:
        raise InputError(name, "the file is empty (it holds only a byte-order mark)")
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


def line_endings(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [k for k, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    return "+".join(kinds) if kinds else "none"



def sniff_encoding(
    head: bytes, *, encoding: str | None = None, name: str = "<bytes>", complete: bool = False,
) -> str:
    """The codec to read a file with, decided from its first bytes ``head`` by the rules of
    :func:`decode_bytes` (``complete``: ``head`` is the whole file). For files read as a
    stream (tables): a later byte that the codec cannot decode is reported with its line.

    >>> sniff_encoding(codecs.BOM_UTF8 + b"text,date")
    'utf-8-sig'
    >>> sniff_encoding("caf\\u00e9".encode("utf-8")[:-1])  # cut inside a character
    'utf-8'
    >>> sniff_encoding("caf\\u00e9".encode("cp1252"), complete=True)
    'cp1252'
    """
    if not head:
        raise InputError(name, "the file is empty")
    if encoding:
        try:
            return codecs.lookup(encoding).name
        except LookupError:
            raise InputError(name, f"unknown encoding {encoding!r}") from None
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise InputError(name, f"is not a text file: it looks like {kind}")
    utf16 = _utf16_without_bom(head[: len(head) // 2 * 2])
    if utf16:
        return utf16
    nul = head.find(b"\x00")
    if nul >= 0:
        raise InputError(name, f"is not a text file: it contains NUL bytes (first at offset {nul})")
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:
        if not complete and e.start >= len(head) - 3 and e.reason == "unexpected end of data":
            return "utf-8"
        utf8_error = e
    try:
        head.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        bad = head[utf8_error.start]
        raise InputError(
            name, f"cannot be decoded: byte 0x{bad:02x} at offset {utf8_error.start} is neither "
            "UTF-8 nor cp1252; pass --encoding (e.g. --encoding latin-1) to force one") from None

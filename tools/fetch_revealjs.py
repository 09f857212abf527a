"""Fetch a pinned reveal.js from the npm registry for the offline slide decks.

``make install`` runs::

    python tools/fetch_revealjs.py --dest .venv/share/news-text-analysis/reveal.js/

It downloads ``reveal.js-VERSION.tgz`` (the npm package tarball), checks it against the
sha512 "integrity" value pinned below (the one the registry publishes for that version),
and extracts only ``dist/`` and ``plugin/`` into ``--dest``. ``analysis.report`` then inlines
``dist/reveal.css``, a theme and ``dist/reveal.js`` + ``plugin/notes/notes.js`` into every
``*.slides.html`` so a deck opens from a file with no network.

reveal.js 4.x is what nbconvert 7's reveal template is written for (``Reveal.initialize``
with ``plugins: [RevealNotes]``); 4.6.1 is the last 4.x release.

``--tarball FILE`` installs from a tarball already on disk (offline machines); its
integrity is checked the same way. Nothing is written into ``--dest`` unless the whole
tarball verified and extracted.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path, PurePosixPath

VERSION = "4.6.1"
TARBALL_URL = f"https://registry.npmjs.org/reveal.js/-/reveal.js-{VERSION}.tgz"
# The registry's dist.integrity for reveal.js 4.6.1.
INTEGRITY = (
    "sha512-1CW0auaXNPmwmvQ7TwpszwVxMi2Xr5cTS3J3EBC/HHgbPF32Dn7aiu/LKWDOGjMbaDwKQiGmfqcoGQ74HUHCMw=="
)
# Top-level folders of the npm package (under "package/") that we keep.
KEEP = ("dist", "plugin")
# Files report.py needs; their absence after extraction is an error.
REQUIRED = ("dist/reveal.js", "dist/reveal.css", "dist/theme/white.css", "plugin/notes/notes.js")


class FetchError(RuntimeError):
    """Download, verification or extraction failed."""


def integrity_of(data: bytes) -> str:
    """The npm/SRI integrity string (``sha512-<base64>``) of ``data``.

    >>> integrity_of(b"")[:20]
    'sha512-z4PhNX7vuL3xV'
    """
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def verify(data: bytes, *, expected: str = INTEGRITY) -> None:
    """Raise FetchError unless ``data`` has the ``expected`` integrity string.

    >>> verify(b"", expected=integrity_of(b""))
    >>> try:
    ...     verify(b"x", expected=integrity_of(b""))
    ... except FetchError as exc:
    ...     print(str(exc)[:18])
    integrity mismatch
    """
    actual = integrity_of(data)
    if actual != expected:
        raise FetchError(f"integrity mismatch: expected {expected[:20]}..., got {actual[:7]}...")


def download(url: str = TARBALL_URL, *, timeout: float = 60.0) -> bytes:
    """The bytes at ``url`` (the registry tarball)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (fixed URL)
            return response.read()
    except OSError as exc:  # URLError is an OSError
        raise FetchError(f"cannot download {url}: {exc}") from exc


def extract(data: bytes, dest: Path, *, keep: tuple[str, ...] = KEEP) -> list[str]:
    """Extract the ``package/<keep>/...`` regular files of the tarball ``data`` into ``dest``.

    Members outside ``keep``, links, devices and any path that would leave ``dest`` are
    ignored. ``dest`` is replaced as a whole (built beside it, then renamed into place), so
    an interrupted extraction never leaves a half-filled folder. Returns the relative paths
    written, sorted.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".reveal-", dir=dest.parent))
    written: list[str] = []
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for member in tar.getmembers():
                parts = PurePosixPath(member.name).parts
                if len(parts) < 3 or parts[0] != "package" or parts[1] not in keep:
                    continue
                if not member.isfile() or any(p in ("..", "") for p in parts):
                    continue
                rel = PurePosixPath(*parts[1:])
                target = work.joinpath(*rel.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                assert source is not None
                with source, open(target, "wb") as out:
                    shutil.copyfileobj(source, out)
                written.append(str(rel))
        missing = [r for r in REQUIRED if not (work / r).is_file()] if keep == KEEP else []
        if missing:
            raise FetchError(f"tarball lacks {', '.join(missing)}")
        (work / "VERSION").write_text(VERSION + "\n", encoding="utf-8")
        old = None
        if dest.exists():
            old = Path(tempfile.mkdtemp(prefix=".reveal-old-", dir=dest.parent))
            os.replace(dest, old / "x")
        os.replace(work, dest)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return sorted(written)


def fetch(dest: Path, *, tarball: Path | None = None, expected: str = INTEGRITY) -> list[str]:
    """Download (or read ``tarball``), verify and extract reveal.js into ``dest``."""
    data = Path(tarball).read_bytes() if tarball else download()
    verify(data, expected=expected)
    return extract(data, Path(dest))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, required=True, help="folder to create")
    parser.add_argument("--tarball", type=Path, help=f"use this reveal.js-{VERSION}.tgz")
    args = parser.parse_args(argv)
    try:
        files = fetch(args.dest, tarball=args.tarball)
    except (FetchError, OSError, tarfile.TarError) as exc:
        print(f"error: reveal.js {VERSION}: {exc}", file=sys.stderr)
        return 1
    print(f"reveal.js {VERSION}: {len(files)} files in {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

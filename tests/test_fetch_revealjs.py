"""tools/fetch_revealjs.py: only a tarball with the pinned checksum is installed, and only
its dist/ and plugin/ files, inside the destination."""

from __future__ import annotations

import base64
import importlib.util
import io
import tarfile
from pathlib import Path

import pytest
from report_helpers import ROOT

SCRIPT = ROOT / "tools" / "fetch_revealjs.py"
spec = importlib.util.spec_from_file_location("fetch_revealjs", SCRIPT)
fetch_revealjs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fetch_revealjs)


def tarball(members: dict[str, bytes], *, links: tuple[str, ...] = ()) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for name in links:
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = "/etc/passwd"
            tar.addfile(info)
    return buf.getvalue()


GOOD = {
    "package/dist/reveal.js": b"var Reveal = {};",
    "package/dist/reveal.css": b".reveal {}",
    "package/dist/theme/white.css": b"@import url(./fonts/x.css);\n.reveal { color: #222; }",
    "package/plugin/notes/notes.js": b"var RevealNotes = {};",
    "package/README.md": b"not kept",
    "package/dist/../../escaped.txt": b"must not leave dest",
}


def test_pinned_integrity_is_a_sha512():
    assert fetch_revealjs.INTEGRITY.startswith("sha512-")
    assert len(base64.b64decode(fetch_revealjs.INTEGRITY[7:])) == 64
    assert fetch_revealjs.TARBALL_URL.endswith(f"reveal.js-{fetch_revealjs.VERSION}.tgz")
    assert fetch_revealjs.VERSION.startswith("4.")  # what nbconvert 7's reveal template expects


def test_verified_tarball_installs_dist_and_plugin_only(tmp_path):
    data = tarball(GOOD, links=("package/dist/link.js",))
    tgz = tmp_path / "reveal.tgz"
    tgz.write_bytes(data)
    dest = tmp_path / "share" / "reveal.js"
    written = fetch_revealjs.fetch(dest, tarball=tgz, expected=fetch_revealjs.integrity_of(data))
    assert written == ["dist/reveal.css", "dist/reveal.js", "dist/theme/white.css",
                       "plugin/notes/notes.js"]
    assert (dest / "dist" / "reveal.js").read_bytes() == b"var Reveal = {};"
    assert (dest / "VERSION").read_text().strip() == fetch_revealjs.VERSION
    assert not (dest / "README.md").exists() and not (dest / "dist" / "link.js").exists()
    assert not any(p.name == "escaped.txt" for p in tmp_path.rglob("*"))


def test_wrong_checksum_installs_nothing(tmp_path, capsys):
    dest = tmp_path / "reveal.js"
    dest.mkdir()
    (dest / "old.txt").write_text("previous install")
    tgz = tmp_path / "reveal.tgz"
    tgz.write_bytes(tarball(GOOD))  # not the pinned release
    assert fetch_revealjs.main(["--dest", str(dest), "--tarball", str(tgz)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "integrity mismatch" in err[0]
    assert [p.name for p in dest.iterdir()] == ["old.txt"]


def test_incomplete_tarball_is_refused(tmp_path):
    data = tarball({"package/dist/reveal.js": b"x"})
    with pytest.raises(fetch_revealjs.FetchError, match="lacks"):
        fetch_revealjs.extract(data, tmp_path / "reveal.js")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_installed_copy_is_the_pinned_release():
    """The copy `make install` fetched (the one the slide decks inline) is the pinned one."""
    from analysis import report

    folder = report.reveal_dir()
    assert (folder / "VERSION").read_text().strip() == fetch_revealjs.VERSION
    assert Path(folder / "dist" / "reveal.js").stat().st_size > 50_000

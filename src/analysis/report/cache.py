"""What a report's cache key is made of, and the record of what was built.

A notebook is executed again only when its key changes. The key covers the notebook's bytes,
the input's bytes (:func:`input_digest`), the ``analysis`` package's files
(:func:`package_digest`), the Python version, the installed distributions and the kernel
(:func:`environment_digest`), the parameters it receives, its exports, reveal.js for slides,
and the digest returned by the prepare step (:mod:`analysis.report.prepare`).

``DIR/<slug>/manifest.json`` records, per notebook, its key, title, summary and the sha256 of
each file written; a previous output is reused only when its key matches and its files are
intact (:func:`reusable`). ``DIR/.timings.json`` keeps the last durations, so the longest
notebooks start first (:func:`longest_first`).

>>> key = notebook_key(b"{}", common="c", parameters={"top": 5}, exports=("html",))
>>> key == notebook_key(b"{}", common="c", parameters={"top": 5}, exports=("html",))
True
>>> key == notebook_key(b"{}", common="c", parameters={"top": 6}, exports=("html",))
False
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from analysis.store.keys import input_digest, package_digest

__all__ = [
    "FORMAT",
    "MANIFEST",
    "TIMINGS",
    "environment_digest",
    "input_digest",
    "longest_first",
    "notebook_key",
    "package_digest",
    "read_manifest",
    "read_timings",
    "reusable",
    "sha256",
    "write_manifest",
    "write_timings",
]

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/analysis
MANIFEST = "manifest.json"
TIMINGS = ".timings.json"  # seconds per notebook of the last runs, to start the longest first
FORMAT = 2  # bump when the layout or cleaning of the outputs changes (invalidates caches)


def sha256(data: bytes) -> str:
    """The hex sha256 of ``data``.

    >>> sha256(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def environment_digest(kernel: str) -> str:
    """sha256 over the Python version, the installed distributions (their ``*.dist-info``
    folder names carry name and version) and the kernel's command line."""
    import platform

    names: list[str] = []
    for entry in sys.path:
        with contextlib.suppress(OSError):
            names.extend(n for n in os.listdir(entry or ".")
                         if n.endswith((".dist-info", ".egg-info", ".egg-link", ".pth")))
    h = hashlib.sha256()
    h.update(f"{platform.python_implementation()} {platform.python_version()}\n".encode())
    h.update("\n".join(sorted(names)).encode())
    h.update(f"\nkernel={kernel}\nformat={FORMAT}\n".encode())
    with contextlib.suppress(Exception):
        from jupyter_client.kernelspec import KernelSpecManager

        spec = KernelSpecManager().get_kernel_spec(kernel)
        h.update(json.dumps(spec.argv).encode())
    return h.hexdigest()




def notebook_key(
    notebook: bytes, *, common: str, parameters: Mapping[str, Any], exports: Iterable[str]
) -> str:
    """The cache key of one notebook: its bytes, the run's common digest, its parameters
    and exports."""
    source = json.dumps({"nb": sha256(notebook), "common": common,
                         "parameters": dict(parameters), "exports": list(exports)},
                        sort_keys=True)
    return sha256(source.encode())


# --------------------------------------------------------------------------- manifest


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """``folder/manifest.json`` when it is a manifest of this :data:`FORMAT`, else None."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def write_manifest(folder: Path, manifest: Mapping[str, Any]) -> None:
    """Write ``folder/manifest.json`` (sorted keys, so the same run gives the same bytes)."""
    data = {"format": FORMAT, **manifest}
    (folder / MANIFEST).write_text(
        json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def reusable(old: Mapping[str, Any] | None, folder: Path, name: str,
             key: str) -> dict[str, Any] | None:
    """The previous manifest entry of ``name`` if its key matches and its files are intact."""
    if not old:
        return None
    entry = next((e for e in old.get("notebooks", []) if e.get("name") == name), None)
    if not entry or entry.get("key") != key:
        return None
    for fname, digest in entry.get("sha256", {}).items():
        try:
            if sha256((folder / fname).read_bytes()) != digest:
                return None
        except OSError:
            return None
    return dict(entry)


# --------------------------------------------------------------------------- timings


def read_timings(out: Path) -> dict[str, dict[str, float]]:
    """``out/.timings.json``: seconds per notebook per report folder (empty when unreadable)."""
    try:
        data = json.loads((out / TIMINGS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_timings(out: Path, slug: str, seconds: Mapping[str, float]) -> None:
    """Remember how long each notebook took (best effort: only a scheduling hint)."""
    data = read_timings(out)
    entry = data.get(slug) if isinstance(data.get(slug), dict) else {}
    entry.update({name: round(sec, 2) for name, sec in seconds.items()})
    data[slug] = entry
    with contextlib.suppress(OSError):
        fd, tmp = tempfile.mkstemp(prefix=".timings-", dir=out)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, sort_keys=True)
        os.replace(tmp, out / TIMINGS)


def longest_first(names: list[str], seconds: Mapping[str, Any]) -> list[str]:
    """``names`` by decreasing duration last time (unknown ones first, in their order): with
    a worker pool taking tasks in order, that is the longest-processing-time-first schedule.

    >>> longest_first(["a", "b", "c"], {"a": 1.0, "c": 9.5})
    ['b', 'c', 'a']
    """

    def key(item: tuple[int, str]) -> tuple[float, int]:
        index, name = item
        value = seconds.get(name)
        known = isinstance(value, int | float)
        return (-(value if known else float("inf")), index)

    return [name for _, name in sorted(enumerate(names), key=key)]

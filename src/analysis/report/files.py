"""The output folder: one run at a time, built aside, swapped into place in one rename.

A run builds everything in a hidden temporary folder inside ``DIR`` and renames it to
``DIR/<slug>`` only when every notebook succeeded (:func:`swap_into_place`), so a failure,
Ctrl-C or a full disk leaves the previous reports as they were. A lock file keeps two runs
from writing the same folder (:func:`output_folder`); a run killed half-way is cleaned up by
the next one (:func:`recover`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from analysis.report.errors import ReportError

__all__ = ["OutputFolder", "link_or_copy", "new_build_folder", "output_folder", "recover",
           "swap_into_place",
           "umask", "write_atomically"]


class OutputFolder:
    """The locked output folder: ``path`` (absolute), ``lock_fd`` (the lock's descriptor, for
    worker processes to close), ``created`` (made by this run)."""

    def __init__(self, path: Path, lock_fd: int | None, created: bool):
        self.path, self.lock_fd, self.created = path, lock_fd, created


@contextlib.contextmanager
def output_folder(out: Path) -> Iterator[OutputFolder]:
    """Create ``out`` if needed, check it is writable, hold its lock during the run.

    When the run fails before anything was committed (``ReportError``/``InputError`` from
    the prepare step, say) and this run created the folder, the folder is removed again:
    nothing is left behind. Raises :class:`ReportError` when the folder cannot be written or
    another run holds the lock.
    """
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out, prefix=".probe-", delete=True)
        probe.close()
    except OSError as exc:
        raise ReportError(f"{out}: cannot write reports there: {exc.strerror or exc}") from None
    path = Path(os.path.abspath(out))
    try:
        with _lock(path) as fd:
            yield OutputFolder(path, fd, created)
    except BaseException:
        if created and _only_scratch(path):
            shutil.rmtree(path, ignore_errors=True)
        raise


def _only_scratch(path: Path) -> bool:
    """True when ``path`` holds no report (only hidden files: lock, store, timings)."""
    with contextlib.suppress(OSError):
        return all(p.name.startswith(".") for p in path.iterdir())
    return False


@contextlib.contextmanager
def _lock(out: Path) -> Iterator[int | None]:
    """One report run at a time per output folder (POSIX ``flock``; elsewhere no lock)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield None
        return
    handle = open(out / ".lock", "a")  # noqa: SIM115
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ReportError(f"{out}: another report run is writing here") from None
        yield handle.fileno()
    finally:
        handle.close()


def recover(out: Path, slug: str) -> None:
    """Undo what a killed run left: stale temporary folders; a backup whose swap was cut."""
    final = out / slug
    for stale in out.glob(f".{slug}.old-*"):
        if not final.exists():
            os.replace(stale, final)
        else:
            shutil.rmtree(stale, ignore_errors=True)
    for stale in out.glob(f".{slug}.new-*"):
        shutil.rmtree(stale, ignore_errors=True)


def new_build_folder(out: Path, slug: str) -> Path:
    """A fresh hidden folder ``out/.<slug>.new-XXXX`` to build into (readable like a report
    folder: ``mkdtemp`` would make it private)."""
    build = Path(tempfile.mkdtemp(prefix=f".{slug}.new-", dir=out))
    build.chmod(0o777 & ~umask())
    return build


def swap_into_place(build: Path, final: Path) -> None:
    """Rename ``build`` to ``final``; the old ``final`` is kept until the rename succeeded.
    Ctrl-C is held back during the two renames, so it cannot fall between them."""
    blocked = hasattr(signal, "pthread_sigmask")
    if blocked:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        backup = None
        if final.exists():
            backup = final.parent / f".{final.name}.old-{os.getpid()}"
            os.replace(final, backup)
        try:
            os.replace(build, final)
        except BaseException:
            if backup is not None:
                os.replace(backup, final)
            raise
    finally:
        if blocked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``target`` through a temporary file and one rename (never half-written)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    try:
        os.chmod(tmp, 0o666 & ~umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def umask() -> int:
    """The process's umask (read without changing it for more than an instant)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def link_or_copy(src: Path, dst: Path) -> None:
    """Hard-link ``src`` to ``dst`` (a reused output), or copy it where links fail."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)

"""Notebooks in parallel worker processes, and what the user sees meanwhile.

papermill changes the process-wide working directory, so notebooks run in processes, not
threads: a pool forked from the main process (which has imported papermill and nbconvert
once, ~1 s saved per worker), one kernel per notebook. On any exception in the main process
(Ctrl-C, an error from a worker such as a full disk) the workers and their kernels are killed
before it propagates.

:class:`Progress` is the display: a live bar on a terminal; elsewhere (CI logs, make) one line
per finished step, and for long steps a line every few seconds.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from analysis.report.errors import ReportError
from analysis.report.worker import Task, TaskResult, run_task, worker_init

__all__ = ["Progress", "run_tasks"]


class Progress:
    """Progress on stderr: ``progress`` True (a live bar), False (nothing), None (a bar on a
    terminal, else plain lines).

    >>> shown = Progress(False)
    >>> with shown.counter("prepare", unit="doc") as tick:
    ...     tick(1, 2); tick(2, 2)
    >>> shown.line("nothing is printed")
    """

    EVERY = 10.0  # seconds between plain progress lines of a long step

    def __init__(self, progress: bool | None):
        self.show = progress is not False
        self.live = sys.stderr.isatty() if progress is None else bool(progress)
        self._bar: Any = None

    def bar(self, total: int, desc: str, unit: str, delay: float = 0.0) -> Any:
        """A tqdm bar (disabled unless live; shown after ``delay`` seconds); close it when
        done."""
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread (workers are forked)
        self._bar = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr,
                         disable=not (self.show and self.live), leave=False,
                         dynamic_ncols=True, delay=delay)
        return self._bar

    def line(self, text: str) -> None:
        """One line for the user (above the live bar, if any)."""
        if not self.show:
            return
        if self.live and self._bar is not None and not self._bar.disable:
            self._bar.write(text, file=sys.stderr)
        else:
            print(text, file=sys.stderr, flush=True)

    @contextlib.contextmanager
    def counter(self, desc: str, unit: str) -> Iterator[Callable[[int, int], None]]:
        """A ``tick(done, total)`` callback for a step that counts (documents): a live bar,
        or a plain line every :attr:`EVERY` seconds."""
        bar = self.bar(0, desc, unit, delay=0.5)  # nothing flashes for a quick step
        last = [time.monotonic()]

        def tick(done: int, total: int) -> None:
            if bar.total != total:
                bar.total = total
            bar.n = done
            bar.refresh()
            now = time.monotonic()
            if self.show and not self.live and now - last[0] >= self.EVERY and done < total:
                last[0] = now
                print(f"{desc}: {done:,}/{total:,} {unit}s", file=sys.stderr, flush=True)

        try:
            yield tick
        finally:
            bar.close()
            self._bar = None


def _kill_kernels(build: Path) -> None:
    """Kill every kernel whose pid file is still in ``build/.kernels`` (its worker died)."""
    folder = build / ".kernels"
    if not folder.is_dir():
        return
    killed = []
    for pidfile in folder.glob("*.pid"):
        with contextlib.suppress(ValueError, OSError):
            pid = int(pidfile.read_text())
            cmdline = Path(f"/proc/{pid}/cmdline")
            command = cmdline.read_bytes() if cmdline.exists() else b"ipykernel"
            if b"ipykernel" not in command and b"forkserver" not in command:
                continue  # the pid was reused by something else
            os.killpg(pid, signal.SIGKILL)  # kernels run in their own session (pgid == pid)
            killed.append(pid)
    deadline = time.monotonic() + 2
    while killed and time.monotonic() < deadline:  # wait until they are gone (or zombies)
        killed = [p for p in killed if _alive(p)]
        time.sleep(0.01)


def _alive(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie (Linux /proc; elsewhere: kill(pid, 0))."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        if sys.platform.startswith("linux"):
            return False
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True


def _pool_context() -> Any:
    # fork shares the parent's imports (papermill, nbconvert) with the workers: ~1 s per worker
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _warm_imports() -> None:
    """Import what workers need before forking them, so each does not pay for it again."""
    import jupyter_client.manager  # noqa: F401
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401
    from nbconvert.exporters import html, slides  # noqa: F401

    from analysis.report.export import warm_exporters

    warm_exporters()



def _stop(executor: Any, build: Path) -> None:
    """Kill the pool's workers and their kernels (after Ctrl-C or an error)."""
    processes = []  # the pool's worker processes (a private attribute: no public one)
    if executor is not None:
        processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    _kill_kernels(build)
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
    if executor is not None:
        executor.shutdown(wait=False, cancel_futures=True)


def run_tasks(
    tasks: list[Task],
    *,
    jobs: int,
    build: Path,
    progress: Progress,
    desc: str,
    close_fds: tuple[int, ...] = (),
    forks: str | None = None,
) -> list[TaskResult]:
    """Run ``tasks`` in up to ``jobs`` worker processes; results in the order of ``tasks``.

    ``close_fds`` are descriptors the workers close at start (the main process's lock);
    ``forks`` is the socket of a kernel fork server (:func:`forkserver.running`), else every
    kernel is started from scratch.
    Raises :class:`ReportError` when a worker process dies (out of memory) and re-raises
    anything else after stopping every worker and kernel.
    """
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    if not tasks:
        return []
    ctx = _pool_context()
    status = ctx.SimpleQueue()
    results: list[TaskResult] = []
    running: list[str] = []
    bar = progress.bar(len(tasks), desc, "nb")
    executor: Any = None
    try:
        _warm_imports()
        executor = ProcessPoolExecutor(max(1, min(jobs, len(tasks))), mp_context=ctx,
                                       initializer=worker_init,
                                       initargs=(status, close_fds, forks))
        pending = {executor.submit(run_task, t) for t in tasks}
        while pending:
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            while not status.empty():
                event, name = status.get()
                if event == "start":
                    running.append(name)
                elif name in running:
                    running.remove(name)
                bar.set_postfix_str(", ".join(running), refresh=False)
            for future in done:
                try:
                    result = future.result()  # re-raises a worker's unexpected exception
                except BrokenProcessPool:
                    raise ReportError(
                        "a worker process died (out of memory?) while running "
                        + (", ".join(running) or "the notebooks")
                    ) from None
                results.append(result)
                mark = "done" if result.ok else "FAILED"
                progress.line(f"{mark}: {result.name} ({result.seconds:.1f} s) "
                              f"[{len(results)}/{len(tasks)}]")
                bar.update(1)
    except BaseException:
        _stop(executor, build)
        raise
    finally:
        bar.close()
    executor.shutdown(wait=True)
    _kill_kernels(build)  # nothing should be left; belt and braces
    order = {t.name: i for i, t in enumerate(tasks)}
    return sorted(results, key=lambda r: order[r.name])

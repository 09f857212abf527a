"""One notebook in one worker process: start a kernel, execute with papermill, write the
executed notebook and its HTML exports into the build folder.

Runs in the worker processes of :mod:`analysis.report.pool` (forked from the main process, so
papermill and nbconvert are already imported). A notebook that raises, a kernel that dies or
times out, becomes a :class:`TaskResult` with ``ok=False`` and a one-line error naming the
cell (:func:`failure_line`); the partly executed notebook is kept in ``build/.failed``.
Each kernel's pid is written to ``build/.kernels`` so that the main process can kill it if
the worker itself is killed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from analysis.report import export
from analysis.report.notebooks import (
    KERNEL_DISPLAY_NAME,
    KERNEL_NAME,
    clean_notebook,
    dumps,
    outputs_into,
    read_notebook,
    title_and_summary,
)
from analysis.report.parameters import inject_parameters

__all__ = ["KERNEL_ENV", "Task", "TaskResult", "failure_line", "kernel_env", "run_task",
           "worker_init"]

# What the kernels run with, whatever the caller's environment: string hashing fixed (set
# order), and matplotlib's inline backend (a global MPLBACKEND=agg would drop every figure).
KERNEL_ENV = {
    "PYTHONHASHSEED": "0",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}


@dataclass(frozen=True)
class Task:
    """One notebook to execute and export (picklable: it crosses into a worker process)."""

    name: str  # NN_name
    source: Path  # notebooks/NN_name.ipynb
    cwd: Path  # the kernel's working directory
    build: Path  # where the outputs go (a temporary folder)
    kernel: str
    parameters: dict[str, Any] | None  # None: run with the defaults, inject nothing
    exports: tuple[str, ...] = ()  # "html", "presentation", "slides"
    refresh: bool = False  # write the notebook with its new outputs, no papermill metadata
    reveal: Path | None = None  # reveal.js folder, for slides
    input_title: str = ""  # the input's display title, shown on the HTML pages


@dataclass
class TaskResult:
    """What a worker did with one :class:`Task`."""

    name: str
    ok: bool
    files: dict[str, str] = field(default_factory=dict)  # kind -> file name in build
    title: str = ""
    summary: str = ""
    seconds: float = 0.0
    error: str = ""  # one line, without the notebook name
    failed_notebook: str | None = None  # partly executed notebook (in build/.failed)


_STATUS: Any = None  # queue to the main process: ("start" | "done", name)
_FORKS: str | None = None  # the kernel fork server's socket (analysis.report.forkserver)
_INHERITED_FDS: list[int] = []  # descriptors of the main process a worker must not hold


def worker_init(status: Any, close_fds: tuple[int, ...] = (), forks: str | None = None) -> None:
    """Runs first in each worker process: Ctrl-C is the main process's business; the main
    process's lock on the output folder (``close_fds``) is not the worker's to hold; kernels
    come from the fork server at ``forks`` when there is one."""
    from analysis.store.run import exit_with_parent

    global _STATUS, _FORKS
    _STATUS, _FORKS = status, forks
    exit_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for fd in close_fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    import logging

    for name in ("papermill", "traitlets", "nbclient"):  # failures get our one-line message
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _notify(event: str, name: str) -> None:
    if _STATUS is not None:
        with contextlib.suppress(Exception):
            _STATUS.put((event, name))


def kernel_env() -> dict[str, str]:
    """The environment every kernel runs with: this process's, plus :data:`KERNEL_ENV`.

    >>> kernel_env()["PYTHONHASHSEED"]
    '0'
    """
    env = dict(os.environ)
    env.update(KERNEL_ENV)
    return env


@contextlib.contextmanager
def _kernel(task: Task) -> Iterator[Any]:
    """A started kernel for ``task`` whose pid is recorded in ``build/.kernels`` so that the
    main process can kill it if this worker is killed; always stopped on exit."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    work = task.build / ".kernels"
    work.mkdir(parents=True, exist_ok=True)
    km = AsyncKernelManager(
        kernel_name=task.kernel, connection_file=str(work / f"{task.name}.json")
    )
    if _FORKS is not None:
        from analysis.report.forkserver import ForkProvisioner

        km.kernel_id = km.kernel_id or str(uuid.uuid4())
        km.provisioner = ForkProvisioner(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec,
                                         parent=km)
        km.provisioner.server = _FORKS
    log = open(work / f"{task.name}.log", "ab")  # noqa: SIM115 (closed below)
    pidfile = work / f"{task.name}.pid"
    try:
        run_sync(km.start_kernel)(
            cwd=str(task.cwd), env=kernel_env(), stdout=log, stderr=log
        )
        pid = getattr(km.provisioner, "pid", None)
        if pid:
            pidfile.write_text(str(pid))
        yield km
    finally:
        with contextlib.suppress(Exception):
            run_sync(km.shutdown_kernel)(now=True)
        log.close()
        pidfile.unlink(missing_ok=True)


def failure_line(
    exc: BaseException, nb: nbformat.NotebookNode, *, cell_index: int | None = None
) -> str:
    """'cell N (In [k]: first line): Name: value', N counted in the source notebook (without
    the injected-parameters cell), for a cell that raised or the cell running when the
    kernel died or timed out."""
    from papermill.exceptions import PapermillExecutionError

    ename, value, count = type(exc).__name__, str(exc), None
    if isinstance(exc, PapermillExecutionError):
        cell_index, ename, value, count = exc.cell_index, exc.ename, exc.evalue, exc.exec_count
    value = " ".join(str(value).split())
    if len(value) > 200:
        value = value[:197] + "..."
    error = f"{ename}: {value}" if value else ename
    if cell_index is None or not 0 <= cell_index < len(nb.cells):
        return error
    injected = [i for i, c in enumerate(nb.cells)
                if "injected-parameters" in c.metadata.get("tags", [])]
    position = cell_index - sum(1 for i in injected if i < cell_index)
    cell = nb.cells[cell_index]
    if count is None:
        count = cell.get("execution_count")
    first = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
    if len(first) > 60:
        first = first[:57] + "..."
    label = f"In [{count}]" if count else "In [ ]"
    where = f"cell {position + 1} ({label}: {first})" if first else f"cell {position + 1} ({label})"
    return f"{where}: {error}"




def _execute(task: Task, nb: nbformat.NotebookNode, partial: Path,
             state: dict[str, Any]) -> Any:
    """papermill on ``nb`` in a kernel of our own; ``state`` follows the notebook being
    executed and its current cell (for the error line when the kernel dies)."""
    import papermill

    def on_start(notebook: Any = None, **_: Any) -> None:
        state["nb"] = notebook

    def on_cell(cell_index: int | None = None, **_: Any) -> None:
        state["cell"] = cell_index

    with _kernel(task) as km:
        return papermill.execute_notebook(
            nb,
            str(partial),
            kernel_name=task.kernel,
            cwd=str(task.cwd),
            progress_bar=False,
            request_save_on_cell_execute=False,  # saving after every cell costs ~10 %
            km=km,
            record_timing=False,
            on_notebook_start=on_start,
            on_cell_execute=on_cell,
        )


def _failed(task: Task, exc: Exception, nb: nbformat.NotebookNode, partial: Path,
            state: dict[str, Any], t0: float) -> TaskResult:
    """The result of a notebook that failed: keep what ran, say where."""
    from papermill.exceptions import PapermillExecutionError

    ipynb = f"{task.name}.ipynb"
    keep = task.build / ".failed"
    keep.mkdir(parents=True, exist_ok=True)
    failed = None
    if isinstance(exc, PapermillExecutionError) and partial.exists():
        os.replace(partial, keep / ipynb)  # papermill's copy, with its error markers
        failed = str(keep / ipynb)
    elif state["nb"] is not None:  # dead kernel, timeout: papermill saved nothing
        with contextlib.suppress(Exception):
            (keep / ipynb).write_text(nbformat.writes(state["nb"]), encoding="utf-8")
            failed = str(keep / ipynb)
    # papermill inserts its error markers into the executed notebook: cell indices in its
    # error are those of the notebook as given (``nb``)
    line = failure_line(exc, nb if isinstance(exc, PapermillExecutionError)
                        else state["nb"] or nb, cell_index=state["cell"])
    return TaskResult(task.name, False, error=line, failed_notebook=failed,
                      seconds=time.perf_counter() - t0)


def run_task(task: Task) -> TaskResult:
    """Execute one notebook with papermill and write its outputs into ``task.build``:
    ``NN_name.ipynb`` (cleaned, deterministic) and one HTML file per export."""
    _notify("start", task.name)
    t0 = time.perf_counter()
    source = read_notebook(task.source)
    nb = source if task.parameters is None else inject_parameters(source, task.parameters)
    scratch = task.build / ".work"
    scratch.mkdir(parents=True, exist_ok=True)
    partial = scratch / f"{task.name}.ipynb"
    ipynb = f"{task.name}.ipynb"
    state: dict[str, Any] = {"nb": None, "cell": None}
    try:
        executed = _execute(task, nb, partial, state)
    except Exception as exc:  # the notebook failed
        result = _failed(task, exc, nb, partial, state, t0)
        _notify("done", task.name)
        return result
    spec = source.metadata.get("kernelspec") or {
        "name": KERNEL_NAME,
        "display_name": KERNEL_DISPLAY_NAME,
        "language": "python",
    }
    if task.refresh:
        executed = outputs_into(executed, nb)
        executed.metadata.pop("papermill", None)
    final = clean_notebook(executed, source_name=ipynb, output_name=ipynb, kernelspec=spec)
    title, summary = title_and_summary(final, fallback=task.name)
    files = {"ipynb": ipynb}
    (task.build / ipynb).write_bytes(dumps(final))
    reveal = None
    if "slides" in task.exports and task.reveal is not None:
        reveal = export.reveal_assets(task.reveal)
    for kind in task.exports:
        page = export.export_html(final, kind, title=title, resources_path=task.cwd,
                                  reveal=reveal, input_title=task.input_title)
        name = task.name + export.SUFFIXES[kind]
        (task.build / name).write_bytes(page)
        files[kind] = name
    partial.unlink(missing_ok=True)
    _notify("done", task.name)
    return TaskResult(task.name, True, files=files, title=title, summary=summary,
                      seconds=time.perf_counter() - t0)

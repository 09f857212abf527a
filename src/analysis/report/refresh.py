"""``make notebooks``: re-execute the committed notebooks, the outputs nbval compares against.

``refresh_notebooks("notebooks")`` re-executes each notebook in place with its default
parameters (the seed). ``refresh_notebooks("notebooks", input_path=CSV, into=DIR)`` executes
the same notebooks on another input and writes them into ``DIR`` with an
``injected-parameters`` cell holding ``input_path`` relative to ``DIR``, so nbval re-runs
them there on a fresh clone (``tests/notebooks/wikinews/`` for ``seeds/wikinews.csv``).
The outputs are cleaned as the reports' are (no timings, no papermill metadata, widgets as
their static views), so a refresh without changes rewrites the same bytes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from analysis.report import forkserver
from analysis.report.errors import NotebookFailed, UsageError
from analysis.report.files import umask
from analysis.report.notebooks import choose_kernel, find_notebooks, iter_notebooks
from analysis.report.pool import Progress, run_tasks
from analysis.report.worker import Task, kernel_env

__all__ = ["refresh_notebooks"]


def refresh_notebooks(
    folder: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    progress: bool | None = None,
    kernel: str | None = None,
    only: Iterable[str] | None = None,
    input_path: str | os.PathLike[str] | None = None,
    into: str | os.PathLike[str] | None = None,
    parameters: Mapping[str, Any] | None = None,
) -> list[str]:
    """Re-execute the notebooks of ``folder``: in place with their default parameters, or,
    with ``input_path`` and ``into``, on that input into the folder ``into``.

    Each notebook is replaced only when it ran without error. Returns the names refreshed;
    raises :class:`NotebookFailed` naming each failing notebook and cell (that notebook is
    left as it was; the partly executed copy goes to ``.failed/`` in the target folder,
    removed by the next successful refresh) and :class:`UsageError` for ``input_path``
    without ``into`` (or the reverse) or a missing input. ``parameters`` (with ``input_path``)
    are injected into every notebook too, e.g. ``{"group_by": "section"}``.
    """
    folder = Path(os.path.abspath(folder))
    if (input_path is None) != (into is None):
        raise UsageError("give both the input (--input) and the folder to write into (--into)")
    target = Path(os.path.abspath(into)) if into is not None else folder
    extra = dict(parameters or {})
    parameters = None
    if extra and input_path is None:
        raise UsageError("parameters go with an input (--input) and a folder (--into)")
    if input_path is not None:
        if not Path(input_path).exists():
            raise UsageError(f"{input_path}: no such file or folder")
        target.mkdir(parents=True, exist_ok=True)
        parameters = {"input_path": os.path.relpath(os.path.abspath(input_path), target),
                      **extra}
    sources = find_notebooks(folder)
    if only:
        wanted = set(only)
        sources = [p for p in sources if p.stem in wanted or p.name in wanted]
    kernel = kernel or choose_kernel()
    build = Path(tempfile.mkdtemp(prefix="news-analysis-refresh-"))
    try:
        tasks = [Task(name=p.stem, source=p, cwd=target, build=build, kernel=kernel,
                      parameters=parameters, refresh=True) for p in sources]
        with forkserver.running(kernel, kernel_env()) as forks:
            results = run_tasks(tasks, jobs=jobs or os.cpu_count() or 1, build=build,
                                progress=Progress(progress), desc="notebooks", forks=forks)
        failures = [r for r in results if not r.ok]
        if not failures:
            shutil.rmtree(target / ".failed", ignore_errors=True)
        for r in results:
            if r.ok:
                _replace(build / r.files["ipynb"], target / f"{r.name}.ipynb")
        if target != folder and not only and not failures:
            keep = {p.name for p in sources}
            for stale in iter_notebooks(target):  # notebooks renamed or removed since
                if stale.name not in keep:
                    stale.unlink()
        if failures:
            _keep_failures(failures, target)
        return [r.name for r in results]
    finally:
        shutil.rmtree(build, ignore_errors=True)


def _replace(new: Path, target: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".ipynb", dir=target.parent)
    os.close(fd)
    shutil.copyfile(new, tmp)
    if target.exists():
        shutil.copymode(target, tmp)
    else:
        os.chmod(tmp, 0o666 & ~umask())
    os.replace(tmp, target)


def _keep_failures(failures: list, target: Path) -> None:
    kept = target / ".failed"  # hidden: neither nbval nor the reports pick it up
    lines = []
    for r in failures:
        where = ""
        if r.failed_notebook:
            kept.mkdir(exist_ok=True)
            shutil.copyfile(r.failed_notebook, kept / f"{r.name}.ipynb")
            where = f"; partly executed notebook kept in {kept / (r.name + '.ipynb')}"
        lines.append(f"notebook {r.name}.ipynb failed at {r.error}{where}")
    raise NotebookFailed(lines)

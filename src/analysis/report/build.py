"""``build_reports``: plan, prepare, run, commit.

1. **plan** (:func:`~analysis.report.plan.make_plan`): the notebooks, their parameters and
   exports are checked; nothing is written;
2. **prepare** (:mod:`analysis.report.prepare`): the input is validated (and may be analysed
   once for every notebook) under the output folder's lock; an error here leaves nothing
   behind;
3. **run** (:func:`_schedule`, :func:`~analysis.report.pool.run_tasks`): notebooks whose
   cache key changed are executed in worker processes, into a hidden build folder; the
   others' files are linked from the previous reports;
4. **commit** (:func:`_commit`): the manifest is written, the build folder renamed into
   ``DIR/<slug>`` in one step, and ``DIR/index.html`` rewritten. A failed notebook, Ctrl-C
   or a full disk before this point leaves the previous reports as they were.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.report import cache, files, forkserver
from analysis.report.errors import NotebookFailed
from analysis.report.index import write_index
from analysis.report.plan import Plan, make_plan
from analysis.report.pool import Progress, run_tasks
from analysis.report.prepare import Prepare, Prepared, store_prepare
from analysis.report.worker import Task, TaskResult, kernel_env

__all__ = ["BuildResult", "build_reports"]


@dataclass
class BuildResult:
    """What :func:`build_reports` did."""

    slug: str
    folder: Path  # DIR/<slug>
    index: Path  # DIR/index.html
    executed: list[str]  # notebooks run this time
    reused: list[str]  # notebooks whose previous outputs were still valid
    title: str = ""  # the input's display title


def build_reports(
    input_path: str | os.PathLike[str],
    out: str | os.PathLike[str] = "reports",
    *,
    notebooks: str | os.PathLike[str] | None = None,
    jobs: int | None = None,
    force: bool = False,
    encoding: str | None = None,
    text_column: str | None = None,
    id_column: str | None = None,
    date_column: str | None = None,
    hard_wrapped: bool | None = None,
    group_by: str | None = None,
    store: str | os.PathLike[str] | None = None,
    dask: str | None = None,
    parameters: Mapping[str, str] | None = None,
    progress: bool | None = None,
    kernel: str | None = None,
    prepare: Prepare | None = None,
) -> BuildResult:
    """Run every notebook on ``input_path`` and write ``out/<slug>/`` and ``out/index.html``.

    ``encoding``, ``text_column``, ``id_column``, ``date_column`` and ``hard_wrapped`` go to
    the input loader (:func:`analysis.corpus.load_corpus`) and, like ``group_by`` and the
    store folder (``store``, default ``out/.store``), to every notebook that declares them.
    ``parameters`` are ``-p NAME VALUE`` strings, converted to the type of each notebook's
    default and injected only into notebooks that declare them. ``prepare`` is the prepare
    hook (default :func:`~analysis.report.prepare.store_prepare`); ``dask`` is passed to it.

    Raises :class:`~analysis.corpus.InputError` for an unreadable input,
    :class:`~analysis.report.UsageError` for bad options, :class:`NotebookFailed` when a
    notebook raised (previous reports kept) and :class:`~analysis.report.ReportError` for
    the rest; nothing is half-written in any case.
    """
    loader = {"encoding": encoding, "text_column": text_column, "id_column": id_column,
              "date_column": date_column, "hard_wrapped": hard_wrapped}
    plan = make_plan(input_path, out, notebooks=notebooks, jobs=jobs, force=force,
                     loader=loader, group_by=group_by, store=store, dask=dask,
                     parameters=parameters, kernel=kernel)
    shown = Progress(progress)
    # the kernel fork server imports while the input is prepared
    with files.output_folder(plan.out) as folder, \
            forkserver.running(plan.kernel, kernel_env()) as forks:
        prepared = _prepare(plan, prepare or store_prepare, shown)
        files.recover(folder.path, plan.slug)
        final = folder.path / plan.slug
        old = None if plan.force else cache.read_manifest(final)
        build = files.new_build_folder(folder.path, plan.slug)
        try:
            tasks, entries = _schedule(plan, prepared, folder.path, old, build)
            if not tasks and old is not None and (
                    [e.get("name") for e in old.get("notebooks", [])] == list(entries)):
                shutil.rmtree(build, ignore_errors=True)
                shutil.rmtree(folder.path / f"{plan.slug}.failed", ignore_errors=True)
                index = write_index(folder.path)
                return BuildResult(plan.slug, final, index, [], list(entries), prepared.title)
            timings = cache.read_timings(folder.path).get(plan.slug, {})
            order = cache.longest_first([t.name for t in tasks],
                                        timings if isinstance(timings, dict) else {})
            by_name = {t.name: t for t in tasks}
            results = run_tasks([by_name[n] for n in order], jobs=plan.jobs, build=build,
                                progress=shown, desc=plan.slug,
                                close_fds=(folder.lock_fd,) if folder.lock_fd else (),
                                forks=forks)
            _raise_failures(results, folder.path, plan.slug, build)
            _commit(plan, prepared, results, entries, build, final)
        except BaseException:
            shutil.rmtree(build, ignore_errors=True)
            raise
        shutil.rmtree(folder.path / f"{plan.slug}.failed", ignore_errors=True)
        cache.write_timings(folder.path, plan.slug, {r.name: r.seconds for r in results})
        index = write_index(folder.path)
    ran = {t.name for t in tasks}
    return BuildResult(plan.slug, final, index, [n for n in entries if n in ran],
                       [n for n in entries if n not in ran], prepared.title)


def _prepare(plan: Plan, prepare: Prepare, shown: Progress) -> Prepared:
    """Call the prepare hook with a progress display over documents."""
    t0 = time.perf_counter()
    with shown.counter("prepare", unit="document") as tick:
        prepared = prepare(plan.request(tick))
    if prepared.documents is not None:
        count = prepared.documents
        what = f"{count:,} document{'' if count == 1 else 's'}"
        shown.line(f"prepared: {what} ({time.perf_counter() - t0:.1f} s)")
    return prepared


def _common_digest(plan: Plan, prepared: Prepared, out: Path) -> str:
    """The part of the cache key every notebook shares."""
    parts = [
        cache.input_digest(plan.input_path, exclude=[out]),
        cache.package_digest(),
        cache.environment_digest(plan.kernel),
        "" if plan.reveal is None else _reveal_digest(plan.reveal),
        prepared.digest,
        prepared.title,
    ]
    return cache.sha256("\n".join(parts).encode())


def _reveal_digest(folder: Path) -> str:
    from analysis.report import export

    return export.reveal_digest(folder)


def _schedule(plan: Plan, prepared: Prepared, out: Path, old: dict[str, Any] | None,
              build: Path) -> tuple[list[Task], dict[str, dict[str, Any] | None]]:
    """The tasks to run, and the manifest entry of each notebook (None for those to run);
    reusable outputs are linked into ``build`` from the previous reports."""
    common = _common_digest(plan, prepared, out)
    final = out / plan.slug
    tasks: list[Task] = []
    entries: dict[str, dict[str, Any] | None] = {}
    for nb in plan.notebooks:
        values = plan.parameters_for(nb, prepared)
        key = cache.notebook_key(nb.data, common=common, parameters=values, exports=nb.exports)
        entry = cache.reusable(old, final, nb.name, key)
        if entry is not None:
            for fname in entry["sha256"]:
                files.link_or_copy(final / fname, build / fname)
            entries[nb.name] = entry
            continue
        entries[nb.name] = {"name": nb.name, "key": key}
        tasks.append(Task(name=nb.name, source=nb.path, cwd=plan.notebooks_dir, build=build,
                          kernel=plan.kernel, parameters=values, exports=nb.exports,
                          reveal=plan.reveal if "slides" in nb.exports else None,
                          input_title=prepared.title))
    return tasks, entries


def _raise_failures(results: list[TaskResult], out: Path, slug: str, build: Path) -> None:
    """Keep the partly executed notebooks in ``out/<slug>.failed`` and raise
    :class:`NotebookFailed` naming each failing notebook and cell."""
    failures = [r for r in results if not r.ok]
    if not failures:
        return
    failed_dir = out / f"{slug}.failed"
    shutil.rmtree(failed_dir, ignore_errors=True)
    kept = build / ".failed"
    if kept.is_dir():
        os.replace(kept, failed_dir)
    lines = []
    for r in failures:
        where = (f"; partly executed notebook kept in {failed_dir / (r.name + '.ipynb')}"
                 if r.failed_notebook else "")
        lines.append(f"notebook {r.name}.ipynb failed at {r.error}{where}")
    write_index(out)
    raise NotebookFailed(lines)


def _commit(plan: Plan, prepared: Prepared, results: list[TaskResult],
            entries: dict[str, dict[str, Any] | None], build: Path, final: Path) -> None:
    """Write the manifest into ``build`` and swap it into ``final``."""
    for r in results:
        entry = dict(entries[r.name] or {})
        entry.update({
            "name": r.name,
            "title": r.title,
            "summary": r.summary,
            "files": r.files,
            "sha256": {f: cache.sha256((build / f).read_bytes()) for f in r.files.values()},
        })
        entries[r.name] = entry
    for scratch in (".work", ".kernels", ".failed"):
        shutil.rmtree(build / scratch, ignore_errors=True)
    cache.write_manifest(build, {
        "slug": plan.slug,
        "title": prepared.title,
        "input": str(plan.input_path),
        "documents": prepared.documents,
        "skipped": [list(s) for s in prepared.skipped],
        "kernel": plan.kernel,
        "notebooks": [entries[nb.name] for nb in plan.notebooks],
    })
    files.swap_into_place(build, final)

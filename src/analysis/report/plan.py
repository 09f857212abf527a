"""The plan of a report run: every check that needs no output folder, done first.

:func:`make_plan` reads the notebooks, their declared parameters and exports, converts the
``-p NAME VALUE`` strings, and places the options (``--encoding``, ``--text-column``, ...)
where notebooks declare them. Anything wrong is a :class:`UsageError` before a file is
written. What each notebook finally receives also depends on the prepare step (its extra
parameters): :meth:`Plan.parameters_for`.

>>> import tempfile, nbformat
>>> folder = Path(tempfile.mkdtemp())
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
...     "input_path = 'a.txt'\\ntop = 5\\nstore_dir = None", metadata={"tags": ["parameters"]})])
>>> nbformat.write(nb, folder / "01_counts.ipynb")
>>> _ = (folder / "a.txt").write_text("Some text.")
>>> plan = make_plan(folder / "a.txt", folder / "out", notebooks=folder,
...                  parameters={"top": "30"}, kernel="python3")
>>> sorted(plan.notebooks[0].parameters)
['input_path', 'store_dir', 'top']
>>> plan.notebooks[0].parameters["top"], plan.notebooks[0].exports
(30, ('html', 'presentation'))
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.report import export
from analysis.report.errors import UsageError, closest
from analysis.report.notebooks import (
    choose_kernel,
    declared_exports,
    default_notebooks_dir,
    find_notebooks,
    read_notebook,
    slug_for,
)
from analysis.report.parameters import (
    RESERVED,
    check_name,
    notebook_parameters,
    parse_value,
    render_parameters,
)
from analysis.report.prepare import LOADER_OPTIONS, Prepared, PrepareRequest

__all__ = ["NotebookPlan", "Plan", "make_plan"]

STORE = ".store"  # the default store folder inside the output folder


@dataclass(frozen=True)
class NotebookPlan:
    """One notebook: ``name`` (``NN_name``), ``path``, the bytes it was read from, its
    declared ``defaults``, the ``parameters`` the run gives it (before the prepare step's),
    and its ``exports``."""

    name: str
    path: Path
    data: bytes
    defaults: Mapping[str, Any]
    parameters: Mapping[str, Any]
    exports: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """Everything a run was asked to do, checked; nothing written yet."""

    input_path: Path  # absolute
    slug: str  # the report folder's name
    out: Path  # the output folder as given
    notebooks_dir: Path  # absolute: the kernels' working directory
    notebooks: list[NotebookPlan]
    loader: Mapping[str, Any] = field(default_factory=dict)
    group_by: str | None = None
    store_dir: Path | None = None
    dask: str | None = None
    jobs: int = 1
    kernel: str = "python3"
    force: bool = False
    reveal: Path | None = None  # reveal.js, when a notebook exports slides

    def request(self, progress: Any) -> PrepareRequest:
        """The prepare hook's argument for this plan."""
        return PrepareRequest(input_path=self.input_path, loader=dict(self.loader),
                              group_by=self.group_by, store_dir=self.store_dir,
                              dask=self.dask, jobs=self.jobs, progress=progress)

    def parameters_for(self, nb: NotebookPlan, prepared: Prepared) -> dict[str, Any]:
        """What ``nb`` receives: the run's values, then the prepare step's extra parameters
        that it declares (a ``-p`` value the user gave wins)."""
        values = dict(nb.parameters)
        for name in sorted(prepared.parameters):
            if name in nb.defaults and name not in values:
                values[name] = prepared.parameters[name]
        render_parameters(values)  # only plain literals, checked again
        return values


def make_plan(
    input_path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    notebooks: str | os.PathLike[str] | None = None,
    jobs: int | None = None,
    force: bool = False,
    loader: Mapping[str, Any] | None = None,
    group_by: str | None = None,
    store: str | os.PathLike[str] | None = None,
    dask: str | None = None,
    parameters: Mapping[str, str] | None = None,
    kernel: str | None = None,
) -> Plan:
    """Check the run's arguments and the notebooks; raise :class:`UsageError` (or
    :class:`~analysis.report.ReportError` when reveal.js is missing for slides)."""
    source = Path(input_path)
    try:
        os.fsencode(source).decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{source}: the path is not valid UTF-8; rename it") from None
    loader = {k: v for k, v in dict(loader or {}).items() if v is not None}
    unknown = sorted(set(loader) - set(LOADER_OPTIONS))
    if unknown:
        raise UsageError(f"unknown loader option {unknown[0]!r}")
    absolute = Path(os.path.abspath(source))
    store_dir = Path(os.path.abspath(store if store is not None else Path(out) / STORE))
    nb_dir = Path(notebooks) if notebooks is not None else default_notebooks_dir()
    read = _read_notebooks(find_notebooks(nb_dir))
    given = _given(loader, group_by, str(store_dir))
    extra = _extra_parameters(parameters or {}, [d for _, _, d, _ in read])
    plans = []
    for path, data, defaults, exports in read:
        values: dict[str, Any] = {"input_path": str(absolute)}
        values.update({k: v for k, v in given.items() if k in defaults})
        for pname in sorted(extra):
            if pname in defaults:
                try:
                    values[pname] = parse_value(extra[pname], defaults[pname])
                except UsageError as exc:
                    raise UsageError(f"parameter {pname}: {exc}") from None
        render_parameters(values)  # refuse anything that is not a plain literal, now
        plans.append(NotebookPlan(path.stem, path, data, defaults, values, exports))
    slides = any("slides" in p.exports for p in plans)
    return Plan(
        input_path=absolute, slug=slug_for(absolute), out=Path(out),
        notebooks_dir=Path(os.path.abspath(nb_dir)), notebooks=plans, loader=loader,
        group_by=group_by, store_dir=store_dir, dask=dask, jobs=jobs or os.cpu_count() or 1,
        kernel=kernel or choose_kernel(), force=force,
        reveal=export.reveal_dir() if slides else None,
    )


def _read_notebooks(paths: list[Path]) -> list[tuple[Path, bytes, dict[str, Any], tuple]]:
    """(path, bytes, declared parameters, exports) per notebook; UsageError naming an
    unreadable one."""
    read = []
    for path in paths:
        try:
            data = path.read_bytes()
            nb = read_notebook(path)
        except Exception as exc:  # invalid JSON, not a notebook, unreadable
            message = " ".join(str(exc).split())[:200]
            raise UsageError(f"{path}: cannot be read as a notebook: {message}") from None
        read.append((path, data, notebook_parameters(nb), declared_exports(nb, path.name)))
    return read


def _given(loader: Mapping[str, Any], group_by: str | None, store_dir: str) -> dict[str, Any]:
    """The reserved parameters this run sets, in :data:`RESERVED` order."""
    values = dict(loader)
    if group_by is not None:
        values["group_by"] = group_by
    values["store_dir"] = store_dir
    return {name: values[name] for name in RESERVED if name in values}


def _extra_parameters(extra: Mapping[str, str], declared: list[Mapping[str, Any]]
                      ) -> dict[str, str]:
    """The ``-p`` values, checked: identifiers, not reserved, declared by some notebook."""
    for name in extra:
        check_name(name)
        if name in RESERVED:
            raise UsageError(f"parameter {name} is set by {RESERVED[name]}, not by -p")
        if not any(name in d for d in declared):
            known = sorted({n for d in declared for n in d} - set(RESERVED))
            close = closest(name, known)
            hint = f"; did you mean {close!r}?" if close else ""
            raise UsageError(f"parameter {name!r} is not in any notebook's parameters cell"
                             f"{hint} (the parameters -p can set: {', '.join(known)})")
    return dict(extra)

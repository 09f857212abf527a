"""Headless reports: run every notebook on an input and export self-contained HTML.

``python -m analysis report PATH --out DIR`` (``make reports``) calls :func:`build_reports`,
which goes plan -> prepare -> run -> commit (:mod:`analysis.report.build`):

* :mod:`~analysis.report.parameters`: a notebook's ``parameters`` cell, ``-p`` values, the
  injected cell of plain literals;
* :mod:`~analysis.report.notebooks`: where the notebooks are, what each declares it exports
  (``metadata["news_analysis"]["exports"]``), how outputs are made deterministic;
* :mod:`~analysis.report.plan`: every check that needs no output folder;
* :mod:`~analysis.report.prepare`: the prepare hook (validate the input, analyse it once,
  title it) and its default;
* :mod:`~analysis.report.worker`, :mod:`~analysis.report.pool`: papermill in worker
  processes, one kernel per notebook, a progress display;
* :mod:`~analysis.report.export`, :mod:`~analysis.report.htmltables`: HTML report,
  presentation and reveal.js slides, self-contained;
* :mod:`~analysis.report.cache`, :mod:`~analysis.report.files`: cache keys and manifest;
  locked output folder, atomic swap;
* :mod:`~analysis.report.index`: ``DIR/index.html``;
* :mod:`~analysis.report.refresh`: ``make notebooks`` (the outputs nbval compares).

A notebook whose inputs did not change (notebook bytes, input bytes, the ``analysis``
package's files and templates, parameters, installed package versions, kernel, the prepare
step's digest) is not executed again. Reports are deterministic: the same input gives
byte-identical files.

>>> from analysis import report
>>> report.slug_for("seeds/000_81c44d20d7573865.txt")
'000_81c44d20d7573865'
"""

from analysis.report.build import BuildResult, build_reports
from analysis.report.cache import TIMINGS, environment_digest, input_digest, package_digest
from analysis.report.errors import NotebookFailed, ReportError, UsageError
from analysis.report.export import REVEAL_ENV, export_html, reveal_dir, slides_notebook
from analysis.report.index import write_index
from analysis.report.notebooks import (
    EXPORTS,
    KERNEL_NAME,
    PACKAGE_DIR,
    WIDGET_STATE,
    WIDGET_VIEW,
    choose_kernel,
    clean_notebook,
    declared_exports,
    default_notebooks_dir,
    find_notebooks,
    iter_notebooks,
    slug_for,
    title_and_summary,
)
from analysis.report.parameters import (
    inject_parameters,
    notebook_parameters,
    parse_value,
    render_parameters,
)
from analysis.report.prepare import Prepared, PrepareRequest, default_prepare
from analysis.report.refresh import refresh_notebooks
from analysis.report.worker import KERNEL_ENV

__all__ = [
    "EXPORTS",
    "KERNEL_ENV",
    "KERNEL_NAME",
    "PACKAGE_DIR",
    "REVEAL_ENV",
    "TIMINGS",
    "WIDGET_STATE",
    "WIDGET_VIEW",
    "BuildResult",
    "NotebookFailed",
    "PrepareRequest",
    "Prepared",
    "ReportError",
    "UsageError",
    "build_reports",
    "choose_kernel",
    "clean_notebook",
    "declared_exports",
    "default_notebooks_dir",
    "default_prepare",
    "environment_digest",
    "export_html",
    "find_notebooks",
    "inject_parameters",
    "input_digest",
    "iter_notebooks",
    "notebook_parameters",
    "package_digest",
    "parse_value",
    "refresh_notebooks",
    "render_parameters",
    "reveal_dir",
    "slides_notebook",
    "slug_for",
    "title_and_summary",
    "write_index",
]

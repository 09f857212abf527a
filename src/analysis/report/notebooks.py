"""The notebooks a report runs: where they are, what they declare, how their outputs are
made deterministic.

Each notebook ``NN_name.ipynb`` declares in its own metadata what it is exported to::

    "metadata": {"news_analysis": {"exports": ["html", "presentation", "slides"]}}

``html`` is the full report (code included), ``presentation`` the results only, ``slides`` a
reveal.js deck; without the key a notebook gets ``html`` and ``presentation``
(:func:`declared_exports`).

>>> nb = nbformat.v4.new_notebook(metadata={"news_analysis": {"exports": ["slides", "html"]}})
>>> declared_exports(nb), declared_exports(nbformat.v4.new_notebook())
(('html', 'slides'), ('html', 'presentation'))
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import nbformat

from analysis.report.errors import ReportError, UsageError

__all__ = [
    "DEFAULT_EXPORTS",
    "EXPORTS",
    "KERNEL_NAME",
    "choose_kernel",
    "clean_notebook",
    "declared_exports",
    "default_notebooks_dir",
    "find_notebooks",
    "iter_notebooks",
    "read_notebook",
    "slug_for",
    "title_and_summary",
]

KERNEL_NAME = "news-text-analysis"
FALLBACK_KERNEL = "python3"
KERNEL_DISPLAY_NAME = "Python 3 (news-text-analysis)"
PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/analysis
NOTEBOOK_NAME = re.compile(r"\d+_[A-Za-z0-9_-]+\.ipynb")
METADATA_KEY = "news_analysis"
#: Every export a notebook may declare, in the order they are written.
EXPORTS = ("html", "presentation", "slides")
DEFAULT_EXPORTS = ("html", "presentation")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_NOTE = (
    '<p class="news-widget-note">Interactive widget: open this notebook in JupyterLab '
    "to use it.</p>"
)
_TIMING_KEYS = ("start_time", "end_time", "duration")


# --------------------------------------------------------------------------- names, paths


def slug_for(path: str | os.PathLike[str]) -> str:
    """The report folder name for an input: the file's stem or the folder's name, safe characters.

    >>> slug_for("seeds/000_81c44d20d7573865.txt")
    '000_81c44d20d7573865'
    >>> slug_for("/data/My articles (2024)/")
    'My-articles-2024'
    >>> slug_for("...")
    'input'
    """
    p = Path(path)
    name = p.name if p.is_dir() or not p.suffix else p.stem
    if name in ("", ".", ".."):
        name = Path(os.path.abspath(p)).name
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-_")
    return slug or "input"


def default_notebooks_dir() -> Path:
    """The project's notebooks/: beside the source tree (``src/analysis/../../notebooks``), else
    ``./notebooks``."""
    candidates = [PACKAGE_DIR.parent.parent / "notebooks", Path.cwd() / "notebooks"]
    for folder in candidates:
        if folder.is_dir() and any(iter_notebooks(folder)):
            return folder
    return candidates[0] if candidates[0].is_dir() else candidates[1]


def iter_notebooks(folder: Path) -> Iterator[Path]:
    """The files of ``folder`` named ``NN_name.ipynb`` (any order; nothing when unreadable)."""
    with contextlib.suppress(OSError):
        for p in folder.iterdir():
            if NOTEBOOK_NAME.fullmatch(p.name) and p.is_file():
                yield p


def find_notebooks(folder: str | os.PathLike[str]) -> list[Path]:
    """The notebooks ``NN_name.ipynb`` of ``folder``, sorted by name (UsageError when none)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: notebook folder not found (use --notebooks DIR)")
    found = sorted(iter_notebooks(folder), key=lambda p: p.name)
    if not found:
        raise UsageError(f"{folder}: no notebooks named NN_name.ipynb")
    return found


def choose_kernel(preferred: str = KERNEL_NAME) -> str:
    """``preferred`` when that kernel is installed, else ``python3`` (this interpreter)."""
    from jupyter_client.kernelspec import KernelSpecManager

    try:
        specs = KernelSpecManager().find_kernel_specs()
    except Exception:  # a broken kernels folder must not stop the report
        specs = {}
    return preferred if preferred in specs else FALLBACK_KERNEL




# --------------------------------------------------------------------------- content


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read a notebook as v4 with stable cell ids (missing ids get ``cell-N``)."""
    nb = nbformat.read(path, as_version=4)
    if (nb.nbformat, nb.nbformat_minor) < (4, 5):
        nb.nbformat_minor = 5
    seen: set[str] = set()
    for i, cell in enumerate(nb.cells):
        cid = cell.get("id")
        if not cid or cid in seen:
            cell["id"] = f"cell-{i}"
        seen.add(cell["id"])
    return nb


def title_and_summary(nb: nbformat.NotebookNode, fallback: str = "") -> tuple[str, str]:
    """The ``# Title`` (plain text) and the first paragraph after it (Markdown, links reduced
    to their text: they point next to the notebook, not next to the index), from the first
    markdown cell.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
    ...     "# Word `frequency`\\n\\nWhich words are *key*, and\\n[why](x.md)."
    ...     "\\n\\n## More")])
    >>> title_and_summary(nb)
    ('Word frequency', 'Which words are *key*, and why.')
    """
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.splitlines()
        title, rest = fallback, lines
        for i, line in enumerate(lines):
            if line.strip():
                m = re.match(r"\s*#{1,6}\s+(.*?)\s*#*\s*$", line)
                if m:
                    title, rest = m.group(1), lines[i + 1 :]
                break
        paragraph: list[str] = []
        for line in rest:
            if not line.strip():
                if paragraph:
                    break
                continue
            if line.lstrip().startswith("#"):
                break
            paragraph.append(line.strip())
        summary = " ".join(paragraph)
        summary = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", summary)
        return _plain(title), summary.strip()
    return fallback, ""


def _plain(text: str) -> str:
    return re.sub(r"(\*\*|__|`)", "", text).strip()


def static_widgets(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Keep what a widget looks like without a kernel, not the live widget.

    The widget state (random model ids, the kernel's objects) is dropped from the metadata,
    and each widget view from the outputs: an output that also carries HTML or text (the
    explorers of :mod:`analysis.explore` render their default selection) keeps that; a bare
    widget becomes a note. Reopened in JupyterLab, the notebook then shows the static view
    until the cell is run again, instead of "model not found"; and two runs give the same
    bytes.
    """
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data is None or WIDGET_VIEW not in data:
                continue
            del data[WIDGET_VIEW]
            if not ({"text/html", "image/png"} & set(data)):
                data["text/html"] = WIDGET_NOTE
                data.setdefault("text/plain", _plain(re.sub(r"<[^>]+>", "", WIDGET_NOTE)))
    return nb


def clean_notebook(
    nb: nbformat.NotebookNode,
    *,
    source_name: str,
    output_name: str,
    kernelspec: Mapping[str, str] | None = None,
) -> nbformat.NotebookNode:
    """Remove what differs between two runs of the same notebook on the same input.

    Drops papermill's and nbclient's timings (``start_time``, ``end_time``, ``duration``,
    ``execution``), replaces papermill's input/output paths (temporary folders) by file
    names, fixes the kernelspec and keeps widgets as their static views
    (:func:`static_widgets`).

    >>> nb = nbformat.v4.new_notebook(metadata={"papermill": {"duration": 1.5,
    ...     "output_path": "/tmp/x/01.ipynb", "parameters": {"a": 1}}})
    >>> nb.cells.append(nbformat.v4.new_code_cell("1", metadata={"execution": {"t": "now"},
    ...     "papermill": {"start_time": "now", "status": "completed"}}))
    >>> out = clean_notebook(nb, source_name="01.ipynb", output_name="01.ipynb")
    >>> out.metadata.papermill, out.cells[0].metadata
    ({'output_path': '01.ipynb', 'parameters': {'a': 1}}, {'papermill': {'status': 'completed'}})
    """
    nb = copy.deepcopy(nb)
    papermill = nb.metadata.get("papermill")
    if isinstance(papermill, dict):
        for key in _TIMING_KEYS:
            papermill.pop(key, None)
        if "input_path" in papermill:
            papermill["input_path"] = source_name
        if "output_path" in papermill:
            papermill["output_path"] = output_name
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell_pm = cell.metadata.get("papermill")
        if isinstance(cell_pm, dict):
            for key in _TIMING_KEYS:
                cell_pm.pop(key, None)
    if kernelspec is not None:
        nb.metadata["kernelspec"] = dict(kernelspec)
    return static_widgets(nb)


def outputs_into(
    executed: nbformat.NotebookNode, source: nbformat.NotebookNode
) -> nbformat.NotebookNode:
    """``source`` (the notebook as given to papermill) with the outputs of ``executed``: no
    papermill metadata, for notebooks refreshed in place."""
    out = copy.deepcopy(source)
    if len(executed.cells) != len(out.cells):
        raise ReportError("executed notebook has a different number of cells")
    for cell, done in zip(out.cells, executed.cells, strict=True):
        if cell.cell_type == "code":
            cell.outputs = done.get("outputs", [])
            cell.execution_count = done.get("execution_count")
    if "language_info" in executed.metadata:
        out.metadata["language_info"] = executed.metadata["language_info"]
    return out


def dumps(nb: nbformat.NotebookNode) -> bytes:
    """The notebook as written to disk: sorted keys, indent 1, a final newline (UTF-8)."""
    text = nbformat.writes(nb)  # sorted keys, indent 1
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")




def declared_exports(nb: nbformat.NotebookNode, name: str = "notebook") -> tuple[str, ...]:
    """What the notebook is exported to, from ``metadata["news_analysis"]["exports"]``
    (default ``("html", "presentation")``), in the order of :data:`EXPORTS`.

    Raises :class:`UsageError` naming the notebook for anything but a list of known kinds.

    >>> nb = nbformat.v4.new_notebook(metadata={"news_analysis": {"exports": ["pdf"]}})
    >>> declared_exports(nb, "01_x")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    analysis.report.errors.UsageError: 01_x: unknown export 'pdf' in metadata.news_analysis...
    """
    meta = nb.metadata.get(METADATA_KEY, {})
    if not isinstance(meta, Mapping) or "exports" not in meta:
        return DEFAULT_EXPORTS
    kinds = meta["exports"]
    where = f"metadata.{METADATA_KEY}.exports"
    if not isinstance(kinds, list | tuple) or not kinds:
        raise UsageError(f"{name}: {where} must be a non-empty list of {', '.join(EXPORTS)}")
    for kind in kinds:
        if kind not in EXPORTS:
            raise UsageError(f"{name}: unknown export {kind!r} in {where} "
                             f"(known: {', '.join(EXPORTS)})")
    return tuple(k for k in EXPORTS if k in kinds)

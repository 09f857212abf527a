"""Headless reports: run every notebook on an input and export self-contained HTML.

``python -m analysis report PATH --out DIR`` (``make reports``) calls :func:`build_reports`:

1. the input is validated first (:func:`analysis.corpus.load_corpus`); a bad path is an
   :class:`~analysis.corpus.InputError` before anything is written;
2. each notebook ``notebooks/NN_name.ipynb`` gets the absolute ``input_path`` (and
   ``encoding``, and any ``-p NAME VALUE`` the notebook declares) injected after its
   ``parameters`` cell as plain literals (:func:`render_parameters`);
3. notebooks whose inputs changed are executed with papermill, in parallel worker processes
   (one kernel each; papermill changes the process-wide working directory, so no threads),
   and exported to HTML by the same worker right away: ``NN_name.html`` (full report),
   ``NN_name.presentation.html`` (results only) and, for the findings notebook,
   ``NN_name.slides.html`` (a reveal.js deck with reveal.js inlined);
4. everything is built in a temporary folder inside ``DIR`` and renamed into ``DIR/<slug>``
   only when every notebook succeeded, so a failure, Ctrl-C or a full disk leaves the previous
   reports as they were; ``DIR/index.html`` is then rewritten atomically.

A notebook whose inputs did not change (notebook bytes, input bytes, the ``analysis``
package's files and templates, parameters, installed package versions, kernel) is not
executed again: its outputs are reused from the previous run (``DIR/<slug>/manifest.json``).

Start-up costs are kept out of the way: the parent process imports papermill and nbconvert
once and forks the workers; notebooks start longest first (``DIR/.timings.json`` keeps the
last durations).

Reports are deterministic: timings and temporary paths are removed, widget ids renumbered,
kernel metadata fixed and JSON keys sorted, so the same input gives byte-identical files.

``python -m analysis refresh-notebooks notebooks`` (``make notebooks``) re-executes the
notebooks in place with their default parameters, with the same cleaning; nbval compares
against those stored outputs.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import hashlib
import json
import keyword
import math
import multiprocessing
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

__all__ = [
    "KERNEL_NAME",
    "NotebookFailed",
    "ReportError",
    "UsageError",
    "BuildResult",
    "build_reports",
    "choose_kernel",
    "clean_notebook",
    "default_notebooks_dir",
    "find_notebooks",
    "inject_parameters",
    "notebook_parameters",
    "parse_value",
    "refresh_notebooks",
    "render_parameters",
    "reveal_dir",
    "slug_for",
    "title_and_summary",
    "write_index",
]

KERNEL_NAME = "news-text-analysis"
FALLBACK_KERNEL = "python3"
KERNEL_DISPLAY_NAME = "Python 3 (news-text-analysis)"
PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES = PACKAGE_DIR / "templates"
REVEAL_ENV = "NEWS_ANALYSIS_REVEAL"
REVEAL_THEME = "white"
MANIFEST = "manifest.json"
FORMAT = 1  # bump when the layout or cleaning of the outputs changes (invalidates caches)
NOTEBOOK_NAME = re.compile(r"\d+_[A-Za-z0-9_-]+\.ipynb")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_NOTE = (
    '<p class="news-widget-note">Interactive widget: open this notebook in JupyterLab '
    "to use it.</p>"
)
# What the kernels run with, whatever the caller's environment: string hashing fixed (set
# order), and matplotlib's inline backend (a global MPLBACKEND=agg would drop every figure).
KERNEL_ENV = {
    "PYTHONHASHSEED": "0",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}
_TIMING_KEYS = ("start_time", "end_time", "duration")


# --------------------------------------------------------------------------- errors


class ReportError(Exception):
    """A report run that cannot go on; ``str()`` is the one line shown to the user."""

    exit_code = 1


class UsageError(ReportError):
    """Bad command-line values (parameters, folders): nothing was written."""

    exit_code = 2


class NotebookFailed(ReportError):
    """One or more notebooks raised; ``lines`` has one message per failing notebook."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


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
        if folder.is_dir() and any(_iter_notebooks(folder)):
            return folder
    return candidates[0] if candidates[0].is_dir() else candidates[1]


def _iter_notebooks(folder: Path) -> Iterator[Path]:
    with contextlib.suppress(OSError):
        for p in folder.iterdir():
            if NOTEBOOK_NAME.fullmatch(p.name) and p.is_file():
                yield p


def find_notebooks(folder: str | os.PathLike[str]) -> list[Path]:
    """The notebooks ``NN_name.ipynb`` of ``folder``, sorted by name (UsageError when none)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: notebook folder not found (use --notebooks DIR)")
    found = sorted(_iter_notebooks(folder), key=lambda p: p.name)
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


def reveal_dir() -> Path:
    """The local reveal.js (``$NEWS_ANALYSIS_REVEAL`` or ``<sys.prefix>/share/...``)."""
    env = os.environ.get(REVEAL_ENV)
    folder = Path(env) if env else Path(sys.prefix) / "share" / "news-text-analysis" / "reveal.js"
    needed = ["dist/reveal.css", "dist/reveal.js", f"dist/theme/{REVEAL_THEME}.css"]
    needed.append("plugin/notes/notes.js")
    missing = [n for n in needed if not (folder / n).is_file()]
    if missing:
        raise ReportError(
            f"reveal.js not found in {folder} (needed for the slide deck): run `make install` "
            f"or `python tools/fetch_revealjs.py --dest {folder}`, or set {REVEAL_ENV}"
        )
    return folder


def _reveal_assets(folder: Path) -> dict[str, str]:
    """reveal.js files as text ready to inline: web-font @imports stripped from the theme."""

    def read(rel: str) -> str:
        return (folder / rel).read_text(encoding="utf-8")

    theme = re.sub(r"@import\s+url\([^)]*\)\s*;?|@import\s+['\"][^'\"]*['\"]\s*;?", "",
                   read(f"dist/theme/{REVEAL_THEME}.css"))
    assets = {
        "css": read("dist/reveal.css"),
        "theme_css": theme,
        "js": read("dist/reveal.js"),
        "notes_js": read("plugin/notes/notes.js"),
    }
    for key, text in assets.items():
        # An inline block ends at the first "</script" / "</style" whatever the context.
        assets[key] = re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)
    return assets


# --------------------------------------------------------------------------- parameters


def parse_value(text: str, default: Any = None) -> str | int | float | bool:
    """A ``-p NAME VALUE`` string as the type of the notebook's default (else guessed).

    >>> parse_value("20", 10), parse_value("20", "10"), parse_value("0.5", 1.0)
    (20, '20', 0.5)
    >>> parse_value("no", True), parse_value("7"), parse_value("1e3"), parse_value("x y")
    (False, 7, 1000.0, 'x y')
    """
    if isinstance(default, bool):
        low = text.strip().lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("0", "false", "no", "off"):
            return False
        raise UsageError(f"expected true or false, got {text!r}")
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise UsageError(f"expected a whole number, got {text!r}") from None
    if isinstance(default, float):
        try:
            value = float(text)
        except ValueError:
            raise UsageError(f"expected a number, got {text!r}") from None
        if not math.isfinite(value):
            raise UsageError(f"expected a finite number, got {text!r}")
        return value
    if isinstance(default, str):
        return text
    if text in ("True", "False", "true", "false"):
        return text.lower() == "true"
    for convert in (int, float):
        try:
            value = convert(text)
        except ValueError:
            continue
        if isinstance(value, float) and not math.isfinite(value):
            break
        return value
    return text


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
        raise UsageError(f"parameter name {name!r} is not a Python identifier")


def render_parameters(parameters: Mapping[str, Any]) -> str:
    """The source of an injected-parameters cell: one ``name = literal`` line per parameter.

    Only str, int, float (finite) and bool values are accepted, written with ``repr`` so any
    text (quotes, backslashes, newlines, code) stays a literal; the result is parsed back and
    compared with the values before it is used.

    >>> print(render_parameters({"input_path": 'x"; import os #', "top_n": 5}))
    # Parameters
    input_path = 'x"; import os #'
    top_n = 5
    <BLANKLINE>
    >>> render_parameters({"f": [1]})  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    analysis.report.UsageError: parameter f: only text, numbers and true/false are accepted
    """
    lines = ["# Parameters"]
    for name, value in parameters.items():
        _check_name(name)
        if type(value) not in (str, int, float, bool):
            raise UsageError(f"parameter {name}: only text, numbers and true/false are accepted")
        if isinstance(value, float) and not math.isfinite(value):
            raise UsageError(f"parameter {name}: {value!r} is not a finite number")
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise UsageError(f"parameter {name}: the text is not valid Unicode") from None
        lines.append(f"{name} = {value!r}")
    source = "\n".join(lines) + "\n"
    _verify_parameters_source(source, parameters)
    return source


def _verify_parameters_source(source: str, parameters: Mapping[str, Any]) -> None:
    """Raise unless ``source`` is exactly the assignments of ``parameters`` as constants."""
    tree = ast.parse(source)
    if len(tree.body) != len(parameters):
        raise UsageError("parameters do not render to plain assignments")
    for stmt, (name, value) in zip(tree.body, parameters.items(), strict=True):
        ok = (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and stmt.targets[0].id == name
            and isinstance(stmt.value, ast.Constant | ast.UnaryOp)
        )
        if not ok or ast.literal_eval(stmt.value) != value:
            raise UsageError(f"parameter {name} does not render to a plain literal")


def _parameters_cell_index(nb: nbformat.NotebookNode) -> int | None:
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return i
    return None


def notebook_parameters(nb: nbformat.NotebookNode) -> dict[str, Any]:
    """Names assigned in the notebook's ``parameters`` cell, with their literal defaults
    (``...`` when the default is not a literal).

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     "input_path = '../seeds/a.txt'\\ntop_n: int = 20  # words\\nx = f(1)",
    ...     metadata={"tags": ["parameters"]})])
    >>> notebook_parameters(nb)
    {'input_path': '../seeds/a.txt', 'top_n': 20, 'x': Ellipsis}
    """
    index = _parameters_cell_index(nb)
    if index is None:
        return {}
    try:
        tree = ast.parse(nb.cells[index].source)
    except SyntaxError:
        return {}
    found: dict[str, Any] = {}
    for stmt in tree.body:
        targets: list[ast.expr] = []
        value = None
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        for target in targets:
            if isinstance(target, ast.Name):
                try:
                    found[target.id] = ast.literal_eval(value)
                except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                    found[target.id] = ...
    return found


def inject_parameters(
    nb: nbformat.NotebookNode, parameters: Mapping[str, Any]
) -> nbformat.NotebookNode:
    """A copy of ``nb`` with an ``injected-parameters`` cell after its ``parameters`` cell
    (at the top when there is none), as papermill does, recorded in ``metadata.papermill``.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     "top_n = 20", metadata={"tags": ["parameters"]}), nbformat.v4.new_code_cell("1")])
    >>> out = inject_parameters(nb, {"top_n": 5})
    >>> [c.source for c in out.cells]
    ['top_n = 20', '# Parameters\\ntop_n = 5\\n', '1']
    >>> out.cells[1].metadata.tags, out.cells[1].id
    (['injected-parameters'], 'injected-parameters')
    """
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    cell = nbformat.v4.new_code_cell(source=render_parameters(parameters))
    cell.id = "injected-parameters"
    cell.metadata["tags"] = ["injected-parameters"]
    index = _parameters_cell_index(nb)
    nb.cells.insert(0 if index is None else index + 1, cell)
    papermill = nb.metadata.setdefault("papermill", {})
    papermill["parameters"] = dict(parameters)
    return nb


# --------------------------------------------------------------------------- notebook content


def _read_notebook(path: Path) -> nbformat.NotebookNode:
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
    """The ``# Title`` and the first paragraph after it, from the first markdown cell.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
    ...     "# Word frequency\\n\\nWhich words the article uses most, and\\n[why](x.md)."
    ...     "\\n\\n## More")])
    >>> title_and_summary(nb)
    ('Word frequency', 'Which words the article uses most, and why.')
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
        return _plain(title), _plain(summary)
    return fallback, ""


def _plain(text: str) -> str:
    return re.sub(r"(\*\*|__|`)", "", text).strip()


def _static_widgets(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
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
    (:func:`_static_widgets`).

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
    return _static_widgets(nb)


def _strip_papermill(executed: nbformat.NotebookNode, source: nbformat.NotebookNode):
    """The source notebook with the executed outputs: no papermill metadata (refresh)."""
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


def _dumps(nb: nbformat.NotebookNode) -> bytes:
    text = nbformat.writes(nb)  # sorted keys, indent 1
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


# --------------------------------------------------------------------------- HTML


def _html_notebook(nb: nbformat.NotebookNode, *, results_only: bool) -> nbformat.NotebookNode:
    """A copy for HTML (widgets already static, see :func:`clean_notebook`); for
    presentations, without the parameter cells and stderr (noise for the audience)."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if results_only and ({"parameters", "injected-parameters"} & set(tags)):
            continue
        if cell.cell_type == "code":
            outputs = []
            for output in cell.get("outputs", []):
                if results_only and output.get("output_type") == "stream" and (
                    output.get("name") == "stderr"
                ):
                    continue
                outputs.append(output)
            cell.outputs = outputs
        cells.append(cell)
    nb.cells = cells
    return nb


def _slides_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Slide types from the cells' slideshow metadata; without any, a slide per heading."""
    nb = _html_notebook(nb, results_only=True)
    typed = any(
        c.metadata.get("slideshow", {}).get("slide_type", "-") not in ("-", "")
        for c in nb.cells
    )
    if not typed:
        for cell in nb.cells:
            heading = cell.cell_type == "markdown" and re.match(r"\s*#{1,6}\s", cell.source)
            cell.metadata["slideshow"] = {"slide_type": "slide" if heading else "-"}
    return nb


_EXPORTERS: dict[str, Any] = {}


def _exporter(kind: str) -> Any:
    """nbconvert exporters, made once per process (templates compile on first use)."""
    if kind not in _EXPORTERS:
        from nbconvert import HTMLExporter, SlidesExporter

        common = {"extra_template_basedirs": [str(TEMPLATES)], "embed_images": True}
        hidden = {
            "exclude_input": True,
            "exclude_input_prompt": True,
            "exclude_output_prompt": True,
        }
        if kind == "html":
            exporter = HTMLExporter(template_name="news_report", **common)
        elif kind == "presentation":
            exporter = HTMLExporter(template_name="news_report", **common, **hidden)
        else:
            exporter = SlidesExporter(
                template_name="news_slides",
                reveal_theme=REVEAL_THEME,
                reveal_transition="none",
                reveal_number="c/t",
                **common,
                **hidden,
            )
        _EXPORTERS[kind] = exporter
    return _EXPORTERS[kind]


def export_html(
    nb: nbformat.NotebookNode,
    kind: str,
    *,
    title: str,
    resources_path: Path,
    reveal: Mapping[str, str] | None = None,
) -> bytes:
    """One self-contained HTML page of ``nb``: kind ``html``, ``presentation`` or ``slides``."""
    if kind == "slides":
        page_nb = _slides_notebook(nb)
    else:
        page_nb = _html_notebook(nb, results_only=kind == "presentation")
    resources: dict[str, Any] = {"metadata": {"name": title, "path": str(resources_path)}}
    if kind == "slides":
        if reveal is None:
            raise ReportError("slides need reveal.js")
        resources["news_reveal"] = dict(reveal)
    body, _ = _exporter(kind).from_notebook_node(page_nb, resources=resources)
    return body.encode("utf-8")


# --------------------------------------------------------------------------- fingerprints


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hash_file(h: Any, path: Path) -> None:
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)


def input_digest(path: Path, *, exclude: Iterable[Path] = ()) -> str:
    """sha256 over the input file, or every non-hidden file under the input folder (names
    and bytes), leaving out ``exclude`` (e.g. the report folder inside it)."""
    h = hashlib.sha256()
    path = Path(path)
    if path.is_file():
        _hash_file(h, path)
        return h.hexdigest()
    skip = {Path(os.path.abspath(p)) for p in exclude}
    for root, dirs, files in os.walk(path):
        here = Path(os.path.abspath(root))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and here / d not in skip)
        for name in sorted(files):
            if name.startswith("."):
                continue
            f = here / name
            h.update(os.path.relpath(f, path).encode("utf-8", "surrogateescape") + b"\0")
            with contextlib.suppress(OSError):
                _hash_file(h, f)
            h.update(b"\0")
    return h.hexdigest()


def package_digest() -> str:
    """sha256 over the ``analysis`` package's files (code, templates, data)."""
    h = hashlib.sha256()
    for f in sorted(PACKAGE_DIR.rglob("*")):
        if not f.is_file() or "__pycache__" in f.parts or f.suffix in (".pyc", ".pyo"):
            continue
        h.update(f.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        _hash_file(h, f)
    return h.hexdigest()


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


# --------------------------------------------------------------------------- worker side


@dataclass(frozen=True)
class Task:
    """One notebook to execute and export (picklable: it crosses into a worker process)."""

    name: str  # NN_name
    source: Path  # notebooks/NN_name.ipynb
    cwd: Path  # the kernel's working directory (the notebook's folder)
    build: Path  # where the outputs go (a temporary folder)
    kernel: str
    parameters: dict[str, Any] | None  # None: run with the defaults, inject nothing
    exports: tuple[str, ...] = ()  # "html", "presentation", "slides"
    refresh: bool = False  # write the source notebook with new outputs, no papermill metadata
    reveal: Path | None = None


@dataclass
class TaskResult:
    name: str
    ok: bool
    files: dict[str, str] = field(default_factory=dict)  # kind -> file name in build
    title: str = ""
    summary: str = ""
    seconds: float = 0.0
    error: str = ""  # one line, without the notebook name
    failed_notebook: str | None = None  # partly executed notebook (in build/.failed)


_STATUS: Any = None  # queue to the main process: ("start" | "done", name)
_LOCK_FD: int | None = None  # the main process's lock on the output folder
_REVEAL_CACHE: dict[Path, dict[str, str]] = {}


def _worker_init(status: Any) -> None:
    """Runs in each worker process: Ctrl-C is the main process's business."""
    global _STATUS
    _STATUS = status
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _LOCK_FD is not None:  # the output folder's lock belongs to the main process only
        with contextlib.suppress(OSError):
            os.close(_LOCK_FD)
    import logging

    for name in ("papermill", "traitlets", "nbclient"):  # failures get our one-line message
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _notify(event: str, name: str) -> None:
    if _STATUS is not None:
        with contextlib.suppress(Exception):
            _STATUS.put((event, name))


def _kernel_env() -> dict[str, str]:
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
    log = open(work / f"{task.name}.log", "ab")  # noqa: SIM115 (closed below)
    pidfile = work / f"{task.name}.pid"
    try:
        run_sync(km.start_kernel)(
            cwd=str(task.cwd), env=_kernel_env(), stdout=log, stderr=log
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


def _failure_line(
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


def _run_task(task: Task) -> TaskResult:
    """Execute one notebook with papermill and write its outputs into ``task.build``."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    _notify("start", task.name)
    t0 = time.perf_counter()
    source = _read_notebook(task.source)
    nb = source
    if task.parameters is not None:
        nb = inject_parameters(source, task.parameters)
    scratch = task.build / ".work"
    scratch.mkdir(parents=True, exist_ok=True)
    partial = scratch / f"{task.name}.ipynb"
    ipynb = f"{task.name}.ipynb"
    # The notebook being executed and its current cell, for a failure that is not a cell
    # error (dead kernel, timeout): papermill then saves nothing, we save what ran.
    state: dict[str, Any] = {"nb": None, "cell": None}

    def on_start(notebook: Any = None, **_: Any) -> None:
        state["nb"] = notebook

    def on_cell(cell_index: int | None = None, **_: Any) -> None:
        state["cell"] = cell_index

    try:
        with _kernel(task) as km:
            executed = papermill.execute_notebook(
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
    except Exception as exc:  # the notebook failed: keep what ran, say where
        keep = task.build / ".failed"
        keep.mkdir(parents=True, exist_ok=True)
        failed = None
        if isinstance(exc, PapermillExecutionError) and partial.exists():
            os.replace(partial, keep / ipynb)  # papermill's copy, with its error markers
            failed = str(keep / ipynb)
        elif state["nb"] is not None:
            with contextlib.suppress(Exception):
                (keep / ipynb).write_text(nbformat.writes(state["nb"]), encoding="utf-8")
                failed = str(keep / ipynb)
        # papermill inserts its error markers into the executed notebook: cell indices in its
        # error are those of the notebook as given (``nb``)
        line = _failure_line(exc, nb if isinstance(exc, PapermillExecutionError)
                             else state["nb"] or nb, cell_index=state["cell"])
        _notify("done", task.name)
        return TaskResult(task.name, False, error=line, failed_notebook=failed,
                          seconds=time.perf_counter() - t0)

    spec = source.metadata.get("kernelspec") or {
        "name": KERNEL_NAME,
        "display_name": KERNEL_DISPLAY_NAME,
        "language": "python",
    }
    if task.refresh:
        final = clean_notebook(_strip_papermill(executed, source), source_name=ipynb,
                               output_name=ipynb, kernelspec=spec)
    else:
        final = clean_notebook(executed, source_name=ipynb, output_name=ipynb, kernelspec=spec)
    title, summary = title_and_summary(final, fallback=task.name)
    files = {"ipynb": ipynb}
    (task.build / ipynb).write_bytes(_dumps(final))
    reveal = None
    if "slides" in task.exports and task.reveal is not None:
        if task.reveal not in _REVEAL_CACHE:
            _REVEAL_CACHE[task.reveal] = _reveal_assets(task.reveal)
        reveal = _REVEAL_CACHE[task.reveal]
    suffix = {"html": ".html", "presentation": ".presentation.html", "slides": ".slides.html"}
    for kind in task.exports:
        page = export_html(final, kind, title=title, resources_path=task.cwd, reveal=reveal)
        name = task.name + suffix[kind]
        (task.build / name).write_bytes(page)
        files[kind] = name
    partial.unlink(missing_ok=True)
    _notify("done", task.name)
    return TaskResult(task.name, True, files=files, title=title, summary=summary,
                      seconds=time.perf_counter() - t0)


# --------------------------------------------------------------------------- main side


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
            if b"ipykernel" not in command:
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


def _run_tasks(
    tasks: list[Task],
    *,
    jobs: int,
    build: Path,
    progress: bool | None,
    desc: str,
) -> list[TaskResult]:
    """Run ``tasks`` in up to ``jobs`` worker processes with a progress bar on stderr.

    On any exception in the main process (KeyboardInterrupt, an error from a worker such as
    OSError) the workers and their kernels are killed before it propagates.
    """
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    from tqdm import tqdm

    if not tasks:
        return []
    from concurrent.futures.process import BrokenProcessPool

    ctx = _pool_context()
    status = ctx.SimpleQueue()
    workers = max(1, min(jobs, len(tasks)))
    results: list[TaskResult] = []
    running: list[str] = []
    tqdm.monitor_interval = 0  # no monitor thread (workers are forked)
    # A live bar on a terminal; elsewhere (CI logs, make) one line per finished notebook.
    show = progress is not False
    live = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=len(tasks), desc=desc, unit="nb", file=sys.stderr, disable=not live,
               leave=False, dynamic_ncols=True)
    executor: Any = None
    try:
        _warm_imports()
        executor = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_worker_init,
                                       initargs=(status,))
        futures = {executor.submit(_run_task, t): t for t in tasks}
        pending = set(futures)
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
                if show:
                    mark = "done" if result.ok else "FAILED"
                    line = (f"{mark}: {result.name} ({result.seconds:.1f} s) "
                            f"[{len(results)}/{len(tasks)}]")
                    if live:
                        bar.write(line, file=sys.stderr)
                    else:
                        print(line, file=sys.stderr, flush=True)
                bar.update(1)
    except BaseException:
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
        raise
    finally:
        bar.close()
    executor.shutdown(wait=True)
    _kill_kernels(build)  # nothing should be left; belt and braces
    order = {t.name: i for i, t in enumerate(tasks)}
    return sorted(results, key=lambda r: order[r.name])


@dataclass
class BuildResult:
    """What :func:`build_reports` did."""

    slug: str
    folder: Path  # DIR/<slug>
    index: Path  # DIR/index.html
    executed: list[str]  # notebooks run this time
    reused: list[str]  # notebooks whose previous outputs were still valid


@contextlib.contextmanager
def _lock(out: Path) -> Iterator[None]:
    """One report run at a time per output folder."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    global _LOCK_FD
    handle = open(out / ".lock", "a")  # noqa: SIM115
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ReportError(f"{out}: another report run is writing here") from None
        _LOCK_FD = handle.fileno()
        yield
    finally:
        _LOCK_FD = None
        handle.close()


def _recover(out: Path, slug: str) -> None:
    """Undo what a killed run left: stale temporary folders; a backup whose swap was cut."""
    final = out / slug
    for stale in out.glob(f".{slug}.old-*"):
        if not final.exists():
            os.replace(stale, final)
        else:
            shutil.rmtree(stale, ignore_errors=True)
    for stale in out.glob(f".{slug}.new-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _swap_into_place(build: Path, final: Path) -> None:
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


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def _reusable(old: dict[str, Any] | None, folder: Path, name: str, key: str):
    """The previous manifest entry of ``name`` if its key matches and its files are intact."""
    if not old:
        return None
    entry = next((e for e in old.get("notebooks", []) if e.get("name") == name), None)
    if not entry or entry.get("key") != key:
        return None
    for fname, digest in entry.get("sha256", {}).items():
        path = folder / fname
        try:
            if _sha256(path.read_bytes()) != digest:
                return None
        except OSError:
            return None
    return entry


TIMINGS = ".timings.json"  # seconds per notebook of the last runs, to start the longest first


def _read_timings(out: Path) -> dict[str, dict[str, float]]:
    try:
        data = json.loads((out / TIMINGS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_timings(out: Path, slug: str, seconds: Mapping[str, float]) -> None:
    """Remember how long each notebook took (best effort: only a scheduling hint)."""
    data = _read_timings(out)
    entry = data.get(slug) if isinstance(data.get(slug), dict) else {}
    entry.update({name: round(sec, 2) for name, sec in seconds.items()})
    data[slug] = entry
    with contextlib.suppress(OSError):
        fd, tmp = tempfile.mkstemp(prefix=".timings-", dir=out)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, sort_keys=True)
        os.replace(tmp, out / TIMINGS)


def _longest_first(tasks: list[Task], seconds: Mapping[str, Any]) -> list[Task]:
    """Tasks by decreasing duration last time (unknown ones first, in their order): with a
    worker pool taking tasks in order, that is the longest-processing-time-first schedule."""

    def key(item: tuple[int, Task]) -> tuple[float, int]:
        index, task = item
        value = seconds.get(task.name)
        known = isinstance(value, int | float)
        return (-(value if known else float("inf")), index)

    return [t for _, t in sorted(enumerate(tasks), key=key)]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def build_reports(
    input_path: str | os.PathLike[str],
    out: str | os.PathLike[str] = "reports",
    *,
    notebooks: str | os.PathLike[str] | None = None,
    jobs: int | None = None,
    force: bool = False,
    encoding: str | None = None,
    parameters: Mapping[str, str] | None = None,
    progress: bool | None = None,
    kernel: str | None = None,
) -> BuildResult:
    """Run every notebook on ``input_path`` and write ``out/<slug>/`` and ``out/index.html``.

    ``parameters`` are ``-p NAME VALUE`` strings, converted to the type of each notebook's
    default and injected only into notebooks that declare them. Raises
    :class:`~analysis.corpus.InputError` for an unreadable input, :class:`UsageError` for bad
    options, :class:`NotebookFailed` when a notebook raised (previous reports kept) and
    :class:`ReportError` for the rest; nothing is half-written in any case.
    """
    from analysis.corpus import load_corpus

    source = Path(input_path)
    try:
        os.fsencode(source).decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{source}: the path is not valid UTF-8; rename it") from None
    corpus = load_corpus(source, encoding=encoding)  # InputError: nothing written yet
    absolute = Path(os.path.abspath(source))
    slug = slug_for(absolute)

    nb_dir = Path(notebooks) if notebooks is not None else default_notebooks_dir()
    sources = find_notebooks(nb_dir)
    nb_dir = Path(os.path.abspath(nb_dir))
    read = {}
    for path in sources:
        try:
            read[path.stem] = _read_notebook(path)
        except Exception as exc:  # invalid JSON, not a notebook, unreadable
            message = " ".join(str(exc).split())[:200]
            raise UsageError(f"{path}: cannot be read as a notebook: {message}") from None
    declared = {name: notebook_parameters(nb) for name, nb in read.items()}
    extra = dict(parameters or {})
    for name in extra:
        _check_name(name)
        if name in ("input_path", "encoding"):
            raise UsageError(f"parameter {name} is set by the PATH argument / --encoding")
        if not any(name in d for d in declared.values()):
            raise UsageError(f"parameter {name!r} is not in any notebook's parameters cell")
    per_notebook: dict[str, dict[str, Any]] = {}
    for name, defaults in declared.items():
        values: dict[str, Any] = {"input_path": str(absolute)}
        if encoding is not None:
            values["encoding"] = encoding
        for pname, text in extra.items():
            if pname in defaults:
                try:
                    values[pname] = parse_value(text, defaults[pname])
                except UsageError as exc:
                    raise UsageError(f"parameter {pname}: {exc}") from None
        render_parameters(values)  # refuse anything that is not a plain literal, now
        per_notebook[name] = values

    needs_slides = any("findings" in name for name in read)
    reveal = reveal_dir() if needs_slides else None
    reveal_key = ""
    if reveal is not None:
        h = hashlib.sha256()
        for rel in ("dist/reveal.css", "dist/reveal.js", f"dist/theme/{REVEAL_THEME}.css",
                    "plugin/notes/notes.js"):
            _hash_file(h, reveal / rel)
        reveal_key = h.hexdigest()

    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out, prefix=".probe-", delete=True)
        probe.close()
    except OSError as exc:
        raise ReportError(f"{out}: cannot write reports there: {exc.strerror or exc}") from None
    out = Path(os.path.abspath(out))
    kernel = kernel or choose_kernel()
    common = hashlib.sha256(
        "\n".join([
            input_digest(absolute, exclude=[out]),
            package_digest(),
            environment_digest(kernel),
            reveal_key,
        ]).encode()
    ).hexdigest()

    with _lock(out):
        _recover(out, slug)
        final = out / slug
        old = None if force else _read_manifest(final)
        build = Path(tempfile.mkdtemp(prefix=f".{slug}.new-", dir=out))
        build.chmod(0o777 & ~_umask())  # mkdtemp makes it private; reports are for sharing
        try:
            tasks: list[Task] = []
            entries: dict[str, dict[str, Any]] = {}
            keys: dict[str, str] = {}
            for path in sources:
                name = path.stem
                exports = ("html", "presentation") + (("slides",) if "findings" in name else ())
                key_src = json.dumps(
                    {"nb": _sha256(path.read_bytes()), "common": common,
                     "parameters": per_notebook[name], "exports": exports},
                    sort_keys=True,
                )
                keys[name] = _sha256(key_src.encode())
                entry = _reusable(old, final, name, keys[name])
                if entry is not None:
                    for fname in entry["sha256"]:
                        _link_or_copy(final / fname, build / fname)
                    entries[name] = entry
                    continue
                tasks.append(Task(name=name, source=path, cwd=nb_dir, build=build,
                                  kernel=kernel, parameters=per_notebook[name], exports=exports,
                                  reveal=reveal if "slides" in exports else None))

            unchanged = not tasks and old is not None and (
                [e.get("name") for e in old.get("notebooks", [])] == [p.stem for p in sources]
            )
            if unchanged:
                shutil.rmtree(build, ignore_errors=True)
                shutil.rmtree(out / f"{slug}.failed", ignore_errors=True)
                index = write_index(out)
                return BuildResult(slug, final, index, [], [p.stem for p in sources])

            timings = _read_timings(out).get(slug, {})
            results = _run_tasks(_longest_first(tasks, timings if isinstance(timings, dict)
                                                else {}),
                                 jobs=jobs or os.cpu_count() or 1, build=build,
                                 progress=progress, desc=slug)
            failures = [r for r in results if not r.ok]
            if failures:
                failed_dir = out / f"{slug}.failed"
                shutil.rmtree(failed_dir, ignore_errors=True)
                kept = build / ".failed"
                if kept.is_dir():
                    os.replace(kept, failed_dir)
                lines = []
                for r in failures:
                    kept_nb = failed_dir / f"{r.name}.ipynb"
                    where = f"; partly executed notebook kept in {kept_nb}" if (
                        r.failed_notebook) else ""
                    lines.append(f"notebook {r.name}.ipynb failed at {r.error}{where}")
                write_index(out)
                raise NotebookFailed(lines)

            for r in results:
                entries[r.name] = {
                    "name": r.name,
                    "title": r.title,
                    "summary": r.summary,
                    "files": r.files,
                    "key": keys[r.name],
                    "sha256": {f: _sha256((build / f).read_bytes()) for f in r.files.values()},
                }
            for scratch in (".work", ".kernels", ".failed"):
                shutil.rmtree(build / scratch, ignore_errors=True)
            manifest = {
                "format": FORMAT,
                "slug": slug,
                "input": str(absolute),
                "documents": len(corpus),
                "skipped": [[str(p), str(reason)] for p, reason in corpus.skipped],
                "kernel": kernel,
                "notebooks": [entries[p.stem] for p in sources],
            }
            (build / MANIFEST).write_text(
                json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
            _swap_into_place(build, final)
        except BaseException:
            shutil.rmtree(build, ignore_errors=True)
            raise
        shutil.rmtree(out / f"{slug}.failed", ignore_errors=True)
        _write_timings(out, slug, {r.name: r.seconds for r in results})
        index = write_index(out)
    ran = {t.name for t in tasks}
    return BuildResult(slug, final, index, [p.stem for p in sources if p.stem in ran],
                       [p.stem for p in sources if p.stem not in ran])


# --------------------------------------------------------------------------- index


def _index_entries(out: Path) -> list[dict[str, Any]]:
    reports = []
    for folder in sorted(out.iterdir(), key=lambda p: p.name):
        if folder.name.startswith(".") or not folder.is_dir() or folder.name.endswith(".failed"):
            continue
        manifest = _read_manifest(folder)
        if manifest is None:
            continue
        labels = [("html", "Report"), ("presentation", "Presentation"), ("slides", "Slides"),
                  ("ipynb", "Notebook")]
        notebooks = []
        for nb in manifest.get("notebooks", []):
            files = nb.get("files", {})
            links = [(label, f"{folder.name}/{files[kind]}") for kind, label in labels
                     if kind in files]
            notebooks.append({"title": nb.get("title") or nb.get("name"),
                              "summary": nb.get("summary", ""), "links": links})
        source = Path(manifest.get("input", ""))
        try:
            href = urllib.parse.quote(Path(os.path.relpath(source, out)).as_posix())
        except ValueError:  # another drive
            href = source.as_uri() if source.is_absolute() else ""
        failed = out / f"{folder.name}.failed"
        reports.append({
            "slug": folder.name,
            "input_shown": source.name or str(source),
            "input_href": href if source.exists() and source.is_file() else "",
            "documents": manifest.get("documents"),
            "skipped": [(Path(p).name if Path(p).is_absolute() else p, r)
                        for p, r in manifest.get("skipped", [])],
            "notebooks": notebooks,
            "failed": failed.name if failed.is_dir() else "",
        })
    return reports


def write_index(out: str | os.PathLike[str]) -> Path:
    """(Re)write ``out/index.html`` listing every report folder in ``out`` (atomically)."""
    import jinja2

    out = Path(out)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        keep_trailing_newline=True,
    )
    html = env.get_template("index.html.j2").render(reports=_index_entries(out))
    target = out / "index.html"
    fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".html", dir=out)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(html)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


# --------------------------------------------------------------------------- refresh


def refresh_notebooks(
    folder: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    progress: bool | None = None,
    kernel: str | None = None,
    only: Iterable[str] | None = None,
) -> list[str]:
    """Re-execute the notebooks of ``folder`` in place with their default parameters.

    Each notebook is replaced only when it ran without error (same cleaning as the reports,
    no papermill metadata). Returns the names refreshed; raises :class:`NotebookFailed`
    naming each failing notebook and cell (that notebook is left as it was; the partly
    executed copy goes to ``folder/.failed/``, removed by the next successful refresh).
    """
    folder = Path(os.path.abspath(folder))
    sources = find_notebooks(folder)
    if only:
        wanted = set(only)
        sources = [p for p in sources if p.stem in wanted or p.name in wanted]
    kernel = kernel or choose_kernel()
    build = Path(tempfile.mkdtemp(prefix="news-analysis-refresh-"))
    try:
        tasks = [Task(name=p.stem, source=p, cwd=folder, build=build, kernel=kernel,
                      parameters=None, refresh=True) for p in sources]
        results = _run_tasks(tasks, jobs=jobs or os.cpu_count() or 1, build=build,
                             progress=progress, desc="notebooks")
        failures = [r for r in results if not r.ok]
        if not failures:
            shutil.rmtree(folder / ".failed", ignore_errors=True)
        for r in results:
            if r.ok:
                target = folder / f"{r.name}.ipynb"
                fd, tmp = tempfile.mkstemp(prefix=f".{r.name}-", suffix=".ipynb", dir=folder)
                os.close(fd)
                shutil.copyfile(build / r.files["ipynb"], tmp)
                shutil.copymode(target, tmp)
                os.replace(tmp, target)
        if failures:
            kept = folder / ".failed"  # hidden: neither nbval nor the reports pick it up
            lines = []
            for r in failures:
                where = ""
                if r.failed_notebook:
                    kept.mkdir(exist_ok=True)
                    shutil.copyfile(r.failed_notebook, kept / f"{r.name}.ipynb")
                    where = f"; partly executed notebook kept in {kept / (r.name + '.ipynb')}"
                lines.append(f"notebook {r.name}.ipynb failed at {r.error}{where}")
            raise NotebookFailed(lines)
        return [r.name for r in results]
    finally:
        shutil.rmtree(build, ignore_errors=True)

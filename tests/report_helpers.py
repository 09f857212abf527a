"""Small synthetic notebooks and inputs for the report pipeline tests.

The notebooks follow the project's conventions (first cell "# Title" + summary, a
``parameters`` cell with ``input_path`` relative to notebooks/) but import only what they
need, so a report of them runs in a few seconds.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

ARTICLE = (
    "Harbour plan approved\n\n"
    "The council approved the new harbour plan on Tuesday.\n\n"
    "Residents welcomed the decision, but fishermen said the plan ignores them. "
    "The mayor promised talks with the fishermen next week.\n"
)

PARAMETERS = (
    'input_path = "../seeds/000_81c44d20d7573865.txt"\n'
    "encoding = None\n"
    "top = 3\n"
    'label = "words"'
)


def notebook(cells: list, *, ids: bool = True) -> nbformat.NotebookNode:
    nb = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {
                "name": "news-text-analysis",
                "display_name": "Python 3 (news-text-analysis)",
                "language": "python",
            }
        },
    )
    if ids:
        for i, cell in enumerate(nb.cells):
            cell.id = f"cell-{i}"
    return nb


def parameters_cell(source: str = PARAMETERS) -> nbformat.NotebookNode:
    return new_code_cell(source, metadata={"tags": ["parameters"]})


def words_notebook() -> nbformat.NotebookNode:
    """Counts words, shows a table, a figure (an embedded PNG) and a warning on stderr."""
    return notebook([
        new_markdown_cell("# Word counts\n\nHow many words the input has, and which are **most** "
                          "frequent.\n\n## Details"),
        parameters_cell(),
        new_code_cell(
            "from collections import Counter\n"
            "from pathlib import Path\n"
            "import sys\n"
            "text = Path(input_path).read_text(encoding=encoding or 'utf-8')\n"
            "words = text.lower().split()\n"
            "print(label, len(words))\n"
            "print('a warning for the log', file=sys.stderr)"
        ),
        new_code_cell("Counter(words).most_common(top)"),
        new_code_cell("import pandas as pd  # a wide table: its text form depends on pandas'\n"
                      "pd.DataFrame([[len(w) for w in words[:25]]],  # display defaults\n"
                      "             columns=[f'w{i}' for i in range(25)])"),
        new_markdown_cell("## A figure\n\nThe word lengths, as bars."),
        new_code_cell(
            "import matplotlib.pyplot as plt\n"
            "fig, ax = plt.subplots(figsize=(3, 2))\n"
            "ax.bar(range(5), [len(w) for w in words[:5]])\n"
            "ax.set_title('Word lengths')\n"
            "plt.show()"
        ),
    ])


def findings_notebook(*, slide_metadata: bool = False) -> nbformat.NotebookNode:
    """The findings: headings (one slide each) and a result under each."""
    cells = [
        new_markdown_cell("# Findings\n\nWhat the article says, in three slides."),
        parameters_cell(),
        new_code_cell("from pathlib import Path\n"
                      "text = Path(input_path).read_text(encoding=encoding or 'utf-8')"),
        new_markdown_cell("## Length\n\nThe article is short."),
        new_code_cell("print(len(text.split()), 'words')"),
        new_markdown_cell("## First sentence"),
        new_code_cell("text.split('.')[0]"),
    ]
    nb = notebook(cells)
    nb.metadata["news_analysis"] = {"exports": ["html", "presentation", "slides"]}
    if slide_metadata:
        for cell in nb.cells:
            kind = "slide" if cell.cell_type == "markdown" else "-"
            cell.metadata["slideshow"] = {"slide_type": kind}
    return nb


def failing_notebook() -> nbformat.NotebookNode:
    return notebook([
        new_markdown_cell("# Broken\n\nThis one raises."),
        parameters_cell(),
        new_code_cell("x = 1"),
        new_code_cell("raise ValueError('boom in the third code cell')"),
        new_code_cell("print('never')"),
    ])


def write(nb: nbformat.NotebookNode, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def make_project(root: Path, *, failing: bool = False) -> tuple[Path, Path]:
    """``root/notebooks`` with 01_words + 02_findings (+ 03_broken), and ``root/article.txt``."""
    nbdir = root / "notebooks"
    write(words_notebook(), nbdir / "01_words.ipynb")
    write(findings_notebook(), nbdir / "02_findings.ipynb")
    if failing:
        write(failing_notebook(), nbdir / "03_broken.ipynb")
    article = root / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return nbdir, article


_BUILT: dict[str, Path] = {}  # report folders built in this test session, by name


def built_once(name: str, tmp_path_factory, build) -> Path:
    """The output folder of ``build(out)`` for ``name``, built once per test session and
    shared by the test modules that need it (the real notebooks on the seed take half a
    minute)."""
    if name not in _BUILT:
        out = tmp_path_factory.mktemp(f"reports-{name}") / "reports"
        build(out)
        _BUILT[name] = out
    return _BUILT[name]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` (relative path -> bytes, mtime_ns), hidden files included,
    except the store (``.store/``: the per-document tables, a cache written atomically whether
    or not the reports then succeed)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and ".store" not in path.relative_to(folder).parts:
            out[path.relative_to(folder).as_posix()] = (path.read_bytes(), path.stat().st_mtime_ns)
    return out


def contents(folder: Path) -> dict[str, bytes]:
    return {k: v[0] for k, v in snapshot(folder).items()}


def cli(*args: str, cwd: Path | None = None, timeout: float = 180,
        forks: bool = False) -> subprocess.CompletedProcess:
    """``python -m analysis ARGS`` in a subprocess (no progress bar: stderr is not a tty);
    kernels started from scratch unless ``forks`` (the small test notebooks are ready sooner
    so than after the kernel fork server's imports)."""
    return subprocess.run(
        [PYTHON, "-m", "analysis", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NEWS_ANALYSIS_KERNEL_FORKS": "1" if forks else "0"},
    )


def kernel_processes(marker: str, *more: str) -> list[int]:
    """pids of running kernels (ipykernel, or the kernel fork server and its children) whose
    command line (connection file, build folder) contains ``marker`` (and each of ``more``)."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if b"forkserver" in cmd:  # a forked kernel: its output goes to build/.kernels/
            with contextlib.suppress(OSError):
                cmd += b" " + os.readlink(proc / "fd" / "1").encode()
        elif b"ipykernel" not in cmd:
            continue
        if all(m.encode() in cmd for m in (marker, *more)):
            pids.append(int(proc.name))
    return pids


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def open_offline(browser, url: str):
    """Open ``url`` with every non-local request recorded and aborted; returns the page and
    the lists it fills (requests, console errors, page errors). A dialog (``alert()``: a
    script from the document text ran) counts as a page error."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    remote: list[str] = []
    console: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            remote.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("request", lambda req: None if req.url.startswith(("file:", "data:", "blob:"))
            else remote.append(req.url))
    page.on("console", lambda msg: console.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def dialog(d):
        errors.append(f"dialog opened: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(url, wait_until="load")
    return context, page, remote, console, errors

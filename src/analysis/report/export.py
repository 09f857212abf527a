"""Executed notebooks to self-contained HTML: the full report, the presentation, the slides.

* ``html``: the notebook as JupyterLab shows it, code included (template ``news_report``);
* ``presentation``: the same without code, prompts, parameter cells and stderr;
* ``slides``: a reveal.js deck (template ``news_slides``) with reveal.js inlined from the local
  copy (:func:`reveal_dir`), every slide scaled to fit its frame in the browser.

Every page is one file: images embedded, no script, style or font from the network
(``src/analysis/templates/``). Before export, pandas tables lose their meaningless row index
and get left-aligned text columns (:mod:`analysis.report.htmltables`), and Markdown inside
HTML blocks (``<details><summary>Answer</summary> ... </details>``) stays inside its block:
nbconvert re-parses every HTML block to embed images, which closes a ``<details>`` before
its content; here images are embedded without re-parsing.

>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
...     "<details><summary>Answer</summary>\\n\\nThe *answer*.\\n\\n</details>")])
>>> page = export_html(nb, "presentation", title="t", resources_path=Path(".")).decode()
>>> "<details><summary>Answer</summary>\\n<p>The <em>answer</em>.</p>\\n</details>" in page
True
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import nbformat

from analysis.report.errors import ReportError
from analysis.report.htmltables import readable_outputs

__all__ = [
    "REVEAL_ENV",
    "SUFFIXES",
    "TEMPLATES",
    "export_html",
    "html_notebook",
    "reveal_assets",
    "reveal_digest",
    "reveal_dir",
    "slides_notebook",
]

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
REVEAL_ENV = "NEWS_ANALYSIS_REVEAL"
REVEAL_THEME = "white"
REVEAL_FILES = ("dist/reveal.css", "dist/reveal.js", f"dist/theme/{REVEAL_THEME}.css",
                "plugin/notes/notes.js")
#: The file name suffix of each export.
SUFFIXES = {"html": ".html", "presentation": ".presentation.html", "slides": ".slides.html"}


# --------------------------------------------------------------------------- reveal.js


def reveal_dir() -> Path:
    """The local reveal.js (``$NEWS_ANALYSIS_REVEAL`` or ``<sys.prefix>/share/...``);
    :class:`ReportError` saying how to get it when files are missing."""
    env = os.environ.get(REVEAL_ENV)
    folder = Path(env) if env else Path(sys.prefix) / "share" / "news-text-analysis" / "reveal.js"
    missing = [n for n in REVEAL_FILES if not (folder / n).is_file()]
    if missing:
        raise ReportError(
            f"reveal.js not found in {folder} (needed for the slide deck): run `make install` "
            f"or `python tools/fetch_revealjs.py --dest {folder}`, or set {REVEAL_ENV}"
        )
    return folder


def reveal_digest(folder: Path) -> str:
    """sha256 over the reveal.js files a deck inlines (part of the slides' cache key)."""
    h = hashlib.sha256()
    for rel in REVEAL_FILES:
        h.update((folder / rel).read_bytes())
    return h.hexdigest()


@cache
def reveal_assets(folder: Path) -> dict[str, str]:
    """reveal.js files as text ready to inline (read once per process): web-font @imports
    stripped from the theme, ``</script`` / ``</style`` escaped."""

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


# --------------------------------------------------------------------------- notebooks


def html_notebook(nb: nbformat.NotebookNode, *, results_only: bool) -> nbformat.NotebookNode:
    """A copy for HTML (widgets already static, see
    :func:`~analysis.report.notebooks.clean_notebook`) with readable tables; for
    presentations, without the parameter cells and stderr (noise for the audience)."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if results_only and ({"parameters", "injected-parameters"} & set(tags)):
            continue
        if cell.cell_type == "code" and results_only:
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
        cells.append(cell)
    nb.cells = cells
    return readable_outputs(nb)


def slides_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Slide types from the cells' slideshow metadata; without any, a slide per heading."""
    nb = html_notebook(nb, results_only=True)
    typed = any(
        c.metadata.get("slideshow", {}).get("slide_type", "-") not in ("-", "")
        for c in nb.cells
    )
    if not typed:
        for cell in nb.cells:
            heading = cell.cell_type == "markdown" and re.match(r"\s*#{1,6}\s", cell.source)
            cell.metadata["slideshow"] = {"slide_type": "slide" if heading else "-"}
    return nb


# --------------------------------------------------------------------------- exporters


_IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


@cache
def _classes() -> dict[str, type]:
    """nbconvert's HTML and slides exporters with a Markdown renderer that embeds images
    in HTML blocks without re-parsing them (nbconvert's re-parse closes open tags such as
    ``<details>`` at the end of each block, which pushed every answer out of its fold)."""
    from nbconvert import HTMLExporter, SlidesExporter
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    try:
        from jinja2 import pass_context
    except ImportError:  # jinja2 < 3
        from jinja2 import contextfilter as pass_context  # type: ignore[attr-defined,no-redef]

    class Renderer(IPythonRenderer):
        def _html_embed_images(self, html: str) -> str:
            def swap(m: re.Match[str]) -> str:
                url = self._src_to_base64(m.group(3))
                return m.group(0) if url is None else f"{m.group(1)}{m.group(2)}{url}{m.group(2)}"

            return _IMG_SRC.sub(swap, html)

    class Markdown:
        @pass_context
        def markdown2html(self, context: Any, source: str) -> str:
            cell = context.get("cell", {})
            path = context.get("resources", {}).get("metadata", {}).get("path", "")
            renderer = Renderer(
                escape=False,
                attachments=cell.get("attachments", {}),
                embed_images=self.embed_images,
                path=path,
                anchor_link_text=self.anchor_link_text,
                exclude_anchor_links=self.exclude_anchor_links,
                **self.lexer_options,
            )
            return MarkdownWithMath(renderer=renderer).render(source)

    class ReportExporter(Markdown, HTMLExporter):
        pass

    class SlidesReportExporter(Markdown, SlidesExporter):
        pass

    return {"html": ReportExporter, "slides": SlidesReportExporter}


_EXPORTERS: dict[str, Any] = {}


def _exporter(kind: str) -> Any:
    """The exporter of ``kind``, made once per process (templates compile on first use)."""
    if kind not in _EXPORTERS:
        classes = _classes()
        common = {"extra_template_basedirs": [str(TEMPLATES)], "embed_images": True}
        hidden = {
            "exclude_input": True,
            "exclude_input_prompt": True,
            "exclude_output_prompt": True,
        }
        if kind == "html":
            exporter = classes["html"](template_name="news_report", **common)
        elif kind == "presentation":
            exporter = classes["html"](template_name="news_report", **common, **hidden)
        elif kind == "slides":
            exporter = classes["slides"](
                template_name="news_slides",
                reveal_theme=REVEAL_THEME,
                reveal_transition="none",
                reveal_number="c/t",
                **common,
                **hidden,
            )
        else:
            raise ReportError(f"unknown export {kind!r}")
        _EXPORTERS[kind] = exporter
    return _EXPORTERS[kind]


def warm_exporters() -> None:
    """Export a small notebook once as a report and a presentation, so that the processes
    forked afterwards (the report's workers) find the templates compiled and the Markdown,
    highlighting and sanitising modules loaded (~0.7 s each worker saves).

    >>> warm_exporters()
    """
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    nb = new_notebook(cells=[
        new_markdown_cell("# Title\n\nSome **bold** text, a [link](#a), `code`.\n\n- one\n- two"),
        new_code_cell("import pandas as pd\nx = 1  # a comment", outputs=[
            new_output("display_data", data={"text/html": "<table><tr><td>1</td></tr></table>",
                                             "text/plain": "1"}),
            new_output("stream", name="stdout", text="printed\n")]),
    ], metadata={"language_info": {"name": "python", "pygments_lexer": "ipython3"}})
    for kind in ("html", "presentation"):
        export_html(nb, kind, title="warm", resources_path=Path("."))


def export_html(
    nb: nbformat.NotebookNode,
    kind: str,
    *,
    title: str,
    resources_path: Path,
    reveal: Mapping[str, str] | None = None,
    input_title: str = "",
) -> bytes:
    """One self-contained HTML page of ``nb`` (UTF-8 bytes): kind ``html``, ``presentation``
    or ``slides`` (which needs ``reveal``, from :func:`reveal_assets`). ``title`` is the
    page's title; ``input_title`` (the input's display title) is shown above the report and
    added to the page title; ``resources_path`` is where relative image links resolve."""
    if kind == "slides":
        page_nb = slides_notebook(nb)
    else:
        page_nb = html_notebook(nb, results_only=kind == "presentation")
    name = f"{title} \u00b7 {input_title}" if input_title else title
    resources: dict[str, Any] = {
        "metadata": {"name": name, "path": str(resources_path)},
        "news_input": input_title,
    }
    if kind == "slides":
        if reveal is None:
            raise ReportError("slides need reveal.js")
        resources["news_reveal"] = dict(reveal)
    body, _ = _exporter(kind).from_notebook_node(page_nb, resources=resources)
    return body.encode("utf-8")

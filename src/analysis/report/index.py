"""``DIR/index.html``: every report folder in ``DIR``, by the input's title, each notebook
with its title, its summary (Markdown rendered) and links to its files.

The index is rebuilt from the manifests (``DIR/<slug>/manifest.json``) after every run, so
it lists what is on disk, never a report that failed half-way; a failed last run is flagged.

>>> print(summary_html("Which words are *key*, and `why`? <b>raw</b>"))
Which words are <em>key</em>, and <code>why</code>? &lt;b&gt;raw&lt;/b&gt;
"""

from __future__ import annotations

import os
import urllib.parse
from pathlib import Path
from typing import Any

from analysis.report import cache
from analysis.report.export import TEMPLATES
from analysis.report.files import write_atomically

__all__ = ["summary_html", "write_index"]

_LABELS = [("html", "Report"), ("presentation", "Presentation"), ("slides", "Slides"),
           ("ipynb", "Notebook")]


def summary_html(markdown: str) -> str:
    """One paragraph of Markdown as inline HTML (CommonMark, markdown-it-py); raw HTML in
    the text is escaped, never passed through."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).renderInline(markdown).strip()


def _index_entries(out: Path) -> list[dict[str, Any]]:
    reports = []
    for folder in sorted(out.iterdir(), key=lambda p: p.name):
        if folder.name.startswith(".") or not folder.is_dir() or folder.name.endswith(".failed"):
            continue
        manifest = cache.read_manifest(folder)
        if manifest is None:
            continue
        notebooks = []
        for nb in manifest.get("notebooks", []):
            names = nb.get("files", {})
            links = [(label, f"{folder.name}/{names[kind]}") for kind, label in _LABELS
                     if kind in names]
            notebooks.append({"title": nb.get("title") or nb.get("name"),
                              "summary": summary_html(nb.get("summary", "")), "links": links})
        source = Path(manifest.get("input", ""))
        try:
            href = urllib.parse.quote(Path(os.path.relpath(source, out)).as_posix())
        except ValueError:  # another drive
            href = source.as_uri() if source.is_absolute() else ""
        failed = out / f"{folder.name}.failed"
        reports.append({
            "slug": folder.name,
            "title": manifest.get("title") or folder.name,
            "input_shown": (source.name or str(source)) + ("/" if source.is_dir() else ""),
            "input_href": href if source.exists() and source.is_file() else "",
            "documents": manifest.get("documents"),
            "skipped": [(Path(p).name if Path(p).is_absolute() else p, r)
                        for p, r in manifest.get("skipped", [])],
            "notebooks": notebooks,
            "failed": failed.name if failed.is_dir() else "",
        })
    return reports


def write_index(out: str | os.PathLike[str]) -> Path:
    """(Re)write ``out/index.html`` listing every report folder in ``out`` (atomically);
    returns its path."""
    import jinja2

    out = Path(out)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        keep_trailing_newline=True,
    )
    html = env.get_template("index.html.j2").render(reports=_index_entries(out))
    target = out / "index.html"
    write_atomically(target, html.encode("utf-8"))
    return target

"""The full report on a folder of 2,000 article files (``python -m analysis report FOLDER``).

The articles are built from the same real text as ``corpus_scale``: each of the 18 GUM news
documents is one article, and the VADER ground-truth snippets are grouped, in order, into
articles of a dozen paragraphs each under a title line, until there are 2,000 files. The run
writes every notebook's report, with the progress bar on; the figure is the wall time of the
whole command (median of 3, each with ``--force``), and the size of the largest report.

Target: under 60 s on 2 cores.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import median_seconds, show, write_results
from benchmarks.data import VADER_SETS, gum_news, vader_groundtruth

ARTICLES = 2000
PARAGRAPHS = 12


def build_folder(folder: Path, articles: int = ARTICLES) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    words = 0
    for doc in gum_news():
        (folder / f"{n:04d}_{doc.name}.txt").write_text(doc.title + "\n\n" + doc.text + "\n",
                                                        encoding="utf-8")
        words += len(doc.text.split())
        n += 1
    snippets = [t.text for name in VADER_SETS for t in vader_groundtruth(name)]
    i = 0
    while n < articles:
        part = [snippets[(i + k) % len(snippets)] for k in range(PARAGRAPHS)]
        i += PARAGRAPHS
        body = "\n\n".join(part)
        (folder / f"{n:04d}_article.txt").write_text(f"Article {n}\n\n{body}\n", encoding="utf-8")
        words += len(body.split())
        n += 1
    return {"files": n, "words": words}


def run(folder: Path, out: Path) -> None:
    subprocess.run([sys.executable, "-m", "analysis", "report", str(folder), "--out", str(out),
                    "--force"], check=True)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="folder-report-"))
    try:
        folder = work / "articles"
        size = build_folder(folder)
        print(f"built {size['files']:,} files, {size['words']:,} words (whitespace count)")
        out = work / "reports"
        t0 = time.perf_counter()
        run(folder, out)
        first = time.perf_counter() - t0
        seconds = median_seconds(lambda: run(folder, out), repeat=3, warmup=0)
        pages = sorted((out / "articles").glob("*.html"), key=lambda p: p.stat().st_size)
        largest = pages[-1]
        figures = {
            **size,
            "first_run_seconds": first,
            "median_seconds": seconds,
            "target_seconds": 60,
            "met": seconds < 60,
            "largest_report": {"file": largest.name, "bytes": largest.stat().st_size},
        }
        show("Report of a 2,000-file folder", [
            {"files": size["files"], "words": size["words"], "seconds": seconds,
             "largest report": f"{largest.name} ({largest.stat().st_size / 1e6:.1f} MB)"}])
        write_results("folder_report", figures)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

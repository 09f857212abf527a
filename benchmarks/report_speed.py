"""Speed of the HTML reports on the seed article (``make reports``).

Compared in the same run, wall time of the whole report of every notebook in notebooks/:

* ``obvious``: what one would write in a Makefile: per notebook, one ``papermill`` process
  (parameter ``input_path`` = the seed) then one ``jupyter nbconvert --to html`` process,
  one notebook after the other;
* ``report_cold``: ``python -m analysis report SEED --out TMP --force`` (everything executed
  again; one process, notebooks in parallel worker processes, exports in-process; it also
  writes the presentation variant and the slide deck, which ``obvious`` does not);
* ``report_cold_1job``: the same with ``--jobs 1`` (what is gained without parallelism);
* ``make_reports``: ``make reports`` into an empty folder (dependencies installed): the
  command a user types, with make's own checks;
* ``report_unchanged``: the same command without ``--force`` when nothing changed (the
  cache: nothing executed).

Targets: the cold report in under 10 s on 2 cores, and at most half the obvious way's time.
Medians of several runs (the obvious way fewer: it is slow). Both use the project kernel and
the same kernel environment.

Run: ``python -m benchmarks report_speed``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import report
from benchmarks.common import median_seconds, show, write_results

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SEED = ROOT / "seeds" / "000_81c44d20d7573865.txt"
BIN = Path(sys.executable).parent
TARGETS = {"report_cold_seconds": 10.0, "ratio_cold_vs_obvious": 0.5}


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(report.KERNEL_ENV)
    env.update(extra)
    return env


def _run(cmd: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, env=env or _env())
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])}... failed:\n{result.stderr[-2000:]}")


def obvious_way(notebooks: list[Path], out: Path, kernel: str) -> None:
    """papermill then nbconvert, one process each, per notebook."""
    out.mkdir(parents=True, exist_ok=True)
    for nb in notebooks:
        executed = out / nb.name
        _run([str(BIN / "papermill"), "--no-progress-bar", "-k", kernel, str(nb), str(executed),
              "-p", "input_path", str(SEED), "--cwd", str(nb.parent)])
        _run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)])


def ours(out: Path, *extra: str) -> None:
    _run([sys.executable, "-m", "analysis", "report", str(SEED), "--out", str(out),
          "--notebooks", str(NOTEBOOKS), *extra], env=_env())


def make_reports(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    _run(["make", "-s", "-C", str(NOTEBOOKS.parent), "reports", f"REPORTS={out}"], env=_env())


def main() -> None:
    try:
        notebooks = report.find_notebooks(NOTEBOOKS)
    except report.UsageError as exc:
        print(f"report_speed: no notebooks to measure ({exc})")
        write_results("report_speed", {"status": f"no notebooks: {exc}"})
        return
    kernel = report.choose_kernel()
    work = Path(tempfile.mkdtemp(prefix="report-speed-"))
    try:
        out = work / "reports"
        t0 = time.perf_counter()
        ours(out, "--force")  # warm the file caches and check that it works at all
        first = time.perf_counter() - t0
        cold = median_seconds(lambda: ours(out, "--force"), repeat=5, warmup=0)
        cold_1 = median_seconds(lambda: ours(out, "--force", "--jobs", "1"), repeat=3, warmup=0)
        made = median_seconds(lambda: make_reports(work / "made"), repeat=3, warmup=0)
        ours(out)
        unchanged = median_seconds(lambda: ours(out), repeat=5, warmup=0)
        obvious = median_seconds(lambda: obvious_way(notebooks, work / "obvious", kernel),
                                 repeat=3, warmup=0)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures = {
        "notebooks": [nb.name for nb in notebooks],
        "kernel": kernel,
        "cpus": os.cpu_count(),
        "seconds": {
            "obvious": obvious,
            "report_cold": cold,
            "report_cold_1job": cold_1,
            "make_reports": made,
            "report_unchanged": unchanged,
            "report_first_run": first,
        },
        "ratio_cold_vs_obvious": cold / obvious,
        "ratio_cold_1job_vs_obvious": cold_1 / obvious,
        "ratio_make_reports_vs_obvious": made / obvious,
        "ratio_unchanged_vs_obvious": unchanged / obvious,
        "targets": TARGETS,
        "met": {
            "report_cold_seconds": cold < TARGETS["report_cold_seconds"],
            "ratio_cold_vs_obvious": cold / obvious <= TARGETS["ratio_cold_vs_obvious"],
        },
    }
    show(
        f"Report of {len(notebooks)} notebooks on the seed (median wall seconds)",
        [
            {"way": "papermill + nbconvert processes", "seconds": obvious, "ratio": 1.0},
            {"way": "analysis report --force", "seconds": cold, "ratio": cold / obvious},
            {"way": "analysis report --force -j1", "seconds": cold_1, "ratio": cold_1 / obvious},
            {"way": "make reports (empty output folder)", "seconds": made,
             "ratio": made / obvious},
            {"way": "analysis report (unchanged)", "seconds": unchanged,
             "ratio": unchanged / obvious},
        ],
    )
    print(f"targets met: {figures['met']}")
    write_results("report_speed", figures)


if __name__ == "__main__":
    main()

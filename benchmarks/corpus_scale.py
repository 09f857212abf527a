"""Corpora at scale: the full reports of a CSV export, from 2,225 articles to 100,000.

Inputs, built from real news text in the shared data folder (never copied into the repository;
written to a temporary folder):

* ``news2225.csv``: the BBC News articles of the shared training file (1,557 rows: its README
  says 1,558) (``text``, ``category``) plus the first PolNeAR articles (``text``, their
  publisher as ``category``) to make 2,225 rows, the size of the whole BBC data set;
* ``polnear_N.csv`` for N = 10,000, 30,000, 100,000: the 924 PolNeAR articles repeated with
  distinct ids (``copy-K/NAME``), with their ``title``, ``publisher`` and ``date``: about 750
  words each, 75M words at 100,000. Every row has its own id, so every row is analysed: nothing is
  served from the store because a text was seen before.

Measured, each in a fresh process (``python -m analysis report FILE --out DIR``), wall time and
the peak resident memory of the largest single process (the command, its workers and kernels):

* the 2,225-article CSV from nothing, then again after one row was appended (the store reuses
  every other document's tables);
* the same CSV with the implementation as it was before this work (``BASELINE``, a git
  revision checked out into a temporary folder and run with the same interpreter), which reads a
  CSV as one plain-text document;
* another row added with every kernel started from scratch (``NEWS_ANALYSIS_KERNEL_FORKS=0``:
  no kernel fork server), and the seed's reports both ways: what the fork server saves;
* the seed article's reports, ours and the baseline's;
* 10,000 / 30,000 / 100,000 articles (``--sizes`` to choose; the 100,000 run takes 35 minutes;
  ``--sizes`` with no size measures none and keeps the last run's figures of those sizes).

Run: ``python -m benchmarks corpus_scale [--sizes N ...] [--no-baseline]`` (or ``python -m
benchmarks.corpus_scale ...``).

Targets (issue 12): 2,225 rows at most 30 s and every process under 1 GB; one row added at most
15 s; 100,000 rows at most 15 minutes and every process under 2 GB; time linear in size; the
seed's reports no slower than before.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import RESULTS, show, write_results
from benchmarks.data import data_dir

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_81c44d20d7573865.txt"
#: The revision the work on corpora started from (reads a CSV as one plain-text document).
BASELINE = "18c77cc"
SIZES = (10_000, 30_000, 100_000)


def _bbc_rows() -> list[dict[str, str]]:
    with open(data_dir() / "bbc_news_train" / "train.csv", encoding="utf-8", newline="") as f:
        return [{"text": r["text"], "category": r["category"]} for r in csv.DictReader(f)]


def _polnear() -> list[dict[str, str]]:
    base = data_dir() / "polnear"
    with open(base / "metadata.tsv", encoding="utf-8", newline="") as f:
        meta = list(csv.DictReader(f, delimiter="\t"))
    rows = []
    for m in meta:
        path = base / m["compartment"] / "text" / f"{m['filename']}.txt"
        if path.exists():
            rows.append({"id": m["filename"], "title": m["title"], "publisher": m["publisher"],
                         "date": m["publication_date"],
                         "text": path.read_text(encoding="utf-8")})
    return rows


def write_2225(path: Path) -> int:
    bbc = _bbc_rows()
    rows = bbc + [{"text": r["text"], "category": r["publisher"]}
                  for r in _polnear()[:2225 - len(bbc)]]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["text", "category"])
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def write_polnear(path: Path, n: int) -> int:
    base = _polnear()
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "title", "publisher", "date", "text"])
        w.writeheader()
        for i in range(n):
            r = base[i % len(base)]
            w.writerow({**r, "id": f"copy-{i // len(base)}/{r['id']}"})
    return n


def report(path: Path, out: Path, *, pythonpath: str | None = None,
           notebooks: Path | None = None, extra: list[str] = (),
           env_extra: dict[str, str] | None = None) -> dict[str, float]:
    """Run the report command in a fresh process; wall seconds and peak RSS (MB) of the largest
    process of its tree."""
    env = {**os.environ, **(env_extra or {})}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    cmd = [sys.executable, "-c",
           "import resource, runpy, sys; sys.argv = ['analysis', *sys.argv[1:]];"
           "code = 0\n"
           "try:\n    runpy.run_module('analysis', run_name='__main__')\n"
           "except SystemExit as e:\n    code = e.code or 0\n"
           "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
           "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
           "print(f'PEAK_KB {own} {kids}', file=sys.stderr); sys.exit(code)",
           "report", str(path), "--out", str(out), "--quiet", *extra]
    if notebooks:
        cmd += ["--notebooks", str(notebooks)]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode:
        raise RuntimeError(f"report failed ({done.returncode}):\n{done.stderr[-3000:]}")
    peak = [line for line in done.stderr.splitlines() if line.startswith("PEAK_KB")][-1]
    own, kids = map(int, peak.split()[1:])
    return {"seconds": round(seconds, 2), "peak_mb": round(max(own, kids) / 1024, 1)}


def _kept(figures: dict) -> dict:
    """What the last results file holds that this run did not measure (the 100,000-article
    run takes 35 minutes: a run with ``--sizes`` and no size keeps its figures)."""
    try:
        last = json.loads((RESULTS / "corpus_scale.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    keep = ("polnear_scale", "polnear_seconds_per_1000_articles", "runs", "note")
    old = {k: last[k] for k in keep if k in last and k not in figures}
    for part in ("csv_2225", "seed"):  # the baseline's figures, when not run again
        if "baseline" in last.get(part, {}) and "baseline" not in figures.get(part, {}):
            figures[part]["baseline"] = last[part]["baseline"]
    return old


def baseline_checkout(work: Path) -> Path | None:
    target = work / "baseline"
    done = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(target),
                           BASELINE], capture_output=True, text=True)
    return target if done.returncode == 0 else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks corpus_scale")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv if argv is not None else [])
    work = Path(tempfile.mkdtemp(prefix="corpus-scale-"))
    figures: dict = {"baseline_revision": BASELINE}
    rows = []
    base = None if args.no_baseline else baseline_checkout(work)
    try:
        csv2225 = work / "news2225.csv"
        n = write_2225(csv2225)
        out = work / "reports"
        first = report(csv2225, out)
        with open(csv2225, "a", encoding="utf-8", newline="") as f:
            csv.writer(f).writerow(["A late story was added to the export today. Officials "
                                    "said it changed nothing.", "added"])
        added = report(csv2225, out)
        figures["csv_2225"] = {"rows": n, "from_nothing": first, "one_row_added": added,
                               "targets": {"seconds": 30, "added_seconds": 15, "peak_mb": 1024}}
        rows += [{"input": f"{n:,}-row CSV, from nothing", **first},
                 {"input": "same, one row added", **added}]
        # the same with every kernel started from scratch (no fork server), in this run
        fresh = {"NEWS_ANALYSIS_KERNEL_FORKS": "0"}
        with open(csv2225, "a", encoding="utf-8", newline="") as f:
            csv.writer(f).writerow(["One more story was added to the export. Officials said "
                                    "it changed nothing either.", "added"])
        added_fresh = report(csv2225, out, env_extra=fresh)
        figures["csv_2225"]["one_row_added_fresh_kernels"] = added_fresh
        rows.append({"input": "same, another row added, kernels not forked", **added_fresh})
        seed = report(SEED, work / "seed-reports", extra=["--force"])
        seed_fresh = report(SEED, work / "seed-reports", extra=["--force"], env_extra=fresh)
        figures["seed"] = {"ours": seed, "ours_fresh_kernels": seed_fresh}
        rows += [{"input": "seed article", **seed},
                 {"input": "seed article, kernels not forked", **seed_fresh}]
        if base is not None:
            pp = str(base / "src")
            nb = base / "notebooks"
            old_seed = report(SEED, work / "old-seed", pythonpath=pp, notebooks=nb,
                              extra=["--force"])
            old_csv = report(csv2225, work / "old-csv", pythonpath=pp, notebooks=nb)
            figures["seed"]["baseline"] = old_seed
            figures["csv_2225"]["baseline"] = old_csv
            rows += [{"input": "seed article, baseline", **old_seed},
                     {"input": f"{n:,}-row CSV, baseline (read as one document)", **old_csv}]
        scale = {}
        for size in args.sizes:
            path = work / f"polnear_{size}.csv"
            write_polnear(path, size)
            result = report(path, work / f"reports-{size}")
            scale[str(size)] = result
            rows.append({"input": f"{size:,} PolNeAR articles", **result})
            path.unlink()
        if scale:
            figures["polnear_scale"] = scale
            sizes = sorted(int(s) for s in scale)
            per_1000 = {s: scale[str(s)]["seconds"] / s * 1000 for s in sizes}
            figures["polnear_seconds_per_1000_articles"] = per_1000
        show("Reports of corpora (wall seconds, peak MB of the largest process)", rows)
        write_results("corpus_scale", {**_kept(figures), **figures})
    finally:
        if base is not None:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)],
                           capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])

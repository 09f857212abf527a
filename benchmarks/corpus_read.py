"""Reading corpora: speed on real corpora, memory on a large generated CSV.

* The BBC News CSV (1,557 articles with mojibake, shared data ``bbc_news_train``):
  ``load_corpus`` (decode, parse, repair, clean, English check, titles, metadata) against, in
  the same run, pandas ``read_csv`` of the same file (parsing alone, no document built).
* The 924 PolNeAR articles as a folder of .txt files (``polnear/{train,dev}/text``, linked
  into a temporary folder): ``load_corpus`` against reading and decoding every file
  (``Path.read_text``) in the same run.
* A generated CSV of several hundred MB (the BBC articles repeated with distinct ids, dates and
  outlets): peak resident memory of streaming it with ``iter_documents``, of ``load_corpus``
  holding every document, and of ``pandas.read_csv`` holding the table, each in a fresh
  process, beside the same process that only imports the package.

``python -m benchmarks corpus_read`` (``BENCH_CSV_MB`` sets the generated size, default 250).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import median_seconds, show, write_results
from benchmarks.data import data_dir

_PEAK = """
import json, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
out = {}
if mode == "stream":
    from analysis.corpus import iter_documents
    n = chars = 0
    stream = iter_documents(path, id_column="id")
    for doc in stream:
        n += 1
        chars += len(doc.text)
    out.update(documents=n, characters=chars, skipped=len(stream.skipped))
elif mode == "load":
    from analysis.corpus import load_corpus
    corpus = load_corpus(path, id_column="id")
    out.update(documents=len(corpus), characters=sum(len(d.text) for d in corpus))
elif mode == "pandas":
    import pandas as pd
    frame = pd.read_csv(path)
    out.update(documents=len(frame))
elif mode == "import":
    import analysis.corpus, pandas  # noqa: F401
out["seconds"] = time.perf_counter() - t0
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def bbc_path() -> Path:
    return data_dir() / "bbc_news_train" / "train.csv"


def bbc_csv() -> dict:
    import pandas as pd

    from analysis.corpus import load_corpus

    path = bbc_path()
    corpus = load_corpus(path)
    ours = median_seconds(lambda: load_corpus(path), repeat=3)
    plain = median_seconds(lambda: pd.read_csv(path), repeat=3)
    size = path.stat().st_size
    return {"file_mb": size / 1e6, "documents": len(corpus), "seconds": ours,
            "documents_per_second": len(corpus) / ours, "mb_per_second": size / 1e6 / ours,
            "pandas_read_csv_seconds": plain, "ratio_to_pandas": ours / plain,
            "spots_repaired": sum(r.count for d in corpus for r in d.repairs),
            "documents_repaired": sum(1 for d in corpus if d.repairs)}


def polnear_folder() -> dict:
    from analysis.corpus import load_corpus

    src = data_dir() / "polnear"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "polnear"
        for part in ("train", "dev"):
            (folder / part).mkdir(parents=True)
            for f in sorted((src / part / "text").glob("*.txt")):
                (folder / part / f.name).symlink_to(f)
        files = sorted(folder.rglob("*.txt"))
        corpus = load_corpus(folder)
        ours = median_seconds(lambda: load_corpus(folder), repeat=3)
        plain = median_seconds(lambda: [f.read_text(encoding="utf-8") for f in files], repeat=3)
    size = sum(f.stat().st_size for f in (src / p / "text" for p in ("train", "dev"))
               for f in f.glob("*.txt"))
    return {"files": len(files), "documents": len(corpus), "skipped": len(corpus.skipped),
            "file_mb": size / 1e6, "seconds": ours, "documents_per_second": len(corpus) / ours,
            "read_text_seconds": plain, "ratio_to_read_text": ours / plain,
            "titles_from_first_line": sum(d.info["title_from"] == "first line" for d in corpus),
            "hard_wrapped": sum(d.info["hard_wrapped"] for d in corpus),
            "spots_repaired": sum(r.count for d in corpus for r in d.repairs)}


def generate_csv(path: Path, megabytes: int) -> dict:
    """The BBC articles repeated, with distinct ids, a date and an outlet per row."""
    csv.field_size_limit(2**31 - 1)
    with open(bbc_path(), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    target = megabytes * 1_000_000
    written = n = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "date", "outlet", "category", "text"])
        while written < target:
            row = rows[n % len(rows)]
            day = f"{2004 + n % 2}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            line = [f"a{n:07d}", day, f"outlet {n % 7}", row["category"], row["text"]]
            writer.writerow(line)
            written += sum(len(c) for c in line) + 10
            n += 1
    return {"rows": n, "file_mb": path.stat().st_size / 1e6}


def peak(mode: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _PEAK, mode, str(path)], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def big_csv(megabytes: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.csv"
        made = generate_csv(path, megabytes)
        figures = {**made, "import_only": peak("import", path)}
        for mode in ("stream", "load", "pandas"):
            figures[mode] = peak(mode, path)
    return figures


def main() -> None:
    bbc = bbc_csv()
    show("BBC News CSV", [bbc])
    pol = polnear_folder()
    show("PolNeAR folder", [pol])
    megabytes = int(os.environ.get("BENCH_CSV_MB", "250"))
    t0 = time.perf_counter()
    big = big_csv(megabytes)
    show(f"generated CSV ({big['file_mb']:.0f} MB, {big['rows']:,} rows): peak memory",
         [{"run": k, **v} for k, v in big.items() if isinstance(v, dict)])
    print(f"(large-file runs took {time.perf_counter() - t0:.0f} s)")
    path = write_results("corpus_read", {"bbc_csv": bbc, "polnear_folder": pol,
                                         "generated_csv": big})
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()

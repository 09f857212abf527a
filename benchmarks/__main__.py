"""Run every benchmark: ``python -m benchmarks [name ...]`` (``make bench``)."""

from __future__ import annotations

import importlib
import sys
import time

BENCHMARKS = [
    "tokenise_gum",
    "vader_groundtruth",
    "lemmas_gum",
    "folder_report",
    "corpus_scale",
    "plots_gallery",
    "report_speed",
    "entities_gum",
    "entities_kinds",
    "attributions_polnear",
    "coref_gum",
    "corpus_read",
    "mojibake",
    "topics_bbc",
]


def main(argv: list[str]) -> int:
    names = argv or BENCHMARKS
    for name in names:
        t0 = time.perf_counter()
        print(f"=== {name}", flush=True)
        importlib.import_module(f"benchmarks.{name}").main()
        print(f"=== {name} done in {time.perf_counter() - t0:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Run every benchmark: ``python -m benchmarks [name ...]`` (``make bench``); options after one
name go to that benchmark (``python -m benchmarks corpus_scale --sizes 10000``)."""

from __future__ import annotations

import importlib
import inspect
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
    cut = next((i for i, a in enumerate(argv) if a.startswith("-")), len(argv))
    names, options = argv[:cut] or BENCHMARKS, argv[cut:]
    if options and len(names) != 1:
        print("options go with one benchmark: python -m benchmarks NAME --option ...",
              file=sys.stderr)
        return 2
    for name in names:
        t0 = time.perf_counter()
        print(f"=== {name}", flush=True)
        run = importlib.import_module(f"benchmarks.{name}").main
        if options and not inspect.signature(run).parameters:
            print(f"{name} takes no options", file=sys.stderr)
            return 2
        run(options) if options else run()
        print(f"=== {name} done in {time.perf_counter() - t0:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

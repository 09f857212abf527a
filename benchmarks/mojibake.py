"""Mojibake repair on all the shared data: what changes, and is text that was fine left alone?

Every text of the shared data folder goes through ``analysis.corpus.repair_mojibake``:

* the 18 GUM news documents (Wikinews; text rebuilt from ``# text =`` lines);
* every PolNeAR article (924 .txt files);
* every text of the VADER paper's four ground-truth sets (23,703 lines);
* every article of the BBC News CSV (1,557; its README says it holds mojibake, "Â£" for "£").

For each set: texts, texts changed, spots repaired, the kinds of repair (characters before and
after, with counts) and a sample of repaired spots in context to check by eye. Two checks in
the same run: our line-by-line repair gives exactly the text ``ftfy.fix_text`` gives with the
same settings on the whole text (so the speed-up changes nothing), and its speed against that
baseline. ``python -m benchmarks mojibake``.
"""

from __future__ import annotations

import csv
import time
import unicodedata
from collections import Counter

from benchmarks.common import show, write_results
from benchmarks.data import VADER_SETS, data_dir, gum_news, vader_groundtruth


def texts_by_set() -> dict[str, list[tuple[str, str]]]:
    """(name, text) pairs of every set, texts as the loader sees them (decoded, NFC)."""
    root = data_dir()
    sets: dict[str, list[tuple[str, str]]] = {}
    sets["gum_news"] = [(d.name, d.text) for d in gum_news()]
    sets["polnear"] = [(p.name, p.read_text(encoding="utf-8"))
                       for p in sorted((root / "polnear").rglob("*.txt"))]
    sets["vader_groundtruth"] = [(f"{name}:{t.id}", t.text) for name in VADER_SETS
                                 for t in vader_groundtruth(name)]
    csv.field_size_limit(2**31 - 1)
    with open(root / "bbc_news_train" / "train.csv", encoding="utf-8", newline="") as f:
        sets["bbc_news_train"] = [(f"row {i}", r["text"])
                                  for i, r in enumerate(csv.DictReader(f), start=1)]
    return {k: [(n, unicodedata.normalize("NFC", t)) for n, t in v] for k, v in sets.items()}


def measure(name: str, texts: list[tuple[str, str]]) -> dict:
    import ftfy

    from analysis.corpus import repair_mojibake
    from analysis.corpus.repair import ftfy_config

    t0 = time.perf_counter()
    results = [repair_mojibake(t) for _, t in texts]
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    reference = [ftfy.fix_text(t, ftfy_config()) for _, t in texts]
    plain = time.perf_counter() - t0
    kinds: Counter = Counter()
    sample = []
    changed = spots = 0
    for (doc, text), (fixed, repairs) in zip(texts, results, strict=True):
        if fixed != text:
            changed += 1
        for r in repairs:
            spots += r.count
            kinds[f"{r.before!r} -> {r.after!r}"] += r.count
            if len(sample) < 12 and (not sample or sample[-1]["text"] != doc):
                sample.append({"text": doc, "line": r.line, "before": r.before,
                               "after": r.after, "context": r.context})
    return {
        "texts": len(texts), "characters": sum(len(t) for _, t in texts),
        "texts_changed": changed, "spots_repaired": spots,
        "unchanged_when_no_repair": all((f == t) == (not r) for (_, t), (f, r)
                                        in zip(texts, results, strict=True)),
        "same_as_ftfy_fix_text": sum(f == ref for (f, _), ref
                                     in zip(results, reference, strict=True)),
        "seconds": ours, "ftfy_fix_text_seconds": plain,
        "kinds": dict(kinds.most_common(15)), "sample": sample,
    }


def main() -> None:
    figures = {}
    for name, texts in texts_by_set().items():
        figures[name] = measure(name, texts)
    show("mojibake repair on the shared data", [
        {"set": k, **{f: v[f] for f in ("texts", "texts_changed", "spots_repaired",
                                        "same_as_ftfy_fix_text", "seconds",
                                        "ftfy_fix_text_seconds")}}
        for k, v in figures.items()])
    for name, f in figures.items():
        if f["kinds"]:
            print(f"\n{name}: kinds of repair {f['kinds']}")
            for s in f["sample"]:
                print(f"  {s['text']} line {s['line']}: {s['before']!r} -> {s['after']!r}  "
                      f"{s['context']}")
    path = write_results("mojibake", figures)
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()

"""Corpus scale: sentences, words, VADER per sentence and word counts on about 1M words.

Real text: the four VADER ground-truth sets and the GUM news documents (shared data folder),
repeated to reach each size. Compared in the same run:

* the naive pipeline a first notebook would use: pysbd sentences, NLTKWordTokenizer words,
  vaderSentiment's reference analyser per sentence, collections.Counter;
* ``analysis.scale.analyse_texts`` on one process and on every core;
* ``analysis.scale.analyse_texts_dask`` on a local Dask cluster (two single-thread workers).

Checks: our VADER scores equal the reference analyser's on the same sentences, our counts equal
``analysis.frequency.words`` counted plainly, and every run gives the same totals. Peak memory
is read from the operating system (maximum resident set size) in a fresh process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter

from benchmarks.common import median_seconds, show, write_results
from benchmarks.data import VADER_SETS, gum_news, vader_groundtruth

SIZES = (250_000, 500_000, 1_000_000)
NAIVE_WORDS = 100_000


def base_texts() -> list[str]:
    texts = [t.text for name in VADER_SETS for t in vader_groundtruth(name)]
    texts += [d.text for d in gum_news()]
    return texts


def corpus_of(words: int, base: list[str], base_counts: list[int]) -> list[str]:
    """Texts from ``base``, repeated in order, until at least ``words`` words (our count)."""
    out: list[str] = []
    total = 0
    i = 0
    while total < words:
        out.append(base[i % len(base)])
        total += base_counts[i % len(base)]
        i += 1
    return out


def naive(texts: list[str]) -> tuple[int, int]:
    import pysbd
    from nltk.tokenize import NLTKWordTokenizer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    seg = pysbd.Segmenter(language="en", clean=False)
    tok = NLTKWordTokenizer()
    sia = SentimentIntensityAnalyzer()
    counts: Counter = Counter()
    sentences = 0
    for text in texts:
        for sent in seg.segment(text):
            sentences += 1
            sia.polarity_scores(sent)
            counts.update(w.lower() for w in tok.tokenize(sent))
    return sentences, sum(counts.values())


def check_identity(texts: list[str]) -> dict:
    """Our scores and counts against the reference analyser and the plain word list."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.frequency import words
    from analysis.scale import analyse_text

    sia = SentimentIntensityAnalyzer()
    score_mismatch = count_mismatch = sentences = 0
    for text in texts:
        result = analyse_text(text)
        for s, e, neg, neu, pos, compound in result.scores:
            sentences += 1
            ref = sia.polarity_scores(text[s:e])
            if (ref["neg"], ref["neu"], ref["pos"], ref["compound"]) != (neg, neu, pos, compound):
                score_mismatch += 1
        if Counter(words(text)) != result.counts:
            count_mismatch += 1
    return {"texts": len(texts), "sentences": sentences,
            "score_mismatches": score_mismatch, "count_mismatches": count_mismatch}


_PEAK = """
import json, resource, sys
from benchmarks.corpus_scale import base_texts, corpus_of
from analysis.scale import analyse_texts, analyse_text
base = base_texts()
counts = [analyse_text(t).words for t in base]
texts = corpus_of(int(sys.argv[1]), base, counts)
s = analyse_texts(texts, jobs=int(sys.argv[2]))
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"words": s.words, "parent_mb": self_kb / 1024,
                  "largest_child_mb": child_kb / 1024}))
"""


def peak_memory(words: int, jobs: int) -> dict:
    out = subprocess.run([sys.executable, "-c", _PEAK, str(words), str(jobs)], check=True,
                         capture_output=True, text=True, cwd=os.path.dirname(os.path.dirname(
                             os.path.abspath(__file__))))
    d = json.loads(out.stdout)
    d["upper_bound_total_mb"] = d["parent_mb"] + jobs * d["largest_child_mb"]
    return d


def main() -> None:
    from analysis.scale import analyse_text, analyse_texts, analyse_texts_dask

    cores = os.cpu_count() or 1
    base = base_texts()
    base_counts = [analyse_text(t).words for t in base]
    print(f"base: {len(base)} texts, {sum(base_counts):,} words; cores: {cores}")

    identity = check_identity(base)
    print(f"identity on the base texts: {identity}")

    sample = corpus_of(NAIVE_WORDS, base[::7], base_counts[::7])
    sample_words = analyse_texts(sample, jobs=1).words
    t_naive = median_seconds(lambda: naive(sample), repeat=3, warmup=0)
    naive_wps = sample_words / t_naive
    print(f"naive pipeline: {sample_words:,} words in {t_naive:.2f} s = {naive_wps:,.0f} words/s")

    rows = []
    totals = set()
    for size in SIZES:
        texts = corpus_of(size, base, base_counts)
        for jobs in sorted({1, cores}):
            result = {}

            def run(texts=texts, jobs=jobs, result=result):
                s = analyse_texts(texts, jobs=jobs)
                result["s"] = s

            t = median_seconds(run, repeat=3, warmup=1)
            s = result["s"]
            totals.add((size, s.sentences, s.words, sum(s.counts.values())))
            wps = s.words / t
            rows.append({"target_words": size, "words": s.words, "jobs": jobs, "seconds": t,
                         "words_per_s": wps, "x_naive": wps / naive_wps})
    show("ours (median of 3)", rows)

    dask_texts = corpus_of(SIZES[0], base, base_counts)
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=cores, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        t0 = time.perf_counter()
        d = analyse_texts_dask(dask_texts, client=client)
        t_dask = time.perf_counter() - t0
    local = analyse_texts(dask_texts, jobs=cores)
    dask_equal = (d.counts == local.counts and d.sentence_scores == local.sentence_scores
                  and d.words == local.words)
    print(f"dask LocalCluster ({cores} workers): {d.words:,} words in {t_dask:.2f} s, "
          f"equal to multiprocessing: {dask_equal}")

    memory = peak_memory(SIZES[-1], cores)
    print(f"peak memory at {SIZES[-1]:,} words, {cores} processes: {memory}")

    big = [r for r in rows if r["target_words"] == SIZES[-1]]
    best = max(big, key=lambda r: r["words_per_s"])
    per_size = {r["target_words"]: r["seconds"] for r in rows if r["jobs"] == cores}
    linear = {str(k): v / per_size[SIZES[0]] for k, v in per_size.items()}
    print(f"1M words: {best['words_per_s']:,.0f} words/s on {best['jobs']} processes = "
          f"{best['x_naive']:.1f}x the naive pipeline; time relative to 0.25M: {linear}")
    write_results("corpus_scale", {
        "naive": {"words": sample_words, "seconds": t_naive, "words_per_s": naive_wps},
        "ours": rows,
        "time_relative_to_smallest": linear,
        "best_1m": best,
        "identity": identity,
        "dask": {"words": d.words, "seconds": t_dask, "equal_to_multiprocessing": dask_equal},
        "peak_memory": memory,
    })
    if identity["score_mismatches"] or identity["count_mismatches"] or not dask_equal:
        raise SystemExit("corpus_scale: results differ from the reference")


if __name__ == "__main__":
    main()

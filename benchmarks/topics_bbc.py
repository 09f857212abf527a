"""Topics and group comparison: quality on BBC News, speed on 2,225 articles, PolNeAR findings.

1. Quality: five topics (:func:`analysis.topics.fit_topics`) against the five BBC sections,
   normalised mutual information (NMI) of each article's main topic with its section, beside
   scikit-learn's defaults (``TfidfVectorizer()`` on the text, ``NMF(5, random_state=0)``)
   in the same run. The 1,558 training articles are split once (seed 13) into a tuning part
   (two thirds: every choice of the method was made on it, averaging six random subsets of 520
   articles) and a check part (one third, 519 articles, not used for any choice); both are
   reported, and all 1,558.
2. Speed: 2,225 articles (all 924 PolNeAR articles with publisher and date, 1,301 BBC articles
   as publisher "bbc", undated). The per-document tables are computed once, as the store does
   (their time is the store's, reported apart), and the comparison functions the notebook
   calls are timed on them (median of 3 runs, each call and all of them in order; wall time,
   and the process's CPU time, which other work on the machine does not inflate); baseline:
   key words by group the obvious way, :func:`analysis.frequency.keyness` of each group
   against the other documents.
3. Findings on PolNeAR (publisher, date): key words, tone and readability of each publisher,
   the topics, the time bins.

Run: ``.venv/bin/python -m benchmarks topics_bbc`` (results in benchmarks/results/).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from analysis import frequency, groups, readability, sentiment, tables, topics, trends
from analysis.corpus import Document
from benchmarks.common import median_seconds, show, write_results
from benchmarks.compare_data import bbc_documents, comparison_corpus, polnear_documents

SPLIT_SEED = 13
SUBSETS = 6
SUBSET_SIZE = 520


def split(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Tuning and check indexes of ``n`` articles (a fixed permutation, seed 13)."""
    perm = np.random.default_rng(SPLIT_SEED).permutation(n)
    return np.sort(perm[n // 3:]), np.sort(perm[: n // 3])


def nmi_ours(docs: list[Document], labels: np.ndarray) -> float:
    from sklearn.metrics import normalized_mutual_info_score

    found = topics.document_topics(docs, n_topics=5, random_state=0)["topic"].fillna(0)
    return float(normalized_mutual_info_score(labels, found.astype(int)))


def nmi_baseline(docs: list[Document], labels: np.ndarray) -> float:
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import normalized_mutual_info_score

    matrix = TfidfVectorizer().fit_transform([d.text for d in docs])
    found = NMF(n_components=5, random_state=0).fit_transform(matrix).argmax(axis=1)
    return float(normalized_mutual_info_score(labels, found))


def quality() -> dict[str, Any]:
    docs = bbc_documents()
    labels = np.array([d.meta["category"] for d in docs])
    tune, check = split(len(docs))
    out: dict[str, Any] = {}
    parts = {"tuning": tune, "check": check, "all": np.arange(len(docs))}
    for name, idx in parts.items():
        part = [docs[i] for i in idx]
        out[name] = {"articles": len(idx), "nmi": round(nmi_ours(part, labels[idx]), 3),
                     "baseline_nmi": round(nmi_baseline(part, labels[idx]), 3)}
    ours, base = [], []
    for i in range(SUBSETS):
        idx = np.sort(np.random.default_rng(100 + i).choice(tune, SUBSET_SIZE, replace=False))
        part = [docs[j] for j in idx]
        ours.append(nmi_ours(part, labels[idx]))
        base.append(nmi_baseline(part, labels[idx]))
    out["tuning_subsets"] = {"subsets": SUBSETS, "articles": SUBSET_SIZE,
                             "nmi_mean": round(float(np.mean(ours)), 3),
                             "nmi_min": round(float(np.min(ours)), 3),
                             "baseline_nmi_mean": round(float(np.mean(base)), 3),
                             "baseline_nmi_min": round(float(np.min(base)), 3)}
    show("Five topics against the five BBC sections (NMI)",
         [{"part": k, **v} for k, v in out.items() if k != "tuning_subsets"])
    show(f"... on {SUBSETS} random subsets of {SUBSET_SIZE} tuning articles",
         [out["tuning_subsets"]])
    return out


class Stored(list):
    """Documents whose per-document tables are computed once and answered from memory, as a
    stored corpus (:mod:`analysis.store`) answers them from Parquet."""

    def __init__(self, docs: list[Document], specs: list[tables.TableSpec]):
        super().__init__(docs)
        self._tables = {s.name: tables.per_document(docs, s) for s in specs}
        meta = pd.DataFrame([{"document": d.id, "title": d.title, "source": d.source,
                              **d.meta} for d in docs])
        self._meta = {c: dict(zip(meta["document"], meta[c], strict=True)) for c in meta}

    def table(self, spec: tables.TableSpec, meta=()) -> pd.DataFrame:
        df = self._tables[spec.name].copy()
        for m in meta:
            if m not in self._meta:
                raise KeyError(f"no metadata column {m!r}; the documents have: "
                               f"{', '.join(sorted(self._meta))}")
            df[m] = df["document"].map(self._meta[m])
        return df


def keyness_obvious(docs: list[Document], by: str) -> pd.DataFrame:
    """Baseline: :func:`analysis.frequency.keyness` of each group against the rest."""
    parts = []
    for value in sorted({d.meta[by] for d in docs}):
        mine = [d for d in docs if d.meta[by] == value]
        rest = [d for d in docs if d.meta[by] != value]
        parts.append(frequency.keyness(mine, rest, min_count=5, top=20).assign(group=value))
    return pd.concat(parts)


def notebook_calls(source: Any, sentences: pd.DataFrame, by: str, terms: list[str]
                   ) -> dict[str, Callable[[], Any]]:
    """The comparison functions the 07 notebook calls, in order, as calls to time; the
    concordance lines take the key words, and the topic tables the model, of calls before."""
    fitted: dict[str, Any] = {}

    def fit():
        fitted["model"] = topics.fit_topics(source, n_topics=5, random_state=0)
        return fitted["model"]

    return {
        "group_sizes": lambda: groups.group_sizes(source, by=by),
        "keyness_by_group": lambda: fitted.update(
            key=frequency.keyness_by_group(source, by=by, top=10)),
        "key_word_lines": lambda: groups.key_word_lines(source, fitted["key"], by=by),
        "frequency_by_group": lambda: frequency.frequency_by_group(source, terms, by=by),
        "tone_by_group": lambda: groups.tone_by_group(source, by=by, sentences=sentences),
        "readability_by_group": lambda: groups.readability_by_group(source, by=by),
        "date_coverage": lambda: trends.date_coverage(source),
        "documents_over_time": lambda: trends.documents_over_time(source),
        "term_trends": lambda: trends.term_trends(source, terms),
        "tone_trends": lambda: trends.tone_trends(source, sentences=sentences),
        "fit_topics": fit,
        "topic_summary": lambda: topics.topic_summary(fitted["model"]),
        "topic_share_by_group": lambda: topics.topic_share_by_group(fitted["model"], by=by),
        "topic_trends": lambda: topics.topic_trends(fitted["model"]),
        "representative_documents": lambda: topics.representative_documents(fitted["model"]),
    }


def run_all(calls: dict[str, Callable[[], Any]]) -> None:
    for call in calls.values():
        call()


def speed() -> dict[str, Any]:
    docs = comparison_corpus(2225)
    terms = ["trump", "clinton", "economy", "police", "election"]
    t0 = time.perf_counter()
    specs = [frequency.WORDS, frequency.NGRAMS, tables.SIZES, readability.READABILITY]
    stored = Stored(docs, specs)
    sentences = sentiment.sentence_table(docs)
    per_document_s = time.perf_counter() - t0
    calls = notebook_calls(stored, sentences, "publisher", terms)
    run_all(calls)  # warm-up
    each = {name: round(median_seconds(call, repeat=3, warmup=0), 3)
            for name, call in calls.items()}
    total = round(median_seconds(lambda: run_all(calls), repeat=3, warmup=0), 2)
    cpu = []
    for _ in range(3):
        t0 = time.process_time()
        run_all(calls)
        cpu.append(time.process_time() - t0)
    load = os.getloadavg()[0]
    obvious = round(median_seconds(lambda: keyness_obvious(docs, "publisher"), repeat=3,
                                   warmup=0), 2)
    out = {"articles": len(docs), "words": int(stored.table(tables.SIZES)["words"].sum()),
           "per_document_tables_s": round(per_document_s, 2), "notebook_calls_s": total,
           "notebook_calls_cpu_s": round(statistics.median(cpu), 2),
           "load_average_1min": round(load, 2), "cpus": os.cpu_count(),
           "each_s": each, "keyness_by_group_s": each["keyness_by_group"],
           "baseline_keyness_each_group_vs_rest_s": obvious}
    show("Comparison of 2,225 articles (seconds)",
         [{"what": k, "seconds": v} for k, v in out.items() if k != "each_s"])
    show("Each call (median of 3, seconds)", [{"call": k, "s": v} for k, v in each.items()])
    return out


def findings() -> dict[str, Any]:
    docs = polnear_documents()
    key = frequency.keyness_by_group(docs, by="publisher", top=5)
    tone = groups.tone_by_group(docs, by="publisher")
    read = groups.readability_by_group(docs, by="publisher")
    model = topics.fit_topics(docs, n_topics=5, random_state=0)
    summary = topics.topic_summary(model, top=6)
    coverage = trends.date_coverage(docs)
    show("PolNeAR: top key words of each publisher against the others",
         [{"publisher": g, "key words": ", ".join(part["word"])}
          for g, part in key.groupby("group")])
    show("PolNeAR: tone by publisher", tone.to_dict("records"))
    show("PolNeAR: readability by publisher",
         read[["group", "documents", "words_per_sentence", "syllables_per_word",
               "reading_ease", "grade"]].to_dict("records"))
    show("PolNeAR: five topics", summary.to_dict("records"))
    return {
        "key_words": {g: part["word"].tolist() for g, part in key.groupby("group")},
        "tone": tone[["group", "documents", "mean_compound", "ci_low", "ci_high",
                      "negative", "positive"]].to_dict("records"),
        "readability": read[["group", "reading_ease", "grade"]].to_dict("records"),
        "topics": summary.to_dict("records"),
        "dates": {k: str(v) for k, v in coverage.iloc[0].items()},
    }


def main() -> None:
    figures = {"quality": quality(), "speed": speed(), "polnear": findings()}
    path = write_results("topics_bbc", figures)
    print(f"\nwritten {path}")


if __name__ == "__main__":
    main()

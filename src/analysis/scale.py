"""Corpus-scale analysis: sentences, words, VADER per sentence and word counts, on all cores.

The per-document function :func:`analyse_text` is pure (a string in, plain data out), so the
same work runs in one process, across the cores of one machine (:func:`analyse_texts`, with
``multiprocessing``), or on a Dask cluster (:func:`analyse_texts_dask`), with equal results.

>>> summary = analyse_texts(["Good news. Bad news!", "The war ended."], jobs=1)
>>> summary.documents, summary.sentences, summary.words
(2, 3, 7)
>>> summary.counts.most_common(2)
[('news', 2), ('good', 1)]
>>> [s[-1] for s in summary.sentence_scores]  # compound of each sentence
[0.4404, -0.5848, -0.5994]
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from analysis.sentiment import vader
from analysis.tokenise import is_punct, sentence_spans, words

__all__ = ["CorpusSummary", "DocumentResult", "analyse_text", "analyse_texts",
           "analyse_texts_dask"]


@dataclass(frozen=True)
class DocumentResult:
    """What :func:`analyse_text` finds in one text."""

    sentences: int
    words: int
    counts: Counter
    # one (start, end, neg, neu, pos, compound) per sentence, offsets into the text
    scores: list[tuple[int, int, float, float, float, float]]


@dataclass
class CorpusSummary:
    """Merged results for a corpus, documents in input order."""

    documents: int = 0
    sentences: int = 0
    words: int = 0
    counts: Counter = field(default_factory=Counter)
    # one (document index, start, end, neg, neu, pos, compound) per sentence
    sentence_scores: list[tuple[int, int, int, float, float, float, float]] = field(
        default_factory=list)

    def add(self, index: int, result: DocumentResult) -> None:
        """Add one document's result."""
        self.documents += 1
        self.sentences += result.sentences
        self.words += result.words
        self.counts.update(result.counts)
        self.sentence_scores.extend((index, *score) for score in result.scores)

    def merge(self, other: CorpusSummary) -> None:
        """Add a partial summary of later documents (merge partials in input order)."""
        self.documents += other.documents
        self.sentences += other.sentences
        self.words += other.words
        self.counts.update(other.counts)
        self.sentence_scores.extend(other.sentence_scores)

    def frame(self):
        """Per-sentence scores as a DataFrame (document, start, end, neg, neu, pos, compound)."""
        import pandas as pd

        return pd.DataFrame(self.sentence_scores,
                            columns=["document", "start", "end", "neg", "neu", "pos", "compound"])


#: Normalised form of each distinct token seen (None for punctuation), shared by all calls.
_NORMAL: dict[str, str | None] = {}
_NORMAL_LIMIT = 1 << 18


def _normal(tok: str) -> str | None:
    if len(_NORMAL) >= _NORMAL_LIMIT:
        _NORMAL.clear()
    key = None if is_punct(tok) else tok.replace("\u2019", "'").lower()
    _NORMAL[tok] = key
    return key


def analyse_text(text: str) -> DocumentResult:
    """Sentences, words, VADER scores per sentence and lower-cased word counts of one text.

    Words are counted lower-cased with curly apostrophes written straight, punctuation left
    out: the same words as ``analysis.frequency.words(text)``.
    """
    spans = sentence_spans(text)
    polarity = vader.polarity
    scores = []
    for s, e in spans:
        p = polarity(text[s:e])
        scores.append((s, e, p["neg"], p["neu"], p["pos"], p["compound"]))
    counts: Counter = Counter()
    normal = _NORMAL
    for tok, n in Counter(words(text)).items():  # normalise per distinct token, not per token
        key = normal[tok] if tok in normal else _normal(tok)
        if key is not None:
            counts[key] += n
    return DocumentResult(len(spans), sum(counts.values()), counts, scores)


def _analyse_chunk(chunk: list[tuple[int, str]]) -> CorpusSummary:
    # Merged in the worker: one Counter per chunk crosses the process boundary, not one per text.
    part = CorpusSummary()
    for i, t in chunk:
        part.add(i, analyse_text(t))
    return part


def _chunks(texts: Iterable[str], size: int) -> Iterable[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for i, t in enumerate(texts):
        chunk.append((i, t))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyse_texts(texts: Iterable[str], *, jobs: int | None = None,
                  chunk_size: int = 500) -> CorpusSummary:
    """Analyse many texts on ``jobs`` processes (default: every core); results in input order.

    Texts are sent to worker processes in chunks of ``chunk_size``; with ``jobs=1`` everything
    runs in this process. The result does not depend on ``jobs`` or ``chunk_size``.
    """
    jobs = jobs or os.cpu_count() or 1
    summary = CorpusSummary()
    if jobs == 1:
        for i, t in enumerate(texts):
            summary.add(i, analyse_text(t))
        return summary
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(jobs) as pool:
        for part in pool.imap(_analyse_chunk, _chunks(texts, chunk_size)):
            summary.merge(part)
    return summary


def analyse_texts_dask(texts: Sequence[str], *, client=None, partitions: int | None = None
                       ) -> CorpusSummary:
    """The same analysis on a Dask cluster (``dask.bag``), for corpora beyond one machine.

    ``client`` is a ``distributed.Client`` (a ``LocalCluster`` or a real cluster); without one,
    Dask's default scheduler runs it locally. Results equal :func:`analyse_texts`'s.
    """
    import dask.bag as db

    partitions = partitions or max(1, min(len(texts), 4 * (os.cpu_count() or 1)))
    bag = db.from_sequence(list(enumerate(texts)), npartitions=partitions)
    results = bag.map(lambda it: (it[0], analyse_text(it[1])))
    computed = client.compute(results).result() if client is not None else results.compute()
    summary = CorpusSummary()
    for i, result in sorted(computed, key=lambda r: r[0]):
        summary.add(i, result)
    return summary

"""Corpus-scale analysis: equal results on one process, on many, and on a Dask cluster."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.frequency import words
from analysis.scale import analyse_text, analyse_texts, analyse_texts_dask
from analysis.sentiment import vader
from analysis.tokenise import sentence_spans

TEXTS = [
    "Islamist militias on Thursday claimed to have taken control of Libya's second city.",
    "The U.S. ambassador was killed. Spain announced Thursday it was pulling its staff!",
    "Good news: the rescue was a GREAT success :) but the cost was terrible.",
    "Thursday’s announcement didn't help.\n\nRefugees arrived in Tunisia.",
    "",
    "...",
] * 7


def test_one_text_matches_the_plain_functions():
    text = TEXTS[1]
    result = analyse_text(text)
    spans = sentence_spans(text)
    assert result.sentences == len(spans)
    assert [(s, e) for s, e, *_ in result.scores] == spans
    for s, e, neg, neu, pos, compound in result.scores:
        assert vader.polarity(text[s:e]) == {"neg": neg, "neu": neu, "pos": pos,
                                             "compound": compound}
    assert result.counts == Counter(words(text))
    assert result.words == len(words(text))


def test_processes_and_chunks_do_not_change_the_result():
    one = analyse_texts(TEXTS, jobs=1)
    two = analyse_texts(TEXTS, jobs=2, chunk_size=3)
    assert (one.documents, one.sentences, one.words) == (two.documents, two.sentences, two.words)
    assert one.counts == two.counts
    assert one.sentence_scores == two.sentence_scores
    assert one.documents == len(TEXTS)
    # document indexes are in input order
    assert [row[0] for row in one.sentence_scores] == sorted(row[0] for row in one.sentence_scores)


def test_counts_add_up_to_words():
    s = analyse_texts(TEXTS, jobs=1)
    assert sum(s.counts.values()) == s.words == sum(len(words(t)) for t in TEXTS)
    assert s.sentences == sum(len(sentence_spans(t)) for t in TEXTS)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=6))
def test_summary_is_the_sum_of_documents(texts):
    s = analyse_texts(texts, jobs=1)
    assert s.words == sum(analyse_text(t).words for t in texts)
    assert sum(s.counts.values()) == s.words


@pytest.mark.slow
def test_dask_local_cluster_gives_equal_results():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        d = analyse_texts_dask(TEXTS, client=client, partitions=5)
    local = analyse_texts(TEXTS, jobs=1)
    assert d.counts == local.counts
    assert d.sentence_scores == local.sentence_scores
    assert (d.documents, d.sentences, d.words) == (local.documents, local.sentences, local.words)

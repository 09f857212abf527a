"""Every public function of analysis.entities survives degenerate input (issue 10 item 3,
issue 15): empty text, one token, only punctuation, only numbers, one word repeated over a
1 MB line. Each returns an empty or a valid table whose offsets point into the text."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import entities
from analysis.corpus import Document
from analysis.tables import per_document

DEGENERATE = st.one_of(
    st.just(""),
    st.sampled_from(["a", "Obama", "said", ".", "12", "'", '"', "\u201c", "Mr.", "U.S."]),
    st.text(alphabet=".,;:!?'\"\u201c\u201d()-\u2014 \n", max_size=60),  # only punctuation
    st.text(alphabet="0123456789.,% $\n", max_size=60),  # only numbers
    st.builds(lambda w, n: " ".join([w] * n),
              st.sampled_from(["said", "Obama", "the", "12", "\u201c", "Mr."]),
              st.integers(1, 300)),
)


def check(text: str) -> None:
    """Call every public function on ``text``; each gives a valid (perhaps empty) table."""
    assert all(0 <= s < e <= len(text) for s, e in entities.name_spans(text))
    for spec in entities.TABLES:
        table = per_document(text, spec)
        assert list(table.columns) == spec.names
        if len(table):
            assert table["sentence"].min() >= 1
    m = entities.mentions(text)
    assert all(text[a:b] == t for a, b, t in zip(m["start"], m["end"], m["text"], strict=True))
    cast = entities.actors(text)
    assert cast["mentions"].sum() == len(m)
    assert entities.actors(text, by="title", top=3)["mentions"].sum() <= len(m)
    assert len(entities.group_actors(m)) == len(m)
    nodes, edges = entities.cooccurrence(text)
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["name"])
    assert list(entities.mention_kinds(m, cast).columns) == list(m.columns)
    said = entities.attributions(text)
    for r in said.itertuples():
        assert text[r.source_start:r.source_end] == r.source
        assert text[r.cue_start:r.cue_end] == r.cue
        assert 0 <= r.content_start < r.content_end <= len(text)
    top = entities.speakers(text)
    assert not set(top["speaker"]) & {"he", "she", "they"}
    parts = entities.attribution_parts(said)
    assert list(parts.columns) == ["document", "start", "end", "part"]
    numbers = entities.figures(text)
    assert all(text[a:b] == t for a, b, t in zip(numbers["start"], numbers["end"],
                                                 numbers["text"], strict=True))
    assert isinstance(entities.document_mentions(text), list)
    for pos in range(0, len(text), max(1, len(text) // 5)):
        found = entities.antecedent(text, pos)
        assert found is None or found.start < pos


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(DEGENERATE)
def test_every_public_function_survives_degenerate_text(text):
    check(text)


@pytest.mark.parametrize("word", ["said", "Obama"])
def test_one_word_repeated_over_a_one_megabyte_line(word):
    text = " ".join([word] * (1_000_000 // (len(word) + 1)))
    check(text)


def test_empty_corpus_and_documents_without_names():
    docs = [Document.from_text("nothing here.", id="a"), Document.from_text("", id="b",
                                                                           strip=False)]
    assert entities.actors(docs).empty and entities.attributions(docs).empty
    assert entities.speakers([]).empty and entities.actors([]).empty
    nodes, edges = entities.cooccurrence([])
    assert nodes.empty and edges.empty
    assert isinstance(entities.figures([]), pd.DataFrame)

"""Figures: drawn from tables, titled and labelled, reproducible to the byte; safe HTML views."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis import dispersion, frequency, sentiment
from analysis.corpus import load_corpus
from analysis.present import display as notebook
from analysis.present import plots

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_81c44d20d7573865.txt"


@pytest.fixture(scope="module")
def seed():
    plots.style()
    return load_corpus(SEED)


def _figures(seed):
    doc = seed[0]
    counts = frequency.word_counts(seed, drop_stopwords=True, top=10)
    table = sentiment.sentence_table(seed)
    expl = sentiment.explain(table.loc[table["compound"].idxmin(), "text"])
    nodes = pd.DataFrame({"name": ["Benghazi", "Libya"], "mentions": [6, 3],
                          "kind": ["place", "place"]})
    edges = pd.DataFrame({"source": ["Benghazi"], "target": ["Libya"], "weight": [1]})
    return {
        "bar_counts": plots.bar_counts(counts, title="Top words"),
        "word_cloud": plots.word_cloud(counts, title="Cloud"),
        "zipf_plot": plots.zipf_plot(frequency.zipf_table(seed)),
        "dispersion_plot": plots.dispersion_plot(
            dispersion.dispersion(doc, ["benghazi", "tripoli"]), ["benghazi", "tripoli"]),
        "keyness_plot": plots.keyness_plot(frequency.keyness_vs_english(seed, top=8)),
        "sentence_sentiment_plot": plots.sentence_sentiment_plot(table),
        "arc_plot": plots.arc_plot(sentiment.arc(table)),
        "explanation_plot": plots.explanation_plot(expl),
        "cooccurrence_network": plots.cooccurrence_network(nodes, edges),
    }


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": "news-text-analysis"})
    return buf.getvalue()


def test_every_figure_has_a_title_and_labelled_axes(seed):
    for name, fig in _figures(seed).items():
        assert isinstance(fig, Figure), name
        ax = fig.axes[0]
        assert ax.get_title(), f"{name} has no title"
        if name not in ("word_cloud", "cooccurrence_network"):
            assert ax.get_xlabel(), f"{name} has no x label"


def test_figures_are_byte_identical_when_redrawn(seed):
    first = {k: _png(v) for k, v in _figures(seed).items()}
    second = {k: _png(v) for k, v in _figures(seed).items()}
    assert first == second


def test_figures_do_not_pile_up_in_pyplot(seed):
    import matplotlib.pyplot as plt

    before = len(plt.get_fignums())
    _figures(seed)
    assert len(plt.get_fignums()) == before


def test_bar_counts_draws_the_table_values(seed):
    counts = frequency.word_counts(seed, drop_stopwords=True, top=5)
    fig = plots.bar_counts(counts, title="t")
    widths = sorted(p.get_width() for p in fig.axes[0].patches)
    assert widths == sorted(counts["count"].tolist())


def test_empty_inputs_still_draw():
    plots.explanation_plot(sentiment.explain("The table is wooden."))
    plots.cooccurrence_network(pd.DataFrame(columns=["name", "mentions", "kind"]),
                               pd.DataFrame(columns=["source", "target", "weight"]))


def test_highlight_escapes_document_text():
    text = 'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> $x^2$ {{ name }}'
    out = notebook.highlight(text, [(0, 2)]).markup
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "{{ name }}" in out and "$x^2$" in out


def test_input_warnings_escape_file_names():
    from analysis.corpus import Corpus, Document

    c = Corpus([Document.from_text("Der Hund und die Katze.", source="<b>x</b>.txt")],
               skipped=[("<script>.txt", "the file is empty")])
    out = notebook.input_warnings(c).markup
    assert "&lt;b&gt;x&lt;/b&gt;.txt" in out and "&lt;script&gt;.txt" in out
    assert "<script>" not in out


def test_show_table_escapes_cells():
    df = pd.DataFrame({"text": ["<b>bold</b> $y$"]})
    out = notebook.show_table(df, caption="<i>c</i>").markup
    assert "<b>bold" not in out and "&lt;b&gt;bold&lt;/b&gt;" in out
    assert "&lt;i&gt;c&lt;/i&gt;" in out

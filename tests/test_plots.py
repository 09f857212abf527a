"""Figures: drawn from tables, titled and labelled, slide-sized, reproducible to the byte, a plain
sentence instead of a blank frame when there is too little to draw; safe HTML views."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib.image as mpimg
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis import dispersion, frequency, sentiment
from analysis.corpus import Document, load_corpus
from analysis.present import display as notebook
from analysis.present import plots

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_81c44d20d7573865.txt"


@pytest.fixture(scope="module")
def seed():
    plots.style()
    return load_corpus(SEED)


# ---------------------------------------------------------------------------------------
# Tables in the documented shapes of the comparison functions (issue 13).

SIZES = pd.DataFrame({"group": ["BBC", "CNN", "Fox"], "documents": [40, 25, 2],
                      "words": [30000, 21000, 600], "sentences": [1500, 1100, 30],
                      "too_small": [False, False, True]})
KEYNESS = pd.DataFrame({
    "group": ["BBC"] * 3 + ["CNN"] * 3, "rank": [1, 2, 3] * 2,
    "word": ["labour", "blair", "ofcom", "trump", "senate", "cruz"],
    "count": [40, 31, 12, 55, 20, 14], "per_10k": [13.3, 10.3, 4.0, 26.2, 9.5, 6.7],
    "g2": [45.2, 30.1, 12.5, 60.3, 21.0, 15.2], "p": [1e-9, 1e-7, 4e-4, 1e-10, 5e-6, 1e-4],
    "log_ratio": [2.1, 1.8, 3.0, 2.5, 1.2, 2.2]})
FREQ = pd.DataFrame({"group": ["BBC", "CNN", "Fox"] * 2, "term": ["war"] * 3 + ["peace"] * 3,
                     "count": [30, 10, 1, 5, 8, 0], "per_10k": [10.0, 4.76, 16.7, 1.67, 3.81, 0.0],
                     "too_small": [False, False, True] * 2})
TONE = pd.DataFrame({"group": ["BBC", "CNN", "Fox"], "sentences": [1500, 1100, 30],
                     "mean_compound": [0.05, -0.02, 0.3], "low": [0.03, -0.05, 0.1],
                     "high": [0.07, 0.01, 0.5], "negative": [0.3, 0.35, 0.1],
                     "neutral": [0.4, 0.4, 0.3], "positive": [0.3, 0.25, 0.6],
                     "too_small": [False, False, True]})
TREND = pd.DataFrame({"bin": pd.to_datetime(["2016-01-01", "2016-02-01", "2016-03-01"]),
                      "documents": [20, 3, 15], "war": [4.0, 30.0, 5.0],
                      "peace": [1.0, 0.0, 2.0], "words": [9000, 800, 7000]})
TOPIC_WORDS = pd.DataFrame({"topic": [1] * 3 + [2] * 3, "rank": [1, 2, 3] * 2,
                            "word": ["vote", "party", "labour", "match", "goal", "cup"],
                            "weight": [0.9, 0.6, 0.5, 0.8, 0.7, 0.4]})
TOPIC_SHARES = pd.DataFrame({"group": ["BBC", "BBC", "CNN", "CNN"], "topic": [1, 2, 1, 2],
                             "share": [0.7, 0.3, 0.2, 0.8]})
TOPIC_TIME = pd.DataFrame({"bin": ["2016-01"] * 2 + ["2016-02"] * 2, "topic": [1, 2, 1, 2],
                           "share": [0.6, 0.4, 0.5, 0.5], "documents": [12, 12, 2, 2]})


def _figures(seed) -> dict[str, Figure]:
    doc = seed[0]
    counts = frequency.word_counts(seed, drop_stopwords=True, top=10)
    table = sentiment.sentence_table(seed)
    expl = sentiment.explain(table.loc[table["compound"].idxmin(), "text"])
    nodes = pd.DataFrame({"name": ["Benghazi", "Libya"], "mentions": [6, 3],
                          "kind": ["place", "place"]})
    edges = pd.DataFrame({"source": ["Benghazi"], "target": ["Libya"], "weight": [1]})
    words = ["benghazi", "tripoli"]
    return {
        "bar_counts": plots.bar_counts(counts, title="Top words"),
        "word_cloud": plots.word_cloud(counts, title="Cloud"),
        "zipf_plot": plots.zipf_plot(frequency.zipf_table(seed)),
        "keyness_plot": plots.keyness_plot(frequency.keyness_vs_english(seed, top=8)),
        "dispersion_plot": plots.dispersion_plot(dispersion.dispersion(doc, words), words),
        "dispersion_counts_plot": plots.dispersion_counts_plot(
            dispersion.dispersion_counts(seed, words)),
        "sentence_sentiment_plot": plots.sentence_sentiment_plot(table),
        "arc_plot": plots.arc_plot(sentiment.arc(table)),
        "explanation_plot": plots.explanation_plot(expl),
        "cooccurrence_network": plots.cooccurrence_network(nodes, edges),
        "group_sizes_plot": plots.group_sizes_plot(SIZES),
        "keyness_by_group_plot": plots.keyness_by_group_plot(KEYNESS, groups=SIZES),
        "frequency_by_group_plot": plots.frequency_by_group_plot(FREQ),
        "tone_by_group_plot": plots.tone_by_group_plot(TONE),
        "trend_plot": plots.trend_plot(TREND),
        "topic_words_plot": plots.topic_words_plot(TOPIC_WORDS),
        "topic_share_plot": plots.topic_share_plot(TOPIC_SHARES,
                                                   labels=plots.topic_labels(TOPIC_WORDS)),
        "topic_trend_plot": plots.topic_trend_plot(TOPIC_TIME),
    }


def _empty(table: pd.DataFrame) -> pd.DataFrame:
    return table.iloc[:0]


def _empty_figures() -> dict[str, Figure]:
    """Every figure function given a table with its columns and no rows."""
    none = pd.DataFrame(columns=["word", "count"])
    return {
        "bar_counts": plots.bar_counts(none, title="Top words"),
        "word_cloud": plots.word_cloud(none, title="Top words"),
        "zipf_plot": plots.zipf_plot(pd.DataFrame(columns=["rank", "count", "zipf_expected"]),
                                     title="Top words"),
        "keyness_plot": plots.keyness_plot(pd.DataFrame(columns=["word", "log_ratio"]),
                                           title="Top words"),
        "dispersion_plot": plots.dispersion_plot(
            pd.DataFrame(columns=["word", "document", "position"]), ["war"], title="Top words"),
        "dispersion_counts_plot": plots.dispersion_counts_plot(
            pd.DataFrame(columns=["document", "words", "war", "total"]), title="Top words"),
        "sentence_sentiment_plot": plots.sentence_sentiment_plot(
            pd.DataFrame(columns=["document", "compound"]), title="Top words"),
        "arc_plot": plots.arc_plot(pd.DataFrame(columns=["document", "compound", "smoothed",
                                                         "position"]), title="Top words"),
        "explanation_plot": plots.explanation_plot(
            pd.DataFrame(columns=["token", "position", "contribution"]), title="Top words"),
        "cooccurrence_network": plots.cooccurrence_network(
            pd.DataFrame(columns=["name", "mentions", "kind"]),
            pd.DataFrame(columns=["source", "target", "weight"]), title="Top words"),
        "group_sizes_plot": plots.group_sizes_plot(_empty(SIZES), title="Top words"),
        "keyness_by_group_plot": plots.keyness_by_group_plot(_empty(KEYNESS), title="Top words"),
        "frequency_by_group_plot": plots.frequency_by_group_plot(_empty(FREQ), title="Top words"),
        "tone_by_group_plot": plots.tone_by_group_plot(_empty(TONE), title="Top words"),
        "trend_plot": plots.trend_plot(_empty(TREND), title="Top words"),
        "topic_words_plot": plots.topic_words_plot(_empty(TOPIC_WORDS), title="Top words"),
        "topic_share_plot": plots.topic_share_plot(_empty(TOPIC_SHARES), title="Top words"),
        "topic_trend_plot": plots.topic_trend_plot(_empty(TOPIC_TIME), title="Top words"),
    }


def _png(fig: Figure, **kw) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": "news-text-analysis"}, **kw)
    return buf.getvalue()


def _shown(fig: Figure) -> np.ndarray:
    """The image a notebook shows (cropped to the content plus 0.1 inch, 100 dpi)."""
    return mpimg.imread(io.BytesIO(_png(fig, bbox_inches="tight")))


def _ink(image: np.ndarray) -> float:
    """Share of pixels that are not white."""
    return float((image[..., :3] < 0.9).any(axis=-1).mean())


def _titles(fig: Figure) -> list[str]:
    out = [ax.get_title() for ax in fig.axes]
    if fig._suptitle is not None:
        out.append(fig._suptitle.get_text())
    return [t for t in out if t]


def test_every_figure_function_is_tested_here(seed):
    public = {n for n in plots.__all__ if callable(getattr(plots, n))}
    assert set(plots.FIGURES) <= public
    assert set(_figures(seed)) == set(plots.FIGURES) == set(_empty_figures())


def test_every_figure_has_a_title_and_labelled_axes(seed):
    for name, fig in _figures(seed).items():
        assert isinstance(fig, Figure), name
        assert plots.figure_message(fig) is None, f"{name} drew no chart"
        assert _titles(fig), f"{name} has no title"
        if name in ("word_cloud", "cooccurrence_network"):
            continue
        axes = [ax for ax in fig.axes if ax.axison and ax.get_label() != "<colorbar>"]
        xlabels = [ax.get_xlabel() for ax in axes] + [
            fig._supxlabel.get_text() if fig._supxlabel else ""]
        assert any(xlabels), f"{name} has no x label"
        for ax in axes:
            shared = ax.get_shared_y_axes().get_siblings(ax)
            assert any(a.get_ylabel() or any(t.get_text() for t in a.get_yticklabels())
                       for a in shared), f"{name} has an unlabelled y axis"


def test_figures_are_byte_identical_when_redrawn(seed):
    first = {k: _png(v) for k, v in _figures(seed).items()}
    second = {k: _png(v) for k, v in _figures(seed).items()}
    assert first == second


def test_figures_do_not_pile_up_in_pyplot(seed):
    import matplotlib.pyplot as plt

    before = len(plt.get_fignums())
    _figures(seed)
    assert len(plt.get_fignums()) == before


def test_every_figure_fits_a_slide_as_a_notebook_shows_it(seed):
    for name, fig in {**_figures(seed), **_large_figures()}.items():
        h, w = _shown(fig).shape[:2]
        assert w <= 960 and h <= 700, f"{name} is {w} x {h} pixels"


def _large_figures() -> dict[str, Figure]:
    """Long inputs, capped by ``top`` so they still fit."""
    many = pd.DataFrame({"word": [f"word{i}" for i in range(200)], "count": range(200, 0, -1)})
    groups = [f"Publisher number {i}" for i in range(40)]
    sizes = pd.DataFrame({"group": groups, "documents": range(40, 0, -1), "words": 1000,
                          "too_small": False})
    keyness = pd.DataFrame({"group": np.repeat(groups, 30), "word": [f"w{i}" for i in
                                                                     range(1200)],
                            "g2": 10.0, "log_ratio": 1.0})
    tone = TONE.iloc[[0] * 40].assign(group=groups)
    trend = pd.DataFrame({"bin": pd.date_range("2010-01-01", periods=200, freq="W"),
                          "documents": 5, **{f"term{i}": 1.0 for i in range(12)}})
    words = pd.DataFrame({"topic": np.repeat(range(1, 31), 20), "rank": list(range(1, 21)) * 30,
                          "word": "w", "weight": 0.5})
    return {
        "bar_counts 200": plots.bar_counts(many),
        "keyness_plot 200": plots.keyness_plot(many.rename(columns={"count": "log_ratio"})),
        "group_sizes_plot 40": plots.group_sizes_plot(sizes),
        "keyness_by_group_plot 40x30": plots.keyness_by_group_plot(keyness, top=30),
        "tone_by_group_plot 40": plots.tone_by_group_plot(tone),
        "trend_plot 200x12": plots.trend_plot(trend),
        "topic_words_plot 30x20": plots.topic_words_plot(words, top=20),
        "sentence_sentiment_plot 600": plots.sentence_sentiment_plot(
            pd.DataFrame({"compound": np.sin(np.arange(600))})),
    }


def test_an_empty_table_gives_a_sentence_never_a_blank_figure():
    for name, fig in _empty_figures().items():
        message = plots.figure_message(fig)
        assert message and message.split()[0] in ("Too", "No", "Nothing"), (name, message)
        assert message.endswith("."), name
        assert "Top words" in _titles(fig), f"{name} lost its title"
        image = _shown(fig)
        assert _ink(image) > 0.005, f"{name} is blank"
        assert image.shape[0] <= 200, f"{name}: a message takes little room"


def test_all_zero_or_one_row_tables_draw_something_readable():
    zeros = pd.DataFrame({"word": ["a", "b"], "count": [0, 0]})
    assert plots.figure_message(plots.bar_counts(zeros)) is not None
    assert plots.figure_message(plots.keyness_plot(zeros.rename(
        columns={"count": "log_ratio"}))) is not None
    assert plots.figure_message(plots.zipf_plot(pd.DataFrame(
        {"rank": [1], "count": [3], "zipf_expected": [3.0]}))) is not None
    one = sentiment.sentence_table("The attack killed ten.")
    assert "at least two sentences" in plots.figure_message(plots.arc_plot(sentiment.arc(one)))
    neutral = plots.sentence_sentiment_plot(pd.DataFrame({"compound": [0.0, 0.0, 0.0]}))
    assert plots.figure_message(neutral) is None
    dots = [c for c in neutral.axes[0].collections if len(c.get_offsets())]
    assert sum(len(c.get_offsets()) for c in dots) == 3, "zero scores are drawn as dots"
    for fig in (plots.bar_counts(pd.DataFrame({"word": ["war"], "count": [1]})),
                plots.trend_plot(TREND.head(1)), plots.tone_by_group_plot(TONE.head(1)),
                plots.group_sizes_plot(SIZES.head(1)), plots.topic_words_plot(
                    TOPIC_WORDS.head(1))):
        assert plots.figure_message(fig) is None
        assert _ink(_shown(fig)) > 0.02


def test_dollars_and_control_characters_are_shown_as_text():
    plots.style()
    table = pd.DataFrame({"word": ["$5", "$10\x0e"], "count": [2, 1]})
    fig = plots.bar_counts(table, title="Spending: $5 and $10")
    assert not fig.axes[0].title.get_parse_math()
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["$10", "$5"]
    assert all(not t.get_parse_math() for t in fig.axes[0].get_yticklabels())


def test_missing_columns_are_named_in_the_error():
    with pytest.raises(ValueError, match="mean_compound"):
        plots.tone_by_group_plot(TONE.drop(columns="mean_compound"))
    with pytest.raises(ValueError, match="documents"):
        plots.trend_plot(TREND.drop(columns="documents"))


def test_bar_counts_draws_the_table_values(seed):
    counts = frequency.word_counts(seed, drop_stopwords=True, top=5)
    fig = plots.bar_counts(counts, title="t")
    widths = sorted(p.get_width() for p in fig.axes[0].patches)
    assert widths == sorted(counts["count"].tolist())


def test_long_lists_are_capped_by_top_and_say_so():
    many = pd.DataFrame({"word": [f"w{i}" for i in range(100)], "count": range(100, 0, -1)})
    fig = plots.bar_counts(many, top=12)
    assert len(fig.axes[0].patches) == 12
    assert "12 of 100" in fig._supxlabel.get_text()


# ---------------------------------------------------------------------------------------
# Sentiment: numbering from 1, legends outside the data, long documents.

def test_sentences_a_reader_sees_are_numbered_from_1(seed):
    table = sentiment.sentence_table(seed)
    bars = plots.sentence_sentiment_plot(table).axes[0].patches
    assert [round(b.get_x() + b.get_width() / 2) for b in bars] == list(range(1, len(table) + 1))
    arc = plots.arc_plot(sentiment.arc(table)).axes[0]
    xs = arc.collections[-1].get_offsets()[:, 0] if arc.collections else []
    assert list(xs) == list(range(1, len(table) + 1))
    expl = sentiment.explain("The attack was not successful.")
    labels = [t.get_text() for t in plots.explanation_plot(expl).axes[0].get_yticklabels()]
    assert any(label.endswith("(word 2)") for label in labels)  # "attack", the second word


def test_legends_are_outside_the_data(seed):
    table = sentiment.sentence_table(seed)
    for fig in (plots.arc_plot(sentiment.arc(table)), plots.sentence_sentiment_plot(table),
                plots.trend_plot(TREND), plots.frequency_by_group_plot(FREQ)):
        fig.canvas.draw() if hasattr(fig.canvas, "get_renderer") else _png(fig)
        renderer = fig._get_renderer()
        data = fig.axes[0].get_window_extent(renderer)
        for legend in fig.legends + [ax.get_legend() for ax in fig.axes if ax.get_legend()]:
            box = legend.get_window_extent(renderer)
            assert not box.overlaps(data), "a legend covers the data"


def test_several_documents_arcs_are_named_by_title():
    docs = [Document.from_text(f"Good news {i}. Bad news. Worse news. Fine.", id=f"d{i}")
            for i in range(3)]
    arcs = sentiment.arc(sentiment.sentence_table(docs))
    fig = plots.arc_plot(arcs, titles={"d0": "Zero", "d1": "One", "d2": "Two"})
    texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert texts[:3] == ["Zero", "One", "Two"]


def test_a_long_document_stays_readable():
    table = pd.DataFrame({"compound": np.round(np.sin(np.arange(800) / 7), 3)})
    ax = plots.sentence_sentiment_plot(table).axes[0]
    assert len(ax.patches) == 0, "dots, not 800 bars"
    assert len(ax.get_xticks()) <= 17
    assert all(float(t).is_integer() for t in ax.get_xticks())


# ---------------------------------------------------------------------------------------
# Dispersion across documents (issue 14 item 3).

def _docs(n: int) -> list[Document]:
    texts = ["War came early. Peace later.", "No war here at all, only trade.",
             "Trade and more trade.", "Peace, peace and war."]
    return [Document.from_text(texts[i % 4] + f" Story {i}.", id=f"d{i:02d}",
                               title=f"Story number {i}") for i in range(n)]


def test_dispersion_of_one_document_is_one_row_per_word():
    where = dispersion.dispersion("War came. Peace came. War again.", ["war", "peace"])
    fig = plots.dispersion_plot(where, ["war", "peace"])
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["war (2)", "peace (1)"]


def test_dispersion_of_a_few_documents_has_a_row_per_document_titled():
    docs = _docs(4)
    titles = {d.id: d.title for d in docs}
    fig = plots.dispersion_plot(dispersion.dispersion(docs, ["war", "peace"]), ["war", "peace"],
                                titles=titles)
    panels = [ax for ax in fig.axes if ax.axison]
    assert [ax.get_title() for ax in panels] == ["“war” (3)", "“peace” (3)"]
    rows = [t.get_text() for t in panels[0].get_yticklabels()]
    assert rows == [titles[d.id] for d in docs], "documents with no occurrence keep a row"


def test_dispersion_of_many_documents_is_a_heat_map_of_the_top_documents():
    docs = _docs(30)
    fig = plots.dispersion_plot(dispersion.dispersion(docs, ["war", "peace"]), ["war", "peace"],
                                titles={d.id: d.title for d in docs}, top=10)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == 10
    assert "of 30" in fig._supxlabel.get_text()
    counts = dispersion.dispersion_counts(docs, ["war", "peace", "trade"])
    fig = plots.dispersion_counts_plot(counts, titles={d.id: d.title for d in docs}, top=5)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["war", "peace", "trade"]
    cells = [t.get_text() for t in ax.texts]
    top5 = counts.head(5)[["war", "peace", "trade"]].to_numpy().ravel().astype(int).astype(str)
    assert cells == list(top5)


def test_dispersion_with_no_occurrence_says_so():
    where = dispersion.dispersion("Nothing to see.", ["war"])
    assert "none of the words" in plots.figure_message(plots.dispersion_plot(where, ["war"]))


# ---------------------------------------------------------------------------------------
# Comparison figures (issue 13).

def test_key_words_by_group_one_panel_each_small_groups_said_so():
    fig = plots.keyness_by_group_plot(KEYNESS, groups=SIZES, top=3)
    panels = {ax.get_title(): ax for ax in fig.axes if ax.get_title()}
    assert list(panels) == ["BBC", "CNN", "Fox"]
    bbc = [t.get_text() for t in panels["BBC"].get_yticklabels()]
    assert bbc == ["ofcom", "blair", "labour"]  # highest G2 at the top
    assert "too little text" in panels["Fox"].texts[0].get_text()


def test_key_words_by_group_panels_are_sized_for_the_words_there_are():
    five = pd.DataFrame({"group": ["a"] * 5 + ["b"] * 5, "word": list("abcdefghij"),
                         "g2": [9.0, 8, 7, 6, 5] * 2, "log_ratio": [1.0] * 10})
    ten = pd.concat([five, five.assign(word=list("klmnopqrst"), g2=[4.0, 3, 2, 1, 0.5] * 2)])
    short, tall = plots.keyness_by_group_plot(five), plots.keyness_by_group_plot(ten)
    assert short.get_size_inches()[1] < tall.get_size_inches()[1]  # no room for absent bars
    assert "the top" not in short._supxlabel.get_text()  # all five words of each are drawn


def test_frequency_by_group_bars_are_the_rates():
    fig = plots.frequency_by_group_plot(FREQ)
    heights = sorted(round(p.get_height(), 2) for p in fig.axes[0].patches)
    assert heights == sorted(FREQ["per_10k"].round(2))
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels == ["BBC", "CNN", "Fox (too little text)"]


def test_tone_by_group_sets_small_groups_apart():
    fig = plots.tone_by_group_plot(TONE)
    left = fig.axes[0]
    ys = {t.get_text().split(" (")[0]: y for t, y in zip(left.get_yticklabels(),
                                                        left.get_yticks(), strict=True)}
    assert ys["Fox"] > ys["CNN"] + 1, "drawn apart, below a gap"
    assert "too little text" in [t.get_text() for t in left.get_yticklabels()][-1]
    shares = [round(p.get_width(), 1) for p in fig.axes[1].patches]
    assert shares[:3] == [30.0, 35.0, 10.0]  # negative shares in percent


def test_trend_shows_documents_per_bin_beneath():
    fig = plots.trend_plot(TREND, values=["war", "peace"])
    top, bottom = fig.axes[:2]
    assert [p.get_height() for p in bottom.patches] == [20, 3, 15]
    assert len(top.get_lines()) == 2
    hollow = [c for c in top.collections if len(c.get_offsets()) and
              (np.asarray(c.get_facecolor())[:, :3] == 1).all()]
    assert hollow and all(len(c.get_offsets()) == 1 for c in hollow), \
        "the bin of three documents is hollow"


def test_topic_figures_read_their_tables():
    fig = plots.topic_words_plot(TOPIC_WORDS)
    assert [ax.get_title() for ax in fig.axes if ax.axison] == ["topic 1", "topic 2"]
    fig = plots.topic_share_plot(TOPIC_SHARES, labels=plots.topic_labels(TOPIC_WORDS))
    assert [t.get_text() for t in fig.axes[0].texts] == ["70%", "30%", "20%", "80%"]
    assert fig.axes[0].get_xticklabels()[0].get_text() == "1: vote, party, labour"
    fig = plots.topic_trend_plot(TOPIC_TIME)
    assert [p.get_height() for p in fig.axes[1].patches] == [12, 2]


# ---------------------------------------------------------------------------------------
# Safe HTML views (analysis.present.display).

def test_highlight_escapes_document_text():
    text = 'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> $x^2$ {{ name }}'
    out = notebook.highlight(text, [(0, 2)]).markup
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "{{ name }}" in out and "$x^2$" in out


def test_input_warnings_escape_file_names():
    from analysis.corpus import Corpus

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


# ---------------------------------------------------------------------------------------
# Degenerate tables, generated: never an error, never a blank or oversized figure.

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_VALUE = st.one_of(st.just(0.0), st.just(float("nan")), st.floats(-1e4, 1e4))
_SHARE = st.one_of(st.just(0.0), st.floats(0, 1))


@st.composite
def degenerate(draw):
    n = draw(st.integers(0, 4))
    names = draw(st.lists(st.text(st.characters(codec="latin-1"), max_size=70), min_size=n,
                          max_size=n))
    values = draw(st.lists(_VALUE, min_size=n, max_size=n))
    shares = draw(st.lists(_SHARE, min_size=n, max_size=n))
    docs = draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    return n, names, values, shares, docs


def _draw_all(n, names, values, shares, docs) -> list[Figure]:
    counts = pd.DataFrame({"word": names, "count": values})
    groups = pd.DataFrame({"group": names, "documents": docs, "words": docs, "term": "war",
                           "per_10k": values, "mean_compound": shares, "low": shares,
                           "high": shares, "negative": shares, "neutral": shares,
                           "positive": shares, "too_small": [d < 2 for d in docs],
                           "word": names, "g2": values})
    return [
        plots.bar_counts(counts), plots.keyness_plot(counts.rename(columns={"count": "g2"}),
                                                     value="g2"),
        plots.sentence_sentiment_plot(pd.DataFrame({"compound": np.clip(
            np.nan_to_num(values), -1, 1)})),
        plots.arc_plot(pd.DataFrame({"compound": shares, "smoothed": shares})),
        plots.group_sizes_plot(groups), plots.keyness_by_group_plot(groups),
        plots.frequency_by_group_plot(groups), plots.tone_by_group_plot(groups),
        plots.trend_plot(pd.DataFrame({"bin": [f"b{i}" for i in range(n)], "documents": docs,
                                       "war": values})),
    ]


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(degenerate())
def test_degenerate_tables_give_a_readable_figure(case):
    plots.style()
    for fig in _draw_all(*case):
        image = _shown(fig)
        assert image.shape[0] <= 700 and image.shape[1] <= 960
        assert _ink(image) > 0.005

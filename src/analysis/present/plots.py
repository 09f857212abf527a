"""Every figure the notebooks show. Each function takes a table and returns a matplotlib Figure.

Plots never recompute analysis: they draw the DataFrames that the analysis functions return, so
the numbers behind a figure can always be shown (and tested) beside it. Call :func:`style` once
(``analysis.present.display.setup`` does) for the project's look and deterministic output.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib

matplotlib.use("agg", force=False)

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

__all__ = [
    "arc_plot",
    "bar_counts",
    "cooccurrence_network",
    "dispersion_plot",
    "explanation_plot",
    "keyness_plot",
    "sentence_sentiment_plot",
    "style",
    "word_cloud",
    "zipf_plot",
]

POSITIVE = "#2a9d8f"
NEGATIVE = "#c0392b"
NEUTRAL = "#8d99ae"
ACCENT = "#264653"


def style() -> None:
    """The project's figure style, and settings that make saved figures byte-identical."""
    import seaborn as sns

    sns.set_theme(style="whitegrid", context="notebook")
    plt.rcParams.update({
        "figure.figsize": (8, 4.5),
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "axes.titlesize": 14,
        "axes.titleweight": "bold",
        "axes.labelsize": 12,
        "xtick.labelsize": 10,
        "ytick.labelsize": 10,
        "svg.hashsalt": "news-text-analysis",
        "path.simplify": True,
    })


def _fig(figsize=None) -> tuple[Figure, plt.Axes]:
    # A Figure outside pyplot's registry: a notebook shows it once (as the cell's value) and
    # nothing accumulates in memory when many figures are drawn.
    fig = Figure(figsize=figsize or plt.rcParams["figure.figsize"], layout="constrained")
    ax = fig.subplots()
    return fig, ax


def bar_counts(
    table: pd.DataFrame, *, label: str = "word", value: str = "count", title: str = "",
    xlabel: str = "occurrences", color: str = ACCENT,
) -> Figure:
    """Horizontal bars of a counts table (largest at the top)."""
    data = table[[label, value]].iloc[::-1]
    fig, ax = _fig((8, max(2.5, 0.32 * len(data) + 1.2)))
    ax.barh(data[label].astype(str), data[value], color=color)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    for y, v in enumerate(data[value]):
        ax.annotate(f"{v:g}", (v, y), xytext=(3, 0), textcoords="offset points", va="center",
                    fontsize=9)
    ax.margins(x=0.1)
    return fig


def word_cloud(table: pd.DataFrame, *, label: str = "word", value: str = "count",
               title: str = "", max_words: int = 60) -> Figure:
    """A word cloud of a counts table (wordcloud package; fixed random state, so reproducible)."""
    from wordcloud import WordCloud

    freqs = dict(zip(table[label].astype(str), table[value].astype(float), strict=True))
    wc = WordCloud(width=800, height=400, background_color="white", max_words=max_words,
                   random_state=7, colormap="viridis", prefer_horizontal=0.95)
    wc.generate_from_frequencies(freqs or {"(no words)": 1.0})
    fig, ax = _fig((8, 4))
    ax.imshow(wc.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    ax.set_title(title)
    return fig


def zipf_plot(table: pd.DataFrame, *, title: str = "Rank against frequency (log-log)") -> Figure:
    """Zipf plot of :func:`analysis.frequency.zipf_table`: observed counts and Zipf's line."""
    fig, ax = _fig()
    ax.loglog(table["rank"], table["count"], marker="o", linestyle="none", markersize=4,
              color=ACCENT, label="observed")
    ax.loglog(table["rank"], table["zipf_expected"], color=NEGATIVE, linewidth=1.5,
              label="Zipf: top count / rank")
    ax.set_title(title)
    ax.set_xlabel("rank (1 = most frequent word)")
    ax.set_ylabel("occurrences")
    ax.legend()
    return fig


def dispersion_plot(table: pd.DataFrame, words: Sequence[str], *, title: str = "") -> Figure:
    """Lexical dispersion: a tick for each occurrence of each word, along the text (0-100%).

    ``table`` is :func:`analysis.frequency.dispersion` output.
    """
    fig, ax = _fig((8, max(2.2, 0.45 * len(words) + 1.2)))
    for y, w in enumerate(words):
        xs = table.loc[table["word"] == w, "position"] * 100
        ax.scatter(xs, np.full(len(xs), y), marker="|", s=400, linewidths=2, color=ACCENT)
    ax.set_yticks(range(len(words)), labels=list(words))
    ax.set_ylim(-0.6, len(words) - 0.4)
    ax.invert_yaxis()
    ax.set_xlim(-2, 102)
    ax.set_xlabel("position in the text (% of words)")
    ax.set_title(title or "Where the words occur")
    ax.grid(axis="y", visible=False)
    return fig


def keyness_plot(table: pd.DataFrame, *, value: str = "log_ratio", title: str = "",
                 xlabel: str = "log ratio (binary log of relative frequency ratio)") -> Figure:
    """Diverging bars of a keyness table: over-used words right, under-used left."""
    data = table.iloc[::-1]
    colors = [POSITIVE if v >= 0 else NEGATIVE for v in data[value]]
    fig, ax = _fig((8, max(2.5, 0.32 * len(data) + 1.2)))
    ax.barh(data["word"].astype(str), data[value], color=colors)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_title(title or "Key words")
    ax.set_xlabel(xlabel)
    return fig


def _sentiment_colors(values) -> list[str]:
    return [POSITIVE if v >= 0.05 else NEGATIVE if v <= -0.05 else NEUTRAL for v in values]


def sentence_sentiment_plot(table: pd.DataFrame, *, title: str = "") -> Figure:
    """Bars of each sentence's compound score, in reading order."""
    fig, ax = _fig()
    x = np.arange(1, len(table) + 1)
    ax.bar(x, table["compound"], color=_sentiment_colors(table["compound"]))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence (reading order)")
    ax.set_ylabel("VADER compound score (-1 to +1)")
    ax.set_title(title or "Sentiment sentence by sentence")
    if len(x) <= 40:
        ax.set_xticks(x)
    return fig


def arc_plot(table: pd.DataFrame, *, title: str = "") -> Figure:
    """The sentiment arc: sentence scores as dots and their moving average as a line.

    ``table`` is :func:`analysis.sentiment.arc` output (``position``, ``compound``, ``smoothed``).
    """
    fig, ax = _fig()
    pos = table["position"] * 100
    ax.scatter(pos, table["compound"], color=_sentiment_colors(table["compound"]), s=28,
               zorder=3, label="sentence")
    ax.plot(pos, table["smoothed"], color=ACCENT, linewidth=2.2, label="moving average")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.axhspan(-0.05, 0.05, color=NEUTRAL, alpha=0.15, label="neutral band (±0.05)")
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(-2, 102)
    ax.set_xlabel("position in the text (% of sentences)")
    ax.set_ylabel("VADER compound score")
    ax.set_title(title or "Sentiment arc")
    ax.legend(loc="lower left", fontsize=9)
    return fig


def explanation_plot(table: pd.DataFrame, *, title: str = "", top: int = 25) -> Figure:
    """Each word's contribution to a sentence's VADER score (words with no valence left out).

    ``table`` is :func:`analysis.sentiment.explain` output (``token``, ``contribution``). A
    long text shows only its ``top`` largest contributions (by size), in text order.
    """
    data = sentiment_top_contributions(table, top=top)
    fig, ax = _fig((8, max(2.2, 0.4 * len(data) + 1.4)))
    labels = [f"{t}  (#{i})" for i, t in zip(data["position"], data["token"], strict=True)]
    ax.barh(labels[::-1], data["contribution"].iloc[::-1],
            color=_sentiment_colors(data["contribution"].iloc[::-1]))
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("valence contribution (VADER lexicon units, after rules)")
    ax.set_title(title or "Which words carried the score")
    if data.empty:
        ax.text(0.5, 0.5, "no word in this sentence carries valence", ha="center",
                va="center", transform=ax.transAxes)
    return fig


def sentiment_top_contributions(table: pd.DataFrame, *, top: int | None = 25) -> pd.DataFrame:
    """The rows of an explanation with a non-zero contribution; at most ``top`` of them (the
    largest by absolute value, ties by position), kept in text order."""
    data = table[table["contribution"] != 0]
    if top is not None and len(data) > top:
        order = data.assign(_size=data["contribution"].abs()).sort_values(
            ["_size", "position"], ascending=[False, True])
        data = data.loc[sorted(order.index[:top])]
    return data


def cooccurrence_network(nodes: pd.DataFrame, edges: pd.DataFrame, *, title: str = "",
                         seed: int = 7) -> Figure:
    """Draw actors (``nodes``: name, mentions, kind) linked when named in the same sentence
    (``edges``: source, target, weight). The layout uses a fixed seed, so it is reproducible."""
    import networkx as nx

    g = nx.Graph()
    for row in nodes.itertuples(index=False):
        g.add_node(row.name, mentions=row.mentions, kind=row.kind)
    for row in edges.itertuples(index=False):
        g.add_edge(row.source, row.target, weight=row.weight)
    fig, ax = _fig((9, 6))
    if not len(g):
        ax.text(0.5, 0.5, "no actors found", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    pos = nx.spring_layout(g, seed=seed, k=1.2 / max(1, len(g)) ** 0.5, iterations=200)
    kinds = {"person": "#e76f51", "place": "#2a9d8f", "group": "#264653", "unknown": NEUTRAL}
    colors = [kinds.get(g.nodes[n]["kind"], NEUTRAL) for n in g]
    sizes = [200 + 180 * g.nodes[n]["mentions"] for n in g]
    widths = [0.8 + 1.2 * g.edges[e]["weight"] for e in g.edges]
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, edge_color="#adb5bd")
    nx.draw_networkx_nodes(g, pos, ax=ax, node_color=colors, node_size=sizes, alpha=0.9)
    nx.draw_networkx_labels(g, pos, ax=ax, font_size=9)
    for kind, color in kinds.items():
        ax.scatter([], [], color=color, label=kind, s=80)
    ax.legend(loc="lower right", fontsize=9, title="kind")
    ax.set_title(title or "Who is mentioned with whom (same sentence)")
    ax.set_axis_off()
    return fig

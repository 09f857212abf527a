"""Figures of VADER sentiment: sentence by sentence, the arc through a text, and one sentence's
score explained word by word. Sentences a reader sees are numbered from 1 (the first sentence of
a document is sentence 1).

>>> import pandas as pd
>>> t = pd.DataFrame({"document": ["d"] * 3, "compound": [0.5, 0.0, -0.4]})
>>> fig = sentence_sentiment_plot(t)
>>> bool(fig.axes[0].get_xlim()[0] < 1 < 3 < fig.axes[0].get_xlim()[1])
True
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from analysis.present.chart import (
    ACCENT,
    MAX_WIDTH,
    NEGATIVE,
    NEUTRAL,
    PALETTE,
    POSITIVE,
    fit_height,
    message_figure,
    new_figure,
    one_line,
    require,
    title_of,
)

__all__ = ["arc_plot", "explanation_plot", "sentence_sentiment_plot",
           "sentiment_top_contributions"]

THRESHOLD = 0.05


def _sentiment_colors(values) -> list[str]:
    return [POSITIVE if v >= THRESHOLD else NEGATIVE if v <= -THRESHOLD else NEUTRAL
            for v in values]


def _label_legend(fig: Figure, extra: list | None = None, *, ncols: int = 4) -> None:
    handles = [Patch(color=NEGATIVE, label=f"negative (≤ −{THRESHOLD})"),
               Patch(color=NEUTRAL, label="neutral"),
               Patch(color=POSITIVE, label=f"positive (≥ {THRESHOLD})")] + (extra or [])
    fig.legend(handles=handles, loc="outside lower center", ncols=min(ncols, len(handles)),
               frameon=False)


def _boundaries(ax, documents: pd.Series, titles: Mapping | None) -> None:
    """Mark where each document starts when a table holds several (x = sentence 1..n)."""
    starts = np.flatnonzero(documents.ne(documents.shift()).to_numpy()) + 1
    if len(starts) < 2:
        return
    for s in starts[1:]:
        ax.axvline(s - 0.5, color="#555555", linewidth=0.8, linestyle="--")
    if len(starts) <= 8:
        for s, d in zip(starts, documents.iloc[starts - 1], strict=True):
            ax.annotate(title_of(d, titles, 18), (s - 0.5, 1.0), xycoords=("data", "axes fraction"),
                        xytext=(3, -3), textcoords="offset points", va="top", fontsize=10,
                        color="#555555")


def sentence_sentiment_plot(table: pd.DataFrame, *, title: str = "",
                            titles: Mapping | None = None) -> Figure:
    """Each sentence's VADER compound score, in reading order: bars for a short text, a dot per
    sentence for a long one (over 120 sentences), coloured by label.

    ``table`` is :func:`analysis.sentiment.sentence_table` output (``compound``; ``document``
    when several documents are drawn: their boundaries are marked, labelled with ``titles``,
    a mapping document -> title). Sentences are numbered by their order in the table, from 1.
    An empty table gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"document": ["d", "d"], "compound": [0.4, -0.6]})
    >>> [round(p.get_x() + p.get_width() / 2) for p in sentence_sentiment_plot(t).axes[0].patches]
    [1, 2]
    """
    require(table, ("compound",), "sentence_sentiment_plot")
    if table.empty:
        return message_figure("Too little text to draw sentence scores: there is no sentence.",
                              title=title)
    values = table["compound"].to_numpy(dtype=float)
    x = np.arange(1, len(values) + 1)
    fig, ax = new_figure(min(MAX_WIDTH, 5.5 + 0.3 * len(x)), 4.6)
    colors = _sentiment_colors(values)
    if len(x) <= 120:
        ax.bar(x, values, color=colors, width=0.8)
        ax.scatter(x[values == 0], values[values == 0], color=NEUTRAL, s=36, zorder=3,
                   edgecolors="#555555", linewidths=0.8)
    else:
        ax.vlines(x, 0, values, colors=colors, linewidth=0.6, alpha=0.6)
        ax.scatter(x, values, c=colors, s=9, zorder=3)
    ax.axhline(0, color="black", linewidth=0.8)
    if not values.any():
        ax.text(0.5, 0.75, "every sentence scores 0 (neutral)",
                ha="center", va="center", fontsize=12, color="#333333", transform=ax.transAxes)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(0.3, len(x) + 0.7)
    ax.set_xlabel("sentence (1 = first sentence, in reading order)")
    ax.set_ylabel("VADER compound (−1 to +1)")
    ax.set_title(title or "Sentiment sentence by sentence")
    if len(x) <= 30:
        ax.set_xticks(x)
    else:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=15, integer=True, min_n_ticks=3))
    if "document" in table:
        _boundaries(ax, table["document"].reset_index(drop=True), titles)
    _label_legend(fig)
    return fig


def _arc_lines(ax, table: pd.DataFrame, titles: Mapping | None, top: int) -> int:
    """Several documents: the moving average of each (at most ``top``) over 0-100 %."""
    docs = list(pd.unique(table["document"]))
    for i, d in enumerate(docs[:top]):
        t = table[table["document"] == d]
        ax.plot(t["position"] * 100, t["smoothed"], color=PALETTE[i % len(PALETTE)],
                linewidth=1.8, label=title_of(d, titles, 28))
    return len(docs)


def arc_plot(table: pd.DataFrame, *, title: str = "", titles: Mapping | None = None,
             top: int = 8) -> Figure:
    """The sentiment arc: sentence scores as dots and their moving average as a line.

    ``table`` is :func:`analysis.sentiment.arc` output (``compound``, ``smoothed``; and
    ``document``, ``position`` 0-1). One document: x is the sentence number (from 1). Several:
    one moving-average line per document (the first ``top``) over the position through each
    text (0-100 %), named by ``titles`` (document -> title). The legend sits above the plot,
    never on the data. Fewer than two sentences give a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"document": ["d"] * 3, "position": [0, 0.5, 1],
    ...                   "compound": [0.5, -0.5, 0.1], "smoothed": [0.0, 0.03, -0.2]})
    >>> arc_plot(t).axes[0].get_xlabel()
    'sentence (1 = first sentence, in reading order)'
    """
    require(table, ("compound", "smoothed"), "arc_plot")
    if len(table) < 2:
        return message_figure("Too little text to draw a sentiment arc: it needs at least two "
                              f"sentences; this text has {len(table)}.", title=title)
    several = "document" in table and table["document"].nunique() > 1
    fig, ax = new_figure(MAX_WIDTH, 4.8)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.axhspan(-THRESHOLD, THRESHOLD, color=NEUTRAL, alpha=0.15)
    band = Patch(color=NEUTRAL, alpha=0.3, label=f"neutral band (±{THRESHOLD})")
    if several:
        require(table, ("position",), "arc_plot")
        n = _arc_lines(ax, table, titles, top)
        ax.set_xlim(-2, 102)
        ax.set_xlabel("position in each text (% of its sentences)")
        handles, _ = ax.get_legend_handles_labels()
        fig.legend(handles=handles + [band], loc="outside right upper", frameon=False,
                   title="moving average of each\ndocument" + (
                       f" (the first {top} of {n})" if n > top else ""))
    else:
        x = np.arange(1, len(table) + 1)
        ax.scatter(x, table["compound"], c=_sentiment_colors(table["compound"]), s=30, zorder=3)
        ax.plot(x, table["smoothed"], color=ACCENT, linewidth=2.2)
        ax.set_xlim(0.3, len(x) + 0.7)
        ax.set_xlabel("sentence (1 = first sentence, in reading order)")
        ax.xaxis.set_major_locator(MaxNLocator(nbins=15, integer=True, min_n_ticks=3))
        line = Line2D([], [], color=ACCENT, linewidth=2.2, label="moving average")
        _label_legend(fig, [line, band], ncols=3)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("VADER compound (−1 to +1)")
    ax.set_title(title or "Sentiment arc")
    return fig


def explanation_plot(table: pd.DataFrame, *, title: str = "", top: int = 25) -> Figure:
    """Each word's contribution to a sentence's VADER score (words with no valence left out).

    ``table`` is :func:`analysis.sentiment.explain` output (``token``, ``position``,
    ``contribution``). A long text shows only its ``top`` largest contributions (by size), in
    text order. A sentence with no scored word gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"token": ["attack", "calm"], "position": [1, 3],
    ...                   "contribution": [-2.1, 1.3]})
    >>> [t.get_text() for t in explanation_plot(t).axes[0].get_yticklabels()]
    ['attack  (word 2)', 'calm  (word 4)']
    """
    require(table, ("token", "position", "contribution"), "explanation_plot")
    data = sentiment_top_contributions(table, top=top)
    if data.empty:
        return message_figure("No word in this sentence carries valence in VADER's lexicon, "
                              "so its score is 0.", title=title or "Which words carried the score")
    fig, ax = new_figure(8, fit_height(len(data), 0.3, 1.4))
    labels = [f"{one_line(t, 24)}  (word {int(i) + 1})"
              for i, t in zip(data["position"], data["token"], strict=True)]
    y = np.arange(len(data))[::-1]
    ax.barh(y, data["contribution"], color=_sentiment_colors(data["contribution"]))
    ax.set_yticks(y, labels=labels)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("valence contribution (VADER lexicon units, after rules)")
    ax.set_title(title or "Which words carried the score")
    return fig


def sentiment_top_contributions(table: pd.DataFrame, *, top: int | None = 25) -> pd.DataFrame:
    """The rows of an explanation with a non-zero contribution; at most ``top`` of them (the
    largest by absolute value, ties by position), kept in text order.

    >>> t = pd.DataFrame({"token": ["a", "b", "c"], "position": [0, 1, 2],
    ...                   "contribution": [0.5, 0.0, -2.0]})
    >>> sentiment_top_contributions(t, top=1)["token"].tolist()
    ['c']
    """
    data = table[table["contribution"] != 0]
    if top is not None and len(data) > top:
        order = data.assign(_size=data["contribution"].abs()).sort_values(
            ["_size", "position"], ascending=[False, True])
        data = data.loc[sorted(order.index[:top])]
    return data

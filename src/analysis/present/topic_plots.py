"""Figures of topics (non-negative matrix factorisation on tf-idf, ``analysis.topics``): the top
words of each topic, each topic's share by group, and over time.

Topics are named as the table numbers them; :func:`topic_labels` adds their top words
("3: vote, party, labour") for the share figures.

>>> import pandas as pd
>>> words = pd.DataFrame({"topic": [1, 1, 2, 2], "rank": [1, 2, 1, 2],
...                       "word": ["vote", "party", "match", "goal"],
...                       "weight": [0.9, 0.5, 0.8, 0.7]})
>>> topic_labels(words, words=2)
{1: '1: vote, party', 2: '2: match, goal'}
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.present.chart import (
    MAX_WIDTH,
    PALETTE,
    aliased,
    fit_height,
    message_figure,
    new_figure,
    one_line,
    require,
)
from analysis.present.group_plots import draw_series, panel_grid, time_axes, trend_legend

__all__ = ["topic_labels", "topic_share_plot", "topic_trend_plot", "topic_words_plot"]


def _ranked(table: pd.DataFrame) -> pd.DataFrame:
    if "rank" in table:
        return table.sort_values(["topic", "rank"], kind="mergesort")
    return table.sort_values(["topic", "weight", "word"], ascending=[True, False, True],
                             kind="mergesort")


def topic_labels(table: pd.DataFrame, *, words: int = 3) -> dict:
    """``{topic: "topic: word, word, word"}`` from a topic words table (``topic``, ``word``,
    ``weight`` or ``rank``): each topic named by its first ``words`` words."""
    table = aliased(table, ("term",))
    require(table, ("topic", "word"), "topic_labels")
    out = {}
    for topic, part in _ranked(table).groupby("topic", sort=True):
        out[topic] = f"{topic}: " + ", ".join(map(str, part["word"].head(words)))
    return out


def topic_words_plot(table: pd.DataFrame, *, top: int = 8, title: str = "",
                     max_topics: int = 12) -> Figure:
    """The top words of each topic: small multiples, one panel per topic (at most
    ``max_topics``), bars of each word's weight in the topic, the heaviest at the top.

    ``table``: ``topic``, ``word``, ``weight`` (optionally ``rank``), e.g.
    ``topics.topic_words``. Weights are NMF's topic-word weights (Lee and Seung 1999; tf-idf
    units, comparable within a topic). An empty table gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> words = pd.DataFrame({"topic": [1, 2], "word": ["vote", "goal"], "weight": [0.9, 0.8]})
    >>> [ax.get_title() for ax in topic_words_plot(words).axes if ax.axison]
    ['topic 1', 'topic 2']
    """
    table = aliased(table, ("term",))
    require(table, ("topic", "word", "weight"), "topic_words_plot")
    data = table[table["weight"].fillna(0) > 0]
    if data.empty:
        return message_figure("Too little text to find topics: no topic has a word.",
                              title=title)
    data = _ranked(data)
    topics = list(pd.unique(data["topic"]))
    shown = topics[:max_topics]
    asked = top
    fig, axes, top = panel_grid(len(shown), top, per_bar=0.18, per_panel=0.7)
    for k, ax in enumerate(axes):
        part = data[data["topic"] == shown[k]].head(top).iloc[::-1]
        y = np.arange(len(part))
        ax.barh(y, part["weight"], color=PALETTE[k % len(PALETTE)])
        ax.set_yticks(y, labels=[one_line(w, 16) for w in part["word"]])
        ax.set_ylim(-0.6, top - 0.4)
        ax.tick_params(axis="y", labelsize=10)
        ax.tick_params(axis="x", labelsize=10)
        ax.set_title(f"topic {shown[k]}", fontsize=12)
    cut = [f"the first {len(shown)} of {len(topics)} topics"] if len(topics) > len(shown) else []
    cut += [f"the top {top} words of each"] if asked > top else []
    fig.supxlabel("weight of the word in the topic (NMF on tf-idf)"
                  + (f"\n({'; '.join(cut)})" if cut else ""), fontsize=12)
    fig.suptitle(title or "The words that make each topic")
    return fig


def _as_percent(values: np.ndarray) -> np.ndarray:
    return values if np.nanmax(values) > 1.5 else values * 100


def topic_share_plot(table: pd.DataFrame, *, by: str | None = None,
                     labels: Mapping | None = None, title: str = "", top: int = 20) -> Figure:
    """Each topic's share of each group (or time bin): a heat map, one row per group (at most
    ``top``), one column per topic, each cell giving the share in percent.

    ``table``: ``group`` (or ``bin``; ``by`` names another column), ``topic``, ``share`` (0-1,
    or percent; a group's shares usually sum to 1). ``labels`` maps topic -> label
    (:func:`topic_labels`). An empty table gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> shares = pd.DataFrame({"group": ["BBC", "BBC"], "topic": [1, 2], "share": [0.25, 0.75]})
    >>> [t.get_text() for t in topic_share_plot(shares).axes[0].texts]
    ['25%', '75%']
    """
    table = aliased(table, ("period",))
    by = by or ("group" if "group" in table else "bin")
    require(table, (by, "topic", "share"), "topic_share_plot")
    if table.empty or not table["share"].fillna(0).any():
        return message_figure("Too little text to draw topic shares: no document has a topic.",
                              title=title)
    grid = table.pivot_table(index=by, columns="topic", values="share", aggfunc="sum",
                             fill_value=0, sort=False)
    grid = grid.reindex(columns=sorted(grid.columns, key=lambda t: (str(type(t)), t))).head(top)
    values = _as_percent(grid.to_numpy(dtype=float))
    names = [(labels or {}).get(t, f"topic {t}") for t in grid.columns]
    fig, ax = new_figure(min(MAX_WIDTH, 3.6 + 0.9 * len(names)),
                         fit_height(len(grid), 0.36, 2.6))
    image = ax.imshow(values, aspect="auto", cmap="Blues", vmin=0)
    high = values.max() or 1.0
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, f"{v:.0f}%", ha="center", va="center", fontsize=10,
                color="white" if v > 0.6 * high else "#222222")
    ax.set_xticks(range(len(names)), labels=[one_line(n, 26) for n in names], rotation=30,
                  ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(grid)), labels=[one_line(g, 24) for g in grid.index])
    ax.grid(False)
    ax.set_xlabel("topic")
    ax.set_ylabel(by)
    bar = fig.colorbar(image, ax=ax, location="top", shrink=0.6, aspect=35, pad=0.02)
    bar.set_label("colour: the topic's share of the group's documents (%)", fontsize=11)
    fig.suptitle(title or f"Topics by {by}")
    return fig


def topic_trend_plot(table: pd.DataFrame, *, labels: Mapping | None = None, title: str = "",
                     min_documents: int = 5, max_topics: int = 8) -> Figure:
    """Each topic's share over time (a line per topic, at most ``max_topics``), with the number
    of documents per bin beneath (points of bins with fewer than ``min_documents`` hollow).

    ``table``: ``bin``, ``topic``, ``share`` (0-1, or percent), and ``documents`` (the bin's
    documents; repeated on each row of the bin). ``labels`` maps topic -> label. An empty table
    gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"bin": ["2016-01", "2016-02"], "topic": [1, 1], "share": [0.4, 0.6],
    ...                   "documents": [9, 2]})
    >>> [float(p.get_height()) for p in topic_trend_plot(t).axes[1].patches]
    [9.0, 2.0]
    """
    table = aliased(table, ("period",))
    require(table, ("bin", "topic", "share", "documents"), "topic_trend_plot")
    if table.empty or not table["documents"].fillna(0).any():
        return message_figure("Nothing to draw over time: no document has a date.",
                              title=title)
    order = list(pd.unique(table["bin"]))
    wide = table.pivot_table(index="bin", columns="topic", values="share", aggfunc="sum",
                             fill_value=0, sort=False).reindex(order)
    docs = table.groupby("bin", sort=False)["documents"].max().reindex(order)
    topics = sorted(wide.columns, key=lambda t: (str(type(t)), t))[:max_topics]
    series = pd.DataFrame(_as_percent(wide[topics].to_numpy(dtype=float)), columns=[
        (labels or {}).get(t, f"topic {t}") for t in topics])
    frame = pd.DataFrame({"bin": order, "documents": docs.to_numpy()})
    fig, top, _bottom, x = time_axes(frame, title or "Topics over time")
    few = frame["documents"].fillna(0).to_numpy() < min_documents
    draw_series(top, x, series, few)
    top.set_ylabel("share of the bin's\ntopic weight (%)")
    trend_legend(fig, top, few, min_documents,
                 f"the first {max_topics} of {len(wide.columns)} topics"
                 if len(wide.columns) > max_topics else None)
    return fig

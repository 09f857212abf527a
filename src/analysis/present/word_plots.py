"""Figures of word counts: bars, word cloud, Zipf plot, key words.

>>> import pandas as pd
>>> fig = bar_counts(pd.DataFrame({"word": ["war", "peace"], "count": [3, 1]}), title="Words")
>>> [float(p.get_width()) for p in fig.axes[0].patches]
[1.0, 3.0]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from analysis.present.chart import (
    ACCENT,
    NEGATIVE,
    POSITIVE,
    fit_height,
    message_figure,
    new_figure,
    note,
    one_line,
    require,
)

__all__ = ["bar_counts", "keyness_plot", "word_cloud", "zipf_plot"]


def bar_counts(
    table: pd.DataFrame, *, label: str = "word", value: str = "count", title: str = "",
    xlabel: str = "occurrences", color: str = ACCENT, top: int = 25,
) -> Figure:
    """Horizontal bars of a counts table, in the table's order (first row at the top).

    ``table`` has a ``label`` column (default ``word``) and a numeric ``value`` column
    (default ``count``), e.g. :func:`analysis.frequency.word_counts`. At most ``top`` rows are
    drawn (the first ones), so the figure fits a slide. An empty table or one whose values are
    all zero gives a message figure (:func:`analysis.present.chart.message_figure`).

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> fig = bar_counts(pd.DataFrame({"word": ["war", "peace"], "count": [3, 1]}), title="Words")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['peace', 'war']
    """
    require(table, (label, value), "bar_counts")
    data = table[table[value].fillna(0) != 0]
    if data.empty:
        return message_figure("Too little text to draw the counts: no word was counted.",
                              title=title)
    shown = data.head(top).iloc[::-1]
    fig, ax = new_figure(8, fit_height(len(shown), 0.27, 1.3))
    labels = [one_line(v, 28) for v in shown[label]]
    ax.barh(np.arange(len(shown)), shown[value], color=color)
    ax.set_yticks(np.arange(len(shown)), labels=labels)
    ax.set_ylim(-0.6, len(shown) - 0.4)
    ax.set_title(title or "Counts")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    for y, v in enumerate(shown[value]):
        ax.annotate(f"{v:g}", (v, y), xytext=(3, 0), textcoords="offset points", va="center",
                    fontsize=10)
    ax.margins(x=0.1)
    if len(data) > top:
        note(fig, f"the first {top} of {len(data)} rows")
    return fig


def word_cloud(table: pd.DataFrame, *, label: str = "word", value: str = "count",
               title: str = "", max_words: int = 60) -> Figure:
    """A word cloud of a counts table (Andreas Mueller's ``wordcloud`` package; fixed random
    state, so reproducible). Word size shows the count; nothing else is read from position or
    colour. An empty or all-zero table gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> fig = word_cloud(pd.DataFrame({"word": ["war", "peace"], "count": [3, 1]}))
    >>> fig.axes[0].get_title()
    'Word cloud'
    """
    from wordcloud import WordCloud

    require(table, (label, value), "word_cloud")
    data = table[table[value].fillna(0) > 0]
    if data.empty:
        return message_figure("Too little text to draw a word cloud: no word was counted.",
                              title=title)
    freqs = dict(zip(data[label].astype(str), data[value].astype(float), strict=True))
    wc = WordCloud(width=800, height=400, background_color="white", max_words=max_words,
                   random_state=7, colormap="viridis", prefer_horizontal=0.95)
    wc.generate_from_frequencies(freqs)
    fig, ax = new_figure(8, 4.3)
    ax.imshow(wc.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    ax.set_title(title or "Word cloud")
    note(fig, "word size shows how often the word occurs")
    return fig


def zipf_plot(table: pd.DataFrame, *, title: str = "Rank against frequency (log-log)") -> Figure:
    """Zipf plot of :func:`analysis.frequency.zipf_table` (``rank``, ``count``,
    ``zipf_expected``): observed counts and Zipf's line (Zipf 1949: the word of rank r occurs
    about top count / r times), both axes logarithmic. Fewer than two different words give a
    message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"rank": [1, 2, 3], "count": [6, 3, 2], "zipf_expected": [6, 3, 2]})
    >>> zipf_plot(t).axes[0].get_xscale()
    'log'
    """
    require(table, ("rank", "count", "zipf_expected"), "zipf_plot")
    data = table[table["count"] > 0]
    if len(data) < 2:
        return message_figure("Too little text to draw a Zipf plot: it needs at least two "
                              f"different words; this text has {len(data)}.", title=title)
    fig, ax = new_figure()
    ax.loglog(data["rank"], data["count"], marker="o", linestyle="none", markersize=4,
              color=ACCENT, label="observed")
    ax.loglog(data["rank"], data["zipf_expected"], color=NEGATIVE, linewidth=1.5,
              label="Zipf: top count / rank")
    ax.set_title(title)
    ax.set_xlabel("rank (1 = most frequent word)")
    ax.set_ylabel("occurrences")
    for axis, values in ((ax.xaxis, data["rank"]), (ax.yaxis, data["count"])):
        _plain_log_ticks(axis, float(values.max()) / max(float(values.min()), 1e-9))
    fig.legend(loc="outside lower center", ncols=2, frameon=False)
    return fig


def _plain_log_ticks(axis, span: float) -> None:
    """Log-axis ticks as plain numbers (1, 2, 5, 10, ...; only powers of ten over a wide
    range), no minor labels."""
    axis.set_major_locator(LogLocator(base=10, subs=(1.0,) if span > 300 else (1.0, 2.0, 5.0)))
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else f"{v:g}"))
    axis.set_minor_formatter(NullFormatter())


def keyness_plot(table: pd.DataFrame, *, value: str = "log_ratio", title: str = "",
                 xlabel: str = "log ratio (binary log of relative frequency ratio)",
                 top: int = 25) -> Figure:
    """Diverging bars of a keyness table (``word`` and ``value``, e.g.
    :func:`analysis.frequency.keyness_vs_english`): over-used words right, under-used left,
    in the table's order (first row at the top), at most ``top`` rows. An empty table or one
    whose values are all zero gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"word": ["benghazi", "said"], "log_ratio": [9.1, -1.2]})
    >>> [float(p.get_width()) for p in keyness_plot(t).axes[0].patches]
    [-1.2, 9.1]
    """
    require(table, ("word", value), "keyness_plot")
    data = table[table[value].fillna(0) != 0]
    if data.empty:
        return message_figure("Too little text to draw key words: no word is used notably "
                              "more or less often than in the reference.", title=title)
    shown = data.head(top).iloc[::-1]
    colors = [POSITIVE if v >= 0 else NEGATIVE for v in shown[value]]
    fig, ax = new_figure(8, fit_height(len(shown), 0.27, 1.3))
    ax.barh(np.arange(len(shown)), shown[value], color=colors)
    ax.set_yticks(np.arange(len(shown)), labels=[one_line(w, 28) for w in shown["word"]])
    ax.set_ylim(-0.6, len(shown) - 0.4)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_title(title or "Key words")
    ax.set_xlabel(xlabel)
    if len(data) > top:
        note(fig, f"the first {top} of {len(data)} words")
    return fig

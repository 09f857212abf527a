"""Figures that compare groups of documents (outlets, sections, folders) and time bins.

Every function takes the table the comparison functions return (columns in each docstring;
extra columns are ignored). A group flagged ``too_small`` (too little text to rank) is still
drawn, but set apart: pale and hatched, and named "(too little text)".

>>> import pandas as pd
>>> sizes = pd.DataFrame({"group": ["BBC", "CNN"], "documents": [12, 2],
...                       "words": [9000, 300], "too_small": [False, True]})
>>> fig = group_sizes_plot(sizes)
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
['BBC', 'CNN (too little text)']
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from analysis.present.chart import (
    MAX_HEIGHT,
    MAX_WIDTH,
    NEGATIVE,
    NEUTRAL,
    PALETTE,
    POSITIVE,
    aliased,
    bars_that_fit,
    fit_height,
    message_figure,
    new_figure,
    note,
    one_line,
    require,
    short_label,
)

__all__ = ["frequency_by_group_plot", "group_sizes_plot", "keyness_by_group_plot",
           "tone_by_group_plot", "trend_plot"]

SMALL = " (too little text)"
_NOT_VALUES = {"bin", "documents", "words", "sentences", "low", "high", "too_small", "start",
               "end", "group"}


def _flags(table: pd.DataFrame) -> pd.Series:
    if "too_small" in table:
        return table["too_small"].fillna(False).astype(bool)
    return pd.Series(False, index=table.index)


def _groups_and_flags(table: pd.DataFrame, groups) -> tuple[list, set]:
    """The groups to draw, in order, and those flagged too small: from ``groups`` (a list, or
    a group sizes table with ``group`` and ``too_small``) or else from ``table``."""
    flagged = set(table.loc[_flags(table), "group"])
    if isinstance(groups, pd.DataFrame):
        flagged |= set(groups.loc[_flags(groups), "group"])
        return list(groups["group"]), flagged
    names = list(groups) if groups is not None else list(pd.unique(table["group"]))
    return names, flagged


def grid_shape(n: int) -> tuple[int, int]:
    """Rows and columns of small multiples for ``n`` panels: three across up to six panels,
    four across beyond.

    >>> [grid_shape(n) for n in (1, 2, 4, 5, 7, 12)]
    [(1, 1), (1, 2), (2, 2), (2, 3), (2, 4), (3, 4)]
    """
    rows = math.ceil(n / 3) if n <= 6 else math.ceil(n / 4)
    return rows, math.ceil(n / rows)


def group_sizes_plot(table: pd.DataFrame, *, title: str = "", top: int = 20) -> Figure:
    """How much text each group has: documents and words per group, side by side.

    ``table``: ``group``, ``documents``, ``words`` (and optionally ``sentences``,
    ``too_small``), one row per group, drawn in table order (at most ``top`` groups, the ones
    with the most documents). Too-small groups are hatched and named "(too little text)".
    An empty table gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> fig = group_sizes_plot(pd.DataFrame({"group": ["a"], "documents": [3], "words": [900]}))
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['documents', 'words (not counting punctuation)']
    """
    require(table, ("group", "documents", "words"), "group_sizes_plot")
    data = table[table["documents"].fillna(0) > 0]
    if data.empty:
        return message_figure("Nothing to compare: no group has a document.", title=title)
    kept = data.assign(_o=range(len(data))).sort_values(["documents", "_o"],
                                                        ascending=[False, True]).head(top)
    data = data.loc[sorted(kept.index, key=list(data.index).index)]
    flags = _flags(data).to_numpy()
    labels = [one_line(g, 24) + (SMALL if f else "") for g, f in zip(data["group"], flags,
                                                                      strict=True)]
    fig, axes = new_figure(MAX_WIDTH, fit_height(len(data), 0.34, 1.5), ncols=2, sharey=True)
    y = np.arange(len(data))
    for ax, column, label in ((axes[0], "documents", "documents"),
                              (axes[1], "words", "words (not counting punctuation)")):
        values = data[column].to_numpy(dtype=float)
        bars = ax.barh(y, values, color=PALETTE[0])
        for bar, f in zip(bars, flags, strict=True):  # too small: pale and hatched
            bar.set_hatch("//" if f else None)
            bar.set_alpha(0.45 if f else 1.0)
        for k, v in enumerate(values):
            ax.annotate(f"{v:,.0f}", (v, k), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=10)
        ax.set_xlabel(label)
        ax.margins(x=0.18)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axes[0].set_yticks(y, labels=labels)
    axes[0].set_ylim(len(data) - 0.4, -0.6)
    fig.suptitle(title or "How much text each group has")
    if len(table) > len(data):
        note(fig, f"the {len(data)} groups with the most documents, of {len(table)}")
    return fig


def _panel_words(ax, part: pd.DataFrame, value: str, top: int, color: str) -> None:
    part = part.head(top).iloc[::-1]
    y = np.arange(len(part))
    ax.barh(y, part[value], color=color)
    ax.set_yticks(y, labels=[one_line(w, 16) for w in part["word"]])
    ax.set_ylim(-0.6, max(top, len(part)) - 0.4)
    ax.tick_params(axis="y", labelsize=10)
    ax.tick_params(axis="x", labelsize=10)
    ax.margins(x=0.35 if "log_ratio" in part and value != "log_ratio" else 0.05)
    if "log_ratio" in part and value != "log_ratio":
        for k, (v, lr) in enumerate(zip(part[value], part["log_ratio"], strict=True)):
            ax.annotate(f"{lr:+.1f}", (v, k), xytext=(2, 0), textcoords="offset points",
                        va="center", fontsize=10, color="#444444")


def keyness_by_group_plot(table: pd.DataFrame, *, top: int = 10, value: str = "g2",
                          groups: Sequence | None = None, title: str = "",
                          max_groups: int = 8) -> Figure:
    """Key words of each group against the rest of the corpus, side by side: one panel per
    group, its ``top`` words by ``value`` (``g2``, log-likelihood G2, Dunning 1993; or
    ``log_ratio``, Hardie 2014).

    ``table``: ``group``, ``word``, ``value`` (optionally ``rank``, ``log_ratio``,
    ``too_small``), e.g. ``frequency.keyness_by_group``. Only words used *more* in the group
    (value > 0) are drawn; with ``value="g2"`` the log ratio (effect size, binary log of the
    ratio of relative frequencies) is printed beside each bar. ``groups`` gives the panels and
    their order: a list of names, or a group sizes table (``group``, ``too_small``), whose
    too-small groups (no rows here) get a panel saying "too little text to rank". At most
    ``max_groups`` panels, and as many words each as fit the frame (said below the figure when
    fewer than ``top``). No key word in any group gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"group": ["a", "b"], "word": ["war", "peace"], "g2": [12.0, 9.5],
    ...                   "log_ratio": [2.0, 1.5]})
    >>> [ax.get_title() for ax in keyness_by_group_plot(t, groups=["a", "b", "c"]).axes]
    ['a', 'b', 'c']
    """
    require(table, ("group", "word", value), "keyness_by_group_plot")
    names, flagged = _groups_and_flags(table, groups)
    data = table[table[value].fillna(0) > 0]
    if data.empty or not names:
        why = ("every group has too little text to rank (see the group sizes)"
               if names and set(names) <= flagged else
               "no group has a word used notably more often than in the rest")
        return message_figure(f"Too little text to draw key words by group: {why}.",
                              title=title)
    sort = ["group", "rank"] if "rank" in data else ["group", value, "word"]
    data = data.sort_values(sort, ascending=[True, True] if "rank" in data else
                            [True, False, True], kind="mergesort")
    shown = names[:max_groups]
    # no more room per panel than the most words a group has ("top=5" words: 5 bars' room)
    asked = top = min(top, int(data[data["group"].isin(shown)].groupby("group").size().max()
                                if data["group"].isin(shown).any() else top))
    fig, axes, top = panel_grid(len(shown), top)
    for k, ax in enumerate(axes):
        part = data[data["group"] == shown[k]]
        ax.set_title(short_label(shown[k], width=18, lines=2), fontsize=11)
        if part.empty or shown[k] in flagged:
            ax.set_axis_off()
            ax.text(0.5, 0.5, "too little text\nto rank" if shown[k] in flagged else
                    "no key word", ha="center", va="center", fontsize=11, color="#555555",
                    transform=ax.transAxes)
            continue
        _panel_words(ax, part, value, top, PALETTE[k % len(PALETTE)])
    xlabel = ("log-likelihood G2 (keyness); beside each bar, the log ratio"
              if value == "g2" and "log_ratio" in table else
              "log ratio (binary log of the ratio of relative frequencies)"
              if value == "log_ratio" else value)
    cut = [f"the first {len(shown)} of {len(names)} groups"] if len(names) > len(shown) else []
    cut += [f"the top {top} words of each"] if asked > top else []
    fig.supxlabel(xlabel + (f"\n({'; '.join(cut)})" if cut else ""), fontsize=12)
    fig.suptitle(title or "Key words of each group against the rest")
    return fig


def panel_grid(panels: int, top: int, *, per_bar: float = 0.2, per_panel: float = 0.75
               ) -> tuple[Figure, list, int]:
    """Small multiples of bar charts: a figure of ``panels`` panels in a grid
    (:func:`grid_shape`), each with room for ``top`` bars, fewer when the frame cannot hold them
    (:func:`~analysis.present.chart.bars_that_fit`; ``per_bar`` and ``per_panel`` in inches).
    Returns the figure, its ``panels`` axes in reading order (the grid's spare ones switched
    off), and the number of bars each panel holds.

    >>> fig, axes, bars = panel_grid(5, 30)
    >>> len(axes), len(fig.axes), bars
    (5, 6, 10)
    """
    rows, cols = grid_shape(panels)
    top = min(top, bars_that_fit(rows, per_bar=per_bar, per_panel=per_panel))
    per_row = min(0.24, (MAX_HEIGHT - 1.0 - per_panel * rows) / (rows * top))
    fig, axes = new_figure(MAX_WIDTH, rows * (top * per_row + per_panel) + 1.0, nrows=rows,
                           ncols=cols, squeeze=False)
    for ax in axes.flat[panels:]:
        ax.set_axis_off()
    return fig, list(axes.flat[:panels]), top


def _hatched_legend(fig: Figure, names: list, flags: list, *, ncols: int = 4) -> None:
    handles = [Patch(facecolor=PALETTE[k % len(PALETTE)], hatch="//" if f else None,
                     alpha=0.45 if f else 1.0, label=one_line(g, 20) + (SMALL if f else ""))
               for k, (g, f) in enumerate(zip(names, flags, strict=True))]
    fig.legend(handles=handles, loc="outside right upper", frameon=False, title="group")


def frequency_by_group_plot(table: pd.DataFrame, *, terms: Sequence[str] | None = None,
                            groups: Sequence | None = None, value: str = "per_10k",
                            title: str = "", max_groups: int = 10,
                            max_terms: int = 8) -> Figure:
    """How often each term occurs in each group: grouped bars, one cluster per term, one bar per
    group, height = occurrences per 10,000 words of the group (``value``).

    ``table``: ``group``, ``term``, ``value`` (optionally ``count``, ``too_small``), e.g.
    ``frequency.frequency_by_group``. ``terms`` and ``groups`` (a list, or a group sizes table
    with ``too_small``) choose and order them (default: table order; at most ``max_terms``
    terms and ``max_groups`` groups). Too-small groups are hatched and pale, and named so in the
    legend. All zero gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"group": ["a", "b"], "term": ["war", "war"], "per_10k": [3.5, 1.0]})
    >>> [float(p.get_height()) for p in frequency_by_group_plot(t).axes[0].patches]
    [3.5, 1.0]
    """
    require(table, ("group", "term", value), "frequency_by_group_plot")
    names, flagged = _groups_and_flags(table, groups)
    names = names[:max_groups]
    terms = list(terms) if terms is not None else list(pd.unique(table["term"]))
    terms = terms[:max_terms]
    data = table[table["group"].isin(names) & table["term"].isin(terms)]
    if data.empty or not data[value].fillna(0).any():
        return message_figure("Nothing to draw: none of the terms occurs in any group.",
                              title=title)
    grid = data.pivot_table(index="term", columns="group", values=value, aggfunc="sum",
                            fill_value=0).reindex(index=terms, columns=names, fill_value=0)
    flags = [g in flagged for g in names]
    fig, ax = new_figure(MAX_WIDTH, 5.2)
    width = 0.8 / len(names)
    x = np.arange(len(terms))
    for k, g in enumerate(names):
        ax.bar(x - 0.4 + width * (k + 0.5), grid[g].to_numpy(dtype=float), width=width,
               color=PALETTE[k % len(PALETTE)], hatch="//" if flags[k] else None,
               alpha=0.45 if flags[k] else 1.0, edgecolor="white", linewidth=0.5)
    ax.set_xticks(x, labels=[one_line(t, 16) for t in terms])
    ax.set_xlabel("term")
    ax.set_ylabel("occurrences per 10,000 words" if value == "per_10k" else value)
    ax.grid(axis="x", visible=False)
    ax.set_title(title or "How often the terms occur in each group")
    _hatched_legend(fig, names, flags)
    return fig


def _shares(table: pd.DataFrame) -> pd.DataFrame:
    """Negative, neutral and positive shares in percent, each row summing to 100 (or 0)."""
    shares = table[["negative", "neutral", "positive"]].astype(float).fillna(0).clip(lower=0)
    total = shares.sum(axis=1)
    return shares.div(total.where(total > 0, 1), axis=0) * 100


def tone_by_group_plot(table: pd.DataFrame, *, title: str = "",
                       groups: Sequence | None = None, top: int = 16) -> Figure:
    """Tone by group: the mean sentence compound score (VADER, Hutto and Gilbert 2014) with its
    95 % interval (left; computed by the table's maker, e.g. a bootstrap),
    and the shares of negative, neutral and positive sentences (right).

    ``table``: ``group``, ``mean_compound``, ``low``, ``high`` (the interval's bounds),
    ``negative``, ``neutral``, ``positive`` (shares 0-1, or percentages), optionally
    ``sentences`` and ``too_small``. ``groups`` chooses and orders the groups; at most
    ``top`` are drawn. Groups flagged too small are drawn apart, below a dashed line, in grey.
    An empty table gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"group": ["a"], "mean_compound": [0.1], "low": [0.0], "high": [0.2],
    ...                   "negative": [0.2], "neutral": [0.5], "positive": [0.3]})
    >>> [round(p.get_width()) for p in tone_by_group_plot(t).axes[1].patches]
    [20, 50, 30]
    """
    table = aliased(table, ("ci_low", "ci_high"))
    require(table, ("group", "mean_compound", "low", "high", "negative", "neutral", "positive"),
            "tone_by_group_plot")
    if groups is not None:
        table = table.set_index("group").loc[[g for g in groups if g in set(table["group"])]]
        table = table.reset_index()
    if table.empty:
        return message_figure("Too little text to compare tone: no group has a sentence.",
                              title=title)
    flags = _flags(table)
    data = pd.concat([table[~flags], table[flags]]).head(top)
    flags = _flags(data).to_numpy()
    gap = 0.8 if flags.any() and not flags.all() else 0.0
    y = np.arange(len(data)) + np.where(flags, gap, 0.0)
    fig, (left, right) = new_figure(MAX_WIDTH, fit_height(len(data), 0.36, 1.9), ncols=2,
                                    sharey=True, gridspec_kw={"width_ratios": [1.1, 1]})
    _tone_means(left, data, y, flags)
    _tone_shares(right, data, y, flags)
    if gap:
        for ax in (left, right):
            ax.axhline(y[flags].min() - 0.5 - gap / 2, color="#555555", linewidth=0.8,
                       linestyle="--")
    cut = f"; the first {top} of {len(table)} groups" if len(table) > top else ""
    fig.legend(*right.get_legend_handles_labels(), loc="outside lower center", ncols=3,
               frameon=False, title="sentences (negative ≤ −0.05 < neutral < 0.05 ≤ positive)"
                                    + cut)
    fig.suptitle(title or "Tone by group")
    return fig


def _tone_means(ax, data: pd.DataFrame, y: np.ndarray, flags: np.ndarray) -> None:
    size = ([f"{int(s):,} sentences" for s in data["sentences"]] if "sentences" in data
            else [""] * len(data))
    details = ["; ".join(filter(None, (s, "too little text" if f else "")))
               for s, f in zip(size, flags, strict=True)]
    labels = [one_line(g, 22) + (f" ({d})" if d else "")
              for g, d in zip(data["group"], details, strict=True)]
    mean = data["mean_compound"].to_numpy(dtype=float)
    err = np.vstack([mean - data["low"].to_numpy(dtype=float),
                     data["high"].to_numpy(dtype=float) - mean]).clip(min=0)
    for k in range(len(data)):
        ax.errorbar(mean[k], y[k], xerr=err[:, [k]], fmt="o", capsize=4, markersize=7,
                    linewidth=1.6, color=NEUTRAL if flags[k] else PALETTE[0])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("mean compound\n(with its 95 % interval)")
    ax.set_yticks(y, labels=labels)
    ax.set_ylim(y.max() + 0.6, -0.6)


def _tone_shares(ax, data: pd.DataFrame, y: np.ndarray, flags: np.ndarray) -> None:
    shares = _shares(data).to_numpy()
    start = np.zeros(len(data))
    for j, (name, color) in enumerate((("negative", NEGATIVE), ("neutral", NEUTRAL),
                                       ("positive", POSITIVE))):
        bars = ax.barh(y, shares[:, j], left=start, color=color, label=name, height=0.7)
        for bar, f in zip(bars, flags, strict=True):
            bar.set_alpha(0.45 if f else 1.0)
        for k in range(len(data)):
            if shares[k, j] >= 9:
                ax.text(start[k] + shares[k, j] / 2, y[k], f"{shares[k, j]:.0f}%",
                        ha="center", va="center", fontsize=10, color="white")
        start += shares[:, j]
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of sentences (%)")


def bin_labels(bins: pd.Series) -> list[str]:
    """Time bins as short labels: a date (or the month, when every bin starts a month).

    >>> bin_labels(pd.Series(pd.to_datetime(["2016-01-01", "2016-02-01"])))
    ['Jan 2016', 'Feb 2016']
    >>> bin_labels(pd.Series(["2016-W03", "2016-W04"]))
    ['2016-W03', '2016-W04']
    """
    values = bins
    if isinstance(values.dtype, pd.PeriodDtype):
        return [str(p) for p in values]
    if pd.api.types.is_datetime64_any_dtype(values):
        stamps = pd.to_datetime(values)
        if (stamps.dt.day == 1).all():
            return [s.strftime("%b %Y") for s in stamps]
        return [s.strftime("%Y-%m-%d") for s in stamps]
    return [str(v) for v in values]


def time_axes(table: pd.DataFrame, title: str) -> tuple[Figure, object, object, np.ndarray]:
    fig, (top, bottom) = new_figure(MAX_WIDTH, 5.6, nrows=2, sharex=True,
                                    gridspec_kw={"height_ratios": [3, 1.1]})
    x = np.arange(len(table))
    docs = table["documents"].fillna(0).to_numpy(dtype=float)
    bottom.bar(x, docs, color="#adb5bd", width=0.7)
    if len(x) <= 24:
        for k, d in enumerate(docs):
            bottom.annotate(f"{d:,.0f}", (k, d), xytext=(0, 1), textcoords="offset points",
                            ha="center", va="bottom", fontsize=10)
    bottom.set_ylim(0, max(docs.max(), 1) * 1.35)
    bottom.set_ylabel("documents")
    bottom.yaxis.set_major_locator(MaxNLocator(nbins=3, integer=True))
    labels = bin_labels(table["bin"])
    step = max(1, math.ceil(len(x) / 14))
    bottom.set_xticks(x[::step], labels=labels[::step], rotation=30 if len(x) > 6 else 0,
                      ha="right" if len(x) > 6 else "center", rotation_mode="anchor")
    bottom.set_xlabel("time bin")
    bottom.grid(axis="x", visible=False)
    top.set_title(title)
    return fig, top, bottom, x


def draw_series(top, x: np.ndarray, series: pd.DataFrame, few: np.ndarray) -> None:
    """Lines, one per column of ``series`` (with a dot per bin up to 40 bins); points of bins
    flagged in ``few`` hollow (too few documents to trust)."""
    for k, column in enumerate(series.columns):
        color = PALETTE[k % len(PALETTE)]
        values = series[column].to_numpy(dtype=float)
        top.plot(x, values, color=color, linewidth=2 if len(x) <= 40 else 1.4,
                 label=one_line(str(column).replace("_", " "), 26))
        if len(x) <= 40:
            top.scatter(x[~few], values[~few], color=color, s=28, zorder=3)
        top.scatter(x[few], values[few], facecolors="white", edgecolors=color, s=34,
                    linewidths=1.5, zorder=3)


def _wide_terms(table: pd.DataFrame) -> pd.DataFrame:
    """A long table of term rates per bin (``bin``, ``term``, ``documents``, ``per_10k``, as
    :func:`analysis.trends.term_trends` gives it) as one row per bin, a column per term."""
    term = "term" if "term" in table else "word"
    order = list(pd.unique(table["bin"]))
    wide = table.pivot_table(index="bin", columns=term, values="per_10k", aggfunc="sum",
                             sort=False).reindex(order)
    docs = table.groupby("bin", sort=False)["documents"].max().reindex(order)
    out = pd.DataFrame({"bin": order, "documents": docs.to_numpy()})
    for t in pd.unique(table[term]):
        out[str(t)] = wide[t].to_numpy()
    return out


def trend_plot(table: pd.DataFrame, *, values: Sequence[str] | None = None, title: str = "",
               ylabel: str = "occurrences per 10,000 words", min_documents: int = 5,
               max_series: int = 8) -> Figure:
    """Over time: a line per value column (a term's rate, or the mean tone) per time bin, with
    the number of documents per bin as bars beneath, so a spike from three articles is seen to
    be three articles; points of bins with fewer than ``min_documents`` documents are hollow.

    ``table``: ``bin`` (dates, periods or labels, in order; or ``period``), ``documents``, and
    value columns (``values``; default every numeric column but ``documents``, ``words``,
    ``sentences``, ``low``, ``high``); or the long table of
    :func:`analysis.trends.term_trends` (``period``, ``term``, ``documents``, ``per_10k``), drawn
    a line per term. With one value column and ``low``/``high``, the interval is shaded.
    At most ``max_series`` lines. No bin with a document gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"bin": ["2016-01", "2016-02"], "documents": [12, 3],
    ...                   "war": [4.5, 9.0]})
    >>> [float(p.get_height()) for p in trend_plot(t).axes[1].patches]
    [12.0, 3.0]
    """
    table = aliased(table, ("period", "ci_low", "ci_high"))
    if {"word", "per_10k"} <= set(table.columns) or {"term", "per_10k"} <= set(table.columns):
        table = _wide_terms(table)
    require(table, ("bin", "documents"), "trend_plot")
    if values is None:
        values = [c for c in table.columns if c not in _NOT_VALUES
                  and pd.api.types.is_numeric_dtype(table[c])]
    values = [v for v in values if v in table.columns]
    more, values = len(values), values[:max_series]
    if table.empty or not table["documents"].fillna(0).any() or not values:
        return message_figure("Nothing to draw over time: no document has a date (or no "
                              "value to draw).", title=title)
    table = table.reset_index(drop=True)
    fig, top, bottom, x = time_axes(table, title or "Over time")
    few = table["documents"].fillna(0).to_numpy() < min_documents
    if len(values) == 1 and {"low", "high"} <= set(table.columns):
        top.fill_between(x, table["low"].astype(float), table["high"].astype(float),
                         color=PALETTE[0], alpha=0.15, linewidth=0, label="95 % interval")
    draw_series(top, x, table[values], few)
    if "compound" in " ".join(values):
        top.axhline(0, color="black", linewidth=0.8)
    top.set_ylabel(ylabel)
    trend_legend(fig, top, few, min_documents,
                 f"the first {max_series} of {more}" if more > max_series else None)
    return fig


def trend_legend(fig: Figure, top, few: np.ndarray, min_documents: int,
                 title: str | None = None) -> None:
    """The legend of a trend, below the figure: the lines, and what a hollow point means."""
    handles, _ = top.get_legend_handles_labels()
    if few.any():
        handles.append(Line2D([], [], marker="o", linestyle="none", markerfacecolor="white",
                              markeredgecolor="#333333",
                              label=f"hollow: fewer than {min_documents} documents in the bin"))
    fig.legend(handles=handles, loc="outside lower center", frameon=False, title=title,
               ncols=min(3, len(handles)))

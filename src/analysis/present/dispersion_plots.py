"""Where words occur: along one text, across a few documents, or counted in many.

Three views, chosen by how many documents there are (AntConc's concordance plot for the first
two):

* one document: a tick for each occurrence along the text, one row per word;
* a few documents (up to ``max_documents``): one panel per word, one row per document (named
  by its title), a tick for each occurrence along that document;
* more documents: a heat map of counts, one row per document (the ``top`` documents with the
  most occurrences), one column per word (:func:`dispersion_counts_plot`).

>>> import pandas as pd
>>> t = pd.DataFrame({"word": ["war", "war"], "document": ["a", "b"], "position": [0.1, 0.9]})
>>> fig = dispersion_plot(t, ["war"], titles={"a": "First", "b": "Second", "c": "Third"})
>>> [tick.get_text() for tick in fig.axes[0].get_yticklabels()]
['First', 'Second', 'Third']
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.present.chart import (
    ACCENT,
    MAX_WIDTH,
    fit_height,
    message_figure,
    new_figure,
    note,
    one_line,
    require,
    title_of,
)

__all__ = ["dispersion_counts_plot", "dispersion_plot", "dispersion_view", "titles_of"]

_NOT_COUNTS = {"document", "words", "total", "title", "group"}


def _n(k: int, word: str) -> str:
    return f"{k:,} {word}" + ("" if k == 1 else "s")


def _no_words(words: Sequence[str], title: str) -> Figure:
    shown = ", ".join(f"“{w}”" for w in words[:6]) or "no word was given"
    return message_figure(f"Nothing to draw: none of the words occurs in the text ({shown}).",
                          title=title or "Where the words occur")


def dispersion_plot(table: pd.DataFrame, words: Sequence[str], *, title: str = "",
                    titles: Mapping | None = None, max_documents: int = 12,
                    top: int = 20) -> Figure:
    """Lexical dispersion: a tick for each occurrence of each word, along its document (0-100 %
    of the document's words).

    ``table`` is :func:`analysis.dispersion.dispersion` output (``word``, ``position``;
    ``document`` for several documents). ``titles`` maps document -> title: its keys, in
    order, are the documents drawn (those with no occurrence get an empty row); without it,
    the documents of the table. Up to ``max_documents`` documents: one panel per word (at most
    six) with a row per document; beyond, a heat map of each document's counts (the ``top``
    documents with the most occurrences; :func:`dispersion_counts_plot` draws the same from
    :func:`analysis.dispersion.dispersion_counts`, with rates per 1,000 words). No occurrence
    at all gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"word": ["war", "war"], "position": [0.1, 0.8]})
    >>> [t.get_text() for t in dispersion_plot(t, ["war"]).axes[0].get_yticklabels()]
    ['war (2)']
    """
    require(table, ("word", "position"), "dispersion_plot")
    words = [w for w in dict.fromkeys(words) if w]
    data = table[table["word"].isin(words)]
    if data.empty:
        return _no_words(words, title)
    if "document" in data:
        docs = list(titles) if titles else list(pd.unique(data["document"]))
    else:
        docs = [None]
        data = data.assign(document=None)
    if len(docs) <= 1:
        return _along_one(data, words, title)
    if len(docs) <= max_documents:
        return _along_several(data, words, docs, titles, title)
    counts = data.groupby(["document", "word"]).size().unstack("word", fill_value=0)
    counts = counts.reindex(columns=words, fill_value=0).reset_index()
    counts["total"] = counts[words].sum(axis=1)
    return _heat_map(counts, words, titles, top=top, documents=len(docs),
                     title=title or "Where the words occur")


def _ticks(ax, xs, y: float, color: str = ACCENT, size: float = 300) -> None:
    ax.scatter(np.asarray(xs) * 100, np.full(len(xs), y), marker="|", s=size, linewidths=1.8,
               color=color)


def _along_one(data: pd.DataFrame, words: list[str], title: str) -> Figure:
    fig, ax = new_figure(8, fit_height(len(words), 0.45, 1.4))
    for y, w in enumerate(words):
        _ticks(ax, data.loc[data["word"] == w, "position"], y, size=400)
    counts = data["word"].value_counts()
    ax.set_yticks(range(len(words)),
                  labels=[f"{one_line(w, 24)} ({counts.get(w, 0)})" for w in words])
    ax.set_ylim(-0.6, len(words) - 0.4)
    ax.invert_yaxis()
    ax.set_xlim(-2, 102)
    ax.set_xlabel("position in the text (% of its words)")
    ax.set_title(title or "Where the words occur")
    ax.grid(axis="y", visible=False)
    note(fig, "a tick per occurrence; in brackets, the number of occurrences")
    return fig


def _along_several(data: pd.DataFrame, words: list[str], docs: list, titles: Mapping | None,
                   title: str) -> Figure:
    shown = words[:6]
    ncols = min(3, len(shown))
    nrows = math.ceil(len(shown) / ncols)
    height = fit_height(nrows * len(docs), 0.24, 0.9 + 0.55 * nrows)
    fig, axes = new_figure(MAX_WIDTH, height, nrows=nrows, ncols=ncols, sharex=True,
                           sharey=True, squeeze=False)
    row_of = {d: i for i, d in enumerate(docs)}
    labels = [title_of(d, titles, 30) for d in docs]
    for k, ax in enumerate(axes.flat):
        if k >= len(shown):
            ax.set_axis_off()
            continue
        hits = data[(data["word"] == shown[k]) & data["document"].isin(row_of)]
        for d, part in hits.groupby("document", sort=False):
            _ticks(ax, part["position"], row_of[d], size=110)
        ax.set_title(f"“{one_line(shown[k], 20)}” ({len(hits)})", fontsize=12)
        ax.set_yticks(range(len(docs)), labels=labels)
        ax.set_ylim(len(docs) - 0.5, -0.5)
        ax.set_xlim(-2, 102)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", labelsize=10)
    cut = f"\n(the first {len(shown)} of {len(words)} words)" if len(words) > len(shown) else ""
    fig.supxlabel("position in each document (% of its words); a tick per occurrence" + cut,
                  fontsize=12)
    fig.suptitle(title or "Where the words occur")
    return fig


def dispersion_counts_plot(table: pd.DataFrame, words: Sequence[str] | None = None, *,
                           titles: Mapping | None = None, top: int = 20,
                           title: str = "") -> Figure:
    """A heat map of how often each word occurs in each document: the ``top`` documents with
    the most occurrences, one row each (named by ``titles``, document -> title), one column
    per word, each cell giving the count, coloured by the rate per 1,000 words of the document.

    ``table`` is :func:`analysis.dispersion.dispersion_counts` output (``document``, ``words``
    (the document's number of words), one count column per word, ``total``); extra columns are
    ignored. ``words`` picks the word columns (default: every numeric column but ``words`` and
    ``total``). A table with no occurrence gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> t = pd.DataFrame({"document": ["a", "b"], "words": [100, 50], "war": [1, 4],
    ...                   "total": [1, 4]})
    >>> [t.get_text() for t in dispersion_counts_plot(t, titles={"b": "Second"}).axes[0].texts]
    ['4', '1']
    """
    require(table, ("document",), "dispersion_counts_plot")
    if words is None:
        words = [c for c in table.columns if c not in _NOT_COUNTS
                 and pd.api.types.is_numeric_dtype(table[c])]
    words = [w for w in words if w in table.columns]
    data = table.assign(total=table[words].sum(axis=1)) if words else table.iloc[:0]
    if data.empty or not data["total"].any():
        return _no_words(list(words), title)
    return _heat_map(data, words, titles, top=top, documents=len(table),
                     title=title or "How often the words occur in each document")


def _heat_map(counts: pd.DataFrame, words: list[str], titles: Mapping | None, *, top: int,
              documents: int, title: str) -> Figure:
    counts = counts[counts["total"] > 0]
    with_hits = len(counts)
    counts = counts.assign(_o=range(len(counts))).sort_values(
        ["total", "_o"], ascending=[False, True]).head(top)
    values = counts[words].to_numpy(dtype=float)
    rate = "words" in counts and bool((counts["words"] > 0).all())
    shade = values * 1000 / counts["words"].to_numpy(dtype=float)[:, None] if rate else values
    fig, ax = new_figure(min(MAX_WIDTH, 4.2 + 0.95 * len(words)),
                         fit_height(len(counts), 0.27, 1.9, low=2.6))
    image = ax.imshow(shade, aspect="auto", cmap="Blues", vmin=0)
    top_value = shade.max() or 1.0
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, f"{v:.0f}", ha="center", va="center", fontsize=10,
                color="white" if shade[i, j] > 0.6 * top_value else "#222222")
    ax.set_xticks(range(len(words)), labels=[one_line(w, 14) for w in words], rotation=30,
                  ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(counts)), labels=[title_of(d, titles, 34) for d in counts["document"]])
    ax.tick_params(axis="y", labelsize=10)
    ax.grid(False)
    bar = fig.colorbar(image, ax=ax, location="top", shrink=0.6, aspect=35, pad=0.02)
    bar.set_label("colour: occurrences per 1,000 words of the document" if rate else
                  "colour: occurrences", fontsize=11)
    ax.set_xlabel("word (the number in each cell is the count)")
    fig.suptitle(title)
    none = documents - with_hits
    shown = (f"the {len(counts)} documents with the most occurrences, of {documents}"
             if len(counts) < with_hits else
             f"{_n(len(counts), 'document')} with occurrences" + (f", of {documents}"
                                                                 if none > 0 else ""))
    note(fig, shown + (f"; {_n(none, 'document')} with none" if none > 0 else ""))
    return fig


def titles_of(source) -> dict[str, str]:
    """Document id -> title for every document of a source (in its order)."""
    from analysis.tables import documents_table

    docs = documents_table(source, sizes=False)
    return dict(zip(docs["document"].astype(str), docs["title"].astype(str), strict=True))


def dispersion_view(source, words: Sequence[str], *, title: str = "", max_documents: int = 12,
                    top: int = 20) -> Figure:
    """Where ``words`` occur in ``source``, drawn the way its size allows: ticks along the text
    for one document; a row per document for up to ``max_documents`` documents (named by their
    titles); beyond that, a heat map of the ``top`` documents' counts, read from the stored
    per-document word counts (no text is tokenised again).

    >>> fig = dispersion_view("War came. Then peace. Then war.", ["war"])
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['war (2)']
    """
    from analysis.dispersion import dispersion, dispersion_counts

    titles = titles_of(source)
    if len(titles) <= max_documents:
        return dispersion_plot(dispersion(source, words), words, titles=titles, title=title,
                               max_documents=max_documents, top=top)
    counts = dispersion_counts(source, words)
    return dispersion_counts_plot(counts, [w for w in words if w in counts.columns],
                                  titles=titles, top=top,
                                  title=title or "How often the words occur in each document")

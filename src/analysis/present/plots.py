"""Every figure the notebooks show. Each function takes a table (a pandas DataFrame whose columns
its docstring lists; extra columns are ignored) and returns a matplotlib Figure.

Plots never recompute analysis: they draw the DataFrames that the analysis functions return, so
the numbers behind a figure can always be shown (and tested) beside it. Call :func:`style` once
(``analysis.present.display.setup`` does) for the project's look and deterministic output.

Conventions shared by every function (:mod:`analysis.present.chart`):

* a figure fits a slide: at most 960 x 700 pixels as a notebook shows it (9.4 x 6.8 inches at
  100 dpi, plus the 0.1 inch margin of `bbox_inches="tight"`); long lists are
  capped by ``top``;
* a title, labelled axes with units, legends outside the data;
* a reader's numbering starts at 1 (sentence 1 is the first sentence);
* too little to draw (an empty table, all zeros, one sentence for an arc) gives a short figure
  with one plain sentence instead of a chart, never a blank frame; :func:`figure_message`
  returns that sentence (``None`` for a chart);
* byte-reproducible: no randomness without a fixed seed.

The figures live in modules by subject (``word_plots``, ``dispersion_plots``,
``sentiment_plots``, ``network``, ``group_plots``, ``topic_plots``); this module gathers them.

>>> import pandas as pd
>>> fig = bar_counts(pd.DataFrame({"word": [], "count": []}), title="Top words")
>>> figure_message(fig)
'Too little text to draw the counts: no word was counted.'
"""

from __future__ import annotations

from analysis.present.chart import (
    ACCENT,
    MAX_HEIGHT,
    MAX_WIDTH,
    NEGATIVE,
    NEUTRAL,
    POSITIVE,
    figure_message,
    message_figure,
    short_label,
    style,
)
from analysis.present.dispersion_plots import (
    dispersion_counts_plot,
    dispersion_plot,
    dispersion_view,
    titles_of,
)
from analysis.present.group_plots import (
    frequency_by_group_plot,
    group_sizes_plot,
    keyness_by_group_plot,
    tone_by_group_plot,
    trend_plot,
)
from analysis.present.network import cooccurrence_network, network_labels, node_boxes
from analysis.present.sentiment_plots import (
    arc_plot,
    explanation_plot,
    sentence_sentiment_plot,
    sentiment_top_contributions,
)
from analysis.present.topic_plots import (
    topic_labels,
    topic_share_plot,
    topic_trend_plot,
    topic_words_plot,
)
from analysis.present.word_plots import bar_counts, keyness_plot, word_cloud, zipf_plot

#: Every function that draws a figure (each returns a Figure, a message figure when its table
#: holds too little): the list the tests and the gallery benchmark go through.
FIGURES = (
    "bar_counts", "word_cloud", "zipf_plot", "keyness_plot", "dispersion_plot",
    "dispersion_counts_plot", "sentence_sentiment_plot", "arc_plot", "explanation_plot",
    "cooccurrence_network", "group_sizes_plot", "keyness_by_group_plot",
    "frequency_by_group_plot", "tone_by_group_plot", "trend_plot", "topic_words_plot",
    "topic_share_plot", "topic_trend_plot",
)

__all__ = [
    "ACCENT",
    "FIGURES",
    "MAX_HEIGHT",
    "MAX_WIDTH",
    "NEGATIVE",
    "NEUTRAL",
    "POSITIVE",
    "arc_plot",
    "bar_counts",
    "cooccurrence_network",
    "dispersion_counts_plot",
    "dispersion_plot",
    "dispersion_view",
    "explanation_plot",
    "figure_message",
    "frequency_by_group_plot",
    "group_sizes_plot",
    "keyness_by_group_plot",
    "keyness_plot",
    "message_figure",
    "network_labels",
    "node_boxes",
    "sentence_sentiment_plot",
    "sentiment_top_contributions",
    "short_label",
    "titles_of",
    "style",
    "tone_by_group_plot",
    "topic_labels",
    "topic_share_plot",
    "topic_trend_plot",
    "topic_words_plot",
    "trend_plot",
    "word_cloud",
    "zipf_plot",
]


"""What every figure shares: the style, the frame a slide allows, colours, short labels, and the
one convention for data too small to draw.

**Slide frame.** A figure is at most :data:`MAX_WIDTH` x :data:`MAX_HEIGHT` inches at
:data:`DPI` dots per inch; a notebook shows it cropped to its content plus 0.1 inch on each side
(``bbox_inches="tight"``), so the image is at most 960 x 700 pixels and fits a 16:9 slide. Long
lists are capped by a ``top`` argument instead of growing the figure.

**Too little to draw.** Every plot function returns a :class:`~matplotlib.figure.Figure`. When
its table holds nothing to draw (no rows, all zeros, a single sentence for an arc...), the figure
is a short panel with the title and one plain sentence instead of a chart ("Too little text to
draw ...", "No ..."): never a blank frame. :func:`figure_message` returns that sentence (and
``None`` for a chart), so a notebook or a test can tell the two apart.

>>> fig = message_figure("Too little text to draw the arc: it has 1 sentence.", title="Arc")
>>> figure_message(fig)
'Too little text to draw the arc: it has 1 sentence.'
>>> fig.get_size_inches().tolist()
[8.0, 1.6]
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Mapping

import matplotlib

matplotlib.use("agg", force=False)

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

__all__ = ["ACCENT", "ALIASES", "DPI", "MAX_HEIGHT", "MAX_WIDTH", "NEGATIVE", "NEUTRAL",
           "POSITIVE", "aliased", "figure_message", "message_figure", "new_figure", "short_label",
           "style"]

POSITIVE = "#2a9d8f"
NEGATIVE = "#c0392b"
NEUTRAL = "#8d99ae"
ACCENT = "#264653"
#: Colours for groups, terms and topics (Okabe-Ito, safe for colour-blind readers), in order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#882255",
           "#000000", "#999999", "#F0E442")

#: The largest figure, in inches, at :data:`DPI`: with the 0.1 inch a notebook adds on each
#: side, 960 x 700 pixels, a 16:9 slide's frame.
MAX_WIDTH = 9.4
MAX_HEIGHT = 6.8
DPI = 100

_MESSAGE = "_analysis_message"


def style() -> None:
    """The project's figure style, and settings that make saved figures byte-identical.

    Fonts are sized to stay readable when a 960-pixel-wide figure is projected (ticks 11 pt,
    labels 12 pt, titles 14 pt at 100 dpi). Text is never read as mathematics: a title with
    "$5 and $10" shows the dollars.
    """
    import seaborn as sns

    sns.set_theme(style="whitegrid", context="notebook")
    plt.rcParams.update({
        "figure.figsize": (8, 4.5),
        "figure.dpi": DPI,
        "savefig.dpi": DPI,
        "axes.titlesize": 14,
        "axes.titleweight": "bold",
        "axes.labelsize": 12,
        "xtick.labelsize": 11,
        "ytick.labelsize": 11,
        "legend.fontsize": 10.5,
        "legend.title_fontsize": 11,
        "figure.titlesize": 15,
        "figure.titleweight": "bold",
        "text.parse_math": False,
        "svg.hashsalt": "news-text-analysis",
        "path.simplify": True,
    })


def new_figure(width: float = 8.0, height: float = 4.5, **subplots) -> tuple[Figure, object]:
    """A constrained-layout Figure of at most the slide's frame, and its axes.

    The figure is outside pyplot's registry: a notebook shows it once (as the cell's value)
    and nothing accumulates in memory when many figures are drawn. ``subplots`` go to
    :meth:`Figure.subplots` (``nrows``, ``ncols``, ``sharex``, ``gridspec_kw``...).

    >>> fig, ax = new_figure(12, 9)
    >>> fig.get_size_inches().tolist()
    [9.4, 6.8]
    """
    size = (min(float(width), MAX_WIDTH), min(float(height), MAX_HEIGHT))
    fig = Figure(figsize=size, dpi=DPI, layout="constrained")
    return fig, fig.subplots(**subplots)


def fit_height(rows: int, per_row: float, extra: float, *, low: float = 2.2) -> float:
    """A figure height for ``rows`` rows of ``per_row`` inches plus ``extra``, in the frame."""
    return max(low, min(MAX_HEIGHT, per_row * rows + extra))


def bars_that_fit(panel_rows: int, *, per_bar: float = 0.2, per_panel: float = 0.75,
                  extra: float = 1.0) -> int:
    """How many bars a panel can hold when ``panel_rows`` rows of panels share the frame's
    height (each bar ``per_bar`` inches, each panel ``per_panel`` more, the figure ``extra``).

    >>> bars_that_fit(1), bars_that_fit(2), bars_that_fit(3)
    (25, 10, 5)
    """
    return max(3, int((MAX_HEIGHT - extra - per_panel * panel_rows) / (panel_rows * per_bar)))


def message_figure(message: str, *, title: str = "") -> Figure:
    """The figure drawn instead of a chart when there is too little to draw: ``title`` above
    ``message`` (one plain sentence), no axes. :func:`figure_message` reads the sentence back.

    >>> figure_message(message_figure("No actors to draw.", title="Actors"))
    'No actors to draw.'
    """
    fig = Figure(figsize=(8, 1.6), dpi=DPI, layout="constrained")
    ax = fig.subplots()
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    ax.text(0.5, 0.45, textwrap.fill(message, 80), ha="center", va="center", fontsize=12.5,
            color="#333333", transform=ax.transAxes, parse_math=False)
    setattr(fig, _MESSAGE, message)
    return fig


def figure_message(fig: Figure) -> str | None:
    """The sentence of a figure made by :func:`message_figure`; ``None`` for a chart.

    >>> fig, ax = new_figure()
    >>> figure_message(fig) is None
    True
    """
    return getattr(fig, _MESSAGE, None)


def short_label(name: object, *, width: int = 20, lines: int = 2) -> str:
    """``name`` wrapped to at most ``lines`` lines of at most ``width`` characters, cut with
    "…" when longer (the full name stays in the table beside the figure).

    >>> short_label("Shura Council of Benghazi Revolutionaries")
    'Shura Council of\\nBenghazi…'
    >>> short_label("Shura Council of Benghazi Revolutionaries", lines=3)
    'Shura Council of\\nBenghazi\\nRevolutionaries'
    >>> short_label("Libya"), short_label("x" * 30, width=10)
    ('Libya', 'xxxxxxxxx…')
    """
    text = _printable(name)
    parts = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=True) or [""]
    parts = [p if len(p) <= width else p[:width - 1] + "…" for p in parts]
    if len(parts) > lines:
        last = parts[lines - 1]
        parts = parts[:lines - 1] + [last[:width - 1] + "…" if len(last) >= width else last + "…"]
    return "\n".join(parts)


def _printable(name: object) -> str:
    """Text on one line with control characters dropped (they have no glyph)."""
    text = "".join(c for c in str(name) if c in "\t\n\r" or
                   not unicodedata.category(c).startswith("C"))
    return " ".join(text.split())


def one_line(name: object, width: int = 32) -> str:
    """``name`` on one line of at most ``width`` characters ("…" marks a cut).

    >>> one_line("The Ninth Circle: The Hellish View from Inside the Beltway", 24)
    'The Ninth Circle: The H…'
    """
    text = _printable(name)
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


#: Column names of the analysis tables (``analysis.groups``, ``analysis.trends``,
#: ``analysis.topics``) and the names the figures use for them.
ALIASES = {"ci_low": "low", "ci_high": "high", "period": "bin", "term": "word"}


def aliased(table: pd.DataFrame, names: tuple[str, ...] = tuple(ALIASES)) -> pd.DataFrame:
    """``table`` with the analysis tables' column names (``ci_low``, ``ci_high``, ``period``,
    ``term``) renamed to the figures' (``low``, ``high``, ``bin``, ``word``) where the figure's
    name is not taken already.

    >>> list(aliased(pd.DataFrame({"period": [1], "ci_low": [0.1]})).columns)
    ['bin', 'low']
    """
    rename = {a: ALIASES[a] for a in names if a in table.columns
              and ALIASES[a] not in table.columns}
    return table.rename(columns=rename) if rename else table


def require(table: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    """Raise ``ValueError`` naming the missing columns of ``table`` for figure ``what``."""
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{what} takes a pandas DataFrame, got {type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what} needs the column(s) {', '.join(missing)}; the table has: "
                         f"{', '.join(map(str, table.columns)) or 'no columns'}")


def title_of(document: object, titles: Mapping | None, width: int = 32) -> str:
    """The title shown for ``document``: ``titles[document]`` when given, else its id; one
    line of at most ``width`` characters."""
    shown = titles.get(document, document) if titles else document
    return one_line(shown if shown not in (None, "") else document, width)


def note(fig: Figure, text: str) -> None:
    """A small grey line at the bottom of ``fig`` (what was left out, how to read it)."""
    fig.supxlabel(text, fontsize=10, color="#555555", fontweight="normal")

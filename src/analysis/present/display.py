"""Notebook helpers: one ``setup()`` call, and safe HTML views of text with highlighted spans.

Document text is data, never markup: everything shown here is HTML-escaped, and tables are
rendered with MathJax disabled, so ``<script>``, ``$x$`` or ``{{ }}`` in a text appear literally.
"""

from __future__ import annotations

import html
import random
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

__all__ = ["HTML", "explained", "highlight", "highlight_table", "input_warnings", "note",
           "paragraph", "sentence_view", "setup", "show_table", "table"]


class HTML:
    """An HTML snippet for display in a notebook (has ``_repr_html_`` and a plain-text form)."""

    def __init__(self, markup: str, text: str = ""):
        self.markup = markup
        self.text = text

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return self.text or "<HTML>"


def setup(*, seed: int = 0) -> None:
    """Figure style, table display and fixed random seeds, for reproducible notebook outputs."""
    from analysis.present import plots

    plots.style()
    random.seed(seed)
    np.random.seed(seed)
    pd.set_option("display.html.use_mathjax", False)  # "$...$" in text stays literal
    pd.set_option("display.max_colwidth", 200)
    pd.set_option("display.max_rows", 60)
    pd.set_option("display.width", 120)
    pd.set_option("display.precision", 3)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with every notebook kernel
        return
    shell = get_ipython()
    if shell is not None:
        shell.run_line_magic("matplotlib", "inline")
        shell.run_line_magic("config", "InlineBackend.figure_formats = ['png']")
        # PNG files carry no timestamp; fix the only metadata key so bytes never vary.
        shell.run_line_magic(
            "config",
            "InlineBackend.print_figure_kwargs = {'bbox_inches': 'tight', "
            "'metadata': {'Software': 'news-text-analysis'}}",
        )
        _messages_as_notes(shell)


def _messages_as_notes(shell) -> None:
    """Show a figure that only says there is too little to draw (``plots.message_figure``) as
    that sentence, not as a picture of it: readable, searchable, and compared by nbval."""
    from matplotlib.figure import Figure

    from analysis.present.chart import figure_message

    formatters = shell.display_formatter.formatters
    png = formatters["image/png"]
    draw = png.lookup_by_type(Figure) if Figure in png.type_printers else None

    def as_note(fig):
        message = figure_message(fig)
        if message is None:
            return None
        title = fig.axes[0].get_title() if fig.axes else ""
        return note(f"{title}: {message}" if title else message).markup

    formatters["text/html"].for_type(Figure, as_note)
    if draw is not None:
        png.for_type(Figure, lambda fig: None if figure_message(fig) else draw(fig))


_STYLE = (
    "font-family: Georgia, serif; font-size: 15px; line-height: 1.9; white-space: pre-wrap; "
    "max-width: 46em; padding: 0.6em 0.9em; border-left: 4px solid #264653; background: #fbfbf8;"
)


def highlight(
    text: str, spans: Iterable[tuple[int, int]], *, labels: Sequence[str] | None = None,
    colors: Sequence[str] | None = None, default_color: str = "#ffe8a3", title: str = "",
) -> HTML:
    """The text with the given character spans highlighted (escaped; spans must not overlap).

    >>> highlight("a <b> c", [(2, 5)]).markup.count("&lt;b&gt;")
    1
    """
    spans = list(spans)
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    parts = []
    pos = 0
    for i in order:
        start, end = spans[i]
        if start < pos:
            continue  # overlapping spans are skipped rather than mangled
        parts.append(html.escape(text[pos:start]))
        color = colors[i] if colors else default_color
        tip = f' title="{html.escape(labels[i])}"' if labels else ""
        parts.append(
            f'<mark style="background:{color}; padding:0.05em 0.15em; border-radius:3px"{tip}>'
            f"{html.escape(text[start:end])}</mark>"
        )
        pos = end
    parts.append(html.escape(text[pos:]))
    head = f"<p><strong>{html.escape(title)}</strong></p>" if title else ""
    return HTML(f'{head}<div style="{_STYLE}">{"".join(parts)}</div>', text=title or text[:80])


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array: present
        return False


def _cell(value) -> tuple[str, bool]:
    """A value as display text, and whether it is text (left-aligned) rather than a number.

    >>> [_cell(v)[0] for v in (1234, 0.25, -0.0009, 0.00002, None)]
    ['1,234', '0.25', '-0.0009', '2.00e-05', '–']
    """
    if _missing(value):  # shown as a dash, aligned with its column
        return "–", False
    if isinstance(value, (bool, np.bool_)):
        return ("yes" if value else "no"), True
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}", False
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if v != 0 and abs(v) < 0.0001:  # too small for four decimals: e-notation
            return f"{v:.2e}", False
        digits = 4 if abs(v) < 0.001 else 3  # -0.0009 rather than -9.00e-04
        text = f"{v:,.{digits}f}".rstrip("0").rstrip(".") if abs(v) < 1e6 else f"{v:,.0f}"
        return ("0" if text in ("-0", "-0.") else text), False  # no "-0" for a tiny negative
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else str(value), True
    return str(value), True


_TH = 'style="text-align:{align}; vertical-align:bottom"'
_TD_TEXT = 'style="text-align:left; white-space:normal; overflow-wrap:break-word; max-width:40em"'
_TD_NUM = 'style="text-align:right; white-space:nowrap"'


def table(df: pd.DataFrame, *, caption: str = "", top: int | None = None,
          empty: str = "Nothing to show.") -> HTML:
    """A table for readers: a caption saying what it is, no index, text left-aligned and
    wrapping, numbers right-aligned with thousands separators, missing values as "–". An empty
    table shows ``empty`` (a sentence saying why) instead. ``top`` keeps the first rows and says
    how many there were.

    >>> t = table(pd.DataFrame({"word": ["<war>"], "count": [1200]}), caption="Counts")
    >>> "&lt;war&gt;" in t.markup and "1,200" in t.markup and "<th" in t.markup
    True
    >>> table(pd.DataFrame({"word": []}), empty="Too little text.").text
    'Too little text.'
    """
    if df is None or not len(df):
        return note(empty)
    shown = df.head(top) if top else df
    more = (f" (the first {len(shown):,} of {len(df):,} rows)" if top and len(df) > top else "")
    head_cells = []
    kinds = []
    for col in shown.columns:
        values = [v for v in shown[col] if not _missing(v)]
        is_text = all(_cell(v)[1] for v in values)  # a column of nothing missing reads as text
        kinds.append(is_text)
        head_cells.append(f"<th {_TH.format(align='left' if is_text else 'right')}>"
                          f"{html.escape(str(col))}</th>")
    body = []
    for row in shown.itertuples(index=False):
        cells = []
        for value, is_text in zip(row, kinds, strict=True):
            text, _ = _cell(value)
            cells.append(f"<td {_TD_TEXT if is_text else _TD_NUM}>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = caption + more
    markup = (f'<p class="news-caption"><em>{html.escape(cap)}</em></p>' if cap else "") + (
        '<table class="dataframe news-table tex2jax_ignore" border="0"><thead><tr>'
        + "".join(head_cells) + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>")
    plain = shown.to_string(index=False)
    return HTML(markup, text=(cap + "\n" if cap else "") + plain)


def sentence_view(text: str, spans: Sequence[tuple[int, int]], *, limit: int = 6000,
                  title: str = "") -> HTML:
    """The text with its sentences in alternating colours; hovering shows each sentence's
    number (from 1). Only the first ``limit`` characters are shown.

    >>> "sentence 2" in sentence_view("One. Two.", [(0, 4), (5, 9)]).markup
    True
    """
    shown = [(a, b) for a, b in spans if b <= limit]
    view = highlight(text[:limit], shown, labels=[f"sentence {i}" for i in
                                                  range(1, len(shown) + 1)],
                     colors=["#ffe8a3" if i % 2 == 0 else "#cfe8ff" for i in range(len(shown))],
                     title=title)
    more = (f"<p><em>The first {limit:,} of {len(text):,} characters.</em></p>"
            if len(text) > limit else "")
    return HTML(view.markup + more, text=view.text)


def explained(why: pd.DataFrame, *, caption: str = "", empty: str = "Nothing to show.") -> HTML:
    """A word-by-word explanation (:func:`analysis.sentiment.explain`) for readers: the sentence
    explained (``why.attrs["text"]``) with its ``compound``, then the words that carried
    valence, numbered from 1 as in :func:`~analysis.present.sentiment_plots.explanation_plot`
    (column ``word``, in place of the 0-based ``position``). An empty explanation shows
    ``empty``.

    >>> from analysis.sentiment import explain
    >>> view = explained(explain("The attack was not good."), caption="Why")
    >>> "The attack was not good." in view.markup, "<th" in view.markup
    (True, True)
    >>> explained(explain("").iloc[:0], empty="No sentence scores below zero.").text
    'No sentence scores below zero.'
    """
    if why is None or not len(why):
        return note(empty)
    words = why[why["contribution"] != 0]
    words = words.assign(word=words["position"] + 1)[
        ["word", *[c for c in words.columns if c not in ("word", "position")]]]
    text = " ".join(str(why.attrs.get("text", "")).split())
    figures = why.attrs.get("document") or {}
    score = (f" (compound {figures['compound']:+.4f})" if "compound" in figures else "")
    quote = (f"<blockquote>{html.escape(text)}</blockquote><p><em>{html.escape(score.strip())}"
             f"</em></p>" if text else "")
    body = table(words, caption=caption, empty="No word in it carries valence.")
    return HTML(quote + body.markup, text=f"{text}{score}\n{body.text}")


def note(sentence: str) -> HTML:
    """A plain sentence shown where a table or figure would be (e.g. "Too little text ...").

    >>> note("Too little text for collocations.").text
    'Too little text for collocations.'
    """
    return HTML(f'<p class="news-note"><em>{html.escape(sentence)}</em></p>', text=sentence)


def paragraph(text: str) -> HTML:
    """Prose written from the data (escaped), as a paragraph.

    >>> paragraph("3 < 4").markup
    '<p>3 &lt; 4</p>'
    """
    return HTML(f"<p>{html.escape(text)}</p>", text=text)


def show_table(df: pd.DataFrame, *, caption: str = "") -> HTML:
    """A DataFrame as an escaped HTML table with an optional caption (index hidden)."""
    body = df.to_html(index=False, escape=True, border=0, classes="dataframe tex2jax_ignore")
    cap = f"<p><em>{html.escape(caption)}</em></p>" if caption else ""
    return HTML(cap + body, text=df.to_string(index=False))


def input_warnings(corpus) -> HTML:
    """A visible box listing files that were skipped, documents that do not look English and
    what else the reader warned about (a :class:`~analysis.corpus.Corpus` or a stored corpus).

    >>> from analysis.corpus import Corpus, Document
    >>> "No warnings" in input_warnings(Corpus([Document.from_text("The end of the war.")])).markup
    True
    """
    items = []
    docs = corpus.documents
    if isinstance(docs, pd.DataFrame):
        foreign = docs[~docs["is_english"].astype(bool)]
        shares = zip(foreign["source"], foreign["english_share"], strict=True)
    else:
        shares = ((d.source, float(d.info.get("english_share", 0.0)))
                  for d in docs if not d.is_english)
    for source, share in shares:
        items.append(
            f"{source}: only {share:.0%} of its words are common English function words. "
            "This may not be English text: the stopword list, the VADER lexicon and the "
            "name rules are English, so results for it may mean little.")
    for file, problem in corpus.skipped:
        items.append(f"{file}: skipped, {problem}")
    items.extend(str(w) for w in getattr(corpus, "warnings", []) or [])
    if not items:
        return HTML('<p style="color:#2a6f4e">No warnings: every file was read and looks like '
                    "English text.</p>", text="No warnings.")
    shown = items[:20]
    if len(items) > 20:
        shown.append(f"... and {len(items) - 20:,} more")
    lis = "".join(f"<li>{html.escape(i)}</li>" for i in shown)
    box = ('<div style="border:2px solid #e9a23b; background:#fff7e6; padding:0.5em 1em; '
           'border-radius:4px"><strong>Warnings about the input</strong>'
           f"<ul>{lis}</ul></div>")
    return HTML(box, text="Warnings about the input:\n" + "\n".join(f"- {i}" for i in shown))


PALETTE = {
    "person": "#f4b6a6", "place": "#a8dbd4", "group": "#b9c6e8", "unknown": "#e4e4e4",
    "source": "#f4b6a6", "cue": "#ffe08a", "content": "#cfe8ff",
    "date": "#ffe08a", "quantity": "#a8dbd4", "number": "#a8dbd4", "percent": "#b9c6e8",
    "money": "#c9e4b4", "ordinal": "#e4d4f4",
}


def highlight_table(text: str, table: pd.DataFrame, *, label: str, start: str = "start",
                    end: str = "end", colors: dict[str, str] | None = None,
                    title: str = "", limit: int = 6000) -> HTML:
    """Highlight the spans of a table's rows in ``text``, coloured by the ``label`` column, with
    a legend. Only spans inside the first ``limit`` characters are shown.

    >>> t = pd.DataFrame({"start": [0], "end": [5], "kind": ["place"]})
    >>> "legend" in highlight_table("Libya is far.", t, label="kind").markup
    True
    """
    colors = {**PALETTE, **(colors or {})}
    rows = table[(table[end] <= limit)].sort_values(start)
    labels = [str(v) for v in rows[label]]
    view = highlight(text[:limit], list(zip(rows[start].astype(int), rows[end].astype(int),
                                            strict=True)),
                     labels=labels, colors=[colors.get(v, "#e4e4e4") for v in labels],
                     title=title)
    keys = sorted(set(labels))
    legend = " ".join(
        f'<span style="background:{colors.get(k, "#e4e4e4")}; padding:0.1em 0.4em; '
        f'border-radius:3px">{html.escape(k)}</span>' for k in keys)
    more = (f"<p><em>Showing the first {limit:,} characters.</em></p>"
            if len(text) > limit else "")
    return HTML(f'<p class="legend">{legend}</p>{view.markup}{more}',
                text=f"{len(rows)} highlighted spans ({', '.join(keys)})")

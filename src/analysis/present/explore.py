"""Interactive explorers for JupyterLab (ipywidgets), with a static view for HTML reports.

* :func:`kwic_explorer` - type a word, see its concordance lines and where it occurs.
* :func:`sentence_explorer` - pick a sentence, see its sentiment explained word by word.

In JupyterLab the widgets are live. A static report cannot run Python, so each explorer also
carries an HTML rendering of its default selection: the HTML export shows that instead of a blank
widget, and nbval compares it like any other output.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable, Iterable

import pandas as pd

from analysis import concordance, sentiment
from analysis.corpus import Corpus, Document, as_documents
from analysis.present import plots

__all__ = ["Explorer", "kwic_explorer", "sentence_explorer"]


def _figure_html(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight",
                metadata={"Software": "news-text-analysis"})
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img alt="figure" src="data:image/png;base64,{data}">'


def _table_html(df: pd.DataFrame) -> str:
    return df.to_html(index=False, escape=True, border=0, classes="dataframe tex2jax_ignore")


class Explorer:
    """A live widget in JupyterLab; the rendering of its default selection everywhere else.

    ``render(value)`` returns ``(html, text)`` for one selection; ``widget`` is built lazily so
    the class works (statically) where ipywidgets is not installed. ``label`` names the default
    selection for a reader (default: the value itself).
    """

    def __init__(self, title: str, render: Callable[[object], tuple[str, str]], default,
                 make_control: Callable[[], object], label: str | None = None):
        self.title = title
        self.render = render
        self.default = default
        self.label = str(default) if label is None else label
        self._make_control = make_control
        self._widget = None

    @property
    def widget(self):
        if self._widget is None:
            import ipywidgets as w

            control = self._make_control()
            out = w.HTML(value=self.render(self.default)[0])

            def update(change):
                out.value = self.render(change["new"])[0]

            control.observe(update, names="value")
            self._widget = w.VBox([control, out])
        return self._widget

    def static(self) -> tuple[str, str]:
        body, text = self.render(self.default)
        note = ("<p><em>Interactive in JupyterLab; this report shows the default selection: "
                f"{html.escape(self.label)}.</em></p>")
        head = f"<h4>{html.escape(self.title)}</h4>"
        return head + note + body, f"{self.title} (default: {self.label})\n{text}"

    def _repr_mimebundle_(self, include=None, exclude=None):
        markup, text = self.static()
        bundle = {"text/html": markup, "text/plain": text}
        try:
            view = self.widget._repr_mimebundle_()
        except Exception:  # pragma: no cover - no widget manager / ipywidgets unavailable
            view = None
        if view and "application/vnd.jupyter.widget-view+json" in view:
            bundle["application/vnd.jupyter.widget-view+json"] = view[
                "application/vnd.jupyter.widget-view+json"]
        return bundle


def kwic_explorer(source: str | Document | Corpus | Iterable[Document], *,
                  default: str, width: int = 45, rows: int = 12) -> Explorer:
    """Type a word: its concordance lines (first ``rows``) and its dispersion through the text.

    >>> e = kwic_explorer("War came. Then peace. Then war again.", default="war")
    >>> "War came" in e.static()[0] and "<img" in e.static()[0]
    True
    """
    docs = source if hasattr(source, "select") else as_documents(source)

    def render(word) -> tuple[str, str]:
        word = str(word).strip()
        if not word:
            return "<p>Type a word.</p>", "Type a word."
        lines = concordance.kwic(docs, word, width=width, top=rows)
        if lines.empty:
            msg = f"“{word}” does not occur in the text."
            return f"<p>{html.escape(msg)}</p>", msg
        shown = lines[["document", "sentence", "left", "keyword", "right"]]
        fig = plots.dispersion_view(docs, [word], title=f"Where “{word}” occurs")
        n = concordance.occurrences(docs, word)
        summary = (f"{n:,} occurrence{'s' if n != 1 else ''} of “{word}”"
                   + (f"; the first {len(shown)} in context" if n > len(shown) else ""))
        body = (f"<p>{html.escape(summary)}</p>" + _table_html(shown) + _figure_html(fig))
        return body, summary + "\n" + shown.to_string(index=False)

    def control():
        import ipywidgets as w

        return w.Text(value=default, description="Word:", continuous_update=False)

    return Explorer("Keyword in context", render, default, control)


def sentence_explorer(table: pd.DataFrame, *, default: int | str = "lowest",
                      rows: int = 25) -> Explorer:
    """Pick a sentence of a :func:`analysis.sentiment.sentence_table`: its score explained.

    ``default`` is a row position in ``table``, or "lowest" / "highest" for the sentence with
    the lowest / highest compound score; at most ``rows`` scored words are listed (the largest
    contributions).

    >>> t = sentiment.sentence_table("Good news. The attack killed ten.")
    >>> "attack" in sentence_explorer(t).static()[0]
    True
    """
    table = table.reset_index(drop=True)
    if default in ("lowest", "highest"):
        pick = table["compound"].idxmin if default == "lowest" else table["compound"].idxmax
        default = int(pick()) if len(table) else 0

    def render(i) -> tuple[str, str]:
        if not len(table):
            return "<p>No sentences.</p>", "No sentences."
        row = table.iloc[int(i)]
        why = sentiment.explain(row["text"], offset=int(row["start"]))
        scored = plots.sentiment_top_contributions(why, top=rows)[
            ["token", "lexicon", "contribution", "rules"]]
        head = (f"Sentence {row['sentence']} of {row['document']}: compound "
                f"{row['compound']:+.4f} ({row['label']})")
        fig = plots.explanation_plot(why, title="Which words carried the score")
        body = (f"<p><strong>{html.escape(head)}</strong></p>"
                f"<blockquote>{html.escape(row['text'])}</blockquote>"
                + (_table_html(scored) if len(scored) else
                   "<p>No word in this sentence is in VADER's lexicon.</p>")
                + _figure_html(fig))
        return body, head + "\n" + scored.to_string(index=False)

    def control():
        import ipywidgets as w

        options = [(f"{r.sentence}: {r.compound:+.2f}  {r.text[:70]}", i)
                   for i, r in enumerate(table.itertuples())]
        return w.Dropdown(options=options, value=default, description="Sentence:",
                          layout=w.Layout(width="95%"))

    picked = table.iloc[int(default)] if len(table) else None
    label = f"sentence {picked['sentence']} of {picked['document']}" if len(table) else "none"
    return Explorer("Sentiment explained", render, default, control, label=label)

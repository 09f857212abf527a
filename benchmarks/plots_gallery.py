"""Every figure on a few real inputs, rendered to PNG for a person to look at, and measured.

``python -m benchmarks plots_gallery`` (or ``python -m benchmarks.plots_gallery [OUT]``) draws
every plot function on a one-sentence text, the seed article, a dozen PolNeAR articles, 140
PolNeAR articles (20 per publisher, dated) and 300 BBC News articles (60 per section)
(:mod:`benchmarks.plots_tables`), as a notebook shows them (``bbox_inches="tight"``, 100 dpi),
into ``tests/output/plots/<input>/<figure>.png`` (not committed), and writes for each figure:
its size in pixels and whether it fits the 960 x 700 slide frame, the share of pixels that are
not white (a blank figure would be 0), the smallest font on it, the seconds it took to draw, the
sentence of a message figure, and for actor networks the overlapping and clipped names, names
left out and whether the legend covers a circle (``benchmarks/results/plots_gallery.json``).
Look at the PNGs: the numbers say a figure fits, not that it reads well.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import matplotlib.image as mpimg

from analysis import dispersion, entities, frequency, sentiment
from analysis.present import plots
from benchmarks import plots_tables as tables
from benchmarks.common import show, write_results
from benchmarks.data import REPO

OUT = REPO / "tests" / "output" / "plots"


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight",
                metadata={"Software": "news-text-analysis"})
    return buf.getvalue()


def _boxes_overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def network_checks(fig) -> dict:
    """Overlapping names, names outside the figure, and a legend over a circle."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in plots.network_labels(fig)]
    frame = fig.bbox
    overlaps = sum(_boxes_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    clipped = sum(not (b.x0 >= frame.x0 and b.y0 >= frame.y0 and b.x1 <= frame.x1
                       and b.y1 <= frame.y1) for b in boxes)
    legend = [lg.get_window_extent(renderer) for lg in fig.legends]
    covered = sum(lg.x0 < n[2] and n[0] < lg.x1 and lg.y0 < n[3] and n[1] < lg.y1
                  for lg in legend for n in plots.node_boxes(fig).values())
    return {"names": len(boxes), "overlapping_pairs": int(overlaps), "clipped": int(clipped),
            "legend_over_circle": int(covered)}


def _min_font(fig) -> float:
    sizes = [t.get_fontsize() for t in fig.findobj(lambda a: hasattr(a, "get_fontsize"))
             if getattr(t, "get_text", lambda: "")() and t.get_visible()]
    return min(sizes) if sizes else 0.0


def figures(name: str, docs, by: str | None) -> dict:
    """Every plot function on ``docs`` (group figures when ``by`` names a metadata column)."""
    titles = {d.id: d.title for d in docs}
    doc = docs[0]
    terms = frequency.key_terms(docs, top=6, min_count=2)
    counts = frequency.word_counts(docs, drop_stopwords=True, top=15)
    table = sentiment.sentence_table(docs)
    focus = table[table["document"] == doc.id]
    nodes, edges = entities.cooccurrence(docs, top=30)
    out = {
        "bar_counts": lambda: plots.bar_counts(counts, title="Most frequent words"),
        "word_cloud": lambda: plots.word_cloud(
            frequency.word_counts(docs, drop_stopwords=True, top=60), title="Word cloud"),
        "zipf_plot": lambda: plots.zipf_plot(frequency.zipf_table(docs)),
        "keyness_plot": lambda: plots.keyness_plot(frequency.keyness_vs_english(docs, top=15),
                                                   title="Key words against general English"),
        "dispersion_plot": lambda: plots.dispersion_plot(
            dispersion.dispersion(docs, terms), terms, titles=titles,
            title="Where the key words occur"),
        "dispersion_counts_plot": lambda: plots.dispersion_counts_plot(
            dispersion.dispersion_counts(docs, terms), terms, titles=titles),
        "sentence_sentiment_plot": lambda: plots.sentence_sentiment_plot(
            focus, title=f"Sentiment of each sentence: {doc.title[:40]}"),
        "arc_plot": lambda: plots.arc_plot(sentiment.arc(focus), title="Sentiment arc"),
        "arc_plot_documents": lambda: plots.arc_plot(sentiment.arc(table), titles=titles,
                                                     title="Sentiment arcs"),
        "explanation_plot": lambda: plots.explanation_plot(
            sentiment.explain(focus.loc[focus["compound"].idxmin(), "text"]),
            title="What made the lowest sentence score low"),
        "cooccurrence_network": lambda: plots.cooccurrence_network(
            nodes, edges, title="Actors named in the same sentence"),
    }
    if len(docs) >= 6:
        six = docs.documents[:6] if hasattr(docs, "documents") else docs[:6]
        n6, e6 = entities.cooccurrence(six, top=30)
        out["cooccurrence_network_6"] = lambda: plots.cooccurrence_network(
            n6, e6, title="Actors in six articles")
    if by:
        out.update(group_figures(docs, by, terms[:4]))
    return out


def group_figures(docs, by: str, terms: list[str]) -> dict:
    sizes = tables.group_sizes(docs, by)
    words, shares, over_time = tables.topics(docs, by)
    labels = plots.topic_labels(words)
    trend = tables.trend(docs, terms)
    return {
        "group_sizes_plot": lambda: plots.group_sizes_plot(sizes, title=f"Text per {by}"),
        "keyness_by_group_plot": lambda: plots.keyness_by_group_plot(
            tables.keyness_by_group(docs, by), groups=sizes, title=f"Key words by {by}"),
        "frequency_by_group_plot": lambda: plots.frequency_by_group_plot(
            tables.frequency_by_group(docs, by, terms), title=f"Focus terms by {by}"),
        "tone_by_group_plot": lambda: plots.tone_by_group_plot(
            tables.tone_by_group(docs, by), title=f"Tone by {by}"),
        "trend_plot": lambda: plots.trend_plot(
            trend.drop(columns=["mean_compound"], errors="ignore"), title="Focus terms by month"),
        "trend_plot_tone": lambda: plots.trend_plot(
            trend[[c for c in ("bin", "documents", "mean_compound") if c in trend]],
            ylabel="mean sentence compound", title="Tone by month"),
        "topic_words_plot": lambda: plots.topic_words_plot(words, title="Topics"),
        "topic_share_plot": lambda: plots.topic_share_plot(shares, labels=labels,
                                                           title=f"Topics by {by}"),
        "topic_trend_plot": lambda: plots.topic_trend_plot(over_time, labels=labels),
    }


def render(name: str, docs, by: str | None, out: Path) -> list[dict]:
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for key, make in figures(name, docs, by).items():
        t0 = time.perf_counter()
        fig = make()
        data = _png(fig)
        seconds = time.perf_counter() - t0
        (folder / f"{key}.png").write_bytes(data)
        image = mpimg.imread(io.BytesIO(data))
        h, w = image.shape[:2]
        row = {"input": name, "figure": key, "width": int(w), "height": int(h),
               "fits_slide": bool(w <= 960 and h <= 700),
               "ink": round(float((image[..., :3] < 0.9).any(axis=-1).mean()), 4),
               "message": plots.figure_message(fig) or "",
               "min_font": float(_min_font(fig)), "seconds": round(seconds, 3)}
        if key.startswith("cooccurrence_network") and not row["message"]:
            row.update(network_checks(fig))
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> None:
    out = Path(argv[0]) if argv else OUT
    plots.style()
    inputs = [
        ("one_sentence", tables.Corpus([tables.Document.from_text(
            "Officials met in Tripoli on Monday.", id="one", title="One sentence")]), None),
        ("seed", tables.seed(), None),
        ("polnear_12", tables.Corpus(tables.polnear(2).documents[:12]), "publisher"),
        ("polnear_140", tables.polnear(20), "publisher"),
        ("bbc_300", tables.bbc(60), "category"),
    ]
    rows = []
    for name, docs, by in inputs:
        rows += render(name, docs, by, out)
    show("figures (pixels as a notebook shows them; slide frame 960 x 700)",
         [{k: r.get(k, "") for k in ("input", "figure", "width", "height", "fits_slide", "ink",
                                     "min_font", "seconds", "overlapping_pairs", "clipped")}
          for r in rows])
    write_results("plots_gallery", {
        "figures": rows,
        "all_fit_slide": all(r["fits_slide"] for r in rows),
        "least_ink": min(r["ink"] for r in rows),
        "message_figures": sum(bool(r["message"]) for r in rows),
        "network_overlaps": sum(r.get("overlapping_pairs", 0) for r in rows),
        "network_clipped": sum(r.get("clipped", 0) for r in rows),
        "png_folder": str(out.relative_to(REPO)) if out.is_relative_to(REPO) else str(out),
    })


if __name__ == "__main__":
    main(sys.argv[1:])

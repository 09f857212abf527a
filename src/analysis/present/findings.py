"""The headline findings of a corpus, as numbers and as a few plain sentences for presenters.

:func:`facts` gathers the figures every notebook computes in detail; :func:`summary` writes them
as short, escaped sentences (document text is never treated as markup).
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from analysis import entities, frequency, sentiment
from analysis.corpus import Corpus
from analysis.present.display import HTML
from analysis.tables import document_sizes

__all__ = ["facts", "facts_table", "summary"]


def facts(corpus: Corpus, *, top: int = 5, min_count: int = 2) -> dict[str, Any]:
    """Headline figures: size, key words, tone, extreme sentences (and actors when available).

    >>> from analysis.corpus import Document
    >>> f = facts(Corpus([Document.from_text("The war ended. Peace came. Peace stayed.")]),
    ...           min_count=1)
    >>> f["words"], f["sentences"], f["key_words"][:1]
    (7, 3, ['peace'])
    """
    sizes = document_sizes(corpus)
    key = frequency.keyness_vs_english(corpus, min_count=min_count, top=top)
    table = sentiment.sentence_table(corpus)
    summary = sentiment.document_summary(corpus, table=table)
    ends = sentiment.extremes(table, n=1)
    most_neg = ends[ends["side"] == "most negative"]
    most_pos = ends[ends["side"] == "most positive"]
    mean = float(table["compound"].mean()) if len(table) else 0.0
    cast = entities.actors(corpus)
    said = entities.attributions(corpus)
    return {
        "documents": len(corpus),
        "sentences": int(sizes["sentences"].sum()),
        "words": int(sizes["words"].sum()),
        "types": int(frequency.lexical_diversity(corpus)["types"]),
        "key_words": key["word"].tolist(),
        "top_words": frequency.word_counts(corpus, drop_stopwords=True, drop_numbers=True,
                                           top=top)["word"].tolist(),
        "mean_compound": round(mean, 4),
        "tone": sentiment.label(mean),
        "positive": int(summary["positive"].sum()),
        "neutral": int(summary["neutral"].sum()),
        "negative": int(summary["negative"].sum()),
        "most_negative": most_neg.iloc[0].to_dict() if len(most_neg) else None,
        "most_positive": most_pos.iloc[0].to_dict() if len(most_pos) else None,
        "actors": [(a, k) for a, k in zip(cast["actor"].head(top), cast["kind"].head(top),
                                          strict=True)],
        "attributions": len(said),
        "speakers": said["speaker"].drop_duplicates().head(top).tolist(),
    }


def facts_table(f: dict[str, Any]) -> pd.DataFrame:
    """The numeric facts as a two-column table (what the slides and nbval show)."""
    rows = [
        ("documents", f["documents"]),
        ("sentences", f["sentences"]),
        ("words", f["words"]),
        ("distinct words", f["types"]),
        ("key words (against general English)", ", ".join(f["key_words"])),
        ("most frequent content words", ", ".join(f["top_words"])),
        ("most mentioned actors", ", ".join(f"{a} ({k})" for a, k in f["actors"])),
        ("attributions (who said what)", f"{f['attributions']}"),
        ("mean sentence tone (VADER compound)", f"{f['mean_compound']:+.3f} ({f['tone']})"),
        ("negative / neutral / positive sentences",
         f"{f['negative']} / {f['neutral']} / {f['positive']}"),
    ]
    return pd.DataFrame(rows, columns=["finding", "value"])


def _quote(sentence: str, limit: int = 220) -> str:
    s = " ".join(sentence.split())
    return s if len(s) <= limit else s[: limit - 1].rsplit(" ", 1)[0] + "…"


def summary(f: dict[str, Any]) -> HTML:
    """A few plain sentences summing up the facts, as escaped HTML (and plain text).

    >>> from analysis.corpus import Document
    >>> s = summary(facts(Corpus([Document.from_text("The war was <b>long</b>.")]), min_count=1))
    >>> "&lt;b&gt;long" in s.markup and "<b>long" not in s.markup
    True
    """
    docs = "one document" if f["documents"] == 1 else f"{f['documents']:,} documents"
    lines = [
        f"The corpus is {docs}: {f['words']:,} words in {f['sentences']:,} "
        f"sentence{'s' if f['sentences'] != 1 else ''}, "
        f"{f['types']:,} of them distinct.",
    ]
    if f["key_words"]:
        lines.append("Compared with general English, its key words are "
                     + ", ".join(f"“{w}”" for w in f["key_words"]) + ".")
    if f["actors"]:
        lines.append("The most mentioned actors are "
                     + ", ".join(f"{a} ({k})" for a, k in f["actors"]) + ".")
    if f["attributions"]:
        who = ", ".join(f["speakers"])
        lines.append(f"It attributes {f['attributions']} statement"
                     f"{'s' if f['attributions'] != 1 else ''} to named speakers or groups: "
                     f"{who}.")
    lines.append(
        f"Its tone, by VADER, is {f['tone']} on average (mean sentence score "
        f"{f['mean_compound']:+.2f} on a scale from -1 to +1): {f['negative']} negative, "
        f"{f['neutral']} neutral and {f['positive']} positive sentences.")
    if f["most_negative"]:
        lines.append(f"The most negative sentence ({f['most_negative']['compound']:+.2f}): "
                     f"“{_quote(f['most_negative']['text'])}”")
    if f["most_positive"]:
        lines.append(f"The most positive sentence ({f['most_positive']['compound']:+.2f}): "
                     f"“{_quote(f['most_positive']['text'])}”")
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    markup = f'<ul style="font-size: 1.05em; line-height: 1.6">{items}</ul>'
    return HTML(markup, text="\n".join(f"- {line}" for line in lines))

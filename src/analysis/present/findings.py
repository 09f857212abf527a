"""The headline findings of a corpus, as numbers and as a few plain sentences for presenters.

:func:`facts` gathers the figures the notebooks compute in detail, from the per-document tables
(so it is as fast on a stored corpus of many thousand articles as on one text); :func:`summary`
writes them as short, escaped sentences (document text is never treated as markup), every one
of them true for whatever input it describes.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from analysis import entities, frequency, sentiment
from analysis.present.display import HTML
from analysis.tables import documents_table

__all__ = ["facts", "facts_table", "summary"]


def _sentence(row: pd.Series | None, titles: dict[str, str]) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"compound": float(row["compound"]), "text": str(row["text"]),
            "sentence": int(row["sentence"]), "document": str(row["document"]),
            "title": titles.get(str(row["document"]), str(row["document"]))}


def facts(source, *, top: int = 5, min_count: int = 2) -> dict[str, Any]:
    """Headline figures of a source (a text, documents, or a stored corpus).

    Keys: ``documents``, ``sentences``, ``words``, ``types`` (distinct words), ``first_date``
    and ``last_date`` (ISO dates or None), ``key_words`` (against general English),
    ``top_words`` (most frequent content words), ``mean_compound`` (mean VADER compound of the
    sentences), ``tone`` (its label), ``negative`` / ``neutral`` / ``positive`` (sentences),
    ``most_negative`` / ``most_positive`` (a sentence with its ``document`` and ``title``, or
    None), ``actors`` (``(actor, kind, mentions)`` of the most mentioned), ``attributions``
    (statements attributed to a source), ``unresolved`` (of them, from a pronoun traced to no
    name), ``speakers`` (``(speaker, statements)`` of the most quoted sources).

    >>> from analysis.corpus import Document
    >>> f = facts([Document.from_text("The war ended. Peace came. Peace stayed.")], min_count=1)
    >>> f["words"], f["sentences"], f["key_words"][:1]
    (7, 3, ['peace'])
    """
    docs = documents_table(source)
    titles = dict(zip(docs["document"].astype(str), docs["title"].astype(str), strict=True))
    key = frequency.keyness_vs_english(source, min_count=min_count, top=top) \
        if int(docs["words"].sum()) else pd.DataFrame(columns=["word"])
    tone = sentiment.tone(source).iloc[0]  # scores without their text
    ends = sentiment.extremes(source, n=1)  # the text of two sentences only
    neg = ends[ends["side"] == "most negative"]
    pos = ends[ends["side"] == "most positive"]
    mean = float(tone["mean_compound"])
    cast = entities.actors(source, top=top)
    said, unresolved = _statements(source)
    who = entities.speakers(source, top=top)
    dates = pd.to_datetime(docs["date"]).dropna() if "date" in docs else pd.Series([])
    return {
        "documents": len(docs),
        "sentences": int(docs["sentences"].sum()),
        "words": int(docs["words"].sum()),
        "types": int(len(frequency.word_totals(source))),
        "first_date": dates.min().date().isoformat() if len(dates) else None,
        "last_date": dates.max().date().isoformat() if len(dates) else None,
        "key_words": key["word"].tolist(),
        "top_words": frequency.word_counts(source, drop_stopwords=True, drop_numbers=True,
                                           top=top)["word"].tolist(),
        "mean_compound": round(mean, 4),
        "tone": str(tone["label"]),
        "positive": int(tone["positive"]),
        "neutral": int(tone["neutral"]),
        "negative": int(tone["negative"]),
        "most_negative": _sentence(neg.iloc[0] if len(neg) else None, titles),
        "most_positive": _sentence(pos.iloc[0] if len(pos) else None, titles),
        "actors": [(a, k, int(m)) for a, k, m in
                   zip(cast["actor"], cast["kind"], cast["mentions"], strict=True)],
        "attributions": said,
        "unresolved": unresolved,
        "speakers": [(s, int(n)) for s, n in zip(who["speaker"], who["attributions"],
                                                 strict=True)],
    }


def _statements(source) -> tuple[int, int]:
    """Attributions, and those from a pronoun traced to no name, counted from the stored
    table's two flags (not the table)."""
    from analysis.entities import ATTRIBUTIONS
    from analysis.tables import chunks

    total = unresolved = 0
    for part in chunks(source, ATTRIBUTIONS, ["pronoun", "resolved"]):
        total += len(part)
        unresolved += int((part["pronoun"] & ~part["resolved"]).sum())
    return total, unresolved


def _list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def facts_table(f: dict[str, Any]) -> pd.DataFrame:
    """The facts as a two-column table (``finding``, ``value``): what the slides and nbval
    show."""
    rows = [
        ("documents", f"{f['documents']:,}"),
        ("sentences", f"{f['sentences']:,}"),
        ("words", f"{f['words']:,}"),
        ("distinct words", f"{f['types']:,}"),
    ]
    if f["first_date"]:
        rows.append(("dates", f"{f['first_date']} to {f['last_date']}"))
    rows += [
        ("key words (against general English)", ", ".join(f["key_words"]) or "–"),
        ("most frequent content words", ", ".join(f["top_words"]) or "–"),
        ("most mentioned actors",
         ", ".join(f"{a} ({k}, {m})" for a, k, m in f["actors"]) or "–"),
        ("statements attributed (who said what)",
         f"{f['attributions']:,}" + ("; most quoted: " + ", ".join(
             f"{s} ({n})" for s, n in f["speakers"]) if f["speakers"] else "")),
        ("mean sentence tone (VADER compound)", f"{f['mean_compound']:+.3f} ({f['tone']})"),
        ("negative / neutral / positive sentences",
         f"{f['negative']:,} / {f['neutral']:,} / {f['positive']:,}"),
    ]
    return pd.DataFrame(rows, columns=["finding", "value"])


_INNER = str.maketrans({"“": "‘", "”": "’", '"': "'"})


def _quote(sentence: str, limit: int = 220) -> str:
    """A sentence for quoting inside double marks: one line, inner double quotes made single,
    and cut at a word to `limit` characters.

    >>> _quote('He said “no” twice.')
    'He said ‘no’ twice.'
    """
    s = " ".join(sentence.split()).translate(_INNER)
    return s if len(s) <= limit else s[: limit - 1].rsplit(" ", 1)[0] + "…"


def _where(s: dict[str, Any], documents: int) -> str:
    return f", in “{s['title']}”" if documents > 1 else ""


def summary(f: dict[str, Any]) -> HTML:
    """A few plain sentences summing up the facts, as escaped HTML (and plain text).

    >>> from analysis.corpus import Document
    >>> s = summary(facts([Document.from_text("The war was <b>long</b>.")], min_count=1))
    >>> "&lt;b&gt;long" in s.markup and "<b>long" not in s.markup
    True
    """
    n = f["documents"]
    what = "one document" if n == 1 else f"{n:,} documents"
    lines = [f"The corpus is {what}: {_plural(f['words'], 'word')} in "
             f"{_plural(f['sentences'], 'sentence')}, {f['types']:,} of them distinct."]
    if f["first_date"] and f["first_date"] == f["last_date"]:
        lines.append(f"{'It is' if n == 1 else 'All its dated documents are'} dated "
                     f"{f['first_date']}.")
    elif f["first_date"]:
        lines.append(f"Its dates run from {f['first_date']} to {f['last_date']}.")
    if f["key_words"]:
        lines.append("Compared with general English, its key words are "
                     + _list([f"“{w}”" for w in f["key_words"]]) + ".")
    if f["actors"]:
        lines.append("The most mentioned actors are "
                     + _list([f"{a} ({k}, {_plural(m, 'mention')})"
                              for a, k, m in f["actors"]]) + ".")
    if f["attributions"]:
        text = (f"It reports {_plural(f['attributions'], 'statement')} (quotations and "
                "reported speech) with their source.")
        if f["speakers"]:
            text += (" The most quoted sources are "
                     + _list([f"{s} ({n})" for s, n in f["speakers"]])
                     + "; a source is a named person or organisation, or a description such "
                     "as “officials”.")
        lines.append(text)
        if f["unresolved"]:
            u = f["unresolved"]
            lines.append(f"{_plural(u, 'statement')} {'comes' if u == 1 else 'come'} from a "
                         "pronoun (“he”, “she”, “they”, “who”) that could not be traced to a name; "
                         f"{'it is' if u == 1 else 'they are'} counted under no source.")
    lines.append(
        f"Its tone, by VADER, is {f['tone']} on average (mean sentence score "
        f"{f['mean_compound']:+.2f} on a scale from -1 to +1): {f['negative']:,} negative, "
        f"{f['neutral']:,} neutral and {f['positive']:,} positive sentences.")
    for key, side in (("most_negative", "most negative"), ("most_positive", "most positive")):
        s = f[key]
        if s:
            lines.append(f"The {side} sentence ({s['compound']:+.2f}){_where(s, n)}: "
                         f"“{_quote(s['text'])}”")
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    markup = f'<ul style="font-size: 1.05em; line-height: 1.6">{items}</ul>'
    return HTML(markup, text="\n".join(f"- {line}" for line in lines))

"""Inputs and tables for the figure gallery (:mod:`benchmarks.plots_gallery`).

Three inputs: the seed article, a dozen PolNeAR articles (two from each of six publishers, with
publisher, date and title from its metadata; plus a larger stratified sample for comparisons
over groups and time), and BBC News articles from the shared CSV (column ``category``). The data
are read from the shared data folder and never copied.

The comparison tables (group sizes, key words, frequency, tone by group, trends, topics) come
from ``analysis.frequency`` / ``analysis.topics`` when those functions exist; until they are
merged, small stand-ins here build tables with the same columns (documented in
``analysis.present.group_plots``), so every figure can be drawn and looked at.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import frequency, sentiment
from analysis.corpus import Corpus, Document
from analysis.corpus.load import load_corpus, load_document
from analysis.tables import SIZES, per_document
from benchmarks.data import REPO, data_dir

SEED = REPO / "seeds" / "000_81c44d20d7573865.txt"
MIN_DOCUMENTS, MIN_WORDS = 3, 1000


def seed() -> Corpus:
    return load_corpus(SEED)


def _polnear_meta() -> dict[str, dict]:
    path = data_dir() / "polnear" / "metadata.tsv"
    with path.open(encoding="utf-8") as f:
        return {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")}


def polnear(per_publisher: int) -> Corpus:
    """``per_publisher`` training articles of each publisher (evenly spread through its files,
    so dates vary), with ``publisher``, ``date`` and the title as metadata."""
    folder = data_dir() / "polnear" / "train" / "text"
    meta = _polnear_meta()
    by_pub: dict[str, list[Path]] = {}
    for path in sorted(folder.glob("*.txt")):
        by_pub.setdefault(path.name.split("_")[0], []).append(path)
    docs = []
    for _pub, paths in sorted(by_pub.items()):
        step = max(1, len(paths) // per_publisher)
        for path in paths[::step][:per_publisher]:
            doc = load_document(path)
            row = meta.get(path.stem, {})
            doc.meta.update({"publisher": row.get("publisher", path.name.split("_")[0]),
                             "date": row.get("publication_date", "")})
            if row.get("title"):
                object.__setattr__(doc, "title", row["title"])
            docs.append(doc)
    return Corpus(docs, root=str(folder))


def bbc(per_category: int) -> Corpus:
    """The first ``per_category`` articles of each BBC section, titled by their first words."""
    table = pd.read_csv(data_dir() / "bbc_news_train" / "train.csv")
    docs = []
    for cat, part in sorted(table.groupby("category")):
        for i, text in zip(part.index[:per_category], part["text"][:per_category], strict=True):
            title = " ".join(str(text).split()[:6])
            docs.append(Document.from_text(str(text), id=f"bbc-{i:04d}", title=title,
                                           source=f"train.csv row {i + 2}",
                                           meta={"category": cat}))
    return Corpus(docs)


# ---------------------------------------------------------------------------------------
# Comparison tables (stand-ins with the columns the figures document).

def group_sizes(docs, by: str) -> pd.DataFrame:
    t = per_document(docs, SIZES, meta=(by,)).rename(columns={by: "group"})
    out = t.groupby("group", sort=True).agg(documents=("document", "size"),
                                            words=("words", "sum"),
                                            sentences=("sentences", "sum")).reset_index()
    out["too_small"] = (out["documents"] < MIN_DOCUMENTS) | (out["words"] < MIN_WORDS)
    return out


def keyness_by_group(docs, by: str, top: int = 10) -> pd.DataFrame:
    own = getattr(frequency, "keyness_by_group", None)
    if own is not None:
        return own(docs, by=by, top=top)
    totals = frequency.word_totals(docs, by=by)
    sizes = group_sizes(docs, by).set_index("group")
    parts = []
    for group in sizes.index:
        if sizes.loc[group, "too_small"]:
            continue
        mine = totals[totals["group"] == group]
        rest = totals[totals["group"] != group].groupby("word")["count"].sum()
        k = frequency.keyness(dict(zip(mine["word"], mine["count"], strict=True)),
                              rest.to_dict(), min_count=3, drop_stopwords=True)
        k = k[k["g2"] > 0].head(top)
        parts.append(k.assign(group=group, rank=range(1, len(k) + 1)))
    cols = ["group", "rank", "word", "target", "reference", "g2", "p", "log_ratio"]
    return pd.concat(parts)[cols] if parts else pd.DataFrame(columns=cols)


def frequency_by_group(docs, by: str, terms: list[str]) -> pd.DataFrame:
    own = getattr(frequency, "frequency_by_group", None)
    if own is not None:
        return own(docs, terms, by=by)
    totals = frequency.word_totals(docs, by=by)
    sizes = group_sizes(docs, by)
    rows = []
    for g in sizes.itertuples(index=False):
        mine = totals[totals["group"] == g.group].set_index("word")["count"]
        for term in terms:
            c = int(mine.get(term, 0))
            rows.append((g.group, term, c, round(c * 10000 / g.words, 2) if g.words else 0.0,
                         g.too_small))
    return pd.DataFrame(rows, columns=["group", "term", "count", "per_10k", "too_small"])


def _bootstrap(values: np.ndarray, rng: np.random.Generator, n: int = 1000) -> tuple:
    if len(values) < 2:
        v = float(values.mean()) if len(values) else 0.0
        return v, v
    means = rng.choice(values, size=(n, len(values)), replace=True).mean(axis=1)
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


def tone_by_group(docs, by: str) -> pd.DataFrame:
    table = sentiment.sentence_table(docs)
    group = {d.id: d.meta.get(by) for d in docs}
    table["group"] = table["document"].map(group)
    sizes = group_sizes(docs, by).set_index("group")
    rng = np.random.default_rng(0)
    rows = []
    for g, part in table.groupby("group", sort=True):
        values = part["compound"].to_numpy(dtype=float)
        low, high = _bootstrap(values, rng)
        shares = part["label"].value_counts(normalize=True)
        rows.append((g, len(part), round(values.mean(), 4), round(low, 4), round(high, 4),
                     *(round(float(shares.get(k, 0.0)), 4)
                       for k in ("negative", "neutral", "positive")),
                     bool(sizes.loc[g, "too_small"])))
    return pd.DataFrame(rows, columns=["group", "sentences", "mean_compound", "low", "high",
                                       "negative", "neutral", "positive", "too_small"])


def _month(docs) -> dict[str, pd.Timestamp]:
    out = {}
    for d in docs:
        stamp = pd.to_datetime(d.meta.get("date") or None, errors="coerce")
        if stamp is not None and not pd.isna(stamp):
            out[d.id] = stamp.to_period("M").to_timestamp()
    return out


def trend(docs, terms: list[str]) -> pd.DataFrame:
    """Per month: documents, each term's rate per 10,000 words, mean sentence compound."""
    month = _month(docs)
    cols = ["bin", "documents", *terms, "mean_compound"]
    if not month:
        return pd.DataFrame(columns=cols)
    words = per_document(docs, frequency.counts.WORDS)
    words = words[words["document"].isin(month)]
    words["bin"] = words["document"].map(month)
    sent = sentiment.sentence_table(docs)
    sent = sent[sent["document"].isin(month)].assign(bin=lambda t: t["document"].map(month))
    bins = pd.date_range(min(month.values()), max(month.values()), freq="MS")
    rows = []
    for b in bins:
        w = words[words["bin"] == b]
        n = int(w["count"].sum())
        ndocs = int(w["document"].nunique())
        rates = [round(float(w.loc[w["word"] == t, "count"].sum()) * 10000 / n, 2) if n else
                 np.nan for t in terms]
        s = sent[sent["bin"] == b]["compound"]
        rows.append((b, ndocs, *rates, round(float(s.mean()), 4) if len(s) else np.nan))
    return pd.DataFrame(rows, columns=cols)


def topics(docs, by: str, k: int = 5) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(topic words, topic shares by group, topic shares by month): NMF on tf-idf."""
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    from analysis.tokenise import STOPWORDS

    texts = [d.text for d in docs]
    vec = TfidfVectorizer(stop_words=sorted(STOPWORDS), max_df=0.5, min_df=2,
                          token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b")
    x = vec.fit_transform(texts)
    k = max(1, min(k, x.shape[0] - 1, x.shape[1]))
    model = NMF(n_components=k, random_state=0, init="nndsvd", max_iter=400)
    w = model.fit_transform(x)
    vocab = np.array(vec.get_feature_names_out())
    rows = []
    for t, comp in enumerate(model.components_, start=1):
        order = np.argsort(-comp)[:10]
        rows += [(t, r, vocab[i], round(float(comp[i]), 4)) for r, i in enumerate(order, 1)]
    words = pd.DataFrame(rows, columns=["topic", "rank", "word", "weight"])
    norm = w / np.where(w.sum(axis=1, keepdims=True) > 0, w.sum(axis=1, keepdims=True), 1)
    doc_topics = pd.DataFrame(norm, columns=range(1, k + 1))
    doc_topics["group"] = [d.meta.get(by) for d in docs]
    month = _month(docs)
    doc_topics["bin"] = [month.get(d.id) for d in docs]
    share = doc_topics.groupby("group").mean(numeric_only=True)
    by_group = share.reset_index().melt(id_vars="group", var_name="topic", value_name="share")
    dated = doc_topics.dropna(subset=["bin"])
    if dated.empty:
        by_bin = pd.DataFrame(columns=["bin", "topic", "share", "documents"])
    else:
        s = dated.groupby("bin").mean(numeric_only=True)
        counts = dated.groupby("bin").size()
        by_bin = s.reset_index().melt(id_vars="bin", var_name="topic", value_name="share")
        by_bin["documents"] = by_bin["bin"].map(counts)
    return words, by_group, by_bin

"""VADER: our :func:`analysis.vader.polarity` against the reference implementation.

On the four rated sets of the VADER paper (benchmarks.data.vader_groundtruth):

* accuracy of ours and of the reference, measured in the same run: Pearson r of ``compound``
  with the mean human rating, and the weighted three-class F1 (predicted: positive when
  compound >= 0.05, negative when <= -0.05, neutral otherwise; gold: the sign of the mean
  rating, 0 neutral; F1 per class weighted by its gold count), as the data's README defines;
* equality: the number of texts whose four scores differ from the reference's scores of the
  folded text, ``reference(fold(text))`` (must be 0: ours scores with apostrophe and quote
  variants folded, so "isn’t" negates); and, separately, the texts whose scores differ from
  the reference's scores of the text as it is (only texts holding such variants may: ours is
  identical to the reference on every other text), with the Pearson r of both;
* speed: words/s (whitespace-separated words) and texts/s, median of several runs, ours and
  the reference, one core.

Equality is also checked on every sentence of the GUM news documents, on each whole GUM
document (long texts), and on every line of the seed article.

Run: ``python -m benchmarks vader_groundtruth``.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.sentiment.vader import polarity
from analysis.tokenise import fold
from benchmarks.common import median_seconds, prf_counts, show, write_results
from benchmarks.data import REPO, gum_news, vader_groundtruth

SETS = ["tweets", "movie", "amazon", "nyt"]
# Pearson r of vaderSentiment 3.3.2 as the data's README gives it (ours must be within 0.005).
README_R = {"tweets": 0.872, "movie": 0.427, "amazon": 0.590, "nyt": 0.503}
THRESHOLD = 0.05
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def label(compound: float) -> int:
    """VADER's three classes: 1 positive (>= 0.05), -1 negative (<= -0.05), 0 neutral."""
    if compound >= THRESHOLD:
        return 1
    if compound <= -THRESHOLD:
        return -1
    return 0


def weighted_f1(gold: list[int], predicted: list[int]) -> float:
    """F1 of each class weighted by the class's gold count (scikit-learn's 'weighted')."""
    total = 0.0
    for c in (-1, 0, 1):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == c and p == c)
        n_gold = gold.count(c)
        f1 = prf_counts(tp, predicted.count(c) - tp, n_gold - tp)["f1"]
        total += n_gold * f1
    return total / len(gold)


def accuracy(compounds: list[float], ratings: list[float]) -> dict[str, float]:
    gold = [(r > 0) - (r < 0) for r in ratings]
    return {
        "pearson_r": statistics.correlation(compounds, ratings),
        "weighted_f1": weighted_f1(gold, [label(c) for c in compounds]),
    }


def mismatches(texts: list[str], ours: Callable, reference: Callable) -> list[str]:
    """Texts whose scores differ from the reference's scores of the folded text."""
    return [t for t in texts if ours(t) != reference(fold(t))]


def folding_effect(texts: list[str], ours: Callable, reference: Callable) -> dict[str, int]:
    """How many texts hold apostrophe or quote variants, how many of those score differently
    from the reference's scores of the unfolded text, and how many texts *without* variants
    do (must be 0)."""
    with_variants = [t for t in texts if fold(t) != t]
    changed = [t for t in with_variants if ours(t) != reference(t)]
    plain_changed = [t for t in texts if fold(t) == t and ours(t) != reference(t)]
    return {"texts_with_variants": len(with_variants), "scores_changed_by_folding": len(changed),
            "texts_without_variants_differing": len(plain_changed)}


def _one_set(name: str, reference: Callable) -> tuple[list[str], dict, dict]:
    """One rated set: equality, accuracy of ours and of the reference, speed."""
    data = vader_groundtruth(name)
    texts = [r.text for r in data]
    ratings = [r.rating for r in data]
    ours_scores = [polarity(t) for t in texts]
    ref_scores = [reference(t) for t in texts]
    ref_folded = [reference(fold(t)) for t in texts]
    differ = sum(a != b for a, b in zip(ours_scores, ref_folded, strict=True))
    effect = folding_effect(texts, polarity, reference)
    ours_acc = accuracy([s["compound"] for s in ours_scores], ratings)
    ref_acc = accuracy([s["compound"] for s in ref_scores], ratings)
    words = sum(len(t.split()) for t in texts)
    t_ours = median_seconds(lambda: [polarity(t) for t in texts], repeat=5)
    t_ref = median_seconds(lambda: [reference(t) for t in texts], repeat=3)
    figures = {
        "texts": len(texts),
        "words": words,
        "differing_texts": differ,
        **effect,
        "ours": {**ours_acc, "words_per_s": words / t_ours, "texts_per_s": len(texts) / t_ours},
        "reference": {**ref_acc, "words_per_s": words / t_ref,
                      "texts_per_s": len(texts) / t_ref},
        "speedup": t_ref / t_ours,
        "readme_reference_r": README_R[name],
        "r_minus_reference_r": ours_acc["pearson_r"] - ref_acc["pearson_r"],
    }
    assert abs(ours_acc["pearson_r"] - README_R[name]) < 0.005, (name, ours_acc)
    row = {
        "set": name, "texts": len(texts), "differ": differ,
        "with ’“": effect["texts_with_variants"],
        "changed": effect["scores_changed_by_folding"],
        "r ours": round(ours_acc["pearson_r"], 4), "r ref": round(ref_acc["pearson_r"], 4),
        "F1 ours": round(ours_acc["weighted_f1"], 4),
        "F1 ref": round(ref_acc["weighted_f1"], 4),
        "words/s ours": words / t_ours, "words/s ref": words / t_ref,
        "texts/s ours": len(texts) / t_ours, "texts/s ref": len(texts) / t_ref,
        "speedup": round(t_ref / t_ours, 2),
    }
    return texts, figures, row


def _all_sets(reference: Callable, figures: dict[str, dict]) -> list[dict]:
    rows = []
    all_texts: list[str] = []
    for name in SETS:
        texts, figures[name], row = _one_set(name, reference)
        all_texts += texts
        rows.append(row)
    # All four sets together: one speed figure.
    words = sum(len(t.split()) for t in all_texts)
    t_ours = median_seconds(lambda: [polarity(t) for t in all_texts], repeat=5)
    t_ref = median_seconds(lambda: [reference(t) for t in all_texts], repeat=3)
    figures["all"] = {
        "texts": len(all_texts), "words": words,
        "ours": {"words_per_s": words / t_ours, "texts_per_s": len(all_texts) / t_ours},
        "reference": {"words_per_s": words / t_ref, "texts_per_s": len(all_texts) / t_ref},
        "speedup": t_ref / t_ours,
    }
    rows.append({
        "set": "all", "texts": len(all_texts),
        "differ": sum(figures[n]["differing_texts"] for n in SETS),
        "with ’“": sum(figures[n]["texts_with_variants"] for n in SETS),
        "changed": sum(figures[n]["scores_changed_by_folding"] for n in SETS),
        "r ours": "", "r ref": "", "F1 ours": "", "F1 ref": "",
        "words/s ours": words / t_ours, "words/s ref": words / t_ref,
        "texts/s ours": len(all_texts) / t_ours, "texts/s ref": len(all_texts) / t_ref,
        "speedup": round(t_ref / t_ours, 2),
    })
    return rows


def _news(reference: Callable, figures: dict[str, dict]) -> list[dict]:
    """Equality and speed on news text: GUM sentences, whole GUM documents, the seed's lines."""
    docs = gum_news()
    sentences = [d.text[s:e] for d in docs for s, e in d.sentences]
    documents = [d.text for d in docs]
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    news = {
        "gum_sentences": sentences,
        "gum_documents": documents,
        "seed_lines": [line for text in seeds for line in text.splitlines()],
        "seed_whole": seeds,
    }
    news_rows = []
    for key, texts in news.items():
        bad = mismatches(texts, polarity, reference)
        effect = folding_effect(texts, polarity, reference)
        words = sum(len(t.split()) for t in texts)
        t_ours = median_seconds(lambda texts=texts: [polarity(t) for t in texts], repeat=5)
        t_ref = median_seconds(lambda texts=texts: [reference(t) for t in texts], repeat=3)
        figures[key] = {
            "texts": len(texts), "words": words, "differing_texts": len(bad), **effect,
            "ours_words_per_s": words / t_ours, "reference_words_per_s": words / t_ref,
            "speedup": t_ref / t_ours,
        }
        news_rows.append({"texts": key, "count": len(texts), "words": words, "differ": len(bad),
                          "with ’“": effect["texts_with_variants"],
                          "changed": effect["scores_changed_by_folding"],
                          "words/s ours": words / t_ours, "words/s ref": words / t_ref,
                          "speedup": round(t_ref / t_ours, 2)})
    return news_rows


def main() -> None:
    reference = SentimentIntensityAnalyzer().polarity_scores
    figures: dict[str, dict] = {}
    rows = _all_sets(reference, figures)
    show("VADER ground truth: ours vs the reference (vaderSentiment 3.3.2). differ: texts "
         "unlike reference(fold(text)); with ’“: texts holding apostrophe or quote variants; "
         "changed: of those, texts folding changes the score of", rows)
    show("VADER on news text: equality and speed", _news(reference, figures))

    total_differ = sum(f["differing_texts"] for f in figures.values() if "differing_texts" in f)
    plain_differ = sum(f.get("texts_without_variants_differing", 0) for f in figures.values()
                       if isinstance(f, dict))
    figures["total_differing_texts"] = total_differ
    figures["total_texts_without_variants_differing"] = plain_differ
    print(f"\ntexts whose scores differ from reference(fold(text)): {total_differ} (expected 0); "
          f"texts without apostrophe or quote variants whose scores differ from the reference: "
          f"{plain_differ} (expected 0)")
    path = write_results("vader_groundtruth", figures)
    print(f"results: {path}")
    assert total_differ == 0, f"{total_differ} texts score differently from the reference"
    assert plain_differ == 0, f"{plain_differ} texts without variants differ from the reference"

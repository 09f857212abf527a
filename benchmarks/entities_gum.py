"""Name spans against the proper nouns (UPOS PROPN) of the UD English GUM news documents.

Token-level scoring over the gold UD tokens of the 18 news documents:

* a gold PROPN token is *found* when a returned span covers it (recall);
* every gold token inside a returned span is a true positive when it is PROPN and a false
  positive otherwise (precision), so a span that swallows "of" or "the" pays for it.

Systems measured in the same run:

* ``entities`` -- :func:`analysis.entities.name_spans` (days and months included, as UD
  tags them PROPN);
* ``baseline`` -- every capitalised word that is not the first word of its sentence
  (our tokeniser's words and sentences).

The headline figure counts every gold token; a second variant leaves punctuation tokens
inside a span out of the count (a hyphen inside "Chung-tai" or "al-Amr" is a PUNCT token in
UD but no reader would cut the name there). To keep the rules honest, the figures are also
given for the first 9 documents (sorted by name; the ones the rules were tuned on) and the
last 9 (held out). The largest error groups are printed to show what is left.

Speed: megabytes (UTF-8) per second over all 18 texts, median of several runs, with the
ratio to the baseline (which tokenises too); also for all tables together (``actors``,
``attributions``, ``figures``) as a notebook calls them.

Run: ``python -m benchmarks entities_gum``.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence

from analysis import entities
from analysis.tokenise import tokens
from benchmarks.common import median_seconds, prf_counts, show, write_results
from benchmarks.data import GumDocument, gum_news

Spans = list[tuple[int, int]]
TARGETS = {"f1": 0.90}


def baseline(text: str) -> Spans:
    """Capitalised words that are not the first word of their sentence."""
    toks = tokens(text)
    return [
        (t.start, t.end)
        for k, t in enumerate(toks)
        if t.text[:1].isupper() and k > 0 and toks[k - 1].sentence == t.sentence
    ]


def _judged(docs: Sequence[GumDocument], spans_of: dict[str, Spans]):
    """Each gold token with whether a returned span covers it."""
    for d in docs:
        spans = spans_of[d.name]
        starts = [s for s, _ in spans]
        for t in d.tokens:
            if t.start == t.end:
                continue
            k = bisect.bisect_right(starts, t.start) - 1
            yield t, k >= 0 and spans[k][1] >= t.end


def score(docs: Sequence[GumDocument], spans_of: dict[str, Spans], *,
          skip_punct: bool = False) -> dict[str, float]:
    tp = fp = fn = 0
    for t, inside in _judged(docs, spans_of):
        gold = t.upos == "PROPN"
        if inside and skip_punct and t.upos == "PUNCT":
            continue
        if inside and gold:
            tp += 1
        elif inside:
            fp += 1
        elif gold:
            fn += 1
    figures = {k: round(v, 4) for k, v in prf_counts(tp, fp, fn).items()}
    return {**figures, "tp": tp, "fp": fp, "fn": fn}


def errors(docs: Sequence[GumDocument], spans_of: dict[str, Spans]) -> tuple[Counter, Counter]:
    fps: Counter = Counter()
    fns: Counter = Counter()
    for t, inside in _judged(docs, spans_of):
        if inside and t.upos != "PROPN":
            fps[f"{t.form}/{t.upos}"] += 1
        elif t.upos == "PROPN" and not inside:
            fns[t.form] += 1
    return fps, fns


def main() -> None:
    docs = gum_news()
    systems: dict[str, Callable[[str], Spans]] = {
        "entities": entities.name_spans,
        "baseline": baseline,
    }
    tune, held = docs[:9], docs[9:]
    figures: dict[str, object] = {"documents": len(docs),
                                  "gold_propn": sum(t.upos == "PROPN" for d in docs
                                                    for t in d.tokens)}
    rows = []
    for name, fn in systems.items():
        spans_of = {d.name: fn(d.text) for d in docs}
        for part, subset in (("all", docs), ("tune (first 9)", tune), ("held out (last 9)", held)):
            s = score(subset, spans_of)
            rows.append({"system": name, "documents": part, **s})
            key = {"all": "", "tune (first 9)": "_tune", "held out (last 9)": "_held"}[part]
            figures[f"{name}{key}"] = s
        figures[f"{name}_no_inner_punct"] = score(docs, spans_of, skip_punct=True)
        if name == "entities":
            # the two documented decisions, measured: titles and dates inside or out
            for variant, kw in (("titles_outside", {"titles": False}),
                                ("dates_left_out", {"dates": False})):
                other = {d.name: entities.name_spans(d.text, **kw) for d in docs}
                figures[f"entities_{variant}"] = score(docs, other)
            fps, fns = errors(docs, spans_of)
            figures["top_false_positives"] = dict(fps.most_common(15))
            figures["top_false_negatives"] = dict(fns.most_common(15))
    show("Name tokens against GUM PROPN (token level)", rows)
    show("Without punctuation inside spans", [
        {"system": n, **figures[f"{n}_no_inner_punct"]} for n in systems])  # type: ignore[dict-item]
    show("Decisions measured (all 18 documents)", [
        {"variant": v, **figures[f"entities{k}"]}  # type: ignore[dict-item]
        for v, k in (("as shipped", ""), ("titles outside the span", "_titles_outside"),
                     ("days and months left out", "_dates_left_out"))])
    print("\nlargest false positives:", figures["top_false_positives"])
    print("largest false negatives:", figures["top_false_negatives"])

    texts = [d.text for d in docs]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    speed = {}
    for name, fn in systems.items():
        if name == "entities":
            def run(fn=fn) -> None:
                for t in texts:
                    entities._analyse.cache_clear()
                    fn(t)
        else:
            def run(fn=fn) -> None:
                for t in texts:
                    fn(t)
        secs = median_seconds(run, repeat=5, warmup=1)
        speed[name] = {"seconds": round(secs, 4), "mb_per_s": round(mb / secs, 3)}
    # the whole module: names, actors, who said what, figures (as a notebook calls them)
    def tables() -> None:
        for t in texts:
            entities._analyse.cache_clear()
            entities.actors(t)
            entities.attributions(t)
            entities.figures(t)
    secs = median_seconds(tables, repeat=3, warmup=1)
    speed["all_tables"] = {"seconds": round(secs, 4), "mb_per_s": round(mb / secs, 3)}
    speed["entities"]["ratio_to_baseline"] = round(
        speed["entities"]["mb_per_s"] / speed["baseline"]["mb_per_s"], 3)
    figures["speed"] = speed
    figures["megabytes"] = round(mb, 4)
    show("Speed (median of 5 runs over the 18 texts)",
         [{"system": n, **v} for n, v in speed.items()])
    figures["targets"] = TARGETS
    figures["meets_targets"] = figures["entities"]["f1"] >= TARGETS["f1"]  # type: ignore[index]
    path = write_results("entities_gum", figures)
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()

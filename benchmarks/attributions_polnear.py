"""Who said what against PolNeAR's hand-made attributions (issue 15).

Gold: PolNeAR (Newell, Margolin and Ruths, LREC 2018; read by :func:`benchmarks.data.polnear`):
924 political news articles from seven US publishers with every attribution marked as source,
cue and content. Rules were tuned on the train compartment (840 articles); the figures that
count are those of the dev compartment (84 articles), measured once the rules were set.

Scoring (the rule of issue 15):

* a predicted attribution is **right** when its content overlaps the content of a gold
  attribution by at least half of the shorter of the two, and its source (the speaker as
  written) overlaps that attribution's source; **precision** is the share of predictions
  that are right;
* **recall** counts the gold attributions that have a source and whose cue is a verb of
  saying (:data:`SAYING`: "said", "told", "according to", "wrote", "added", "asked" ...; not
  beliefs or feelings such as "think", "wants", "called for", which PolNeAR also marks but a
  who-said-what table does not promise): found when a prediction meets the same rule.

Recall of every gold attribution with a source (any cue) is given for information. Also
measured: the quotations that continue after their speaker ('"...," she said. "..."',
PolNeAR's discontinuous contents around a cue), and whether each stays one attribution to one
speaker. Systems measured in the same run: ``after`` (:func:`analysis.entities.attributions`)
and ``before`` (the module at commit 26ced57, :mod:`benchmarks.entities_common`). The speed
of the whole entities pass is measured by ``python -m benchmarks entities_gum``.

Run: ``python -m benchmarks attributions_polnear``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import pandas as pd

from analysis.corpus import Document
from analysis.tokenise import fold
from benchmarks.common import show, write_results
from benchmarks.data import GoldAttribution, PolnearArticle, polnear
from benchmarks.entities_common import before

TARGETS = {"precision": 0.92, "recall_saying": 0.85}

_SAYING_LEMMAS = """say tell add write ask state announce explain note tweet declare claim insist
reply respond warn acknowledge admit deny confirm argue testify comment remark recall stress
complain quote report reveal emphasize emphasise predict promise vow pledge assert concede
contend caution urge accuse allege estimate disclose inform assure remind continue""".split()
_IRREGULAR = {"say": ["said"], "tell": ["told"], "write": ["wrote", "written"]}


def _forms(lemma: str) -> set[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = {lemma, lemma + "s", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma in ("admit", "commit"):
        out |= {lemma + "ted", lemma + "ting"}
    return out | set(_IRREGULAR.get(lemma, ()))


#: Word forms of the verbs of saying a gold cue must contain to count for recall.
SAYING: frozenset[str] = frozenset(f for lemma in _SAYING_LEMMAS for f in _forms(lemma))


def saying(cue: str) -> bool:
    """Whether a gold cue is a verb of saying ("said", "has told", "according to")."""
    words = fold(cue).lower().replace(":", " ").split()
    return "according" in words or any(w in SAYING for w in words)


def _length(spans: Sequence[tuple[int, int]]) -> int:
    return sum(b - a for a, b in spans)


def _overlap(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(y1, x1) - max(y0, x0)) for x0, x1 in a for y0, y1 in b)


def matches(pred: tuple[tuple[int, int], tuple[int, int]], gold: GoldAttribution) -> bool:
    """The rule: contents overlap by half the shorter; sources overlap."""
    source, content = [pred[0]], [pred[1]]
    if not gold.source or _overlap(source, gold.source) == 0:
        return False
    shorter = min(_length(content), _length(gold.content))
    return shorter > 0 and 2 * _overlap(content, gold.content) >= shorter


# --- systems: documents -> (document, source span, content span, kind) ------------------

def after(docs: list[Document]) -> pd.DataFrame:
    from analysis import entities

    t = entities.attributions(docs)
    return pd.DataFrame({"document": t["document"], "source_start": t["source_start"],
                         "source_end": t["source_end"], "content_start": t["content_start"],
                         "content_end": t["content_end"], "kind": t["kind"],
                         "source": t["source"], "speaker": t["speaker"]})


def before_system(docs: list[Document]) -> pd.DataFrame:
    t = before().attributions(docs)
    return pd.DataFrame({"document": t["document"], "source_start": t["speaker_start"],
                         "source_end": t["speaker_end"], "content_start": t["content_start"],
                         "content_end": t["content_end"], "kind": t["kind"],
                         "source": t["speaker"], "speaker": t["speaker"]})


SYSTEMS: dict[str, Callable[[list[Document]], pd.DataFrame]] = {
    "after": after, "before": before_system}


def interrupted(g: GoldAttribution) -> bool:
    """A gold content in parts with its cue between them ('"...," she said. "..."')."""
    if len(g.content) < 2 or not g.cue:
        return False
    cue = g.cue[0][0]
    return g.content[0][1] <= cue and any(a >= cue for a, _ in g.content[1:])


def score(articles: Sequence[PolnearArticle], predicted: pd.DataFrame) -> tuple[dict, dict]:
    by_doc: dict[str, list] = {}
    for r in predicted.itertuples(index=False):
        by_doc.setdefault(r.document, []).append(
            (((r.source_start, r.source_end), (r.content_start, r.content_end)), r))
    right = total = 0
    kinds: Counter = Counter()
    kinds_right: Counter = Counter()
    found_saying = n_saying = found_any = n_any = 0
    n_split = one_split = 0
    wrong, missed = [], []
    for a in articles:
        preds = by_doc.get(a.name, [])
        for span, r in preds:
            total += 1
            kinds[r.kind] += 1
            if any(matches(span, g) for g in a.attributions):
                right += 1
                kinds_right[r.kind] += 1
            elif len(wrong) < 40:
                wrong.append(f"{a.name}: [{r.source}] {a.text[span[1][0]:span[1][1]][:90]}")
        for g in a.attributions:
            if not g.source:
                continue
            hit = [r for span, r in preds if matches(span, g)]
            n_any += 1
            found_any += bool(hit)
            if saying(g.cue_text):
                n_saying += 1
                found_saying += bool(hit)
                if not hit and len(missed) < 60:
                    missed.append(f"{a.name}: [{g.source_text}] [{g.cue_text}] "
                                  f"{g.content_text[:80]}")
            if interrupted(g) and saying(g.cue_text):
                n_split += 1
                # one prediction covering the parts on both sides of the cue
                one_split += any(
                    r.content_start <= g.content[0][1] - 1 and r.content_end >= g.content[-1][0]
                    + 1 for r in hit)
    figures = {
        "predicted": total, "right": right,
        "precision": round(right / total, 4) if total else 0.0,
        "gold_saying": n_saying, "found_saying": found_saying,
        "recall_saying": round(found_saying / n_saying, 4) if n_saying else 0.0,
        "gold_with_source": n_any,
        "recall_all_cues": round(found_any / n_any, 4) if n_any else 0.0,
        "interrupted_quotes": n_split,
        "interrupted_kept_whole": one_split,
        "precision_by_kind": {k: round(kinds_right[k] / v, 4) for k, v in sorted(kinds.items())},
        "predicted_by_kind": dict(sorted(kinds.items())),
    }
    return figures, {"wrong": wrong, "missed": missed}


def main(parts: Sequence[str] = ("train", "dev")) -> None:
    figures: dict[str, object] = {}
    rows = []
    for part in parts:
        articles = polnear(part)
        docs = [Document(a.name, a.title, a.name, a.text, meta={"publisher": a.publisher})
                for a in articles]
        figures[f"{part}_articles"] = len(articles)
        for name, system in SYSTEMS.items():
            s, examples = score(articles, system(docs))
            figures[f"{name}_{part}"] = s
            rows.append({"system": name, "compartment": part,
                         **{k: v for k, v in s.items() if not isinstance(v, dict)}})
            if name == "after" and part == "train":
                figures["examples_train"] = examples  # dev errors stay unseen
    show("Attributions against PolNeAR", rows)
    ex = figures.get("examples_train")
    if ex:  # only the tuning compartment's errors are ever listed
        print("\n[train] wrong (first):", *ex["wrong"][:15], sep="\n  ")  # type: ignore[index]
        print("[train] missed (first):", *ex["missed"][:15], sep="\n  ")  # type: ignore[index]
    dev = figures.get("after_dev", {})
    figures["targets"] = TARGETS
    figures["meets_targets"] = bool(dev) and all(
        dev[k] >= v for k, v in TARGETS.items())  # type: ignore[index]
    path = write_results("attributions_polnear", figures)
    print(f"\nmeets targets on dev: {figures['meets_targets']}\nwrote {path}")


if __name__ == "__main__":
    main()

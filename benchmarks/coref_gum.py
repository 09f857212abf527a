"""Pronoun speakers against GUM's coreference chains (issue 15).

Gold: the entity mentions of the 18 UD English GUM news documents (MISC ``Entity=``): mentions
with one number in a document form a chain, so "he" and "Haftar" can be linked. A pronoun
("he", "she", "they") is *resolvable* when its chain has a named mention before it (GUM types
it person, place or organization and one of its words is a proper noun).

Measured for :func:`analysis.entities.coref.antecedent`:

* on the pronoun speakers: the pronouns that are the source of an attribution found by
  :func:`analysis.entities.attributions` ("he said");
* on every subject pronoun "he", "she", "they" of the documents (more cases, same rule).

For each: ``pronouns`` (how many), ``resolvable``, ``resolved`` (an antecedent returned),
``correct`` (the returned mention overlaps a mention of the pronoun's chain), ``accuracy``
(correct / resolved: how far a reader can trust a resolved speaker), ``recall`` (correct /
resolvable). Baselines in the same run: ``before`` (the module at commit 26ced57 leaves every
pronoun a pronoun: nothing resolved) and ``nearest`` (the nearest preceding person name, no
window, no gender, quotations included). Figures for the first 9 documents, the last 9 and
all 18 (the rule was written from news conventions, not tuned on these).

Run: ``python -m benchmarks coref_gum``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from analysis import entities
from analysis.entities.mentions import Mention
from benchmarks.common import show, write_results
from benchmarks.data import GumDocument, GumMention, gum_news_mentions
from benchmarks.entities_common import halves, overlap

PRONOUNS = {"he", "she", "they"}


def nearest(text: str, pos: int) -> Mention | None:
    """Baseline: the nearest person mention before ``pos``."""
    found = None
    for m in entities.document_mentions(text):
        if m.start >= pos:
            break
        if m.kind == "person":
            found = m
    return found


def _named(doc: GumDocument, m: GumMention) -> bool:
    """A mention with a proper noun in it (GUM types it person, place or organization)."""
    return m.etype in ("person", "place", "organization") and any(
        doc.tokens[k].upos == "PROPN" for k in range(m.first, m.last + 1))


def cases(doc: GumDocument, mentions: Sequence[GumMention], *, speakers: bool):
    """(pronoun offset, the chain's mentions before it, resolvable) for the pronouns measured."""
    chains: dict[int, list[GumMention]] = {}
    for m in mentions:
        chains.setdefault(m.chain, []).append(m)
    sources = None
    if speakers:
        said = entities.attributions(doc.text)
        sources = {int(s) for s, p in zip(said["source_start"], said["pronoun"], strict=True)
                   if p}
    out = []
    for m in mentions:
        if m.first != m.last or doc.tokens[m.first].form.lower() not in PRONOUNS:
            continue
        pos = doc.tokens[m.first].start
        if sources is not None and pos not in sources:
            continue
        before = [o for o in chains[m.chain] if o.end <= pos]
        out.append((pos, before, any(_named(doc, o) for o in before)))
    return out



def score(data, resolver: Callable[[str, int], Mention | None] | None, *,
          speakers: bool) -> dict[str, float]:
    n = resolvable = resolved = correct = 0
    for doc, mentions in data:
        for pos, before, can in cases(doc, mentions, speakers=speakers):
            n += 1
            resolvable += can
            m = resolver(doc.text, pos) if resolver else None
            if m is None:
                continue
            resolved += 1
            correct += any(overlap((m.start, m.end), (o.start, o.end)) for o in before)
    return {"pronouns": n, "resolvable": resolvable, "resolved": resolved,
            "correct": correct,
            "accuracy": round(correct / resolved, 4) if resolved else 0.0,
            "recall": round(correct / resolvable, 4) if resolvable else 0.0}


def main() -> None:
    data = gum_news_mentions()
    tune, held = halves(data)
    systems = {"after": entities.antecedent, "nearest": nearest, "before": None}
    figures: dict[str, object] = {}
    rows = []
    for speakers, label in ((True, "pronoun speakers"), (False, "all he/she/they")):
        for part, subset in (("all", data), ("first 9", tune), ("last 9", held)):
            for name, resolver in systems.items():
                s = score(subset, resolver, speakers=speakers)
                key = f"{name}_{'speakers' if speakers else 'pronouns'}_{part.replace(' ', '')}"
                figures[key] = s
                rows.append({"measured on": label, "documents": part, "system": name, **s})
    show("Pronouns resolved against GUM's coreference chains", rows)
    path = write_results("coref_gum", figures)
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()

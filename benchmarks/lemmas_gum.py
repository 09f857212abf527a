"""Lemmas against the gold LEMMA column of the UD English GUM news documents.

Every UD syntactic word that is not punctuation (UPOS other than PUNCT) is lemmatised alone,
from its gold form (the tokeniser is measured elsewhere), and compared with the gold lemma in
lower case (our counts are lower-cased). Measured in the same run:

* ``simplemma`` and ``lemminflect``, the two lemmatisers whose English data ship inside the
  package (no download), each used the way :func:`analysis.tokenise.lemma` uses one: apostrophe
  variants folded, words in capitals kept (acronyms), other words looked up lower-cased, no
  part-of-speech tag (the package has no tagger). lemminflect returns lemmas per part of
  speech; without a tag the first of VERB, AUX, NOUN, ADJ, ADV, PROPN it knows is taken;
* the same two looked up as written (case kept), for the record;
* lemminflect given GUM's gold UPOS (an upper bound for it: a tagger would do worse);
* the trivial baseline "lemma = lower-cased word";
* ``analysis.tokenise.lemma`` itself (must equal the library it is built on).

Accuracy is also given for the first 9 documents and the last 9, by part of speech, and
speed in words per second (median of several runs, after a warm-up that loads the data).
lemminflect is no longer a dependency (simplemma was chosen): when it is not installed its
rows say so (``pip install lemminflect==0.2.3`` into the venv to measure it again).

Run: ``python -m benchmarks lemmas_gum``.
"""

from __future__ import annotations

from collections.abc import Callable

from analysis.tokenise import fold, lemma
from benchmarks.common import median_seconds, show, write_results
from benchmarks.data import GumWord, gum_lemmas

_PRIORITY = ("VERB", "AUX", "NOUN", "ADJ", "ADV", "PROPN")
_LEMMINFLECT_UPOS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN", "AUX"}
_GROUPS = ("NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "PRON", "other")


def _as_we_use_it(look_up: Callable[[str], str]) -> Callable[[str], str]:
    def lemma_of(word: str) -> str:
        word = fold(word)
        if len(word) > 1 and word.isupper():
            return word.lower()
        low = word.lower()
        if not any(c.isalpha() for c in low):
            return low
        return look_up(low).lower()

    return lemma_of


def _systems() -> tuple[dict[str, Callable[[GumWord], str]], list[str]]:
    import simplemma

    def simplemma_lookup(w: str) -> str:
        return simplemma.lemmatize(w, lang="en")

    simplemma_ours = _as_we_use_it(simplemma_lookup)
    systems: dict[str, Callable[[GumWord], str]] = {
        "baseline: lower-cased word": lambda g: g.form.lower(),
        "simplemma (as analysis.tokenise.lemma uses it)": lambda g: simplemma_ours(g.form),
        "simplemma, as written": lambda g: simplemma_lookup(g.form),
        "analysis.tokenise.lemma": lambda g: lemma(g.form),
    }
    missing = []
    try:
        from lemminflect import getAllLemmas, getLemma
    except ImportError:
        missing = ["lemminflect"]
    else:
        def lemminflect_lookup(w: str) -> str:
            found = getAllLemmas(w)
            for upos in _PRIORITY:
                if upos in found:
                    return found[upos][0]
            return next(iter(found.values()))[0] if found else w

        def lemminflect_gold(g: GumWord) -> str:
            if g.upos in _LEMMINFLECT_UPOS:
                found = getLemma(g.form, upos=g.upos)
                if found:
                    return found[0]
            return g.form

        lemminflect_ours = _as_we_use_it(lemminflect_lookup)
        systems["lemminflect, no tag (as analysis.tokenise.lemma would use it)"] = (
            lambda g: lemminflect_ours(g.form))
        systems["lemminflect, no tag, as written"] = lambda g: lemminflect_lookup(g.form)
        systems["lemminflect given GUM's gold UPOS (upper bound)"] = lemminflect_gold
    return systems, missing


def _accuracy(words: list[GumWord], predicted: list[str]) -> float:
    ok = sum(p.lower() == w.lemma.lower() for w, p in zip(words, predicted, strict=True))
    return ok / len(words) if words else 0.0


def main() -> None:
    words = [w for w in gum_lemmas() if w.upos != "PUNCT"]
    names = sorted({w.document for w in words})
    tune = set(names[:len(names) // 2])
    systems, missing = _systems()
    print(f"{len(words):,} GUM news words (UPOS not PUNCT) in {len(names)} documents")
    rows = []
    figures: dict[str, dict] = {}
    for name, fn in systems.items():
        predicted = [fn(w) for w in words]  # also the warm-up: dictionaries load here
        seconds = median_seconds(lambda fn=fn: [fn(w) for w in words], repeat=3, warmup=0)
        by_group = {}
        for group in _GROUPS:
            idx = [i for i, w in enumerate(words)
                   if (w.upos if w.upos in _GROUPS else "other") == group]
            by_group[group] = _accuracy([words[i] for i in idx], [predicted[i] for i in idx])
        split = {part: _accuracy(*zip(*[(w, p) for w, p in zip(words, predicted, strict=True)
                                        if (w.document in tune) == (part == "tune")],
                                      strict=True))
                 for part in ("tune", "heldout")}
        figures[name] = {"accuracy": _accuracy(words, predicted), **split, "by_upos": by_group,
                         "words_per_s": len(words) / seconds}
        rows.append({"lemmatiser": name, "accuracy": figures[name]["accuracy"],
                     "tune": split["tune"], "held-out": split["heldout"],
                     **{g: v for g, v in by_group.items()}, "words/s": len(words) / seconds})
    for name in missing:
        figures[name] = {"not_installed": True}
        rows.append({**dict.fromkeys(rows[0], ""), "lemmatiser": name,
                     "accuracy": "not installed (dropped from the dependencies)"})
    show("Lemma accuracy against GUM's LEMMA (lower case), by UPOS", rows)
    ours = figures["analysis.tokenise.lemma"]["accuracy"]
    base = figures["simplemma (as analysis.tokenise.lemma uses it)"]["accuracy"]
    assert ours == base, "analysis.tokenise.lemma differs from the simplemma policy it wraps"
    path = write_results("lemmas_gum", {"words": len(words), "documents": names,
                                        "split": {"tune": names[:len(names) // 2],
                                                  "heldout": names[len(names) // 2:]},
                                        "systems": figures})
    print(f"written {path}")


if __name__ == "__main__":
    main()

"""Side-by-side comparisons of method choices, for teaching: what does each choice change?

* :func:`tricky_tokens` - how different word tokenisers split the hard cases found in a text.
* :func:`sentence_splitters` - where different sentence splitters disagree.
* :func:`vocabulary_steps` - how each normalising step shrinks the vocabulary.
* :func:`normalising_example` - one sentence's tokens through every normalising step, with
  stem and lemma side by side.

The other tokenisers are simple baselines a student might write or reach for first: splitting
on whitespace, the regular expression ``\\w+``, and NLTK's Treebank word tokeniser and untrained
Punkt sentence splitter (both data-free, no download).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from analysis.tokenise import (
    STOPWORDS,
    is_number,
    is_punct,
    lemma,
    normalise,
    sentence_spans,
    stem,
    tokens,
    word_spans,
)

__all__ = ["example_sentence", "normalising_example", "sentence_splitters", "tricky_tokens",
           "vocabulary_steps"]

_WS = re.compile(r"\S+")
_W = re.compile(r"\w+")


def _ours(s: str) -> list[str]:
    return [s[a:b] for a, b in word_spans(s)]


def _nltk_words(s: str) -> list[str]:
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer().tokenize(s)


WORD_TOKENISERS: dict[str, Callable[[str], list[str]]] = {
    "ours": _ours,
    "whitespace": str.split,
    "regex \\w+": _W.findall,
    "nltk treebank": _nltk_words,
}

_KINDS: list[tuple[str, Callable[[str], bool]]] = [
    ("abbreviation", lambda t: t.endswith(".") and len(t) > 1 and any(c.isalpha() for c in t)),
    ("hyphenated word", lambda t: "-" in t.strip("-") and any(c.isalpha() for c in t)),
    ("number with separator", lambda t: is_number(t) and any(c in t for c in ",.:/")),
    ("year or plain number", lambda t: t.isdigit()),
    ("possessive / contraction (')", lambda t: t[:1] == "'" or t.lower() == "n't"),
    ("possessive / contraction (’)", lambda t: t[:1] == "\u2019" or t.lower() == "n\u2019t"),
    ("dash", lambda t: t in ("\u2014", "\u2013", "--")),
    ("quotation mark", lambda t: t in ('"', "\u201c", "\u201d", "\u2018")),
    ("percent or currency", lambda t: t in ("%", "$", "\u00a3", "\u20ac")),
]


def tricky_tokens(text: str, *, per_kind: int = 1) -> pd.DataFrame:
    """The hard cases for a word tokeniser found in ``text``, and how each tokeniser splits them.

    For each kind of hard case (abbreviations, hyphenated words, numbers with separators,
    possessives and contractions with straight or curly apostrophes, dashes, quotes, percent
    signs) the first ``per_kind`` examples are shown in the whitespace-delimited chunk of text
    they occur in, as split by each tokeniser in :data:`WORD_TOKENISERS` (tokens joined by
    " | "). Kinds absent from the text are left out.

    >>> t = tricky_tokens("The U.S. envoy's staff left.")
    >>> t[["kind", "chunk", "ours", "whitespace"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['abbreviation', 'U.S.', 'U.S.', 'U.S.'],
     ["possessive / contraction (')", "envoy's", "envoy | 's", "envoy's"]]
    """
    chunks = [(m.start(), m.end()) for m in _WS.finditer(text)]
    toks = tokens(text)
    rows = []
    for kind, test in _KINDS:
        found = 0
        seen: set[str] = set()
        ci = 0
        for t in toks:
            if found >= per_kind:
                break
            if not test(t.text):
                continue
            while ci < len(chunks) and chunks[ci][1] <= t.start:
                ci += 1
            a, b = chunks[ci]
            chunk = text[a:b]
            if chunk in seen:
                continue
            seen.add(chunk)
            found += 1
            row = {"kind": kind, "example": t.text, "chunk": chunk, "start": a}
            for name, fn in WORD_TOKENISERS.items():
                row[name] = " | ".join(fn(chunk))
            rows.append(row)
    cols = ["kind", "example", "chunk", "start", *WORD_TOKENISERS]
    return pd.DataFrame(rows, columns=cols)


def _punkt_spans(text: str) -> list[tuple[int, int]]:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return list(PunktSentenceTokenizer().span_tokenize(text))


def _naive_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text, flags=re.M)]
    return [s for s in spans if s[0] < s[1]]


SENTENCE_SPLITTERS: dict[str, Callable[[str], list[tuple[int, int]]]] = {
    "ours": sentence_spans,
    "nltk punkt (untrained)": _punkt_spans,
    "naive: . ! ? then space": _naive_spans,
}


def sentence_splitters(text: str, *, context: int = 30) -> tuple[pd.DataFrame, pd.DataFrame]:
    """How many sentences each splitter finds, and every place where they disagree.

    Returns ``(counts, disagreements)``: ``counts`` has one row per splitter (``splitter``,
    ``sentences``); ``disagreements`` one row per sentence end that some splitters make and
    others do not (``offset``, ``context`` with the boundary shown as ``⟂``, then a column
    per splitter saying "ends" or "-").
    """
    ends = {name: {e for _s, e in fn(text)} for name, fn in SENTENCE_SPLITTERS.items()}
    counts = pd.DataFrame([(n, len(e)) for n, e in ends.items()],
                          columns=["splitter", "sentences"])
    every = sorted(set().union(*ends.values()))
    rows = []
    for off in every:
        marks = {n: ("ends" if off in e else "-") for n, e in ends.items()}
        if len(set(marks.values())) == 1:
            continue
        left = re.sub(r"\s+", " ", text[max(0, off - context):off])
        right = re.sub(r"\s+", " ", text[off:off + context])
        rows.append({"offset": off, "context": f"{left}⟂{right}", **marks})
    cols = ["offset", "context", *SENTENCE_SPLITTERS]
    return counts, pd.DataFrame(rows, columns=cols)


def vocabulary_steps(text: str) -> pd.DataFrame:
    """Tokens and distinct types after each normalising step, applied cumulatively; the last
    two rows are alternatives, each applied after "stopwords dropped": Snowball stems
    (endings cut: "fled" stays, "city" -> "citi") or lemmas (dictionary forms: "fled" ->
    "flee", "cities" -> "city"; :func:`analysis.tokenise.lemma`).

    Columns: ``step``, ``tokens``, ``types``.

    >>> steps = vocabulary_steps("The war. The War's end, 2014. They fled; we flee.")
    >>> steps[["step", "tokens", "types"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['all tokens', 16, 13], ['lower-cased', 16, 12], ['punctuation dropped', 11, 9],
     ['numbers dropped', 10, 8], ['stopwords dropped', 5, 4], ['stemmed', 5, 4],
     ['lemmatised', 5, 3]]
    """
    raw = [text[a:b] for a, b in word_spans(text)]
    steps = [
        ("all tokens", raw),
        ("lower-cased", normalise(raw, drop_punct=False)),
        ("punctuation dropped", normalise(raw)),
        ("numbers dropped", normalise(raw, drop_numbers=True)),
        ("stopwords dropped", normalise(raw, drop_numbers=True, drop_stopwords=True)),
        ("stemmed", normalise(raw, drop_numbers=True, drop_stopwords=True, stem=True)),
        ("lemmatised", normalise(raw, drop_numbers=True, drop_stopwords=True, lemmatise=True)),
    ]
    rows = [(name, len(ws), len(set(ws))) for name, ws in steps]
    return pd.DataFrame(rows, columns=["step", "tokens", "types"])


def normalising_example(sentence: str) -> pd.DataFrame:
    """One sentence's tokens through each normalising step (what a counter finally sees), with
    the Snowball stem and the lemma of each side by side.

    Columns: ``token``, ``lower`` (lower-cased and folded), ``kind`` ("word", "number",
    "punct"), ``stopword``, ``stem`` (:func:`analysis.tokenise.stem`), ``lemma``
    (:func:`analysis.tokenise.lemma`), ``counted (no stopwords)``.

    >>> example = normalising_example("Militias fled Libya's cities.")
    >>> example.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Militias', 'militias', 'word', False, 'militia', 'militia', 'militias'],
     ['fled', 'fled', 'word', False, 'fled', 'flee', 'fled'],
     ['Libya', 'libya', 'word', False, 'libya', 'libya', 'libya'],
     ["'s", "'s", 'word', True, "'s", "'s", '(dropped: stopword)'],
     ['cities', 'cities', 'word', False, 'citi', 'city', 'cities'],
     ['.', '.', 'punct', False, '.', '.', '(dropped: punctuation)']]
    """
    rows = []
    for a, b in word_spans(sentence):
        tok = sentence[a:b]
        low = normalise([tok], drop_punct=False)[0]
        kind = "punct" if is_punct(tok) else "number" if is_number(tok) else "word"
        stop = low in STOPWORDS
        counted = ("(dropped: punctuation)" if kind == "punct" else
                   "(dropped: stopword)" if stop else low)
        rows.append((tok, low, kind, stop, stem(low) if kind != "punct" else low,
                     lemma(tok) if kind != "punct" else low, counted))
    return pd.DataFrame(rows, columns=["token", "lower", "kind", "stopword", "stem", "lemma",
                                       "counted (no stopwords)"])


def example_sentence(text: str, *, words: int = 8, limit: int = 40) -> str:
    """A sentence of ``text`` to show a method on: the first with ``words`` to ``limit`` words;
    else the longest of at most ``limit`` words; else the first ``limit`` words of the first
    sentence (a text that is one endless line). Empty for a text without words.

    >>> example_sentence("Hi. The militias took the city of Benghazi on Thursday.")
    'The militias took the city of Benghazi on Thursday.'
    >>> example_sentence("war " * 1000, limit=3)
    'war war war'
    """
    best, best_n, first = "", 0, ""
    for a, b in sentence_spans(text):
        s = text[a:b]
        spans = [(x, y) for x, y in word_spans(s) if not is_punct(s[x:y])]
        n = len(spans)
        if words <= n <= limit:
            return s
        if n <= limit and n > best_n:
            best, best_n = s, n
        if not first and n > limit:
            first = s[:spans[limit - 1][1]]
    return best or first

"""VADER sentiment, exactly as the reference implementation scores it, faster, and explained.

VADER (Hutto and Gilbert, ICWSM 2014) sums the valence of lexicon words, adjusted by rules
(boosters such as "very", ALL-CAPS emphasis, negation, "but", "least", idioms), adds emphasis
for "!" and "?", and squashes the sum into ``compound`` in [-1, 1]. :func:`polarity` gives
the same numbers as ``vaderSentiment`` 3.3.2's ``SentimentIntensityAnalyzer.polarity_scores``
(identical floats, quirks included) several times faster; :func:`explain` shows, word by
word, how the numbers came about. Both run through the same code, so they cannot disagree.

The lexicons are read from the installed ``vaderSentiment`` package (never downloaded), and
its rule constants (booster words, negations, idioms) are used as they are.

One deliberate difference: apostrophe and quote variants are folded first
(:func:`analysis.tokenise.fold`: ’ ‘ ` ´ and the like read ', “ ” « » „ read "). The reference
knows negations only with the straight apostrophe and strips only ASCII quotes, so it scores
"This isn’t good." (as news text writes it) +0.44 and misses the word in “Great,” he said.
Here both read as typed with a keyboard: the scores are exactly the reference's scores of
``fold(text)``, hence identical to the reference on any text without such variants.

>>> polarity("The movie was not good, but the acting was GREAT!!")
{'neg': 0.1, 'neu': 0.47, 'pos': 0.43, 'compound': 0.8239}
>>> table = explain("The movie was not good, but the acting was GREAT!!")
>>> table.loc[table["lexicon"].notna(), ["token", "lexicon", "valence", "but", "contribution"]]
   token  lexicon  valence  but  contribution
4   good      1.9   -1.406  0.5       -0.7030
9  GREAT      3.1    3.833  1.5        5.7495
>>> print(table.loc[4, "rules"])
lexicon 1.9; negated by 'not' x-0.74 -> -1.406; before 'but' x0.5 -> -0.703
>>> table.attrs["document"]["compound"]
0.8239
"""

from __future__ import annotations

import math
import string
from importlib import resources
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from vaderSentiment import vaderSentiment as _reference

from analysis.sentiment.explain import (
    TABLE_COLUMNS,
    Explanation,
    Step,
    TokenExplanation,
    assemble,
    offsets,
)
from analysis.sentiment.explain import Trace as _Trace
from analysis.sentiment.explain import num as _num
from analysis.tokenise.fold import APOSTROPHES, QUOTES, fold

if TYPE_CHECKING:  # pandas is imported when a table is made: scoring alone starts faster
    import pandas as pd

__all__ = [
    "TABLE_COLUMNS",
    "Explanation",
    "Step",
    "TokenExplanation",
    "explain",
    "explanation",
    "polarities",
    "polarity",
]

# --- the reference's constants, used as they are ---------------------------------------------
B_INCR: float = _reference.B_INCR  # booster increment (0.293)
C_INCR: float = _reference.C_INCR  # ALL-CAPS emphasis (0.733)
N_SCALAR: float = _reference.N_SCALAR  # negation multiplier (-0.74)
BOOSTERS: dict[str, float] = dict(_reference.BOOSTER_DICT)
NEGATIONS: frozenset[str] = frozenset(_reference.NEGATE)
SPECIAL_CASES: dict[str, float] = dict(_reference.SPECIAL_CASES)

_PUNCTUATION = string.punctuation


def _read_package_text(name: str) -> str:
    # Bytes decoded as UTF-8, as the reference's codecs.open does (no newline translation).
    return (resources.files("vaderSentiment") / name).read_bytes().decode("utf-8")


def _load_lexicon() -> dict[str, float]:
    """``vader_lexicon.txt`` parsed line by line exactly as the reference parses it."""
    lexicon: dict[str, float] = {}
    for line in _read_package_text("vader_lexicon.txt").rstrip("\n").split("\n"):
        if not line:
            continue
        word, measure = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    return lexicon


def _load_emojis() -> dict[str, str]:
    """``emoji_utf8_lexicon.txt`` (emoji -> description) parsed as the reference parses it."""
    emojis: dict[str, str] = {}
    for line in _read_package_text("emoji_utf8_lexicon.txt").rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        emojis[emoji] = description
    return emojis


LEXICON: dict[str, float] = _load_lexicon()
EMOJIS: dict[str, str] = _load_emojis()

# The reference replaces each single-code-point emoji by " description" (a space only when the
# previous character is not a space: extra spaces never change how str.split() cuts, so
# always adding one gives the same words). Multi-code-point keys never match there.
_EMOJI_TABLE: dict[int, str] = {ord(k): " " + v for k, v in EMOJIS.items() if len(k) == 1}
_ASCII_EMOJI = any(k < 128 for k in _EMOJI_TABLE)
# Folding (analysis.tokenise.fold) and the emoji replacement in one table: no variant is an
# emoji, so translating with both at once is fold(text).translate(_EMOJI_TABLE).
_FOLD_TABLE: dict[int, str] = {ord(c): "'" for c in APOSTROPHES} | {ord(c): '"' for c in QUOTES}
assert not _FOLD_TABLE.keys() & _EMOJI_TABLE.keys()
_FOLD_EMOJI_TABLE: dict[int, str] = _FOLD_TABLE | _EMOJI_TABLE

# Multi-word keys as tuples of words (VADER's words never contain whitespace, so joining with
# one space, as the reference does, and comparing tuples are the same test).
_SPECIAL_TUPLES: dict[tuple[str, ...], float] = {
    tuple(k.split(" ")): v for k, v in SPECIAL_CASES.items()
}
_BOOSTER_TUPLES: dict[tuple[str, ...], float] = {
    tuple(k.split(" ")): v for k, v in BOOSTERS.items() if " " in k
}
# A special case or booster n-gram can only match when the word itself (l0) or the word two
# before it (l2) is one of these: every sequence the reference tries contains one of them.
_PHRASE_WORDS: frozenset[str] = frozenset(
    w for key in (*_SPECIAL_TUPLES, *_BOOSTER_TUPLES) for w in key
)
_SO_THIS = ("so", "this")

# --- per-token facts, memoised per distinct whitespace-separated token ----------------------
# (word, lower, scorable, booster, negation, in_lexicon, upper, plain, inert, phrase)
#   word       VADER's word: the token with leading/trailing ASCII punctuation stripped, unless
#              that leaves 2 characters or fewer (then the token itself, so ":)" survives)
#   lower      word.lower()
#   scorable   True when the word gets a lexicon valence (in the lexicon, not a booster)
#   booster    its booster/dampener increment (0.0 when it is none)
#   negation   True when it negates (in VADER's list, or contains "n't")
#   in_lexicon lower in the lexicon
#   upper      word.isupper()
#   plain      scorable, not ALL CAPS, not "no", not part of an idiom or booster n-gram
#   inert      as a preceding word it triggers no rule: not a booster, not a negation, not
#              one of _CONTEXT_WORDS
#   phrase     lower in _PHRASE_WORDS
# A plain word whose three preceding words are inert, and no two of them adjacent phrase words,
# keeps its lexicon valence: every rule of the reference is then a no-op (see _score), so the
# rules need not be walked through.
_WORD, _LOWER, _SCORABLE, _BOOST, _NEG, _INLEX, _UPPER, _PLAIN, _INERT, _PHRASE = range(10)
_CONTEXT_WORDS = frozenset({"no", "so", "this", "never", "without", "doubt", "least"})
_get_lower = itemgetter(_LOWER)
_CACHE_LIMIT = 1 << 16  # distinct tokens kept; the memo is emptied when full


class _TokenFacts(dict):
    def __missing__(self, token: str) -> tuple:
        stripped = token.strip(_PUNCTUATION)
        word = token if len(stripped) <= 2 else stripped
        lower = word.lower()
        in_lexicon = lower in LEXICON
        scorable = in_lexicon and lower not in BOOSTERS
        booster = BOOSTERS.get(lower, 0.0)
        negation = lower in NEGATIONS or "n't" in lower
        upper = word.isupper()
        facts = (
            word,
            lower,
            scorable,
            booster,
            negation,
            in_lexicon,
            upper,
            scorable and not upper and lower != "no" and lower not in _PHRASE_WORDS,
            not booster and not negation and lower not in _CONTEXT_WORDS,
            lower in _PHRASE_WORDS,
        )
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        self[token] = facts
        return facts


_FACTS = _TokenFacts()
_facts_of = _FACTS.__getitem__


# --- scoring ---------------------------------------------------------------------------------
def _cap_differential(tokens: list[str]) -> bool:
    # Some but not all words are ALL CAPS. Stripping ASCII punctuation never changes
    # str.isupper(), so the raw tokens give the same answer as VADER's words.
    upper = sum(map(str.isupper, tokens))
    return 0 < len(tokens) - upper < len(tokens)


def _valence(i: int, facts: list[tuple], tokens: list[str], cap: list, trace: _Trace | None
             ) -> float:
    """The valence of the lexicon word at ``i`` after the word-level rules (the reference's
    ``sentiment_valence``, step for step, with the same floating-point operations)."""
    n = len(facts)
    f0 = facts[i]
    l0 = f0[_LOWER]
    lexicon_valence = LEXICON[l0]
    valence = lexicon_valence
    f1 = facts[i - 1] if i > 0 else None
    f2 = facts[i - 2] if i > 1 else None
    f3 = facts[i - 3] if i > 2 else None
    l1 = f1[_LOWER] if f1 is not None else None
    l2 = f2[_LOWER] if f2 is not None else None
    l3 = f3[_LOWER] if f3 is not None else None

    # "no" before a lexicon word negates that word instead of counting as negative itself.
    if l0 == "no" and i != n - 1 and facts[i + 1][_INLEX]:
        valence = 0.0
        if trace is not None:
            trace.step(i, "no as negator", None, lexicon_valence, 0.0,
                       "'no' before a lexicon word -> 0 (it negates that word instead)")
    if l1 == "no" or l2 == "no" or (l3 == "no" and l1 in ("or", "nor")):
        before = valence
        valence = lexicon_valence * N_SCALAR
        if trace is not None:
            trace.step(i, "negated by no", "no", before, valence,
                       f"after 'no': lexicon x{N_SCALAR} -> {_num(valence)}")

    # ALL-CAPS emphasis when only some words are in capitals.
    if f0[_UPPER]:
        if cap[0] is None:
            cap[0] = _cap_differential(tokens)
        if cap[0]:
            before = valence
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
            if trace is not None:
                trace.step(i, "caps", None, before, valence,
                           f"ALL CAPS {'+' if before > 0 else '-'}{C_INCR} -> {_num(valence)}")

    # Up to three preceding words that are not lexicon words: boosters (scaled by distance),
    # negations, "never so", "without doubt", and at distance 3 idioms and "kind of".
    for start_i, fj in ((0, f1), (1, f2), (2, f3)):
        if fj is None or fj[_INLEX]:
            continue
        s = 0.0
        if fj[_BOOST]:
            s = fj[_BOOST]
            if valence < 0:
                s *= -1
            if fj[_UPPER]:
                if cap[0] is None:
                    cap[0] = _cap_differential(tokens)
                if cap[0]:
                    if valence > 0:
                        s += C_INCR
                    else:
                        s -= C_INCR
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
        before = valence
        valence = valence + s
        if trace is not None and s != 0:
            kind = "booster" if fj[_BOOST] > 0 else "dampener"
            scale = ("", " x0.95 (2nd word back)", " x0.9 (3rd word back)")[start_i]
            trace.step(i, kind, fj[_WORD], before, valence,
                       f"{kind} {fj[_WORD]!r} {'+' if s > 0 else ''}{_num(s)}{scale}"
                       f" -> {_num(valence)}")
        # The reference's _negation_check.
        before = valence
        if start_i == 0:
            if fj[_NEG]:
                valence = valence * N_SCALAR
                if trace is not None:
                    trace.step(i, "negation", fj[_WORD], before, valence,
                               f"negated by {fj[_WORD]!r} x{N_SCALAR} -> {_num(valence)}")
        elif start_i == 1:
            if l2 == "never" and (l1 == "so" or l1 == "this"):
                valence = valence * 1.25
                if trace is not None:
                    trace.step(i, "never so", f2[_WORD], before, valence,
                               f"'never {l1}' x1.25 -> {_num(valence)}")
            elif l2 == "without" and l1 == "doubt":
                if trace is not None:
                    trace.step(i, "without doubt", f2[_WORD], before, valence,
                               "'without doubt': no negation")
            elif fj[_NEG]:
                valence = valence * N_SCALAR
                if trace is not None:
                    trace.step(i, "negation", fj[_WORD], before, valence,
                               f"negated by {fj[_WORD]!r} (2 back) x{N_SCALAR}"
                               f" -> {_num(valence)}")
        else:
            if (l3 == "never" and (l2 == "so" or l2 == "this")) or (l1 == "so" or l1 == "this"):
                valence = valence * 1.25
                if trace is not None:
                    if l3 == "never" and l2 in _SO_THIS:
                        word, which = f3[_WORD], f"'never {l2}'"
                    else:
                        word = f1[_WORD]
                        which = f"'{l1}' just before (VADER's 'never so/this' rule)"
                    trace.step(i, "never so", word, before, valence,
                               f"{which} x1.25 -> {_num(valence)}")
            elif l3 == "without" and (l2 == "doubt" or l1 == "doubt"):
                if trace is not None:
                    trace.step(i, "without doubt", f3[_WORD], before, valence,
                               "'without ... doubt': no negation")
            elif fj[_NEG]:
                valence = valence * N_SCALAR
                if trace is not None:
                    trace.step(i, "negation", fj[_WORD], before, valence,
                               f"negated by {fj[_WORD]!r} (3 back) x{N_SCALAR}"
                               f" -> {_num(valence)}")
            # The reference's _special_idioms_check (only reached here: i > 2).
            if l0 in _PHRASE_WORDS or l2 in _PHRASE_WORDS:
                valence = _idioms(i, valence, facts, l0, l1, l2, l3, trace)

    # The reference's _least_check ("least" is not a lexicon word).
    if l1 == "least" and not f1[_INLEX]:
        if i > 1:
            if l2 != "at" and l2 != "very":
                before = valence
                valence = valence * N_SCALAR
                if trace is not None:
                    trace.step(i, "least", f1[_WORD], before, valence,
                               f"'least' x{N_SCALAR} -> {_num(valence)}")
        else:
            before = valence
            valence = valence * N_SCALAR
            if trace is not None:
                trace.step(i, "least", f1[_WORD], before, valence,
                           f"'least' x{N_SCALAR} -> {_num(valence)}")
    return valence


def _idioms(i: int, valence: float, facts: list[tuple], l0: str, l1: str, l2: str, l3: str,
            trace: _Trace | None) -> float:
    n = len(facts)
    before = valence
    for seq in ((l1, l0), (l2, l1, l0), (l2, l1), (l3, l2, l1), (l3, l2)):
        if seq in _SPECIAL_TUPLES:
            valence = _SPECIAL_TUPLES[seq]
            if trace is not None:
                trace.step(i, "idiom", " ".join(seq), before, valence,
                           f"idiom {' '.join(seq)!r} sets {valence!r}")
            break
    if n - 1 > i:
        seq = (l0, facts[i + 1][_LOWER])
        if seq in _SPECIAL_TUPLES:
            before = valence
            valence = _SPECIAL_TUPLES[seq]
            if trace is not None:
                trace.step(i, "idiom", " ".join(seq), before, valence,
                           f"idiom {' '.join(seq)!r} sets {valence!r}")
    if n - 1 > i + 1:
        seq = (l0, facts[i + 1][_LOWER], facts[i + 2][_LOWER])
        if seq in _SPECIAL_TUPLES:
            before = valence
            valence = _SPECIAL_TUPLES[seq]
            if trace is not None:
                trace.step(i, "idiom", " ".join(seq), before, valence,
                           f"idiom {' '.join(seq)!r} sets {valence!r}")
    for seq in ((l3, l2, l1), (l3, l2), (l2, l1)):
        if seq in _BOOSTER_TUPLES:
            before = valence
            valence = valence + _BOOSTER_TUPLES[seq]
            if trace is not None:
                trace.step(i, "kind of", " ".join(seq), before, valence,
                           f"{' '.join(seq)!r} {_num(_BOOSTER_TUPLES[seq])} -> {_num(valence)}")
    return valence


def _score(text: str, trace: _Trace | None) -> tuple[float, float, float, float]:
    """(neg, neu, pos, compound) as the reference computes them; fills ``trace`` if given."""
    if not isinstance(text, str):
        raise TypeError(f"VADER scores a str, got {type(text).__name__}")
    # Apostrophe and quote variants folded ("isn’t" reads "isn't", “good” reads "good") and
    # emojis replaced by their descriptions in one pass: the reference's scores of fold(text)
    # (descriptions holding curly quotes keep them, as there).
    if not text.isascii() or _ASCII_EMOJI:
        text = text.translate(_FOLD_EMOJI_TABLE)
    elif "`" in text:
        text = fold(text)
    tokens = text.split()
    n = len(tokens)
    if trace is not None:
        trace.tokens = tokens
        trace.text = text
    if not n:
        if trace is not None:
            trace.doc = {"ep": 0, "qm": 0, "emphasis": 0.0, "total": 0.0, "emphasised": 0.0,
                         "compound": 0.0, "pos_sum": 0.0, "neg_sum": 0.0, "neutral": 0}
        return 0.0, 0.0, 0.0, 0.0
    facts = list(map(_facts_of, tokens))
    positions: list[int] = []
    values: list[float] = []
    cap: list = [None]
    for i in [i for i, f in enumerate(facts) if f[_SCORABLE]]:
        f = facts[i]
        if f[_PLAIN] and (
            i == 0 or facts[i - 1][_INERT] and (
                i == 1 or facts[i - 2][_INERT] and (
                    i == 2 or facts[i - 3][_INERT] and (
                        not facts[i - 2][_PHRASE]
                        or not facts[i - 1][_PHRASE] and not facts[i - 3][_PHRASE]
                    )
                )
            )
        ):
            # Fast path: no rule can change the lexicon valence. The word is not "no", not in
            # capitals, not in an idiom or booster n-gram; the three words before it are not
            # boosters (they add 0.0), not negations, not "no", "least", "never", "without",
            # "doubt", "so" or "this"; and the idioms and booster n-grams the reference tries
            # without the word itself ("w2 w1", "w3 w2 w1", "w3 w2") need two adjacent words
            # of _PHRASE_WORDS among them.
            v = LEXICON[f[_LOWER]]
        elif i < n - 1 and f[_LOWER] == "kind" and facts[i + 1][_LOWER] == "of":
            # "kind" of "kind of" is a dampener, not the lexicon word "kind".
            continue
        else:
            v = _valence(i, facts, tokens, cap, trace)
        if trace is not None:
            trace.valences[i] = v
        if v != 0:
            positions.append(i)
            values.append(v)

    # "but": halve what comes before the first "but", add half to what comes after. The
    # reference finds each value's position with list.index(value), i.e. the first position
    # holding an equal value; replayed here exactly (zeros never change anything).
    if values and "but" in text.lower():  # a cheap test first: most texts have no "but"
        lowers = list(map(_get_lower, facts))
        if "but" in lowers:
            bi = lowers.index("but")
            for k in range(len(values)):
                v = values[k]
                si = values.index(v)
                p = positions[si]
                if p < bi:
                    values[si] = v * 0.5
                elif p > bi:
                    values[si] = v * 1.5
                if trace is not None:
                    trace.but_index = bi
                    trace.but_count[p] = trace.but_count.get(p, 0) + 1
    if trace is not None:
        trace.final = dict(zip(positions, values, strict=True))

    # The reference's score_valence.
    total = float(sum(values))
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        if qm_count <= 3:
            qm_amplifier = qm_count * 0.18
        else:
            qm_amplifier = 0.96
    emphasis = ep_amplifier + qm_amplifier
    sum_s = total
    if sum_s > 0:
        sum_s += emphasis
    elif sum_s < 0:
        sum_s -= emphasis
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    if compound < -1.0:
        compound = -1.0
    elif compound > 1.0:
        compound = 1.0
    pos_sum = 0.0
    neg_sum = 0.0
    for v in values:
        if v > 0:
            pos_sum += float(v) + 1
        elif v < 0:
            neg_sum += float(v) - 1
    neutral = n - len(values)
    pos_sum_e, neg_sum_e = pos_sum, neg_sum
    if pos_sum > math.fabs(neg_sum):
        pos_sum_e += emphasis
    elif pos_sum < math.fabs(neg_sum):
        neg_sum_e -= emphasis
    whole = pos_sum_e + math.fabs(neg_sum_e) + neutral
    pos = math.fabs(pos_sum_e / whole)
    neg = math.fabs(neg_sum_e / whole)
    neu = math.fabs(neutral / whole)
    if trace is not None:
        trace.doc = {"ep": text.count("!"), "qm": qm_count, "emphasis": float(emphasis),
                     "total": total, "emphasised": sum_s, "compound": compound,
                     "pos_sum": pos_sum_e, "neg_sum": neg_sum_e, "neutral": neutral}
    return neg, neu, pos, compound


def polarity(text: str) -> dict[str, float]:
    """VADER's scores for ``text``: ``{"neg", "neu", "pos", "compound"}``.

    Identical (the same floats) to ``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer()
    .polarity_scores(fold(text))``, including its quirks: the reference's scores of the text
    with apostrophe and quote variants folded (:func:`analysis.tokenise.fold`), so identical to
    the reference itself on text without curly apostrophes or quotes. VADER is meant for a
    sentence or a short passage: split longer texts into sentences first.

    >>> polarity("VADER is smart, handsome, and funny!")
    {'neg': 0.0, 'neu': 0.248, 'pos': 0.752, 'compound': 0.8439}
    >>> polarity("Not bad at all")["compound"]
    0.431
    >>> polarity("")
    {'neg': 0.0, 'neu': 0.0, 'pos': 0.0, 'compound': 0.0}
    >>> polarity("This isn’t good.") == polarity("This isn't good.")
    True
    """
    return _rounded(*_score(text, None))


def _rounded(neg: float, neu: float, pos: float, compound: float) -> dict[str, float]:
    # As the reference rounds; round(0.0, n) is 0.0, and round() is slow: skip it for zeros.
    return {"neg": round(neg, 3) if neg else 0.0, "neu": round(neu, 3) if neu else 0.0,
            "pos": round(pos, 3) if pos else 0.0,
            "compound": round(compound, 4) if compound else 0.0}


def polarities(texts: list[str] | Any) -> list[dict[str, float]]:
    """:func:`polarity` of each text, in order.

    >>> [p["compound"] for p in polarities(["good", "bad", ""])]
    [0.4404, -0.5423, 0.0]
    """
    return [polarity(t) for t in texts]


# --- explanations ----------------------------------------------------------------------------
def _role(f: tuple) -> str:
    lower = f[_LOWER]
    if f[_BOOST] > 0:
        return "booster"
    if f[_BOOST] < 0:
        return "dampener"
    if f[_NEG]:
        return "negation"
    if lower == "but":
        return "but"
    if lower == "least":
        return "least"
    return ""


def explanation(text: str) -> Explanation:
    """Score ``text`` and keep every step: an :class:`Explanation`.

    >>> e = explanation("Not bad at all")
    >>> [(t.token, t.contribution) for t in e.tokens if t.contribution]
    [('bad', 1.85)]
    >>> e.scores == polarity("Not bad at all")
    True
    """
    trace = _Trace()
    scores = _rounded(*_score(text, trace))
    trace.spans = offsets(fold(text), trace.tokens, _EMOJI_TABLE, _PUNCTUATION)
    facts = [_FACTS[token] for token in trace.tokens]
    roles = [
        "sentiment" if i in trace.valences else "kind of" if f[_SCORABLE] else _role(f)
        for i, f in enumerate(facts)
    ]
    lexicons = [LEXICON[f[_LOWER]] if i in trace.valences else None
                for i, f in enumerate(facts)]
    return assemble(text, trace, scores, [f[_WORD] for f in facts], roles, lexicons)


def explain(text: str, *, scored_only: bool = False) -> pd.DataFrame:
    """One row per word VADER considers, with the rules applied to it, in VADER's order.

    Columns: ``position`` (index in VADER's word sequence), ``token`` (the word as VADER sees
    it: surrounding punctuation stripped), ``start``/``end`` (character offsets in ``text``;
    words from an emoji's description point at the emoji), ``lexicon`` (the lexicon valence,
    NaN for words that are not scored), ``role`` ("sentiment", "booster", "dampener",
    "negation", "but", "least", "kind of" or ""), ``valence`` (after the word-level rules:
    boosters, capitals, negation, idioms, "least"), ``but`` (the factor from "but": 0.5 before
    the first "but", 1.5 after), ``contribution`` (what the word adds to the sum),
    ``negated_by`` (the negating word, or None), ``rules`` (the steps in words, in order).
    With ``scored_only``, only the rows with a lexicon valence.

    ``attrs["document"]`` holds the document-level figures: the punctuation emphasis, the sum,
    ``compound`` and the pos/neg/neu split (see :class:`Explanation`; its ``summary()`` puts
    them in a table and ``tokens[i].steps`` gives the steps as records).

    >>> t = explain("It was never so good!", scored_only=True)
    >>> t[["token", "lexicon", "valence", "contribution"]]
      token  lexicon   valence  contribution
    4  good      1.9  3.426563      3.426563
    >>> for rule in t.loc[4, "rules"].split("; "):
    ...     print(rule)
    lexicon 1.9
    booster 'so' +0.293 -> 2.193
    'never so' x1.25 -> 2.7412
    'so' just before (VADER's 'never so/this' rule) x1.25 -> 3.4266
    >>> t.attrs["document"]["emphasis"], t.attrs["document"]["compound"]
    (0.292, 0.6926)
    """
    return explanation(text).table(scored_only=scored_only)

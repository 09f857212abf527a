"""Key figures of news text: numbers with what they count, percentages, money, dates and
ordinals (the per-document table :data:`FIGURES`)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import compress
from typing import Any, NamedTuple

import pandas as pd

from analysis.corpus import Document
from analysis.entities.lexicon import (
    AMBIGUOUS_MONTHS,
    APOS,
    APPROXIMATORS,
    CLOSED_CLASS,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DAYS,
    FIGURE_WORDS,
    MONTH_NUMBER,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    POSSESSIVES,
    RELATIVE_UNITS,
    SCALES,
    TENS,
    UNIT_WORDS,
    UNITS,
    VAGUE,
    demonym,
    is_group_adjective,
)
from analysis.entities.names import Analysis, analyse
from analysis.tables import TableSpec, per_document
from analysis.tokenise import Token

_NUMBER_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_DAY_RE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_DIGITS_RE = re.compile(r"\d+")
_TWO_DIGITS_RE = re.compile(r"\d{1,2}")
_TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?|\d{1,2}[ap]\.?m\.?")
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
_DECADE_RE = re.compile(r"(?:1[89]|20)\d0s|['\u2019]\d0s")
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")
_MONEY_GLUED_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(bn|mn|m|tn|k)")


def _number_value(w: str) -> float | None:
    """The value of one numeral token: "10,000" -> 10000.0, "three" -> 3.0, else None."""
    lw = w.lower()
    if _NUMBER_RE.fullmatch(w):
        return float(w.replace(",", ""))
    if lw in NUMBER_WORDS:
        return float(NUMBER_WORDS[lw])
    if "-" in lw:
        a, _, b = lw.partition("-")
        if a in TENS and b in UNITS[1:10]:
            return float(NUMBER_WORDS[a] + NUMBER_WORDS[b])
    return None


def _plural_noun(w: str) -> bool:
    lw = w.lower()
    return (len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s"))
            and lw.isalpha() and lw not in CLOSED_CLASS) or lw in (
        "people", "men", "women", "children", "police", "staff", "personnel", "troops",
        "cattle", "sheep", "fish", "aircraft")


class Figure(NamedTuple):
    """One row of :data:`FIGURES`."""

    sentence: int  # from 1
    text: str
    kind: str  # date, quantity, percent, money, ordinal or number
    value: float  # NaN for dates and vague amounts ("hundreds")
    unit: str
    date: str  # ISO form of a calendar date where the text gives it, else ""
    start: int
    end: int
    context: str  # the sentence around the figure


def _figures_rows(doc):
    return document_figures(doc)


#: One row per key figure of a document (:func:`document_figures`): ``sentence`` (from 1),
#: ``text``, ``kind``, ``value``, ``unit``, ``date``, ``start``/``end`` (offsets into the
#: text), ``context``.
FIGURES = TableSpec(
    "figures",
    (("sentence", "int32"), ("text", "string"), ("kind", "string"), ("value", "float64"),
     ("unit", "string"), ("date", "string"), ("start", "int64"), ("end", "int64"),
     ("context", "string")),
    _figures_rows,
    version=1,
)


def document_figures(doc: Document | str) -> list[Figure]:
    """The key figures of one document (or text), in text order: typed rows.

    >>> [(f.text, f.kind, f.value) for f in document_figures("Prices rose 4.5% in 2011.")]
    [('4.5%', 'percent', 4.5), ('2011', 'date', nan)]
    """
    text = doc if isinstance(doc, str) else doc.text
    state = analyse(doc)
    sents = state.sentences
    out = []
    for sentence, start, end, kind, value, unit, date in _doc_figures(state):
        s0, s1 = sents[sentence] if sentence < len(sents) else (start, end)
        out.append(Figure(sentence + 1, text[start:end], kind, float(value), unit, date, start,
                          end, _context(text, s0, s1, start, end)))
    return out


def figures(source: Any, *, meta: Sequence[str] = ()) -> pd.DataFrame:
    """The key figures of news text: numbers with what they count, percentages, money,
    dates and ordinals, each with its character offsets and sentence: the table
    :data:`FIGURES` of every document of ``source`` (anything
    :func:`analysis.tables.per_document` accepts), then the metadata columns in ``meta``.

    ``kind`` is one of "date" ("Sept. 11, 2012", "Thursday", "2011", "last week", "the
    past days", "15:11"), "quantity" (a number with its unit or counted noun: "12 hours",
    "13,000 Filipino workers", "hundreds of boxes", "three other Americans"), "percent"
    ("4.5%", "10 per cent"), "money" ("$2 billion", "500 euros"), "ordinal" ("second
    largest city", "22nd") or "number" (alone: "more than 10,000"). Approximators belong to
    the figure ("more than", "some", "about", "nearly", "at least", "just").

    Columns: ``document`` (the document's id), ``sentence`` (from 1), ``text``, ``kind``,
    ``value`` (the number as a float: 10000.0 for "more than 10,000", 2e9 for "$2 billion",
    4.5 for "4.5%"; NaN for dates and vague amounts such as "hundreds"), ``unit`` (the
    counted noun or unit, the currency code, "%"), ``date`` (ISO form of a calendar date
    where the text gives it: "2012-09-11", "2012"), ``start``, ``end``, ``context`` (the
    sentence). Sorted by document and position.

    >>> text = ("Some 13,000 Filipino workers left on Sept. 11, 2012, and prices rose 4.5% "
    ...         "to $2 billion in 12 hours, Libya's second largest city said.")
    >>> figures(text)[["text", "kind", "value", "unit"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Some 13,000 Filipino workers', 'quantity', 13000.0, 'Filipino workers'],
     ['Sept. 11, 2012', 'date', nan, ''], ['4.5%', 'percent', 4.5, '%'],
     ['$2 billion', 'money', 2000000000.0, 'USD'], ['12 hours', 'quantity', 12.0, 'hours'],
     ['second largest city', 'ordinal', 2.0, 'largest city']]
    """
    if isinstance(source, pd.DataFrame):
        return source
    return per_document(source, FIGURES, meta=meta)


def _context(text: str, s0: int, s1: int, start: int, end: int, *, width: int = 120) -> str:
    """The sentence around a figure, cut to ``width`` characters either side."""
    a, b = max(s0, start - width), min(s1, end + width)
    if a > s0:
        a = text.find(" ", a, start) + 1 or a
    if b < s1:
        cut = text.rfind(" ", end, b)
        b = cut if cut > end else b
    return ("\u2026" if a > s0 else "") + text[a:b] + ("\u2026" if b < s1 else "")


#: Words (lower case) a figure may start with, beside numerals and apostrophes ("'90s").
_STARTS = FIGURE_WORDS | {w.lower() for w in CURRENCY_SIGNS} | {w.lower() for w in DAYS} | {
    w.lower() for w in MONTHS}


_AFTER_A = frozenset(("dozen", "hundred", "thousand", "million", "billion"))
_FIRST_RE = re.compile(f"[0-9{APOS}]")  # a figure's first character, beside its words


def _doc_figures(state: Analysis) -> list[tuple]:
    toks = state.toks
    words = state.words
    n = len(toks)
    name_tokens = set()
    for nm in state.names:
        if not nm.date:
            name_tokens.update(range(nm.first, nm.last + 1))
    out: list[tuple] = []
    lower = state.lower
    done = 0
    # a quick test first: most tokens start no figure
    n_range = range(n)
    starts = sorted({*compress(n_range, map(_STARTS.__contains__, lower)),
                     *compress(n_range, map(_FIRST_RE.match, words))})
    for k in starts:
        if k < done or (lower[k] in ("a", "an") and (
                k + 1 >= n or lower[k + 1] not in _AFTER_A)):
            continue  # "a" starts a figure only as "a dozen", "a million"
        res = _figure_at(words, toks, k, n, name_tokens)
        if res is None:
            continue
        a, b, kind, value, unit, date = res
        # approximators just before a number
        if kind in ("quantity", "number", "money", "percent"):
            before = [w.lower() for w in words[max(0, a - 4):a]]
            for phrase in APPROXIMATORS:
                m = len(phrase)
                if a - m >= 0 and before[-m:] == phrase and all(
                        toks[q].sentence == toks[a].sentence for q in range(a - m, a)):
                    if not (phrase == ["some"] and a - m > 0 and words[a - m - 1].lower() in
                            ("of", "for")):
                        a -= m
                    break
        out.append((toks[a].sentence, toks[a].start, toks[b - 1].end, kind, value, unit, date))
        done = b
    return out


def _same_sentence(toks: Sequence[Token], a: int, b: int) -> bool:
    return b < len(toks) and toks[a].sentence == toks[b].sentence


_MORE = object()  # a part of the rules that does not apply: try the next


class _At:
    """The token ``k`` where a figure may start, with what the rules read around it."""

    def __init__(self, words: Sequence[str], toks: Sequence[Token], k: int, n: int,
                 name_tokens: set[int]) -> None:
        self.words, self.toks, self.k, self.n, self.name_tokens = words, toks, k, n, name_tokens

    def nxt(self, i: int) -> str:
        """Token ``i`` if it is in the sentence of token ``k``, else ""."""
        toks = self.toks
        return self.words[i] if i < self.n and toks[i].sentence == toks[self.k].sentence else ""


def _figure_at(words: Sequence[str], toks: Sequence[Token], k: int, n: int,
               name_tokens: set[int]):
    """A figure starting at token ``k``: (start, end, kind, value, unit, date) or None."""
    c = _At(words, toks, k, n, name_tokens)
    for part in (_date_at, _money_at, _number_at):
        found = part(c)
        if found is not _MORE:
            return found
    return None


def _date_at(c: _At):
    """Dates: "Thursday", "Sept. 11, 2012", "11 September 2012", "the 1990s", "last week",
    "15:11 GMT"."""
    words, toks, k, n, name_tokens, nxt = c.words, c.toks, c.k, c.n, c.name_tokens, c.nxt
    w = words[k]
    lw = w.lower()
    if w in DAYS:
        a = k
        if k > 0 and words[k - 1].lower() in ("late", "early", "last", "next", "this") and (
                _same_sentence(toks, k - 1, k)):
            a = k - 1
        b = k + 1
        if nxt(b) == "," and nxt(b + 1) in MONTHS:
            res = _figure_at(words, toks, b + 1, n, name_tokens)
            if res and res[2] == "date":
                return (a, res[1], "date", math.nan, "", res[5])
        return (a, b, "date", math.nan, "", "")
    if w in MONTHS and not (w in AMBIGUOUS_MONTHS and k in name_tokens):
        b = k + 1
        day = year = None
        if _DAY_RE.fullmatch(nxt(b)):
            day = int(_DIGITS_RE.match(nxt(b)).group())
            b += 1
            if nxt(b) == "," and _YEAR_RE.fullmatch(nxt(b + 1)):
                year = int(nxt(b + 1))
                b += 2
            elif _YEAR_RE.fullmatch(nxt(b)):
                year = int(nxt(b))
                b += 1
        elif _YEAR_RE.fullmatch(nxt(b)):
            year = int(nxt(b))
            b += 1
        if w in AMBIGUOUS_MONTHS and day is None and year is None:
            prev = words[k - 1].lower() if k > 0 else ""
            if prev not in ("in", "since", "until", "by", "of", "last", "next", "early", "late",
                            "mid", "this", "from", "through", "during"):
                return None
        a = k
        if day is None and k > 0 and _TWO_DIGITS_RE.fullmatch(words[k - 1]) and _same_sentence(
                toks, k - 1, k):
            a, day = k - 1, int(words[k - 1])  # "11 September 2012"
        month = MONTH_NUMBER[w]
        iso = (f"{year:04d}-{month:02d}-{day:02d}" if year and day else
               f"{year:04d}-{month:02d}" if year else "")
        return (a, b, "date", math.nan, "", iso)
    if _DECADE_RE.fullmatch(w):
        return (k, k + 1, "date", math.nan, "", "")
    if lw in ("today", "yesterday", "tomorrow", "tonight"):
        return (k, k + 1, "date", math.nan, "", "")
    if lw in ("last", "next", "this", "past") and nxt(k + 1).lower() in RELATIVE_UNITS:
        a = k - 1 if k > 0 and words[k - 1].lower() == "the" and lw == "past" else k
        if lw == "this" and nxt(k + 1).lower() in ("days", "weeks", "months", "years"):
            return None
        return (a, k + 2, "date", math.nan, "", "")
    if lw == "past" and nxt(k + 1).lower() in ("few", "several", "two", "three") and nxt(
            k + 2).lower() in RELATIVE_UNITS:
        a = k - 1 if k > 0 and words[k - 1].lower() == "the" else k
        return (a, k + 3, "date", math.nan, "", "")
    if _TIME_RE.fullmatch(lw) and (":" in lw or "m" in lw):
        b = k + 1
        if nxt(b).lower() in ("a.m.", "p.m.", "am", "pm", "gmt", "utc", "est", "bst"):
            b += 1
        return (k, b, "date", math.nan, "", "")
    if _TWO_DIGITS_RE.fullmatch(w) and nxt(k + 1).lower() in ("a.m.", "p.m.", "am", "pm"):
        return (k, k + 2, "date", math.nan, "", "")
    return _MORE


def _money_at(c: _At):
    """Money: "$2 billion", "US$5", "£3m"."""
    k, nxt = c.k, c.nxt
    w = c.words[k]
    if w in CURRENCY_SIGNS:
        val = _number_value(nxt(k + 1))
        glued = _MONEY_GLUED_RE.fullmatch(nxt(k + 1))
        if glued:
            val = float(glued.group(1).replace(",", "")) * SCALES[glued.group(2)]
            return (k, k + 2, "money", val, CURRENCY_SIGNS[w], "")
        if val is not None:
            b = k + 2
            if nxt(b).lower() in SCALES:
                val *= SCALES[nxt(b).lower()]
                b += 1
            return (k, b, "money", val, CURRENCY_SIGNS[w], "")
        return None
    return _MORE


def _number_at(c: _At):
    """Numbers, percentages, ordinals and what is counted: "4.5%", "13,000 Filipino
    workers", "hundreds of boxes", "second largest city"."""
    words, toks, k, n, name_tokens, nxt = c.words, c.toks, c.k, c.n, c.name_tokens, c.nxt
    w = words[k]
    lw = w.lower()
    val = _number_value(w)
    vague = lw in VAGUE
    if val is None and not vague and lw not in ("a", "an"):
        glued = _MONEY_GLUED_RE.fullmatch(w)
        if _ORDINAL_RE.fullmatch(lw) or lw in ORDINAL_WORDS:
            return _ordinal(words, toks, k, n, name_tokens)
        if glued and nxt(k + 1).lower() in CURRENCY_WORDS:
            v = float(glued.group(1).replace(",", "")) * SCALES[glued.group(2)]
            return (k, k + 2, "money", v, nxt(k + 1).lower(), "")
        return None
    if lw in ("a", "an"):
        if nxt(k + 1).lower() in ("dozen", "hundred", "thousand", "million", "billion"):
            res = _figure_at(words, toks, k + 1, n, name_tokens)  # "a dozen people"
            return None if res is None else (k, *res[1:])
        return None
    if k > 0 and (k - 1) in name_tokens and _same_sentence(toks, k - 1, k) and (
            toks[k].start - toks[k - 1].end <= 1) and not vague:
        return None  # "Internet Explorer 6", "Group 4"
    if w.isdigit() and nxt(k + 1) == "." and (k == 0 or not _same_sentence(toks, k - 1, k)):
        return None  # a list number at the start of a line: "1. Prices
    b = k + 1
    if val is not None:
        # "2 million", "three hundred thousand"
        while nxt(b).lower() in SCALES and nxt(b).lower() not in ("m", "k"):
            val *= SCALES[nxt(b).lower()]
            b += 1
        if nxt(b) == "%" or nxt(b).lower() in ("percent", "pct") or (
                nxt(b).lower() == "per" and nxt(b + 1).lower() == "cent"):
            end = b + (2 if nxt(b).lower() == "per" else 1)
            return (k, end, "percent", val, "%", "")
        if nxt(b).lower() == "percentage" and nxt(b + 1).lower() in ("point", "points"):
            return (k, b + 2, "percent", val, "percentage points", "")
        if nxt(b).lower() in CURRENCY_WORDS:
            unit = nxt(b).lower()
            return (k, b + 1, "money", val, unit, "")
        # a year: news writes larger counts with a separator ("2,014 people")
        if _YEAR_RE.fullmatch(w) and b == k + 1 and not (k > 0 and words[k - 1].lower() in (
                "about", "some", "around", "nearly", "almost", "than", "over", "least",
                "roughly", "approximately")):
            return (k, k + 1, "date", math.nan, "", w)
    # what is counted: "12 hours", "13,000 Filipino workers", "hundreds of boxes"
    c = b
    if vague and nxt(c).lower() == "of":
        c += 1
        if nxt(c).lower() in ("the", "their", "its", "his", "her"):
            c += 1
    noun_end = None
    for q in range(c, c + 4):
        x = nxt(q)
        lx = x.lower()
        if not x or not x[:1].isalpha():
            break
        if lx in UNIT_WORDS or _plural_noun(x):
            if x[:1].isupper() and q in name_tokens and not demonym(x):
                break
            noun_end = q + 1
            break
        if lx in CLOSED_CLASS and lx not in ("other", "more", "new", "additional", "extra",
                                             "more", "small", "large", "young", "old"):
            break
        if x[:1].isupper() and not (demonym(x) or is_group_adjective(x)):
            break
    if noun_end is not None:
        unit = " ".join(words[b:noun_end]) if not vague else " ".join(words[c:noun_end])
        if vague:
            return (k, noun_end, "quantity", math.nan, unit, "")
        return (k, noun_end, "quantity", val, " ".join(words[b:noun_end]), "")
    if vague or lw in NUMBER_WORDS or "-" in lw:
        return None  # "thousands who arrived", "one of the", "the two" say little alone
    if val is None:
        return None
    return (k, b, "number", val, "", "")


def _ordinal(words, toks, k, n, name_tokens):
    w = words[k]
    lw = w.lower()
    value = float(ORDINAL_WORDS[lw]) if lw in ORDINAL_WORDS else float(re.match(
        r"\d+", w).group())
    prev = words[k - 1].lower() if k > 0 and _same_sentence(toks, k - 1, k) else ""
    b = k + 1
    for q in range(k + 1, min(n, k + 3)):
        x = words[q]
        if not _same_sentence(toks, k, q) or not x[:1].isalpha() or x[:1].isupper() or (
                x.lower() in CLOSED_CLASS and x.lower() not in ("most", "largest")):
            break
        b = q + 1
        if not x.lower().endswith(("est", "most")) and q > k:
            break  # stop after the noun: "second largest city"
    if lw in ORDINAL_WORDS:
        if b == k + 1 or prev not in POSSESSIVES | {"'s", "\u2019s"}:
            return None  # "first" as an adverb; "at first"
    return (k, b, "ordinal", value, " ".join(words[k + 1:b]), "")



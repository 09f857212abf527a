"""Noun phrases around a verb, by word shapes and word lists (no tagger): the subject before a
verb of saying, the phrase after it, and the time and manner phrases to skip between them.

All positions are token indexes into a :class:`View` of one text; spans are ``(first, end)``
with ``end`` exclusive.

>>> view = View.of("Ms. Arnold, who helped found EDGE, a group in Philadelphia, said so.")
>>> a, b = subject(view, view.words.index("said"))
>>> view.words[a:b]
['Ms.', 'Arnold']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from analysis.entities.lexicon import (
    CLOSED_CLASS,
    DAYS,
    MONTHS,
    NOUN_LIKE,
    NP_INSIDE,
    POSSESSIVES,
    QUANTIFIER_SUBJECTS,
    SPEAKER_SKIP,
    SPEECH_VERBS,
    STATE_ABBREVIATIONS,
    SUBJECT_PRONOUNS,
    gazetteer,
    is_word,
    name_shaped,
    verb_like,
)
from analysis.entities.names import Analysis, analyse

__all__ = ["STATEMENT_NOUNS", "View", "is_name", "left_phrase", "negated", "plausible",
           "relative_antecedent", "right_phrase", "skip_adjuncts", "skip_back", "subject",
           "with_apposed_name"]

Span = tuple[int, int]

#: Words that start a comma-delimited interruption between a subject and its verb: a relative
#: clause, an apposition, a participle phrase ("Ms. Arnold, who ...,", "X, a senior fellow,").
_INTERRUPTIONS = frozenset(
    """who whom whose which where when a an the one two three four five six seven eight nine
    ten like including such also now then himself herself themselves itself both former another
    currently according speaking among along as in at of for from with without after before
    during since while despite on by to into through over under near across around""".split()
)
_CLAUSE_MARKS = frozenset({";", ":"})
#: Conjunctions that open a sentence before its subject ("But Sheila Brannock, who ..., said").
_LEADING_CONJUNCTIONS = frozenset("but and yet so or nor".split())
_AUX = frozenset(
    """has have had did does do will would could can may might must should shall is are was were
    be been being 's 've 'd""".split()
)
#: Plural nouns shaped like verbs ("aides": "aide", "aided") that head subjects.
_PLURAL_SUBJECTS = frozenset(
    """aides sources forces advocates documents records results reports polls surveys figures
    estimates studies data officials leaders backers supporters analysts""".split()
)
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,6}")
#: Prepositions: a noun phrase right after one is its object, never a subject.
PREPOSITIONS = frozenset(
    """in on at of for from with by about into over under during through against among without
    within between toward towards upon via per despite across behind beyond""".split()
)
_QUOTE_MARKS = frozenset({'"', "\u201d", "'", "\u2019"})
#: What ends an interruption between a subject and its verb.
_DASHES_COMMA = frozenset({",", ")", "\u2014", "\u2015", "\u2013", "--"})
_REFLEXIVES = frozenset("himself herself themselves itself myself ourselves".split())
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
STATEMENT_NOUNS = frozenset(
    """statement interview post tweet speech letter report video message briefing email e-mail
    memo release conference call op-ed column appearance address podcast rally debate
    filing lawsuit issue article essay editorial piece book blog""".split()
)
_MEDIA = frozenset(
    """Twitter Facebook X Instagram Telegram TikTok YouTube television TV radio CNN Fox MSNBC
    ABC NBC CBS NPR BBC""".split()
)
_TIME_NOUNS = frozenset(
    "week weekend month year morning afternoon night evening day time".split())


def _ago(low: list[str], j: int, hi: int) -> int:
    """The end of "a few days later", "two weeks ago", "days earlier" at ``j`` (0: none)."""
    for k in range(j, min(hi, j + 4)):
        if low[k] in ("later", "ago", "earlier") and k > j and low[k - 1].rstrip("s") in (
                "day", "week", "month", "year", "hour", "minute"):
            return k + 1
    return 0


@dataclass
class View:
    """The tokens of one text as the phrase rules read them: folded ``words``, their lower-case
    forms ``low``, the sentence of each token and each sentence's token range ``[lo, hi)``."""

    state: Analysis
    words: list[str]
    low: list[str]
    sent: list[int]
    lo: dict[int, int]
    hi: dict[int, int]

    @classmethod
    def of(cls, text: str) -> View:
        """The view of a text (kept with its cached analysis)."""
        state = analyse(text)
        view = state.memo.get("view")
        if view is None:
            words = state.folded
            sent = list(map(attrgetter("sentence"), state.toks))
            lo = {sent[r.start]: r.start for r in state.ranges}
            hi = {sent[r.start]: r.stop for r in state.ranges}
            view = state.memo["view"] = cls(state, words, state.lower, sent, lo, hi)
        return view

    def bounds(self, i: int) -> Span:
        """The token range of the sentence of token ``i``."""
        s = self.sent[i]
        return self.lo[s], self.hi[s]


def is_name(w: str) -> bool:
    return name_shaped(w) and w.lower() not in CLOSED_CLASS


def _np_word(view: View, k: int) -> bool:
    """A word that may stand inside a noun phrase: a name, a determiner or possessive, a
    number, or a content word that is not a verb form."""
    w, lw = view.words[k], view.low[k]
    if is_name(w) or lw in NP_INSIDE or w[:1].isdigit():
        return lw not in _AUX or lw == "'s" or (w[:1].isupper() and k > 0 and is_name(
            view.words[k - 1]))  # "Yin Myint May"
    if w == "'" and k > 0 and view.low[k - 1].endswith("s") and view.state.toks[
            k].start == view.state.toks[k - 1].end:
        return True  # "Sanders' aides"
    if lw.endswith("ed") and k > 0 and view.low[k - 1] in ("those", "the", "people", "voters",
                                                           "americans", "respondents"):
        return True  # "those surveyed", "the embattled senator"
    if lw in QUANTIFIER_SUBJECTS:
        return True  # "Edwards and others"
    if lw in NOUN_LIKE and k > 0 and view.low[k - 1] in POSSESSIVES:
        return True  # "His claims", "the reports"
    if not w[:1].isalpha() or lw in CLOSED_CLASS or lw in _AUX:
        return False
    after_name = k > 0 and (is_name(view.words[k - 1]) or view.low[k - 1] in SUBJECT_PRONOUNS)
    return not (verb_like(w, third_person=after_name and lw not in _PLURAL_SUBJECTS)
                or lw.endswith("ly"))


def skip_back(view: View, j: int, lo: int) -> int:
    """Skip adverbs, auxiliaries and time words leftwards from ``j``: "has also", "on
    Tuesday", "repeatedly" (returns the first position not skipped)."""
    while j >= lo:
        lw = view.low[j]
        if lw in SPEAKER_SKIP or lw in _AUX - {"'s"} or lw in _REFLEXIVES or (
                lw.endswith("ly") and len(lw) > 4 and lw.isalpha()):
            j -= 1
        elif view.words[j] in DAYS:
            j -= 1
            if j >= lo and view.low[j] in ("on", "late", "early", "last", "this"):
                j -= 1
        elif lw in _TIME_NOUNS and j - 1 >= lo and view.low[j - 1] in (
                "last", "this", "next", "that", "each", "every"):
            j -= 2  # "Reince Priebus last week announced"
        else:
            break
    return j


def negated(view: View, i: int, lo: int) -> bool:
    """Whether the verb at ``i`` is negated ("did not say", "has never said")."""
    return any(view.low[q] in _NEGATIONS for q in range(max(lo, i - 3), i))


def subject(view: View, i: int, lo: int | None = None) -> Span | None:
    """The subject noun phrase of the verb at token ``i`` (searching back to ``lo``, by
    default the start of its sentence): a pronoun, the noun phrase just before the verb
    ("Residents who fled said"), or, past a comma, the phrase an apposition or a relative
    clause interrupts ("Ms. Arnold, who ..., said")."""
    if lo is None:
        lo = view.bounds(i)[0]
    j = skip_back(view, i - 1, lo)
    if j < lo:
        return None
    lw = view.low[j]
    if lw in SUBJECT_PRONOUNS or lw in ("who", "which"):
        return (j, j + 1)
    if lw in QUANTIFIER_SUBJECTS and (j == lo or not _np_word(view, j - 1) or view.low[
            j - 2 if j - 2 >= lo else j] == "in"):
        return (j, j + 1)  # "Some say", "one in five say"
    if view.words[j] in _QUOTE_MARKS and j - 1 >= lo and view.words[j - 1] == ",":
        j -= 1  # 'the reality TV show "The Apprentice," said'
    if view.words[j] == ")" and not (j - 1 >= lo and view.words[j - 1] == ","):
        opening = next((q for q in range(j - 1, lo - 1, -1) if view.words[q] == "("), None)
        if opening is not None and opening - 1 >= lo:
            j = opening - 1  # "Harry M. Reid (D-Nev.) said"
    if view.words[j] in _DASHES_COMMA:
        return _before_comma(view, j, lo)
    span = left_phrase(view, j, lo)
    if span is not None and span[0] > lo and view.low[span[0] - 1] in PREPOSITIONS and not (
            view.words[span[0]][:1].isdigit()):  # "In other words, ...", "on camera said"
        a, b = span
        cut = next((k for k in range(b - 1, a, -1) if view.low[k] == "and"), None)
        return (cut + 1, b) if cut is not None and cut + 1 < b else None  # "... and Gates"
    return span


def relative_antecedent(view: View, j: int, lo: int) -> Span | None:
    """What a relative pronoun at ``j`` stands for: "Humphrey, who said ..." -> "Humphrey";
    "people who said ..." -> "people"."""
    if j - 1 < lo:
        return None
    if view.words[j - 1] == ",":
        return _before_comma(view, j - 1, lo)
    return left_phrase(view, j - 1, lo)


def left_phrase(view: View, j: int, lo: int, *, limit: int = 10) -> Span | None:
    """The noun phrase ending at token ``j`` ("Tunisian state media", "the head of the
    agency", "Residents who fled"), at most ``limit`` tokens."""
    words, low = view.words, view.low
    k = j
    while k >= lo and j - k < limit:
        if _np_word(view, k):
            k -= 1
            continue
        if low[k] in ("him", "her", "them") and k - 2 >= lo and low[k - 1] == "to" and low[
                k - 2] == "close":
            k -= 3  # "a source close to him"
            continue
        if low[k] == "with" and k < j and k - 1 >= lo and _np_word(view, k - 1):
            k -= 1  # "People with direct knowledge of the talks"
            continue
        rel = next((q for q in range(k, max(lo, k - 8) - 1, -1)
                    if low[q] in ("who", "that", "whose", "which")), None)
        if rel is not None and rel - 1 >= lo and _np_word(view, rel - 1) and all(
                words[q][:1].isalnum() for q in range(rel, j + 1)):
            inner = left_phrase(view, rel - 1, lo, limit=limit)  # "Residents who fled said"
            if inner is not None:
                return (inner[0], j + 1)
        break
    start = k + 1
    while start <= j and low[start] in ("of", "for", "from", "in", "at", "and", "'s", "to"):
        start += 1
    if start > j or not any((is_word(w) and w.lower() not in NP_INSIDE) or w[:1].isdigit()
                            or w.lower() in QUANTIFIER_SUBJECTS for w in words[start:j + 1]):
        return None
    return (start, j + 1)


def _before_comma(view: View, j: int, lo: int) -> Span | None:
    """The subject before a comma-delimited interruption that ends at token ``j``."""
    words, low = view.words, view.low
    start = lo
    for q in range(j - 1, lo - 1, -1):
        if words[q] in _CLAUSE_MARKS:
            start = q + 1
            break
    segments: list[Span] = []
    end = j
    depth = 0
    for q in range(j - 1, start - 1, -1):
        if words[q] == ")":  # "(D-Ill.)" is no segment of its own
            depth += 1
        elif words[q] == "(" and depth:
            depth -= 1
        elif depth:
            continue
        elif words[q] in _DASHES_COMMA - {")"}:
            if q + 1 < end:
                segments.append((q + 1, end))
            end = q
    if start < end:
        segments.append((start, end))
    segments = [(a + 1, b) if b - a > 1 and low[a] in _LEADING_CONJUNCTIONS else (a, b)
                for a, b in segments]  # "But Sheila Brannock, who ..., said"
    chosen = None
    for n, (a, b) in enumerate(segments):
        first = low[a]
        further = segments[n + 1:]
        if further and _place(view, a, b):
            continue  # "Cory James of Lansing, Mich., said"
        if first in _INTERRUPTIONS or first.endswith("ing") or first[:1].isdigit():
            if not (first in ("the", "a", "an") and not any(_plain_np(view, s)
                                                             for s in further)):
                continue
        if _plain_np(view, (a, b)):
            chosen = (a, b)
            break
    if chosen is None:  # "Former candidate Bernie Sanders, who ..., said"
        chosen = next((s for s in reversed(segments) if _plain_np(view, s)), None)
        if chosen is None:
            return None
    n = segments.index(chosen)
    if n + 1 < len(segments) and not is_name(words[chosen[0]]) and _plain_np(
            view, segments[n + 1]) and is_name(words[segments[n + 1][1] - 1]) and not (
            n + 2 < len(segments) and _place(view, *segments[n + 1])):
        chosen = segments[n + 1]  # "Neil Sroka, communications director of X, said"
    a, b = chosen
    if not _plain_np(view, chosen):
        return None
    while b - 1 > a and view.words[b - 1] == ")":  # "Sen. Richard J. Durbin (D-Ill.)"
        b = next((q for q in range(b - 1, a - 1, -1) if view.words[q] == "("), a + 1)
    return left_phrase(view, b - 1, a)


def _place(view: View, a: int, b: int) -> bool:
    """A segment that is a place name alone or a party and state: "Mich.", "Texas", "N.Y.",
    "R-Tex."."""
    name = "".join(view.words[a:b]) if b - a <= 3 else ""
    return name in STATE_ABBREVIATIONS or _PARTY_STATE.fullmatch(name) is not None or (
        gazetteer().places.get(" ".join(view.words[a:b]), ("", ""))[1] in (
            "country", "capital", "province", "city"))


def _plain_np(view: View, span: Span) -> bool:
    """A segment made only of noun-phrase words (no verb: not a clause); a parenthesis
    inside ("Sen. Richard J. Durbin (D-Ill.)") is passed over."""
    a, b = span
    depth = 0
    for k in range(a, b):
        w = view.words[k]
        depth += (w == "(") - (w == ")")
        if depth or w == ")":
            continue
        if not (_np_word(view, k) or view.low[k] in ("of", "for", "and", "at", "in", "on",
                                                      "to") or w in ("-", "&")):
            return False
    return b > a and b - a <= 16


def plausible(view: View, span: Span) -> bool:
    """Whether a phrase can be a source: it starts with a determiner, a quantifier, a
    pronoun or a content word (not "far from ...", "of the ..."), and ends in a noun, a name or
    a pronoun (not "her lead in", "Sanders's", "anti-Muslim", "Sunday night")."""
    a, b = span
    words, low = view.words, view.low
    first, last = low[a], low[b - 1]
    if first in CLOSED_CLASS and first not in NP_INSIDE and first not in QUANTIFIER_SUBJECTS \
            and first not in SUBJECT_PRONOUNS and first not in ("who", "which", "those", "these",
                                                                "this", "that", "each"):
        return False
    if b - a == 1 and (first in SUBJECT_PRONOUNS or first in ("who", "which")):
        return True
    if last in QUANTIFIER_SUBJECTS or last[:1].isdigit():
        return True  # "Edwards and others", "At least 21,000"
    if is_name(words[b - 1]):
        return not all(w in DAYS or w in MONTHS or w[:1].isdigit() or w.lower() in (
            "last", "this", "next", "early", "late") for w in words[a:b])  # "last Friday"
    return not (last in CLOSED_CLASS or last in NP_INSIDE or last.endswith(("'s", "'", "ing"))
                or last in _TIME_NOUNS or not last[:1].isalpha())


def right_phrase(view: View, j: int, hi: int, *, stop_of: bool = False,
                 plural_end: bool = False) -> Span | None:
    """The noun phrase starting at token ``j`` (after "by", "according to", an inverted
    "said"): up to a comma, a verb or a clause word, at most 10 tokens; with ``stop_of`` also
    before "of" ("accused by the United States of leading ..."); with ``plural_end`` a word
    shaped like a verb is a plural noun when punctuation follows it ("according to exit
    polls,", "according to police reports.")."""
    words, low = view.words, view.low
    if j >= hi or (low[j] in CLOSED_CLASS and low[j] not in NP_INSIDE):
        return None  # "said of the course", "reported from Washington"
    k = j
    while k < hi and k - j < 10:
        w, lw = words[k], low[k]
        if lw in ("of", "for", "in", "at", "from") and (stop_of or lw != "of"):
            if stop_of or not (k + 1 < hi and (is_name(words[k + 1]) or low[k + 1] in (
                    "the", "a", "an"))):
                break
        if lw in ("the", "a", "an") and k > j and is_name(words[k - 1]):
            break  # "according to Rathbun the property was ..."
        if is_name(w) or lw in NP_INSIDE or w[:1].isdigit() or (
                w[:1].isalpha() and lw not in CLOSED_CLASS and lw not in _AUX and (
                    (lw not in SPEECH_VERBS and (k == j or not verb_like(w)))
                    or (plural_end and k > j and _ends(words, k, hi)))):
            k += 1
            continue
        break
    while k > j and low[k - 1] in ("of", "for", "in", "at", "and", "the", "from", "'s"):
        k -= 1
    if k == j:
        return None
    return (j, k)


def with_apposed_name(view: View, span: Span | None, hi: int) -> Span | None:
    """A description after an inverted "said" with the name set off after it: "said the
    authority's director, Helen Byrne." -> the whole of it, so that the name heads the
    source. Unchanged when no name of at most five words follows the comma and ends the
    clause, or when the description already ends in a name.

    >>> v = View.of("Schools matter, said the authority's director, Helen Byrne.")
    >>> a, b = with_apposed_name(v, (4, 8), len(v.words))
    >>> " ".join(v.words[a:b])
    "the authority 's director , Helen Byrne"
    """
    if span is None:
        return None
    words = view.words
    a, k = span
    if k >= hi or words[k] != "," or is_name(words[k - 1]):
        return span
    m = k + 1
    while m < hi and m - k <= 5 and is_name(words[m]):
        m += 1
    if m == k + 1 or m - k > 5 or (m < hi and words[m] not in (",", ".", ";", ":", "!", "?")):
        return span
    return (a, m)


def _ends(words: Sequence[str], k: int, hi: int) -> bool:
    """Whether the word at ``k`` is the last before punctuation or the end: a plural noun
    there, not a verb ("according to exit polls, ...")."""
    return k + 1 >= hi or not words[k + 1][:1].isalnum()


def skip_adjuncts(view: View, j: int, hi: int) -> int:
    """Skip forwards over what may stand between a verb of saying and what was said: time
    expressions ("Wednesday", "on Thursday", "last week", "earlier this year"), "in a
    statement", "in an interview with X", "on Twitter", "at a rally"."""
    words, low = view.words, view.low
    while j < hi:
        w, lw = words[j], low[j]
        nxt = low[j + 1] if j + 1 < hi else ""
        if w in DAYS or lw in ("today", "yesterday", "tonight", "earlier", "later", "again",
                               "also", "repeatedly", "previously", "recently", "then"):
            j += 1
        elif lw in ("in", "on", "since", "early", "late", "mid", "last") and j + 1 < hi and (
                words[j + 1] in MONTHS or (low[j + 1] in ("early", "late", "mid") and j + 2 < hi
                                           and words[j + 2] in MONTHS)):
            j += 2 if words[j + 1] in MONTHS else 3  # "in May", "in early June"
            while j < hi and (words[j][:1].isdigit() or words[j] == ","):
                j += 1
        elif lw in ("on", "late", "early", "last", "this", "next") and j + 1 < hi and (
                words[j + 1] in DAYS or nxt in _TIME_NOUNS):
            j += 2
        elif lw in ("in", "at", "during", "after") and nxt in ("a", "an", "the", "his", "her",
                                                              "their", "its"):
            k = j + 2
            while k < hi and k < j + 6 and low[k] not in STATEMENT_NOUNS:
                k += 1
            if k < hi and low[k] in STATEMENT_NOUNS:
                j = k + 1
                if j < hi and low[j] in ("published", "released", "aired", "posted",
                                         "broadcast", "issued"):
                    j += 1  # "in an interview published on Monday"
                    continue
                if j < hi and low[j] in ("with", "to", "on", "of", "for") and j + 1 < hi:
                    r = right_phrase(view, j + 1, hi)
                    j = r[1] if r else j
            else:
                break
        elif lw in ("on", "via", "to") and j + 1 < hi and words[j + 1] in _MEDIA:
            j += 2
        elif lw in ("in", "at") and j + 1 < hi and is_name(words[j + 1]) and (
                j + 2 >= hi or not is_name(words[j + 2]) or words[j + 2] in DAYS):
            j += 2  # "said Tuesday in Paris"
        elif (lw in ("a", "few", "several", "two", "three", "days", "weeks", "months", "years")
              and _ago(low, j, hi)):
            j = _ago(low, j, hi)
        else:
            break
    return j


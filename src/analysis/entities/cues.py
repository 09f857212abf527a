"""The rules that find who said what in one text: each verb of saying (or "according to") with
its source and its content, as token and character spans.

Patterns, tried in this order for each verb of saying outside a quotation:

* a quotation just before: '"We will win," Haftar said.' / '"We will win," said Haftar.';
  when the sentence ends there and the next one opens a quotation that has no verb of its own,
  that quotation continues the same content ('"...," she said. "..."'), one attribution;
* a quotation just after: 'Haftar said: "We will win."', 'Haftar told reporters, "..."';
* the content before, the source after: "The airport was closed, officials said." /
  "..., said the official."; in the middle of a sentence, both sides ("The problem, she said,
  is that ...");
* reported speech after: "Tunisian officials said Wednesday (that) they were struggling";
  "Carter's press secretary, Peter Cook, told the Times that ...";
* a participle after a comma: "Trump attacked Clinton, saying she ..." (the source is the
  clause's subject);
* a passive with its agent: "the group accused by the United States of leading ...";
* "according to X" before or after its content.

A negated verb ("did not say") attributes nothing; nor does a verb inside a quotation.

>>> [(d.kind, d.source, d.content) for d in find("Spain announced it would leave.")]
[('reported', (0, 1), (16, 30))]
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter

from analysis.entities.lexicon import (
    AUX_BEFORE_BASE,
    NOUN_LIKE,
    PASSIVE_AUX,
    PASSIVE_OK,
    POSSESSIVES,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    TELL_LIKE,
    is_word,
    verb_like,
)
from analysis.entities.phrases import (
    STATEMENT_NOUNS,
    View,
    is_name,
    left_phrase,
    negated,
    plausible,
    relative_antecedent,
    right_phrase,
    skip_adjuncts,
    skip_back,
    subject,
    with_apposed_name,
)

__all__ = ["Found", "find"]

Span = tuple[int, int]
_OPEN_MARKS = frozenset({'"', "\u201c", "'", "`", "\u201e"})
_CLOSE_MARKS = frozenset({'"', "\u201d", "'"})
_END_MARKS = frozenset({".", "!", "?", "\u2026"})
_ADDRESSEES = frozenset("him her them us me reporters journalists".split())
#: What content cannot start with: a preposition or a verb form ("reported from Washington",
#: "said would").
_NOT_CONTENT = frozenset(
    """by as and or of about for from to into would could should will can may might must has
    have had is was are were""".split()
)
#: What content starts with only when a clause follows ("said in politics it takes time").
_SHORT_NOT_CONTENT = frozenset("on in at during with without after before".split())
#: How what was asked starts: "asked whether ...", "asked him to ...", a quotation.
_QUESTION_STARTS = frozenset(
    """whether if why how what who whom when where which that to : " \u201c ' `""".split())
#: Verbs whose content may be an infinitive ("claimed to have taken", "vowed to fight").
_INFINITIVE_OK = frozenset("claim vow promise threaten pledge admit deny agree".split())
#: Verbs whose object is no content unless a clause follows ("accused X of", "cited X").
_NEEDS_CLAUSE = frozenset("accuse criticise criticize condemn blame cite quote praise".split())
#: Words that open a trailing phrase after an inverted cue ("said after the attacks").
_TRAILING = frozenset("after before at in on during while when as from".split())
#: What "to say" follows when it reports a saying: "went on to say", "was quick to add".
_GO_ON = frozenset("on as quick prompted interjected taken went goes came stood rose".split())
_PROGRESSIVE = frozenset("is are was were 's 're been being".split())
_LEMMAS = {**SPEECH_VERBS, **SPEECH_PARTICIPLES}


@dataclass
class Found:
    """One attribution found: ``source`` and ``cue`` as token spans; ``content`` as a character
    span (``parts``: the character spans it is made of, two for a quotation that continues
    after its speaker); ``kind``."""

    source: Span
    cue: Span
    content: Span
    kind: str
    parts: list[Span] = field(default_factory=list)
    head: Span | None = None  # what a relative "who" stands for ("Humphrey, who said ...")

    def __post_init__(self) -> None:
        if not self.parts:
            self.parts = [self.content]


#: The words that may start an attribution: verbs of saying, their participles, "according".
_TRIGGERS = frozenset(SPEECH_VERBS) | frozenset(SPEECH_PARTICIPLES) | {"according"}


def _last_char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is no space ("" at the start of the text)."""
    k = pos - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return text[k] if k >= 0 else ""


def _unclosed(words: Sequence[str], close: str) -> bool:
    """Whether ``words`` open a quotation that the mark ``close`` would close."""
    if close == "\u201d":
        return words.count("\u201c") + words.count("\u201e") > words.count("\u201d")
    return words.count(close) % 2 == 1  # a straight mark opens and closes


class _Finder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.view = v = View.of(text)
        self.toks = v.state.toks
        self.starts = list(map(attrgetter("start"), self.toks))
        self.quotes = v.state.quotations
        self.closes = [q.close for q in self.quotes]  # in order: quotations never overlap
        self.inside = [-1] * len(self.toks)  # the quotation each token is inside, or -1
        for n, q in enumerate(self.quotes):
            a, b = bisect.bisect_left(self.starts, q.start), bisect.bisect_left(
                self.starts, q.end)
            for i in range(a, b):
                self.inside[i] = n
        self.used: set[int] = set()  # cue tokens attributed
        self.found: list[Found] = []
        self.rejected: list[Found] = []  # sources that are no noun phrase (for inspection)

    # --- helpers -------------------------------------------------------------------------
    def chars(self, a: int, b: int) -> Span:
        return self.toks[a].start, self.toks[b - 1].end

    def quote_ending_before(self, i: int) -> int | None:
        """The quotation closing just before token ``i`` (a comma may stand between)."""
        if i <= 0:
            return None
        j = i - 1
        while j >= 0 and self.view.words[j] in (",", "'", '"', "\u201d", "`", "\u2014", "--"):
            j -= 1
        q = self.inside[j] if j >= 0 else -1
        if q < 0 or self.quotes[q].close > self.toks[i].start or self.title(q):
            return None
        k = j + 1
        while k < i and self.view.words[k] in _CLOSE_MARKS:
            k += 1
        if self.toks[j].sentence != self.toks[i].sentence and not (
                self.text[self.quotes[q].end - 1:self.quotes[q].end] in "?!" and
                self.view.bounds(i)[0] == k):
            return None  # '"..." Officials said': the quotation ended a sentence before
        return q

    def quote_starting_at(self, i: int, hi: int) -> int | None:
        """The quotation opening at token ``i`` (a colon or comma may stand before it)."""
        while i < hi and self.view.words[i] in (":", ",", "\u2014", "--"):
            i += 1
        while i < hi and self.view.words[i] in _OPEN_MARKS and self.inside[i] < 0:
            i += 1
        if i < len(self.toks) and self.inside[i] >= 0:
            q = self.quotes[self.inside[i]]
            if q.start == self.toks[i].start and not self.title(self.inside[i]):
                return self.inside[i]
        return None

    def content(self, a: int, b: int) -> Span | None:
        """Character span of tokens ``a``..``b`` without edge punctuation and a leading
        "that"; None without a word."""
        words = self.view.words
        if a < b and self.view.low[a] in ("that", ":"):
            a += 1
        while a < b and not any(c.isalnum() for c in words[a]) and words[a] not in _OPEN_MARKS:
            a += 1
        end = b
        while b > a and not any(c.isalnum() for c in words[b - 1]):
            b -= 1
        if b <= a or not any(is_word(w) for w in words[a:b]):
            return None
        # a quotation opened inside keeps its closing mark ('the spill was "serious but
        # contained"', not '... "serious but contained')
        close = next((k for k in range(b, end) if words[k] in _CLOSE_MARKS), None)
        if close is not None and _unclosed(words[a:b], words[close]):
            b = close + 1
        return self.chars(a, b)

    def title(self, q: int) -> bool:
        """A quoted title rather than speech: a few capitalised words ('"Face the Nation"')."""
        s = self.quotes[q]
        words = self.text[s.start:s.end].rstrip(",.").split()
        return len(words) <= 5 and all(w[:1].isupper() or w.lower() in (
            "the", "of", "a", "an", "and", "in", "on", "for", "to", "with") for w in words)

    def quote_content(self, q: int) -> Span:
        s = self.quotes[q]
        start, end = s.start, s.end
        while end > start and self.text[end - 1] in ",;:\u2014-":
            end -= 1
        return start, end

    def add(self, found: Found, cue: int) -> bool:
        """Keep ``found`` if its source is plausible (see :func:`plausible`)."""
        if not plausible(self.view, found.source):
            self.rejected.append(found)
            return False
        a, b = found.source
        if b - a == 1 and self.view.low[a] in ("who", "which"):
            found.head = relative_antecedent(self.view, a, self.view.bounds(a)[0])
        self.found.append(found)
        self.used.add(cue)
        return True

    def after_opening_quote(self, i: int, lo: int) -> int:
        """Where the search for a subject may start: after a quotation that opens the
        sentence ('"...," Trump, the frontrunner, said'), not inside it."""
        first, until = self.toks[lo].start, self.toks[i].start
        for n in range(bisect.bisect_left(self.closes, first), len(self.quotes)):
            q = self.quotes[n]
            if q.close >= until:
                break
            if q.open <= first or _last_char_before(self.text, q.open) in ":":
                k = bisect.bisect_left(self.starts, q.close)
                while k < i and not any(c.isalnum() for c in self.view.words[k]):
                    k += 1
                return k
        return lo

    def subject(self, i: int, lo: int) -> Span | None:
        """The subject of the verb at ``i``; for a verb coordinated with an earlier one ("...
        defended the route and said ...") or a participle after a comma, the earlier verb's."""
        v = self.view
        lo = self.after_opening_quote(i, lo)
        j = skip_back(v, i - 1, lo)
        if j >= lo and (v.low[j] in ("and", "but") or (v.low[i] in SPEECH_PARTICIPLES and (
                v.words[j] == "," or v.low[j] in STATEMENT_NOUNS or v.low[j] in (
                    "before", "after", "by", "while", "when"))) or (
                v.low[j] == "to" and v.low[i] in SPEECH_VERBS)):
            done = next((f for f in reversed(self.found) if lo <= f.cue[0] < j), None)
            if done is not None:
                return done.source  # 'Clark said, noting ...'
            for k in range(lo + 1, j):  # the clause's first verb with a subject
                if self.inside[k] < 0 and verb_like(v.words[k], third_person=False):
                    src = subject(v, k, lo)
                    if src is not None:
                        return src
            return self.clause_subject(lo, j)
        return subject(v, i, lo)

    # --- the verb cues ----------------------------------------------------------------
    def cue(self, i: int) -> bool:
        """Whether token ``i`` is a verb of saying that may carry an attribution."""
        v = self.view
        lw = v.low[i]
        if lw not in _LEMMAS or self.inside[i] >= 0:
            return False
        lo, _ = v.bounds(i)
        if lw in SPEECH_PARTICIPLES:  # only as a progressive: "are asking", "is saying"
            j = skip_back(v, i - 1, lo)
            return j + 1 < i and v.low[j + 1] in _PROGRESSIVE or (
                j >= lo and v.low[j] in _PROGRESSIVE) and not negated(v, i, lo)
        prev = v.low[i - 1] if i > lo else ""
        if prev in POSSESSIVES or (prev in ("a", "an") and lw in NOUN_LIKE):
            return False  # a noun: "his claims", "the reports"
        if lw == _LEMMAS[lw] and lw != "said" and prev in AUX_BEFORE_BASE and not (
                prev in ("did", "does", "do") or (prev == "to" and i - 2 >= lo and v.low[
                    i - 2] in _GO_ON)):
            return False  # "to say", "would not deny"; not "went on to say", "did say"
        if prev in PASSIVE_AUX and prev not in ("has", "have", "had") and not (
                i + 1 < len(v.words) and v.low[i + 1] == "by"):
            return False  # "was reported": a passive without its agent
        return not negated(v, i, lo)

    def verb(self, i: int) -> None:
        for rule in (self.quote_before, self.quote_after, self.inverted, self.reported):
            found = rule(i)
            if found is not None and self.add(found, i):
                return

    def quote_before(self, i: int) -> Found | None:
        """'"...," Haftar said.' and '"...," said Haftar.'"""
        v = self.view
        lo, hi = v.bounds(i)
        q = self.quote_ending_before(i)
        if q is not None:  # '"...," said Haftar'
            src = with_apposed_name(v, right_phrase(v, i + 1, hi), hi)
            if src is None:
                return None
            after = src[1]
        else:
            src = self.subject(i, lo)
            if src is None:
                return None
            q = self.quote_ending_before(src[0])
            if q is None:
                return None
            after = i + 1
        if self.quotes[q].close < self.toks[lo].start and not self.ends(skip_adjuncts(
                v, after, hi), hi):
            return None  # '"...!" Ginsburg said in an interview that ...': not that quotation
        found = Found(src, (i, i + 1), self.quote_content(q), "quote")
        self.continuation(found, skip_adjuncts(v, after, hi), hi)
        return found

    def ends(self, j: int, hi: int) -> bool:
        """Whether the clause of a cue ends at token ``j``: the sentence's end, a comma, or a
        trailing phrase of time or place ("said after the attacks")."""
        v = self.view
        return j >= hi or v.words[j] in _END_MARKS or v.words[j] in (",", ";", ":") or (
            v.low[j] in _TRAILING)

    def continuation(self, found: Found, j: int, hi: int) -> None:
        """'"...," she said. "..."': the next quotation continues the content when it opens
        right after the cue's clause (', "...') or sentence ('said in an interview. "...') and
        has no verb of saying of its own."""
        v = self.view
        q = None
        if j < hi and v.words[j] in (",", ":", ";"):
            start = j + 1
            q = self.quote_starting_at(start, len(v.words))
        if q is None and hi - 1 < len(v.words) and v.words[hi - 1] in _END_MARKS and not any(
                v.low[k] in SPEECH_VERBS and self.inside[k] < 0 for k in range(j, hi)):
            start = hi
            q = self.quote_starting_at(start, len(v.words))
        if q is None or self.text.count("\n", self.toks[start - 1].end, self.quotes[q].start):
            return
        close = bisect.bisect_left(self.starts, self.quotes[q].close)
        if self._cue_near(close):
            return  # '"...," he said. "...," she added.'
        nxt = self.quote_content(q)
        found.parts.append(nxt)
        found.content = (found.content[0], nxt[1])

    def _cue_near(self, close: int) -> bool:
        """A verb of saying in the sentence of a quotation's last words, after the quotation
        closing at token ``close`` ('"...," she added.')."""
        v = self.view
        if close <= 0 or close > len(v.words):
            return False
        _, hi = v.bounds(close - 1)
        return any(v.low[k] in SPEECH_VERBS and self.inside[k] < 0
                   for k in range(close, min(close + 6, hi)))

    def quote_after(self, i: int) -> Found | None:
        """'Haftar said: "We will win."', 'Haftar told reporters, "..."'."""
        v = self.view
        lo, hi = v.bounds(i)
        src = self.subject(i, lo)
        if src is None:
            return None
        j = self.past_addressee(i, skip_adjuncts(v, i + 1, hi), hi)
        q = self.quote_starting_at(j, hi)
        if q is None:
            return None
        return Found(src, (i, i + 1), self.quote_content(q), "quote")

    def past_addressee(self, i: int, j: int, hi: int) -> int:
        """After "told" (and the like) skip the person told: "told reporters", "told The
        Associated Press", "told him"."""
        v = self.view
        if _LEMMAS.get(v.low[i], "") not in TELL_LIKE or j >= hi:
            return j
        if v.low[j] in _ADDRESSEES:
            return skip_adjuncts(v, j + 1, hi)
        if v.low[j] in ("his", "her", "their", "its", "our", "my", "your"):
            r = right_phrase(v, j, hi)  # "told his Democratic audience"
            if r and r[1] - r[0] <= 4:
                j = r[1]
                while j < hi and v.words[j] == ",":
                    j = skip_adjuncts(v, j + 1, hi)
                return j
        that = next((q for q in range(j, min(hi, j + 8)) if v.low[q] == "that"), None)
        if that is not None:
            return that
        r = right_phrase(v, j, hi)
        if r and r[1] - r[0] <= 5 and (is_name(v.words[j]) or v.low[j] in ("the", "a", "an")):
            return skip_adjuncts(v, r[1], hi)
        return j

    def inverted(self, i: int) -> Found | None:
        """"The airport was closed, officials said." / "..., said the official." / "The
        problem, she said, is that ..." (content on both sides)."""
        v = self.view
        lo, hi = v.bounds(i)
        if i > lo and v.words[i - 1] == ",":
            src = with_apposed_name(v, right_phrase(v, i + 1, hi), hi)
            left_end = i - 1
            after = src[1] if src else i + 1
        else:
            src = self.subject(i, lo)
            if src is None or src[0] <= lo or v.words[src[0] - 1] != ",":
                return None
            left_end = src[0] - 1
            after = i + 1
        if src is None:
            return None
        after = skip_adjuncts(v, after, hi)
        if after < hi and v.low[after] in _TRAILING:
            after = hi  # "..., Ben Carson said after the attacks."
        rest = self.content(after, hi) if after < hi and v.words[after] == "," and not (
            after + 1 < hi and v.low[after + 1].endswith("ing")) else None
        if rest is None and after < hi and v.words[after] == ",":
            after = hi  # "..., Hollande said Tuesday, noting ...": the participle is its own
        if after < hi and v.words[after] not in _END_MARKS and rest is None:
            return None
        before = self.content(lo, left_end)
        if before is None:
            return None
        parts = [before] + ([rest] if rest else [])
        return Found(src, (i, i + 1), (before[0], parts[-1][1]), "reported", parts)

    def reported(self, i: int) -> Found | None:
        """"Tunisian officials said Wednesday that they were struggling ..."."""
        v = self.view
        lo, hi = v.bounds(i)
        src = self.subject(i, lo)
        lw = v.low[i]
        lemma = _LEMMAS[lw]
        if src is None:
            return None
        j = self.past_addressee(i, skip_adjuncts(v, i + 1, hi), hi)
        if j < hi and v.low[j] == "to":
            that = next((q for q in range(j + 1, min(hi, j + 9)) if v.low[q] == "that"), None)
            if that is not None and all(is_word(w) for w in v.words[j:that]):
                j = that  # "stated to LA Weekly that ...", "admitted to the newspaper that"
            elif lemma not in _INFINITIVE_OK:
                return None
        if j >= hi or v.words[j - 1] == "," and j - 1 > i:
            return None
        clause = v.low[j] in ("that", ":")
        k = j + 1 if clause else j
        while k < hi and v.words[k] in (",", "\u2014", "--"):
            k += 1  # "added that, based on what he has seen, ..."
        first = v.low[k] if k < hi else ""
        if lemma == "accuse" and not clause:  # "accused him of sexism"
            clause = any(v.low[q] == "of" for q in range(j, min(hi, j + 6)))
        first = v.low[j] if v.low[j] in ("to", "about") else first
        if not (is_word(first) or first[:1].isdigit() or first in _OPEN_MARKS) or (
                first in _NOT_CONTENT and not clause and not (first in ("to", "about") and (
                    lemma in TELL_LIKE or lemma in _INFINITIVE_OK))) or (
                lemma in _NEEDS_CLAUSE and not clause) or (
                first in _SHORT_NOT_CONTENT and hi - j < 8):
            return None
        end = hi
        if src[1] - src[0] == 1 and v.low[src[0]] in ("who", "which") and src[0] > lo and (
                v.words[src[0] - 1] == ","):  # "Haftar, who said he would ..., left"
            end = next((q for q in range(j, hi) if v.words[q] == ","), hi)
        q = self.quote_starting_at(j + (v.low[j] == "that"), hi)
        if q is not None:
            return Found(src, (i, i + 1), self.quote_content(q), "quote")
        if lemma in ("ask", "urge") and not clause and first not in _QUESTION_STARTS | {
                "about"}:
            k = next((q for q in range(j, min(hi, j + 15))
                      if v.low[q] in _QUESTION_STARTS or v.low[q] == "about"), None)
            if k is None or not all(is_word(w) or w in ("'s", "-", ",") for w in v.words[j:k]):
                return None  # "asked a question"
            j = k  # "asked the former secretary of state if ...", "urged voters to ..."
            if k - 1 > i and v.low[k - 1] in ("not", "never"):
                j = k - 1  # "urged passengers not to travel": the negation is said too
        content = self.content(j, self.clause_end(j, end))
        if content is None or (lw in NOUN_LIKE and not self.strong(src)) or (
                " " not in self.text[content[0]:content[1]].strip()) or (
                "://" in self.text[content[0]:content[1]]):
            return None
        return Found(src, (i, i + 1), content, "reported")

    def clause_end(self, j: int, end: int) -> int:
        """Where reported content ends: before a trailing ", according to ..." or ", he
        said"."""
        v = self.view
        for q in range(j + 1, end - 1):
            if v.words[q] == "," and (v.low[q + 1] == "according" or any(
                    v.low[k] in SPEECH_VERBS for k in range(q + 1, min(q + 4, end)))):
                return q
        return end

    def strong(self, src: Span) -> bool:
        """A source that makes a noun-like form ("claims", "report") a verb: a pronoun, a name,
        or a short phrase ending in a plural noun ("officials claim"; not "a new report")."""
        v = self.view
        a, b = src
        last = v.low[b - 1]
        return (b - a == 1 and last in ("he", "she", "they", "we", "i", "you", "it")) or (
            is_name(v.words[b - 1])) or (b - a <= 4 and last.endswith("s") and not last.endswith(
                ("'s", "ss")))

    # --- other cues -------------------------------------------------------------------
    def participle(self, i: int) -> None:
        """", saying she ...": the source is the subject of the clause the participle
        follows."""
        v = self.view
        lo, hi = v.bounds(i)
        if i - 1 <= lo or self.inside[i] >= 0 or not self.attached(i, lo):
            return
        src = self.subject(i, lo) or self.clause_subject(lo, i - 1)
        if src is None:
            return
        j = self.past_addressee(i, skip_adjuncts(v, i + 1, hi), hi)
        if j < hi and v.low[j] in ("by", "of", "to", "about", "for", "with", "in"):
            return
        q = self.quote_starting_at(j + (j < hi and v.low[j] == "that"), hi)
        content = self.quote_content(q) if q is not None else self.content(
            j, self.clause_end(j, hi))
        if content is not None:
            self.add(Found(src, (i, i + 1), content, "quote" if q is not None else
                           "reported"), i)

    def attached(self, i: int, lo: int) -> bool:
        """Whether the participle at ``i`` hangs on its clause: after a comma (", saying"),
        a statement ("issued a statement Tuesday saying"), or "before"/"after"/"by"."""
        v = self.view
        j = skip_back(v, i - 1, lo)
        return j >= lo and (v.words[j] == "," or v.low[j] in STATEMENT_NOUNS or v.low[j] in (
            "before", "after", "by", "while", "when"))

    def clause_subject(self, lo: int, end: int) -> Span | None:
        """The subject of the clause that ends at ``end``: its first noun phrase after any
        opening adverbial ("On Tuesday, Trump attacked ...")."""
        v = self.view
        a = lo
        while a < end and v.words[a] in _OPEN_MARKS:
            a += 1
        comma = next((q for q in range(a, min(end, a + 8)) if v.words[q] == ","), None)
        if comma is not None and v.low[a] in ("on", "in", "at", "after", "before", "during",
                                               "later", "earlier", "meanwhile", "however",
                                               "still", "yet", "but", "and", "also"):
            a = comma + 1
        b = a
        while b < end and b - a < 8 and v.words[b] not in (",", ";") and (
                left_phrase(v, b, a) == (a, b + 1)):
            b += 1
        if b == a:
            return None
        if v.low[a] in ("he", "she", "they", "we", "i", "it"):
            return (a, a + 1)
        return (a, b)

    def passive(self, i: int) -> None:
        """"(was) accused by X of ..."."""
        v = self.view
        lo, hi = v.bounds(i)
        lw = v.low[i]
        if not (i + 1 < hi and v.low[i + 1] == "by" and SPEECH_VERBS[lw] in PASSIVE_OK
                and lw.endswith(("ed", "d", "ten", "id"))):
            return
        src = right_phrase(v, i + 2, hi, stop_of=True)
        if src is None:
            return
        content = self.content(src[1], hi)
        if content is None:
            prev = v.low[i - 1] if i > lo else ""
            subj = subject(v, i if prev not in PASSIVE_AUX else i - 1, lo)
            content = self.chars(*subj) if subj else None
        if content is not None:
            self.add(Found(src, (i, i + 1), content, "passive"), i)

    def according(self, i: int) -> None:
        """"According to the head of the agency, 200 people died." / "..., according to Saudi
        Arabia's Civil Defense Authority." / "X, according to Y, said Z" (content on both
        sides)."""
        v = self.view
        lo, hi = v.bounds(i)
        if self.inside[i] >= 0:
            return
        leading = i == lo or v.low[i - 1] in ("that", "(", "but", "and", "'s", "is", "was") or (
            v.words[i - 1] in _OPEN_MARKS)
        comma = next((q for q in range(i + 2, min(hi, i + 30)) if v.words[q] in (",", ";")),
                     None)
        if leading and comma is not None and i + 2 < comma < hi - 1 and v.low[comma + 1] not in (
                "which", "who", "a", "an", "the") and self.content(comma + 1, hi):
            src = self.by_agent(i + 2, comma)
            content = self.content(comma + 1, hi)
            if src is None or content is None:
                return
            found = Found(src, (i, i + 2), content, "according to")
        else:
            src = self.by_agent(i + 2, hi)
            if src is None:
                return
            end = i - 1 if i > lo and v.words[i - 1] in (",", "(", "\u2014", "--") else i
            before = self.content(lo, end) if end > lo else None
            after = src[1]
            rest = None
            if after < hi and v.words[after] in (",", ")", "\u2014", "--"):
                rest = self.content(after + 1, hi)  # "X, according to Y, said ..."
            if before is None and rest is None:
                return
            parts = [p for p in (before, rest) if p is not None]
            found = Found(src, (i, i + 2), (parts[0][0], parts[-1][1]), "according to", parts)
        self.add(found, i)

    def by_agent(self, j: int, hi: int) -> Span | None:
        """The source after "according to": a noun phrase, extended over "by X" ("a tally by
        The Associated Press")."""
        v = self.view
        src = right_phrase(v, j, hi, plural_end=True)
        if src is None:
            return None
        if src[1] + 1 < hi and v.low[src[1]] == "by":
            agent = right_phrase(v, src[1] + 1, hi)
            if agent is not None:
                return (src[0], agent[1])
        return src

    def run(self) -> list[Found]:
        v = self.view
        headline = v.state.headline
        stopped = v.state.memo.get("stopped_headlines", ())  # a title with a full stop
        low = v.low
        for i in list(compress(range(len(low)), map(_TRIGGERS.__contains__, low))):
            lw = low[i]
            if headline[v.sent[i]] and v.sent[i] not in stopped:
                continue  # a Title Case heading: "Clinton Says Trump's Bigotry ..."
            if lw == "according" and i + 1 < len(v.low) and v.low[i + 1] == "to":
                self.according(i)
            elif lw in SPEECH_VERBS and self.inside[i] < 0:
                self.passive(i)
                if i not in self.used and self.cue(i):
                    self.verb(i)
            elif lw in SPEECH_PARTICIPLES:
                if self.cue(i):
                    self.verb(i)
                else:
                    self.participle(i)
        self.found.sort(key=lambda f: (f.cue[0], f.content[0]))
        return [f for f in self.found if not self.nested_relative(f)]

    def nested_relative(self, f: Found) -> bool:
        """A relative clause's attribution inside another's content ('X said that women who
        said ... were ignored'): a detail of that content, not an attribution of its own."""
        a, b = f.source
        if b - a != 1 or self.view.low[a] not in ("who", "which"):
            return False
        pos = self.toks[f.cue[0]].start
        return any(g is not f and g.content[0] <= pos < g.content[1] for g in self.found)


def find(text: str) -> list[Found]:
    """The attributions of one text (see the module's notes), in the order of their cues."""
    return _Finder(text).run()

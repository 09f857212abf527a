"""Name spans: where the names of people, places and organisations are in English news text.

No statistical model: capitalisation, a handful of English conventions and the shared lexicon
(:mod:`analysis.entities.lexicon`). Every span is a pair of character offsets into the text.

>>> text = ("Gen. Khalifa Haftar said Thursday that the Shura Council of Benghazi "
...         "Revolutionaries had lost 12 hours. Haftar’s men stayed in Benghazi.")
>>> [text[s:e] for s, e in name_spans(text)]  # doctest: +NORMALIZE_WHITESPACE
['Gen. Khalifa Haftar', 'Thursday', 'Shura Council of Benghazi Revolutionaries', 'Haftar',
 'Benghazi']

Decisions, measured against the proper nouns (PROPN) of the UD English GUM news documents
(``python -m benchmarks entities_gum``):

* **A name is a run of capitalised words** in one sentence, joined by lower-case name
  particles ("Osama bin Laden", "Ludwig van Beethoven", "Ansar al-Shariah") and, after an
  organisation or place noun, by "of"/"for"/"on" ("Bank of England", "Shura Council of
  Benghazi Revolutionaries", "Council on Foreign Relations"). Punctuation, a possessive "'s"
  and a line break end a name. A leading "The" is not part of a name ("The Associated Press"
  -> "Associated Press"), as UD tags it DET.
* **Titles are part of the name span** ("Gen. Khalifa Haftar", "President Barack Obama"):
  UD tags "President" before a name PROPN. The actors table strips them ("Khalifa Haftar")
  and keeps them as evidence that the actor is a person.
* **Days and months are names** (UD tags them PROPN) but each is a span of its own, never an
  actor: ``name_spans(text, dates=False)`` leaves them out.
* **Nationality adjectives are not names**: "Tunisian officials", "Afghan team" (UD: ADJ);
  a demonym standing for people ("the Afghans", "speak English") is, and one after a given
  name is a surname ("Mark Cuban"). The actors count both as mentions of the country
  ("Tunisian" -> Tunisia), in the ``via_demonym`` column.
* **Where capitals say nothing** -- the first word of a sentence, the word after an opening
  quote or a colon, every word of a Title Case headline -- a capitalised word is a name only
  with evidence: the gazetteer knows it; it is capitalised elsewhere in the text more often
  than lower-cased; or it never appears lower-cased and is rare in general English
  (``wordfreq`` Zipf frequency below 3.5), or is followed by a name and is not a common
  function word ("Khalifa Haftar said"); never a stopword or a preposition ("Amid").
"""

from __future__ import annotations

import bisect
import re
import string
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress
from operator import attrgetter, or_

from analysis.corpus import Document
from analysis.entities.given_names import is_given_name
from analysis.entities.joins import and_joins, country_ends, head_word
from analysis.entities.lexicon import (
    AMBIGUOUS_MONTHS,
    CLOSED_CLASS,
    COMPASS,
    CONNECTORS,
    DAYS,
    HYPHEN_PREFIXES,
    LEADING_PARTICLES,
    MONTHS,
    NAME_PARTICLES,
    ORG_WORDS,
    PERSON_TITLES,
    RARE_ZIPF,
    ROMAN_RE,
    SAY_WORDS,
    SENTENCE_END,
    demonym,
    demonym_firsts,
    gazetteer,
    is_all_caps,
    is_group_adjective,
    is_word,
    name_shaped,
    strong_place,
    zipf,
)
from analysis.tokenise import Token, fold, tokens
from analysis.tokenise.fold import APOSTROPHES, QUOTES

__all__ = ["Analysis", "Name", "analyse", "name_spans"]

# ---------------------------------------------------------------------------------------
# Name spans.


@dataclass(slots=True)
class Name:
    start: int
    end: int
    sentence: int
    first: int  # index of the first token in the text's token list
    last: int  # index of the last token (inclusive)
    forms: list[str]  # the token texts (a partial first/last token already cut)
    date: bool = False
    title_words: int = 0  # leading title tokens ("Gen.", "President")


@dataclass
class Analysis:
    text: str
    toks: list[Token]
    sentences: list[tuple[int, int]]
    names: list[Name]
    unreliable: list[bool]
    headline: list[bool] = field(default_factory=list)
    # nationality words: (start, end, sentence, country, part_of_a_name)
    nationalities: list[tuple[int, int, int, str, bool]] = field(default_factory=list)
    #: results computed from this analysis (mentions, attributions), kept with it
    memo: dict = field(default_factory=dict)
    #: the token indexes of each sentence
    ranges: list[range] = field(default_factory=list)

    @cached_property
    def words(self) -> list[str]:
        """The token texts (computed once)."""
        return [t.text for t in self.toks]

    @cached_property
    def folded(self) -> list[str]:
        """The token texts with apostrophes and quotes folded (computed once: only the tokens
        holding such a character are folded)."""
        words = self.words
        if _FOLD_RE.search(self.text) is None:
            return words
        out = list(words)
        toks = self.toks
        for m in _FOLD_RE.finditer(self.text):
            i = bisect.bisect_right(toks, m.start(), key=_END)
            if i < len(toks) and toks[i].start <= m.start():
                out[i] = fold(words[i])
        return out

    @cached_property
    def lower(self) -> list[str]:
        """The folded token texts in lower case (computed once)."""
        return list(map(str.lower, self.folded))

    @cached_property
    def quotations(self) -> list:
        """The quotations of the text (:func:`analysis.entities.quotes.quotations`, once)."""
        from analysis.entities.quotes import quotations

        return quotations(self.text)

    def token_at(self, pos: int) -> int:
        """Index of the first token that ends after character ``pos``."""
        return bisect.bisect_right(self.toks, pos, key=_END)



def _headline(toks: Sequence[Token]) -> bool:
    """A heading: a line with no final stop whose content words are (mostly) capitalised."""
    words = [t.text for t in toks if t.text[:1].isalpha()]
    if not words or toks[-1].text in SENTENCE_END or toks[-1].text[-1:] in SENTENCE_END:
        return False
    content = [w for w in words if w.lower() not in CLOSED_CLASS]
    if not content:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    if len(words) <= 3:
        return caps == len(content) and all(w[0].isupper() for w in words)
    lower_function = sum(1 for w in words if w.lower() in CLOSED_CLASS and w[0].islower())
    return caps >= 0.75 * len(content) and (lower_function > 0 or caps == len(content))


def _stopped_headline(text: str, toks: Sequence[Token], idxs: range) -> bool:
    """A heading with a full stop ("What Mexico Could Do When Up Against Trump."): a line of its
    own, of 4+ words, all capitalised but short function words ("of", "the", "and")."""
    if len(idxs) < 5 or toks[idxs[-1]].text != ".":
        return False
    a, b = toks[idxs[0]].start, toks[idxs[-1]].end
    if text[text.rfind("\n", 0, a) + 1:a].strip() or text[b:].split("\n", 1)[0].strip():
        return False
    words = [toks[i].text for i in idxs[:-1] if toks[i].text[:1].isalpha()]
    return len(words) >= 4 and all(
        w[0].isupper() or (w in CLOSED_CLASS and len(w) <= 4) for w in words) and _headline(
        [toks[i] for i in idxs[:-1]])


_DATES = DAYS | MONTHS
_POSSESSIVE = frozenset({"'s", "\u2019s"})
_FOLD_RE = re.compile(f"[{re.escape(APOSTROPHES + QUOTES)}]")
_END = attrgetter("end")
_LIST_MARKER_RE = re.compile(r"[a-zA-Z0-9]\)|\d{1,2}\.|[-*\u2022\u2013\u2014]")
_CLOSE_QUOTE = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"', "'": "'", "(": ")"}


def _quoted_name(toks: Sequence[Token], a: int, idxs: Sequence[int], k: int) -> bool:
    """Whether the quote opened at ``idxs[k]`` holds only a short capitalised title
    ('a user labelled "Anonymous"', 'the "Super District Council"')."""
    close = _CLOSE_QUOTE.get(toks[a].text)
    if close is None:
        return False
    inner = []
    for j in idxs[k + 1:k + 7]:
        if toks[j].text == close or (close == '"' and toks[j].text == "\u201d"):
            return bool(inner) and all(
                w[0].isupper() or w in NAME_PARTICLES or w in CONNECTORS or not is_word(w)
                for w in inner) and k > 0
        inner.append(toks[j].text)
    return False


#: Analyses kept, most recent last: notebooks and the store ask for several tables of one text
#: in a row. A few hundred are enough; more would hold hundreds of megabytes in each worker of
#: a corpus pass and slow Python's garbage collector, which walks them all.
_CACHE: OrderedDict[str, Analysis] = OrderedDict()
_CACHE_SIZE = 256


def analyse(text: str | Document) -> Analysis:
    """The analysis of a text that every entities table starts from: its tokens and sentences,
    where capitals say nothing, and its name spans (computed once per text and kept for the
    256 texts analysed last). A :class:`~analysis.corpus.Document`'s own tokens are used.

    >>> [n.forms for n in analyse("Gen. Khalifa Haftar left Benghazi.").names]
    [['Gen.', 'Khalifa', 'Haftar'], ['Benghazi']]
    """
    key = text if isinstance(text, str) else text.text
    state = _CACHE.get(key)
    if state is not None:
        _CACHE.move_to_end(key)
        return state
    state = _analyse(key, tokens(key) if isinstance(text, str) else text.tokens)
    _CACHE[key] = state
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return state


def _clear() -> None:
    _CACHE.clear()


analyse.cache_clear = _clear  # type: ignore[attr-defined]


def _ranges(toks: Sequence[Token]) -> list[range]:
    """The token indexes of each sentence, as ranges (tokens are in sentence order)."""
    sentences = [t.sentence for t in toks]
    out: list[range] = []
    lo = 0
    n = len(sentences)
    while lo < n:
        s = sentences[lo]
        hi = bisect.bisect_right(sentences, s, lo)
        out.append(range(lo, hi))
        lo = hi
    return out


#: Short tokens after which capitals say nothing: a colon, a dash, an opening bracket or
#: quote, a list marker.
_MARKS = frozenset({":", ";", "\u2014", "--", "\u2022", "*", "\u201c", "\u2018", "(", "[",
                    '"', "'"})


#: Every token after which capitals may say nothing: the marks and the list markers of at most
#: two characters ("a)", "1.", "-").
_ALL_MARKS = _MARKS | frozenset(
    w for w in [*(c + ")" for c in string.ascii_letters + string.digits),
                *(c + "." for c in string.digits), "-", "*", "\u2022", "\u2013", "\u2014"]
    if _LIST_MARKER_RE.fullmatch(w))


def _analyse(text: str, toks: list[Token]) -> Analysis:
    ranges = _ranges(toks)
    sents = [(toks[r.start].start, toks[r.stop - 1].end) for r in ranges]
    unreliable = [False] * len(toks)
    headline = [False] * len(sents)
    state = Analysis(text, toks, sents, [], unreliable, headline, ranges=ranges)
    words = state.words
    # Positions where capitalisation says nothing: the first word of a sentence, a heading...
    for s, idxs in enumerate(ranges):
        first_word = next((i for i in idxs if is_word(words[i])), None)
        if first_word is not None:
            unreliable[first_word] = True
        last = words[idxs[-1]]
        stopped = _stopped_headline(text, toks, idxs)
        if stopped or (last not in SENTENCE_END and last[-1:] not in SENTENCE_END and _headline(
                [toks[i] for i in idxs])):
            headline[s] = True
            if stopped:  # its capitals say nothing, but it is read as a sentence (who said)
                state.memo.setdefault("stopped_headlines", set()).add(s)
            for i in idxs:
                unreliable[i] = True
    # ... and after a mark (only short tokens are marks: most words are passed over here)
    for a in list(compress(range(len(words)), map(_ALL_MARKS.__contains__, words))):
        _after_mark(text, toks, words, a, ranges[toks[a].sentence], unreliable)
    # Document-wide evidence: capitalised where capitals mean something vs lower-cased.
    # (a lower-case word's count is its lower-cased uses; a capitalised word's count less its
    # uses where capitals say nothing is its reliable capitalised uses)
    counts = Counter(words)
    said_nothing = Counter(w for w in compress(words, unreliable) if w[:1].isupper())
    shaped = list(map(name_shaped, words))
    for idxs in ranges:
        state.names.extend(_sentence_names(state, idxs, words, shaped, counts, said_nothing))
    return state


def _after_mark(text: str, toks: Sequence[Token], words: list[str], a: int, idxs: range,
                unreliable: list[bool]) -> None:
    """Mark the word after the mark at token ``a`` as a place where capitals say nothing."""
    if a + 1 >= idxs.stop:
        return
    b = a + 1
    k = a - idxs.start
    prev = words[a]
    if prev in ('"', "'"):
        # an opening straight quote: after a space or first, glued to the next word
        if toks[b].start == toks[a].end and (k == 0 or toks[a].start > toks[a - 1].end):
            unreliable[b] = not _quoted_name(toks, a, idxs, k)
    elif prev in _MARKS:
        unreliable[b] = not _quoted_name(toks, a, idxs, k)
    elif k == 0 or "\n" in text[toks[a - 1].end:toks[a].start] or words[a - 1] in ".:;":
        unreliable[b] = True  # "a) Leaving ...", "- Refusing ..."


_ADJECTIVE_SUFFIXES = ("ful", "ous", "ive", "less", "able", "ible", "ing", "ed", "ly", "ical",
                       "est", "ish")
_DETERMINERS = frozenset("the a an this that these those its his her their our my your".split())
_COMPOUND_TAILS = frozenset(
    """born made run style wide like free friendly era type bound speaking shirt
    language class level area region winner winning""".split()
)


def _evidence(word: str, prev: str | None, nxt: str | None, nxt_name: bool,
              nxt_shaped: bool, counts: Counter, said_nothing: Counter) -> bool:
    """Is a capitalised ``word`` where capitals say nothing a name? (``counts``: the count of
    each token text in the document; ``said_nothing``: of those where capitals say nothing)"""
    lw = word.lower()
    if word in DAYS:
        return True
    if word in MONTHS:
        return word not in AMBIGUOUS_MONTHS or bool(nxt and nxt[:1].isdigit())
    if _is_label(word, prev, nxt):
        return False
    if is_all_caps(word):
        return lw not in CLOSED_CLASS and (counts[word] > said_nothing[word] or counts[lw] == 0)
    if strong_place(word):
        return counts[lw] == 0
    if lw in CLOSED_CLASS:
        return False
    if word in PERSON_TITLES or lw in NAME_PARTICLES:
        return nxt_shaped  # "President Obama said", "Al Jazeera reported"
    cap = counts[word] - said_nothing[word] if word[0].isupper() else 0
    low = counts[lw]
    if cap > low:
        return True
    if low:
        return False
    if zipf(lw) < RARE_ZIPF:
        return not _derived(lw, plural=True)  # not "Retreats", "Militiamen"
    if nxt_shaped and is_given_name(word):  # "George W. Bush spoke", "Ahmed Ali said"
        return True
    if nxt_name and not _derived(lw):
        return zipf(lw) < 5.0 or word in ORG_WORDS or word in COMPASS
    if nxt and nxt in SAY_WORDS:  # "Obama said", not "Officials said", "Police said"
        return zipf(lw) < 5.0 and not _derived(lw, plural=True)
    return False


def _derived(lw: str, *, plural: bool = False) -> bool:
    """A verb or adjective form of a common word: "speaking", "asked", "successful" (but
    not "Ahmed", "Beijing", "Italy", whose stems are no words); with ``plural`` also a
    plural ("retreats", "militiamen")."""
    if plural and ((lw.endswith("s") and not lw.endswith("ss") and max(
            zipf(lw[:-1]), zipf(lw[:-2]) if lw.endswith("es") else 0.0) >= 3.0) or (
            lw.endswith("men") and zipf(lw[:-3] + "man") >= 2.5)):
        return True
    for suffix in _ADJECTIVE_SUFFIXES:
        if lw.endswith(suffix) and len(lw) > len(suffix) + 2:
            stem = lw[:-len(suffix)]
            if max(zipf(stem), zipf(stem + "e"), zipf(stem[:-1]) if stem[-1:] == stem[
                    -2:-1] else 0.0) >= 3.0:
                return True
    return False


def _is_label(word: str, prev: str | None, nxt: str | None) -> bool:
    """A caption or section label such as "Image:", "Photo:", "Source:"."""
    return (nxt == ":" and word.isalpha() and not is_all_caps(word)
            and (prev is None or prev.lower() not in _DETERMINERS)
            and zipf(word.lower()) >= 4.0 and word not in gazetteer().places)


def _demonym_length(toks: Sequence[Token], idxs: Sequence[int], k: int) -> int:
    """1 or 2 when the tokens at ``k`` are a nationality word ("Tunisian", "New Zealander")."""
    w = toks[idxs[k]].text
    if k and idxs[k - 1] == idxs[k] - 1 and is_given_name(toks[idxs[k] - 1].text) and w[-1] != "s":
        return 0  # a surname that is also a nationality word: "Mark Cuban", "Joe English"
    if k + 1 < len(idxs) and w in demonym_firsts():
        two = w + " " + toks[idxs[k + 1]].text
        if demonym(two):
            return 2
    return _nationality_word(w)


@lru_cache(maxsize=1 << 16)
def _nationality_word(w: str) -> int:
    return 1 if (demonym(w) or is_group_adjective(w)) else 0


def _noun_use(toks: Sequence[Token], idxs: Sequence[int], k: int, length: int) -> bool:
    """Is the nationality word at ``k`` a noun ("the Afghans", "in English", "an American")?"""
    last = toks[idxs[k + length - 1]].text
    if last.endswith(("s", "S")) and not last.endswith(("ss", "ese")):
        return True  # plural: Afghans, Muslims, Filipinos
    prev = toks[idxs[k - 1]].text.lower() if k > 0 else ""
    nxt = toks[idxs[k + length]].text if k + length < len(idxs) else ""
    followed_by_word = nxt[:1].isalpha() and nxt.lower() not in CLOSED_CLASS
    if followed_by_word:
        return False  # "Tunisian officials", "Afghan team"
    if nxt.lower() in ("and", "or") and k + length + 1 < len(idxs) and _demonym_length(
            toks, idxs, k + length + 1):
        return False  # "the Gabonese and Estonian teams"
    return prev in ("a", "an", "the", "in", "into", "from", "speak", "speaks", "spoke",
                    "spoken", "speaking", "fluent", "learn", "learning", "of", "and", "or")


def _sentence_names(state: Analysis, idxs: range, all_words: list[str], all_shaped: list[bool],
                    counts: Counter, said_nothing: Counter) -> list[Name]:
    """The names of one sentence (its tokens ``idxs``)."""
    shaped = all_shaped[idxs.start:idxs.stop]
    if not any(shaped):
        return []
    words = all_words[idxs.start:idxs.stop]
    ok, glue = _name_tokens(state, idxs, words, shaped, counts, said_nothing)
    return _runs(state, idxs, words, ok, glue)


def _name_tokens(state: Analysis, idxs: range, words: list[str], shaped: list[bool],
                 counts: Counter, said_nothing: Counter) -> tuple[list[bool], list[bool]]:
    """Which tokens of a sentence may be part of a name (``ok``), and which lower-case words
    sit inside a gazetteer name (``glue``: "Bosnia and Herzegovina")."""
    toks = state.toks
    text = state.text
    gaz = gazetteer()
    m = len(idxs)
    ok = [False] * m
    glue = [False] * m  # lower-case words inside a gazetteer name ("Bosnia and Herzegovina")
    done = 0  # tokens before this one are decided (a gazetteer name or nationality word)
    for k in list(compress(range(m), shaped)):
        if k < done:
            continue
        w = words[k]
        # A multi-word gazetteer name, longest first.
        if k + 1 < m and w in gaz.lengths:
            hit = 0
            for n in gaz.lengths[w]:
                if n > m - k or not shaped[k + n - 1]:
                    continue
                if " ".join(words[k:k + n]) in gaz.places and all(
                        adjacent(toks, idxs[q], idxs[q + 1], text) for q in range(k, k + n - 1)):
                    hit = n
                    break
            if hit and (not state.unreliable[idxs[k]] or strong_place(
                    " ".join(words[k:k + hit]))):
                for q in range(k, k + hit):
                    ok[q] = True
                    glue[q] = not shaped[q]
                done = k + hit
                continue
        dem = _demonym_length(toks, idxs, k) if (
            w in demonym_firsts() or _nationality_word(w)) else 0
        if dem:
            _nationality(state, idxs, k, dem, words, shaped, ok)
            done = k + dem
            continue
        if w == "I" or w in ("A", "An", "The"):
            continue
        prev = words[k - 1] if k > 0 else None
        nxt = words[k + 1] if k + 1 < m else None
        nxt_shaped = k + 1 < m and shaped[k + 1] and adjacent(toks, idxs[k], idxs[k + 1], text)
        # in a Title Case line every word is followed by a capital: that says nothing
        nxt_name = nxt_shaped and not state.headline[toks[idxs[k]].sentence]
        lw = w.lower()
        if w[0] in "IVXLC" and ROMAN_RE.fullmatch(w):
            ok[k] = k > 0 and ok[k - 1]
        elif state.unreliable[idxs[k]]:
            ok[k] = _evidence(w, prev, nxt, nxt_name, nxt_shaped, counts, said_nothing)
            if (not ok[k] and w in ORG_WORDS and k > 0 and shaped[k - 1]
                    and words[k - 1].lower() not in CLOSED_CLASS and words[k - 1] not in (
                        "A", "An", "The") and adjacent(toks, idxs[k - 1], idxs[k], text)):
                ok[k] = ok[k - 1] = True  # a Title Case line: "The Associated Press"
        elif is_all_caps(w) and lw in CLOSED_CLASS:
            # a shouted function word ("UNLESS"), unless it leads a name ("FIRST Global")
            ok[k] = nxt_name and not is_all_caps(nxt or "")
        elif lw in CLOSED_CLASS and w not in _DATES:
            # a capitalised function word: only inside a name ("Doctor Who.")
            ok[k] = k > 0 and ok[k - 1] and adjacent(toks, idxs[k - 1], idxs[k], text) and (
                nxt_name or not (nxt or "a")[:1].isalnum())
        else:
            ok[k] = nxt != ":" or not _is_label(w, prev, nxt)
    return ok, glue


def _runs(state: Analysis, idxs: Sequence[int], words: list[str], ok: list[bool],
          glue: list[bool]) -> list[Name]:
    """Runs of name tokens, joined across particles and connectors, trimmed into names."""
    toks = state.toks
    text = state.text
    m = len(idxs)
    out: list[Name] = []
    done = 0
    for k in list(compress(range(m), map(or_, ok, map(LEADING_PARTICLES.__contains__, words)))):
        if k < done:
            continue
        if not ok[k]:
            # a leading particle: "de Gaulle", "van Gogh", "bin Laden" (not after a name)
            if not (words[k] in LEADING_PARTICLES and k + 1 < m and ok[k + 1]
                    and (k == 0 or not ok[k - 1])
                    and adjacent(toks, idxs[k], idxs[k + 1], text)):
                continue
        run = [k]
        j = k + 1
        while j < m:
            prev_i = idxs[run[-1]]
            cur_i = idxs[j]
            if not adjacent(toks, prev_i, cur_i, text):
                break
            if ok[j]:
                if not (glue[j] or glue[run[-1]]) and _breaks(
                        words[run[-1]], words[j], words[j + 1] if j + 1 < m else None):
                    break
                if len(run) >= 2 and j + 1 < m and ok[j + 1] and country_ends(
                        [words[r] for r in run], words[j]):
                    break  # "the United States Hamdullah Mohib": a country, then a person
                run.append(j)
                j += 1
                continue
            # particles and connectors, if a name follows
            w = words[j]
            step = 0
            if w in NAME_PARTICLES:
                step = 1
                while j + step < m and words[j + step] in NAME_PARTICLES and step < 3:
                    step += 1
            elif w in CONNECTORS and head_word(words[run[-1]]):
                step = 1
                if j + 1 < m and words[j + 1] == "the":
                    step = 2
            elif w == "and" and and_joins(words, ok, run[-1], j):
                step = 1  # "Securities and Exchange Commission", "Health and Human Services"
            elif w in _POSSESSIVE and j + 1 < m and words[j + 1] in ORG_WORDS:
                step = 1  # "New People's Party", "People's Liberation Army"
            if step and j + step < m and ok[j + step] and all(
                    adjacent(toks, idxs[j + q - 1], idxs[j + q], text)
                    for q in range(1, step + 1)):
                if words[j + step] in _DATES:
                    break
                run.extend(range(j, j + step + 1))
                j += step + 1
                continue
            break
        done = j
        out.extend(_finish(state, [idxs[r] for r in run]))
    return out



def _nationality(state: Analysis, idxs: Sequence[int], k: int, dem: int, words: list[str],
                 shaped: list[bool], ok: list[bool]) -> None:
    """A nationality word at ``k`` (``dem`` tokens): part of a name when a noun ("the
    Afghans") or inside an organisation's name ("Libyan National Army", "Association of
    British Insurers"); recorded in ``state.nationalities`` either way."""
    toks = state.toks
    m = len(idxs)
    noun = _noun_use(toks, idxs, k, dem)
    nxt_cap = k + dem < m and shaped[k + dem] and words[k + dem] not in PERSON_TITLES
    keep = noun or (nxt_cap and not demonym(words[k]) and not state.unreliable[idxs[k]])
    if nxt_cap and not keep:
        # "Libyan National Army", "Saudi Gazette": part of an organisation's name
        q = k + dem
        while q < m and shaped[q] and q < k + dem + 4:
            if words[q] in ORG_WORDS:
                keep = True
                break
            q += 1
    if nxt_cap and not keep and k >= 2 and words[k - 1] in CONNECTORS and ok[
            k - 2] and head_word(words[k - 2]):
        keep = True  # "Association of British Insurers"
    for q in range(k, k + dem):
        ok[q] = keep
    state.nationalities.append((toks[idxs[k]].start, toks[idxs[k + dem - 1]].end,
                                toks[idxs[k]].sentence,
                                demonym(" ".join(words[k:k + dem])) or "", keep))


def adjacent(toks: Sequence[Token], a: int, b: int, text: str = "") -> bool:
    """Tokens ``a`` and ``b`` touch or are separated by spaces on one line."""
    gap = toks[b].start - toks[a].end
    if gap == 0:
        return True
    if gap > 3 or not text:
        return gap == 1
    between = text[toks[a].end:toks[b].start]
    return between.isspace() and "\n" not in between and "\r" not in between


def _breaks(prev: str, cur: str, nxt: str | None) -> bool:
    """Two adjacent capitalised tokens that are nevertheless separate names."""
    if cur in DAYS or prev in DAYS:
        return True
    if cur in MONTHS:
        return bool(nxt and nxt[:1].isdigit()) or prev in MONTHS
    if prev in MONTHS:
        return True
    return False


def _finish(state: Analysis, run: list[int]) -> list[Name]:
    """Trim a run of tokens into a name (or nothing)."""
    toks = state.toks
    forms = [toks[i].text for i in run]
    # Leading articles and trailing particles/connectors go.
    while run and (forms[0] in ("The", "A", "An") or forms[0] in CONNECTORS):
        run, forms = run[1:], forms[1:]
    while run and (forms[-1] in NAME_PARTICLES or forms[-1] in CONNECTORS
                   or forms[-1] in ("the", "and", "or", "New", "Old")):
        run, forms = run[:-1], forms[:-1]  # not "Ottawa New" of "Ottawa New Democrat MP"
    if not run:
        return []
    start, end = toks[run[0]].start, toks[run[-1]].end
    # Hyphenated words: keep the name part ("Tripoli-based" -> "Tripoli", "pro-Beijing" ->
    # "Beijing", "mid-September" -> "September"); keep "al-Shariah", "Chung-tai".
    first, last = forms[0], forms[-1]
    if "-" in first:
        head, _, tail = first.partition("-")
        if head.lower() in HYPHEN_PREFIXES and tail[:1].isupper():
            if len(run) > 1:  # "pro-Beijing DAB": the adjective is no part of the name
                return _finish(state, run[1:])
            start += len(head) + 1
    if "-" in last:
        head, _, tail = last.rpartition("-")
        if len(head.replace(".", "")) < 2 and tail[:1].islower():  # "T-shirt", "X-ray"
            return _finish(state, run[:-1]) if len(run) > 1 else []  # "NASA T-shirt": NASA
        if tail[:1].islower() and (tail in _COMPOUND_TAILS or (
                tail.endswith(("ed", "ing")) and zipf(tail) >= 3.5)):
            end -= len(tail) + 1
    if end <= start:
        return []
    if start != toks[run[0]].start or end != toks[run[-1]].end:
        forms = _split_forms(state, start, end, run)
    if not forms or not any(map(is_word, forms)):
        return []
    name = Name(start, end, toks[run[0]].sentence, run[0], run[-1], forms)
    name.date = len(forms) == 1 and (forms[0] in DAYS or forms[0] in MONTHS)
    t = 0
    while t < len(forms) - 1 and forms[t] in PERSON_TITLES:
        t += 1
    name.title_words = t
    return [name]


def _split_forms(state: Analysis, start: int, end: int, run: list[int]) -> list[str]:
    out = []
    for i in run:
        t = state.toks[i]
        s, e = max(t.start, start), min(t.end, end)
        if s < e:
            out.append(state.text[s:e])
    return out


def name_spans(text: str, *, dates: bool = True, titles: bool = True) -> list[tuple[int, int]]:
    """Character spans of the names of people, places and organisations in ``text``.

    Spans are in order, never overlap and never cross a sentence boundary; a possessive
    "'s" and a leading "The" are outside them. Titles before a name are inside ("Gen.
    Khalifa Haftar"), or outside with ``titles=False`` ("Khalifa Haftar"). Days and months
    are names of their own, left out with ``dates=False``.

    >>> text = "Among the factions is Ansar al-Shariah, the group the U.S. blamed on Sept. 11."
    >>> [text[s:e] for s, e in name_spans(text)]
    ['Ansar al-Shariah', 'U.S.', 'Sept.']
    >>> [text[s:e] for s, e in name_spans(text, dates=False)]
    ['Ansar al-Shariah', 'U.S.']
    >>> text = "Osama bin Laden admired the Bank of England, said The Associated Press."
    >>> [text[s:e] for s, e in name_spans(text)]
    ['Osama bin Laden', 'Bank of England', 'Associated Press']
    >>> text = "Gen. Khalifa Haftar met President Barack Obama."
    >>> [text[s:e] for s, e in name_spans(text, titles=False)]
    ['Khalifa Haftar', 'Barack Obama']
    """
    state = analyse(text)
    out = []
    for n in state.names:
        if n.date and not dates:
            continue
        start = n.start
        if n.title_words and not titles:
            start = state.toks[n.first + n.title_words].start
        out.append((start, n.end))
    return out

"""Sentences and words of English text, with character offsets into the original text.

Every splitter here returns *spans*: ``(start, end)`` pairs such that ``text[start:end]`` is
the sentence or the word, in order, never overlapping, never empty. Nothing is lost: every
non-space character of the text lies in exactly one sentence and in exactly one word, and
no word crosses a sentence boundary (sentences only end in whitespace). A concordance line
or a sentiment explanation can therefore always point back at the exact text.

>>> text = "Islamist militias took Libya's second city. The U.S. ambassador wasn't there."
>>> [text[s:e] for s, e in sentence_spans(text)]
["Islamist militias took Libya's second city.", "The U.S. ambassador wasn't there."]
>>> [text[s:e] for s, e in word_spans(text)][:8]
['Islamist', 'militias', 'took', 'Libya', "'s", 'second', 'city', '.']

Conventions (Penn Treebank, as in the Universal Dependencies English treebanks):

* Possessives and contractions are split: ``Libya's`` -> ``Libya`` ``'s``; ``don't`` ->
  ``do`` ``n't``; ``can't`` -> ``ca`` ``n't``; ``they're`` -> ``they`` ``'re``; straight (')
  and curly (’) apostrophes alike. Other inner apostrophes stay (``O'Brien``).
* Hyphenated words stay whole (``al-Shariah``, ``14-year-old``, ``e-mail``), as do numbers
  with separators (``10,000``, ``4.5``, ``22:30``), ordinals and mixed forms (``20th``,
  ``1960s``, ``6:00am``), slashed pairs (``and/or``), URLs, e-mail addresses, hashtags,
  @handles, common emoticons (``:-)``) and HTML entities left in web text (``&amp;``).
* ``%`` and currency signs are their own tokens (``4.5%`` -> ``4.5`` ``%``; ``$5`` -> ``$``
  ``5``), as in both the Penn Treebank and UD English; a currency code glued to ``$`` stays
  one token (``US$``).
* Punctuation is split off, except runs that form one mark: the ellipsis ``...`` (or ``…``),
  ``--``, ``?!``.
* Abbreviations keep their period (``Sept.``, ``Mr.``, ``U.S.``, ``a.m.``, initials ``J.``);
  after an ordinary word the sentence-final period is a token of its own. An abbreviation
  that ends a sentence keeps its period and no extra period token is made (offsets cannot
  use a character twice).

Sentences end at ``.``, ``!``, ``?`` or an ellipsis followed by whitespace (closing quotes
and brackets belong to the sentence they close), unless the period belongs to a known
abbreviation, an initial or a dotted acronym that is *not* followed by a word that usually
starts sentences ("the U.S. The President" splits, "the U.S. President" does not), or the
next word starts with a lower-case letter. A line break always ends a sentence (one line is
one paragraph, headline or list item; the seeds and most extracted web text look like
this); for text hard-wrapped at a fixed width pass ``hard_wrapped=True`` and only blank
lines, not single line breaks, end sentences.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, count, repeat
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "ABBREVIATIONS",
    "STOPWORDS",
    "TITLES",
    "Token",
    "is_number",
    "is_punct",
    "normalise",
    "sentence_spans",
    "sentences",
    "stem",
    "tokens",
    "word_spans",
    "words",
]

# --------------------------------------------------------------------------------------
# Abbreviations (general English conventions; case-sensitive).

#: Titles and ranks written before a name: a period after them never ends a sentence.
TITLES: frozenset[str] = frozenset(
    """Mr Mrs Ms Messrs Mmes Mx Dr Drs Prof Profs Gen Lt Col Maj Capt Cmdr Cdr Sgt Cpl Pvt Adm
    Brig Gov Sen Sens Rep Reps Rev Hon Pres Supt Insp Det Atty Fr Mt Ft Sta Ste Msgr Amb""".split()
)

#: Abbreviations that keep their period (a token such as ``Sept.``). After them a sentence
#: ends only when the next word is one that usually starts a sentence (``The``, ``He``, ...).
#: Words that are also ordinary words (``Mass.``, ``Ill.``, ``Wash.``) are left out on
#: purpose. Dotted acronyms (``U.S.``, ``e.g.``) and single capital letters (initials) are
#: recognised by their shape and need no entry here.
ABBREVIATIONS: frozenset[str] = TITLES | frozenset(
    """Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat
    Jr Sr St Inc Corp Ltd Co Cos Bros Assn Dept Univ Ave Blvd Rd Hwy Pl Sq
    Ala Ariz Ark Calif Colo Conn Fla Ga Kan Kans Ky Md Mich Minn Mont Neb Nev Okla Ore Tenn
    Tex Va Vt Wis Wyo
    etc vs cf al approx est dept govt esp ca viz incl ft lb lbs oz yd
    No Nos no nos Fig Figs fig Vol Vols vol Art Sec Ch Pt Op pp""".split()
)

# Abbreviations that precede a number ("No. 5", "p. 12"): they keep their period only there.
_NUMBER_PREFIXES = frozenset(
    "No Nos no nos Fig Figs fig Vol Vols vol Art Sec Ch Pt Op p pp".split()
)


def _lookbehinds(names: Iterable[str], suffix: str = r"\.") -> str:
    """Look-behinds for ``names`` + ``suffix``, grouped by length (they must be fixed-width)."""
    by_len: dict[int, list[str]] = {}
    for name in sorted(set(names)):
        by_len.setdefault(len(name), []).append(re.escape(name))
    return "|".join(
        rf"(?<=\b(?:{'|'.join(group)}){suffix})" for _, group in sorted(by_len.items())
    )


# --------------------------------------------------------------------------------------
# Word tokenisation: one precompiled regex, alternatives tried in order at each position.
# Every variable-length part is either possessive (no backtracking) or bounded, so the
# time is linear in the text even for a megabyte without a space or of one character.

_APOS = "'\u2019"
# Combining marks and the soft hyphen continue a word (decomposed accents: "Ge\u0301rald").
_MARKS = "\u00ad\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_NT = rf"[nN][{_APOS}][tT](?!\w)"  # the n't of don't, can't, isn't
# A run of word characters that stops before the n of n't.
_RUN = rf"(?:[^\WnN]++|[nN](?![{_APOS}][tT](?!\w))|[{_MARKS}]++)++"
_CLITIC_BODY = "(?:[sSdDmM]|[rR][eE]|[vV][eE]|[lL][lL])"
# What may join two runs into one word: hyphen, a non-clitic apostrophe (O'Brien), a
# period before lower case or a digit (Gawker.com, v1.2), / and & (and/or, AT&T), ':' and
# ',' between digits (22:30, 10,000), '@' before a domain (e-mail addresses).
_JOIN = (
    rf"(?:-|[{_APOS}](?!(?:{_CLITIC_BODY}|[tT])(?!\w))|\.(?=[a-z0-9])|[/&]"
    rf"|(?<=\d)(?::|,(?=\d{{3}}(?!\d)))(?=\d)|@(?=[\w-]{{1,63}}\.[A-Za-z]))"
)
# The period of an abbreviation, tested only where a period follows the word.
_ABBR_PERIOD = (
    rf"(?:\.(?:(?:{_lookbehinds(ABBREVIATIONS - _NUMBER_PREFIXES)}|(?<=\b[A-HJ-Z]\.))(?!\.)"
    rf"|(?:{_lookbehinds(_NUMBER_PREFIXES)})(?=[ \t]?\d)))"
)
# Each alternative starts with its cheapest test (a literal or a character class) and only
# then looks around, because every alternative is tried at every token start. The first
# alternatives are fast paths for the commonest tokens, letters followed by a space, comma
# or semicolon, and common punctuation: no later alternative could match anything else
# there (about 40% faster).
_WORD_RE = re.compile(
    rf"""
    [^\W\d_]++(?=[\s,;])                          # fast path: letters then space , ;
  | \.++ | [,"()]                                # fast path: period or ellipsis, , " ( )
  | (?:https?://|ftp://|www\d{{0,3}}\.)          # URL, minus trailing punctuation
        [^\s<>"\u201c\u201d\u00ab\u00bb]*[^\s<>"\u201c\u201d\u00ab\u00bb.,;:!?'\u2019)\]}}]
  | [#@](?<!\w.)\w++                            # hashtag, @handle, #2
  | [:;=<^](?<!\S.)                             # emoticon
        (?:(?<=[:;=])[-'^o]?[)(\]\[DPpO3/\\|*]++|(?<=<)3++|(?<=\^)_*+\^)(?![^\s.,!?;])
  | [^\W\d_]\.[^\W\d_](?:\.[^\W\d_])*+\.?+(?!\w)   # dotted acronym: U.S., e.g., a.m.
  | [A-Z][a-z]?+\.(?:[A-Z][a-z]?+\.)++           # degree: Ph.D., B.Sc.
  | [A-Z]{{1,3}}\$(?=[ \t]?\d)                   # currency code glued to $: US$
  | [a-zA-Z0-9]\)(?:(?<![^\n].\))|(?<=[.:;!?][ \t].\)))(?=[ \t])  # list marker a) 1)
  | {_NT}                                        # n't
  | [{_APOS}](?:(?<=\w.){_CLITIC_BODY}|\d\ds(?<!\w.{{4}}))(?!\w)  # 's 're 've 'll 'd 'm '90s
  | {_RUN}(?:{_JOIN}{_RUN})*+{_ABBR_PERIOD}?     # word, number, abbreviation
  | -{{2,}}+|[!?]{{2,}}+|\u2026++                 # multi-character punctuation
  | &(?:[a-zA-Z]{{2,8}}|\#[0-9]{{1,7}}|\#x[0-9a-fA-F]{{1,6}});  # HTML entity: &amp;
  | \S[{_MARKS}]*+                               # any other single character
    """,
    re.VERBOSE,
)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Word tokens of ``text`` as ``(start, end)`` character offsets (Penn Treebank style).

    >>> text = "Ansar al-Shariah attacked on Sept. 11, 2012, killing the U.S. envoy."
    >>> [text[s:e] for s, e in word_spans(text)]  # doctest: +NORMALIZE_WHITESPACE
    ['Ansar', 'al-Shariah', 'attacked', 'on', 'Sept.', '11', ',', '2012', ',', 'killing',
     'the', 'U.S.', 'envoy', '.']
    >>> text = "Thursday’s news: they're sure it can't rise 4.5% (to 10,000)..."
    >>> [text[s:e] for s, e in word_spans(text)]  # doctest: +NORMALIZE_WHITESPACE
    ['Thursday', '’s', 'news', ':', 'they', "'re", 'sure', 'it', 'ca', "n't", 'rise',
     '4.5', '%', '(', 'to', '10,000', ')', '...']
    """
    return [m.span() for m in _WORD_RE.finditer(text)]


def words(text: str) -> list[str]:
    """The word tokens of ``text`` as strings.

    >>> words("Don't panic — e-mail me@example.com :-)")
    ['Do', "n't", 'panic', '—', 'e-mail', 'me@example.com', ':-)']
    """
    return _WORD_RE.findall(text)


# --------------------------------------------------------------------------------------
# Sentence splitting: candidate ends found by one regex, each decided by a few rules.

_LINE_BREAK = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() breaks at
_CLOSERS = "\"'\u2019\u201d\u00bb\u203a)\\]}"
_OPENERS = "\"'\u2018\u201c\u00ab\u2039([{\u00bf\u00a1*\u2022-"
# A candidate end: a run of terminators with any closing quotes and brackets, followed by
# whitespace or the end of the text; or a line break (\r\n as one). The pattern starts with
# a single character class so that the regex engine skips quickly from one to the next.
_CANDIDATE_RE = re.compile(
    rf"[.!?\u2026{_LINE_BREAK}]"
    rf"(?:(?<=[.!?\u2026])(?<![.!?\u2026].)[.!?\u2026]*+[{_CLOSERS}]*+(?=\s|\Z)"
    rf"|(?<=\r)\n?|(?<=[{_LINE_BREAK}]))"
)
_BREAK = rf"(?:\r\n|[{_LINE_BREAK}])"
_BLANK_LINE_RE = re.compile(rf"{_BREAK}[^\S{_LINE_BREAK}]*+{_BREAK}")
_NEXT_RE = re.compile(r"\s*+(\S{0,40})")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_ACRONYM_RE = re.compile(r"[^\W\d_](?:\.[^\W\d_])+|[A-Z][a-z]?(?:\.[A-Z][a-z]?)+")
_LIST_NUMBER_RE = re.compile(r"(?:\d{1,3}|[ivxIVX]{1,4}|[a-zA-Z])")


def _load_wordcloud_stopwords() -> frozenset[str]:
    # Read the list the way wordcloud does (its ``stopwords`` file), without importing
    # wordcloud itself, which pulls in matplotlib and PIL (~0.3 s).
    spec = importlib.util.find_spec("wordcloud")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the 'wordcloud' package (a declared dependency) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "stopwords"
    with path.open(encoding="utf-8") as f:
        return frozenset(line.strip() for line in f)


_WORDCLOUD_STOPWORDS = _load_wordcloud_stopwords()
# Capitalised function words usually start a sentence: after an abbreviation ("U.S.") a
# following "The", "He", "In", ... means the abbreviation also ended the sentence.
_STARTERS = frozenset(
    w.capitalize() for w in _WORDCLOUD_STOPWORDS if w.isalpha() and (len(w) > 1 or w in "ai")
) | frozenset(w.upper() for w in _WORDCLOUD_STOPWORDS if w.isalpha() and len(w) > 1)


def _ends_sentence(text: str, start: int, end: int, term: str, closers: str) -> bool:
    """Whether the terminator ``term`` at ``text[start:]`` (with closers) ends a sentence."""
    nxt = _NEXT_RE.match(text, end).group(1)
    if not nxt:
        return True
    core = nxt.lstrip(_OPENERS) if nxt[0] in _OPENERS else nxt
    first = core[:1] or nxt[0]
    if first.islower():
        return False  # "U.S. officials", '"Why?" he asked', "etc. and"
    if term != "." and ("?" in term or "!" in term):
        return True
    # The word before the terminator, without opening quotes or brackets.
    before = text[start - 40 if start > 40 else 0:start]
    raw = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    prev = raw.lstrip(_OPENERS) if raw[:1] in _OPENERS else raw
    if term != ".":  # an ellipsis: ends a sentence before a capital, unless it starts one
        return first.isupper() and bool(prev.rstrip(_CLOSERS + ".\u2026"))
    if closers or not prev:
        return True  # 'he said." Then', "(see below.) Then"
    if prev in TITLES:
        return False
    if len(prev) <= 4 and _LIST_NUMBER_RE.fullmatch(prev):
        # "1." or "iv." alone at the start of a line numbers a list item.
        i = start - len(raw)
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        if i == 0 or text[i - 1] in _LINE_BREAK:
            return False
    if first.isdigit() and prev in _NUMBER_PREFIXES:
        return False  # "p. 12", "No. 5"
    if not (
        prev in ABBREVIATIONS
        or (len(prev) == 1 and prev.isupper() and prev != "I")
        or _ACRONYM_RE.fullmatch(prev) is not None
    ):
        return True  # an ordinary word: "in Benghazi. The"
    if not first.isalpha():
        return False  # "Sept. 11", "Inc. —"
    word = _LETTERS_RE.match(core)
    if word is None:
        return False
    w = word.group()
    if len(w) == 1 and core[1:2] == ".":
        return False  # another initial: "J. R. R. Tolkien"
    return w in _STARTERS  # "the U.S. The President" ends; "the U.S. President" does not


def sentence_spans(text: str, *, hard_wrapped: bool = False) -> list[tuple[int, int]]:
    """Sentences of ``text`` as ``(start, end)`` offsets, trimmed of surrounding whitespace.

    A line break ends a sentence (a headline, a list item, a one-line paragraph); with
    ``hard_wrapped=True`` single line breaks are read as spaces and only blank lines do.

    >>> text = 'Gen. Haftar spoke at 5 p.m. on Sept. 11. "We won," he said.\\nError\\nSorry.'
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Gen. Haftar spoke at 5 p.m. on Sept. 11.', '"We won," he said.', 'Error', 'Sorry.']
    >>> text = "Prices rose 4.5 per cent in the U.S. The euro...\\nfell"
    >>> [text[s:e] for s, e in sentence_spans(text, hard_wrapped=True)]
    ['Prices rose 4.5 per cent in the U.S.', 'The euro...\\nfell']
    """
    cuts: list[int] = []
    for m in _CANDIDATE_RE.finditer(text):
        start, end = m.span()
        if text[start] in _LINE_BREAK:
            if not hard_wrapped:
                cuts.append(end)
            continue
        found = m.group()
        term = found.rstrip(_CLOSERS)
        if _ends_sentence(text, start, end, term, found[len(term):]):
            cuts.append(end)
    if hard_wrapped:
        cuts.extend(m.start() for m in _BLANK_LINE_RE.finditer(text))
        cuts.sort()
    cuts.append(len(text))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        if cut <= start:
            continue
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            s = start + len(piece) - len(piece.lstrip())
            spans.append((s, s + len(stripped)))
        start = cut
    return spans


def sentences(text: str, *, hard_wrapped: bool = False) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`).

    >>> sentences("Dr. Smith left at 4.30 p.m. He was alone... Why?")
    ['Dr. Smith left at 4.30 p.m.', 'He was alone...', 'Why?']
    """
    return [text[s:e] for s, e in sentence_spans(text, hard_wrapped=hard_wrapped)]


class Token(NamedTuple):
    """One word token: its text, offsets, sentence number and position in the text."""

    text: str
    start: int
    end: int
    sentence: int  # index of the sentence (0-based) in sentence_spans(text)
    index: int  # position of the token in the whole text (0-based)


def tokens(text: str, *, hard_wrapped: bool = False) -> list[Token]:
    """Word tokens with offsets and the sentence each belongs to.

    >>> for t in tokens("Hello, world. Bye!"):
    ...     print(t)  # doctest: +NORMALIZE_WHITESPACE
    Token(text='Hello', start=0, end=5, sentence=0, index=0)
    Token(text=',', start=5, end=6, sentence=0, index=1)
    Token(text='world', start=7, end=12, sentence=0, index=2)
    Token(text='.', start=12, end=13, sentence=0, index=3)
    Token(text='Bye', start=14, end=17, sentence=1, index=4)
    Token(text='!', start=17, end=18, sentence=1, index=5)
    """
    matches = list(_WORD_RE.finditer(text))
    starts = list(map(re.Match.start, matches))
    # Tokens per sentence by bisection (sentences are few), then everything at C speed.
    counts = []
    done = 0
    for _, end in sentence_spans(text, hard_wrapped=hard_wrapped):
        upto = bisect_left(starts, end, done)
        counts.append(upto - done)
        done = upto
    sentence_of = chain.from_iterable(map(repeat, range(len(counts)), counts))
    rows = zip(map(re.Match.group, matches), starts, map(re.Match.end, matches), sentence_of,
               count())
    return list(map(tuple.__new__, repeat(Token), rows))


# --------------------------------------------------------------------------------------
# Normalising: lower case, punctuation, numbers, stopwords, stems.

_NUMBER_RE = re.compile(r"[-+\u2212]?(?:\d+(?:[.,:/]\d+)*|[.,]\d+)")


def is_punct(token: str) -> bool:
    """True for a non-empty token with no letter or digit (``,``, ``"``, ``—``, ``...``, ``%``).

    >>> [is_punct(t) for t in [",", "...", "—", "%", ":-)", "'s", "U.S.", "#2", ""]]
    [True, True, True, True, True, False, False, False, False]
    """
    return bool(token) and not any(c.isalnum() for c in token)


def is_number(token: str) -> bool:
    """True for a numeral written in digits (``2012``, ``10,000``, ``4.5``, ``22:30``, ``3/4``).

    Ordinals and mixed forms (``20th``, ``1960s``) and number words are not numbers here.

    >>> [is_number(t) for t in ["2012", "10,000", "4.5", "-3", "22:30", "20th", "five", "."]]
    [True, True, True, True, True, False, False, False]
    """
    return _NUMBER_RE.fullmatch(token) is not None


def _clitic_pieces(words_: Iterable[str]) -> frozenset[str]:
    pieces: set[str] = set()
    for w in words_:
        if "'" in w:
            for s, e in word_spans(w):
                pieces.add(w[s:e])
    pieces |= {p.replace("'", "\u2019") for p in pieces}
    return frozenset(pieces)


#: English stopwords: wordcloud's ``STOPWORDS`` (192 classic function words, among them
#: contractions such as "don't" and "they're"), plus the pieces our Penn Treebank
#: tokeniser makes of those contractions ("do", "n't", "ca", "wo", "sha", "let", "must",
#: "'s", "'re", "'ll", "'ve", "'d", "'m"), with straight and curly apostrophes: the
#: contraction "don't" never appears as one token, so without its pieces the list would
#: miss it. Lower case; compare with ``normalise(..., lower=True)``.
STOPWORDS: frozenset[str] = _WORDCLOUD_STOPWORDS | _clitic_pieces(_WORDCLOUD_STOPWORDS)


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer  # data-free; imported only when asked

    return SnowballStemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


def stem(word: str) -> str:
    """The Snowball (Porter 2) English stem of ``word`` (lower-cased by the stemmer).

    >>> [stem(w) for w in ["militias", "claimed", "running", "Libya"]]
    ['militia', 'claim', 'run', 'libya']
    """
    return _stem(word)


def normalise(
    words: Iterable[str],
    *,
    lower: bool = True,
    fold_apostrophes: bool = True,
    drop_punct: bool = True,
    drop_numbers: bool = False,
    drop_stopwords: bool = False,
    stem: bool = False,
) -> list[str]:
    """Normalise word tokens for counting; every step optional and off or on by keyword.

    Steps, in order: ``lower`` lower-cases; ``fold_apostrophes`` writes the curly
    apostrophe (’) as a straight one so "Thursday’s" and "Thursday's" count alike;
    ``drop_punct`` drops tokens with no letter or digit (:func:`is_punct`);
    ``drop_numbers`` drops numerals in digits (:func:`is_number`); ``drop_stopwords``
    drops :data:`STOPWORDS` (compared case-insensitively); ``stem`` replaces each word by
    its Snowball stem (which is lower case).

    >>> toks = words("The militia’s 2 victories weren't decisive.")
    >>> normalise(toks)
    ['the', 'militia', "'s", '2', 'victories', 'were', "n't", 'decisive']
    >>> normalise(toks, drop_stopwords=True, drop_numbers=True)
    ['militia', 'victories', 'decisive']
    >>> normalise(toks, lower=False, fold_apostrophes=False, drop_punct=False, stem=True)
    ['the', 'militia', '’s', '2', 'victori', 'were', "n't", 'decis', '.']
    """
    out: list[str] = []
    for w in words:
        if fold_apostrophes and "\u2019" in w:
            w = w.replace("\u2019", "'")
        if lower:
            w = w.lower()
        if drop_punct and is_punct(w):
            continue
        if drop_numbers and is_number(w):
            continue
        if drop_stopwords and (w if lower else w.lower()) in STOPWORDS:
            continue
        if stem:
            w = _stem(w)
        out.append(w)
    return out

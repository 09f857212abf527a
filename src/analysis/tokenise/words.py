"""Word tokens as character spans (Penn Treebank conventions), by one precompiled regex."""

from __future__ import annotations

import re

from analysis.tokenise.lexicon import ABBREVIATIONS, NUMBER_PREFIXES, lookbehinds

__all__ = ["word_spans", "words"]

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
    rf"(?:\.(?:(?:{lookbehinds(ABBREVIATIONS - NUMBER_PREFIXES)}|(?<=\b[A-HJ-Z]\.))(?!\.)"
    rf"|(?:{lookbehinds(NUMBER_PREFIXES)})(?=[ \t]?\d)))"
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
  | [{_APOS}](?:(?:(?<=\w.)|(?<=\w\..)){_CLITIC_BODY}|\d\ds(?<!\w.{{4}}))(?!\w)  # 's 're '90s
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



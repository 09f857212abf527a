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
  and curly (’) apostrophes alike, after abbreviations too (``U.S.'s`` -> ``U.S.`` ``'s``).
  Other inner apostrophes stay (``O'Brien``).
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
next word starts with a lower-case letter. Abbreviations that close a clause (``a.m.``,
``p.m.``, months, weekdays, ``etc.``) end a sentence before any capitalised word but a
weekday, month or time zone ("at 3 p.m. Later ..." splits, "at 3 p.m. Tuesday" does not); a
capital letter after a noun such as "vitamin" or "Plan" is a word, not an initial. A run of
dots reads the same with spaces inside or before it (``. . .``, ``paused ...``), and a
sentence is never end marks alone. A picture or source credit inside a line starts a
sentence ("... on Sunday Photo: Reuters").

A line break always ends a sentence (one line is one paragraph, headline or list item; the
seeds and most extracted web text look like this). For text hard-wrapped at a fixed width
pass ``hard_wrapped=True``: single line breaks then read as spaces, except before a list item
(``-``, ``*``, ``•``, ``1.``, ``a)``) and after a line the next word would have fitted on (a
headline, a byline: a wrapped line only breaks where the next word does not fit).

Comparing words: :func:`fold` writes every apostrophe variant ' and every double quote "
(same length, so offsets hold); every function of the package that compares words folds
first. :func:`normalise` lower-cases, folds, drops punctuation, numbers or :data:`STOPWORDS`
as asked, and gives Snowball stems (:func:`stem`) or dictionary lemmas (:func:`lemma`,
simplemma: "fled" -> "flee", "cities" -> "city").
"""

from analysis.tokenise.fold import fold
from analysis.tokenise.lemmas import lemma
from analysis.tokenise.lexicon import ABBREVIATIONS, TITLES
from analysis.tokenise.normalise import STOPWORDS, is_number, is_punct, normalise, stem
from analysis.tokenise.sentences import sentence_spans, sentences
from analysis.tokenise.tokens import Token, tokens
from analysis.tokenise.words import word_spans, words

__all__ = [
    "ABBREVIATIONS",
    "STOPWORDS",
    "TITLES",
    "Token",
    "fold",
    "is_number",
    "is_punct",
    "lemma",
    "normalise",
    "sentence_spans",
    "sentences",
    "stem",
    "tokens",
    "word_spans",
    "words",
]

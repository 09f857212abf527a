"""VADER explained: the records of how each word's score came about, and the trace the scoring
fills in when it is asked to explain.

:mod:`analysis.sentiment.vader` scores exactly as the reference implementation does; when
explaining, it hands its scoring a :class:`Trace` to fill, and :func:`assemble` turns the trace
into an :class:`Explanation` (one :class:`TokenExplanation` per word, with the :class:`Step` of
every rule applied, in VADER's order). Explanations and scores run through the same scoring
code, so they cannot disagree. This module does no scoring and imports nothing of the project:
the scoring module builds on it (use :func:`analysis.sentiment.vader.explain` or
:func:`analysis.sentiment.explain`).

>>> from analysis.sentiment.vader import explanation
>>> e = explanation("The attack was not successful.")
>>> [(t.token, t.role, t.contribution) for t in e.tokens if t.role]
[('attack', 'sentiment', -2.1), ('not', 'negation', 0.0), ('successful', 'sentiment', -2.072)]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported when a table is made
    import pandas as pd

__all__ = [
    "TABLE_COLUMNS",
    "Explanation",
    "Step",
    "TokenExplanation",
    "Trace",
    "assemble",
    "num",
    "offsets",
]


@dataclass(frozen=True)
class Step:
    """One rule applied to a word's valence, in the order VADER applies it.

    ``rule`` names the rule, ``word`` the word that triggered it (None for the word itself),
    ``before``/``after`` the valence around the step, ``note`` a readable description.
    """

    rule: str
    word: str | None
    before: float
    after: float
    note: str


@dataclass(frozen=True)
class TokenExplanation:
    """One of VADER's words: where it is, what the lexicon says, and what the rules did."""

    position: int
    token: str
    start: int | None
    end: int | None
    lexicon: float | None
    role: str
    steps: tuple[Step, ...]
    valence: float  # after the word-level rules, before "but"
    but: float  # the product of the "but" factors applied to this position (1.0 when none)
    contribution: float  # what the word adds to the sum

    @property
    def negated_by(self) -> str | None:
        """The word(s) that negated this one ("not", "no", "least", ...), or None."""
        words = [s.word for s in self.steps if s.rule in _NEGATING_RULES]
        return ", ".join(w or "" for w in words) if words else None


_NEGATING_RULES = ("negation", "negated by no", "least")
TABLE_COLUMNS = ["position", "token", "start", "end", "lexicon", "role", "valence", "but",
                 "contribution", "negated_by", "rules"]


@dataclass(frozen=True)
class Explanation:
    """Everything VADER computed for one text, word by word and for the whole text.

    ``total`` is the sum of the contributions; ``emphasis`` the punctuation emphasis
    (0.292 per "!" up to 4, 0.18 per "?" for 2-3, 0.96 for more) moved away from zero
    (added when ``total`` > 0, subtracted when < 0) to give ``emphasised``; ``compound`` =
    emphasised / sqrt(emphasised**2 + 15), rounded to 4 places. ``pos_sum``/``neg_sum`` are
    the sums of (contribution + 1) over positive and (contribution - 1) over negative words,
    ``neutral`` the count of words contributing 0; the emphasis goes to the larger of
    pos_sum and |neg_sum|; ``pos``, ``neg``, ``neu`` are the shares, rounded to 3 places.

    As in the reference, "!" and "?" are counted after emojis are replaced by their
    descriptions (two of which contain "!": "ON! arrow" and "UP! button").
    """

    text: str
    tokens: tuple[TokenExplanation, ...]
    exclamations: int
    questions: int
    emphasis: float
    total: float
    emphasised: float
    compound_unrounded: float
    pos_sum: float
    neg_sum: float
    neutral: int
    scores: dict[str, float]

    @property
    def compound(self) -> float:
        return self.scores["compound"]

    def document(self) -> dict[str, Any]:
        """The document-level figures as a plain dict."""
        return {
            "exclamations": self.exclamations,
            "questions": self.questions,
            "emphasis": self.emphasis,
            "total": self.total,
            "emphasised": self.emphasised,
            "compound_unrounded": self.compound_unrounded,
            "pos_sum": self.pos_sum,
            "neg_sum": self.neg_sum,
            "neutral": self.neutral,
            **self.scores,
        }

    def table(self, *, scored_only: bool = False) -> pd.DataFrame:
        """One row per VADER word (see :func:`explain`); ``attrs["document"]`` holds
        :meth:`document`. With ``scored_only``, only the words with a lexicon valence."""
        import pandas as pd

        rows = [
            {
                "position": t.position,
                "token": t.token,
                "start": t.start,
                "end": t.end,
                "lexicon": t.lexicon,
                "role": t.role,
                "valence": t.valence,
                "but": t.but,
                "contribution": t.contribution,
                "negated_by": t.negated_by,
                "rules": "; ".join(s.note for s in t.steps),
            }
            for t in self.tokens
        ]
        frame = pd.DataFrame(rows, columns=TABLE_COLUMNS)
        if scored_only:  # keep the index equal to the position
            frame = frame[frame["lexicon"].notna()]
        frame = frame.astype({"start": "Int64", "end": "Int64", "lexicon": "float64",
                              "valence": "float64", "contribution": "float64"})
        frame.attrs["document"] = self.document()
        return frame

    def summary(self) -> pd.DataFrame:
        """The document-level steps as a small table (step, value, how)."""
        import pandas as pd

        sign = "+" if self.total > 0 else "-" if self.total < 0 else "+/-"
        rows = [
            ("sum of contributions", self.total, "sum of the words' contributions"),
            ("punctuation emphasis", self.emphasis,
             f"{self.exclamations} '!' (0.292 each, up to 4), {self.questions} '?' "
             "(0.18 each for 2-3, 0.96 for more; none for 1)"),
            ("emphasised sum", self.emphasised,
             f"sum {sign} emphasis (moved away from zero; nothing added to a zero sum)"),
            ("compound", self.scores["compound"],
             f"x / sqrt(x*x + 15) = {self.compound_unrounded!r}, rounded to 4 places"),
            ("pos", self.scores["pos"], "share of (contribution + 1) over positive words"),
            ("neg", self.scores["neg"], "share of |contribution - 1| over negative words"),
            ("neu", self.scores["neu"], f"share of the {self.neutral} words contributing 0"),
        ]
        return pd.DataFrame(rows, columns=["step", "value", "how"])


class Trace:
    """What the scoring (:func:`analysis.sentiment.vader._score`) records when explaining: the
    tokens, the rules applied to each word, the valences, "but" and the document figures."""

    __slots__ = ("tokens", "text", "steps", "valences", "but_index", "but_count", "final", "doc",
                 "spans")

    def __init__(self) -> None:
        self.tokens: list[str] = []
        self.text = ""
        self.steps: dict[int, list[Step]] = {}
        self.valences: dict[int, float] = {}
        self.but_index: int | None = None
        self.but_count: dict[int, int] = {}
        self.final: dict[int, float] = {}
        self.doc: dict[str, Any] = {}
        self.spans: list[tuple[int, int]] = []  # character offsets of the tokens' words

    def step(self, i: int, rule: str, word: str | None, before: float, after: float,
             note: str) -> None:
        self.steps.setdefault(i, []).append(Step(rule, word, before, after, note))


@lru_cache(maxsize=4096)
def num(x: float) -> str:
    """A valence as the notes write it: rounded to 4 places (memoised: values repeat)."""
    return repr(round(x, 4))


def offsets(original: str, tokens: list[str], emoji_table: dict[int, str], punctuation: str
            ) -> list[tuple[int, int]]:
    """Character offsets in ``original`` of VADER's words (punctuation stripped).

    VADER splits the text after replacing emojis by their descriptions; a word that comes from
    a description gets the offsets of its emoji.
    """
    translated = original.translate(emoji_table)
    if translated == original:  # no emoji: every character is where it was
        origin: range | list[int] = range(len(original))
    else:
        # Rebuild the translated text with, for each of its characters, the original offset.
        origin = []
        pieces: list[str] = []
        for k, ch in enumerate(original):
            rep = emoji_table.get(ord(ch))
            if rep is None:
                pieces.append(ch)
                origin.append(k)
            else:
                pieces.append(rep)
                origin.extend([k] * len(rep))
        translated = "".join(pieces)
    spans = []
    cursor = 0
    for token in tokens:
        start = translated.index(token, cursor)
        assert not translated[cursor:start].strip(), (token, cursor, start)
        cursor = start + len(token)
        stripped = token.strip(punctuation)
        if len(stripped) > 2:
            start += len(token) - len(token.lstrip(punctuation))
            end = start + len(stripped)
        else:
            end = cursor
        spans.append((origin[start], origin[end - 1] + 1))
    return spans


def assemble(text: str, trace: Trace, scores: dict[str, float], words: list[str],
             roles: list[str], lexicons: list[float | None]) -> Explanation:
    """The :class:`Explanation` of ``text`` from the ``trace`` its scoring filled in.

    ``scores`` are the rounded scores; for each of VADER's tokens, ``words`` gives the word as
    VADER sees it, ``roles`` its role and ``lexicons`` its lexicon valence (None for a word
    that was not scored). The "but" factors are replayed from the trace and checked against
    the contributions the scoring summed (``AssertionError`` if they ever disagreed).
    """
    spans = trace.spans
    rows = []
    for i in range(len(trace.tokens)):
        steps: list[Step] = []
        lexicon = lexicons[i]
        valence = 0.0
        if lexicon is not None:
            valence = trace.valences[i]
            steps.append(Step("lexicon", None, lexicon, lexicon, f"lexicon {num(lexicon)}"))
            steps.extend(trace.steps.get(i, ()))
        # "but": the factors the scoring applied to this position, replayed for the record.
        factor = 1.0
        replay = valence
        bi = trace.but_index
        if valence and bi is not None and i != bi:
            m = 0.5 if i < bi else 1.5
            where = "before" if i < bi else "after"
            count = trace.but_count.get(i, 0)
            for _ in range(count):
                before = replay
                replay = replay * m
                factor = factor * m
                steps.append(Step("but", "but", before, replay,
                                  f"{where} 'but' x{m} -> {num(replay)}"))
            if count != 1:
                # The reference looks each value up with list.index(value), so a word whose
                # value equals another's can be weighted twice, or not at all.
                steps.append(Step("but", "but", replay, replay,
                                  f"{where} 'but' applied {count} times (VADER finds words"
                                  " by value: a quirk)"))
        contribution = trace.final.get(i, 0.0)
        if replay != contribution:
            raise AssertionError(f"explanation disagrees with the score at word {i}")
        start, end = spans[i]
        rows.append(TokenExplanation(i, words[i], start, end, lexicon, roles[i], tuple(steps),
                                     valence, factor, contribution))
    d = trace.doc
    return Explanation(
        text=text, tokens=tuple(rows), exclamations=d["ep"], questions=d["qm"],
        emphasis=d["emphasis"], total=d["total"], emphasised=d["emphasised"],
        compound_unrounded=d["compound"], pos_sum=d["pos_sum"], neg_sum=d["neg_sum"],
        neutral=d["neutral"], scores=scores,
    )

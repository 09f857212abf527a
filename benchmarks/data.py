"""Readers for the benchmark data sets kept outside the repository.

The data live in the shared data folder (``../shared/data`` beside the repository, or the
folder named by ``NEWS_ANALYSIS_DATA``); they are read from there and never copied here.

* Universal Dependencies English GUM, news documents (Zeldes 2017; Wikinews texts CC-BY,
  annotations CC BY-NC-SA 4.0): gold sentences, tokens and part-of-speech tags.
* The VADER paper's ground-truth ratings (Hutto and Gilbert, ICWSM 2014; MIT licence).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The shared data folder; a clear error when it is missing."""
    path = Path(os.environ.get("NEWS_ANALYSIS_DATA", REPO.parent / "shared" / "data"))
    if not path.is_dir():
        raise FileNotFoundError(
            f"benchmark data folder not found: {path} "
            "(set NEWS_ANALYSIS_DATA to the folder holding ud_english_gum_news/ and "
            "vader_groundtruth/)"
        )
    return path


@dataclass
class GumToken:
    form: str
    upos: str
    start: int
    end: int
    # The written word this token belongs to: GUM splits hyphenated words into parts
    # ("al", "-", "Amr") and marks the written word with <w>...</w> in MISC.
    word_start: int
    word_end: int


@dataclass
class GumDocument:
    """One GUM document with its raw text rebuilt as the data set's README describes."""

    name: str
    title: str
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[GumToken] = field(default_factory=list)

    @property
    def token_spans(self) -> list[tuple[int, int]]:
        """Gold tokens as UD splits them (hyphenated words in parts)."""
        return [(t.start, t.end) for t in self.tokens]

    @property
    def word_spans(self) -> list[tuple[int, int]]:
        """Gold tokens with GUM's hyphen-split parts of one written word merged back.

        This is the Penn Treebank convention our tokeniser follows ("al-Shariah" is one
        token); everything else (clitics such as "'s" and "n't", punctuation) is as in UD.
        """
        spans: list[tuple[int, int]] = []
        for t in self.tokens:
            span = (t.word_start, t.word_end)
            if not spans or spans[-1] != span:
                spans.append(span)
        return spans


_MISC_SPLIT = re.compile(r"\|")


def _misc(field_: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if field_ == "_":
        return out
    for item in _MISC_SPLIT.split(field_):
        key, _, value = item.partition("=")
        out[key] = value
    return out


def read_conllu(path: Path) -> GumDocument:
    """Parse one CoNLL-U file into a :class:`GumDocument` with exact character offsets."""
    lines = path.read_text(encoding="utf-8").splitlines()
    doc = GumDocument(name=path.stem, title="", text="")
    parts: list[str] = []
    offset = 0
    newpar = False
    sent_text: str | None = None
    sent_start = 0
    cursor = 0  # position inside the current sentence's text
    mwt_end = 0  # last word id covered by a multiword token range
    mwt_span: tuple[int, int] | None = None
    w_open: int | None = None  # start of an open <w> written word
    pending: list[int] = []  # indexes of tokens inside the open <w>

    def locate(form: str) -> tuple[int, int]:
        nonlocal cursor
        assert sent_text is not None
        while cursor < len(sent_text) and sent_text[cursor].isspace():
            cursor += 1
        if not sent_text.startswith(form, cursor):
            raise ValueError(f"{path.name}: token {form!r} not at {cursor} in {sent_text!r}")
        start = cursor
        cursor += len(form)
        return sent_start + start, sent_start + cursor

    for line in lines:
        if line.startswith("# meta::title = "):
            doc.title = line[len("# meta::title = "):]
        elif line.startswith("# newpar") and not line.startswith("# newpar_block"):
            newpar = True
        elif line.startswith("# text = "):
            sent_text = line[len("# text = "):]
            if parts:
                sep = "\n\n" if newpar else " "
                parts.append(sep)
                offset += len(sep)
            sent_start = offset
            parts.append(sent_text)
            offset += len(sent_text)
            doc.sentences.append((sent_start, offset))
            newpar = False
            cursor = 0
            mwt_end = 0
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            wid, form, upos, misc = cols[0], cols[1], cols[3], _misc(cols[9])
            if "." in wid:
                continue  # empty nodes
            if "-" in wid:
                first, last = (int(x) for x in wid.split("-"))
                mwt_end = last
                mwt_span = locate(form)
                mwt_cursor = mwt_span[0]
                continue
            if int(wid) <= mwt_end and mwt_span is not None:
                # a part of a multiword token: its form is a piece of the surface form
                surface = sent_text[mwt_cursor - sent_start: mwt_span[1] - sent_start]
                if surface.lower().startswith(form.lower()):
                    start, end = mwt_cursor, mwt_cursor + len(form)
                else:  # forms that are not substrings ("wo" + "n't"): give the rest
                    start, end = mwt_cursor, mwt_span[1]
                if int(wid) == mwt_end:
                    end = mwt_span[1]
                mwt_cursor = end
            else:
                start, end = locate(form)
            xml = misc.get("XML", "")
            tok = GumToken(form, upos, start, end, start, end)
            doc.tokens.append(tok)
            if "<w>" in xml:
                w_open = start
                pending = [len(doc.tokens) - 1]
            elif w_open is not None:
                pending.append(len(doc.tokens) - 1)
            if "</w>" in xml and w_open is not None:
                for i in pending:
                    doc.tokens[i].word_start = w_open
                    doc.tokens[i].word_end = end
                w_open = None
                pending = []
    doc.text = "".join(parts)
    for t in doc.tokens:
        assert doc.text[t.start:t.end] or t.start == t.end, (path.name, t)
    return doc


def gum_news() -> list[GumDocument]:
    """All GUM news documents in the shared data folder, sorted by name."""
    folder = data_dir() / "ud_english_gum_news"
    return [read_conllu(p) for p in sorted(folder.glob("*.conllu"))]


@dataclass
class RatedText:
    id: str
    rating: float
    text: str


VADER_SETS = {
    "tweets": "tweets_GroundTruth.txt",
    "movie": "movieReviewSnippets_GroundTruth.txt",
    "amazon": "amazonReviewSnippets_GroundTruth.txt",
    "nyt": "nytEditorialSnippets_GroundTruth.txt",
}


def vader_groundtruth(name: str) -> list[RatedText]:
    """One of the four rated sets of the VADER paper (split on the first two tabs)."""
    path = data_dir() / "vader_groundtruth" / VADER_SETS[name]
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            id_, rating, text = line.split("\t", 2)
            out.append(RatedText(id_, float(rating), text))
    return out


# --- project-written data sets (in the repository) ------------------------------------------

HARD_SENTENCES = Path(__file__).resolve().parent / "sentences_hard.txt"
_BOUNDARY = "\u27c2"  # ⟂


@dataclass
class HardCase:
    """One held-back hard case for sentence splitting: its text and gold sentence spans."""

    name: str
    text: str
    sentences: list[tuple[int, int]]
    hard_wrapped: bool = False


def hard_sentences(path: Path = HARD_SENTENCES) -> list[HardCase]:
    """The project's held-back hard cases for sentence splitting (``sentences_hard.txt``).

    Each case is a ``=== name`` line (`` [hard_wrapped]`` after the name for hard-wrapped
    text) followed by its text, in which ``⟂`` marks the end of a sentence; the end of the
    text ends the last one. Gold sentences are the pieces between marks, trimmed of
    whitespace, as ``(start, end)`` offsets into the text without the marks.
    """
    cases: list[HardCase] = []
    name: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if name is None:
            return
        marked = "\n".join(lines)
        hard_wrapped = name.endswith("[hard_wrapped]")
        title = name.removesuffix("[hard_wrapped]").strip()
        text = marked.replace(_BOUNDARY, "")
        spans: list[tuple[int, int]] = []
        start = 0
        for piece in marked.split(_BOUNDARY):
            stripped = piece.strip()
            if not stripped:
                raise ValueError(f"{path.name}: case {title!r} has an empty sentence")
            s = start + len(piece) - len(piece.lstrip())
            spans.append((s, s + len(stripped)))
            start += len(piece)
        cases.append(HardCase(title, text, spans, hard_wrapped))

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("=== "):
            flush()
            name, lines = line[4:].strip(), []
        elif name is None:
            if line.strip() and not line.startswith("#"):
                raise ValueError(f"{path.name}, line {number}: text before the first case")
        else:
            lines.append(line)
    flush()
    return cases


@dataclass
class GumWord:
    """One UD syntactic word of a GUM document with its gold part of speech and lemma."""

    document: str
    form: str
    upos: str
    lemma: str


def gum_lemmas() -> list[GumWord]:
    """Every UD syntactic word (multiword tokens split, empty nodes left out) of the GUM news
    documents, sorted by document name, with its UPOS and LEMMA columns."""
    folder = data_dir() / "ud_english_gum_news"
    out: list[GumWord] = []
    for path in sorted(folder.glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            out.append(GumWord(path.stem, cols[1], cols[3], cols[2]))
    return out

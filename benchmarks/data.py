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


# ---------------------------------------------------------------------------------------
# GUM's entity annotations (MISC ``Entity=``): mentions, types, Wikipedia identities and
# coreference chains.


@dataclass
class GumMention:
    """One entity mention of a GUM document, as GUM's ``Entity=`` annotation marks it.

    ``first``/``last`` index the document's tokens (:attr:`GumDocument.tokens`, inclusive);
    ``start``/``end`` are character offsets into :attr:`GumDocument.text`. ``chain`` is the
    entity's number within the document (mentions with one number form a coreference chain),
    ``etype`` GUM's type (person, place, organization, object, ...), ``identity`` the
    Wikipedia identity where GUM gives one ("" otherwise), ``heads`` the tokens of the
    mention's minimal span (GUM's ``minspan``, document token indexes).
    """

    document: str
    chain: int
    etype: str
    identity: str
    first: int
    last: int
    start: int
    end: int
    heads: tuple[int, ...]
    infstat: str = ""

    def text(self, doc: GumDocument) -> str:
        return doc.text[self.start:self.end]


_ENTITY_ITEM = re.compile(r"\(([^()]+)(\))?|(\d+)\)")


def _word_lines(path: Path):
    """The MISC column of every word line, in the order :func:`read_conllu` keeps tokens."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "." in cols[0] or "-" in cols[0]:
            continue
        yield cols[9]


def read_gum_mentions(path: Path, doc: GumDocument | None = None) -> list[GumMention]:
    """Every entity mention of one GUM CoNLL-U file (``global.Entity = GRP-etype-infstat-
    salience-centering-minspan-link-identity``), sorted by position (outer mention first).

    A mention is opened on its first word as ``(ID-TYPE-...`` and closed on its last as ``ID)``;
    a one-word mention is ``(ID-TYPE-...)``. ``minspan`` numbers the mention's head words from 1
    at its first word. Identities are URL-decoded (``Washington%2C_D.C.`` -> ``Washington,_D.C.``).
    """

    doc = doc or read_conllu(path)
    out: list[GumMention] = []
    open_: dict[int, list[tuple[int, list[str]]]] = {}
    for k, misc in enumerate(_word_lines(path)):
        value = _misc(misc).get("Entity")
        if not value:
            continue
        for m in _ENTITY_ITEM.finditer(value):
            spec, single, close = m.group(1), m.group(2), m.group(3)
            if spec is not None:
                fields = spec.split("-", 7)
                chain = int(fields[0])
                if single:
                    out.append(_gum_mention(doc, chain, fields, k, k))
                else:
                    open_.setdefault(chain, []).append((k, fields))
            else:
                chain = int(close)
                first, fields = open_[chain].pop()
                out.append(_gum_mention(doc, chain, fields, first, k))
    out.sort(key=lambda g: (g.first, -g.last))
    return out


def _gum_mention(doc: GumDocument, chain: int, fields: list[str], first: int,
                 last: int) -> GumMention:
    from urllib.parse import unquote

    heads = tuple(first + int(i) - 1 for i in fields[5].split(",") if i.isdigit())
    identity = unquote(fields[7]) if len(fields) > 7 else ""
    toks = doc.tokens
    return GumMention(doc.name, chain, fields[1], identity, first, last, toks[first].start,
                      toks[last].end, heads, fields[2])


def gum_news_mentions() -> list[tuple[GumDocument, list[GumMention]]]:
    """The GUM news documents (sorted by name) with their entity mentions."""
    folder = data_dir() / "ud_english_gum_news"
    out = []
    for p in sorted(folder.glob("*.conllu")):
        doc = read_conllu(p)
        out.append((doc, read_gum_mentions(p, doc)))
    return out


# ---------------------------------------------------------------------------------------
# PolNeAR: attributions (source, cue, content) in political news.

Spans = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    """One annotated attribution: its ``source``, ``cue`` and ``content`` as character spans
    (brat allows a span in several fragments; a missing part is empty) and their texts."""

    source: Spans
    cue: Spans
    content: Spans
    source_text: str
    cue_text: str
    content_text: str


@dataclass
class PolnearArticle:
    name: str
    compartment: str
    publisher: str
    date: str
    title: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def _brat_spans(field_: str) -> Spans:
    return tuple(tuple(int(x) for x in frag.split()) for frag in field_.split(";"))  # type: ignore[misc]


def read_brat(path: Path, text: str) -> list[GoldAttribution]:
    """The attributions of one PolNeAR ``.ann`` file (brat standoff): ``T`` lines are spans,
    ``E`` lines join one attribution's Source, Cue and Content."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            spans[parts[0]] = (label, _brat_spans(where))
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles[role] = ref
            events.append(roles)
    out = []
    for roles in events:
        got = {}
        for role in ("Source", "Cue", "Content"):
            ref = roles.get(role)
            got[role] = spans[ref][1] if ref in spans else ()
        if not got["Content"] or not got["Cue"]:
            continue

        def words(s: Spans) -> str:
            return " ".join(text[a:b] for a, b in s)

        out.append(GoldAttribution(got["Source"], got["Cue"], got["Content"],
                                   words(got["Source"]), words(got["Cue"]),
                                   words(got["Content"])))
    return out


def polnear(compartment: str) -> list[PolnearArticle]:
    """The PolNeAR articles of one compartment ("train" or "dev"), sorted by name, with the
    attributions of one annotator (the first ``.ann`` file by name)."""
    import csv

    root = data_dir() / "polnear"
    meta = {}
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    out = []
    folder = root / compartment
    anns: dict[str, list[Path]] = {}
    for p in sorted((folder / "attributions").glob("*.ann")):
        anns.setdefault(p.stem.rsplit("_", 1)[0], []).append(p)
    for p in sorted((folder / "text").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        info = meta.get(p.stem, {})
        article = PolnearArticle(p.stem, compartment, info.get("publisher", ""),
                                 info.get("publication_date", ""), info.get("title", ""), text)
        if p.stem in anns:
            article.attributions = read_brat(anns[p.stem][0], text)
        out.append(article)
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

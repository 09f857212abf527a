"""Who said what: attributions (source, cue, content) in English news text, by rules."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import pandas as pd

from analysis.corpus import Source, as_documents
from analysis.entities.lexicon import (
    AUX_BEFORE_BASE,
    CLOSED_CLASS,
    DAYS,
    NAME_PARTICLES,
    NOUN_LIKE,
    NP_INSIDE,
    PASSIVE_AUX,
    PASSIVE_OK,
    POSSESSIVES,
    SPEAKER_SKIP,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    TELL_LIKE,
    is_word,
    name_shaped,
)
from analysis.entities.names import analyse
from analysis.tokenise import Token


def _is_name_token(w: str) -> bool:
    return name_shaped(w) and w.lower() not in CLOSED_CLASS


def _skip_time(words: Sequence[str], j: int, end: int) -> int:
    """Skip time expressions forward from ``j``: "Wednesday", "on Thursday", "late
    Thursday", "last week", "in a statement", "earlier this year"."""
    while j < end:
        w = words[j]
        lw = w.lower()
        if w in DAYS or lw in ("today", "yesterday", "tonight", "earlier", "later"):
            j += 1
        elif lw in ("on", "late", "early") and j + 1 < end and words[j + 1] in DAYS:
            j += 2
        elif lw in ("last", "this", "next") and j + 1 < end and words[j + 1].lower() in (
                "week", "weekend", "month", "year", "morning", "night", "evening"):
            j += 2
        elif lw == "in" and j + 2 < end and words[j + 1].lower() in ("a", "an") and words[
                j + 2].lower() in ("statement", "interview", "post", "tweet", "speech",
                                   "letter", "report", "video", "message", "briefing"):
            j += 3
        elif lw in ("on", "via") and j + 1 < end and words[j + 1] in (
                "Twitter", "Facebook", "X", "Instagram", "Telegram", "television", "TV",
                "radio"):
            j += 2
        else:
            break
    return j


def _left_np(words: Sequence[str], i: int, lo: int) -> tuple[int, int] | None:
    """The subject noun phrase before position ``i`` (exclusive), not before ``lo``:
    ``(start_index, end_index)`` of tokens, end exclusive."""
    j = i - 1
    # skip adverbs, auxiliaries and time expressions between subject and verb
    while j >= lo:
        w = words[j]
        lw = w.lower()
        if lw in SPEAKER_SKIP or lw in ("not", "n't", "n\u2019t", "did", "does", "do"):
            j -= 1
        elif w in DAYS:
            j -= 1
            if j >= lo and words[j].lower() in ("on", "late", "early", "last", "this"):
                j -= 1
        else:
            break
    if j < lo:
        return None
    end = j + 1
    if words[j].lower() in SUBJECT_PRONOUNS:
        return (j, end)
    if words[j].lower() == "who" and j - 1 >= lo and words[j - 1] == ",":
        inner = _left_np(words, j - 1, lo)
        return inner
    k = j
    count = 0
    while k >= lo and count < 9:
        w = words[k]
        lw = w.lower()
        if _is_name_token(w) or (w[:1].isalpha() and lw not in CLOSED_CLASS
                                 and not lw.endswith("ly")) or (
                lw in NP_INSIDE) or (w[:1].isdigit() and k < j):
            k -= 1
            count += 1
            continue
        if lw in ("who", "that", "which") and k < j and k - 1 >= lo:
            # a relative clause inside the subject: "Residents who fled said"
            inner = _left_np(words, k, lo)
            if inner is not None and inner[1] == k:
                return (inner[0], end)
        break
    start = k + 1
    # the subject cannot start with a preposition or a conjunction
    while start < end and words[start].lower() in ("of", "for", "from", "in", "at", "and",
                                                     "'s", "\u2019s"):
        start += 1
    if start >= end:
        return None
    span = words[start:end]
    if not any(_is_name_token(w) or (w[:1].isalpha() and w.lower() not in CLOSED_CLASS)
               for w in span):
        return None
    return (start, end)


def _right_np(words: Sequence[str], j: int, hi: int, *, stop_of: bool) -> tuple[int, int] | None:
    """The noun phrase starting at ``j`` (after "by", "according to", an inverted "said")."""
    k = j
    while k < hi and k - j < 10:
        w = words[k]
        lw = w.lower()
        if lw in ("of", "for", "in", "at", "from") and (stop_of or lw != "of"):
            if stop_of or not (k + 1 < hi and (_is_name_token(words[k + 1]) or words[
                    k + 1].lower() in ("the", "a", "an"))):
                break
        if lw in ("the", "a", "an") and k > j and _is_name_token(words[k - 1]):
            break  # "according to Rathbun the property was ..."
        if _is_name_token(w) or lw in NP_INSIDE or (
                w[:1].isalpha() and lw not in CLOSED_CLASS and lw not in SPEECH_VERBS) or (
                w[:1].isdigit()):
            k += 1
            continue
        break
    while k > j and words[k - 1].lower() in ("of", "for", "in", "at", "and", "the", "from"):
        k -= 1
    if k == j:
        return None
    return (j, k)


def _trim_content(toks: Sequence[Token], a: int, b: int, text: str) -> tuple[int, int] | None:
    """Character span of tokens a..b (exclusive) without edge punctuation."""
    while a < b and not any(c.isalnum() for c in toks[a].text) and toks[a].text not in (
            '"', "\u201c", "'", "\u2018"):
        a += 1
    while b > a and not any(c.isalnum() for c in toks[b - 1].text) and toks[b - 1].text not in (
            '"', "\u201d", "'", "\u2019"):
        b -= 1
    if b <= a or not _any_word(toks, a, b):
        return None
    return toks[a].start, toks[b - 1].end


def _any_word(toks: Sequence, a: int, b: int) -> bool:
    """Whether tokens ``a``..``b`` (exclusive) hold a word (stops at the first)."""
    for q in range(a, b):
        t = toks[q]
        if is_word(t if isinstance(t, str) else t.text):
            return True
    return False


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Double-quoted passages as (open, close) offsets of the quote marks, per paragraph."""
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        open_at = None
        for m in re.finditer('["\u201c\u201d]', para.group()):
            c = m.group()
            pos = para.start() + m.start()
            if open_at is None and c in '"\u201c':
                open_at = pos
            elif open_at is not None and c in '"\u201d':
                spans.append((open_at, pos))
                open_at = None
    return spans


def attributions(source: Source) -> pd.DataFrame:
    """Who said, announced, claimed, accused, told, warned, denied... what.

    Four kinds, found by rules over tokens and a list of reporting verbs:

    * ``"quote"``: a quotation with its speaker, after it ('"We won," he said.', '"We won,"
      said Haftar.') or before it ('Haftar said: "We won."'); the content is the quotation;
    * ``"reported"``: reported speech ("Tunisian officials said Wednesday that they were
      struggling ...", "Spain announced Thursday it was pulling ..."; also "..., officials
      said."); the speaker can be any noun phrase, not only a name;
    * ``"passive"``: "the group accused by the United States of leading ..." (speaker
      United States, verb accused);
    * ``"according to"``: "... , according to Saudi Arabia's Civil Defense Authority."

    Columns: ``document``, ``sentence``, ``speaker``, ``verb``, ``content``, the character
    offsets ``speaker_start``/``speaker_end``, ``verb_start``/``verb_end``,
    ``content_start``/``content_end`` (into the document's text), ``kind``. Sorted by
    document, then position. Pronouns stay pronouns ("he"): no coreference.

    >>> text = ('Tunisian officials said Wednesday that they were struggling. '
    ...         '"We will win," Haftar said. The group was accused by the United States '
    ...         'of leading the attack.')
    >>> attributions(text)[["speaker", "verb", "content", "kind"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Tunisian officials', 'said', 'they were struggling', 'reported'],
     ['Haftar', 'said', 'We will win', 'quote'],
     ['United States', 'accused', 'of leading the attack', 'passive']]
    """
    rows = []
    for d, doc in enumerate(as_documents(source)):
        for r in _doc_attributions(doc.text):
            rows.append((d, doc.id, *r))
    cols = ["document", "sentence", "speaker", "verb", "content", "speaker_start",
            "speaker_end", "verb_start", "verb_end", "content_start", "content_end", "kind"]
    df = pd.DataFrame(rows, columns=["_d", *cols])
    df = df.sort_values(["_d", "verb_start", "content_start"], kind="mergesort")
    return df.drop(columns="_d").reset_index(drop=True)


_MAX_SENTENCE = 200  # tokens of one sentence searched for a speaker and its content


def _doc_attributions(text: str) -> list[tuple]:
    state = analyse(text)
    toks = state.toks
    words = [t.text for t in toks]
    n = len(toks)
    starts = [t.start for t in toks]

    def tok_at(pos: int) -> int:
        return bisect.bisect_left(starts, pos)

    sent_lo: dict[int, int] = {}
    sent_hi: dict[int, int] = {}
    for i, t in enumerate(toks):
        sent_lo.setdefault(t.sentence, i)
        sent_hi[t.sentence] = i + 1

    def window(sent: int, i: int) -> tuple[int, int]:
        # the sentence, or _MAX_SENTENCE tokens either side of ``i`` in run-on text
        return max(sent_lo[sent], i - _MAX_SENTENCE), min(sent_hi[sent], i + _MAX_SENTENCE)
    rows: list[tuple] = []
    used: set[int] = set()  # verb token indexes already attributed
    quotes = _quote_spans(text)
    in_quote = [False] * n
    for qo, qc in quotes:
        for i in range(tok_at(qo), tok_at(qc + 1)):
            if i < n and qo < toks[i].start < qc:
                in_quote[i] = True

    def emit(sentence, sp, vi_a, vi_b, content, kind):
        a, b = sp
        if b - a > 1 and words[a].lower() == "the" and all(
                _is_name_token(x) for x in words[a + 1:b]):
            a += 1  # "the United States" -> "United States"
        s0, s1 = toks[a].start, toks[b - 1].end
        v0, v1 = toks[vi_a].start, toks[vi_b - 1].end
        c0, c1 = content
        if kind == "quote":
            while c1 > c0 and text[c1 - 1] in ",;:":
                c1 -= 1
        rows.append((sentence, text[s0:s1], text[v0:v1], text[c0:c1], s0, s1, v0, v1, c0, c1,
                     kind))

    # 1. Quotations.
    for qo, qc in quotes:
        inner = text[qo + 1:qc].strip()
        if len(inner.split()) < 2:
            continue
        c_span = (qo + 1 + (len(text[qo + 1:qc]) - len(text[qo + 1:qc].lstrip())),
                  qc - (len(text[qo + 1:qc]) - len(text[qo + 1:qc].rstrip())))
        a = tok_at(qc + 1)  # first token after the closing quote
        done = False
        if a < n and toks[a].start - qc < 3:
            sent = toks[a].sentence
            hi = window(sent, a)[1]
            j = a + 1 if words[a] == "," else a
            if j < hi and words[j].lower() in SPEECH_VERBS and words[j].lower() not in NOUN_LIKE:
                sp = _right_np(words, j + 1, hi, stop_of=False)
                if sp:
                    emit(sent, sp, j, j + 1, c_span, "quote")
                    used.add(j)
                    done = True
            elif j < hi:
                for v in range(j + 1, min(hi, j + 9)):
                    if words[v].lower() in SPEECH_VERBS and not in_quote[v]:
                        sp = _left_np(words, v, j)
                        if sp and sp[0] == j:
                            emit(sent, sp, v, v + 1, c_span, "quote")
                            used.add(v)
                            done = True
                        break
        if done:
            continue
        b = tok_at(qo) - 1  # the token before the opening quote
        if b >= 0 and toks[b].text in (":", ","):
            b -= 1
        if b >= 0 and words[b].lower() == "that":
            b -= 1
        # the verb, perhaps before the person told: 'Haftar told reporters: "..."'
        v = next((q for q in range(b, max(b - 5, -1), -1)
                  if words[q].lower() in SPEECH_VERBS and (
                      q == b or SPEECH_VERBS[words[q].lower()] in TELL_LIKE)
                  and toks[q].sentence == toks[b].sentence), None) if b >= 0 else None
        if v is not None and not in_quote[v] and v not in used and all(
                is_word(x) for x in words[v:b + 1]):
            sent = toks[v].sentence
            sp = _left_np(words, v, window(sent, v)[0])
            if sp:
                emit(sent, sp, v, v + 1, c_span, "quote")
                used.add(v)
    # 2. Reported speech and passives.
    for i, w in enumerate(words):
        lw = w.lower()
        if lw not in SPEECH_VERBS or i in used or in_quote[i]:
            continue
        lemma = SPEECH_VERBS[lw]
        sent = toks[i].sentence
        lo, hi = window(sent, i)
        prev = words[i - 1].lower() if i > lo else ""
        if prev in POSSESSIVES:
            continue  # a noun: "his claims", "the reports"
        if lw == lemma and lw not in ("said",) and prev in AUX_BEFORE_BASE:
            continue  # "to say", "would not deny"
        # passive: "(was) accused by X of ..."
        j = i + 1
        if j < hi and words[j].lower() == "by" and lemma in PASSIVE_OK and lw.endswith(
                ("ed", "d", "ten", "id")):
            sp = _right_np(words, j + 1, hi, stop_of=True)
            if sp:
                content = _trim_content(toks, sp[1], hi, text)
                if content is None:
                    subj = _left_np(words, i if prev not in PASSIVE_AUX else i - 1, lo)
                    content = (toks[subj[0]].start, toks[subj[1] - 1].end) if subj else None
                if content:
                    emit(sent, sp, i, i + 1, content, "passive")
                    used.add(i)
            continue
        if prev in PASSIVE_AUX and prev not in ("has", "have", "had"):
            continue  # "was reported": a passive without its agent
        if any(words[q].lower() in ("not", "n't", "n\u2019t", "never") for q in range(
                max(lo, i - 3), i)):
            continue  # "have not said why": nothing is attributed
        nxt_w = words[i + 1].lower() if i + 1 < hi else ""
        if lw in NOUN_LIKE and nxt_w in ("have", "has", "had", "were", "was", "are", "is",
                                          "of", "from", "about", "by", "suggest"):
            continue  # "reports have revealed", "claims of"
        k_and = i - 1
        while k_and >= lo and words[k_and].lower() in SPEAKER_SKIP:
            k_and -= 1
        if k_and >= lo and words[k_and].lower() in ("and", "but", "or"):
            # "Zuckerberg tweeted ... and said ...": the speaker of the earlier verb
            earlier = [r for r in rows if r[0] == sent and r[6] < toks[i].start]
            if not earlier:
                continue
            r0 = earlier[-1]
            sp = (bisect.bisect_left(starts, r0[4]), bisect.bisect_right(starts, r0[5] - 1))
        else:
            sp = _left_np(words, i, lo)
        if lw in NOUN_LIKE and sp is None:
            continue
        j = _skip_time(words, i + 1, hi)
        if j < hi and words[j].lower() == "to" and lemma not in (
                "claim", "vow", "promise", "threaten", "pledge", "admit", "deny", "agree"):
            # "stated to LA Weekly that ...": skip the person addressed
            that = next((q for q in range(j + 1, min(hi, j + 9)) if words[q].lower() == "that"),
                        None)
            if that is not None and all(is_word(x) for x in words[j:that]):
                j = that
        if lemma in TELL_LIKE and j < hi:
            # the person told: "told reporters", "told The Associated Press", "told him"
            k = j
            if words[k].lower() in ("him", "her", "them", "us", "me", "reporters",
                                    "journalists"):
                k += 1
            else:
                r = _right_np(words, k, hi, stop_of=False)
                that = next((q for q in range(k, min(hi, k + 8)) if words[q].lower() == "that"),
                            None)
                if that is not None:
                    k = that
                elif r and r[1] - r[0] <= 4 and (_is_name_token(words[k]) or words[
                        k].lower() in ("the", "a", "an")):
                    k = r[1]
            j = _skip_time(words, k, hi)
        if j < hi and words[j].lower() in ("that", ":"):
            j += 1
        end = hi
        if sp is not None and sp[1] < i and words[sp[1]] == ",":
            # "Haftar, who said he would fight on, left": the content ends at the comma
            end = next((q for q in range(j, hi) if words[q] == ","), hi)
        content = _trim_content(toks, j, end, text) if j < end else None
        first = words[j].lower() if j < hi else ""
        if (sp is not None and content is not None and words[j - 1] != ","
                and (is_word(first) or first in ('"', "\u201c"))
                and (first not in ("by", "as", "and", "or", "to")
                     or (first == "to" and lemma not in ("say", "tell", "report")))):
            emit(sent, sp, i, i + 1, content, "reported")
            used.add(i)
            continue
        # inverted: "..., officials said." / "..., said the official."
        tail = _skip_time(words, i + 1, hi)
        if tail < hi and _any_word(words, tail, hi):
            r = _right_np(words, tail, hi, stop_of=False) if (
                sp is None and i > lo and words[i - 1] == ",") else None
            if r is None or _any_word(words, r[1], hi):
                continue
            sp = r
        if sp is None:
            sp = _right_np(words, i + 1, hi, stop_of=False) if i > lo and words[
                i - 1] == "," else None
        if sp is None:
            continue
        left_end = sp[0] if sp[0] < i else i
        if left_end > lo and words[left_end - 1] == ",":
            content = _trim_content(toks, lo, left_end - 1, text)
            if content is not None:
                emit(sent, sp, i, i + 1, content, "reported")
                used.add(i)
    # 3. "according to X"
    for i in range(n - 1):
        if words[i].lower() == "according" and words[i + 1].lower() == "to":
            sent = toks[i].sentence
            lo, hi = window(sent, i)
            comma = next((q for q in range(i + 2, min(hi, i + 16)) if words[q] in (",", ";")),
                         None)
            leading = i == lo or words[i - 1] in (",", "that", "(") or not is_word(
                words[i - 1])
            if leading and comma is not None and _any_word(words, comma + 1, hi) and (
                    comma > i + 2):
                # "According to the head of the agency, 200 people died."
                sp = (i + 2, comma)
                second = next((q for q in range(comma + 1, min(hi, comma + 6))
                               if words[q] == ","), None)
                if second is not None and all(_is_name_token(x) or x.lower() in NAME_PARTICLES
                                              for x in words[comma + 1:second]):
                    sp, comma = (i + 2, second), second  # "the coach, Alireza Mehraban,"
                content = _trim_content(toks, comma + 1, hi, text)
            else:
                sp = _right_np(words, i + 2, hi, stop_of=False)
                if sp is None:
                    continue
                end = i - 1 if words[i - 1] == "," else i
                content = _trim_content(toks, lo, end, text) if end > lo else None
            if content is not None:
                emit(sent, sp, i, i + 2, content, "according to")
    return rows



def attribution_parts(said: pd.DataFrame) -> pd.DataFrame:
    """The speaker, verb and content spans of :func:`attributions` rows, one row per part
    (``document``, ``start``, ``end``, ``part``), in text order, for highlighting.

    >>> said = attributions("Officials said the road was open.")
    >>> attribution_parts(said)[["part", "start"]].values.tolist()
    [['speaker', 0], ['verb', 10], ['content', 15]]
    >>> attribution_parts(said.head(0)).columns.tolist()
    ['document', 'start', 'end', 'part']
    """
    rows = []
    for r in said.itertuples(index=False):
        for part in ("speaker", "verb", "content"):
            start, end = getattr(r, f"{part}_start"), getattr(r, f"{part}_end")
            if start is not None and end is not None and end > start:
                rows.append((r.document, int(start), int(end), part))
    df = pd.DataFrame(rows, columns=["document", "start", "end", "part"])
    df = df.sort_values(["document", "start"]).drop_duplicates(["document", "start", "end"])
    # overlapping parts (a quote inside another attribution's content) keep the first
    keep, last_end, last_doc = [], -1, None
    for r in df.itertuples(index=False):
        if r.document != last_doc:
            last_end, last_doc = -1, r.document
        keep.append(r.start >= last_end)
        if r.start >= last_end:
            last_end = r.end
    return df[pd.Series(keep, index=df.index, dtype=bool)].reset_index(drop=True)


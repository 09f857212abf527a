"""Pronoun speakers: the person "he" or "she" refers to, when the text makes it clear enough
for a rule.

The rule (a centering heuristic): the first compatible person named in the pronoun's own
sentence before it, else in the nearest sentence before that names one, going back at most
two sentences or to the start of the paragraph; a name inside a quotation does not count (a
name quoted is rarely the one speaking). Where an earlier sentence opens with a pronoun of
the same gender ("He notes that ... His audio was quieter than Clinton's. He says, ..."), or
has the subject pronoun itself before the name ("..., he said, replacing Clinton ..."), that
pronoun is followed back in turn, up to four times: a chain of "he" leads to the person who
started it, not to the last person named. Compatible: "he" and "she" take a person, not one
whose title says the other gender (Mr., Sir, King / Mrs., Ms., Queen, Lady) or whose given
name does (the first of an actor's two or more names, when faker's locales list it for
one gender: "Donald", "Elizabeth"; see
:func:`analysis.entities.given_names.given_name_gender`). "They" is left
unresolved: in news it refers to unnamed groups ("the team", "some individuals") more often
than to a named one. Measured against GUM's coreference chains (``python -m benchmarks
coref_gum``).

>>> text = "Khalifa Haftar spoke in Benghazi. He said the war was over."
>>> antecedent(text, text.index("He")).actor
'Khalifa Haftar'
>>> text = "Amneh Jafari wanted to support Ahmed Mohamed. She chose a hashtag."
>>> antecedent(text, text.index("She")).actor
'Amneh Jafari'
>>> text = "Hillary Clinton spoke after Donald Trump. She said it was over."
>>> antecedent(text, text.index("She")).actor
'Hillary Clinton'
>>> antecedent("He said so.", 0) is None
True
>>> text = ("Donald Trump spoke after Hillary Clinton. He noted a problem. His audio was "
...         "quieter than Clinton's. He says, “It was hard.”")
>>> antecedent(text, text.rindex("He")).actor
'Donald Trump'
"""

from __future__ import annotations

import bisect

from analysis.entities.given_names import given_name_gender, title_gender
from analysis.entities.mentions import Mention, document_mentions
from analysis.entities.names import analyse

__all__ = ["PRONOUNS", "antecedent"]

#: The pronouns resolved, with the kind of actor they take.
PRONOUNS = {"he": "person", "she": "person"}
_WINDOW = 2  # sentences before the pronoun's own
#: A pronoun's forms, with the pronoun whose referent they share.
_FORMS = {"he": "he", "him": "he", "his": "he", "himself": "he",
          "she": "she", "her": "she", "hers": "she", "herself": "she"}
_CHAIN = 4  # pronouns followed back to a name, at most


def antecedent(text: str, pos: int) -> Mention | None:
    """The mention the pronoun at character ``pos`` of ``text`` refers to, or None.

    ``pos`` is the pronoun's first character; a word that is not one of :data:`PRONOUNS`
    gives None.
    """
    state = analyse(text)
    i = state.token_at(pos)
    if i >= len(state.toks) or state.toks[i].start != pos:
        return None
    pronoun = state.toks[i].text.lower()
    kind = PRONOUNS.get(pronoun)
    if kind is None:
        return None
    return _antecedent(text, i, pronoun, _CHAIN)


def _antecedent(text: str, i: int, pronoun: str, depth: int) -> Mention | None:
    """The person the pronoun at token ``i`` ("he" or "she" form) refers to: the first
    compatible item of the nearest sentence that has one, an item being a person named or,
    in an earlier sentence, a pronoun of the same gender that opens it ("His audio ...") or
    is the subject form itself ("he") (then resolved in turn, at most ``depth`` times)."""
    state = analyse(text)
    pos = state.toks[i].start
    mentions = document_mentions(text)
    genders = _genders(text, mentions)
    sentence = state.toks[i].sentence
    paragraph_start = text.rfind("\n", 0, pos) + 1
    quoted = _quoted(text)
    by_sentence: dict[int, list[tuple[int, Mention | int]]] = {}
    for m in mentions:
        if m.start >= pos:
            break
        if m.kind != "person" or m.via_demonym or _inside(quoted, m.start):
            continue
        if genders.get(m.actor, pronoun) != pronoun:
            continue
        by_sentence.setdefault(m.sentence - 1, []).append((m.start, m))
    if sentence > 0:  # "He notes ... His audio was quieter than Clinton's. He says": he
        first = state.token_at(state.sentences[max(0, sentence - _WINDOW)][0])
        opening = True
        for k in range(first, i):
            t = state.toks[k]
            if t.sentence == sentence:
                break
            low = t.text.lower()
            if _FORMS.get(low) == pronoun and (opening or low == pronoun) and not _inside(
                    quoted, t.start):  # "He ...", "His ...", "... he said, ... Clinton"
                by_sentence.setdefault(t.sentence, []).append((t.start, k))
            nxt = state.toks[k + 1].sentence if k + 1 < len(state.toks) else -1
            opening = nxt != t.sentence or (opening and not t.text[:1].isalnum())
    for s in range(sentence, sentence - _WINDOW - 1, -1):
        found = by_sentence.get(s)
        if found:
            item = min(found, key=lambda x: x[0])[1]
            if isinstance(item, Mention):
                return item
            return _antecedent(text, item, pronoun, depth - 1) if depth > 0 else None
        if s < len(state.sentences) and state.sentences[s][0] <= paragraph_start and (
                s < sentence):
            break  # the paragraph starts in this sentence: no further back
    return None


def _genders(text: str, mentions: list[Mention]) -> dict[str, str]:
    state = analyse(text)
    cached = state.memo.get("genders")
    if cached is None:
        cached = {}
        for m in mentions:
            first, _, rest = m.actor.partition(" ")  # "Clinton" alone is no given name
            g = title_gender(m.title) or (given_name_gender(first) if rest else "")
            if g:
                cached.setdefault(m.actor, g)
        state.memo["genders"] = cached
    return cached


def _quoted(text: str) -> list[tuple[int, int]]:
    state = analyse(text)
    cached = state.memo.get("quoted")
    if cached is None:
        cached = state.memo["quoted"] = [(q.open, q.close) for q in state.quotations]
    return cached


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]

"""What the words around a mention say about its kind: an apposition ("Khalifa Haftar, a
renegade general"), a role before the name ("strongman Muammar Gaddafi"), "a group called X",
"the city of X", a preposition of place ("in Benghazi"); and whether a country acts in its
sentence, as a government or a team does ("Sweden beat Belgium", "North Korea fired").

>>> from analysis.entities.mentions import document_mentions
>>> [(m.text, m.kind) for m in document_mentions("Sweden beat Belgium in Russia.")]
[('Sweden', 'group'), ('Belgium', 'group'), ('Russia', 'place')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.entities.given_names import is_given_name
from analysis.entities.lexicon import (
    GROUP_NOUNS,
    LOCATIVES,
    PERSON_NOUNS,
    PLACE_NOUNS,
    SAY_WORDS,
    verb_like,
)
from analysis.tokenise import lemma

if TYPE_CHECKING:  # pragma: no cover
    from analysis.entities.draft import Draft
    from analysis.entities.names import Analysis

__all__ = ["acts", "context_evidence", "speaks", "sports_text"]

_TEAM_VERBS = frozenset(
    """defeated defeat defeats beat beats faced face faces against versus vs vs. v v. play
    played plays playing thrashed edged eliminated knocked overcame beating defeating
    facing drew draws won wins""".split()
)
_TEAM_NOUNS = frozenset(
    """coach captain goalkeeper keeper striker defender midfielder manager squad players
    team side defence defense attack victory win defeat goal goals lead fans supporters""".split()
)
#: Words of play: three of them make a text a sports report.
_SPORT_WORDS = frozenset(
    """match matches goal goals scored scoring scorer coach coaches tournament league cup
    championship championships qualifier qualifiers qualifying stadium striker strikers
    midfielder goalkeeper defender penalty penalties fixture fixtures squad teammates
    semi-final semi-finals quarter-final quarter-finals half-time kick-off referee olympics
    medal medals innings wicket wickets tries try-scorer touchdown player players clubs
    transfer champions finals""".split()
)
#: Verbs of speech whose subject, when a country or a capital, is its government.
_GOVERNMENT_SPEECH = frozenset(
    """said says told tells warned warns accused accuses denied denies announced announces
    claimed claims threatened threatens vowed vows condemned condemns demanded demands urged
    urges insisted insists protested protests rejected rejects declared declares""".split()
)
_AUX = frozenset("has have had will would also".split())
_PREPOSITIONS = frozenset("against versus vs vs. v v.".split())
_PLAYED_FOR = frozenset("scored plays played playing capped appeared".split())
_ADVERBS = frozenset("also recently both then now reportedly again already later".split())
_DASHES = frozenset({"-", "\u2013", "\u2014", ":"})
#: What a country has as a government ("North Korea's leader", "Sweden's foreign minister").
_GOVERNMENT_NOUNS = frozenset(
    """government governments leader leaders leadership regime military army navy forces
    president premier minister ministers ministry officials diplomats ambassador envoy
    parliament congress cabinet authorities administration negotiators delegation
    nuclear missile missiles policy policies sanctions threats threat allies""".split()
)
#: What may stand before the subject of a clause ("" at the start of a sentence).
_CLAUSE_STARTS = frozenset(
    """ , ; : and but while when as that because after before if since though although
    whereas meanwhile “ " ( the""".split()) | {""}
_COPULAS = frozenset("is was are were be been 's".split())


def _word(state: Analysis, i: int, sentence: int) -> str:
    """The folded token ``i`` if it is in the sentence, else ""."""
    return state.folded[i] if i in state.ranges[sentence] else ""


def speaks(state: Analysis, d: Draft) -> bool:
    """Whether a mention is the subject of a verb of speech right after it ("the White House
    said", "Downing Street has denied"): a place that speaks stands for the body in it.

    >>> from analysis.entities.mentions import document_mentions
    >>> [(m.text, m.kind) for m in document_mentions("The White House said no.")]
    [('White House', 'group')]
    """
    s, j = d.sentence, d.last + 1
    nxt = _word(state, j, s)
    if nxt.lower() in _AUX or nxt.lower() in _ADVERBS:
        j += 1
        nxt = _word(state, j, s)
    return nxt.lower() in _GOVERNMENT_SPEECH and nxt[:1].islower()


def acts(state: Analysis, d: Draft) -> bool:
    """Whether a country (or capital) mention plays as a team in its sentence: the object of a
    verb of play ("defeated Panama", "against England", "team Estonia"), a side of a score
    ("Sweden 1 - 0"), the owner of a team role ("Tunisia's coach"), the subject of a verb of
    play ("Sweden beat Belgium"), or, in a sports report (:func:`sports_text`), the subject of
    any verb ("Sweden scored twice"); and anywhere, a government: the subject of a verb of
    speech ("North Korea warned", "Pyongyang said": a place does not speak, its government
    does), the subject of a clause's verb ("North Korea fired", "Thailand has cracked down",
    "the Philippines is working"; not "Libya is a country", nor "talks between N. Korea and
    S. Korea failed"), the owner of a government's people or acts ("Sweden's foreign
    minister", "North Korea's missiles"), the one spoken to ("urged Iran to stop"). GUM types
    a country so as an organization in the second half of its news documents (a crisis, a
    World Cup), while its first nine documents keep "Malaysia and Indonesia have maintained a
    policy" a place: the rule follows the annotation guideline, which the issue states."""
    s = d.sentence
    before = _word(state, d.first - 1, s).lower()
    if before == "the" and _word(state, d.first - 2, s).lower() not in _PREPOSITIONS:
        before = _word(state, d.first - 2, s).lower()  # "beating the Netherlands"
    if before in _TEAM_VERBS or before in ("team", "squad"):
        return True
    if before == "for" and _word(state, d.first - 2, s).lower() in _PLAYED_FOR:
        return True  # "Iniesta scored for Spain"
    j = d.last + 1
    nxt = _word(state, j, s)
    if nxt[:1].isdigit() and _word(state, j + 1, s) in _DASHES:
        return True
    if before[:1].isdigit() and _word(state, d.first - 2, s) in _DASHES:
        return True
    if nxt == "'s":
        owned = _word(state, j + 1, s)
        if owned.lower() in _TEAM_NOUNS:
            return True
        # "North Korea's missiles", "Sweden's foreign minister"
        return owned.islower() and (owned in _GOVERNMENT_NOUNS or _word(
            state, j + 2, s) in _GOVERNMENT_NOUNS)
    if before in _GOVERNMENT_SPEECH and _word(state, j, s).lower() == "to":
        return True  # "urged North Korea to return": spoken to, a government
    if before == "and":  # "Spain and China left" acts; "from Morocco and Iran had" does not
        k = d.first - 2
        while _word(state, k, s)[:1].isupper():
            k -= 1
        before = _word(state, k, s).lower()
    if before in LOCATIVES or before in ("of", "to", "for", "with", "by", "from"):
        return False  # "Teams from Morocco ... had": not the subject
    # the subject of a verb, perhaps one of several ("Sweden and Belgium drew")
    if nxt in ("and", ","):
        k = j + 1
        while _word(state, k, s)[:1].isupper():
            k += 1
        if k > j + 1:
            j, nxt = k, _word(state, k, s)
    while nxt.lower() in _ADVERBS or (nxt.endswith("ly") and len(nxt) > 4 and nxt.islower()):
        j += 1
        nxt = _word(state, j, s)
    if nxt.lower() in _TEAM_VERBS:
        return True
    if nxt.lower() in _AUX and _word(state, j + 1, s).lower() in _GOVERNMENT_SPEECH:
        nxt = _word(state, j + 1, s)  # "North Korea has warned"
    if nxt.lower() in _GOVERNMENT_SPEECH and nxt[:1].islower():
        return True  # a place does not speak: "North Korea said", "Pyongyang warned"
    if sports_text(state):
        return nxt.lower() not in _COPULAS and verb_like(nxt)
    if before not in _CLAUSE_STARTS:
        return False  # "Talks between N. Korea and S. Korea failed": the talks did
    if nxt.lower() in _COPULAS:  # "the Philippines is working", not "Libya is a country"
        after = _word(state, j + 1, s)
        return after.endswith("ing") and after.islower() and len(after) > 4
    return verb_like(nxt)


def sports_text(state: Analysis) -> bool:
    """Whether a text reports sport: at least three different words of play ("match", "goal",
    "coach", "tournament", ...) in it. There a country acting is a team.

    >>> from analysis.entities.names import analyse
    >>> sports_text(analyse("Sweden scored twice. The coach praised the goal in the match."))
    True
    >>> sports_text(analyse("Sweden imposed sanctions on the regime."))
    False
    """
    found = state.memo.get("sports")
    if found is None:
        found = state.memo["sports"] = len(_SPORT_WORDS.intersection(state.lower)) >= 3
    return found


#: What follows a place in capitals opening a story ("MILLBROOK —", "SPRINGFIELD, Ill. --",
#: "PARIS (AP) -"): a dash, after a region or a news agency's name in brackets, if any.
_DATELINE = re.compile(r"(?:,\s*[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][A-Za-z.]{1,14})?)?"
                       r"(?:\s*\([A-Za-z. ]{2,20}\))?\s*(?:\u2014|\u2013|--|-)\s")


def context_evidence(state: Analysis, d: Draft) -> None:
    """Append to ``d.evidence`` what the words around the mention say about its kind."""
    s, first, last = d.sentence, d.first, d.last
    r, folded = state.ranges[s], state.folded
    raw_before = folded[first - 1] if first - 1 >= r.start else ""
    before = raw_before.lower()
    before2 = folded[first - 2].lower() if first - 2 >= r.start else ""
    if before in PERSON_NOUNS and raw_before[:1].islower():
        d.evidence.append(("person", 4.5, f"after '{before}'"))
    elif before in GROUP_NOUNS and raw_before[:1].islower() and before2 not in (
            "of", "in", "at"):
        d.evidence.append(("group", 3.0, f"after '{before}'"))  # "the conciliation service X"
    if before == "for" and before2 in ("spokesman", "spokeswoman", "spokesperson"):
        d.evidence.append(("group", 2.0, f"'{before2} for'"))
    if before == "," and before2 in PLACE_NOUNS:
        d.evidence.append(("place", 3.0, f"after '{before2},'"))
    if before == "of" and before2 in ("city", "town", "village", "province", "region",
                                      "state", "island", "capital"):
        d.evidence.append(("place", 3.0, f"after '{before2} of'"))
    if before in ("called", "named") or (before == "as" and before2 == "known"):
        noun = before2 if before != "as" else _word(state, first - 3, s).lower()
        for kind, nouns in (("group", GROUP_NOUNS), ("place", PLACE_NOUNS),
                            ("person", PERSON_NOUNS)):
            if noun in nouns:
                d.evidence.append((kind, 3.0, f"'{noun} {before}'"))
    if before in LOCATIVES:
        d.evidence.append(("place", 1.0, f"after '{before}'"))
    if before == "of" or (before == "the" and before2 == "of"):
        _affiliation(state, d, first - (2 if before == "of" else 3))
    _apposition(state, d)
    if _DATELINE.match(state.text, d.end) and d.text.isupper() and len(d.text) > 3 and (
            d.start == 0 or state.text[d.start - 1] == "\n") and not any(
            k == "group" and w >= 5 for k, w, _ in d.evidence):  # "NATO — the alliance —"
        d.evidence.append(("place", 5.0, "dateline"))  # "MILLBROOK —" opening a story
    after = folded[last + 1] if last + 1 < r.stop else ""
    after2 = folded[last + 2].lower() if last + 2 < r.stop else ""
    if after == "," and after2 == "who":
        d.evidence.append(("person", 2.0, "', who'"))
    elif after == "," and after2 == "which" and not d.country:
        d.evidence.append(("group", 1.0, "', which'"))  # "Nucor, which makes steel"
    elif after == "'s" and after2 in _PERSONAL:
        d.evidence.append(("person", 2.0, f"'s {after2}"))
    elif after.lower() in ("administration", "presidency") and not d.country:
        d.evidence.append(("person", 2.0, f"'{after.lower()}'"))  # "the Obama administration"
    elif after == "'s" and after2 in _CORPORATE:
        d.evidence.append(("group", 2.0, f"'s {after2}"))  # "Nucor's shares"
    if (after.lower() in SAY_WORDS or after in _PERSON_SPEECH) and state.toks[
            last].text[-1:].isalpha() and not d.country:
        d.evidence.append(("person", 1.0, f"'{after}'"))
    elif before in ("said", "says") and (not after or after in (".", ",", ";")) and (
            not d.country) and first - 2 >= r.start and folded[first - 2] in (",", "\u201d", '"'):
        d.evidence.append(("person", 1.0, f"', {before}'"))  # '"...," said Okonjo.'


def _affiliation(state: Analysis, d: Draft, owner: int) -> None:
    """"Nathan Law of Demosisto", "Matthew Ingram of The Globe and Mail": after a person's
    name (a title or a given name first) and "of", an organisation (or a place: a place's
    own evidence outweighs this)."""
    ends = state.memo.get("name_ends")
    if ends is None:
        ends = state.memo["name_ends"] = {n.last: n for n in state.names}
    name = ends.get(owner)
    if name is not None and name.sentence == d.sentence and len(name.forms) > 1 and (
            name.title_words or is_given_name(name.forms[0])):
        d.evidence.append(("group", 2.0, "affiliation of a person"))


def _apposition(state: Analysis, d: Draft) -> None:
    """"Khalifa Haftar, a renegade general who ..."; "Jeff Rathke, the State Department
    Spokesperson, said"; "Ahmed Mohamed, 14, ...": the head noun of the apposition (its last
    noun before a preposition, a relative pronoun or punctuation) tells the kind."""
    s, last = d.sentence, d.last
    after = _word(state, last + 1, s)
    k = last + 2  # "Patriot Coal, one of the nation's largest coal companies": its plural
    one_of = _word(state, k, s).lower() == "one" and _word(state, k + 1, s).lower() == "of"
    k += 2 if one_of else 0
    if after == "," and _word(state, k, s).lower() in ("a", "an", "the"):
        head = None
        for j in range(k + 1, k + 8):
            w = _word(state, j, s).lower()
            if w == "'s":  # folded: "the nation’s largest" too
                continue
            if not w or not w[:1].isalpha() or w in _APPOSITION_ENDS:
                break
            if one_of:
                w = lemma(w)  # "companies" -> "company"
            for kind, nouns in (("person", PERSON_NOUNS), ("group", GROUP_NOUNS),
                                ("place", PLACE_NOUNS)):
                if w in nouns:
                    head = (kind, w)
                    break
        if head is not None:
            d.evidence.append((head[0], 3.0, f"apposition '{head[1]}'"))
    elif after == "," and _word(state, last + 2, s).isdigit() and _word(
            state, last + 3, s) == ",":
        d.evidence.append(("person", 3.0, "age apposition"))


#: Verbs of speech that people use more than bodies do, after a name ("Baweja explained").
_PERSON_SPEECH = frozenset(
    """explained added recalled admitted insisted argued wrote tweeted replied asked
    remembered laughed joked recounted""".split()
)
#: What only a person has ("Warhol's death", "Trump's wife").
_PERSONAL = frozenset(
    """wife husband son sons daughter daughters mother father parents brother sister family
    children child death birth life career funeral widow widower girlfriend boyfriend
    grandson granddaughter grandmother grandfather uncle aunt nephew niece lawyer attorney
    spokesman spokeswoman spokesperson aide aides biography memoir mind body face""".split()
)
#: What only a body has ("Nucor's shares", "the party's members").
_CORPORATE = frozenset(
    """shares shareholders stock profits profit revenue revenues sales earnings subsidiary
    subsidiaries headquarters employees staff workforce customers members membership board
    chairman ceo directors branches stores products brand website founders""".split()
)
_APPOSITION_ENDS = frozenset(
    "who which that whose of at for in with from on to by and or".split())

"""Who, where, who said what, and the key figures of English news text, by rules.

No statistical model: capitalisation, a handful of English conventions written out below, the
country gazetteer of the ``countryinfo`` package (countries, their alternative spellings,
capitals, provinces and demonyms) and the general-English word frequencies of ``wordfreq``.
Every result keeps character offsets into the text, so a table row always points back at the
words it came from.

>>> text = ("Gen. Khalifa Haftar said Thursday that the Shura Council of Benghazi "
...         "Revolutionaries had lost 12 hours. Haftar’s men stayed in Benghazi.")
>>> [text[s:e] for s, e in name_spans(text)]  # doctest: +NORMALIZE_WHITESPACE
['Gen. Khalifa Haftar', 'Thursday', 'Shura Council of Benghazi Revolutionaries', 'Haftar',
 'Benghazi']
>>> actors(text)[["actor", "kind", "mentions"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['Khalifa Haftar', 'person', 2], ['Benghazi', 'place', 1],
 ['Shura Council of Benghazi Revolutionaries', 'group', 1]]

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
  a demonym standing for people ("the Afghans", "speak English") is. ``actors`` counts both
  as mentions of the country ("Tunisian" -> Tunisia), in the ``via_demonym`` column.
* **Where capitals say nothing** -- the first word of a sentence, the word after an opening
  quote or a colon, every word of a Title Case headline -- a capitalised word is a name only
  with evidence: the gazetteer knows it; it is capitalised elsewhere in the text more often
  than lower-cased; or it never appears lower-cased and is rare in general English
  (``wordfreq`` Zipf frequency below 3.5), or is followed by a name and is not a common
  function word ("Khalifa Haftar said"). A stopword or a preposition ("Among", "Amid") never
  is.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from analysis.corpus import Corpus, Document, as_documents
from analysis.tokenise import STOPWORDS, TITLES, Token, sentence_spans, tokens

__all__ = [
    "actors",
    "attribution_parts",
    "attributions",
    "cooccurrence",
    "figures",
    "mention_kinds",
    "mentions",
    "name_spans",
]

Source = str | Document | Corpus | Iterable[Document]

# ---------------------------------------------------------------------------------------
# Lexicons: closed classes and naming conventions of English (written here, general).

_APOS = "'\u2019"

DAYS: frozenset[str] = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat.""".split()
)
MONTHS: frozenset[str] = frozenset(
    """January February March April May June July August September October November December
    Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.""".split()
)
#: Months that are also common words: a date only next to a number or after "in"/"of"...
_AMBIGUOUS_MONTHS = frozenset({"May", "March", "August"})
_MONTH_NUMBER = {m: i for i, names in enumerate(
    ["", "January Jan.", "February Feb.", "March Mar.", "April Apr.", "May", "June Jun.",
     "July Jul.", "August Aug.", "September Sep. Sept.", "October Oct.", "November Nov.",
     "December Dec."]) for m in names.split()}

#: Titles and ranks written before a person's name (with or without a period).
PERSON_TITLES: frozenset[str] = frozenset(
    {t + "." for t in TITLES} | set(TITLES - {"St", "Ste", "Sta", "Mt", "Ft", "Pl"}) | set(
        """President Vice Prime Minister Premier Chancellor Secretary Senator Representative
        Congressman Congresswoman Governor Mayor Judge Justice General Lieutenant Colonel
        Major Captain Commander Admiral Sergeant Corporal Marshal Brigadier King Queen Prince
        Princess Emperor Empress Sultan Emir Sheikh Shaikh Ayatollah Imam Mullah Pope
        Cardinal Archbishop Bishop Rabbi Reverend Father Sister Mister Doctor Professor Sir
        Dame Lord Lady Ambassador Director Chairman Chairwoman Commissioner Inspector
        Detective Sheriff Deputy Undersecretary Spokesman Spokeswoman Coach Attorney
        Crown Chief Councillor Councilor Senior Superintendent Speaker Minister-President
        Emeritus Haji Hajji Spokesperson""".split()
    )
)
#: Nouns that end (or head) the name of an organisation.
ORG_WORDS: frozenset[str] = frozenset(
    """Council Party Army Ministry Press Front Brigade Brigades Forces Force Movement
    Organisation Organization Union League Association Committee Commission Agency Authority
    Bank Company Corporation Corp. Inc. Ltd. Co. Group Institute University College School
    Academy Foundation Society Church Department Office Court Parliament Assembly Congress
    Senate Government Administration Federation Alliance Coalition Network News Times Post
    Journal Gazette Herald Tribune Telegraph Service Services Guard Police Navy Corps
    Battalion Regiment Division Club Team Board Bureau Centre Center Hospital Museum Airlines
    Airways Fund Trust Watch Brotherhood Revolutionaries Cabinet Tribunal Command Fleet
    Directorate Secretariat Mission Embassy Consulate Chamber Conference Forum Laboratory
    Studios Studio Records Entertainment Media Television Broadcasting Systems Technologies
    Holdings Partners Motors Industries Energy Petroleum Magazine Radio Channel Council's
    Unit Cartel Gang Militia Militias Clan Tribe Rebels Junta Caliphate Sect Order
    Convention Festival Expo Games Cup Championship Olympics Prize Awards Award""".split()
)
#: First words of (mostly Arabic) organisation names: "supporters of", "front", "army"...
ORG_FIRST_WORDS: frozenset[str] = frozenset(
    """Ansar Jabhat Harakat Hizb Jaish Jamaat Katibat Liwa Tanzim Majlis Ahrar Kataib Saraya
    Asaib Hayat Tahrir""".split()
)
#: Nouns that end (or start) the name of a place.
PLACE_WORDS: frozenset[str] = frozenset(
    """City Town Village County Province Region District Territory Territories Island Islands
    Isle River Lake Sea Ocean Gulf Bay Strait Straits Mountain Mountains Mount Mt. Hill Hills
    Valley Desert Peninsula Coast Street Avenue Ave. Road Square Bridge Park Airport Port
    Harbour Harbor Canal Plateau Heights Boulevard Blvd. Highway Station Stadium Arena Plaza
    Palace Tower Falls Beach Forest Canyon Basin Delta Oasis Strip Bank""".split()
)
_PLACE_FIRST_WORDS = frozenset("Mount Mt. Lake Port Fort Ft. Gulf Cape Isle".split())
#: Compass words that start place names ("North Korea") but mean little alone.
_COMPASS = frozenset(
    """North South East West Northern Southern Eastern Western Central Upper Lower Middle
    North-East North-West South-East South-West Northeast Northwest Southeast Southwest
    North-Eastern North-Western South-Eastern South-Western North-eastern North-western
    South-eastern South-western""".split()
)
#: Lower-case particles inside personal names ("bin Laden", "van Beethoven", "de la Rosa").
NAME_PARTICLES: frozenset[str] = frozenset(
    """al el bin ibn bint ben abu de del della dei der den di da das dos du la las le les los
    van von ter ten zu y""".split()
)
#: Particles that may also start a name ("al-Shariah", "de Gaulle", "van Gogh").
_LEADING_PARTICLES = frozenset("al el bin ibn de van von der du da di le la del".split())
_ARTICLE_PREFIX_RE = re.compile(
    r"(?:al|el|ad|ar|as|ash|at|az|an|ad|ud|ul|bin|ibn|abu|ben|bel|d)[-'\u2019][A-Z]"
)
#: Connectors allowed inside an organisation or place name, after its head noun.
_CONNECTORS = frozenset({"of", "for", "on", "&"})
#: Religious, ethnic and regional adjectives that behave like demonyms (no country).
_GROUP_ADJECTIVES = frozenset(
    """Muslim Christian Jewish Jew Islamist Islamic Buddhist Hindu Sikh Catholic Protestant
    Orthodox Sunni Shia Shiite Shi'ite Arab Arabic Kurdish Kurd Berber Pashtun Tamil Uighur
    Uyghur Hispanic Latino Latina Asian African European Scandinavian Balkan
    Caribbean Persian Sephardic Coptic Evangelical Anglican Methodist Baptist Lutheran
    Pentecostal Mormon Wahhabi Salafi Salafist Jihadist Zionist Communist Socialist Marxist
    Maoist Baathist Republican Democrat Conservative Liberal""".split()
)
#: Nationality words the gazetteer lacks (its demonym field keeps one word per country).
_EXTRA_DEMONYMS = {
    "English": "United Kingdom", "Scottish": "United Kingdom", "Scots": "United Kingdom",
    "Welsh": "United Kingdom", "Briton": "United Kingdom", "Britons": "United Kingdom",
    "Filipina": "Philippines", "Filipinas": "Philippines", "Saudi": "Saudi Arabia",
    "Saudis": "Saudi Arabia", "Emirati": "United Arab Emirates", "Argentine": "Argentina",
    "Argentinian": "Argentina", "Bangladeshi": "Bangladesh", "Bangladeshis": "Bangladesh",
    "Afghani": "Afghanistan", "Kiwi": "New Zealand", "Kiwis": "New Zealand",
    "Congolese": "Democratic Republic of the Congo", "Dominican": "Dominican Republic",
    "Slovenian": "Slovenia", "Kyrgyz": "Kyrgyzstan", "Tajik": "Tajikistan",
    "Uzbek": "Uzbekistan", "Kazakh": "Kazakhstan", "Burmese": "Myanmar",
    "Ecuadorian": "Ecuador", "Argentines": "Argentina", "Korean": "South Korea",
    "Koreans": "South Korea", "Chinese": "China", "American": "United States",
    "Americans": "United States", "Indian": "India", "Indians": "India",
    "French": "France", "Norwegian": "Norway", "Norwegians": "Norway",
    "Dutch": "Netherlands", "Irish": "Ireland", "Swedes": "Sweden", "Danes": "Denmark",
    "Finns": "Finland", "Turks": "Turkey", "Spaniards": "Spain", "Brits": "United Kingdom",
    "Thai": "Thailand", "Thais": "Thailand", "Turkish": "Turkey", "Swiss": "Switzerland",
    "Ukrainian": "Ukraine", "Ukrainians": "Ukraine", "Vietnamese": "Vietnam",
}
#: Country codes used in running English text (others, such as "IT", are ordinary words).
_COUNTRY_CODES = {
    "US": "United States", "U.S.": "United States", "USA": "United States",
    "U.S.A.": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates",
    "DRC": "Democratic Republic of the Congo", "PRC": "China", "DPRK": "North Korea",
    "ROK": "South Korea", "America": "United States", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "Burma": "Myanmar", "Holland": "Netherlands",
    "Congo": "Republic of the Congo", "Ivory Coast": "Ivory Coast",
}
#: Prepositions, subordinators and sentence adverbs: capitalised, they start sentences.
CLOSED_CLASS: frozenset[str] = frozenset(
    """about above across after against along amid amidst among amongst around as at before
    behind below beneath beside besides between beyond by despite down during except
    following for from in including inside into like near of off on onto opposite outside
    over past per regarding since than through throughout till to toward towards under
    underneath unlike until up upon versus via with within without although because if once
    though unless when whenever where whereas wherever whether while also however meanwhile
    nevertheless nonetheless still yet then now today yesterday tomorrow tonight earlier
    later last next this that these those according asked speaking instead moreover
    furthermore indeed perhaps maybe many much most some several few both either neither
    each every all any another such other others more less only even just not no yes
    here there thus hence otherwise already again too very well so since soon almost
    nearly about around altogether overall finally first second third initially currently
    recently previously eventually likewise similarly additionally elsewhere often sometimes
    usually always never once twice one two three four five six seven eight nine ten
    hundreds thousands dozens millions""".split()
) | frozenset(w for w in STOPWORDS if w.isalpha() and len(w) > 1)

_SENTENCE_END = frozenset(".!?\u2026")
_RARE_ZIPF = 3.5  # below this Zipf frequency a word is rare in general English
_ROMAN_RE = re.compile(r"[IVXLC]{2,7}")
_DOMAIN_RE = re.compile(
    r"(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\."
    r"(?:com|org|net|gov|edu|int|mil|info|io|co|[a-z]{2})(?:\.[a-z]{2})?"
)
_HYPHEN_PREFIXES = frozenset("pro anti non ex post pre mid pan neo trans inter intra".split())


# ---------------------------------------------------------------------------------------
# Gazetteer and word statistics (loaded once, lazily).


@dataclass(frozen=True)
class _Gazetteer:
    places: dict[str, tuple[str, str]]  # surface form -> (canonical, what: country/capital/...)
    demonyms: dict[str, str]  # "Tunisian" -> "Tunisia"
    max_words: int


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    try:
        from countryinfo import CountryInfo
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise ImportError(
            "analysis.entities needs the 'countryinfo' package (countries, capitals, "
            "provinces and demonyms): pip install countryinfo"
        ) from e
    places: dict[str, tuple[str, str]] = {}
    demonyms: dict[str, str] = {}
    data = CountryInfo.all()
    countries = {}
    for info in data.values():
        name = info.get("name")
        if not isinstance(name, str) or not name:
            continue
        countries[name] = info
    # Provinces first, then capitals, then countries: the more important reading wins.
    for name, info in sorted(countries.items()):
        for prov in info.get("provinces") or []:
            if not (isinstance(prov, str) and _latin(prov)) or prov in _COMPASS:
                continue
            if " " not in prov and name != "United States" and _zipf(prov.lower()) >= 4.3:
                continue  # "Bar", "Drama", "Reading", "Cook", "Paul": common words and names
            places.setdefault(prov, (prov, "province"))
    for info in countries.values():
        cap = info.get("capital")
        for c in cap if isinstance(cap, list) else [cap]:
            if isinstance(c, str) and c and _latin(c):
                places[c] = (c, "capital")
    for name, info in sorted(countries.items()):
        places[name] = (name, "country")
        if name.startswith("The "):
            places[name[4:]] = (name[4:], "country")
        for alt in info.get("altSpellings") or []:
            if (isinstance(alt, str) and _latin(alt) and not alt.isupper()
                    and alt[:1].isupper() and alt not in places):
                places[alt] = (name, "country")
        dem = info.get("demonym")
        if isinstance(dem, str) and dem:
            for d in dem.split(","):
                d = d.strip()
                if d and d not in _GROUP_ADJECTIVES and d not in places:
                    demonyms.setdefault(d, name)
                    if not d.endswith(("s", "sh", "ch", "ese", "i")) or d.endswith("i"):
                        plural = d + "s"
                        if plural not in places:
                            demonyms.setdefault(plural, name)
    for alias, name in _COUNTRY_CODES.items():
        if name in countries or name == "Ivory Coast":
            places[alias] = (name, "country")
    for dem, name in _EXTRA_DEMONYMS.items():
        if name in countries:
            demonyms[dem] = name
    # A demonym that is also a place name ("Djibouti", "Gibraltar") is read as the place.
    for d in [d for d in demonyms if d in places]:
        del demonyms[d]
    max_words = max(len(p.split()) for p in places)
    return _Gazetteer(places, demonyms, max_words)


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 or c in "\u2019" for c in s) and any(c.isalpha() for c in s)


@lru_cache(maxsize=1 << 16)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _strong_place(form: str) -> bool:
    """A gazetteer name trusted even where capitals say nothing (start of a sentence)."""
    hit = _gazetteer().places.get(form)
    if hit is None:
        return False
    if hit[1] != "province" or " " in form:
        return True
    return _zipf(form.lower()) < 4.0


# ---------------------------------------------------------------------------------------
# Name spans.


@dataclass
class _Name:
    start: int
    end: int
    sentence: int
    first: int  # index of the first token in the text's token list
    last: int  # index of the last token (inclusive)
    forms: list[str]  # the token texts (a partial first/last token already cut)
    date: bool = False
    title_words: int = 0  # leading title tokens ("Gen.", "President")


@dataclass
class _Text:
    text: str
    toks: list[Token]
    sentences: list[tuple[int, int]]
    names: list[_Name]
    unreliable: list[bool]
    headline: list[bool] = field(default_factory=list)
    # nationality words: (start, end, sentence, country, part_of_a_name)
    nationalities: list[tuple[int, int, int, str, bool]] = field(default_factory=list)


_LETTER_RE = re.compile(r"[^\W\d_]")


def _is_word(t: str) -> bool:
    return _LETTER_RE.search(t) is not None


@lru_cache(maxsize=1 << 16)
def _name_shaped(t: str) -> bool:
    """Whether a token looks like (part of) a name: capitalised, an acronym, al-Shariah..."""
    c = t[0]
    if c.isupper():
        return _is_word(t) and "$" not in t
    if c in "#@":
        return len(t) > 1 and t[1].isalnum()
    if c.islower():
        if _ARTICLE_PREFIX_RE.match(t):
            return True
        head, dash, tail = t.partition("-")
        if dash and head in _HYPHEN_PREFIXES and tail[:1].isupper():
            return True  # "pro-Beijing", "mid-September": the name after the hyphen
        if t.isalpha() and any(ch.isupper() for ch in t[1:]) and t[1:2].isupper():
            return True  # iPhone, eBay
        if "." in t and _DOMAIN_RE.fullmatch(t):
            return "." in t.rstrip(".")
    return False


@lru_cache(maxsize=1 << 16)
def _is_all_caps(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _demonym(t: str) -> str | None:
    """The country a nationality word names ("Tunisian" -> "Tunisia"), or None."""
    return _gazetteer().demonyms.get(t.replace("\u2019", "'"))


def _is_group_adjective(t: str) -> bool:
    return t in _GROUP_ADJECTIVES or (t.endswith("s") and t[:-1] in _GROUP_ADJECTIVES)


def _headline(toks: Sequence[Token]) -> bool:
    """A heading: a line with no final stop whose content words are (mostly) capitalised."""
    words = [t.text for t in toks if t.text[:1].isalpha()]
    if not words or toks[-1].text in _SENTENCE_END or toks[-1].text[-1:] in _SENTENCE_END:
        return False
    content = [w for w in words if w.lower() not in CLOSED_CLASS]
    if not content:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    if len(words) <= 3:
        return caps == len(content) and all(w[0].isupper() for w in words)
    lower_function = sum(1 for w in words if w.lower() in CLOSED_CLASS and w[0].islower())
    return caps >= 0.75 * len(content) and (lower_function > 0 or caps == len(content))


_LIST_MARKER_RE = re.compile(r"[a-zA-Z0-9]\)|\d{1,2}\.|[-*\u2022\u2013\u2014]")
_CLOSE_QUOTE = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"', "'": "'", "(": ")"}


def _quoted_name(toks: Sequence[Token], a: int, idxs: list[int], k: int) -> bool:
    """Whether the quote opened at ``idxs[k]`` holds only a short capitalised title
    ('a user labelled "Anonymous"', 'the "Super District Council"')."""
    close = _CLOSE_QUOTE.get(toks[a].text)
    if close is None:
        return False
    inner = []
    for j in idxs[k + 1:k + 7]:
        if toks[j].text == close or (close == '"' and toks[j].text == "\u201d"):
            return bool(inner) and all(
                w[0].isupper() or w in NAME_PARTICLES or w in _CONNECTORS or not _is_word(w)
                for w in inner) and k > 0
        inner.append(toks[j].text)
    return False


@lru_cache(maxsize=4096)  # a notebook asks for actors, network and quotes of the same texts
def _analyse(text: str) -> _Text:
    toks = tokens(text)
    sents = sentence_spans(text)
    n = len(toks)
    unreliable = [False] * n
    headline = [False] * len(sents)
    # Positions where capitalisation says nothing.
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for i, t in enumerate(toks):
        by_sentence[t.sentence].append(i)
    for s, idxs in by_sentence.items():
        first_word = next((i for i in idxs if _is_word(toks[i].text)), None)
        if first_word is not None:
            unreliable[first_word] = True
        if _headline([toks[i] for i in idxs]):
            headline[s] = True
            for i in idxs:
                unreliable[i] = True
        for k in range(len(idxs) - 1):
            a, b = idxs[k], idxs[k + 1]
            prev = toks[a].text
            if prev in (":", ";", "\u2014", "--", "\u2022", "*", "\u201c", "\u2018", "(", "["):
                unreliable[b] = not _quoted_name(toks, a, idxs, k)
            elif prev in ('"', "'"):
                # an opening straight quote: after a space or first, glued to the next word
                opening = toks[b].start == toks[a].end and (
                    k == 0 or toks[a].start > toks[idxs[k - 1]].end)
                if opening:
                    unreliable[b] = not _quoted_name(toks, a, idxs, k)
            elif _LIST_MARKER_RE.fullmatch(prev) and (k == 0 or "\n" in text[
                    toks[idxs[k - 1]].end:toks[a].start] or toks[idxs[k - 1]].text in ".:;"):
                unreliable[b] = True  # "a) Leaving ...", "- Refusing ..."
    # Document-wide evidence: capitalised where capitals mean something vs lower-cased.
    cap_reliable: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for i, t in enumerate(toks):
        w = t.text
        if not w[:1].isalpha():
            continue
        if w[0].islower():
            lower[w] += 1
        elif not unreliable[i]:
            cap_reliable[w] += 1
    state = _Text(text, toks, sents, [], unreliable, headline)
    for idxs in by_sentence.values():
        state.names.extend(_sentence_names(state, idxs, cap_reliable, lower))
    return state


_ADJECTIVE_SUFFIXES = ("ful", "ous", "ive", "less", "able", "ible", "ing", "ed", "ly", "ical",
                       "est", "ish")
_DETERMINERS = frozenset("the a an this that these those its his her their our my your".split())
_COMPOUND_TAILS = frozenset(
    """born made run style wide like free friendly era type bound speaking shirt
    language class level area region winner winning""".split()
)


def _evidence(word: str, prev: str | None, nxt: str | None, nxt_name: bool,
              nxt_shaped: bool, cap_reliable: Counter, lower: Counter) -> bool:
    """Is a capitalised ``word`` where capitals say nothing a name?"""
    lw = word.lower()
    if word in DAYS:
        return True
    if word in MONTHS:
        return word not in _AMBIGUOUS_MONTHS or bool(nxt and nxt[:1].isdigit())
    if _is_label(word, prev, nxt):
        return False
    if _is_all_caps(word):
        return lw not in CLOSED_CLASS and (cap_reliable[word] > 0 or lower[lw] == 0)
    if _strong_place(word):
        return lower[lw] == 0
    if lw in CLOSED_CLASS:
        return False
    if word in PERSON_TITLES or lw in NAME_PARTICLES:
        return nxt_shaped  # "President Obama said", "Al Jazeera reported"
    cap = cap_reliable[word]
    low = lower[lw]
    if cap > low:
        return True
    if low:
        return False
    if _zipf(lw) < _RARE_ZIPF:
        return not _derived(lw, plural=True)  # not "Retreats", "Militiamen"
    if nxt_name and not _derived(lw):
        return _zipf(lw) < 5.0 or word in ORG_WORDS or word in _COMPASS
    return False


def _derived(lw: str, *, plural: bool = False) -> bool:
    """A verb or adjective form of a common word: "speaking", "asked", "successful" (but
    not "Ahmed", "Beijing", "Italy", whose stems are no words); with ``plural`` also a
    plural ("retreats", "militiamen")."""
    if plural and ((lw.endswith("s") and not lw.endswith("ss") and max(
            _zipf(lw[:-1]), _zipf(lw[:-2]) if lw.endswith("es") else 0.0) >= 3.0) or (
            lw.endswith("men") and _zipf(lw[:-3] + "man") >= 2.5)):
        return True
    for suffix in _ADJECTIVE_SUFFIXES:
        if lw.endswith(suffix) and len(lw) > len(suffix) + 2:
            stem = lw[:-len(suffix)]
            if max(_zipf(stem), _zipf(stem + "e"), _zipf(stem[:-1]) if stem[-1:] == stem[
                    -2:-1] else 0.0) >= 3.0:
                return True
    return False


def _is_label(word: str, prev: str | None, nxt: str | None) -> bool:
    """A caption or section label such as "Image:", "Photo:", "Source:"."""
    return (nxt == ":" and word.isalpha() and not _is_all_caps(word)
            and (prev is None or prev.lower() not in _DETERMINERS)
            and _zipf(word.lower()) >= 4.0 and word not in _gazetteer().places)


def _demonym_length(toks: Sequence[Token], idxs: list[int], k: int) -> int:
    """1 or 2 when the tokens at ``k`` are a nationality word ("Tunisian", "New Zealander")."""
    if k + 1 < len(idxs):
        two = toks[idxs[k]].text + " " + toks[idxs[k + 1]].text
        if _demonym(two):
            return 2
    w = toks[idxs[k]].text
    return 1 if (_demonym(w) or _is_group_adjective(w)) else 0


def _noun_use(toks: Sequence[Token], idxs: list[int], k: int, length: int) -> bool:
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
                    "spoken", "speaking", "fluent", "learn", "learning", "of")


def _sentence_names(state: _Text, idxs: list[int], cap_reliable: Counter,
                    lower: Counter) -> list[_Name]:
    toks = state.toks
    text = state.text
    gaz = _gazetteer()
    m = len(idxs)
    words = [toks[i].text for i in idxs]
    # 1. Which tokens may be part of a name.
    shaped = [_name_shaped(w) for w in words]
    ok = [False] * m
    glue = [False] * m  # lower-case words inside a gazetteer name ("Bosnia and Herzegovina")
    k = 0
    while k < m:
        w = words[k]
        # A multi-word gazetteer name, longest first.
        if shaped[k] and k + 1 < m:
            hit = 0
            for n in range(min(gaz.max_words, m - k), 1, -1):
                if not shaped[k + n - 1]:
                    continue
                if " ".join(words[k:k + n]) in gaz.places and all(
                        _adjacent(toks, idxs[q], idxs[q + 1], text) for q in range(k, k + n - 1)):
                    hit = n
                    break
            if hit and (not state.unreliable[idxs[k]] or _strong_place(
                    " ".join(words[k:k + hit]))):
                for q in range(k, k + hit):
                    ok[q] = True
                    glue[q] = not shaped[q]
                k += hit
                continue
        if not shaped[k]:
            k += 1
            continue
        dem = _demonym_length(toks, idxs, k)
        if dem:
            noun = _noun_use(toks, idxs, k, dem)
            nxt_cap = k + dem < m and shaped[k + dem] and words[k + dem] not in PERSON_TITLES
            keep = noun or (nxt_cap and not _demonym(words[k]) and not state.unreliable[idxs[k]])
            if nxt_cap and not keep and not state.unreliable[idxs[k]]:
                # "Libyan National Army", "Saudi Gazette": part of an organisation's name
                q = k + dem
                while q < m and shaped[q] and q < k + dem + 4:
                    if words[q] in ORG_WORDS:
                        keep = True
                        break
                    q += 1
            for q in range(k, k + dem):
                ok[q] = keep
            state.nationalities.append((toks[idxs[k]].start, toks[idxs[k + dem - 1]].end,
                                        toks[idxs[k]].sentence,
                                        _demonym(" ".join(words[k:k + dem])) or "", keep))
            k += dem
            continue
        if w == "I" or w in ("A", "An", "The"):
            k += 1
            continue
        prev = words[k - 1] if k > 0 else None
        nxt = words[k + 1] if k + 1 < m else None
        nxt_shaped = k + 1 < m and shaped[k + 1] and _adjacent(toks, idxs[k], idxs[k + 1], text)
        # in a Title Case line every word is followed by a capital: that says nothing
        nxt_name = nxt_shaped and not state.headline[toks[idxs[k]].sentence]
        lw = w.lower()
        if _ROMAN_RE.fullmatch(w):
            ok[k] = k > 0 and ok[k - 1]
        elif state.unreliable[idxs[k]]:
            ok[k] = _evidence(w, prev, nxt, nxt_name, nxt_shaped, cap_reliable, lower)
            if (not ok[k] and w in ORG_WORDS and k > 0 and shaped[k - 1]
                    and words[k - 1].lower() not in CLOSED_CLASS and words[k - 1] not in (
                        "A", "An", "The") and _adjacent(toks, idxs[k - 1], idxs[k], text)):
                ok[k] = ok[k - 1] = True  # a Title Case line: "The Associated Press"
        elif _is_all_caps(w) and lw in CLOSED_CLASS:
            # a shouted function word ("UNLESS"), unless it leads a name ("FIRST Global")
            ok[k] = nxt_name and not _is_all_caps(nxt or "")
        elif lw in CLOSED_CLASS and w not in DAYS | MONTHS:
            # a capitalised function word: only inside a name ("Doctor Who.")
            ok[k] = k > 0 and ok[k - 1] and _adjacent(toks, idxs[k - 1], idxs[k], text) and (
                nxt_name or not (nxt or "a")[:1].isalnum())
        elif _is_label(w, prev, nxt):
            ok[k] = False
        else:
            ok[k] = True
        k += 1
    # 2. Runs of name tokens, joined across particles and connectors.
    out: list[_Name] = []
    k = 0
    while k < m:
        if not ok[k]:
            # a leading particle: "de Gaulle", "van Gogh", "bin Laden" (not after a name)
            if not (words[k] in _LEADING_PARTICLES and k + 1 < m and ok[k + 1]
                    and (k == 0 or not ok[k - 1])
                    and _adjacent(toks, idxs[k], idxs[k + 1], text)):
                k += 1
                continue
        run = [k]
        j = k + 1
        while j < m:
            prev_i = idxs[run[-1]]
            cur_i = idxs[j]
            if not _adjacent(toks, prev_i, cur_i, text):
                break
            if ok[j]:
                if not (glue[j] or glue[run[-1]]) and _breaks(
                        words[run[-1]], words[j], words[j + 1] if j + 1 < m else None):
                    break
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
            elif w in _CONNECTORS and _head_word(words[run[-1]]):
                step = 1
                if j + 1 < m and words[j + 1] == "the":
                    step = 2
            if step and j + step < m and ok[j + step] and all(
                    _adjacent(toks, idxs[j + q - 1], idxs[j + q], text)
                    for q in range(1, step + 1)):
                if words[j + step] in DAYS | MONTHS:
                    break
                run.extend(range(j, j + step + 1))
                j += step + 1
                continue
            break
        k = j
        out.extend(_finish(state, [idxs[r] for r in run]))
    return out


def _adjacent(toks: Sequence[Token], a: int, b: int, text: str = "") -> bool:
    """Tokens ``a`` and ``b`` touch or are separated by spaces on one line."""
    gap = toks[b].start - toks[a].end
    if gap == 0:
        return True
    if gap > 3 or not text:
        return gap == 1
    between = text[toks[a].end:toks[b].start]
    return between.isspace() and "\n" not in between and "\r" not in between


def _head_word(w: str) -> bool:
    return w in ORG_WORDS or w in PLACE_WORDS or w in ("Republic", "Kingdom", "State", "States",
                                                       "Isle", "Bay", "Gulf", "Cape")


def _breaks(prev: str, cur: str, nxt: str | None) -> bool:
    """Two adjacent capitalised tokens that are nevertheless separate names."""
    if cur in DAYS or prev in DAYS:
        return True
    if cur in MONTHS:
        return bool(nxt and nxt[:1].isdigit()) or prev in MONTHS
    if prev in MONTHS:
        return True
    return False


def _finish(state: _Text, run: list[int]) -> list[_Name]:
    """Trim a run of tokens into a name (or nothing)."""
    toks = state.toks
    forms = [toks[i].text for i in run]
    # Leading articles and trailing particles/connectors go.
    while run and (forms[0] in ("The", "A", "An") or forms[0] in _CONNECTORS):
        run, forms = run[1:], forms[1:]
    while run and (forms[-1] in NAME_PARTICLES or forms[-1] in _CONNECTORS
                   or forms[-1] in ("the", "and", "or")):
        run, forms = run[:-1], forms[:-1]
    if not run:
        return []
    start, end = toks[run[0]].start, toks[run[-1]].end
    # Hyphenated words: keep the name part ("Tripoli-based" -> "Tripoli", "pro-Beijing" ->
    # "Beijing", "mid-September" -> "September"); keep "al-Shariah", "Chung-tai".
    first, last = forms[0], forms[-1]
    if "-" in first:
        head, _, tail = first.partition("-")
        if head.lower() in _HYPHEN_PREFIXES and tail[:1].isupper():
            start += len(head) + 1
    if "-" in last:
        head, _, tail = last.rpartition("-")
        if tail[:1].islower() and (tail in _COMPOUND_TAILS or (
                tail.endswith(("ed", "ing")) and _zipf(tail) >= 3.5)):
            end -= len(tail) + 1
            if len(run) == 1 and len(head.replace(".", "")) < 2:
                return []  # "T-shirt", "X-ray", "E-meter"
        elif len(run) == 1 and len(head) == 1 and tail[:1].islower():
            return []
    if end <= start:
        return []
    forms = _split_forms(state, start, end, run)
    if not forms or not any(c.isalpha() for c in "".join(forms)):
        return []
    name = _Name(start, end, toks[run[0]].sentence, run[0], run[-1], forms)
    name.date = len(forms) == 1 and (forms[0] in DAYS or forms[0] in MONTHS)
    t = 0
    while t < len(forms) - 1 and forms[t] in PERSON_TITLES:
        t += 1
    name.title_words = t
    return [name]


def _split_forms(state: _Text, start: int, end: int, run: list[int]) -> list[str]:
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
    state = _analyse(text)
    out = []
    for n in state.names:
        if n.date and not dates:
            continue
        start = n.start
        if n.title_words and not titles:
            start = state.toks[n.first + n.title_words].start
        out.append((start, n.end))
    return out


# ---------------------------------------------------------------------------------------
# Mentions and actors.

#: Lower-case nouns for people: before a name ("strongman Muammar Gaddafi") or after it in
#: an apposition ("Khalifa Haftar, a renegade general").
PERSON_NOUNS: frozenset[str] = frozenset(
    """general leader commander spokesman spokeswoman spokesperson minister president official
    director chief student boy girl man woman father mother son daughter wife husband activist
    journalist editor reporter correspondent lawyer judge prosecutor senator governor mayor
    chairman chairwoman ceo founder co-founder member resident doctor professor teacher
    researcher analyst expert author writer artist singer actor actress player captain coach
    striker defender midfielder goalkeeper manager strongman dictator king queen prince
    princess cleric imam bishop priest officer soldier fighter militant colonel envoy
    ambassador diplomat secretary aide adviser advisor candidate politician lawmaker
    legislator councillor councilor campaigner instructor cosplayer photographer designer
    businessman businesswoman billionaire entrepreneur executive victim suspect defector
    brother sister uncle cousin friend colleague veteran warlord rapper musician filmmaker
    founder head deputy premier chancellor emir sheikh sultan pope cardinal rabbi preacher
    scientist economist historian novelist poet blogger user pilot driver worker farmer
    nurse surgeon engineer inventor philosopher commentator presenter host anchor comedian
    dancer athlete boxer cyclist runner swimmer tennis pianist composer conductor director
    detective inspector sergeant lieutenant major admiral marshal brigadier
    undersecretary economist""".split()
)
PLACE_NOUNS: frozenset[str] = frozenset(
    """city town village capital country nation region province state district island port
    area neighbourhood neighborhood suburb county territory enclave kingdom republic
    municipality metropolis hometown homeland peninsula coast border""".split()
)
GROUP_NOUNS: frozenset[str] = frozenset(
    """group militia party organisation organization company firm network coalition alliance
    movement faction agency ministry government army newspaper broadcaster channel union
    charity bank team club brand website site publication magazine outlet body church
    association foundation institute university council committee commission court
    corporation business retailer manufacturer carrier airline insurer lender regulator
    watchdog sect cartel gang brigade battalion unit force forces rebels insurgents
    broadcaster station network paper daily weekly tabloid agency""".split()
)
_LOCATIVES = frozenset(
    """in at from into inside outside near across throughout through over toward towards
    around within beyond""".split()
)
_SAY_WORDS = frozenset(
    """said says say told tells announced announces claimed claims warned warns reported
    reports added adds stated confirmed confirms denied denies insisted insists""".split()
)


@dataclass
class _Mention:
    document: str
    doc_index: int
    sentence: int
    start: int
    end: int
    text: str  # the span as written
    core: str  # without titles, possessive, curly apostrophes
    demonym: bool = False
    country: str = ""  # gazetteer country (for countries and demonyms)
    evidence: list[tuple[str, float, str]] = field(default_factory=list)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u2019", "'")).strip()


def _acronym_key(s: str) -> str:
    return s.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,}", s) else s


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() and w not in PERSON_TITLES)


def _doc_mentions(doc: Document, doc_index: int, *, demonyms: bool) -> list[_Mention]:
    """Name and nationality mentions of one document with kind evidence from context."""
    state = _analyse(doc.text)
    text = doc.text
    out: list[_Mention] = []
    for name in state.names:
        if name.date:
            continue
        forms = name.forms
        if forms[0][:1] in "#@" or forms[0].lower().startswith(("www.", "http")):
            continue
        # Titles: "Gen. Khalifa Haftar" -> "Khalifa Haftar" (a person); "US President Barack
        # Obama" -> "Barack Obama" and "US" on its own.
        t0 = next((i for i, f in enumerate(forms) if f in PERSON_TITLES), None)
        if t0 is None:
            out.extend(_name_mention(doc, doc_index, state, name, 0, len(forms), ""))
            continue
        t1 = t0
        while t1 < len(forms) and forms[t1] in PERSON_TITLES:
            t1 += 1
        rest = forms[t1:]
        if rest and any(f in ORG_WORDS or f in PLACE_WORDS for f in rest):
            # "General Motors", "Prince Edward Island": the title word is part of the name
            out.extend(_name_mention(doc, doc_index, state, name, 0, len(forms), ""))
            continue
        if t0 > 0:
            out.extend(_name_mention(doc, doc_index, state, name, 0, t0, ""))
        if rest:  # a title alone ("the President") names no one in particular
            title = " ".join(forms[t0:t1])
            out.extend(_name_mention(doc, doc_index, state, name, t1, len(forms), title))
    if demonyms:
        for start, end, sentence, country, _part_of_name in state.nationalities:
            if country:
                m = _Mention(doc.id, doc_index, sentence, start, end, text[start:end],
                             country, demonym=True, country=country)
                m.evidence.append(("place", 5.0, "gazetteer demonym"))
                out.append(m)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _name_mention(doc: Document, doc_index: int, state: _Text, name: _Name, a: int, b: int,
                  title: str) -> list[_Mention]:
    """The mention made of forms ``a``..``b`` (exclusive) of ``name``, with its evidence."""
    forms = name.forms[a:b]
    if len(forms) == 1 and (len(forms[0]) == 1 or _demonym(forms[0])):
        return []  # an initial; a nationality noun ("Americans") is counted as a demonym
    toks = state.toks
    start = name.start if a == 0 else toks[name.first + a].start
    end = name.end if b == len(name.forms) else toks[name.first + b - 1].end
    core = _norm(" ".join(forms))
    m = _Mention(doc.id, doc_index, name.sentence, start, end, state.text[start:end], core)
    hit = _gazetteer().places.get(core) or _gazetteer().places.get(_acronym_key(core))
    if hit:
        canonical, what = hit
        if what == "country":
            m.core = m.country = canonical
        m.evidence.append(("place", 5.0, f"gazetteer {what}"))
    if title:
        m.evidence.append(("person", 4.0, f"title {title}"))
    _shape_evidence(m, forms)
    _context_evidence(m, toks, name.first + a, name.first + b - 1, state.text)
    return [m]


def _shape_evidence(m: _Mention, forms: Sequence[str]) -> None:
    first, last = forms[0], forms[-1]
    if any(f in ORG_WORDS for f in forms[1:]) or (len(forms) > 1 and first in ORG_WORDS) or (
            len(forms) == 1 and first in ORG_WORDS and first not in PLACE_WORDS):
        word = next(f for f in forms if f in ORG_WORDS)
        m.evidence.append(("group", 4.0, f"organisation word {word}"))
    if first in ORG_FIRST_WORDS:
        m.evidence.append(("group", 4.0, f"organisation word {first}"))
    if len(forms) > 1 and (last in PLACE_WORDS or first in _PLACE_FIRST_WORDS):
        word = last if last in PLACE_WORDS else first
        m.evidence.append(("place", 4.0, f"place word {word}"))
    if len(forms) > 1 and first in _COMPASS and " ".join(forms[1:]) in _gazetteer().places:
        m.evidence.append(("place", 4.0, "compass + gazetteer"))
    if re.match(r"(?:al|Al|AL|el|El)(?:-| |$)", first) and len(forms) <= 2:
        m.evidence.append(("group", 2.0, "Arabic article al-"))
    if _is_all_caps(m.core.replace(".", "")) and len(forms) == 1 and not m.country:
        m.evidence.append(("group", 2.0, "acronym"))
    if (2 <= len(forms) <= 3 and all(f[:1].isupper() and f.replace("-", "").replace(
            "'", "").isalpha() and not _is_all_caps(f) for f in forms)
            and not any(f in ORG_WORDS or f in PLACE_WORDS or f in _COMPASS for f in forms)
            and not m.country and m.core not in _gazetteer().places
            and not re.match(r"(?:Al|El)\b", first)):
        m.evidence.append(("person", 1.0, "two or three plain capitalised words"))


def _context_evidence(m: _Mention, toks: Sequence[Token], first: int, last: int,
                      text: str) -> None:
    """Evidence from the words around a mention."""
    sent = toks[first].sentence

    def tok(i: int) -> str:
        return toks[i].text if 0 <= i < len(toks) and toks[i].sentence == sent else ""

    before = tok(first - 1).lower()
    before2 = tok(first - 2).lower()
    if before in PERSON_NOUNS and tok(first - 1)[:1].islower():
        m.evidence.append(("person", 3.0, f"after '{before}'"))
    if before == "," and before2 in PLACE_NOUNS:
        m.evidence.append(("place", 3.0, f"after '{before2},'"))
    if before == "of" and before2 in ("city", "town", "village", "province", "region",
                                      "state", "island", "capital"):
        m.evidence.append(("place", 3.0, f"after '{before2} of'"))
    if before in ("called", "named") or (before == "as" and before2 == "known"):
        noun = tok(first - 2).lower() if before != "as" else tok(first - 3).lower()
        for kind, nouns in (("group", GROUP_NOUNS), ("place", PLACE_NOUNS),
                            ("person", PERSON_NOUNS)):
            if noun in nouns:
                m.evidence.append((kind, 3.0, f"'{noun} {before}'"))
    if before in _LOCATIVES:
        m.evidence.append(("place", 1.0, f"after '{before}'"))
    # Apposition: "Khalifa Haftar, a renegade general who..."; "Ahmed Mohamed, 14, ..."
    after = tok(last + 1)
    if after == "," and tok(last + 2).lower() in ("a", "an", "the"):
        for j in range(last + 3, last + 8):
            w = tok(j).lower()
            if not w or not w[:1].isalpha() or w in ("who", "which", "that", "whose"):
                break
            hit = None
            for kind, nouns in (("person", PERSON_NOUNS), ("group", GROUP_NOUNS),
                                ("place", PLACE_NOUNS)):
                if w in nouns:
                    hit = kind
                    break
            if hit:
                m.evidence.append((hit, 3.0, f"apposition '{w}'"))
                break
    elif after == "," and tok(last + 2).isdigit() and tok(last + 3) == ",":
        m.evidence.append(("person", 3.0, "age apposition"))
    if after.lower() in _SAY_WORDS and toks[last].text[-1:].isalpha() and " " in m.core:
        m.evidence.append(("person", 1.0, f"'{after}'"))


def _link(ms: list[_Mention]) -> dict[int, str]:
    """Actor key of each mention of one document (index -> key): surnames, acronyms."""
    keys = {i: m.core for i, m in enumerate(ms)}
    multi: dict[str, list[str]] = defaultdict(list)  # last (and first) word -> full names
    firsts: dict[str, list[str]] = defaultdict(list)
    initials: dict[str, set[str]] = defaultdict(set)
    full_kind: dict[str, set[str]] = defaultdict(set)
    for m in ms:
        for kind, _, _ in m.evidence:
            full_kind[m.core].add(kind)
    for m in ms:
        words = m.core.split()
        if len(words) > 1 and not m.country:
            personish = not ({"group", "place"} & full_kind[m.core])
            if personish:
                multi[words[-1]].append(m.core)
                firsts[words[0]].append(m.core)
            ini = _initials(words)
            if len(ini) >= 2:
                initials[ini].add(m.core)
    for i, m in enumerate(ms):
        words = m.core.split()
        if len(words) != 1 or m.country:
            continue
        w = words[0]
        cands = multi.get(w) or firsts.get(w)
        if cands:
            # the most frequent full name, then the earliest
            counts = Counter(cands)
            keys[i] = max(counts, key=lambda c: (counts[c], -cands.index(c)))
        elif _is_all_caps(_acronym_key(w)) and len(initials.get(_acronym_key(w), ())) == 1:
            keys[i] = next(iter(initials[_acronym_key(w)]))
    # A full name containing a shorter full name with more words ("Barack Obama" inside
    # "Barack Hussein Obama") is left alone: that is rare and risky.
    return keys


def mentions(source: Source, *, demonyms: bool = True) -> pd.DataFrame:
    """Every mention of an actor: a name (not a day or month) or, with ``demonyms``, a
    nationality word standing for its country ("Tunisian" -> Tunisia).

    Columns: ``document``, ``sentence``, ``start``, ``end`` (offsets into the document's
    text), ``text`` (as written, without a leading title), ``actor`` (the actor it is
    counted for in :func:`actors`), ``demonym`` (True for nationality words).

    >>> text = "Gen. Khalifa Haftar met Tunisian officials. Haftar’s men left."
    >>> mentions(text)[["text", "actor", "demonym"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Khalifa Haftar', 'Khalifa Haftar', False], ['Tunisian', 'Tunisia', True],
     ['Haftar', 'Khalifa Haftar', False]]
    """
    rows = []
    for _, ms, keys, canon in _documents_mentions(source, demonyms=demonyms):
        for i, m in enumerate(ms):
            rows.append((m.document, m.sentence, m.start, m.end, m.text, canon[keys[i]],
                         m.demonym))
    return pd.DataFrame(rows, columns=["document", "sentence", "start", "end", "text", "actor",
                                       "demonym"])


def _documents_mentions(source: Source, *, demonyms: bool):
    """Per document: (doc, mentions, mention index -> key, key -> canonical actor name)."""
    out = []
    for d, doc in enumerate(as_documents(source)):
        ms = _doc_mentions(doc, d, demonyms=demonyms)
        keys = _link(ms)
        out.append((doc, ms, keys, {}))
    # Canonical names: countries keep the gazetteer's name; others the longest variant.
    variants: dict[str, Counter] = defaultdict(Counter)
    for _, ms, keys, _ in out:
        for i, m in enumerate(ms):
            if not m.demonym:
                variants[keys[i]][_norm(m.text)] += 1
    for _, ms, keys, canon in out:
        for i, m in enumerate(ms):
            k = keys[i]
            if k not in canon:
                if m.country:
                    canon[k] = m.country
                else:
                    forms = variants.get(k) or Counter({k: 1})
                    canon[k] = max(forms, key=lambda f: (len(f), forms[f], f))
                    canon[k] = k if len(k) >= len(canon[k]) else canon[k]
    return out


_KINDS = ("person", "place", "group")


def actors(source: Source, *, min_mentions: int = 1, demonyms: bool = True) -> pd.DataFrame:
    """Who and where: names grouped into actors, with a kind where the evidence allows.

    Variants of one name are one actor: a surname alone joins the full name of a person
    ("Haftar", "Haftar’s" -> "Khalifa Haftar"), a country's codes and other names join it
    ("U.S." -> "United States"), an acronym joins the one name with those initials, a title
    is dropped ("Gen. Khalifa Haftar"). With ``demonyms`` a nationality word counts as a
    mention of its country ("Tunisian officials" -> Tunisia, in ``via_demonym``).

    ``kind`` is "person", "place", "group" or "unknown", from weighed evidence listed in
    ``evidence``: the gazetteer (countries, capitals, provinces, demonyms), titles,
    organisation and place words in the name ("Council", "Ansar", "City", "River"), a
    surname used alone, and the words around a mention: an apposition ("Khalifa Haftar, a
    renegade general"), a role before the name ("strongman Muammar Gaddafi"), "a group
    called X", "the city, X", a preposition of place ("in Benghazi").

    Columns: ``actor`` (the longest variant, or the country's name), ``kind``, ``mentions``,
    ``via_demonym``, ``documents`` (how many mention it), ``variants`` (as written, most
    frequent first, "; "-separated), ``first_document``, ``first_sentence``,
    ``first_mention`` (character offset), ``evidence``. Sorted by mentions (descending),
    then actor. Days, months, hashtags and web addresses are no actors.

    >>> text = ("Tunisian officials said Khalifa Haftar, a renegade general, left the U.S. "
    ...         "on Friday. Haftar’s men and the United States stayed.")
    >>> actors(text)[["actor", "kind", "mentions", "variants"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Khalifa Haftar', 'person', 2, 'Haftar; Khalifa Haftar'],
     ['United States', 'place', 2, 'U.S.; United States'],
     ['Tunisia', 'place', 1, 'Tunisian']]
    """
    per_actor: dict[str, dict] = {}
    for _doc, ms, keys, canon in _documents_mentions(source, demonyms=demonyms):
        for i, m in enumerate(ms):
            name = canon[keys[i]]
            a = per_actor.setdefault(name, {
                "mentions": 0, "via_demonym": 0, "documents": set(), "variants": Counter(),
                "first": (m.doc_index, m.start, m.sentence, m.document),
                "scores": defaultdict(float), "reasons": Counter()})
            a["mentions"] += 1
            a["via_demonym"] += int(m.demonym)
            a["documents"].add(m.doc_index)
            a["variants"][_norm(m.text)] += 1
            a["first"] = min(a["first"], (m.doc_index, m.start, m.sentence, m.document))
            seen = set()
            linked = keys[i] != m.core and not m.country
            for kind, weight, reason in m.evidence:
                if (kind, reason) in seen or (linked and reason.startswith("gazetteer")):
                    continue  # "Hamilton" for "Lewis Hamilton" is no capital
                seen.add((kind, reason))
                a["scores"][kind] += weight
                a["reasons"][reason] += 1
        # A surname used alone for a full name is evidence of a person.
        for i, m in enumerate(ms):
            name = canon[keys[i]]
            if len(m.core.split()) == 1 and keys[i] != m.core and not m.country and (
                    len(name.split()) > 1) and not _is_all_caps(m.core):
                per_actor[name]["scores"]["person"] += 3.0
                per_actor[name]["reasons"]["surname alone"] += 1
    rows = []
    for name, a in per_actor.items():
        if a["mentions"] < min_mentions:
            continue
        scores = a["scores"]
        ranked = sorted(_KINDS, key=lambda k: -scores.get(k, 0.0))
        best = ranked[0]
        if scores.get(best, 0.0) <= 0 or scores.get(best) == scores.get(ranked[1], 0.0):
            kind = "unknown"
        else:
            kind = best
        variants = "; ".join(v for v, _ in sorted(a["variants"].items(),
                                                   key=lambda kv: (-kv[1], kv[0])))
        evidence = "; ".join(f"{r}" + (f" x{c}" if c > 1 else "")
                             for r, c in sorted(a["reasons"].items(),
                                                key=lambda kv: (-kv[1], kv[0])))
        d, start, sentence, doc_id = a["first"]
        rows.append((name, kind, a["mentions"], a["via_demonym"], len(a["documents"]),
                     variants, doc_id, sentence, start, evidence))
    df = pd.DataFrame(rows, columns=["actor", "kind", "mentions", "via_demonym", "documents",
                                     "variants", "first_document", "first_sentence",
                                     "first_mention", "evidence"])
    return df.sort_values(["mentions", "actor"], ascending=[False, True],
                          kind="mergesort").reset_index(drop=True)


def cooccurrence(source: Source, *, min_weight: int = 1, min_mentions: int = 1,
                 demonyms: bool = True, isolated: bool = True, top: int | None = None,
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Actors named in the same sentence: ``(nodes, edges)`` for a network figure
    (:func:`analysis.plots.cooccurrence_network`).

    ``nodes`` has columns ``name``, ``mentions``, ``kind`` (actors with at least
    ``min_mentions`` mentions; with ``isolated=False`` only those with an edge); ``edges``
    has ``source``, ``target`` (alphabetical within a pair), ``weight`` (the number of
    sentences naming both; pairs below ``min_weight`` are dropped). Both sorted: by
    mentions or weight (descending), then by name. ``top`` keeps only the ``top`` most
    mentioned actors (ties by name), so a network of a large corpus stays readable.

    >>> nodes, edges = cooccurrence("Spain and China left Libya. Spain stayed in Tunisia.")
    >>> edges.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['China', 'Libya', 1], ['China', 'Spain', 1], ['Libya', 'Spain', 1],
     ['Spain', 'Tunisia', 1]]
    >>> nodes.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Spain', 2, 'place'], ['China', 1, 'place'], ['Libya', 1, 'place'],
     ['Tunisia', 1, 'place']]
    """
    table = actors(source, min_mentions=1, demonyms=demonyms)
    eligible = table.loc[table["mentions"] >= min_mentions, "actor"]
    keep = set(eligible.head(top) if top else eligible)
    nodes = table.loc[table["actor"].isin(keep), ["actor", "mentions", "kind"]].rename(
        columns={"actor": "name"}).reset_index(drop=True)
    pairs: Counter[tuple[str, str]] = Counter()
    for _, ms, keys, canon in _documents_mentions(source, demonyms=demonyms):
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for i, m in enumerate(ms):
            name = canon[keys[i]]
            if name in keep:
                by_sentence[m.sentence].add(name)
        for names in by_sentence.values():
            ordered = sorted(names)
            for x in range(len(ordered)):
                for y in range(x + 1, len(ordered)):
                    pairs[(ordered[x], ordered[y])] += 1
    rows = [(a, b, w) for (a, b), w in pairs.items() if w >= min_weight]
    edges = pd.DataFrame(rows, columns=["source", "target", "weight"])
    if not isolated:
        linked = {a for a, _, _ in rows} | {b for _, b, _ in rows}
        nodes = nodes[nodes["name"].isin(linked)].reset_index(drop=True)
    edges = edges.sort_values(["weight", "source", "target"], ascending=[False, True, True],
                              kind="mergesort").reset_index(drop=True)
    return nodes, edges


# ---------------------------------------------------------------------------------------
# Attributions: who said what.

_SPEECH_LEMMAS = """say tell announce claim accuse report warn deny add confirm state declare
insist argue note explain acknowledge admit ask urge suggest estimate predict reveal disclose
allege promise vow pledge threaten write tweet reply respond complain concede contend
assert stress emphasise emphasize recall remark comment observe testify speculate caution
demand blame criticise criticize condemn quote cite inform assure remind""".split()
_IRREGULAR = {
    "say": ("says", "said"), "tell": ("tells", "told"), "write": ("writes", "wrote", "written"),
    "admit": ("admits", "admitted"), "quote": ("quotes", "quoted"),
}
#: Third-person forms that are mostly nouns: a verb only after a valid speaker.
_NOUN_LIKE = frozenset("""claims reports notes comments demands promises estimates vows
pledges replies remarks tweets states warns""".split())
#: Base forms read as verbs after a plural subject ("officials say").
_BASE_OK = frozenset("""say tell claim warn deny insist argue admit add explain predict suggest
confirm acknowledge allege accuse believe""".split())
#: Verbs whose object is the person told before the content ("told reporters that ...").
_TELL_LIKE = frozenset("tell inform assure remind warn ask urge".split())
_PASSIVE_OK = frozenset("""accuse quote cite report claim criticise criticize condemn blame
deny confirm announce describe""".split())


def _verb_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in _SPEECH_LEMMAS:
        if lemma in _IRREGULAR:
            for f in _IRREGULAR[lemma]:
                forms[f] = lemma
        else:
            if lemma.endswith(("s", "sh", "ch", "x", "z")):
                third = lemma + "es"
            elif lemma.endswith("y") and lemma[-2] not in "aeiou":
                third = lemma[:-1] + "ies"
            else:
                third = lemma + "s"
            if lemma.endswith("e"):
                past = lemma + "d"
            elif lemma.endswith("y") and lemma[-2] not in "aeiou":
                past = lemma[:-1] + "ied"
            else:
                past = lemma + "ed"
            forms[third] = lemma
            forms[past] = lemma
        if lemma in _BASE_OK:
            forms[lemma] = lemma
    forms.pop("states", None)
    forms.pop("state", None)
    return forms


_VERBS = _verb_forms()
_SUBJECT_PRONOUNS = frozenset("he she they we i it you".split())
_SPEAKER_SKIP = frozenset(
    """also later previously earlier repeatedly publicly again recently reportedly then now
    further initially separately flatly angrily simply has have had has've already
    officially formally privately quietly once""".split()
)
_NP_INSIDE = frozenset(
    """the a an its his her their our of for from in at 's \u2019s and other some many several
    one two three four five six seven eight nine ten dozens hundreds thousands state local
    senior top""".split()
)
_AUX_BEFORE_BASE = frozenset(
    """to not n't n\u2019t will would can could may might must should shall did does do""".split()
)
_PASSIVE_AUX = frozenset("was were been being is are be has have had".split())
_POSSESSIVES = frozenset("'s \u2019s his her their its our my your the a an this that".split())


def _is_name_token(w: str) -> bool:
    return _name_shaped(w) and w.lower() not in CLOSED_CLASS


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
        if lw in _SPEAKER_SKIP or lw in ("not", "n't", "n\u2019t", "did", "does", "do"):
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
    if words[j].lower() in _SUBJECT_PRONOUNS:
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
                lw in _NP_INSIDE) or (w[:1].isdigit() and k < j):
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
        if _is_name_token(w) or lw in _NP_INSIDE or (
                w[:1].isalpha() and lw not in CLOSED_CLASS and lw not in _VERBS) or (
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
        if _is_word(t if isinstance(t, str) else t.text):
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
    state = _analyse(text)
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
            if j < hi and words[j].lower() in _VERBS and words[j].lower() not in _NOUN_LIKE:
                sp = _right_np(words, j + 1, hi, stop_of=False)
                if sp:
                    emit(sent, sp, j, j + 1, c_span, "quote")
                    used.add(j)
                    done = True
            elif j < hi:
                for v in range(j + 1, min(hi, j + 9)):
                    if words[v].lower() in _VERBS and not in_quote[v]:
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
                  if words[q].lower() in _VERBS and (q == b or _VERBS[words[q].lower()] in
                                                     _TELL_LIKE)
                  and toks[q].sentence == toks[b].sentence), None) if b >= 0 else None
        if v is not None and not in_quote[v] and v not in used and all(
                _is_word(x) for x in words[v:b + 1]):
            sent = toks[v].sentence
            sp = _left_np(words, v, window(sent, v)[0])
            if sp:
                emit(sent, sp, v, v + 1, c_span, "quote")
                used.add(v)
    # 2. Reported speech and passives.
    for i, w in enumerate(words):
        lw = w.lower()
        if lw not in _VERBS or i in used or in_quote[i]:
            continue
        lemma = _VERBS[lw]
        sent = toks[i].sentence
        lo, hi = window(sent, i)
        prev = words[i - 1].lower() if i > lo else ""
        if prev in _POSSESSIVES:
            continue  # a noun: "his claims", "the reports"
        if lw == lemma and lw not in ("said",) and prev in _AUX_BEFORE_BASE:
            continue  # "to say", "would not deny"
        # passive: "(was) accused by X of ..."
        j = i + 1
        if j < hi and words[j].lower() == "by" and lemma in _PASSIVE_OK and lw.endswith(
                ("ed", "d", "ten", "id")):
            sp = _right_np(words, j + 1, hi, stop_of=True)
            if sp:
                content = _trim_content(toks, sp[1], hi, text)
                if content is None:
                    subj = _left_np(words, i if prev not in _PASSIVE_AUX else i - 1, lo)
                    content = (toks[subj[0]].start, toks[subj[1] - 1].end) if subj else None
                if content:
                    emit(sent, sp, i, i + 1, content, "passive")
                    used.add(i)
            continue
        if prev in _PASSIVE_AUX and prev not in ("has", "have", "had"):
            continue  # "was reported": a passive without its agent
        if any(words[q].lower() in ("not", "n't", "n\u2019t", "never") for q in range(
                max(lo, i - 3), i)):
            continue  # "have not said why": nothing is attributed
        nxt_w = words[i + 1].lower() if i + 1 < hi else ""
        if lw in _NOUN_LIKE and nxt_w in ("have", "has", "had", "were", "was", "are", "is",
                                          "of", "from", "about", "by", "suggest"):
            continue  # "reports have revealed", "claims of"
        k_and = i - 1
        while k_and >= lo and words[k_and].lower() in _SPEAKER_SKIP:
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
        if lw in _NOUN_LIKE and sp is None:
            continue
        j = _skip_time(words, i + 1, hi)
        if j < hi and words[j].lower() == "to" and lemma not in (
                "claim", "vow", "promise", "threaten", "pledge", "admit", "deny", "agree"):
            # "stated to LA Weekly that ...": skip the person addressed
            that = next((q for q in range(j + 1, min(hi, j + 9)) if words[q].lower() == "that"),
                        None)
            if that is not None and all(_is_word(x) for x in words[j:that]):
                j = that
        if lemma in _TELL_LIKE and j < hi:
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
                and (_is_word(first) or first in ('"', "\u201c"))
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
            leading = i == lo or words[i - 1] in (",", "that", "(") or not _is_word(
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


# ---------------------------------------------------------------------------------------
# Key figures: numbers with what they count, percentages, money, dates, ordinals.

_UNITS_ = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen""".split()
_TENS_ = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS_)} | {
    w: 20 + 10 * i for i, w in enumerate(_TENS_)} | {"dozen": 12}
SCALES: dict[str, float] = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                            "trillion": 1e12, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12,
                            "k": 1e3}
_VAGUE = frozenset("dozens hundreds thousands millions billions scores tens".split())
_ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
    twentieth""".split())} | {"thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                              "hundredth": 100, "thousandth": 1000}
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "\u00a3": "GBP", "\u20ac": "EUR", "\u00a5": "JPY",
                   "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD",
                   "R$": "BRL", "\u20b9": "INR"}
_CURRENCY_WORDS = frozenset(
    """dollar dollars euro euros pound pounds sterling yen yuan renminbi rupee rupees dinar
    dinars riyal riyals rial rials franc francs rouble roubles ruble rubles peso pesos lira
    shekel shekels cent cents pence dirham dirhams rand naira""".split()
)
_UNIT_WORDS = frozenset(
    """hour hours minute minutes second seconds day days week weeks month months year years
    decade decades century centuries km kilometre kilometres kilometer kilometers mile miles
    metre metres meter meters foot feet inch inches kg kilogram kilograms gram grams tonne
    tonnes ton tons litre litres liter liters barrel barrels acre acres hectare hectares
    degree degrees mph cm mm sq square gw mw kw gigawatts megawatts""".split()
)
_APPROXIMATORS = [p.split() for p in """more than|less than|fewer than|at least|at most|up to|
as many as|as much as|as few as|close to|upwards of|just over|just under|well over|
well under|nearly|almost|about|around|roughly|approximately|some|over|under|just|only|
an estimated|estimated|a total of|a record|an additional|another""".replace("\n", "").split(
    "|")]
_APPROXIMATORS.sort(key=len, reverse=True)
_TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?|\d{1,2}[ap]\.?m\.?")
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
_DECADE_RE = re.compile(r"(?:1[89]|20)\d0s|['\u2019]\d0s")
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")
_MONEY_GLUED_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(bn|mn|m|tn|k)")
_RELATIVE_UNITS = frozenset("week weekend month year days weeks months years decade".split())


_FIGURE_WORDS = frozenset(NUMBER_WORDS) | _VAGUE | frozenset(_ORDINAL_WORDS) | frozenset(
    "today yesterday tomorrow tonight last next this past a an".split()) | frozenset(
    f"{t}-{u}" for t in _TENS_ for u in _UNITS_[1:10])


def _number_value(w: str) -> float | None:
    """The value of one numeral token: "10,000" -> 10000.0, "three" -> 3.0, else None."""
    lw = w.lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", w):
        return float(w.replace(",", ""))
    if lw in NUMBER_WORDS:
        return float(NUMBER_WORDS[lw])
    if "-" in lw:
        a, _, b = lw.partition("-")
        if a in _TENS_ and b in _UNITS_[1:10]:
            return float(NUMBER_WORDS[a] + NUMBER_WORDS[b])
    return None


def _plural_noun(w: str) -> bool:
    lw = w.lower()
    return (len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s"))
            and lw.isalpha() and lw not in CLOSED_CLASS) or lw in (
        "people", "men", "women", "children", "police", "staff", "personnel", "troops",
        "cattle", "sheep", "fish", "aircraft")


def figures(source: Source) -> pd.DataFrame:
    """The key figures of news text: numbers with what they count, percentages, money,
    dates and ordinals, each with its character offsets and sentence.

    ``kind`` is one of "date" ("Sept. 11, 2012", "Thursday", "2011", "last week", "the
    past days", "15:11"), "quantity" (a number with its unit or counted noun: "12 hours",
    "13,000 Filipino workers", "hundreds of boxes", "three other Americans"), "percent"
    ("4.5%", "10 per cent"), "money" ("$2 billion", "500 euros"), "ordinal" ("second
    largest city", "22nd") or "number" (alone: "more than 10,000"). Approximators belong to
    the figure ("more than", "some", "about", "nearly", "at least", "just").

    Columns: ``document``, ``sentence``, ``text``, ``kind``, ``value`` (the number as a
    float: 10000.0 for "more than 10,000", 2e9 for "$2 billion", 4.5 for "4.5%"; NaN for
    dates and vague amounts such as "hundreds"), ``unit`` (the counted noun or unit, the
    currency code, "%"), ``date`` (ISO form of a calendar date where the text gives it:
    "2012-09-11", "2012"), ``start``, ``end``, ``context`` (the sentence). Sorted by
    document and position.

    >>> text = ("Some 13,000 Filipino workers left on Sept. 11, 2012, and prices rose 4.5% "
    ...         "to $2 billion in 12 hours, Libya's second largest city said.")
    >>> figures(text)[["text", "kind", "value", "unit"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Some 13,000 Filipino workers', 'quantity', 13000.0, 'Filipino workers'],
     ['Sept. 11, 2012', 'date', nan, ''], ['4.5%', 'percent', 4.5, '%'],
     ['$2 billion', 'money', 2000000000.0, 'USD'], ['12 hours', 'quantity', 12.0, 'hours'],
     ['second largest city', 'ordinal', 2.0, 'largest city']]
    """
    rows = []
    for d, doc in enumerate(as_documents(source)):
        text = doc.text
        state = _analyse(text)
        sents = state.sentences
        for f in _doc_figures(state):
            sentence, start, end, kind, value, unit, date = f
            s0, s1 = sents[sentence] if sentence < len(sents) else (start, end)
            rows.append((d, doc.id, sentence, text[start:end], kind, value, unit, date, start,
                         end, _context(text, s0, s1, start, end)))
    df = pd.DataFrame(rows, columns=["_d", "document", "sentence", "text", "kind", "value",
                                     "unit", "date", "start", "end", "context"])
    df["value"] = df["value"].astype(float)
    df = df.sort_values(["_d", "start"], kind="mergesort")
    return df.drop(columns="_d").reset_index(drop=True)


def _context(text: str, s0: int, s1: int, start: int, end: int, *, width: int = 120) -> str:
    """The sentence around a figure, cut to ``width`` characters either side."""
    a, b = max(s0, start - width), min(s1, end + width)
    if a > s0:
        a = text.find(" ", a, start) + 1 or a
    if b < s1:
        cut = text.rfind(" ", end, b)
        b = cut if cut > end else b
    return ("\u2026" if a > s0 else "") + text[a:b] + ("\u2026" if b < s1 else "")


def _doc_figures(state: _Text) -> list[tuple]:
    toks = state.toks
    words = [t.text for t in toks]
    n = len(toks)
    name_tokens = set()
    for nm in state.names:
        if not nm.date:
            name_tokens.update(range(nm.first, nm.last + 1))
    out: list[tuple] = []
    k = 0
    while k < n:
        w = words[k]
        if not (w[:1].isdigit() or w.lower() in _FIGURE_WORDS or w in _CURRENCY_SIGNS
                or w in DAYS or w in MONTHS or w[:1] in _APOS):
            k += 1  # a quick test first: most tokens start no figure
            continue
        res = _figure_at(words, toks, k, n, name_tokens)
        if res is None:
            k += 1
            continue
        a, b, kind, value, unit, date = res
        # approximators just before a number
        if kind in ("quantity", "number", "money", "percent"):
            for phrase in _APPROXIMATORS:
                m = len(phrase)
                if a - m >= 0 and [w.lower() for w in words[a - m:a]] == phrase and all(
                        toks[q].sentence == toks[a].sentence for q in range(a - m, a)):
                    if not (phrase == ["some"] and a - m > 0 and words[a - m - 1].lower() in
                            ("of", "for")):
                        a -= m
                    break
        out.append((toks[a].sentence, toks[a].start, toks[b - 1].end, kind, value, unit, date))
        k = b
    return out


def _same_sentence(toks: Sequence[Token], a: int, b: int) -> bool:
    return b < len(toks) and toks[a].sentence == toks[b].sentence


def _figure_at(words: Sequence[str], toks: Sequence[Token], k: int, n: int,
               name_tokens: set[int]):
    """A figure starting at token ``k``: (start, end, kind, value, unit, date) or None."""
    w = words[k]
    lw = w.lower()

    def nxt(i: int) -> str:
        return words[i] if i < n and toks[i].sentence == toks[k].sentence else ""

    # --- dates -----------------------------------------------------------------------
    if w in DAYS:
        a = k
        if k > 0 and words[k - 1].lower() in ("late", "early", "last", "next", "this") and (
                _same_sentence(toks, k - 1, k)):
            a = k - 1
        b = k + 1
        if nxt(b) == "," and nxt(b + 1) in MONTHS:
            res = _figure_at(words, toks, b + 1, n, name_tokens)
            if res and res[2] == "date":
                return (a, res[1], "date", math.nan, "", res[5])
        return (a, b, "date", math.nan, "", "")
    if w in MONTHS and not (w in _AMBIGUOUS_MONTHS and k in name_tokens):
        b = k + 1
        day = year = None
        if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", nxt(b)):
            day = int(re.match(r"\d+", nxt(b)).group())
            b += 1
            if nxt(b) == "," and _YEAR_RE.fullmatch(nxt(b + 1)):
                year = int(nxt(b + 1))
                b += 2
            elif _YEAR_RE.fullmatch(nxt(b)):
                year = int(nxt(b))
                b += 1
        elif _YEAR_RE.fullmatch(nxt(b)):
            year = int(nxt(b))
            b += 1
        if w in _AMBIGUOUS_MONTHS and day is None and year is None:
            prev = words[k - 1].lower() if k > 0 else ""
            if prev not in ("in", "since", "until", "by", "of", "last", "next", "early", "late",
                            "mid", "this", "from", "through", "during"):
                return None
        a = k
        if day is None and k > 0 and re.fullmatch(r"\d{1,2}", words[k - 1]) and _same_sentence(
                toks, k - 1, k):
            a, day = k - 1, int(words[k - 1])  # "11 September 2012"
        month = _MONTH_NUMBER[w]
        iso = (f"{year:04d}-{month:02d}-{day:02d}" if year and day else
               f"{year:04d}-{month:02d}" if year else "")
        return (a, b, "date", math.nan, "", iso)
    if _DECADE_RE.fullmatch(w):
        return (k, k + 1, "date", math.nan, "", "")
    if lw in ("today", "yesterday", "tomorrow", "tonight"):
        return (k, k + 1, "date", math.nan, "", "")
    if lw in ("last", "next", "this", "past") and nxt(k + 1).lower() in _RELATIVE_UNITS:
        a = k - 1 if k > 0 and words[k - 1].lower() == "the" and lw == "past" else k
        if lw == "this" and nxt(k + 1).lower() in ("days", "weeks", "months", "years"):
            return None
        return (a, k + 2, "date", math.nan, "", "")
    if lw == "past" and nxt(k + 1).lower() in ("few", "several", "two", "three") and nxt(
            k + 2).lower() in _RELATIVE_UNITS:
        a = k - 1 if k > 0 and words[k - 1].lower() == "the" else k
        return (a, k + 3, "date", math.nan, "", "")
    if _TIME_RE.fullmatch(lw) and (":" in lw or "m" in lw):
        b = k + 1
        if nxt(b).lower() in ("a.m.", "p.m.", "am", "pm", "gmt", "utc", "est", "bst"):
            b += 1
        return (k, b, "date", math.nan, "", "")
    if re.fullmatch(r"\d{1,2}", w) and nxt(k + 1).lower() in ("a.m.", "p.m.", "am", "pm"):
        return (k, k + 2, "date", math.nan, "", "")
    # --- money -----------------------------------------------------------------------
    if w in _CURRENCY_SIGNS:
        val = _number_value(nxt(k + 1))
        glued = _MONEY_GLUED_RE.fullmatch(nxt(k + 1))
        if glued:
            val = float(glued.group(1).replace(",", "")) * SCALES[glued.group(2)]
            return (k, k + 2, "money", val, _CURRENCY_SIGNS[w], "")
        if val is not None:
            b = k + 2
            if nxt(b).lower() in SCALES:
                val *= SCALES[nxt(b).lower()]
                b += 1
            return (k, b, "money", val, _CURRENCY_SIGNS[w], "")
        return None
    # --- numbers ---------------------------------------------------------------------
    val = _number_value(w)
    vague = lw in _VAGUE
    if val is None and not vague and lw not in ("a", "an"):
        glued = _MONEY_GLUED_RE.fullmatch(w)
        if _ORDINAL_RE.fullmatch(lw) or lw in _ORDINAL_WORDS:
            return _ordinal(words, toks, k, n, name_tokens)
        if glued and nxt(k + 1).lower() in _CURRENCY_WORDS:
            v = float(glued.group(1).replace(",", "")) * SCALES[glued.group(2)]
            return (k, k + 2, "money", v, nxt(k + 1).lower(), "")
        return None
    if lw in ("a", "an"):
        if nxt(k + 1).lower() in ("dozen", "hundred", "thousand", "million", "billion"):
            res = _figure_at(words, toks, k + 1, n, name_tokens)  # "a dozen people"
            return None if res is None else (k, *res[1:])
        return None
    if k > 0 and (k - 1) in name_tokens and _same_sentence(toks, k - 1, k) and (
            toks[k].start - toks[k - 1].end <= 1) and not vague:
        return None  # "Internet Explorer 6", "Group 4"
    if w.isdigit() and nxt(k + 1) == "." and (k == 0 or not _same_sentence(toks, k - 1, k)):
        return None  # a list number at the start of a line: "1. Prices
    b = k + 1
    if val is not None:
        # "2 million", "three hundred thousand"
        while nxt(b).lower() in SCALES and nxt(b).lower() not in ("m", "k"):
            val *= SCALES[nxt(b).lower()]
            b += 1
        if nxt(b) == "%" or nxt(b).lower() in ("percent", "pct") or (
                nxt(b).lower() == "per" and nxt(b + 1).lower() == "cent"):
            end = b + (2 if nxt(b).lower() == "per" else 1)
            return (k, end, "percent", val, "%", "")
        if nxt(b).lower() == "percentage" and nxt(b + 1).lower() in ("point", "points"):
            return (k, b + 2, "percent", val, "percentage points", "")
        if nxt(b).lower() in _CURRENCY_WORDS:
            unit = nxt(b).lower()
            return (k, b + 1, "money", val, unit, "")
        # a year: news writes larger counts with a separator ("2,014 people")
        if _YEAR_RE.fullmatch(w) and b == k + 1 and not (k > 0 and words[k - 1].lower() in (
                "about", "some", "around", "nearly", "almost", "than", "over", "least",
                "roughly", "approximately")):
            return (k, k + 1, "date", math.nan, "", w)
    # what is counted: "12 hours", "13,000 Filipino workers", "hundreds of boxes"
    c = b
    if vague and nxt(c).lower() == "of":
        c += 1
        if nxt(c).lower() in ("the", "their", "its", "his", "her"):
            c += 1
    noun_end = None
    for q in range(c, c + 4):
        x = nxt(q)
        lx = x.lower()
        if not x or not x[:1].isalpha():
            break
        if lx in _UNIT_WORDS or _plural_noun(x):
            if x[:1].isupper() and q in name_tokens and not _demonym(x):
                break
            noun_end = q + 1
            break
        if lx in CLOSED_CLASS and lx not in ("other", "more", "new", "additional", "extra",
                                             "more", "small", "large", "young", "old"):
            break
        if x[:1].isupper() and not (_demonym(x) or _is_group_adjective(x)):
            break
    if noun_end is not None:
        unit = " ".join(words[b:noun_end]) if not vague else " ".join(words[c:noun_end])
        if vague:
            return (k, noun_end, "quantity", math.nan, unit, "")
        return (k, noun_end, "quantity", val, " ".join(words[b:noun_end]), "")
    if vague or lw in NUMBER_WORDS or "-" in lw:
        return None  # "thousands who arrived", "one of the", "the two" say little alone
    if val is None:
        return None
    return (k, b, "number", val, "", "")


def _ordinal(words, toks, k, n, name_tokens):
    w = words[k]
    lw = w.lower()
    value = float(_ORDINAL_WORDS[lw]) if lw in _ORDINAL_WORDS else float(re.match(
        r"\d+", w).group())
    prev = words[k - 1].lower() if k > 0 and _same_sentence(toks, k - 1, k) else ""
    b = k + 1
    for q in range(k + 1, min(n, k + 3)):
        x = words[q]
        if not _same_sentence(toks, k, q) or not x[:1].isalpha() or x[:1].isupper() or (
                x.lower() in CLOSED_CLASS and x.lower() not in ("most", "largest")):
            break
        b = q + 1
        if not x.lower().endswith(("est", "most")) and q > k:
            break  # stop after the noun: "second largest city"
    if lw in _ORDINAL_WORDS:
        if b == k + 1 or prev not in _POSSESSIVES | {"'s", "\u2019s"}:
            return None  # "first" as an adverb; "at first"
    return (k, b, "ordinal", value, " ".join(words[k + 1:b]), "")


def mention_kinds(mention_table: pd.DataFrame, actor_table: pd.DataFrame) -> pd.DataFrame:
    """Each mention (:func:`mentions`) with the kind of the actor it counts for.

    >>> text = "Spain announced it. Madrid agreed."
    >>> mention_kinds(mentions(text), actors(text))[["text", "kind"]].values.tolist()
    [['Spain', 'place'], ['Madrid', 'place']]
    """
    kinds = dict(zip(actor_table["actor"], actor_table["kind"], strict=True))
    out = mention_table.copy()
    out["kind"] = [kinds.get(a, "unknown") for a in out["actor"]]
    return out


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

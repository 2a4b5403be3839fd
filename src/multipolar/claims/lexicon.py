"""Words the claim parser knows: countries, demonyms, groups, organizations, cities, numbers, hedges, periods."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..countries import CENTRAL_ASIA

# Country spellings and adjectives the parser reads as a country (ISO3). country_converter's short and official
# names of every country are added at build time; these are the forms it lacks (adjectives, short forms, metonyms).
COUNTRY_ALIASES: dict[str, str] = {
    "China": "CHN", "Chinese": "CHN", "PRC": "CHN", "People's Republic of China": "CHN", "mainland China": "CHN",
    "Russia": "RUS", "Russian": "RUS", "Russian Federation": "RUS", "Kremlin": "RUS", "Rossiya": "RUS",
    "Kazakhstan": "KAZ", "Kazakh": "KAZ", "Kazakhstani": "KAZ", "Qazaqstan": "KAZ",
    "Kyrgyzstan": "KGZ", "Kyrgyz": "KGZ", "Kyrgyzstani": "KGZ", "Kyrgyz Republic": "KGZ", "Kirghizia": "KGZ",
    "Tajikistan": "TJK", "Tajik": "TJK", "Tajikistani": "TJK",
    "Turkmenistan": "TKM", "Turkmen": "TKM", "Turkmenistani": "TKM",
    "Uzbekistan": "UZB", "Uzbek": "UZB", "Uzbekistani": "UZB",
    "India": "IND", "Indian": "IND", "Pakistan": "PAK", "Pakistani": "PAK", "Iran": "IRN", "Iranian": "IRN",
    "Belarus": "BLR", "Belarusian": "BLR", "Belarussian": "BLR", "Mongolia": "MNG", "Mongolian": "MNG",
    "Afghanistan": "AFG", "Afghan": "AFG", "Armenia": "ARM", "Armenian": "ARM", "Azerbaijan": "AZE",
    "Azerbaijani": "AZE", "Georgia": "GEO", "Georgian": "GEO", "Turkey": "TUR", "Türkiye": "TUR", "Turkiye": "TUR",
    "Turkish": "TUR", "United States": "USA", "U.S.": "USA", "US": "USA", "USA": "USA", "America": "USA",
    "American": "USA", "United Kingdom": "GBR", "UK": "GBR", "Britain": "GBR", "British": "GBR",
    "Germany": "DEU", "German": "DEU", "Japan": "JPN", "Japanese": "JPN", "South Korea": "KOR",
    "North Korea": "PRK", "North Korean": "PRK", "Saudi Arabia": "SAU", "Saudi": "SAU", "Egypt": "EGY",
    "Qatar": "QAT", "Nepal": "NPL", "Sri Lanka": "LKA", "Cambodia": "KHM", "Myanmar": "MMR", "Laos": "LAO",
    "Maldives": "MDV", "Bahrain": "BHR", "Kuwait": "KWT", "UAE": "ARE", "United Arab Emirates": "ARE",
    "European Union": "EUU", "EU": "EUU",
}
# Prefixes of compound adjectives ("Sino-Russian", "Russo-Chinese").
PREFIXES = {"Sino": "CHN", "Russo": "RUS", "Indo": "IND"}
# Capitals read as their country only in the possessive ("Beijing's trade with Moscow"): a bare city is a place.
CAPITALS = {"Beijing": "CHN", "Moscow": "RUS", "Astana": "KAZ", "Nur-Sultan": "KAZ", "Bishkek": "KGZ",
            "Dushanbe": "TJK", "Ashgabat": "TKM", "Tashkent": "UZB", "New Delhi": "IND", "Delhi": "IND",
            "Islamabad": "PAK", "Tehran": "IRN", "Minsk": "BLR", "Ulaanbaatar": "MNG", "Washington": "USA"}
# Summit host cities (for "the summit in Astana", "the Samarkand and New Delhi summits"), with their country.
CITIES = {**CAPITALS, "Shanghai": "CHN", "St Petersburg": "RUS", "St. Petersburg": "RUS", "Saint Petersburg": "RUS",
          "Yekaterinburg": "RUS", "Ufa": "RUS", "Qingdao": "CHN", "Tianjin": "CHN", "Samarkand": "UZB",
          "Cholpon-Ata": "KGZ"}
# Country groups: the phrase → a group id. The evidence layer turns ids into countries (CA5 is fixed; SCO and
# EAEU members depend on the date, via multipolar.memberships; WEST is the EU, the US and the UK).
GROUPS: list[tuple[str, str]] = [
    (r"(?:all |the |all the )?(?:five|5) (?:former Soviet )?Central Asian? (?:states|countries|republics|nations)", "CA5"),
    (r"(?:the )?Central Asian? (?:states|countries|republics|nations|region)", "CA5"),
    (r"(?:the )?(?:Central Asian five|C5|C5\+1)", "CA5"),
    (r"Central Asia", "CA5"),
    (r"Central Asian(?=\s+(?:exports|imports|trade|shipments|supplies))", "CA5"),
    (r"(?:the )?(?:SCO|Shanghai Cooperation Organi[sz]ation)(?:['’]s)? (?:member[- ]states|member countries|members|"
     r"countries|states|nations)", "SCO"),
    (r"(?:the )?(?:member[- ]states|members|member countries) of the (?:SCO|Shanghai Cooperation Organi[sz]ation)", "SCO"),
    (r"(?:the )?(?:EAEU|EEU|Eurasian Economic Union)(?:['’]s)? (?:member[- ]states|members|countries|states)", "EAEU"),
    (r"(?:the )?Shanghai Five", "SHANGHAI5"),
    (r"(?:the )?West(?:ern (?:countries|states|nations|economies))?(?=\W|$)", "WEST"),
]
# The members of fixed groups (date-independent).
FIXED_GROUPS = {"CA5": CENTRAL_ASIA, "WEST": ("EUU", "USA", "GBR"),
                "SHANGHAI5": ("CHN", "RUS", "KAZ", "KGZ", "TJK")}
# Organizations: phrase → id (the ids of the memberships table).
ORGANIZATIONS: list[tuple[str, str]] = [
    (r"Shanghai Cooperation Organi[sz]ation|SCO", "SCO"),
    (r"Eurasian Economic Union|EAEU|EEU", "EAEU"),
    (r"Collective Security Treaty Organi[sz]ation|CSTO", "CSTO"),
    (r"Commonwealth of Independent States|CIS", "CIS"),
    (r"BRICS", "BRICS"),
]
ORG_NAMES = {"SCO": "the SCO", "EAEU": "the EAEU", "CSTO": "the CSTO", "CIS": "the CIS", "BRICS": "BRICS"}

MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday"])}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a": 1, "an": 1}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
            "twenty-fifth": 25}
FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
             "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "one-quarter": 0.25,
             "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2,
             "a tenth": 0.1, "one tenth": 0.1, "one-tenth": 0.1}
SCALES = {"trillion": 1e12, "tn": 1e12, "trn": 1e12, "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
          "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}
# Currencies we can compare with the data (USD) and those we recognise but cannot (the data hold no rates).
CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "yuan": "CNY", "rmb": "CNY",
              "renminbi": "CNY", "ruble": "RUB", "rubles": "RUB", "roubles": "RUB", "rouble": "RUB", "euro": "EUR",
              "euros": "EUR", "€": "EUR", "eur": "EUR", "tenge": "KZT", "rupees": "INR", "rupee": "INR"}

# Regex fragments.
YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"trillion|billion|million|thousand|tn|trn|bn|bln|mn|mln|b|m|k"
MONEY_RE = re.compile(
    rf"(?:(?P<cur1>US\$|USD|\$|€|EUR)\s?(?P<n1>{NUM})(?:\s?(?P<s1>{SCALE})\b)?"
    rf"(?:\s(?P<cur1b>dollars|yuan|rubles|roubles|euros))?"
    rf"|(?P<n2>{NUM})\s?(?P<s2>{SCALE})?\s(?:(?:US|U\.S\.|American)\s)?(?P<cur2>dollars|yuan|rmb|renminbi|rubles|"
    rf"roubles|euros|tenge|rupees|USD)\b)",
    re.IGNORECASE)
PERCENT_RE = re.compile(rf"(?P<n>{NUM})\s?(?:%|percent\b|per cent\b|pc\b)(?P<pp>\s?points?)?"
                        rf"|(?P<n2>{NUM})\s?percentage points?", re.IGNORECASE)
FRACTION_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
                         + r")\b", re.IGNORECASE)
# Hedge phrases before a figure, with the hedge id tolerances.py documents.
HEDGES: list[tuple[str, str]] = [
    (r"just over|just above|slightly more than|a little over|slightly over|slightly above", "just over"),
    (r"just under|just below|slightly less than|a little under|slightly under|just shy of", "just under"),
    (r"more than|over|above|upwards of|in excess of|exceeded|exceeding|exceeds|topped|topping|tops|surpassed|"
     r"surpassing|surpasses|passed|beyond", "more than"),
    (r"at least|no less than|not less than", "at least"),
    (r"nearly|almost|close to|approaching|nearing|short of|near", "nearly"),
    (r"about|around|approximately|roughly|some|circa|approx\.|an estimated|estimated|~|on the order of|"
     r"in the region of|in the order of|at the level of|at around|at about|at roughly", "about"),
    (r"less than|under|below|fewer than|up to|not more than|no more than|at most", "less than"),
]
HEDGE_RE = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<h{i}>{p})" for i, (p, _) in enumerate(HEDGES))
                      + r")\s*(?:of\s+|to\s+|by\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A country, group, organization or city named in the text: its span, its code and how it was named."""

    start: int
    end: int
    code: str
    kind: str  # 'country' | 'group' | 'org' | 'city'
    surface: str
    possessive: bool = False


@functools.cache
def _country_table() -> dict[str, str]:
    """Every spelling → ISO3: our aliases plus country_converter's short and official names."""
    from ..countries import _coco

    table: dict[str, str] = {}
    data = _coco().data
    for _, row in data[["name_short", "name_official", "ISO3"]].iterrows():
        for name in (row["name_short"], row["name_official"]):
            if isinstance(name, str) and len(name) >= 4 and isinstance(row["ISO3"], str):
                table.setdefault(name, row["ISO3"])
    table.update(COUNTRY_ALIASES)
    return table


_APOS = r"(?:['’]s|['’](?=\s))"


@functools.cache
def _entity_re() -> re.Pattern:
    names = sorted(_country_table(), key=len, reverse=True)
    groups = "|".join(f"(?P<g{i}>{p})" for i, (p, _) in enumerate(GROUPS))
    countries = "|".join(re.escape(n) for n in names)
    capitals = "|".join(re.escape(n) for n in sorted(CAPITALS, key=len, reverse=True))
    cities = "|".join(re.escape(n) for n in sorted(CITIES, key=len, reverse=True))
    orgs = "|".join(f"(?P<o{i}>{p})" for i, (p, _) in enumerate(ORGANIZATIONS))
    prefixes = "|".join(PREFIXES)
    pattern = (
        rf"(?<![\w.])(?:(?:{groups})(?P<gpos>['’]s?(?!\w))?"
        rf"|(?P<prefix>{prefixes})(?=[-–])"
        rf"|(?P<capital>{capitals}){_APOS}"
        rf"|(?:{orgs})(?P<opos>{_APOS})?"
        rf"|(?P<country>{countries})(?P<pos>{_APOS})?"
        rf"|(?P<city>{cities})"
        rf")(?![\w$])"
    )
    return re.compile(pattern)


def find_mentions(text: str) -> list[Mention]:
    """Countries, groups, organizations and cities named in text, left to right, without overlaps."""
    table = _country_table()
    out: list[Mention] = []
    for m in _entity_re().finditer(text):
        groupdict = m.groupdict()
        hit = None
        for i, (_, code) in enumerate(GROUPS):
            if groupdict.get(f"g{i}"):
                hit = Mention(m.start(), m.end(), code, "group", m.group(0), bool(groupdict.get("gpos")))
                break
        if hit is None:
            if groupdict.get("prefix"):
                hit = Mention(m.start(), m.end(), PREFIXES[groupdict["prefix"]], "country", m.group(0))
            elif groupdict.get("capital"):
                hit = Mention(m.start(), m.end(), CAPITALS[groupdict["capital"]], "country", m.group(0), True)
            elif groupdict.get("country"):
                hit = Mention(m.start(), m.end(), table[groupdict["country"]], "country", m.group(0),
                              bool(groupdict.get("pos")))
            elif groupdict.get("city"):
                hit = Mention(m.start(), m.end(), groupdict["city"], "city", m.group(0))
            else:
                for i, (_, code) in enumerate(ORGANIZATIONS):
                    if groupdict.get(f"o{i}"):
                        hit = Mention(m.start(), m.end(), code, "org", m.group(0), bool(groupdict.get("opos")))
                        break
        if hit is not None:
            out.append(hit)
    return out


def hedge_before(text: str, start: int, window: int = 40) -> str | None:
    """The hedge id of a hedge phrase right before position start (e.g. 'more than' in 'more than $42 bn')."""
    m = HEDGE_RE.search(text[max(0, start - window):start])
    if not m:
        return None
    for i, (_, hedge) in enumerate(HEDGES):
        if m.group(f"h{i}"):
            return hedge
    return None


def parse_number(text: str) -> tuple[float, int]:
    """'1,234.5' → (1234.5, 1): the value and its number of decimals (for the precision a writer implied)."""
    clean = text.replace(",", "")
    decimals = len(clean.split(".")[1]) if "." in clean else 0
    return float(clean), decimals

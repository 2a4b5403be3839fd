"""Who a text names: countries (country_converter's names plus demonyms and short forms), groups of countries,
organizations (the curated registry's names plus their abbreviations) and cities, as mentions with spans."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...countries import CENTRAL_ASIA

# Country spellings and adjectives read as a country (ISO3). country_converter's short and official names of every
# country are added at build time; these are the forms it lacks (adjectives, short forms, metonyms).
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
    "South Korean": "KOR", "North Korea": "PRK", "North Korean": "PRK", "Saudi Arabia": "SAU", "Saudi": "SAU",
    "Egypt": "EGY", "Qatar": "QAT", "Nepal": "NPL", "Sri Lanka": "LKA", "Cambodia": "KHM", "Myanmar": "MMR",
    "Laos": "LAO", "Maldives": "MDV", "Bahrain": "BHR", "Kuwait": "KWT", "UAE": "ARE", "United Arab Emirates": "ARE",
    "Ukraine": "UKR", "Ukrainian": "UKR", "French": "FRA", "Italian": "ITA", "Israeli": "ISR", "Emirati": "ARE",
    "European Union": "EUU", "EU": "EUU", "European": "EUU",
}
# Prefixes of compound adjectives ("Sino-Russian", "Russo-Chinese").
PREFIXES = {"Sino": "CHN", "Russo": "RUS", "Indo": "IND"}
# Capitals read as their country only in the possessive or as an actor ("Beijing's trade", "Moscow supplied"): a
# bare city is a place.
CAPITALS = {"Beijing": "CHN", "Moscow": "RUS", "Astana": "KAZ", "Nur-Sultan": "KAZ", "Bishkek": "KGZ",
            "Dushanbe": "TJK", "Ashgabat": "TKM", "Tashkent": "UZB", "New Delhi": "IND", "Delhi": "IND",
            "Islamabad": "PAK", "Tehran": "IRN", "Minsk": "BLR", "Ulaanbaatar": "MNG", "Washington": "USA",
            "Brussels": "EUU", "Baku": "AZE", "Yerevan": "ARM", "Tbilisi": "GEO"}
# A capital as the partner of a trade phrase stands for its state ("trade with Tehran", "exports to Moscow").
_TRADE_WITH = r"(?:(?<=trade with )|(?<=exports to )|(?<=imports from )|(?<=trade turnover with ))"
# Summit and meeting cities (for "the summit in Astana", "the Samarkand and New Delhi summits"), with their country.
CITIES = {**CAPITALS, "Shanghai": "CHN", "St Petersburg": "RUS", "St. Petersburg": "RUS", "Saint Petersburg": "RUS",
          "Yekaterinburg": "RUS", "Ufa": "RUS", "Qingdao": "CHN", "Tianjin": "CHN", "Samarkand": "UZB",
          "Cholpon-Ata": "KGZ", "Almaty": "KAZ", "Xi'an": "CHN", "Kazan": "RUS"}
# Country groups: the phrase → a group id. The evidence turns ids into countries (CA5, WEST fixed; SCO, EAEU,
# SHANGHAI_FIVE... members depend on the date, through multipolar.memberships).
GROUPS: list[tuple[str, str]] = [
    (r"(?:all |the |all the )?(?:five|5) (?:former Soviet )?Central Asian? (?:states|countries|republics|nations)", "CA5"),
    (r"(?:the )?Central Asian? (?:states|countries|republics|nations|region)", "CA5"),
    (r"(?:all |the |all the )?(?:five|5) (?:former Soviet )?(?:states|countries|republics|nations)", "CA5"),
    (r"(?:the )?(?:Central Asian five|C5|C5\+1)", "CA5"),
    (r"Central Asia", "CA5"),
    (r"Central Asian(?=\s+(?:exports|imports|trade|shipments|supplies|arms|recipients?|states?|countries))", "CA5"),
    (r"(?:the )?(?:SCO|Shanghai Cooperation Organi[sz]ation)(?:['’]s)? (?:member[- ]states|member countries|members|"
     r"countries|states|nations)", "SCO"),
    (r"(?:the )?(?:member[- ]states|members|member countries) of the (?:SCO|Shanghai Cooperation Organi[sz]ation)", "SCO"),
    (r"(?:the )?(?:EAEU|EEU|Eurasian Economic Union)(?:['’]s)? (?:member[- ]states|members|countries|states)", "EAEU"),
    (r"(?:the )?(?:CSTO)(?:['’]s)? (?:member[- ]states|members|countries|states)", "CSTO"),
    (r"(?:the )?West(?:ern (?:countries|states|nations|economies))?(?=\W|$)", "WEST"),
    # the EU's members together trade with the rest of the world what the EU does (Eurostat's extra-EU trade)
    # (all of them: never "some/other/several/three EU member states")
    (r"(?i:(?<!other )(?<!some )(?<!several )(?<!many )(?<!most )(?<!few )(?<!individual )(?<!of )(?<!of the )"
     r"(?<!two )(?<!three )(?<!four )(?<!five )(?<!six )(?<!seven )(?<!eight )(?<!nine )(?<!ten )(?<!\b\d )"
     r"(?<!\b\d\d ))(?:the )?(?:EU|European Union)(?:['’]s)? (?:member[- ]states|member countries|countries)", "EUU"),
]
# The members of fixed groups (date-independent).
FIXED_GROUPS = {"CA5": CENTRAL_ASIA, "WEST": ("EUU", "USA", "GBR")}
# Organizations whose members a group id can stand for (members at a date from the memberships registry).
MEMBER_GROUPS = ("SCO", "EAEU", "CSTO", "CIS", "BRICS", "SHANGHAI_FIVE")
# Organizations: phrase → id (the ids of the registry). The registry's own names are added at build time.
ORGANIZATIONS: list[tuple[str, str]] = [
    (r"Shanghai Cooperation Organi[sz]ation|SCO", "SCO"),
    (r"Shanghai Five|Shanghai 5", "SHANGHAI_FIVE"),
    (r"Eurasian Economic Union|Eurasian [Uu]nion|EAEU|EEU", "EAEU"),
    (r"Collective Security Treaty Organi[sz]ation|CSTO", "CSTO"),
    (r"Commonwealth of Independent States|CIS", "CIS"),
    (r"BRICS", "BRICS"),
    (r"Eurasian Development Bank|EDB", "EDB"),
    (r"Asian Infrastructure Investment Bank|AIIB", "AIIB"),
    (r"Belt and Road Initiative|Belt and Road|BRI", "BRI"),
]
# Regions a rank may be limited to ('in Europe'): country_converter's continents without China and Russia (the two
# powers the project compares, each a party of its own), and the EU's member states.
POWERS_APART = ("CHN", "RUS")


@functools.cache
def region_members(code: str) -> tuple[str, ...]:
    """ISO3 codes of a region group: 'REGION:Europe' (a continent, China and Russia left out) or 'EU27'."""
    from ...countries import _coco

    data = _coco().data
    if code == "EU27":
        rows = data[data["EU27"].notna() & data["ISO3"].notna()]
    elif code.startswith("REGION:"):
        rows = data[(data["continent"] == code.split(":", 1)[1]) & data["ISO3"].notna()]
    else:
        return ()
    return tuple(sorted(c for c in rows["ISO3"] if isinstance(c, str) and c not in POWERS_APART))


# Readable names of organizations and groups in reasons.
ORG_NAMES = {"SCO": "the SCO", "EAEU": "the EAEU", "CSTO": "the CSTO", "CIS": "the CIS", "BRICS": "BRICS",
             "SHANGHAI_FIVE": "the Shanghai Five"}
GROUP_NAMES = {"CA5": "the five Central Asian states", "SCO": "SCO members", "EAEU": "EAEU members",
               "CSTO": "CSTO members", "WEST": "the West (EU, US, UK)", "SHANGHAI_FIVE": "the Shanghai Five",
               "WLD": "the world", "EUU": "the EU"}


@dataclass(frozen=True)
class Mention:
    """A country, group, organization or city named in the text (or a pronoun standing for one): its span, its code
    and how it was named."""

    start: int
    end: int
    code: str
    kind: str  # 'country' | 'group' | 'org' | 'city'
    surface: str
    possessive: bool = False
    pronoun: bool = False


@functools.cache
def country_table() -> dict[str, str]:
    """Every spelling → ISO3: our aliases plus country_converter's short and official names."""
    from ...countries import _coco

    table: dict[str, str] = {}
    data = _coco().data
    for _, row in data[["name_short", "name_official", "ISO3"]].iterrows():
        for name in (row["name_short"], row["name_official"]):
            if isinstance(name, str) and len(name) >= 4 and isinstance(row["ISO3"], str):
                table.setdefault(name, row["ISO3"])
    table.update(COUNTRY_ALIASES)
    return table


@functools.cache
def organization_patterns() -> list[tuple[str, str]]:
    """ORGANIZATIONS plus the full names in the curated organizations registry (read offline from the package)."""
    known = {code for _, code in ORGANIZATIONS}
    try:
        from ...sources.registry import read_organizations

        frame = read_organizations()
    except Exception:  # the registry ships with the package; without it the built-in names still work
        return sorted(((a, c) for p, c in ORGANIZATIONS for a in p.split("|")), key=lambda x: -len(x[0]))
    extra = [(re.escape(row.name), row.organization) for row in frame.itertuples(index=False)
             if row.organization not in known and isinstance(row.name, str) and len(row.name) > 6]
    # one alias per entry, longest first: "SCO Interbank Consortium" is not "SCO", "Collective Security Treaty
    # Organization" not "Collective Security Treaty"
    single = [(alias, code) for pattern, code in ORGANIZATIONS for alias in pattern.split("|")] + extra
    return sorted(single, key=lambda x: -len(x[0]))


_APOS = r"(?:['’]s|['’](?=\s))"


# A capital as the subject of what only a state does ("Minsk received $N of loans", "Bishkek voted against") is the state.
_STATE_VERB = r"(?=\s+(?:has\s+|had\s+|have\s+)?(?:received|borrowed|obtained|secured|imported|exported|bought|voted|" \
              r"loaned|committed|pledged|funnell?ed|channell?ed|poured|supplied|delivered|sold|" \
              r"abstained|lent|ratified|acceded|joined)\b)"


@functools.cache
def _entity_re() -> re.Pattern:
    names = sorted(country_table(), key=len, reverse=True)
    groups = "|".join(f"(?P<g{i}>{p})" for i, (p, _) in enumerate(GROUPS))
    countries = "|".join(re.escape(n) for n in names)
    capitals = "|".join(re.escape(n) for n in sorted(CAPITALS, key=len, reverse=True))
    cities = "|".join(re.escape(n) for n in sorted(CITIES, key=len, reverse=True))
    orgs = "|".join(f"(?P<o{i}>{p})" for i, (p, _) in enumerate(organization_patterns()))
    prefixes = "|".join(PREFIXES)
    pattern = (
        rf"(?<![\w.])(?:(?:{groups})(?P<gpos>['’]s?(?!\w))?"
        rf"|(?P<prefix>{prefixes})(?=[-–])"
        rf"|(?P<capital>{capitals})(?:{_APOS}|{_STATE_VERB})"
        rf"|{_TRADE_WITH}(?P<partner_capital>{capitals})\b"
        rf"|(?:{orgs})(?P<opos>{_APOS})?"
        rf"|(?P<country>{countries})(?P<pos>{_APOS})?"
        rf"|(?P<city>{cities})"
        rf")(?![\w$])"
    )
    return re.compile(pattern)


# The last text's mentions: the checker asks twice per sentence (reading it, and whether it is worth reading).
_last_mentions: tuple[str, tuple[Mention, ...]] | None = None


def find_mentions(text: str) -> list[Mention]:
    """Countries, groups, organizations and cities named in text, left to right, without overlaps."""
    global _last_mentions
    last = _last_mentions
    if last is not None and last[0] == text:
        return list(last[1])
    out = _find_mentions(text)
    _last_mentions = (text, tuple(out))
    return out


def _find_mentions(text: str) -> list[Mention]:
    table = country_table()
    orgs = organization_patterns()
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
            elif groupdict.get("partner_capital"):
                hit = Mention(m.start(), m.end(), CAPITALS[groupdict["partner_capital"]], "country", m.group(0))
            elif groupdict.get("country"):
                hit = Mention(m.start(), m.end(), table[groupdict["country"]], "country", m.group(0),
                              bool(groupdict.get("pos")))
            elif groupdict.get("city"):
                hit = Mention(m.start(), m.end(), groupdict["city"], "city", m.group(0))
            else:
                for i, (_, code) in enumerate(orgs):
                    if groupdict.get(f"o{i}"):
                        hit = Mention(m.start(), m.end(), code, "org", m.group(0), bool(groupdict.get("opos")))
                        break
        if hit is not None:
            out.append(hit)
    return out


def name(code: str) -> str:
    """A readable name for an ISO3 code, a group id or an organization id."""
    if code in GROUP_NAMES:
        return GROUP_NAMES[code]
    if code == "EU27":
        return "the EU's member states"
    if isinstance(code, str) and code.startswith("REGION:"):
        return f"{code.split(':', 1)[1]} (China and Russia apart)"
    if code in ORG_NAMES:
        return ORG_NAMES[code]
    from ...countries import name_of

    try:
        return name_of(code) if isinstance(code, str) and len(code) == 3 else str(code)
    except Exception:  # an unknown code is shown as it is
        return str(code)


def names(codes) -> str:
    """'A', 'A and B', 'A, B and C'."""
    codes = list(codes)
    if len(codes) > 1:
        return ", ".join(name(c) for c in codes[:-1]) + " and " + name(codes[-1])
    return name(codes[0]) if codes else ""

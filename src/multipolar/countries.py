"""Country names to ISO3 codes (country_converter plus per-source mapping files) and the country groups we study."""

from __future__ import annotations

import csv
import difflib
import functools
import logging
from collections.abc import Iterable
from pathlib import Path

from .errors import DataError, UnknownCountryError, UsageError

# Codes that are not countries but that canonical tables use: the world total, the European Union and the five
# Central Asian states taken together (press figures such as "China–Central Asia trade" report that group).
AGGREGATE_CODES = {"WLD": "World", "EUU": "European Union", "CA5": "Central Asia (5 states)"}
# The five Central Asian states.
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
# The two powers whose influence we measure.
POWERS = ("CHN", "RUS")
# SCO members (all dates), observers and dialogue partners, plus the Caucasus states of the sanctions "roundabout":
# the countries whose ties the data pack keeps. The registry test checks every SCO member/observer/partner is here.
FOCUS = (
    "CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB", "TKM", "IND", "PAK", "IRN", "BLR",
    "AFG", "MNG",
    "ARM", "AZE", "GEO", "TUR", "LKA", "NPL", "KHM", "EGY", "QAT", "SAU", "KWT", "ARE", "BHR", "MDV", "MMR", "LAO",
)
# Folder of per-source spelling files (name,iso3; an empty iso3 marks an aggregate the source reports and we skip).
MAPPINGS_DIR = Path(__file__).resolve().parent / "sources" / "mappings"
# What country_converter returns for names it cannot match (its default would echo the input back).
_NOT_FOUND = "__not_found__"
# Value a mapping file uses to say "this label is an aggregate, not a country: skip it".
SKIP = ""

logging.getLogger("country_converter").setLevel(logging.ERROR)


@functools.cache
def _coco():
    import country_converter as coco

    return coco.CountryConverter()


@functools.cache
def read_mapping(name: str) -> dict[str, str]:
    """The spelling file `sources/mappings/NAME.csv` as {label: iso3 or '' for aggregates}."""
    path = MAPPINGS_DIR / f"{name}.csv"
    if not path.exists():
        raise DataError("mapping file not found", file=path)
    mapping: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            if set(row) != {"name", "iso3"}:
                raise DataError("mapping file must have the columns name,iso3", file=path, row=lineno)
            label, code = row["name"].strip(), (row["iso3"] or "").strip().upper()
            if label in mapping and mapping[label] != code:
                raise DataError(f"label {label!r} mapped twice", file=path, row=lineno)
            mapping[label] = code
    return mapping


@functools.cache
def _convert_one(name: str) -> str | None:
    code = _coco().convert(name, to="ISO3", not_found=_NOT_FOUND)
    if not isinstance(code, str) or code == _NOT_FOUND:  # a list means an ambiguous name: treat as unknown
        return None
    return code


def to_iso3(names: Iterable[str], *, mapping: str | None = None, file: str | Path | None = None,
            field: str | None = None) -> dict[str, str | None]:
    """Map each distinct name to ISO3; the mapping file wins over country_converter.

    Returns {name: iso3, or None for labels the mapping marks as aggregates to skip}. Raises UnknownCountryError
    listing every name neither can resolve: unknown names are never dropped silently.
    """
    table = read_mapping(mapping) if mapping else {}
    result: dict[str, str | None] = {}
    unknown = []
    for name in {str(n).strip() for n in names}:
        if name in table:
            result[name] = table[name] or None
        elif len(name) == 3 and name.isupper() and (name in AGGREGATE_CODES or _convert_one(name) == name):
            result[name] = name
        else:
            code = _convert_one(name)
            if code is None:
                unknown.append(name)
            else:
                result[name] = code
    if unknown:
        raise UnknownCountryError(unknown, file=file, field=field)
    return result


@functools.cache
def _numeric_one(code: int, scheme: str) -> str | None:
    # Cached: country_converter takes ~10 ms a call and dyad files repeat the same 200 codes.
    iso = _coco().convert(code, src=scheme, to="ISO3", not_found=_NOT_FOUND)
    return iso if isinstance(iso, str) and iso != _NOT_FOUND else None


def _numeric_to_iso3(codes, scheme: str, mapping: str, file, field) -> dict[int, str | None]:
    """Numeric codes to ISO3: the mapping file first (empty = skip), then country_converter's `scheme` column;
    codes neither resolves raise UnknownCountryError."""
    table = read_mapping(mapping)
    result: dict[int, str | None] = {}
    unknown = []
    for code in {int(c) for c in codes}:
        if str(code) in table:
            result[code] = table[str(code)] or None
        elif (iso := _numeric_one(code, scheme)) is not None:
            result[code] = iso
        else:
            unknown.append(code)
    if unknown:
        raise UnknownCountryError(unknown, file=file, field=field)
    return result


def from_cow(codes: Iterable[int], *, file: str | Path | None = None, field: str | None = None) -> dict[int, str | None]:
    """Correlates of War state codes to ISO3; None for states that no longer exist (e.g. 265 GDR).

    country_converter knows Gleditsch-Ward codes, which equal COW codes except where `mappings/cow.csv` says
    otherwise. Codes that neither resolves raise UnknownCountryError.
    """
    return _numeric_to_iso3(codes, "GWcode", "cow", file, field)


@functools.lru_cache(maxsize=None)  # country_converter takes ~5 ms a call; reports and verdicts ask again and again
def name_of(iso3: str) -> str:
    """The short English name of an ISO3 code (or of WLD/EUU)."""
    if iso3 in AGGREGATE_CODES:
        return AGGREGATE_CODES[iso3]
    name = _coco().convert(iso3, src="ISO3", to="name_short", not_found=_NOT_FOUND)
    return name if isinstance(name, str) and name != _NOT_FOUND else iso3


@functools.cache
def eu27() -> tuple[str, ...]:
    """ISO3 codes of the 27 EU member states (since February 2020), from country_converter's EU27 classification."""
    return tuple(sorted(_coco().EU27as("ISO3")["ISO3"]))


def is_iso3(code: str) -> bool:
    """True for a known ISO3 country code or one of the aggregate codes."""
    if code in AGGREGATE_CODES:
        return True
    if not (isinstance(code, str) and len(code) == 3):
        return False
    codes = _iso3_codes()
    return code in codes if codes is not None else _convert_one(code) == code


@functools.cache
def _iso3_codes() -> frozenset[str] | None:
    """The ISO3 codes country_converter converts to themselves: its data file's current (not obsolete) rows with an
    ISO3 code no other current row has. Read from the file, without importing country_converter and pandas (a
    code check at every command's start); None when the file is not where the package keeps it."""
    import importlib.util
    from collections import Counter

    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "country_data.tsv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            counts = Counter(row["ISO3"] for row in csv.DictReader(fh, delimiter="\t")
                             if not (row.get("obsolete") or "").strip())
    except (OSError, KeyError, csv.Error):
        return None
    return frozenset(code for code, n in counts.items() if n == 1)


def from_m49(codes: Iterable[int | str], *, mapping: str = "comtrade", file: str | Path | None = None,
             field: str | None = None) -> dict[int, str | None]:
    """UN M49 numeric codes (as UN Comtrade reports them) to ISO3; None for codes the mapping marks as aggregates.

    country_converter's UNcode column resolves the standard codes; `mappings/<mapping>.csv` holds the source's own
    (0 World, 97 EU, 699 India, 842 USA, 251 France, …). Codes neither resolves raise UnknownCountryError.
    """
    return _numeric_to_iso3(codes, "UNcode", mapping, file, field)


def to_m49(iso3_codes: Iterable[str], *, mapping: str = "comtrade") -> dict[str, int]:
    """ISO3 codes (and WLD/EUU) to the M49 numbers a source expects; the mapping file's own codes win."""
    table = read_mapping(mapping)
    own = {iso: int(label) for label, iso in table.items() if iso and label.isdigit()}
    result: dict[str, int] = {}
    unknown = []
    for iso in {str(c).strip().upper() for c in iso3_codes}:
        if iso in own:
            result[iso] = own[iso]
            continue
        code = _coco().convert(iso, src="ISO3", to="UNcode", not_found=_NOT_FOUND)
        if isinstance(code, (int, float)) and not isinstance(code, bool):
            result[iso] = int(code)
        elif isinstance(code, str) and code.isdigit():
            result[iso] = int(code)
        else:
            unknown.append(iso)
    if unknown:
        raise UnknownCountryError(unknown, field="iso3")
    return result


# ---------------------------------------------------------------------------------------------------------------
# Countries as users give them: names or codes, any case ("Kazakhstan", "kazakhstan", "KAZ", "kaz")

# Most close names offered after "did you mean".
SUGGESTIONS = 3


@functools.cache
def _all_names() -> dict[str, str]:
    """Every country_converter short name → ISO3, plus the aggregate codes' names."""
    data = _coco().data
    names = {str(n): str(c) for n, c in zip(data["name_short"], data["ISO3"]) if isinstance(c, str) and len(c) == 3}
    names.update({v: k for k, v in AGGREGATE_CODES.items()})
    return names


def suggest(text: str, valid: Iterable[str] | None = None) -> list[str]:
    """The closest country names to text, as 'Kazakhstan (KAZ)', among `valid` codes (default: every country)."""
    if valid is None:
        candidates = _all_names()
    else:
        candidates = {name_of(c): c for c in valid}
        candidates.update({c: c for c in valid})
    lowered = {n.lower(): n for n in candidates}
    key = str(text).strip().lower()
    hits = difflib.get_close_matches(key, list(lowered), n=SUGGESTIONS, cutoff=0.6)
    # Only the names about as close as the closest ('Kazahkstan': Kazakhstan, not also Uzbekistan).
    score = {h: difflib.SequenceMatcher(None, key, h).ratio() for h in hits}
    hits = [h for h in hits if score[h] >= max(score.values()) - 0.08]
    out = []
    for hit in hits:
        code = candidates[lowered[hit]]
        label = f"{name_of(code)} ({code})"
        if label not in out:
            out.append(label)
    return out


def resolve(value, *, valid: Iterable[str] | None = None, kind: str = "country", aggregates: bool = False) -> str:
    """A country given by name or code, in any case ('Kazakhstan', 'kazakhstan', 'KAZ', 'kaz'), as its ISO3 code.

    valid: the codes allowed (e.g. the pack's countries); aggregates: also accept WLD, EUU and CA5 (and their
    names). A UsageError names the value, offers the closest names ("did you mean Kazakhstan (KAZ)?") and lists the
    valid codes when there is such a list.
    """
    text = str(value if value is not None else "").strip()
    allowed = None if valid is None else [str(v) for v in valid]
    upper = text.upper()
    code = None
    if not text:
        raise UsageError(f"empty {kind}: give a name or an ISO3 code, e.g. Kazakhstan or KAZ")
    if upper in AGGREGATE_CODES:
        code = upper if aggregates else None
    elif len(text) == 3 and text.isalpha() and is_iso3(upper):  # (read from country_converter's file: no pandas)
        code = upper
    elif any(ch.isalpha() for ch in text):
        lowered = text.lower()
        named = {n.lower(): c for n, c in AGGREGATE_CODES.items()} if aggregates else {}
        code = {v.lower(): k for k, v in AGGREGATE_CODES.items()}.get(lowered) if aggregates else None
        code = code or named.get(lowered) or _convert_one(text)
    shown = ", ".join(sorted(allowed)) if allowed else ""
    if code is None:
        hints = suggest(text, allowed)
        if hints:
            asked = hints[0] if len(hints) == 1 else ", ".join(hints[:-1]) + " or " + hints[-1]
            message = f"invalid {kind} {text!r}: did you mean {asked}?" + (f" Valid choices: {shown}" if shown else "")
        else:
            message = f"invalid {kind} {text!r}" + (f"; valid choices: {shown}" if shown else
                                                    ": not a country name or an ISO3 code (e.g. Kazakhstan or KAZ)")
        raise UsageError(message)
    if allowed is not None and code not in allowed:
        what = f" ({name_of(code)}, {code}, is not in the data pack)" if code != upper else ""
        raise UsageError(f"invalid {kind} {text!r}{what}; valid choices: {shown}")
    return code


def resolve_many(value, *, valid: Iterable[str] | None = None, kind: str = "country",
                 aggregates: bool = False) -> list[str] | None:
    """Several countries (a list, or names/codes separated by commas) as ISO3 codes, in order, each once; None
    for none given. Each is read by `resolve`."""
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    items = [str(v).strip() for v in items if str(v).strip()]
    if not items:
        return None
    allowed = None if valid is None else list(valid)
    return list(dict.fromkeys(resolve(v, valid=allowed, kind=kind, aggregates=aggregates) for v in items))

"""What every source module declares (its ORIGIN) and the small helpers parsers share."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError


# What a source's figures are: a state's own statistics, what its partners report about it, an estimate made by an
# international body, an official figure as the press reported it, or a curated record of facts (dates, texts).
ROLES = ("own", "partner", "estimate", "press", "record")


@dataclass(frozen=True)
class Identity:
    """How a source's figures present themselves to users and to the claim checker: declared once, on the ORIGIN."""

    label: str                   # readable name, e.g. "Kazakhstan's Bureau of National Statistics"
    reporter: str | None = None  # ISO3 (EUU for the EU) of the state whose statistics these are; None: each row's
    role: str = "own"            # one of ROLES
    trust: int = 50              # order in which a state's own figures are trusted (lower first)

    def __post_init__(self):
        if self.role not in ROLES:
            raise ValueError(f"role {self.role!r} is not one of {ROLES}")


@dataclass(frozen=True)
class Origin:
    """Provenance of one upstream source, declared once at the top of its module."""

    id: str                      # stable source id used in every `source` column, e.g. "imf_dots"
    producer: str                # who publishes the data, e.g. "International Monetary Fund"
    title: str                   # the dataset's own title
    urls: tuple[str, ...]        # where the data is published (and the repository the copy came from)
    licence: str                 # licence or terms as far as known, with what was not verified
    citation: str                # how to cite it
    folder: str                  # folder under the raw data directory
    files: tuple[str, ...]       # glob patterns (relative to folder) of the files parse() reads
    retrieved: str               # when the copy was made (date, commit)
    steps: tuple[str, ...] = ()  # processing steps applied by parse(), in order, for the pack's provenance
    redistributable: bool = True  # False: parse() works locally but the pack leaves the data out
    caveats: tuple[str, ...] = field(default_factory=tuple)
    identity: Identity | None = None  # label, reporter, role and trust of the rows written under `id`
    variants: tuple[tuple[str, Identity], ...] = ()  # other source ids the module writes, with their identity

    def provenance(self) -> dict:
        """The ORIGIN as the pack records it: every field but identity and variants (how the source presents itself
        to users is not provenance, and leaving it out keeps packs byte-identical when a label changes)."""
        from dataclasses import asdict

        record = asdict(self)
        record.pop("identity", None)
        record.pop("variants", None)
        return record

    def identities(self) -> dict[str, Identity]:
        """Every source id this module writes → its declared identity."""
        out = {self.id: self.identity} if self.identity is not None else {}
        out.update(dict(self.variants))
        return out

    def folder_path(self, data_dir: Path) -> Path:
        """The source's folder under data_dir; a DataError naming it when absent."""
        path = Path(data_dir) / self.folder
        if not path.is_dir():
            raise DataError(f"source folder for {self.id!r} not found (set --data-dir or MULTIPOLAR_DATA_DIR)",
                            file=path)
        return path

    def input_files(self, data_dir: Path) -> list[Path]:
        """Every file parse() reads, sorted; a DataError when a pattern matches nothing."""
        folder = self.folder_path(data_dir)
        found: list[Path] = []
        for pattern in self.files:
            matches = sorted(folder.glob(pattern))
            if not matches:
                raise DataError(f"no file matches {pattern!r}", file=folder)
            found.extend(matches)
        return found


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


@dataclass(frozen=True)
class NumberStyle:
    """How a source writes numbers as text: its decimal mark and the separator grouping thousands (groups of three
    digits; spaces, including non-breaking ones, always group). Each source declares one (its locale)."""

    name: str
    decimal: str
    group: str


# English-language publications (IMF, World Bank, Armstat's English CSV, Geostat): '193,710.5'.
EN = NumberStyle("English (1,234.5)", ".", ",")
# Russian-language publications (Kazakhstan, Kyrgyzstan, Russian customs): '193 710,5'.
RU = NumberStyle("Russian (1 234,5)", ",", ".")
_SPACES = re.compile(r"[\s\u00a0\u202f]")


def to_number(value, *, file: Path | str, row, field: str, allow_blank: bool = True,
              style: NumberStyle = EN) -> float | None:
    """A published cell as a float, read in the source's number style (EN: '193,710' is 193710; RU: '193,710' is
    193.71); '-', '…', '' → None. A separator in the wrong place for the style ('1,5' in English, '1.234,5' with
    groups not of three digits) or anything else that is not a number is an error naming the cell."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = _SPACES.sub("", str(value).strip())
    if text in {"", "-", "–", "—", "…", "...", "x", ":", ".."}:
        if allow_blank:
            return None
        raise DataError(f"empty value {value!r}", file=file, row=row, field=field)
    number = _styled(text, style)
    if number is None:
        raise DataError(f"not a number: {value!r} (read in this source's {style.name} number style)", file=file,
                        row=row, field=field)
    return number


def _styled(text: str, style: NumberStyle) -> float | None:
    match = re.fullmatch(r"(?P<mantissa>[^eE]*)(?P<exponent>[eE][+-]?\d+)?", text)
    if not match:
        return None
    whole, mark, fraction = match["mantissa"].partition(style.decimal)
    if style.group in whole:
        sign = whole[0] if whole[:1] in "+-" and whole else ""
        if not re.fullmatch(r"\d{1,3}(" + re.escape(style.group) + r"\d{3})+", whole[len(sign):]):
            return None
        whole = sign + whole[len(sign):].replace(style.group, "")
    plain = whole + ("." + fraction if mark else "") + (match["exponent"] or "")
    return float(plain) if _NUMBER.match(plain) else None


def check_columns(found: Iterable[str], expected: Iterable[str], *, file: Path | str, row=None) -> None:
    """Stop with a clear message when a header lacks expected columns (a re-ordered file is fine, a cut one is not)."""
    found = [str(c).strip() for c in found]
    missing = [c for c in expected if c not in found]
    if missing:
        raise DataError(f"missing columns {missing}; found {found[:20]}", file=file, row=row)

"""Country labels and codes in raw files → ISO3; an unknown one stops the parse naming its file and row or cell."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from ..countries import from_cow, is_iso3, read_mapping, to_iso3
from ..errors import UnknownCountryError
from ._read import by_category, first_row, numbers

# How a label the mapping file lacks is resolved: "names" by country_converter (countries.to_iso3), "iso3" only when
# it is itself a known ISO3 code, None not at all (the mapping file must list it).
GUESSES = ("names", "iso3", None)


def lookup(labels: Iterable[str], *, mapping: str | None = None, guess: str | None = "names",
           refuse: Sequence[str] = ()) -> tuple[dict[str, str | None], list[str]]:
    """({label: ISO3, or None for an aggregate the mapping lists with an empty code}, [labels nothing resolves]).

    sources/mappings/<mapping>.csv is consulted first, then `guess`. Labels containing any of `refuse` (e.g. SIPRI's
    '*' for non-state actors) must be in the mapping: country_converter would guess the country in brackets.
    """
    if guess not in GUESSES:
        raise ValueError(f"guess must be one of {GUESSES}")
    labels = list(dict.fromkeys(str(label) for label in labels))
    table = read_mapping(mapping) if mapping else {}
    if guess == "names":  # to_iso3 reads names without surrounding spaces
        refused = [label for label in labels
                   if any(mark in label.strip() for mark in refuse) and label.strip() not in table]
        if refused:
            return {}, refused
        try:
            found = to_iso3(labels, mapping=mapping)
        except UnknownCountryError as exc:
            return {}, [label for label in labels if label.strip() in exc.names]
        return {label: found[label.strip()] for label in labels}, []
    codes, unknown = {}, []
    for label in labels:
        if label in table:
            codes[label] = table[label] or None
        elif guess == "iso3" and is_iso3(label):
            codes[label] = label
        else:
            unknown.append(label)
    return codes, unknown


def _shown(labels: Iterable[str], guess: str | None) -> list[str]:
    """The unknown labels as an error lists them (names without surrounding spaces, as they were looked up)."""
    return sorted({label.strip() if guess == "names" else label for label in labels})


def iso3_at(locations: Mapping[str, str], *, mapping: str | None = None, guess: str | None = "names",
            file: Path | str, field: str) -> dict[str, str | None]:
    """Labels read from cells or lines → ISO3 (None for aggregates); unknown ones stop naming where each was read.

    `locations` maps each label to where it was read (e.g. 'cell B12', 'row 7'), so the error points at it.
    """
    codes, unknown = lookup(locations, mapping=mapping, guess=guess)
    if unknown:
        where = "; ".join(f"{_shown([label], guess)[0]!r} at {locations[label]}"
                          for label in sorted(unknown, key=lambda lab: _shown([lab], guess)))
        raise UnknownCountryError(_shown(unknown, guess), file=file, field=f"{field} ({where})")
    return codes


def unknown_in(labels: Iterable[str], rows: pd.Series, *, file: Path | str, field: str, guess: str | None = "names",
               mapping: str | None = None) -> UnknownCountryError:
    """The error for unknown labels of a read_csv frame, at the first row where `rows` is true; for a label that only
    the mapping file may resolve (guess None) it names that file."""
    err = UnknownCountryError(_shown(labels, guess), file=file, row=first_row(rows) if rows.any() else None,
                              field=field)
    if guess is None and mapping:
        err.message += f" (not listed in sources/mappings/{mapping}.csv)"
        err.args = (err.one_line(),)
    return err


def iso3_column(frame: pd.DataFrame, column: str, file: Path | str, *, mapping: str | None = None,
                guess: str | None = "names", refuse: Sequence[str] = (), field: str | None = None) -> pd.Series:
    """A read_csv column of country labels → ISO3 (None for aggregates), looked up once per distinct label; an
    unknown label stops naming the first row carrying it and the column (`field`, if the frame renamed it)."""
    series = frame[column]
    codes, unknown = lookup(series.unique(), mapping=mapping, guess=guess, refuse=refuse)  # labels present only
    if unknown:
        raise unknown_in(unknown, series.isin(unknown), file=file, field=field or column, guess=guess,
                         mapping=mapping)
    return by_category(series, codes)


def cow_column(frame: pd.DataFrame, column: str, file: Path) -> pd.Series:
    """COW codes (text such as '365.0') → ISO3; None for states that no longer exist (mappings/cow.csv)."""
    codes = numbers(frame, column, file, integer=True, low=1, high=999).astype("int64")
    try:
        iso = from_cow(codes.unique().tolist(), file=file, field=column)
    except UnknownCountryError as exc:
        raise unknown_in(exc.names, codes.astype(str).isin(exc.names), file=file, field=column) from None
    return codes.map(iso)


def iso3_of_numeric(code: int) -> str | None:
    """ISO3 of an ISO 3166 numeric code (None when country_converter does not know it, e.g. retired codes)."""
    from ..countries import _coco

    iso = _coco().convert(int(code), src="ISOnumeric", to="ISO3", not_found="__not_found__")
    return iso if isinstance(iso, str) and iso != "__not_found__" else None

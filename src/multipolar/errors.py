"""The project's exception hierarchy: every error names the file, row or field it is about."""

from __future__ import annotations

from pathlib import Path


class MultipolarError(Exception):
    """Base of every error multipolar raises on purpose; the CLI prints it as one line and exits non-zero."""

    exit_code = 1

    def __init__(self, message: str, *, file: str | Path | None = None, row: int | str | None = None,
                 field: str | None = None):
        self.message = message
        self.file = str(file) if file is not None else None
        self.row = row
        self.field = field
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """The message prefixed with where the problem is: `file, row 12, field 'year': message`."""
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class DataError(MultipolarError):
    """An input file or a stored table is malformed, inconsistent or of the wrong unit."""


class UnknownCountryError(DataError):
    """Country names that neither the source's mapping file nor country_converter can resolve."""

    def __init__(self, names, *, file=None, row=None, field=None):
        self.names = sorted({str(n) for n in names})
        super().__init__(f"unknown country names: {', '.join(map(repr, self.names))}", file=file, row=row,
                         field=field)


class SourceError(MultipolarError):
    """An online source could not be reached, answered badly, or failed its checksum."""


class OfflineError(SourceError):
    """No network connection to the source; says which URL and how to work offline."""


class ClaimError(MultipolarError):
    """Text given to the claim checker cannot be read (binary, not UTF-8, too large)."""


class UsageError(MultipolarError):
    """An invalid choice (indicator, country, year, source); the message lists the valid choices."""

    exit_code = 2


def invalid_choice(kind: str, value, choices) -> UsageError:
    """An error for an invalid option value that lists the valid choices."""
    choices = sorted(map(str, choices))
    shown = ", ".join(choices[:60]) + (" …" if len(choices) > 60 else "")
    return UsageError(f"invalid {kind} {value!r}; valid choices: {shown}")

"""Test helpers for the politics and events parsers: read raw files with the csv module, write small broken ones."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path


def raw_rows(path: Path, *, skip: int = 0, delimiter: str = ",") -> list[dict]:
    """Every row of a raw CSV (plain or .gz) as a dict, read with the csv module, independently of the parsers."""
    data = Path(path).read_bytes()
    if str(path).endswith(".gz"):
        data = gzip.decompress(data)
    lines = data.decode("utf-8").splitlines(keepends=True)[skip:]
    return list(csv.DictReader(io.StringIO("".join(lines)), delimiter=delimiter))


def raw_columns(path: Path, *names: str) -> list[tuple]:
    """The named columns of a raw CSV (plain or .gz) as tuples: a faster csv-module read for files of 900k rows."""
    data = Path(path).read_bytes()
    if str(path).endswith(".gz"):
        data = gzip.decompress(data)
    reader = csv.reader(io.StringIO(data.decode("utf-8")))
    header = next(reader)
    index = [header.index(n) for n in names]
    return [tuple(row[i] for i in index) for row in reader]


def write(path: Path, text: str | bytes, *, encoding: str = "utf-8") -> Path:
    """Write text (gzip-compressed when the name ends in .gz), creating the folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text if isinstance(text, bytes) else text.encode(encoding)
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    return path


def csv_text(header: list[str], rows: list[list]) -> str:
    """A small CSV document."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def reorder(text: str) -> str:
    """The same CSV with its columns in reverse order (header-based parsing must give the same rows)."""
    rows = list(csv.reader(io.StringIO(text)))
    return csv_text(rows[0][::-1], [r[::-1] for r in rows[1:]])


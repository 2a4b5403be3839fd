"""Canonical tables on disk: validate a frame against its spec, write Parquet atomically, read it back."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..countries import is_iso3
from ..errors import DataError
from ..schema import TableSpec
from ..sources._tables import check_plausible

# Key in the Parquet schema metadata under which a table's provenance is stored.
META_KEY = b"multipolar"


def validate(frame: pd.DataFrame, spec: TableSpec, *, origin: str = "") -> pa.Table:
    """Check columns, types, required values, country codes and key uniqueness; return a sorted Arrow table.

    `origin` names where the frame came from (a source id or file) in every error message.
    """
    where = origin or spec.name
    missing = [c for c in spec.columns if c not in frame.columns]
    extra = [c for c in frame.columns if c not in spec.columns]
    if missing or extra:
        raise DataError(f"table {spec.name}: missing columns {missing}, unexpected columns {extra}", file=where)
    frame = frame[spec.columns]
    for name in spec.columns:
        if name in spec.nullable:
            continue
        nulls = frame[name].isna()
        if nulls.any():
            row = int(nulls.to_numpy().nonzero()[0][0])
            raise DataError(f"table {spec.name}: required value missing ({int(nulls.sum())} rows)", file=where,
                            row=row, field=name)
    for name in spec.country_columns:
        codes = frame[name].dropna().unique()
        bad = sorted(str(c) for c in codes if not is_iso3(str(c)))
        if bad:
            raise DataError(f"table {spec.name}: not ISO3 codes: {bad[:20]}", file=where, field=name)
    try:
        table = pa.Table.from_pandas(frame, schema=spec.schema, preserve_index=False, safe=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError, TypeError) as exc:
        raise DataError(f"table {spec.name}: values do not fit the schema: {exc}", file=where) from exc
    check_plausible(frame, spec, origin=where)
    dup = frame.duplicated(list(spec.key), keep=False)
    if dup.any():
        sample = frame.loc[dup, list(spec.key)].head(5).to_dict("records")
        raise DataError(f"table {spec.name}: {int(dup.sum())} rows share a key {spec.key}; e.g. {sample}",
                        file=where)
    table = table.sort_by([(k, "ascending") for k in spec.key])
    return table.replace_schema_metadata(None)


# Rows per Parquet row group of a pack table (one group for all but the largest tables).
ROW_GROUP = 1 << 20


def write_table(table: pa.Table, path: Path, metadata: dict, *, keep_metadata: bool = False,
                row_group_size: int = ROW_GROUP) -> None:
    """Write table to path atomically (temp file, re-read check, rename), with metadata as JSON in the schema
    (keep_metadata: beside the table's own schema metadata, e.g. pandas' column types, instead of replacing it).
    row_group_size: rows per row group; smaller groups of a table sorted by its key let a filtered read skip the
    groups whose statistics exclude its values (`store.load_arrow`).

    The bytes depend only on the table and metadata, so building twice gives identical files.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {META_KEY: json.dumps(metadata, sort_keys=True, ensure_ascii=False).encode()}
    if keep_metadata:
        meta = {**(table.schema.metadata or {}), **meta}
    table = table.replace_schema_metadata(meta)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd", compression_level=9, use_dictionary=True,
                       write_statistics=True, row_group_size=row_group_size)
        check = pq.read_table(tmp)
        if check.num_rows != table.num_rows or check.schema.names != table.schema.names:
            raise DataError("written file does not read back identically", file=path)
        os.chmod(tmp, 0o644)  # mkstemp makes owner-only files; a pack is read by every user of an install
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def read_table(path: Path) -> pa.Table:
    """Read a canonical table; a DataError naming the file when it is missing or unreadable."""
    path = Path(path)
    if not path.exists():
        raise DataError("table file not found (run `multipolar data build-pack`)", file=path)
    try:
        # One file: read as a ParquetFile (pq.read_table goes through pyarrow.dataset, 0.7 s to import)
        return pq.ParquetFile(path).read()
    except (pa.ArrowInvalid, OSError) as exc:
        raise DataError(f"cannot read Parquet: {exc}", file=path) from exc


def read_metadata(path: Path) -> dict:
    """The provenance metadata stored in a table file."""
    schema = pq.read_schema(path)
    raw = (schema.metadata or {}).get(META_KEY)
    return json.loads(raw) if raw else {}

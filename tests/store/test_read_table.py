"""Pack tables read as one Parquet file each (without pyarrow.dataset) are the tables pyarrow's read_table gives."""

from __future__ import annotations

import pyarrow.parquet as pq

from multipolar.store import read_manifest
from multipolar.store.tables import read_table


def test_every_pack_table_reads_as_pyarrow_read_table_reads_it(pack):
    manifest = read_manifest(pack)
    assert manifest["tables"]
    for name, entry in manifest["tables"].items():
        path = pack / entry["file"]
        ours, theirs = read_table(path), pq.read_table(path)
        assert ours.schema.equals(theirs.schema, check_metadata=True), name
        assert ours.equals(theirs), name

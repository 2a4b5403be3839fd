"""Pack tables read as one Parquet file each (without pyarrow.dataset) are the tables pyarrow's read_table gives."""

from __future__ import annotations

import pyarrow as pa
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


def test_trade_flows_is_clustered_by_reporter_in_several_row_groups(pack):
    """Each row group holds a reporter range after the previous one's (sorted by key), so a reporter's rows sit in
    few groups and a filtered read can skip the others."""
    path = pack / read_manifest(pack)["tables"]["trade_flows"]["file"]
    meta = pq.ParquetFile(path).metadata
    assert meta.num_row_groups > 1
    column = [meta.row_group(0).column(j).path_in_schema for j in range(meta.num_columns)].index("reporter")
    ranges = [(meta.row_group(i).column(column).statistics.min, meta.row_group(i).column(column).statistics.max)
              for i in range(meta.num_row_groups)]
    assert all(ranges[i][1] <= ranges[i + 1][0] for i in range(len(ranges) - 1)), ranges


def test_filtered_loads_give_the_rows_of_the_whole_table_filtered(pack):
    """load_arrow skips row groups by their statistics: its rows are those of the whole file filtered by hand, in
    the file's order, whichever groups it read."""
    import pyarrow.compute as pc

    from multipolar.store import load_arrow

    path = pack / read_manifest(pack)["tables"]["trade_flows"]["file"]
    whole = pq.read_table(path)
    cases = [({"country": "EUU", "partner": "KAZ", "source": "eurostat_comext"},
              pc.and_(pc.and_(pc.equal(whole["reporter"], "EUU"), pc.equal(whole["partner"], "KAZ")),
                      pc.equal(whole["source"], "eurostat_comext"))),
             ({"country": "KAZ"}, pc.or_(pc.equal(whole["reporter"], "KAZ"), pc.equal(whole["partner"], "KAZ"))),
             ({"country": ["UZB", "CHN"], "partner": "RUS"},
              pc.and_(pc.is_in(whole["reporter"], value_set=pa.array(["UZB", "CHN"])),
                      pc.equal(whole["partner"], "RUS"))),
             ({"partner": "TJK"}, pc.equal(whole["partner"], "TJK")),
             ({"country": "ZZZ", "partner": "KAZ"}, pc.equal(whole["reporter"], "ZZZ"))]
    for filters, mask in cases:
        ours = load_arrow("trade_flows", pack=pack, **filters)
        expected = whole.filter(mask)
        assert ours.num_rows == expected.num_rows, filters
        assert ours.replace_schema_metadata(None).equals(expected.replace_schema_metadata(None)), filters
    assert load_arrow("trade_flows", pack=pack).num_rows == whole.num_rows

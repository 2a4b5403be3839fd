"""Context.memo: when a memoised sub-expression is materialised, and which expressions then read its table."""

from __future__ import annotations

import ibis
import ibis.expr.operations as ops
import pytest

from multipolar.indicators import Context


@pytest.fixture
def ctx():
    con = ibis.duckdb.connect()
    con.create_table("numbers", ibis.memtable({"n": [1, 2, 3, 4]}))
    return Context(con)


def memo_tables(expr) -> set[str]:
    """Names of the materialised memo tables an expression reads."""
    return {t.name for t in expr.op().find(ops.DatabaseTable) if t.name.startswith("_multipolar_memo_")}


def evens(ctx):
    t = ctx.con.table("numbers")
    return ctx.memo("evens", lambda: t.filter(t.n % 2 == 0))


def doubled(ctx, cache="reused"):
    def build():
        e = evens(ctx)
        return e.select(n=e.n * 2)

    return ctx.memo("doubled", build, cache=cache)


def test_used_once_stays_inline_and_second_use_materialises(ctx):
    first = evens(ctx)
    assert memo_tables(first) == set()  # a single use: left inline
    second = evens(ctx)
    assert len(memo_tables(second)) == 1  # asked again: a temporary table
    assert sorted(second.to_pandas()["n"]) == [2, 4]
    assert evens(ctx) is second  # and kept


def test_expression_built_on_a_memo_reads_its_table_once_materialised(ctx):
    inline = doubled(ctx, cache=False)  # built on the inline `evens`
    assert memo_tables(inline) == set()
    table = evens(ctx)  # second use of `evens`: materialised
    now = doubled(ctx, cache=False)
    assert now is not inline
    assert memo_tables(now) == memo_tables(table)  # reads the table, does not compute `evens` again
    assert sorted(now.to_pandas()["n"]) == [4, 8]


def test_a_reused_dependent_is_materialised_from_the_table(ctx):
    doubled(ctx)
    evens(ctx)  # materialised
    again = doubled(ctx)  # second use: built on evens' table, materialised itself
    (name,) = memo_tables(again)
    assert name not in memo_tables(evens(ctx))
    assert sorted(ctx.con.table(name).to_pandas()["n"]) == [4, 8]


def temp_tables(ctx) -> int:
    return ctx.con.con.sql("select count(*) from duckdb_tables() where temporary").fetchall()[0][0]


def test_materialising_an_expression_first_materialises_the_inline_ones_it_reads(ctx):
    doubled(ctx)  # computes `evens` inline
    assert temp_tables(ctx) == 0
    again = doubled(ctx)  # second use: would compute `evens` a second time, so `evens` is materialised first
    assert temp_tables(ctx) == 2
    table = evens(ctx)
    assert len(memo_tables(table)) == 1 and temp_tables(ctx) == 2  # already a table: nothing computed again
    assert sorted(again.to_pandas()["n"]) == [4, 8]


def quadrupled(ctx):
    def build():
        d = doubled(ctx)
        return d.select(n=d.n * 2)

    return ctx.memo("quadrupled", build)


def test_a_chain_of_inline_expressions_is_materialised_from_the_bottom(ctx):
    quadrupled(ctx)  # evens, doubled and quadrupled computed inline, once
    again = quadrupled(ctx)  # evens, then doubled (on evens' table), then quadrupled (on doubled's)
    assert temp_tables(ctx) == 3
    assert sorted(again.to_pandas()["n"]) == [8, 16]
    assert memo_tables(doubled(ctx)) and temp_tables(ctx) == 3  # nothing computed again


def test_cache_true_materialises_at_once_and_false_never(ctx):
    t = ctx.con.table("numbers")
    assert len(memo_tables(ctx.memo("now", lambda: t.filter(t.n > 2), cache=True))) == 1
    for _ in range(3):
        assert memo_tables(ctx.memo("never", lambda: t.filter(t.n > 1), cache=False)) == set()


def test_a_context_that_does_not_materialise_keeps_everything_inline():
    con = ibis.duckdb.connect()
    con.create_table("numbers", ibis.memtable({"n": [1, 2, 3, 4]}))
    ctx = Context(con, materialize=False)
    for _ in range(3):
        assert memo_tables(doubled(ctx)) == set()
    assert sorted(doubled(ctx).to_pandas()["n"]) == [4, 8]


def test_a_pack_context_reads_each_table_when_first_asked_for(pack):
    import pyarrow.parquet as pq

    from multipolar.store import read_manifest

    manifest = read_manifest(pack)
    ctx = Context(ibis.duckdb.connect(), manifest, folder=pack)

    def views():
        return {r[0] for r in ctx.con.con.sql("select view_name from duckdb_views() where not internal").fetchall()}

    assert views() == set() and ctx.has("arms_transfers")  # known from the manifest, not read yet
    table = ctx.table("arms_transfers")
    assert views() == {"arms_transfers"} and ctx.table("arms_transfers") is table
    rows = pq.read_metadata(pack / manifest["tables"]["arms_transfers"]["file"]).num_rows
    assert table.count().to_pyarrow().as_py() == rows


def test_inside_a_batch_reused_expressions_are_materialised_at_first_use(ctx):
    with ctx.batch():
        first = doubled(ctx)  # `evens` inside it: materialised first, then `doubled` itself
        assert temp_tables(ctx) == 2 and len(memo_tables(first)) == 1
    t = ctx.con.table("numbers")
    ctx.memo("after", lambda: t.filter(t.n > 3))  # the batch is over: first use left inline again
    assert temp_tables(ctx) == 2

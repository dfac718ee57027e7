"""Bulk writes without SQLAlchemy's per-row work store exactly what SQLAlchemy stored, and
the checksum computed in one pass is the XOR of the one row hash the triggers use."""

import dataclasses

from sqlalchemy import insert
from storage_samples import rich_strategy, second_strategy

from cxroadmap.domain.registry import INITIATIVE as INITIATIVE_FIELDS
from cxroadmap.storage import seal
from cxroadmap.storage.bulk import insert_rows, insert_tuples
from cxroadmap.storage.document import write_document
from cxroadmap.storage.engine import dispose_engine, initialise, open_engine
from cxroadmap.storage.field_values import row_maker, to_row
from cxroadmap.storage.rows import INITIATIVE, STRATEGY
from cxroadmap.storage.schema import connect


def _initiatives():
    strategy = rich_strategy()
    found = list(strategy.initiatives.values())
    # A cost of each kind the Float column converts (int, float, none), a text with quotes.
    return [
        dataclasses.replace(ini, cost=[1200, 99.5, None, 0, 3][i], title=ini.title + "'\"")
        for i, ini in enumerate(found)
    ]


def _table_rows(path, table):
    conn = connect(path, readonly=True)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()


def _write(path, write):
    initialise(path)
    engine = open_engine(path, readonly=False)
    try:
        with engine.begin() as conn:
            conn.execute(insert(STRATEGY).values(position=0, **_strategy_row()))
            write(conn)
    finally:
        dispose_engine(engine)


def _strategy_row():
    from cxroadmap.storage.strategy_rows import strategy_fields

    return strategy_fields(second_strategy())


def test_bulk_inserts_store_what_sqlalchemy_stores(tmp_path):
    rows = [
        {"strategy_id": 1, "position": i, **to_row(INITIATIVE_FIELDS, ini)}
        for i, ini in enumerate(_initiatives())
    ]
    names, make = row_maker(INITIATIVE_FIELDS)
    tuples = [(1, i, *make(ini)) for i, ini in enumerate(_initiatives())]
    paths = [tmp_path / f"{n}.cxroadmap" for n in ("sqlalchemy", "dicts", "tuples")]
    _write(paths[0], lambda conn: conn.execute(insert(INITIATIVE), rows))
    _write(paths[1], lambda conn: insert_rows(conn, INITIATIVE, rows))
    _write(
        paths[2],
        lambda conn: insert_tuples(conn, INITIATIVE, ["strategy_id", "position", *names], tuples),
    )
    stored = [_table_rows(p, "initiative") for p in paths]
    assert len(stored[0]) == 5
    assert stored[1] == stored[0]
    assert stored[2] == stored[0]
    # The converted column (Float) and the ones left out (defaults) are as SQLAlchemy put them.
    cost = [c.name for c in INITIATIVE.columns].index("cost")
    assert [r[cost] for r in stored[0]] == [1200.0, 99.5, None, 0.0, 3.0]
    assert {type(r[cost]) for r in stored[2]} == {float, type(None)}


def test_the_checksum_is_the_xor_of_every_rows_hash(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy(), second_strategy()])
    conn = connect(path, readonly=True)
    try:
        expected = 0
        for table, columns in seal.sealed_tables(conn):
            select = ", ".join(f'"{c}"' for c in columns)
            for row in conn.execute(f'SELECT {select} FROM "{table}"'):
                expected ^= seal.row_hash(table, row)
        assert seal.compute(conn) == expected
        # and the stored checksum (from the write, kept by triggers) is that value
        assert conn.execute("SELECT digest FROM document_seal").fetchone()[0] == expected
    finally:
        conn.close()


def test_the_row_hash_is_the_one_files_were_written_with():
    """Frozen: files already on disk hold checksums made with exactly this hash."""
    assert seal.row_hash("initiative", (1, "Café", None, 2.5, 0)) == 0x0B0CE00609254522

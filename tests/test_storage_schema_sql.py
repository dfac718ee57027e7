"""Verifying a document needs no SQLAlchemy: the schema's SQL is kept as text, and kept true."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cxroadmap.storage import schema_gen, schema_sql, verify


def test_the_kept_sql_is_what_the_tables_make_today() -> None:
    # On failure: run `python -m cxroadmap.storage.schema_gen` and commit schema_sql.py.
    assert tuple(schema_gen.statements()) == schema_sql.STATEMENTS


def test_the_expected_shape_is_that_of_a_fresh_document(tmp_path: Path) -> None:
    from cxroadmap.storage.engine import initialise

    initialise(tmp_path / "fresh.cxroadmap")
    import sqlite3

    conn = sqlite3.connect(tmp_path / "fresh.cxroadmap")
    try:
        assert verify.read_shape(conn) == verify.expected_shape()
    finally:
        conn.close()


def test_schedule_reads_a_document_without_importing_sqlalchemy(tmp_path: Path) -> None:
    from cxroadmap.content.demo import demo_cascade
    from cxroadmap.storage.document import write_document

    path = tmp_path / "demo.cxroadmap"
    write_document(path, demo_cascade())
    probe = (
        "import sys; from cxroadmap.app import main; code = main(['schedule', '--json', "
        f"{str(path)!r}]); heavy = sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', "
        "'networkx', 'PySide6', 'reportlab') if m in sys.modules); "
        "print(heavy, file=sys.stderr); sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert '"format": "cxroadmap-schedule/1"' in done.stdout

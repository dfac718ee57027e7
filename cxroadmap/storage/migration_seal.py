"""Schema 4 -> 5: the document's checksum table (storage/seal.py installs its triggers).

Frozen SQL, like migration_2.py. schema.migrate installs the checksum's triggers and
computes the checksum after the last step, whatever the steps were.
"""

from __future__ import annotations

import sqlite3

_DDL = """
CREATE TABLE document_seal (
    id INTEGER NOT NULL,
    digest INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT one_seal CHECK (id = 1)
)
"""


def add_seal(conn: sqlite3.Connection) -> None:
    conn.execute(_DDL)

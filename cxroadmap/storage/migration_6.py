"""Schema 5 -> 6: the tables of a workspace copy (link, access, base items, conflicts, log).

Frozen SQL (what SQLAlchemy emitted for storage/workspace/local_rows.py), so later
changes to the row classes cannot change what this step does.
"""

from __future__ import annotations

import sqlite3

_DDL = (
    """
    CREATE TABLE ws_link (
        id INTEGER NOT NULL,
        url VARCHAR NOT NULL,
        last_rev INTEGER NOT NULL,
        synced_at VARCHAR,
        copy_id VARCHAR NOT NULL,
        path VARCHAR NOT NULL,
        PRIMARY KEY (id)
    )
    """,
    """
    CREATE TABLE ws_access (
        id INTEGER NOT NULL,
        strategy VARCHAR NOT NULL,
        editable BOOLEAN NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (strategy)
    )
    """,
    """
    CREATE TABLE ws_base (
        id INTEGER NOT NULL,
        strategy VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        "key" VARCHAR NOT NULL,
        rev INTEGER NOT NULL,
        deleted BOOLEAN NOT NULL,
        fields VARCHAR NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (strategy, kind, "key")
    )
    """,
    """
    CREATE TABLE ws_conflict (
        id INTEGER NOT NULL,
        strategy VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        "key" VARCHAR NOT NULL,
        field VARCHAR NOT NULL,
        mine VARCHAR NOT NULL,
        theirs VARCHAR NOT NULL,
        sides VARCHAR NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (strategy, kind, "key", field)
    )
    """,
    """
    CREATE TABLE ws_dirty (
        id INTEGER NOT NULL,
        strategy VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        "key" VARCHAR NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (strategy, kind, "key")
    )
    """,
)


def upgrade_5_to_6(conn: sqlite3.Connection) -> None:
    for statement in _DDL:
        conn.execute(statement)

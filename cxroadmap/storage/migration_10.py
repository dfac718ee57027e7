"""Schema 9 -> 10: RAG status (tracking.md): the strategy's red threshold, overrides by hand.

Frozen SQL, like migration_9.py: the checks ride on the added columns (SQLite cannot add a
table constraint without a rebuild); verify.py compares named checks wherever they sit.
"""

from __future__ import annotations

import sqlite3

_DDL = (
    """
    ALTER TABLE strategy ADD COLUMN red_after_days INTEGER DEFAULT '10' NOT NULL
        CONSTRAINT red_after_days_not_negative CHECK (red_after_days >= 0)
    """,
    """
    ALTER TABLE initiative ADD COLUMN rag_override VARCHAR DEFAULT '' NOT NULL
        CONSTRAINT rag_override_known CHECK (rag_override IN ('', 'red', 'amber', 'green'))
    """,
    """
    ALTER TABLE initiative ADD COLUMN rag_reason VARCHAR DEFAULT '' NOT NULL
    """,
)


def add_rag(conn: sqlite3.Connection) -> None:
    for statement in _DDL:
        conn.execute(statement.strip())

"""Schema 8 -> 9: progress. A status date per strategy; actual dates and % complete per initiative.

Frozen SQL, like migration_3.py: later changes to rows.py cannot change what this step does.
The range check rides on the added column (SQLite cannot add a table constraint without a
rebuild); verify.py compares named checks wherever they sit in the CREATE statement.
"""

from __future__ import annotations

import sqlite3

_DDL = (
    """
    ALTER TABLE strategy ADD COLUMN status_date VARCHAR
    """,
    """
    ALTER TABLE initiative ADD COLUMN actual_start VARCHAR
    """,
    """
    ALTER TABLE initiative ADD COLUMN actual_finish VARCHAR
    """,
    """
    ALTER TABLE initiative ADD COLUMN percent_complete INTEGER DEFAULT '0' NOT NULL
        CONSTRAINT percent_complete_range CHECK (percent_complete BETWEEN 0 AND 100)
    """,
)


def add_progress(conn: sqlite3.Connection) -> None:
    for statement in _DDL:
        conn.execute(statement.strip())

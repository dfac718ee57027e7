"""Schema 10 -> 11: scenarios. A strategy may be a what-if copy of another (`scenario_of`).

Frozen SQL, like migration_3.py: later changes to rows.py cannot change what this step does.
"""

from __future__ import annotations

import sqlite3

_DDL = (
    """
    ALTER TABLE strategy ADD COLUMN scenario_of VARCHAR
    """,
)


def upgrade_10_to_11(conn: sqlite3.Connection) -> None:
    for statement in _DDL:
        conn.execute(statement.strip())

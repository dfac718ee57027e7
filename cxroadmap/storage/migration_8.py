"""Schema 7 -> 8: scenarios. A strategy may be a what-if copy of another (`scenario_of`).

Frozen SQL, like migration_3.py: later changes to rows.py cannot change what this step does.
"""

from __future__ import annotations

import sqlite3

_DDL = (
    """
    ALTER TABLE strategy ADD COLUMN scenario_of VARCHAR
    """,
)


def upgrade_7_to_8(conn: sqlite3.Connection) -> None:
    for statement in _DDL:
        conn.execute(statement.strip())

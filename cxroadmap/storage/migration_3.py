"""Schema 2 -> 3: budget. A cost per initiative, a budget per phase and per year, a currency.

Frozen SQL, like migration_2.py: later changes to rows.py cannot change what this step does.
"""

from __future__ import annotations

import sqlite3

_DDL = (
    """
    ALTER TABLE strategy ADD COLUMN currency VARCHAR DEFAULT '' NOT NULL
    """,
    """
    ALTER TABLE phase ADD COLUMN budget FLOAT
    """,
    """
    ALTER TABLE initiative ADD COLUMN cost FLOAT
    """,
    """
    CREATE TABLE year_budget (
        id INTEGER NOT NULL,
        strategy_id INTEGER NOT NULL,
        year INTEGER NOT NULL,
        amount FLOAT NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (strategy_id, year),
        FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE
    )
    """,
)


def upgrade_2_to_3(conn: sqlite3.Connection) -> None:
    for statement in _DDL:
        conn.execute(statement.strip())

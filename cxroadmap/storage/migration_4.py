"""Schema 3 -> 4: the brand kit and the saved views of each strategy.

Frozen SQL (the CREATE statements SQLAlchemy emitted for schema 4's new tables), so later
changes to brand_rows.py cannot change what this step does. Run by schema.migrate inside
one transaction, statement by statement.
"""

from __future__ import annotations

import sqlite3

_DDL = (
    """
    CREATE TABLE brand (
        strategy_id INTEGER NOT NULL,
        client VARCHAR NOT NULL,
        logo BLOB NOT NULL,
        accent VARCHAR NOT NULL,
        pillar_colours VARCHAR NOT NULL,
        font VARCHAR NOT NULL,
        PRIMARY KEY (strategy_id),
        FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE TABLE saved_view (
        id INTEGER NOT NULL,
        strategy_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        spec VARCHAR NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE INDEX ix_saved_view_strategy_id ON saved_view (strategy_id)
    """,
)


def upgrade_3_to_4(conn: sqlite3.Connection) -> None:
    """Add the brand and saved_view tables (empty: nothing in schema 3 to carry over)."""
    for statement in _DDL:
        conn.execute(statement.strip())

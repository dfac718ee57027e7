"""Schema 6 -> 7: the baselines of each strategy (tracking.md, "Baselines").

Frozen SQL (what SQLAlchemy emitted for storage/baseline_rows.py), so later changes to
the row classes cannot change what this step does.
"""

from __future__ import annotations

import sqlite3

_DDL = (
    """
    CREATE TABLE baseline (
        id INTEGER NOT NULL,
        strategy_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        taken_on VARCHAR NOT NULL,
        chosen BOOLEAN NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE TABLE baseline_entry (
        id INTEGER NOT NULL,
        baseline_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        "key" VARCHAR NOT NULL,
        start VARCHAR NOT NULL,
        finish VARCHAR NOT NULL,
        duration INTEGER NOT NULL,
        phase VARCHAR NOT NULL,
        PRIMARY KEY (id),
        CONSTRAINT ck_baseline_entry_duration CHECK (duration >= 0),
        FOREIGN KEY(baseline_id) REFERENCES baseline (id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX ix_baseline_entry_baseline_id ON baseline_entry (baseline_id)",
    "CREATE INDEX ix_baseline_strategy_id ON baseline (strategy_id)",
)


def upgrade_6_to_7(conn: sqlite3.Connection) -> None:
    """Add the baseline and baseline_entry tables (empty: schema 6 had no baselines)."""
    for statement in _DDL:
        conn.execute(statement.strip())

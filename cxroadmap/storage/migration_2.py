"""Schema 1 -> 2: touchpoints, opportunities, measures, support links, strategy key and parent.

Frozen SQL (the CREATE statements SQLAlchemy emitted for schema 2's tables), so later
changes to rows.py cannot change what this step does. Run by schema.migrate inside one
transaction, statement by statement.
"""

from __future__ import annotations

import sqlite3

_DDL = (
    """
    ALTER TABLE strategy ADD COLUMN "key" VARCHAR DEFAULT '' NOT NULL
    """,
    """
    ALTER TABLE strategy ADD COLUMN parent_key VARCHAR
    """,
    """
    CREATE UNIQUE INDEX ix_strategy_key ON strategy ("key") WHERE key <> ''
    """,
    """
    CREATE TABLE touchpoint (
        id INTEGER NOT NULL,
        strategy_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        "key" VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        stage VARCHAR NOT NULL,
        channel VARCHAR NOT NULL,
        now VARCHAR NOT NULL,
        should VARCHAR NOT NULL,
        gap INTEGER NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (strategy_id, "key"),
        CONSTRAINT gap_range CHECK (gap BETWEEN 1 AND 5),
        FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE TABLE touchpoint_note (
        id INTEGER NOT NULL,
        touchpoint_id INTEGER NOT NULL,
        kind VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (id),
        CONSTRAINT kind_known CHECK (kind IN ('standards', 'measures', 'no_value', 'root_causes')),
        FOREIGN KEY(touchpoint_id) REFERENCES touchpoint (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE INDEX ix_touchpoint_note_touchpoint_id ON touchpoint_note (touchpoint_id)
    """,
    """
    CREATE TABLE opportunity (
        id INTEGER NOT NULL,
        touchpoint_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        initiative_id INTEGER,
        PRIMARY KEY (id),
        FOREIGN KEY(touchpoint_id) REFERENCES touchpoint (id) ON DELETE CASCADE,
        FOREIGN KEY(initiative_id) REFERENCES initiative (id) ON DELETE SET NULL
    )
    """,
    """
    CREATE INDEX ix_opportunity_initiative_id ON opportunity (initiative_id)
    """,
    """
    CREATE INDEX ix_opportunity_touchpoint_id ON opportunity (touchpoint_id)
    """,
    """
    CREATE TABLE initiative_touchpoint (
        id INTEGER NOT NULL,
        initiative_id INTEGER NOT NULL,
        touchpoint_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (initiative_id, touchpoint_id),
        FOREIGN KEY(initiative_id) REFERENCES initiative (id) ON DELETE CASCADE,
        FOREIGN KEY(touchpoint_id) REFERENCES touchpoint (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE INDEX ix_initiative_touchpoint_touchpoint_id ON initiative_touchpoint (touchpoint_id)
    """,
    """
    CREATE TABLE measure (
        id INTEGER NOT NULL,
        strategy_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        "key" VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        unit VARCHAR NOT NULL,
        baseline FLOAT,
        target FLOAT,
        target_date VARCHAR,
        PRIMARY KEY (id),
        UNIQUE (strategy_id, "key"),
        FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE TABLE measure_initiative (
        id INTEGER NOT NULL,
        measure_id INTEGER NOT NULL,
        initiative_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (measure_id, initiative_id),
        FOREIGN KEY(measure_id) REFERENCES measure (id) ON DELETE CASCADE,
        FOREIGN KEY(initiative_id) REFERENCES initiative (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE INDEX ix_measure_initiative_initiative_id ON measure_initiative (initiative_id)
    """,
    """
    CREATE TABLE support_link (
        id INTEGER NOT NULL,
        initiative_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        strategy_key VARCHAR NOT NULL,
        initiative_key VARCHAR NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (initiative_id, strategy_key, initiative_key),
        FOREIGN KEY(initiative_id) REFERENCES initiative (id) ON DELETE CASCADE
    )
    """,
)

# Schema 1 linked a child to its parent by row id but had no keys: strategies on either
# end of such a link get the key "S<id>" so the link can be kept as a parent key.
_KEYS_AND_PARENTS = (
    """
    UPDATE strategy SET "key" = 'S' || id
    WHERE parent_id IS NOT NULL
       OR id IN (SELECT parent_id FROM strategy WHERE parent_id IS NOT NULL)
    """,
    """
    UPDATE strategy
    SET parent_key = (SELECT 'S' || p.id FROM strategy p WHERE p.id = strategy.parent_id),
        parent_id = NULL
    WHERE parent_id IS NOT NULL
    """,
)


def upgrade_1_to_2(conn: sqlite3.Connection) -> None:
    for statement in (*_DDL, *_KEYS_AND_PARENTS):
        conn.execute(statement.strip())

"""Schema 7 -> 8: measure readings (tracking.md, "Measures over time").

Frozen SQL (what SQLAlchemy emitted for storage/rows.py's MeasureReadingRow), so later
changes to the row class cannot change what this step does.
"""

from __future__ import annotations

import sqlite3

_DDL = """
CREATE TABLE measure_reading (
    id INTEGER NOT NULL,
    measure_id INTEGER NOT NULL,
    date VARCHAR NOT NULL,
    value FLOAT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (measure_id, date),
    FOREIGN KEY(measure_id) REFERENCES measure (id) ON DELETE CASCADE
)
"""


def add_measure_readings(conn: sqlite3.Connection) -> None:
    conn.execute(_DDL)

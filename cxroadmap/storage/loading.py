"""Strategies read from a document's tables with plain sqlite3: the one load path of every open.

SQLAlchemy and SQLModel cost most of a second to import; reading needs neither, so
`cxroadmap schedule` and the app's first paint do not wait for them. Columns come from the
field registry (field_values.py), as they do for writing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping

from cxroadmap.common.collector import collector_paused
from cxroadmap.domain.cascade import order_parents_first
from cxroadmap.domain.fields import Field
from cxroadmap.domain.measures import Measure, Reading
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.registry import DEPENDENCY as DEPENDENCY_FIELDS
from cxroadmap.domain.registry import INITIATIVE as INITIATIVE_FIELDS
from cxroadmap.domain.registry import MEASURE as MEASURE_FIELDS
from cxroadmap.domain.registry import PHASE as PHASE_FIELDS
from cxroadmap.domain.registry import STRATEGY as STRATEGY_FIELDS
from cxroadmap.domain.registry import TOUCHPOINT as TOUCHPOINT_FIELDS
from cxroadmap.domain.support import SupportLink
from cxroadmap.domain.touchpoints import Opportunity, Touchpoint
from cxroadmap.storage.baseline_loading import load_baselines
from cxroadmap.storage.brand_loading import load_brand_and_views
from cxroadmap.storage.field_values import reader, stored

_read_strategy = reader(Strategy, stored(STRATEGY_FIELDS))
_read_phase = reader(Phase, stored(PHASE_FIELDS))
_read_initiative = reader(Initiative, stored(INITIATIVE_FIELDS))
# Dependencies are stored by initiative row id: the reader gets the two keys first.
_ENDS = (DEPENDENCY_FIELDS["from_key"], DEPENDENCY_FIELDS["to_key"])
_read_dependency = reader(Dependency, (*_ENDS, *stored(DEPENDENCY_FIELDS)))
_read_touchpoint = reader(Touchpoint, stored(TOUCHPOINT_FIELDS))
_read_measure = reader(Measure, stored(MEASURE_FIELDS))


def _columns(fields: Mapping[str, Field]) -> str:
    """The stored fields' columns, quoted, in the order the readers expect them."""
    return ", ".join(f'"{f.column}"' for f in stored(fields))


def strategy_ids(conn: sqlite3.Connection) -> list[int]:
    """Ids of the strategies in the file, in document order."""
    return [int(r[0]) for r in conn.execute("SELECT id FROM strategy ORDER BY position, id")]


def load_all_with_ids(conn: sqlite3.Connection) -> list[tuple[int, Strategy]]:
    """(id, strategy) for every strategy, parents before children (siblings in document order)."""
    found: dict[int, tuple[int, Strategy]] = {}
    for sid in strategy_ids(conn):
        strategy = load_strategy(conn, sid)
        if strategy is not None:
            found[id(strategy)] = (sid, strategy)
    ordered = order_parents_first(s for _, s in found.values())
    return [found[id(s)] for s in ordered]


def load_outlines(conn: sqlite3.Connection) -> list[tuple[int, Strategy]]:
    """(id, strategy) for every strategy with only its own fields (no initiatives, phases,
    touchpoints...), ordered as load_all_with_ids orders them: for names and the tree."""
    found: dict[int, tuple[int, Strategy]] = {}
    for row in conn.execute(
        f"SELECT id, {_columns(STRATEGY_FIELDS)} FROM strategy ORDER BY position, id"
    ):
        strategy = _read_strategy(row[1:])
        found[id(strategy)] = (int(row[0]), strategy)
    ordered = order_parents_first(s for _, s in found.values())
    return [found[id(s)] for s in ordered]


def load_strategy(conn: sqlite3.Connection, strategy_id: int) -> Strategy | None:
    """The strategy stored under `strategy_id`, or None if there is none."""
    head = conn.execute(
        f"SELECT {_columns(STRATEGY_FIELDS)} FROM strategy WHERE id = ?", (strategy_id,)
    ).fetchone()
    if head is None:
        return None
    sid = (strategy_id,)
    strategy = _read_strategy(head)
    strategy.values = [
        r[0]
        for r in conn.execute(
            "SELECT text FROM strategy_value WHERE strategy_id = ? ORDER BY position", sid
        )
    ]
    strategy.holidays = [
        dt.date.fromisoformat(r[0])
        for r in conn.execute("SELECT day FROM holiday WHERE strategy_id = ? ORDER BY day", sid)
    ]
    strategy.phases = [
        _read_phase(r)
        for r in conn.execute(
            f"SELECT {_columns(PHASE_FIELDS)} FROM phase WHERE strategy_id = ? ORDER BY position",
            sid,
        )
    ]
    strategy.year_budgets = {
        int(year): float(amount)
        for year, amount in conn.execute(
            "SELECT year, amount FROM year_budget WHERE strategy_id = ? ORDER BY year", sid
        )
    }
    keys: dict[int, str] = {}
    initiatives = strategy.initiatives
    with collector_paused():
        for row in conn.execute(
            f"SELECT id, {_columns(INITIATIVE_FIELDS)} FROM initiative "
            "WHERE strategy_id = ? ORDER BY position, id",
            sid,
        ):
            ini = _read_initiative(row[1:])
            keys[row[0]] = ini.key
            initiatives[ini.key] = ini
        strategy.dependencies = [
            _read_dependency((keys[row[0]], keys[row[1]], *row[2:]))
            for row in conn.execute(
                f"SELECT from_id, to_id, {_columns(DEPENDENCY_FIELDS)} FROM dependency "
                "WHERE strategy_id = ? ORDER BY position, id",
                sid,
            )
        ]
        _load_cx(conn, strategy_id, strategy, keys)
    load_brand_and_views(conn, strategy_id, strategy)
    load_baselines(conn, strategy_id, strategy)
    return strategy


def _load_cx(
    conn: sqlite3.Connection, strategy_id: int, strategy: Strategy, keys: dict[int, str]
) -> None:
    """Fill in the touchpoints, measures and links of a strategy whose initiatives are loaded.

    `keys` maps initiative row ids to keys.
    """
    sid = (strategy_id,)
    touchpoints: dict[int, Touchpoint] = {}
    for row in conn.execute(
        f"SELECT id, {_columns(TOUCHPOINT_FIELDS)} FROM touchpoint "
        "WHERE strategy_id = ? ORDER BY position, id",
        sid,
    ):
        touchpoints[row[0]] = _read_touchpoint(row[1:])
    strategy.touchpoints = list(touchpoints.values())
    of_strategy = "SELECT id FROM touchpoint WHERE strategy_id = ?"
    if touchpoints:
        for tp_id, kind, text in conn.execute(
            "SELECT touchpoint_id, kind, text FROM touchpoint_note "
            f"WHERE touchpoint_id IN ({of_strategy}) ORDER BY touchpoint_id, kind, position, id",
            sid,
        ):
            getattr(touchpoints[tp_id], kind).append(text)
        for tp_id, text, ini_id in conn.execute(
            "SELECT touchpoint_id, text, initiative_id FROM opportunity "
            f"WHERE touchpoint_id IN ({of_strategy}) ORDER BY touchpoint_id, position, id",
            sid,
        ):
            link = None if ini_id is None else keys.get(ini_id)
            touchpoints[tp_id].opportunities.append(Opportunity(text, link))
        for ini_id, tp_id in conn.execute(
            "SELECT initiative_id, touchpoint_id FROM initiative_touchpoint "
            f"WHERE touchpoint_id IN ({of_strategy}) ORDER BY initiative_id, position, id",
            sid,
        ):
            strategy.initiatives[keys[ini_id]].touchpoints.append(touchpoints[tp_id].key)
    measures: dict[int, Measure] = {}
    for row in conn.execute(
        f"SELECT id, {_columns(MEASURE_FIELDS)} FROM measure "
        "WHERE strategy_id = ? ORDER BY position, id",
        sid,
    ):
        measures[row[0]] = _read_measure(row[1:])
    strategy.measures = list(measures.values())
    if measures:
        for measure_id, ini_id in conn.execute(
            "SELECT measure_id, initiative_id FROM measure_initiative WHERE measure_id IN "
            "(SELECT id FROM measure WHERE strategy_id = ?) ORDER BY measure_id, position, id",
            sid,
        ):
            measures[measure_id].initiatives.append(keys[ini_id])
        # Ordered by date: the date is the reading's position.
        for measure_id, day, value in conn.execute(
            "SELECT measure_id, date, value FROM measure_reading WHERE measure_id IN "
            "(SELECT id FROM measure WHERE strategy_id = ?) ORDER BY measure_id, date",
            sid,
        ):
            measures[measure_id].readings.append(Reading(dt.date.fromisoformat(day), value))
    for ini_id, strategy_key, initiative_key in conn.execute(
        "SELECT s.initiative_id, s.strategy_key, s.initiative_key FROM support_link s "
        "JOIN initiative i ON i.id = s.initiative_id WHERE i.strategy_id = ? "
        "ORDER BY s.initiative_id, s.position, s.id",
        sid,
    ):
        strategy.initiatives[keys[ini_id]].supports.append(
            SupportLink(strategy_key, initiative_key)
        )

"""Touchpoints, measures and alignment links <-> table rows (SQLAlchemy core, like strategy_rows).

Touchpoint and measure lists are small, so a change to either rewrites that list whole;
an initiative's own links (the touchpoints it addresses, what it supports) are rewritten
with the initiative.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, delete, select

from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.registry import MEASURE as MEASURE_FIELDS
from cxroadmap.domain.registry import TOUCHPOINT as TOUCHPOINT_FIELDS
from cxroadmap.domain.touchpoints import NOTE_FIELDS
from cxroadmap.storage.bulk import insert_rows
from cxroadmap.storage.field_rows import to_row
from cxroadmap.storage.rows import (
    INITIATIVE_TOUCHPOINT,
    MEASURE,
    MEASURE_INITIATIVE,
    MEASURE_READING,
    OPPORTUNITY,
    SUPPORT_LINK,
    TOUCHPOINT,
    TOUCHPOINT_NOTE,
)

Row = dict[str, Any]


def _keyed_ids(conn: Connection, table: Any, strategy_id: int) -> dict[str, int]:
    rows = conn.execute(select(table.c.key, table.c.id).where(table.c.strategy_id == strategy_id))
    return {key: row_id for key, row_id in rows.all()}


def write_touchpoints(
    conn: Connection, strategy_id: int, strategy: Strategy, ini_ids: dict[str, int]
) -> None:
    """Replace the strategy's touchpoints, their notes and opportunities, and every
    initiative -> touchpoint link (deleting a touchpoint row drops its links)."""
    conn.execute(delete(TOUCHPOINT).where(TOUCHPOINT.c.strategy_id == strategy_id))
    if not strategy.touchpoints:
        return
    insert_rows(
        conn,
        TOUCHPOINT,
        [
            {"strategy_id": strategy_id, "position": i, **to_row(TOUCHPOINT_FIELDS, tp)}
            for i, tp in enumerate(strategy.touchpoints)
        ],
    )
    tp_ids = _keyed_ids(conn, TOUCHPOINT, strategy_id)
    notes: list[Row] = []
    opportunities: list[Row] = []
    for tp in strategy.touchpoints:
        for kind in NOTE_FIELDS:
            notes += [
                {"touchpoint_id": tp_ids[tp.key], "kind": kind, "position": j, "text": text}
                for j, text in enumerate(getattr(tp, kind))
            ]
        opportunities += [
            {
                "touchpoint_id": tp_ids[tp.key],
                "position": j,
                "text": opp.text,
                "initiative_id": None
                if opp.initiative_key is None
                else ini_ids.get(opp.initiative_key),
            }
            for j, opp in enumerate(tp.opportunities)
        ]
    if notes:
        insert_rows(conn, TOUCHPOINT_NOTE, notes)
    if opportunities:
        insert_rows(conn, OPPORTUNITY, opportunities)
    _insert_touchpoint_links(conn, strategy, list(strategy.initiatives), ini_ids, tp_ids)


def _insert_touchpoint_links(
    conn: Connection,
    strategy: Strategy,
    keys: Collection[str],
    ini_ids: dict[str, int],
    tp_ids: dict[str, int],
) -> None:
    links = [
        {"initiative_id": ini_ids[key], "touchpoint_id": tp_ids[tp_key], "position": j}
        for key in keys
        for j, tp_key in enumerate(strategy.initiatives[key].touchpoints)
        if tp_key in tp_ids
    ]
    if links:
        insert_rows(conn, INITIATIVE_TOUCHPOINT, links)


def write_measures(
    conn: Connection, strategy_id: int, strategy: Strategy, ini_ids: dict[str, int]
) -> None:
    """Replace the strategy's measures, the initiatives linked to each and their readings."""
    conn.execute(delete(MEASURE).where(MEASURE.c.strategy_id == strategy_id))
    if not strategy.measures:
        return
    insert_rows(
        conn,
        MEASURE,
        [
            {"strategy_id": strategy_id, "position": i, **to_row(MEASURE_FIELDS, m)}
            for i, m in enumerate(strategy.measures)
        ],
    )
    measure_ids = _keyed_ids(conn, MEASURE, strategy_id)
    links = [
        {"measure_id": measure_ids[m.key], "initiative_id": ini_ids[key], "position": j}
        for m in strategy.measures
        for j, key in enumerate(m.initiatives)
        if key in ini_ids
    ]
    if links:
        insert_rows(conn, MEASURE_INITIATIVE, links)
    readings = [
        {"measure_id": measure_ids[m.key], "date": r.date.isoformat(), "value": r.value}
        for m in strategy.measures
        for r in m.readings
    ]
    if readings:
        insert_rows(conn, MEASURE_READING, readings)


def write_initiative_links(
    conn: Connection,
    strategy_id: int,
    strategy: Strategy,
    keys: Collection[str],
    ini_ids: dict[str, int],
    touchpoint_links: bool = True,
) -> None:
    """Rewrite the support links (and, unless told not to, touchpoint links) of `keys`."""
    row_ids = [ini_ids[k] for k in keys]
    if not row_ids:
        return
    conn.execute(delete(SUPPORT_LINK).where(SUPPORT_LINK.c.initiative_id.in_(row_ids)))
    supports = [
        {
            "initiative_id": ini_ids[key],
            "position": j,
            "strategy_key": link.strategy,
            "initiative_key": link.initiative,
        }
        for key in keys
        for j, link in enumerate(strategy.initiatives[key].supports)
    ]
    if supports:
        insert_rows(conn, SUPPORT_LINK, supports)
    if touchpoint_links:
        it = INITIATIVE_TOUCHPOINT.c
        conn.execute(delete(INITIATIVE_TOUCHPOINT).where(it.initiative_id.in_(row_ids)))
        if any(strategy.initiatives[k].touchpoints for k in keys):
            tp_ids = _keyed_ids(conn, TOUCHPOINT, strategy_id)
            _insert_touchpoint_links(conn, strategy, keys, ini_ids, tp_ids)


def write_all(
    conn: Connection, strategy_id: int, strategy: Strategy, ini_ids: dict[str, int]
) -> None:
    """Everything of this module for a strategy just inserted (nothing stored yet)."""
    if strategy.touchpoints:
        write_touchpoints(conn, strategy_id, strategy, ini_ids)
    if strategy.measures:
        write_measures(conn, strategy_id, strategy, ini_ids)
    linked = [k for k, ini in strategy.initiatives.items() if ini.supports]
    if linked:
        write_initiative_links(conn, strategy_id, strategy, linked, ini_ids, touchpoint_links=False)


def write_cx_change(
    conn: Connection, strategy_id: int, strategy: Strategy, change: Change, ini_ids: dict[str, int]
) -> None:
    """The part of `change` this module stores; `ini_ids` holds at least the changed keys."""
    present = [k for k in change.initiatives if k in strategy.initiatives]
    if change.touchpoints:
        write_touchpoints(conn, strategy_id, strategy, ini_ids)
    if change.measures:
        write_measures(conn, strategy_id, strategy, ini_ids)
    if present:
        write_initiative_links(
            conn, strategy_id, strategy, present, ini_ids, touchpoint_links=not change.touchpoints
        )

"""Reading a strategy's baselines with sqlite3 alone (loading.py's way: no SQLAlchemy)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from cxroadmap.domain.baselines import Baseline, BaselineEntry
from cxroadmap.domain.model import Strategy


def load_baselines(conn: sqlite3.Connection, strategy_id: int, strategy: Strategy) -> None:
    """Fill `strategy.baselines` and `strategy.chosen_baseline` from the two tables."""
    found: dict[int, Baseline] = {}
    chosen = None
    for row_id, name, taken_on, is_chosen in conn.execute(
        "SELECT id, name, taken_on, chosen FROM baseline WHERE strategy_id = ? "
        "ORDER BY position, id",
        (strategy_id,),
    ):
        found[row_id] = Baseline(name, dt.date.fromisoformat(taken_on))
        if is_chosen:
            chosen = name
    if found:
        date = dt.date.fromisoformat
        for baseline_id, key, start, finish, duration, phase in conn.execute(
            "SELECT baseline_id, key, start, finish, duration, phase FROM baseline_entry "
            "WHERE baseline_id IN (SELECT id FROM baseline WHERE strategy_id = ?) "
            "ORDER BY baseline_id, position, id",
            (strategy_id,),
        ):
            found[baseline_id].entries.append(
                BaselineEntry(key, date(start), date(finish), int(duration), phase)
            )
    strategy.baselines = list(found.values())
    strategy.chosen_baseline = chosen

"""The baselines of each strategy in the file (schema 7): one row per baseline, one per entry."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Connection, Table, delete, insert, select
from sqlmodel import Field, SQLModel

from cxroadmap.domain.model import Strategy


class BaselineRow(SQLModel, table=True):
    """A named, dated baseline; `chosen` marks the one the strategy compares against."""

    __tablename__ = "baseline"

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE", index=True)
    position: int
    name: str
    taken_on: str
    chosen: bool = False


class BaselineEntryRow(SQLModel, table=True):
    """One initiative of a baseline as the schedule showed it (dates ISO, duration >= 0)."""

    __tablename__ = "baseline_entry"
    __table_args__ = (CheckConstraint("duration >= 0", name="ck_baseline_entry_duration"),)

    id: int | None = Field(default=None, primary_key=True)
    baseline_id: int = Field(foreign_key="baseline.id", ondelete="CASCADE", index=True)
    position: int
    key: str
    start: str
    finish: str
    duration: int
    phase: str


BASELINE: Table = SQLModel.metadata.tables["baseline"]
BASELINE_ENTRY: Table = SQLModel.metadata.tables["baseline_entry"]


def write_baselines(conn: Connection, strategy_id: int, strategy: Strategy) -> None:
    """Replace the stored baselines with the strategy's (entries go with their baseline)."""
    ids = select(BASELINE.c.id).where(BASELINE.c.strategy_id == strategy_id)
    conn.execute(delete(BASELINE_ENTRY).where(BASELINE_ENTRY.c.baseline_id.in_(ids)))
    conn.execute(delete(BASELINE).where(BASELINE.c.strategy_id == strategy_id))
    for i, baseline in enumerate(strategy.baselines):
        result = conn.execute(
            insert(BASELINE).values(
                strategy_id=strategy_id,
                position=i,
                name=baseline.name,
                taken_on=baseline.taken_on.isoformat(),
                chosen=baseline.name == strategy.chosen_baseline,
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        rows: list[dict[str, Any]] = [
            {
                "baseline_id": int(key[0]),
                "position": j,
                "key": e.key,
                "start": e.start.isoformat(),
                "finish": e.finish.isoformat(),
                "duration": e.duration,
                "phase": e.phase,
            }
            for j, e in enumerate(baseline.entries)
        ]
        if rows:
            conn.execute(insert(BASELINE_ENTRY), rows)

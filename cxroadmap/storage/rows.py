"""SQLModel tables of the .cxroadmap file; rows never leave the storage package."""

from sqlalchemy import CheckConstraint, Index, Table, UniqueConstraint
from sqlmodel import Field, SQLModel

# Dates are ISO 8601 text (YYYY-MM-DD), as SQLite has no date type.


class StrategyRow(SQLModel, table=True):
    """One strategy; `parent_id` is kept for an organisation -> department -> team cascade."""

    __tablename__ = "strategy"
    __table_args__ = (
        CheckConstraint("level IN ('team', 'department', 'organisation')", name="level_known"),
        CheckConstraint("max_parallel IS NULL OR max_parallel >= 1", name="max_parallel_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    parent_id: int | None = Field(default=None, foreign_key="strategy.id", ondelete="SET NULL")
    position: int
    name: str
    level: str
    start: str
    owner: str
    vision: str
    mission: str
    working_days: str  # comma-separated weekday names: "mon,tue,wed,thu,fri"
    max_parallel: int | None = None


class ValueRow(SQLModel, table=True):
    """One of a strategy's values ("Own the outcome"), in order."""

    __tablename__ = "strategy_value"

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE", index=True)
    position: int
    text: str


class HolidayRow(SQLModel, table=True):
    """A non-working date of a strategy's calendar."""

    __tablename__ = "holiday"
    __table_args__ = (UniqueConstraint("strategy_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE")
    day: str


class PhaseRow(SQLModel, table=True):
    """A phase of the roadmap; `weeks` is NULL for the open-ended last one."""

    __tablename__ = "phase"
    __table_args__ = (CheckConstraint("weeks IS NULL OR weeks >= 1", name="weeks_positive"),)

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE", index=True)
    position: int
    name: str
    weeks: int | None = None


class InitiativeRow(SQLModel, table=True):
    """An initiative; `position` keeps the user's order, `phase` is a pin by phase name."""

    __tablename__ = "initiative"
    __table_args__ = (
        UniqueConstraint("strategy_id", "key"),
        CheckConstraint("duration >= 0", name="duration_not_negative"),
        CheckConstraint("impact BETWEEN 1 AND 5", name="impact_range"),
        CheckConstraint(
            "status IN ('idea', 'planned', 'in_progress', 'done', 'dropped')", name="status_known"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE")
    position: int
    key: str
    title: str
    duration: int
    pillar: str
    description: str
    owner: str
    not_before: str | None = None
    phase: str | None = None
    impact: int
    status: str


class DependencyRow(SQLModel, table=True):
    """`to_id` waits on `from_id`; deleting either initiative deletes the dependency."""

    __tablename__ = "dependency"
    __table_args__ = (
        UniqueConstraint("from_id", "to_id"),
        CheckConstraint("type IN ('FS', 'SS', 'FF', 'SF')", name="type_known"),
        CheckConstraint("from_id <> to_id", name="not_on_itself"),
        Index("ix_dependency_to_id", "to_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE", index=True)
    position: int
    from_id: int = Field(foreign_key="initiative.id", ondelete="CASCADE")
    to_id: int = Field(foreign_key="initiative.id", ondelete="CASCADE")
    type: str
    lag: int


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


STRATEGY = _table("strategy")
VALUE = _table("strategy_value")
HOLIDAY = _table("holiday")
PHASE = _table("phase")
INITIATIVE = _table("initiative")
DEPENDENCY = _table("dependency")

TABLES = (STRATEGY, VALUE, HOLIDAY, PHASE, INITIATIVE, DEPENDENCY)

"""SQLModel tables of the .cxroadmap file; rows never leave the storage package."""

from sqlalchemy import CheckConstraint, Index, Table, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from cxroadmap.domain import registry
from cxroadmap.storage import baseline_rows, brand_rows  # noqa: F401  # their tables join the metadata
from cxroadmap.storage.field_rows import checks
from cxroadmap.storage.workspace.local_rows import WORKSPACE_TABLES

# Dates are ISO 8601 text (YYYY-MM-DD), as SQLite has no date type. The CHECK constraints
# come from the field registry (field_rows.checks); a test holds each column to its field.


class StrategyRow(SQLModel, table=True):
    """One strategy; `key` and `parent_key` place it in the organisation -> team cascade.

    The parent is named by key, like the support links, so a department stored without
    its organisation (exported alone, then imported) keeps it. `parent_id` was schema 1's
    link: schema 2 moved it into `parent_key` and leaves it NULL.
    """

    __tablename__ = "strategy"
    __table_args__ = (
        *checks(registry.STRATEGY),
        Index("ix_strategy_key", "key", unique=True, sqlite_where=text("key <> ''")),
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
    # Added by schema 2 (ALTER TABLE appends, so they stay last).
    key: str = Field(default="", sa_column_kwargs={"server_default": ""})
    parent_key: str | None = None
    # Added by schema 3.
    currency: str = Field(default="", sa_column_kwargs={"server_default": ""})
    # Added by schema 9 (progress).
    status_date: str | None = None
    # Added by schema 10 (RAG).
    red_after_days: int = Field(default=10, sa_column_kwargs={"server_default": "10"})
    # Added by schema 11 (scenarios).
    scenario_of: str | None = None


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
    __table_args__ = checks(registry.PHASE)

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE", index=True)
    position: int
    name: str
    weeks: int | None = None
    budget: float | None = None  # added by schema 3


class YearBudgetRow(SQLModel, table=True):
    """What a strategy may spend in one calendar year."""

    __tablename__ = "year_budget"
    __table_args__ = (UniqueConstraint("strategy_id", "year"),)

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE")
    year: int
    amount: float


class InitiativeRow(SQLModel, table=True):
    """An initiative; `position` keeps the user's order, `phase` is a pin by phase name."""

    __tablename__ = "initiative"
    __table_args__ = (
        UniqueConstraint("strategy_id", "key"),
        *checks(registry.INITIATIVE),
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
    cost: float | None = None  # added by schema 3
    # Added by schema 9 (progress).
    actual_start: str | None = None
    actual_finish: str | None = None
    percent_complete: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # Added by schema 10 (RAG).
    rag_override: str = Field(default="", sa_column_kwargs={"server_default": ""})
    rag_reason: str = Field(default="", sa_column_kwargs={"server_default": ""})


class DependencyRow(SQLModel, table=True):
    """`to_id` waits on `from_id`; deleting either initiative deletes the dependency."""

    __tablename__ = "dependency"
    __table_args__ = (
        UniqueConstraint("from_id", "to_id"),
        *checks(registry.DEPENDENCY),
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


class TouchpointRow(SQLModel, table=True):
    """A moment of truth of a strategy, in the user's order."""

    __tablename__ = "touchpoint"
    __table_args__ = (
        UniqueConstraint("strategy_id", "key"),
        *checks(registry.TOUCHPOINT),
    )

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE")
    position: int
    key: str
    name: str
    stage: str
    channel: str
    now: str
    should: str
    gap: int


class TouchpointNoteRow(SQLModel, table=True):
    """One line of a touchpoint's standards, measures, no-value activities or root causes."""

    __tablename__ = "touchpoint_note"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('standards', 'measures', 'no_value', 'root_causes')", name="kind_known"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    touchpoint_id: int = Field(foreign_key="touchpoint.id", ondelete="CASCADE", index=True)
    kind: str
    position: int
    text: str


class OpportunityRow(SQLModel, table=True):
    """An improvement opportunity; `initiative_id` once it has become an initiative."""

    __tablename__ = "opportunity"

    id: int | None = Field(default=None, primary_key=True)
    touchpoint_id: int = Field(foreign_key="touchpoint.id", ondelete="CASCADE", index=True)
    position: int
    text: str
    initiative_id: int | None = Field(
        default=None, foreign_key="initiative.id", ondelete="SET NULL", index=True
    )


class InitiativeTouchpointRow(SQLModel, table=True):
    """An initiative addresses a touchpoint; `position` keeps the initiative's own order."""

    __tablename__ = "initiative_touchpoint"
    __table_args__ = (UniqueConstraint("initiative_id", "touchpoint_id"),)

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", ondelete="CASCADE")
    touchpoint_id: int = Field(foreign_key="touchpoint.id", ondelete="CASCADE", index=True)
    position: int


class MeasureRow(SQLModel, table=True):
    """A KPI of a strategy; baseline and target are NULL while unknown."""

    __tablename__ = "measure"
    __table_args__ = (UniqueConstraint("strategy_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE")
    position: int
    key: str
    name: str
    unit: str
    baseline: float | None = None
    target: float | None = None
    target_date: str | None = None


class MeasureInitiativeRow(SQLModel, table=True):
    """An initiative expected to move a measure, in the measure's order."""

    __tablename__ = "measure_initiative"
    __table_args__ = (UniqueConstraint("measure_id", "initiative_id"),)

    id: int | None = Field(default=None, primary_key=True)
    measure_id: int = Field(foreign_key="measure.id", ondelete="CASCADE")
    initiative_id: int = Field(foreign_key="initiative.id", ondelete="CASCADE", index=True)
    position: int


class MeasureReadingRow(SQLModel, table=True):
    """A measure's value on a date; one reading per measure and date."""

    __tablename__ = "measure_reading"
    __table_args__ = (UniqueConstraint("measure_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    measure_id: int = Field(foreign_key="measure.id", ondelete="CASCADE")
    date: str
    value: float


class SupportLinkRow(SQLModel, table=True):
    """An initiative supports `initiative_key` of the ancestor strategy `strategy_key`.

    By key, not by row id: the target may live in another file (a department exported
    alone), and `check` reports a link whose target is gone.
    """

    __tablename__ = "support_link"
    __table_args__ = (UniqueConstraint("initiative_id", "strategy_key", "initiative_key"),)

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", ondelete="CASCADE")
    position: int
    strategy_key: str
    initiative_key: str


class SealRow(SQLModel, table=True):
    """The document's checksum (storage/seal.py): one row, kept current by triggers."""

    __tablename__ = "document_seal"
    __table_args__ = (CheckConstraint("id = 1", name="one_seal"),)

    id: int | None = Field(default=None, primary_key=True)
    digest: int


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


STRATEGY = _table("strategy")
VALUE = _table("strategy_value")
HOLIDAY = _table("holiday")
PHASE = _table("phase")
YEAR_BUDGET = _table("year_budget")
INITIATIVE = _table("initiative")
DEPENDENCY = _table("dependency")
TOUCHPOINT = _table("touchpoint")
TOUCHPOINT_NOTE = _table("touchpoint_note")
OPPORTUNITY = _table("opportunity")
INITIATIVE_TOUCHPOINT = _table("initiative_touchpoint")
MEASURE = _table("measure")
MEASURE_INITIATIVE = _table("measure_initiative")
MEASURE_READING = _table("measure_reading")
SUPPORT_LINK = _table("support_link")
BRAND = _table("brand")
SAVED_VIEW = _table("saved_view")
BASELINE = _table("baseline")
BASELINE_ENTRY = _table("baseline_entry")
SEAL = _table("document_seal")

TABLES = (
    STRATEGY,
    VALUE,
    HOLIDAY,
    PHASE,
    INITIATIVE,
    DEPENDENCY,
    TOUCHPOINT,
    TOUCHPOINT_NOTE,
    OPPORTUNITY,
    INITIATIVE_TOUCHPOINT,
    MEASURE,
    MEASURE_INITIATIVE,
    MEASURE_READING,
    SUPPORT_LINK,
    YEAR_BUDGET,
    BRAND,
    SAVED_VIEW,
    BASELINE,
    BASELINE_ENTRY,
    *WORKSPACE_TABLES,
    SEAL,
)

"""Strategy, Initiative, Dependency and Phase: the plain data a roadmap is made of."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from cxroadmap.domain.baselines import Baseline, find_baseline
from cxroadmap.domain.brand import BrandKit
from cxroadmap.domain.calendar import DEFAULT_WORKING_DAYS, WorkCalendar
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.support import SupportLink
from cxroadmap.domain.touchpoints import Touchpoint
from cxroadmap.domain.view_filter import ViewFilter

LEVELS = ("team", "department", "organisation")
STATUSES = ("idea", "planned", "in_progress", "done", "dropped")
DEPENDENCY_TYPES = ("FS", "SS", "FF", "SF")
DEFAULT_IMPACT = 3
DEFAULT_STATUS = "planned"


@dataclass
class Phase:
    """A named stretch of calendar weeks; `weeks` is None for the open-ended last phase."""

    name: str
    weeks: int | None = None
    budget: float | None = None  # what the phase may cost, in the strategy's currency


def default_phases() -> list[Phase]:
    return [Phase("Short term", 13), Phase("Medium term", 39), Phase("Long term", None)]


@dataclass(slots=True)
class Initiative:
    """One piece of work in the strategy; a duration of 0 makes it a milestone."""

    key: str
    title: str
    duration: int = 0
    pillar: str = ""
    description: str = ""
    owner: str = ""
    not_before: dt.date | None = None
    phase: str | None = None
    impact: int = DEFAULT_IMPACT
    status: str = DEFAULT_STATUS
    # Keys of the strategy's touchpoints this initiative addresses.
    touchpoints: list[str] = field(default_factory=list)
    # Initiatives of ancestor strategies this one supports (alignment, not scheduling).
    supports: list[SupportLink] = field(default_factory=list)
    cost: float | None = None  # in the strategy's currency; None while not costed
    # Progress (tracking.md): facts reported so far; they fix the schedule where set.
    actual_start: dt.date | None = None
    actual_finish: dt.date | None = None
    percent_complete: int = 0
    # RAG status set by hand (tracking.md "RAG status"): "" follows the rules; else red,
    # amber or green, shown as set by hand with its reason.
    rag_override: str = ""
    rag_reason: str = ""

    @property
    def is_milestone(self) -> bool:
        return self.duration == 0


def own_copy(ini: Initiative) -> Initiative:
    """A copy of `ini` that shares nothing an edit changes in place: its fields hold
    immutable values except the touchpoint and support lists, which are copied."""
    return replace(ini, touchpoints=list(ini.touchpoints), supports=list(ini.supports))


@dataclass(slots=True)
class Dependency:
    """`to_key` waits on `from_key`; type FS/SS/FF/SF and lag in working days (negative: lead)."""

    from_key: str
    to_key: str
    type: str = "FS"
    lag: int = 0

    @property
    def pair(self) -> tuple[str, str]:
        return (self.from_key, self.to_key)


@dataclass
class Strategy:
    """A customer-experience strategy at team, department or organisation level."""

    name: str
    start: dt.date
    level: str = "team"
    owner: str = ""
    vision: str = ""
    mission: str = ""
    values: list[str] = field(default_factory=list)
    working_days: tuple[str, ...] = DEFAULT_WORKING_DAYS
    holidays: list[dt.date] = field(default_factory=list)
    max_parallel: int | None = None
    phases: list[Phase] = field(default_factory=default_phases)
    initiatives: dict[str, Initiative] = field(default_factory=dict)
    dependencies: list[Dependency] = field(default_factory=list)
    # Customer-experience depth (touchpoints.py, measures.py) and the cascade (cascade.py):
    # `key` is a short id unique within a document, `parent` the key of the strategy above.
    touchpoints: list[Touchpoint] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    key: str = ""
    parent: str | None = None
    # Budget: the currency of every amount (ISO code, "" for none) and budgets by year.
    currency: str = ""
    year_budgets: dict[int, float] = field(default_factory=dict)
    # How the deliverables look (brand.py) and the saved views (view_filter.py).
    brand: BrandKit = field(default_factory=BrandKit)
    views: list[ViewFilter] = field(default_factory=list)
    # The date progress was reported up to (tracking.md); None: progress fixes only facts.
    status_date: dt.date | None = None
    # Snapshots of the schedule in the order taken (baselines.py) and the name of the one
    # the table, timeline and exports compare against (None: none).
    baselines: list[Baseline] = field(default_factory=list)
    chosen_baseline: str | None = None
    # RAG: red once an initiative finishes more than this many working days late.
    red_after_days: int = 10
    # A scenario (scenarios.py): the key of the strategy it is a what-if copy of.
    scenario_of: str | None = None

    def calendar(self) -> WorkCalendar:
        return WorkCalendar(self.start, self.working_days, self.holidays)

    @property
    def days_per_week(self) -> int:
        return len(self.working_days)

    def touchpoint(self, key: str) -> Touchpoint | None:
        return next((t for t in self.touchpoints if t.key == key), None)

    def measure(self, key: str) -> Measure | None:
        return next((m for m in self.measures if m.key == key), None)

    def baseline(self, name: str | None = None) -> Baseline | None:
        """The baseline called `name`, or the chosen one when `name` is None."""
        wanted = self.chosen_baseline if name is None else name
        return None if wanted is None else find_baseline(self.baselines, wanted)

    def phase_names(self) -> list[str]:
        return [p.name for p in self.phases]

    def dependency(self, from_key: str, to_key: str) -> Dependency | None:
        for dep in self.dependencies:
            if dep.from_key == from_key and dep.to_key == to_key:
                return dep
        return None

    def phase_bounds(self) -> list[tuple[str, dt.date, dt.date | None]]:
        """(name, first date, end date exclusive or None) of each phase, per scheduling.md."""
        bounds: list[tuple[str, dt.date, dt.date | None]] = []
        offset = 0
        for i, phase in enumerate(self.phases):
            begin = self.start + dt.timedelta(days=7 * offset)
            last = i == len(self.phases) - 1
            if last or phase.weeks is None:
                bounds.append((phase.name, begin, None))
                if not last:
                    # An open-ended phase swallows everything after it.
                    break
            else:
                offset += phase.weeks
                bounds.append((phase.name, begin, self.start + dt.timedelta(days=7 * offset)))
        return bounds

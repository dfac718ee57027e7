"""Budget totals of a scheduled strategy: by phase, pillar, owner and calendar year.

An initiative's cost counts in the phase it starts in (as the phase tables list it) and
is spread over calendar years by its working days (a milestone's falls on its date).
Dropped initiatives are left out. A phase or year whose total exceeds its budget is over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.result import Schedule

NO_OWNER = "(no owner)"
NO_PILLAR = ""


@dataclass
class BudgetLine:
    """Planned cost of one phase, pillar, owner or year, and its budget if one is set."""

    name: str
    planned: float = 0.0
    budget: float | None = None
    count: int = 0  # initiatives with a cost in this line

    @property
    def over(self) -> bool:
        return self.budget is not None and self.planned > self.budget + 0.005

    @property
    def left(self) -> float | None:
        """Budget minus planned (negative when over), or None without a budget."""
        return None if self.budget is None else self.budget - self.planned


@dataclass
class BudgetSummary:
    """Every total the app, the PDF and the workbook show."""

    currency: str
    total: float = 0.0
    costed: int = 0  # initiatives with a cost (dropped ones excluded)
    uncosted: int = 0  # initiatives (not milestones, not dropped) with no cost yet
    by_phase: list[BudgetLine] = field(default_factory=list)
    by_pillar: list[BudgetLine] = field(default_factory=list)
    by_owner: list[BudgetLine] = field(default_factory=list)
    by_year: list[BudgetLine] = field(default_factory=list)

    @property
    def has_budget(self) -> bool:
        """Anything to show: a cost or a budget."""
        lines = (*self.by_phase, *self.by_year)
        return self.costed > 0 or any(line.budget is not None for line in lines)

    @property
    def budget_total(self) -> float | None:
        """The phase budgets added up when every phase has one, else the year budgets'."""
        for lines in (self.by_phase, self.by_year):
            if lines and all(line.budget is not None for line in lines):
                return sum(line.budget or 0.0 for line in lines)
        return None

    @property
    def over(self) -> list[BudgetLine]:
        """Phases, then years, that are over their budget."""
        return [line for line in (*self.by_phase, *self.by_year) if line.over]


def _year_shares(
    start_day: int, finish_day: int, year_starts: dict[int, int]
) -> Iterable[tuple[int, float]]:
    """(year, share of the working days [start_day, finish_day) that fall in it)."""
    length = finish_day - start_day
    years = sorted(year_starts)
    for i, year in enumerate(years):
        begin = year_starts[year]
        end = year_starts[years[i + 1]] if i + 1 < len(years) else finish_day
        overlap = min(end, finish_day) - max(begin, start_day)
        if overlap > 0:
            yield year, overlap / length


def budget_summary(strategy: Strategy, schedule: Schedule | None) -> BudgetSummary:
    """Totals by phase (scheduled), pillar, owner and calendar year (with a schedule)."""
    summary = BudgetSummary(strategy.currency)
    phases = {p.name: BudgetLine(p.name, budget=p.budget) for p in strategy.phases}
    pillars: dict[str, BudgetLine] = {}
    owners: dict[str, BudgetLine] = {}
    years = {y: BudgetLine(str(y), budget=b) for y, b in strategy.year_budgets.items()}
    items = schedule.items if schedule is not None else {}
    year_starts: dict[int, int] = {}
    if items:
        assert schedule is not None
        calendar = strategy.calendar()
        last = max((i.finish for i in items.values()), default=schedule.start)
        first_year = schedule.start.year
        for year in range(first_year, last.year + 1):
            day = dt.date(year, 1, 1)
            year_starts[year] = 0 if year == first_year else calendar.index_on_or_after(day)
    for key, ini in strategy.initiatives.items():
        if ini.status == "dropped":
            continue
        if ini.cost is None:
            summary.uncosted += not ini.is_milestone
            continue
        summary.total += ini.cost
        summary.costed += 1
        item = items.get(key)
        phase = item.phase if item is not None else (ini.phase or strategy.phases[0].name)
        lines = [
            phases.setdefault(phase, BudgetLine(phase)),
            pillars.setdefault(ini.pillar, BudgetLine(ini.pillar)),
            owners.setdefault(ini.owner.strip() or NO_OWNER, BudgetLine(ini.owner or NO_OWNER)),
        ]
        for line in lines:
            line.planned += ini.cost
            line.count += 1
        if item is None:
            continue
        shares = (
            [(item.start.year, 1.0)]
            if item.is_milestone
            else _year_shares(item.start_day, item.finish_day, year_starts)
        )
        for year, share in shares:
            line = years.setdefault(year, BudgetLine(str(year)))
            line.planned += ini.cost * share
            line.count += 1
    summary.by_phase = list(phases.values())
    summary.by_pillar = sorted(pillars.values(), key=lambda line: -line.planned)
    summary.by_owner = sorted(owners.values(), key=lambda line: -line.planned)
    for line in years.values():
        # A cost spread over years by working days: whole currency units are precise enough.
        line.planned = float(round(line.planned))
    summary.by_year = [years[y] for y in sorted(years)]
    return summary

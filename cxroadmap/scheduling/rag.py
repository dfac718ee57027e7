"""RAG status (red, amber, green) per initiative, by the rules of tracking.md ("RAG status").

`rag_of` is the rule itself on plain facts; `rag_statuses` gathers those facts from a
strategy, its schedule and the comparison with its chosen baseline, and applies the
overrides people set by hand (shown as such, with their reason).
"""

from __future__ import annotations

from dataclasses import dataclass

from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.compare import compare_to_baseline
from cxroadmap.scheduling.result import Schedule, ScheduledInitiative

RED, AMBER, GREEN = "red", "amber", "green"
COLOURS = (RED, AMBER, GREEN)
LABELS = {RED: "Red", AMBER: "Amber", GREEN: "Green"}
AUTO = ""  # an initiative's rag_override when nobody has overridden it
DEFAULT_RED_AFTER_DAYS = 10


@dataclass(frozen=True)
class Rag:
    """An initiative's status, why (one line), and whether a person set it by hand."""

    colour: str
    reason: str
    overridden: bool = False

    @property
    def label(self) -> str:
        """ "Red", or "Red (set by hand)" for an override: what tables and tooltips show."""
        word = LABELS[self.colour]
        return f"{word} (set by hand)" if self.overridden else word


def _days(n: int) -> str:
    return f"{n} working day{'s' if n != 1 else ''}"


def rag_of(
    finish_variance_days: int | None,
    red_after_days: int,
    milestone_overdue: str | None = None,
    behind_days: int = 0,
) -> Rag:
    """The computed status.

    `finish_variance_days`: against the chosen baseline (None: no baseline, or the
    initiative is not in it). `milestone_overdue`: the ISO date of a milestone not
    complete whose date is before the status day (None otherwise). `behind_days`: how far
    a started initiative's projected finish is past its planned one.
    """
    variance = finish_variance_days
    if variance is not None and variance > red_after_days:
        return Rag(
            RED,
            f"finishes {_days(variance)} later than the baseline "
            f"(red after {_days(red_after_days)})",
        )
    if milestone_overdue is not None:
        return Rag(RED, f"milestone due {milestone_overdue} not reached by the status date")
    if variance is not None and variance > 0:
        return Rag(AMBER, f"finishes {_days(variance)} later than the baseline")
    if behind_days > 0:
        return Rag(AMBER, f"started and {_days(behind_days)} behind")
    if variance is None:
        return Rag(GREEN, "on plan (no baseline to compare with)")
    return Rag(GREEN, "on plan")


def overridden(computed: Rag, override: str, reason: str) -> Rag:
    """The status a person set (`override` not "auto"), saying why and what it would be."""
    if override == AUTO or override not in COLOURS:
        return computed
    why = reason.strip() or "no reason given"
    return Rag(override, f"{why} (computed: {LABELS[computed.colour]}, {computed.reason})", True)


def tracked(strategy: Strategy) -> bool:
    """Whether RAG is worth showing: a chosen baseline, a status date or an override.

    A plan nobody tracks yet is all green; a dot on every bar would say nothing.
    """
    return (
        strategy.baseline() is not None
        or strategy.status_date is not None
        or any(ini.rag_override for ini in strategy.initiatives.values())
    )


def rag_statuses(strategy: Strategy, schedule: Schedule) -> dict[str, Rag]:
    """Each scheduled initiative's status, overrides applied, in the schedule's order."""
    book = RagBook(strategy, schedule)
    return {key: book.status(key, item) for key, item in schedule.items.items()}


class RagBook:
    """Each initiative's status, worked out when first asked for (a table shows a screenful).

    A milestone's date is the one the chosen baseline recorded for it (when it has one),
    else its scheduled date: a milestone not yet reached is never scheduled before the
    status day, so only the date it was promised shows that it is overdue.
    """

    def __init__(self, strategy: Strategy, schedule: Schedule) -> None:
        self.strategy, self.schedule = strategy, schedule
        calendar = strategy.calendar()
        baseline = strategy.baseline()
        self.deltas = (
            {} if baseline is None else compare_to_baseline(schedule, baseline, calendar).deltas
        )
        self.status_day = None
        if strategy.status_date is not None:
            self.status_day = calendar.date_of(calendar.index_on_or_after(strategy.status_date))
        self.found: dict[str, Rag] = {}

    def get(self, key: str) -> Rag | None:
        """The status of initiative `key` (None when the schedule does not hold it)."""
        rag = self.found.get(key)
        if rag is None:
            item = self.schedule.items.get(key)
            if item is None:
                return None
            rag = self.found[key] = self.status(key, item)
        return rag

    def status(self, key: str, item: ScheduledInitiative) -> Rag:
        strategy = self.strategy
        ini = strategy.initiatives.get(key)
        delta = self.deltas.get(key)
        overdue = None
        status_day = self.status_day
        if item.is_milestone and status_day is not None and (ini is None or not ini.actual_finish):
            due = item.start if delta is None else delta.before.start
            if due < status_day:
                overdue = due.isoformat()
        variance = None if delta is None else delta.finish_variance_days
        rag = rag_of(variance, strategy.red_after_days, overdue, item.behind_days)
        return rag if ini is None else overridden(rag, ini.rag_override, ini.rag_reason)

"""What changed since the chosen baseline (the PDF page and slide): slips and why, and a summary.

Slipped initiatives with the link or constraint that binds them now, added, removed and
moved phase, the project finish and a one-line summary for a steering meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cxroadmap.domain.model import Dependency, Strategy
from cxroadmap.scheduling.compare import Comparison, Delta, compare_to_baseline
from cxroadmap.scheduling.result import Schedule

_LINK_TYPES = frozenset({"FS", "SS", "FF", "SF"})


@dataclass(frozen=True)
class Slip:
    """One initiative that finishes later than the baseline, and what moved it."""

    key: str
    title: str
    was: dt.date  # its finish in the baseline
    now: dt.date  # its finish now
    days: int  # finish variance in working days
    reason: str  # one short sentence


def binding_predecessor(
    strategy: Strategy, schedule: Schedule, key: str, incoming: list[Dependency] | None = None
) -> str | None:
    """The predecessor whose link holds `key` at its start (first in document order), if any.

    A link p -> s binds when the start it allows equals s's scheduled start (scheduling.md's
    constraints, on working-day indices). `incoming`: the links into `key`, when known.
    """
    items = schedule.items
    s = items.get(key)
    if s is None:
        return None
    links = (
        incoming if incoming is not None else [d for d in strategy.dependencies if d.to_key == key]
    )
    for dep in links:
        p = items.get(dep.from_key)
        if p is None:
            continue
        allowed = {
            "FS": p.finish_day + dep.lag,
            "SS": p.start_day + dep.lag,
            "FF": p.finish_day + dep.lag - s.duration,
            "SF": p.start_day + dep.lag - s.duration,
        }.get(dep.type.upper())
        if allowed == s.start_day and s.start_day > 0:
            return dep.from_key
    return None


def explain(strategy: Strategy, schedule: Schedule, comparison: Comparison) -> list[Slip]:
    """Every initiative that slipped, most first, with its binding reason."""
    slipped = comparison.slipped()
    wanted = {d.key for d in slipped}
    incoming: dict[str, list[Dependency]] = {}
    for dep in strategy.dependencies:
        if dep.to_key in wanted:
            incoming.setdefault(dep.to_key, []).append(dep)
    return [
        Slip(
            d.key,
            schedule.items[d.key].title,
            d.before.finish,
            d.now.finish,
            d.finish_variance_days,
            _reason(strategy, schedule, comparison, d, incoming.get(d.key, [])),
        )
        for d in slipped
    ]


def _reason(
    strategy: Strategy,
    schedule: Schedule,
    comparison: Comparison,
    d: Delta,
    incoming: list[Dependency],
) -> str:
    item = schedule.items[d.key]
    parts: list[str] = []
    if d.start_variance_days > 0:
        # The scheduler's own reason says whether a link holds the start ("FS from A +2d")
        # or a constraint does (a date, a pin, capacity, progress); a link's key is found
        # from the dates, as the reason's text may hold a lag after it.
        held_by_link = item.reason.split(" ", 1)[0] in _LINK_TYPES
        pred = binding_predecessor(strategy, schedule, d.key, incoming) if held_by_link else None
        if pred is not None:
            moved = comparison.deltas.get(pred)
            by = ""
            if moved is not None and moved.finish_variance_days > 0:
                by = f", which finishes {moved.finish_variance_days} working days later"
            elif pred in comparison.added:
                by = ", which is new"
            parts.append(f"waits for {pred}{by}")
        elif item.reason and item.reason != "project start":
            parts.append(f"starts later: {item.reason}")
        else:
            parts.append(f"starts {d.start_variance_days} working days later")
    longer = d.finish_variance_days - d.start_variance_days
    if longer > 0:
        parts.append(f"takes {longer} working day{'s' if longer != 1 else ''} longer")
    return "; ".join(parts)


def days(n: int) -> str:
    """`+3 working days`, `-1 working day`, `on time` (0)."""
    if n == 0:
        return "on time"
    return f"{n:+d} working day{'s' if abs(n) != 1 else ''}"


def summary(comparison: Comparison, name: str) -> str:
    """One line for a steering meeting: the finish, then how many slipped, added, removed."""
    c = comparison
    if c.finish_now is None:
        head = "nothing is planned now"
    elif c.finish_variance_days == 0:
        head = f"finish {c.finish_now.isoformat()}, on time"
    else:
        word = "later" if c.finish_variance_days > 0 else "earlier"
        count = abs(c.finish_variance_days)
        head = (
            f"finish {c.finish_now.isoformat()}, {count} working day{'s' if count != 1 else ''} "
            f"{word}"
        )
    slipped = c.slipped()
    parts = [
        f"{len(slipped)} slipped"
        + (f" (most: {slipped[0].key}, {days(slipped[0].finish_variance_days)})" if slipped else "")
    ]
    parts += [f"{len(c.added)} added", f"{len(c.removed)} removed"]
    parts.append(f"{len(c.moved_phase())} moved phase")
    return f"Since {name!r}: {head}; " + ", ".join(parts) + "."


@dataclass
class Changes:
    """Everything the "What changed since …" page and slide show, in plain values."""

    name: str
    comparison: Comparison
    summary: str
    finish_line: str
    slips: list[Slip] = field(default_factory=list)
    added: list[tuple[str, str, str, str]] = field(default_factory=list)  # key, title, dates
    removed: list[tuple[str, str, str]] = field(default_factory=list)  # key, was from, until
    moved: list[tuple[str, str, str, str]] = field(default_factory=list)  # key, title, phases

    def all_keys(self) -> list[str]:
        return (
            [s.key for s in self.slips]
            + [a[0] for a in self.added]
            + [r[0] for r in self.removed]
            + [m[0] for m in self.moved]
        )

    @property
    def nothing_changed(self) -> bool:
        return not (self.slips or self.added or self.removed or self.moved)


def what_changed(strategy: Strategy, schedule: Schedule) -> Changes | None:
    """The schedule against the strategy's chosen baseline; None when none is chosen."""
    baseline = strategy.baseline()
    if baseline is None:
        return None
    c = compare_to_baseline(schedule, baseline, strategy.calendar())
    name = f"{baseline.name} ({baseline.taken_on.isoformat()})"
    was = c.finish_before.isoformat() if c.finish_before else "none"
    now = c.finish_now.isoformat() if c.finish_now else "none"
    finish_line = (
        f"Project finish: {was} in the baseline, {now} now ({days(c.finish_variance_days)})."
    )
    items = schedule.items
    old = baseline.by_key()
    return Changes(
        name,
        c,
        summary(c, baseline.name),
        finish_line,
        explain(strategy, schedule, c),
        [
            (k, items[k].title, items[k].start.isoformat(), items[k].finish.isoformat())
            for k in c.added
        ],
        [(k, old[k].start.isoformat(), old[k].finish.isoformat()) for k in c.removed],
        [(d.key, items[d.key].title, d.before.phase, d.now.phase) for d in c.moved_phase()],
    )

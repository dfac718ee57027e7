"""Where everything sits on the timeline: swimlanes, rows, the date window and phase spans."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.domain.pillars import pillar_colour, pillar_label, pillar_order
from cxroadmap.domain.view_filter import EVERYTHING_SHOWN, Shows
from cxroadmap.scheduling.result import Schedule, ScheduledInitiative
from cxroadmap.ui.views.date_axis import PhaseSpan

GROUPINGS = ("pillar", "owner", "none", "strategy")
# Today is drawn (and the window widened to it) when it is this close before the start.
TODAY_REACH = dt.timedelta(days=120)
MARGIN = dt.timedelta(days=7)


def flag_strip(
    label_pt: float,
    strategy: Strategy,
    shows: Shows = EVERYTHING_SHOWN,
    window: tuple[dt.date, dt.date] | None = None,
) -> float:
    """Height (pixels) kept above the first lane for the measures' target-date flags, so
    flags never sit on a lane header: none when the measures are hidden or no target date
    falls in `window` (the dates shown; None: any date)."""
    dates = [m.target_date for m in strategy.measures if m.target_date is not None]
    if window is not None:
        dates = [d for d in dates if window[0] <= d <= window[1]]
    if not shows.measures or not dates:
        return 0.0
    return round(label_pt * 2.0)


@dataclass
class Lane:
    """One swimlane: a header row with `label`, then one row per key."""

    label: str
    colour: str
    keys: list[str] = field(default_factory=list)


def lanes_of(
    strategy: Strategy, schedule: Schedule, grouping: str, keys: Iterable[str] | None = None
) -> list[Lane]:
    """Swimlanes in display order; within a lane, by start then document order."""
    wanted = list(schedule.items) if keys is None else [k for k in keys if k in schedule.items]
    by_start = lane_order(strategy, schedule)
    if grouping == "none":
        return [Lane("", "", sorted(wanted, key=by_start))] if wanted else []
    lanes: dict[str, Lane] = {}
    for key in wanted:
        name, tint = lane_name(strategy.initiatives.get(key), grouping)
        lanes.setdefault(name, Lane(name, tint)).keys.append(key)
    if grouping == "strategy":
        ordered = list(lanes.values())
    elif grouping == "pillar":
        ordered = sorted(lanes.values(), key=lambda lane: (pillar_order(lane.label), lane.label))
    else:
        ordered = sorted(lanes.values(), key=lambda lane: (lane.label == "No owner", lane.label))
    for lane in ordered:
        lane.keys.sort(key=by_start)
    return ordered


def lane_order(strategy: Strategy, schedule: Schedule) -> Callable[[str], tuple[int, int, int]]:
    """The key rows are sorted by within a lane: start, then finish, then document order."""
    order = dict(zip(strategy.initiatives, range(len(strategy.initiatives)), strict=True))
    items = schedule.items

    def by_start(key: str) -> tuple[int, int, int]:
        item = items[key]
        return (item.start_day, item.finish_day, order.get(key, 0))

    return by_start


def lane_name(ini: Initiative | None, grouping: str) -> tuple[str, str]:
    """The label and colour of the swimlane `ini` goes in (by pillar, owner or strategy)."""
    if grouping == "none":
        return "", ""
    if grouping == "strategy":
        # A cascade roll-up: the owner field names the strategy; lanes keep their order.
        return (ini.owner if ini else ""), ""
    if grouping == "pillar":
        text = ini.pillar if ini else ""
        return pillar_label(text), pillar_colour(text)
    return ((ini.owner if ini else "").strip() or "No owner"), ""


def phase_spans(strategy: Strategy, last: dt.date) -> list[PhaseSpan]:
    """The strategy's phases as date spans; the open-ended one runs to `last`."""
    spans = []
    for i, (name, first, end) in enumerate(strategy.phase_bounds()):
        spans.append(PhaseSpan(name, first, end if end is not None else max(last, first), i))
    return spans


_START, _FINISH = operator.attrgetter("start"), operator.attrgetter("finish")


def finish_of(item: ScheduledInitiative) -> dt.date:
    """The calendar day after the initiative's last working day (where its bar ends)."""
    return item.finish + dt.timedelta(days=1)


def milestone_day(item: ScheduledInitiative) -> dt.date:
    """A milestone's edge: the start of its date, or the end of it (the next day's left edge)
    when it shows the end of a working day (scheduling.md "Milestone dates")."""
    return item.moment


def date_window(
    strategy: Strategy,
    schedule: Schedule,
    keys: Iterable[str] | None = None,
    today: dt.date | None = None,
    bounds: tuple[dt.date, dt.date] | None = None,
) -> tuple[dt.date, dt.date]:
    """First and last calendar day shown: the work (or `bounds`), a week of margin, and
    today when it falls in or shortly before the roadmap."""
    if bounds is not None:
        return bounds
    items = schedule.items.values() if keys is None else [schedule.items[k] for k in keys]
    # min and max of attributes at C speed (an edit at 20,000 initiatives asks for this):
    # the latest finish_of is the day after the latest finish.
    first = min(strategy.start, min(map(_START, items), default=strategy.start))
    latest = max(map(_FINISH, items), default=None)
    ends = [schedule.finish, first] + ([] if latest is None else [latest + dt.timedelta(days=1)])
    last = max(ends)
    if keys is None:
        # Measures' target dates are flagged on the timeline: keep them in view.
        last = max([last, *(m.target_date for m in strategy.measures if m.target_date)])
    if today is not None and first - TODAY_REACH <= today <= last:
        first = min(first, today)
    # Start on a Monday so week ticks line up with the left edge.
    first -= MARGIN + dt.timedelta(days=first.weekday())
    return first, last + MARGIN

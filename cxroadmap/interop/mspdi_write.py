"""Export of a scheduled strategy as MS Project XML (MSPDI), one summary task per pillar."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any
from xml.etree import ElementTree as ET

from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.interop.atomicfile import write_bytes_atomically
from cxroadmap.interop.mspdi_model import (
    KEY_ALIAS,
    KEY_FIELD_ID,
    KEY_FIELD_NAME,
    LAG_FORMAT_DAYS,
    LINK_CODES,
    NAMESPACE,
    WEEKDAY_DAY_TYPE,
    priority_of_impact,
)

MINUTES_PER_DAY = 480
_DAY_START = "08:00:00"
_DAY_FINISH = "17:00:00"
_WORKING_TIMES = (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00"))
# Characters XML 1.0 cannot hold at all; a stray one must not make the whole file unreadable.
# The schema caps these at 512 characters; Project refuses a longer one (Notes has no cap).
_SHORT_TEXT = frozenset({"Title", "Manager", "Name", "Contact"})
_SHORT_TEXT_LENGTH = 512
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


def _add(parent: ET.Element, tag: str, text: object = None) -> ET.Element:
    elem = ET.SubElement(parent, _q(tag))
    if text is not None:
        elem.text = _NOT_XML.sub("", str(text))
        if tag in _SHORT_TEXT:
            elem.text = elem.text[:_SHORT_TEXT_LENGTH]
    return elem


def _stamp(day: dt.date, time: str) -> str:
    return f"{day.isoformat()}T{time}"


def _hours(days: int) -> str:
    return f"PT{days * MINUTES_PER_DAY // 60}H0M0S"


def _calendar(parent: ET.Element, strategy: Strategy) -> None:
    cal = _add(_add(parent, "Calendars"), "Calendar")
    _add(cal, "UID", 1)
    _add(cal, "Name", "Standard")
    _add(cal, "IsBaseCalendar", 1)
    _add(cal, "BaseCalendarUID", -1)
    week = _add(cal, "WeekDays")
    for name, day_type in sorted(WEEKDAY_DAY_TYPE.items(), key=lambda kv: kv[1]):
        day = _add(week, "WeekDay")
        _add(day, "DayType", day_type)
        working = name in strategy.working_days
        _add(day, "DayWorking", int(working))
        if working:
            times = _add(day, "WorkingTimes")
            for begin, end in _WORKING_TIMES:
                slot = _add(times, "WorkingTime")
                _add(slot, "FromTime", begin)
                _add(slot, "ToTime", end)
    # Holidays twice, as Project itself writes them: as DayType 0 week days for older readers
    # and as Exceptions for Project 2007 and later.
    for holiday in strategy.holidays:
        day = _add(week, "WeekDay")
        _add(day, "DayType", 0)
        _add(day, "DayWorking", 0)
        _period(day, holiday)
    if strategy.holidays:
        exceptions = _add(cal, "Exceptions")
        for holiday in strategy.holidays:
            exc = _add(exceptions, "Exception")
            _add(exc, "EnteredByOccurrences", 0)
            _period(exc, holiday)
            _add(exc, "Occurrences", 1)
            _add(exc, "Name", "Holiday")
            _add(exc, "Type", 1)
            _add(exc, "DayWorking", 0)


def _period(parent: ET.Element, day: dt.date) -> None:
    period = _add(parent, "TimePeriod")
    _add(period, "FromDate", _stamp(day, "00:00:00"))
    _add(period, "ToDate", _stamp(day, "23:59:00"))


def _times(strategy: Strategy, start_day: int, finish_day: int) -> tuple[str, str]:
    """Start and finish stamps of a span of working days, as Project shows them."""
    cal = strategy.calendar()
    if finish_day == start_day:
        # A milestone sits at the end of the working day before it (or the start of day 0).
        if start_day == 0:
            moment = _stamp(cal.date_of(0), _DAY_START)
        else:
            moment = _stamp(cal.date_of(start_day - 1), _DAY_FINISH)
        return moment, moment
    return (
        _stamp(cal.date_of(start_day), _DAY_START),
        _stamp(cal.date_of(finish_day - 1), _DAY_FINISH),
    )


def _lower_bound(strategy: Strategy, ini: Initiative) -> dt.date | None:
    """The initiative's own earliest date (not_before or its pinned phase), if after the start."""
    dates = [] if ini.not_before is None else [ini.not_before]
    if ini.phase is not None:
        dates += [begin for name, begin, _ in strategy.phase_bounds() if name == ini.phase]
    latest = max(dates, default=None)
    return latest if latest is not None and latest > strategy.start else None


def _earliest_start(
    strategy: Strategy, schedule: Any, ini: Initiative, bound: dt.date | None
) -> int:
    """The first working day the initiative could start, its predecessors where they are."""
    earliest = 0 if bound is None else strategy.calendar().index_on_or_after(bound)
    own = ini.duration
    for dep in strategy.dependencies:
        if dep.to_key == ini.key:
            pred = schedule.items[dep.from_key]
            earliest = max(
                earliest,
                {
                    "FS": pred.finish_day + dep.lag,
                    "SS": pred.start_day + dep.lag,
                    "FF": pred.finish_day + dep.lag - own,
                    "SF": pred.start_day + dep.lag - own,
                }[dep.type],
            )
    return earliest


def mspdi_tree(strategy: Strategy, schedule: Any) -> ET.ElementTree:
    """The MSPDI document: project summary (UID 0), pillar summaries, then initiatives."""
    ET.register_namespace("", NAMESPACE)
    project = ET.Element(_q("Project"))
    _add(project, "SaveVersion", 14)
    _add(project, "Title", strategy.name)
    if strategy.owner:
        _add(project, "Manager", strategy.owner)
    _add(project, "ScheduleFromStart", 1)
    _add(project, "StartDate", _stamp(strategy.start, _DAY_START))
    whole = _times(strategy, 0, schedule.finish_day)
    _add(project, "FinishDate", whole[1] if schedule.finish_day else whole[0])
    _add(project, "CalendarUID", 1)
    _add(project, "DefaultStartTime", _DAY_START)
    _add(project, "DefaultFinishTime", _DAY_FINISH)
    _add(project, "MinutesPerDay", MINUTES_PER_DAY)
    _add(project, "MinutesPerWeek", MINUTES_PER_DAY * strategy.days_per_week)
    _add(project, "DaysPerMonth", 4 * strategy.days_per_week)
    _add(project, "DurationFormat", LAG_FORMAT_DAYS)
    _add(project, "NewTasksAreManual", 0)
    attr = _add(_add(project, "ExtendedAttributes"), "ExtendedAttribute")
    _add(attr, "FieldID", KEY_FIELD_ID)
    _add(attr, "FieldName", KEY_FIELD_NAME)
    _add(attr, "Alias", KEY_ALIAS)
    _calendar(project, strategy)
    tasks = _add(project, "Tasks")
    _summary_task(tasks, 0, strategy.name, "0", 0, strategy, 0, schedule.finish_day)

    groups: dict[str, list[Initiative]] = {}
    for ini in strategy.initiatives.values():
        groups.setdefault(ini.pillar, []).append(ini)
    uids: dict[str, int] = {}
    rows: list[tuple[int, str, int, Initiative | str]] = []
    top = 0
    for pillar, members in groups.items():
        if pillar:
            top += 1
            rows.append((len(rows) + 1, str(top), 1, pillar))
            rows += [(len(rows) + 1 + i, f"{top}.{i + 1}", 2, ini) for i, ini in enumerate(members)]
        else:
            for ini in members:
                top += 1
                rows.append((len(rows) + 1, str(top), 1, ini))
    for uid, _, _, item in rows:
        if isinstance(item, Initiative):
            uids[item.key] = uid
    for uid, outline, level, item in rows:
        if isinstance(item, str):
            members = groups[item]
            begin = min(schedule.items[i.key].start_day for i in members)
            end = max(schedule.items[i.key].finish_day for i in members)
            _summary_task(tasks, uid, item, outline, level, strategy, begin, end)
        else:
            _initiative_task(tasks, uid, outline, level, item, strategy, schedule, uids)
    return ET.ElementTree(project)


def _summary_task(
    tasks: ET.Element,
    uid: int,
    name: str,
    outline: str,
    level: int,
    strategy: Strategy,
    begin: int,
    end: int,
) -> None:
    task = _add(tasks, "Task")
    _add(task, "UID", uid)
    _add(task, "ID", uid)
    _add(task, "Name", name)
    _add(task, "Manual", 0)
    _add(task, "IsNull", 0)
    _add(task, "OutlineNumber", outline)
    _add(task, "OutlineLevel", level)
    start, finish = _times(strategy, begin, end)
    _add(task, "Start", start)
    _add(task, "Finish", finish)
    _add(task, "Duration", _hours(end - begin))
    _add(task, "DurationFormat", LAG_FORMAT_DAYS)
    _add(task, "Milestone", 0)
    _add(task, "Summary", 1)


def _initiative_task(
    tasks: ET.Element,
    uid: int,
    outline: str,
    level: int,
    ini: Initiative,
    strategy: Strategy,
    schedule: Any,
    uids: dict[str, int],
) -> None:
    item = schedule.items[ini.key]
    task = _add(tasks, "Task")
    _add(task, "UID", uid)
    _add(task, "ID", uid)
    _add(task, "Name", ini.title)
    _add(task, "Manual", 0)
    _add(task, "IsNull", 0)
    if ini.owner:
        _add(task, "Contact", ini.owner)
    _add(task, "OutlineNumber", outline)
    _add(task, "OutlineLevel", level)
    _add(task, "Priority", priority_of_impact(ini.impact))
    start, finish = _times(strategy, item.start_day, item.finish_day)
    _add(task, "Start", start)
    _add(task, "Finish", finish)
    _add(task, "Duration", _hours(ini.duration))
    _add(task, "DurationFormat", LAG_FORMAT_DAYS)
    _add(task, "Milestone", int(ini.duration == 0))
    _add(task, "Summary", 0)
    _add(task, "Critical", int(item.critical))
    bound = _lower_bound(strategy, ini)
    # 0 = As Soon As Possible; 4 = Start No Earlier Than.
    _add(task, "ConstraintType", 0 if bound is None else 4)
    if bound is not None:
        _add(task, "ConstraintDate", _stamp(bound, _DAY_START))
    delay = item.start_day - _earliest_start(strategy, schedule, ini, bound)
    if delay > 0:
        # Held back by the capacity limit: Project keeps the levelled dates only with this.
        _add(task, "LevelingDelay", delay * MINUTES_PER_DAY * 10)
        _add(task, "LevelingDelayFormat", LAG_FORMAT_DAYS)
    if ini.description:
        _add(task, "Notes", ini.description)
    for dep in strategy.dependencies:
        if dep.to_key == ini.key:
            link = _add(task, "PredecessorLink")
            _add(link, "PredecessorUID", uids[dep.from_key])
            _add(link, "Type", LINK_CODES[dep.type])
            _add(link, "CrossProject", 0)
            _add(link, "LinkLag", dep.lag * MINUTES_PER_DAY * 10)
            _add(link, "LagFormat", LAG_FORMAT_DAYS)
    attr = _add(task, "ExtendedAttribute")
    _add(attr, "FieldID", KEY_FIELD_ID)
    _add(attr, "Value", ini.key)


def mspdi_bytes(strategy: Strategy, schedule: Any) -> bytes:
    root = mspdi_tree(strategy, schedule).getroot()
    assert root is not None
    ET.indent(root, space="  ")
    body: bytes = ET.tostring(root, encoding="utf-8")
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body + b"\n"


def write_mspdi(strategy: Strategy, schedule: Any, path: str | os.PathLike[str]) -> None:
    """Write the MSPDI document atomically."""
    write_bytes_atomically(path, mspdi_bytes(strategy, schedule))

"""Export of a scheduled strategy as MS Project XML (MSPDI), one summary task per pillar."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any
from xml.etree import ElementTree as ET

from cxroadmap.common.atomic import write_bytes_atomically
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.pillars import pillar_label
from cxroadmap.interop import mspdi_people as people
from cxroadmap.interop.mspdi_model import (
    FIXED_DURATION,
    LAG_FORMAT_DAYS,
    LINK_CODES,
    NAMESPACE,
    WEEKDAY_DAY_TYPE,
    priority_of_impact,
)
from cxroadmap.interop.mspdi_tracking import (
    baseline_notes,
    exported_baselines,
    task_progress,
    write_project_tracking,
    write_task_baselines,
)
from cxroadmap.interop.safe_text import xml_safe

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


class _Writer:
    """The strategy, its schedule and the lookups that every task element needs."""

    def __init__(self, strategy: Strategy, schedule: Any) -> None:
        self.strategy = strategy
        self.schedule = schedule
        self.calendar = strategy.calendar()
        self.phase_begin = {name: begin for name, begin, _ in strategy.phase_bounds()}
        self.preds: dict[str, list[Dependency]] = {}
        for dep in strategy.dependencies:
            self.preds.setdefault(dep.to_key, []).append(dep)
        self.uids: dict[str, int] = {}
        self.owners = people.owners(strategy)
        # (task UID, resource UID, start, finish, work, done) of each owner's assignment.
        self.assigned: list[tuple[int, int, str, str, str, bool]] = []
        self.numbered = exported_baselines(strategy)  # (Project's number, baseline)

    def times(self, start_day: int, finish_day: int, at_start: bool = True) -> tuple[str, str]:
        """Start and finish stamps of a span of working days, as Project shows them."""
        cal = self.calendar
        if finish_day == start_day:
            # A milestone shows the moment that binds it (scheduling.md "Milestone dates"):
            # the start of its day or the end of the working day before.
            if at_start or start_day == 0:
                moment = _stamp(cal.date_of(start_day), _DAY_START)
            else:
                moment = _stamp(cal.date_of(start_day - 1), _DAY_FINISH)
            return moment, moment
        return (
            _stamp(cal.date_of(start_day), _DAY_START),
            _stamp(cal.date_of(finish_day - 1), _DAY_FINISH),
        )

    def lower_bound(self, ini: Initiative) -> dt.date | None:
        """The initiative's own earliest date (not_before or its phase), if after the start."""
        dates = [] if ini.not_before is None else [ini.not_before]
        if ini.phase in self.phase_begin:
            dates.append(self.phase_begin[ini.phase])
        latest = max(dates, default=None)
        return latest if latest is not None and latest > self.strategy.start else None

    def earliest_start(self, ini: Initiative, bound: dt.date | None, floor: int = 0) -> int:
        """The first working day the initiative could start, its predecessors where they are."""
        earliest = floor if bound is None else self.calendar.index_on_or_after(bound)
        for dep in self.preds.get(ini.key, ()):
            pred = self.schedule.items[dep.from_key]
            earliest = max(
                earliest,
                {
                    "FS": pred.finish_day + dep.lag,
                    "SS": pred.start_day + dep.lag,
                    "FF": pred.finish_day + dep.lag - ini.duration,
                    "SF": pred.start_day + dep.lag - ini.duration,
                }[dep.type],
            )
        return earliest

    def project_shows_start(self, ini: Initiative) -> bool:
        """Whether Project would show this milestone at the start of its day by its links.

        Project adds a lag as working time to a moment, so a start (08:00) plus a positive
        lag lands at 17:00 the day before; scheduling.md keeps the start. Only a start-based
        link with no positive lag gives Project the start of the day.
        """
        day = self.schedule.items[ini.key].start_day
        for dep in self.preds.get(ini.key, ()):
            pred = self.schedule.items[dep.from_key]
            if pred.start_day + dep.lag != day or dep.lag > 0:
                continue
            if pred.is_milestone and pred.at_day_start:
                return True
            if not pred.is_milestone and dep.type in ("SS", "SF"):
                return True
        return False

    def project(self) -> ET.Element:
        strategy, schedule = self.strategy, self.schedule
        project = ET.Element(_q("Project"))
        _add(project, "SaveVersion", 14)
        _add(project, "Title", strategy.name)
        if strategy.owner:
            _add(project, "Manager", strategy.owner)
        _add(project, "ScheduleFromStart", 1)
        _add(project, "StartDate", _stamp(strategy.start, _DAY_START))
        whole = self.times(0, schedule.finish_day)
        _add(project, "FinishDate", whole[1])
        _add(project, "CalendarUID", 1)
        _add(project, "DefaultStartTime", _DAY_START)
        _add(project, "DefaultFinishTime", _DAY_FINISH)
        _add(project, "MinutesPerDay", MINUTES_PER_DAY)
        _add(project, "MinutesPerWeek", MINUTES_PER_DAY * strategy.days_per_week)
        _add(project, "DaysPerMonth", 4 * strategy.days_per_week)
        _add(project, "DurationFormat", LAG_FORMAT_DAYS)
        write_project_tracking(project, _add, strategy, self.numbered)
        _add(project, "NewTasksAreManual", 0)
        people.declare_fields(project, _add)
        _calendar(project, strategy)
        tasks = _add(project, "Tasks")
        self.summary_task(tasks, 0, strategy.name, "0", 0, 0, schedule.finish_day)
        self.outline(tasks)
        people.resources(project, _add, self.owners)
        people.assignments(project, _add, self.assigned)
        return project

    def outline(self, tasks: ET.Element) -> None:
        """A summary task per pillar in order of first appearance, its initiatives below it."""
        groups: dict[str, list[Initiative]] = {}
        for ini in self.strategy.initiatives.values():
            groups.setdefault(ini.pillar, []).append(ini)
        rows: list[tuple[int, str, int, Initiative | str]] = []
        top = 0
        for pillar, members in groups.items():
            if pillar:
                top += 1
                rows.append((len(rows) + 1, str(top), 1, pillar))
                rows += [
                    (len(rows) + 1 + i, f"{top}.{i + 1}", 2, ini) for i, ini in enumerate(members)
                ]
            else:
                for ini in members:
                    top += 1
                    rows.append((len(rows) + 1, str(top), 1, ini))
        self.uids = {item.key: uid for uid, _, _, item in rows if isinstance(item, Initiative)}
        items = self.schedule.items
        for uid, number, level, item in rows:
            if isinstance(item, str):
                begin = min(items[i.key].start_day for i in groups[item])
                end = max(items[i.key].finish_day for i in groups[item])
                at_start = any(items[i.key].at_day_start for i in groups[item])
                # Named as people read the pillar ("Vision and values"), not by its key.
                name = pillar_label(item)
                self.summary_task(tasks, uid, name, number, level, begin, end, at_start)
            else:
                self.initiative_task(tasks, uid, number, level, item)

    def summary_task(
        self,
        tasks: ET.Element,
        uid: int,
        name: str,
        number: str,
        level: int,
        begin: int,
        end: int,
        at_start: bool = True,
    ) -> None:
        task = _add(tasks, "Task")
        _add(task, "UID", uid)
        _add(task, "ID", uid)
        _add(task, "Name", name)
        _add(task, "Manual", 0)
        _add(task, "Type", FIXED_DURATION)
        _add(task, "IsNull", 0)
        _add(task, "OutlineNumber", number)
        _add(task, "OutlineLevel", level)
        start, finish = self.times(begin, end, at_start)
        _add(task, "Start", start)
        _add(task, "Finish", finish)
        _add(task, "Duration", _hours(end - begin))
        _add(task, "DurationFormat", LAG_FORMAT_DAYS)
        _add(task, "Milestone", 0)
        _add(task, "Summary", 1)
        _add(task, "ActualDuration", _hours(0))
        _add(task, "RemainingDuration", _hours(end - begin))
        if uid == 0:
            # The strategy's texts (vision, mission, values, level, phases) as the project's notes.
            lines = [people.strategy_notes(self.strategy), *baseline_notes(self.numbered)]
            _add(task, "Notes", "\n".join(line for line in lines if line))

    def initiative_task(
        self, tasks: ET.Element, uid: int, number: str, level: int, ini: Initiative
    ) -> None:
        item = self.schedule.items[ini.key]
        task = _add(tasks, "Task")
        _add(task, "UID", uid)
        _add(task, "ID", uid)
        _add(task, "Name", ini.title)
        if ini.status == "dropped":
            _add(task, "Active", 0)
        _add(task, "Manual", 0)
        _add(task, "Type", FIXED_DURATION)
        _add(task, "IsNull", 0)
        if ini.owner:
            _add(task, "Contact", ini.owner)
        _add(task, "OutlineNumber", number)
        _add(task, "OutlineLevel", level)
        _add(task, "Priority", priority_of_impact(ini.impact))
        start, finish = self.times(item.start_day, item.finish_day, item.at_day_start)
        _add(task, "Start", start)
        _add(task, "Finish", finish)
        _add(task, "Duration", _hours(ini.duration))
        _add(task, "DurationFormat", LAG_FORMAT_DAYS)
        _add(task, "Milestone", int(ini.duration == 0))
        _add(task, "Summary", 0)
        _add(task, "Critical", int(item.critical))
        # Progress (mspdi_tracking.task_progress); the status itself is the Status field.
        percent, began, ended, done_days = task_progress(ini, start, finish)
        done = bool(ended)
        _add(task, "PercentComplete", percent)
        if began:
            _add(task, "ActualStart", began)
        if ended:
            _add(task, "ActualFinish", ended)
        _add(task, "ActualDuration", _hours(done_days))
        _add(task, "RemainingDuration", _hours(ini.duration - done_days))
        bound = self.lower_bound(ini)
        if bound is None and self.earliest_start(ini, None, -(10**9)) < 0:
            # A lead would pull it before the project start, where we never schedule: say so
            # (MPXJ's scheduler would otherwise start it early).
            bound = self.strategy.start
        if (
            bound is None
            and item.is_milestone
            and item.at_day_start
            and item.start_day > 0
            and not self.project_shows_start(ini)
        ):
            # A milestone at the start of its day (scheduling.md) that Project would show at
            # the end of the day before: the start of its day, as a constraint, says so.
            bound = self.calendar.date_of(item.start_day)
        if item.start_day > self.earliest_start(ini, bound):
            # Held back by the capacity limit. A Start No Earlier Than on the levelled date
            # keeps it there in every reader: MPXJ's scheduler, Planner and GanttProject
            # ignore a LevelingDelay. (Our import reads it back as a not-before date.)
            bound = self.calendar.date_of(item.start_day)
        # 0 = As Soon As Possible; 4 = Start No Earlier Than.
        _add(task, "ConstraintType", 0 if bound is None else 4)
        if bound is not None:
            _add(task, "ConstraintDate", _stamp(bound, _DAY_START))
        if ini.description:
            _add(task, "Notes", ini.description)
        for dep in self.preds.get(ini.key, ()):
            link = _add(task, "PredecessorLink")
            _add(link, "PredecessorUID", self.uids[dep.from_key])
            _add(link, "Type", LINK_CODES[dep.type])
            _add(link, "CrossProject", 0)
            _add(link, "LinkLag", dep.lag * MINUTES_PER_DAY * 10)
            _add(link, "LagFormat", LAG_FORMAT_DAYS)
        people.task_fields(task, _add, ini, item.phase)
        write_task_baselines(task, _add, ini.key, self.numbered)
        owner = self.owners.get(ini.owner.strip())
        if owner is not None:
            work = _hours(ini.duration)
            self.assigned.append((uid, owner, start, finish, work, done))


def mspdi_tree(strategy: Strategy, schedule: Any) -> ET.ElementTree:
    """The MSPDI document: project summary (UID 0), pillar summaries, then initiatives."""
    ET.register_namespace("", NAMESPACE)
    return ET.ElementTree(_Writer(strategy, schedule).project())


def mspdi_bytes(strategy: Strategy, schedule: Any) -> bytes:
    root = mspdi_tree(strategy, schedule).getroot()
    assert root is not None
    for element in root.iter():
        if element.text:
            element.text = xml_safe(element.text)
    ET.indent(root, space="  ")
    body: bytes = ET.tostring(root, encoding="utf-8")
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body + b"\n"


def write_mspdi(strategy: Strategy, schedule: Any, path: str | os.PathLike[str]) -> None:
    """Write the MSPDI document atomically."""
    write_bytes_atomically(path, mspdi_bytes(strategy, schedule))

"""Import of MS Project XML (MSPDI): leaf tasks, links, outline pillars and the base calendar."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from cxroadmap.domain.calendar import WEEKDAY_NAMES
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_key
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.domain.validation import validate_strategy
from cxroadmap.interop.mspdi_extras import (
    apply_custom_fields,
    apply_strategy_notes,
    keep_manual_tasks,
)
from cxroadmap.interop.mspdi_links import Link, Task, leaf_dependencies, minutes_of, whole_days
from cxroadmap.interop.mspdi_model import (
    DAY_TYPE_WEEKDAY,
    KEY_ALIAS,
    LAG_FORMAT_DAYS,
    LINK_TYPES,
    WEEKDAY_DAY_TYPE,
    impact_of_priority,
)
from cxroadmap.interop.mspdi_tracking import (
    BaselineParts,
    TaskPlan,
    apply_baselines,
    left_out_notes,
    read_task_baselines,
    read_task_progress,
)

MAX_EXCEPTION_DAYS = 3660  # ten years: a longer "holiday" is a data error, not a calendar


class _Reader:
    """Holds the namespace and the project element while one file is read."""

    def __init__(self, root: Element) -> None:
        self.ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        if root.tag[len(self.ns) :] != "Project":
            raise ValidationError(
                "", f"not an MS Project XML (MSPDI) file: the root element is <{root.tag}>"
            )
        self.root = root

    def words(self, elem: Element, tag: str) -> str:
        """User text as written (spaces kept), or "" when it is absent or only spaces."""
        value = elem.findtext(self.ns + tag)
        return "" if value is None or not value.strip() else value

    def text(self, elem: Element, tag: str) -> str | None:
        value = elem.findtext(self.ns + tag)
        return None if value is None else value.strip()

    def all(self, elem: Element, path: str) -> list[Element]:
        return elem.findall("/".join(self.ns + part for part in path.split("/")))

    def integer(self, elem: Element, tag: str, where: str, default: int | None = None) -> int:
        value = self.text(elem, tag)
        if value is None or value == "":
            if default is None:
                raise ValidationError(where, f"<{tag}> is missing")
            return default
        try:
            return int(float(value))
        except ValueError:
            raise ValidationError(where, f"<{tag}> {value!r} is not a number") from None

    def date(self, elem: Element, tag: str, where: str) -> dt.date | None:
        value = self.text(elem, tag)
        if not value:
            return None
        try:
            return dt.datetime.fromisoformat(value).date()
        except ValueError:
            raise ValidationError(where, f"<{tag}> {value!r} is not a date and time") from None


def read_mspdi(path: str | os.PathLike[str]) -> Strategy:
    """Read an MSPDI `.xml` file into a validated Strategy (see docs/file-formats-tabular.md)."""
    return parse_mspdi(Path(path).read_bytes(), Path(path).stem)


def read_mspdi_with_notes(path: str | os.PathLike[str]) -> tuple[Strategy, list[str]]:
    """read_mspdi, with the notes for the import summary (manual tasks kept in place)."""
    notes: list[str] = []
    strategy = parse_mspdi(Path(path).read_bytes(), Path(path).stem, notes)
    return strategy, notes


def parse_mspdi(
    data: bytes, fallback_name: str = "Imported project", notes: list[str] | None = None
) -> Strategy:
    """Parse MSPDI bytes; entity and DTD tricks are refused, malformed XML names its line."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise ValidationError(
            f"line {line}, column {column + 1}", f"malformed XML: {exc}"
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise ValidationError("", f"refused unsafe XML ({exc})") from None
    reader = _Reader(root)
    minutes_per_day = reader.integer(root, "MinutesPerDay", "MinutesPerDay", 480) or 480
    working_days, holidays = _calendar(reader)
    tasks, project_name = _tasks(reader)
    start = reader.date(root, "StartDate", "StartDate")
    if start is None:
        starts = [
            d for t in tasks.values() if (d := reader.date(t.element, "Start", "")) is not None
        ]
        if not starts:
            raise ValidationError("StartDate", "the project has no start date")
        start = min(starts)
    title = reader.words(root, "Title")
    strategy = Strategy(name=project_name or title or fallback_name, start=start)
    strategy.owner = reader.words(root, "Manager")
    strategy.status_date = reader.date(root, "StatusDate", "StatusDate")
    left_out: dict[str, list[str]] = {}
    parts = BaselineParts()
    strategy.working_days = working_days
    strategy.holidays = holidays
    keys = _keys(reader, tasks)
    fields = _field_ids(reader)
    custom: dict[str, dict[str, str]] = {}
    placed: dict[str, dt.date] = {}
    resources = _assigned_names(reader)

    def days_of(text: str) -> int:
        return whole_days(minutes_of(text, "Baseline Duration"), minutes_per_day)

    for task in tasks.values():
        if not task.is_summary:
            ini = _initiative(reader, task, keys[task.uid], minutes_per_day, tasks, start)
            ini.owner = ini.owner or ", ".join(resources.get(task.uid, []))
            strategy.initiatives[ini.key] = ini
            custom[ini.key] = _custom_values(reader, task.element, fields)
            day = reader.date(task.element, "Start", f"Task UID {task.uid}")
            read_task_progress(task.element, reader.ns, ini, strategy, left_out)
            end = reader.date(task.element, "Finish", f"Task UID {task.uid}")
            plan = TaskPlan(ini.key, day or start, end or day or start, ini.duration)
            read_task_baselines(task.element, reader.ns, plan, days_of, parts)
            if reader.text(task.element, "Manual") == "1" and day is not None:
                placed[ini.key] = day
    days_per_week = len(working_days)
    strategy.dependencies = leaf_dependencies(tasks, keys, minutes_per_day, days_per_week)
    apply_strategy_notes(strategy, _project_notes(reader))
    apply_custom_fields(strategy, custom)
    taken = strategy.status_date or reader.date(root, "CurrentDate", "CurrentDate") or start
    chosen = reader.text(root, "BaselineForEarnedValue")
    number = int(chosen) if chosen and chosen.isdigit() else None
    apply_baselines(strategy, parts, _project_notes(reader), taken, number)
    validate_strategy(strategy)
    found = keep_manual_tasks(strategy, placed)
    if notes is not None:
        notes.extend([*found, *left_out_notes(left_out), *parts.notes])
    return strategy


def _field_ids(reader: _Reader) -> dict[str, str]:
    """FieldID -> alias (lower case) of the project's custom fields."""
    found = {}
    for attr in reader.all(reader.root, "ExtendedAttributes/ExtendedAttribute"):
        field_id, alias = reader.text(attr, "FieldID"), reader.text(attr, "Alias")
        if field_id and alias:
            found[field_id] = alias.lower()
    return found


def _custom_values(reader: _Reader, elem: Element, fields: dict[str, str]) -> dict[str, str]:
    values = {}
    for attr in reader.all(elem, "ExtendedAttribute"):
        alias = fields.get(reader.text(attr, "FieldID") or "")
        if alias is not None:
            values[alias] = reader.words(attr, "Value")
    return values


def _project_notes(reader: _Reader) -> str:
    for elem in reader.all(reader.root, "Tasks/Task"):
        if reader.text(elem, "UID") == "0":
            return reader.words(elem, "Notes")
    return ""


def _assigned_names(reader: _Reader) -> dict[int, list[str]]:
    """Task UID -> names of the resources assigned to it, in file order."""
    names = {
        reader.text(r, "UID"): reader.words(r, "Name").strip()
        for r in reader.all(reader.root, "Resources/Resource")
    }
    found: dict[int, list[str]] = {}
    for a in reader.all(reader.root, "Assignments/Assignment"):
        name = names.get(reader.text(a, "ResourceUID"))
        task = reader.text(a, "TaskUID")
        if name and task and task.lstrip("-").isdigit():
            found.setdefault(int(task), []).append(name)
    return found


def _calendar(reader: _Reader) -> tuple[tuple[str, ...], list[dt.date]]:
    """Working weekdays and non-working exception days of the project's base calendar."""
    calendars: dict[str, Element] = {}
    for elem in reader.all(reader.root, "Calendars/Calendar"):
        uid = reader.text(elem, "UID")
        if uid is not None:
            calendars[uid] = elem
    wanted = reader.text(reader.root, "CalendarUID")
    cal: Element | None = calendars.get(wanted or "")
    working: dict[int, bool] = {}
    holidays: set[dt.date] = set()
    seen: set[str] = set()
    while cal is not None:
        uid = reader.text(cal, "UID") or ""
        seen.add(uid)
        where = f"Calendar UID {uid}"
        for day in reader.all(cal, "WeekDays/WeekDay"):
            day_type = reader.integer(day, "DayType", where, -1)
            flag = reader.text(day, "DayWorking")
            # Without the flag, a day with working times is a working day.
            is_working = flag == "1" or (flag is None and bool(reader.all(day, "WorkingTimes")))
            if day_type in DAY_TYPE_WEEKDAY:
                working.setdefault(day_type, is_working)
            elif day_type == 0 and not is_working:
                holidays.update(_period(reader, day, where))
        for exc in reader.all(cal, "Exceptions/Exception"):
            # Only plain date ranges (type 1, daily); Project also lists each occurrence of a
            # recurring exception as a WeekDay of DayType 0, which is read above.
            if reader.text(exc, "DayWorking") != "1" and reader.text(exc, "Type") in (None, "1"):
                holidays.update(_period(reader, exc, where))
        base = reader.text(cal, "BaseCalendarUID")
        cal = calendars.get(base or "") if base not in seen else None
    # A weekday the calendar does not mention keeps Project's default: Monday to Friday.
    names = tuple(
        name
        for name in WEEKDAY_NAMES
        if working.get(WEEKDAY_DAY_TYPE[name], name not in ("sat", "sun"))
    )
    if not names:
        raise ValidationError(f"Calendar UID {wanted}", "the calendar has no working weekday")
    numbers = {WEEKDAY_NAMES.index(d) for d in names}
    return names, sorted(d for d in holidays if d.weekday() in numbers)


def _period(reader: _Reader, elem: Element, where: str) -> list[dt.date]:
    periods = reader.all(elem, "TimePeriod")
    if not periods:
        return []
    first = reader.date(periods[0], "FromDate", where)
    last = reader.date(periods[0], "ToDate", where)
    if first is None:
        return []
    last = last or first
    days = (last - first).days + 1
    if days > MAX_EXCEPTION_DAYS:
        raise ValidationError(where, f"an exception from {first} to {last} is over ten years long")
    return [first + dt.timedelta(days=i) for i in range(max(days, 0))]


def _tasks(reader: _Reader) -> tuple[dict[int, Task], str]:
    """Real tasks in file order with their outline parents; and the project summary's name."""
    tasks: dict[int, Task] = {}
    stack: list[Task] = []
    project_name = ""
    every_uid: set[int] = set()
    for n, elem in enumerate(reader.all(reader.root, "Tasks/Task"), start=1):
        uid = reader.integer(elem, "UID", f"Task #{n}")
        where = f"Task UID {uid}"
        if uid in every_uid:
            raise ValidationError(where, "the UID is used by two tasks")
        every_uid.add(uid)
        if reader.text(elem, "IsNull") == "1":
            continue
        level = _outline_level(reader, elem, where)
        name = reader.words(elem, "Name")
        if uid == 0 or level == 0:
            project_name = project_name or name
            continue
        task = Task(uid, level, name, minutes_of(reader.text(elem, "Duration"), where), elem)
        while stack and stack[-1].level >= level:
            stack.pop()
        if stack:
            task.parent = stack[-1].uid
            stack[-1].children.append(uid)
        stack.append(task)
        tasks[uid] = task
        for link_elem in reader.all(elem, "PredecessorLink"):
            if reader.text(link_elem, "CrossProject") == "1":
                continue
            pred = reader.integer(link_elem, "PredecessorUID", where)
            code = reader.integer(link_elem, "Type", where, 1)
            if code not in LINK_TYPES:
                raise ValidationError(where, f"link from UID {pred} has unknown <Type> {code}")
            lag = reader.text(link_elem, "LinkLag") or "0"
            try:
                lag_tenths = float(lag)
            except ValueError:
                raise ValidationError(where, f"<LinkLag> {lag!r} is not a number") from None
            lag_format = reader.integer(link_elem, "LagFormat", where, LAG_FORMAT_DAYS)
            task.links.append(Link(pred, LINK_TYPES[code], lag_tenths, lag_format))
    for task in tasks.values():
        for link in task.links:
            if link.pred not in every_uid:
                raise ValidationError(
                    f"Task UID {task.uid}", f"PredecessorUID {link.pred} names no task"
                )
    return tasks, project_name


def _outline_level(reader: _Reader, elem: Element, where: str) -> int:
    if reader.text(elem, "OutlineLevel"):
        return reader.integer(elem, "OutlineLevel", where)
    number = reader.text(elem, "OutlineNumber")
    if number:
        return 0 if number == "0" else number.count(".") + 1
    return 1


def _keys(reader: _Reader, tasks: dict[int, Task]) -> dict[int, str]:
    """Initiative keys: the `cxroadmap key` custom text field when present, else `T<UID>`."""
    field_id = None
    for attr in reader.all(reader.root, "ExtendedAttributes/ExtendedAttribute"):
        if (reader.text(attr, "Alias") or "").lower() == KEY_ALIAS:
            field_id = reader.text(attr, "FieldID")
    keys: dict[int, str] = {}
    used: set[str] = set()
    for task in tasks.values():
        key = f"T{task.uid}"
        if field_id is not None:
            for attr in reader.all(task.element, "ExtendedAttribute"):
                value = reader.text(attr, "Value")
                if reader.text(attr, "FieldID") == field_id and value:
                    key = check_key(value, f"Task UID {task.uid}")
        if key in used and not task.is_summary:
            raise ValidationError(f"Task UID {task.uid}", f"key {key!r} is used twice")
        used.add(key)
        keys[task.uid] = key
    return keys


def _initiative(
    reader: _Reader,
    task: Task,
    key: str,
    minutes_per_day: int,
    tasks: dict[int, Task],
    start: dt.date,
) -> Initiative:
    where = f"Task UID {task.uid}"
    elem = task.element
    milestone = reader.text(elem, "Milestone") == "1"
    ini = Initiative(
        key=key,
        title=task.name or f"Untitled task (UID {task.uid})",
        duration=0 if milestone else whole_days(task.minutes, minutes_per_day),
        description=reader.words(elem, "Notes"),
        owner=reader.words(elem, "Contact"),
    )
    top = task
    while top.parent is not None:
        top = tasks[top.parent]
    if top is not task:
        ini.pillar = top.name
    if reader.text(elem, "Priority"):
        ini.impact = impact_of_priority(reader.integer(elem, "Priority", where))
    done = reader.integer(elem, "PercentComplete", where, 0)
    if reader.text(elem, "Active") == "0":
        ini.status = "dropped"
    elif done >= 100:
        ini.status = "done"
    elif done > 0:
        ini.status = "in_progress"
    not_before = None
    if reader.text(elem, "Manual") == "1":
        # A manually scheduled task sits where the user put it; keep that as its earliest start.
        not_before = reader.date(elem, "Start", where)
    elif reader.integer(elem, "LevelingDelay", where, 0) > 0:
        # Delayed by levelling: keep the levelled start, as Project shows it.
        not_before = reader.date(elem, "Start", where)
    elif reader.text(elem, "ConstraintType") in ("2", "4"):
        # Must Start On / Start No Earlier Than: the closest thing we have is "not before".
        not_before = reader.date(elem, "ConstraintDate", where)
    if not_before is not None and not_before > start:
        ini.not_before = not_before
    return ini

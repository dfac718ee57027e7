"""MSPDI progress and baselines: `StatusDate`, actual dates, `PercentComplete`, `<Baseline>`.

MS Project keeps eleven baselines per task, numbered 0 to 10; they are the named baselines
"Baseline", "Baseline 1" … "Baseline 10" (tracking.md, issue 12). A file records no name
or date for them, so our export adds a line per baseline to the project's notes
("Baseline 1: Board approval, taken 2027-01-04") and our import reads it back; the chosen
baseline travels as `BaselineForEarnedValue`. Project may save a baseline field by field
(only a start, only a cost): a part it did not save is taken from the task's own plan,
kept on the right side of the part that was saved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from cxroadmap.domain.baselines import Baseline, BaselineEntry, find_baseline
from cxroadmap.domain.model import Initiative, Strategy

MAX_NUMBER = 10
_NOTE = re.compile(r"^Baseline (\d+): (.+), taken (\d{4}-\d{2}-\d{2})$")


def baseline_name(number: int) -> str:
    """Project's name for baseline `number`: "Baseline", then "Baseline 1" … "Baseline 10"."""
    return "Baseline" if number == 0 else f"Baseline {number}"


@dataclass
class TaskPlan:
    """What the task itself says, to fill the parts of a baseline Project did not save."""

    key: str
    start: dt.date
    finish: dt.date
    duration: int


@dataclass
class BaselineParts:
    """The baselines of a file while it is read: number -> key -> (start, finish, days)."""

    entries: dict[int, dict[str, tuple[dt.date, dt.date, int]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def read_task_baselines(
    elem: Element,
    ns: str,
    plan: TaskPlan,
    days_of: Callable[[str], int],
    parts: BaselineParts,
) -> None:
    """Each `<Baseline>` of a task element, its missing parts taken from the task's plan."""
    for base in elem.findall(ns + "Baseline"):
        number_text = (base.findtext(ns + "Number") or "").strip()
        if not number_text.isdigit() or int(number_text) > MAX_NUMBER:
            parts.notes.append(f"task {plan.key}: a baseline numbered {number_text!r} was skipped")
            continue
        saved_start = _date(base.findtext(ns + "Start"))
        saved_finish = _date(base.findtext(ns + "Finish"))
        text = base.findtext(ns + "Duration")
        days = days_of(text.strip()) if text and text.strip() else plan.duration
        # A part not saved comes from the plan, but never past the part that was saved.
        start = saved_start or min(plan.start, saved_finish or plan.start)
        finish = saved_finish or max(plan.finish, start)
        if finish < start:
            parts.notes.append(
                f"{baseline_name(int(number_text))}, task {plan.key}: its finish "
                f"{finish.isoformat()} is before its start {start.isoformat()}; the start is used"
            )
            finish = start
        parts.entries.setdefault(int(number_text), {})[plan.key] = (start, finish, days)


def _date(text: str | None) -> dt.date | None:
    if text is None or not text.strip():
        return None
    return dt.datetime.fromisoformat(text.strip()).date()


def phase_on(strategy: Strategy, day: dt.date) -> str:
    """The phase a date falls in (the last phase begun by then; the first before the start)."""
    name = ""
    for i, (phase, begin, _) in enumerate(strategy.phase_bounds()):
        if i == 0 or begin <= day:
            name = phase
    return name


def baselines_of(
    strategy: Strategy, parts: BaselineParts, notes_text: str, taken_default: dt.date
) -> list[Baseline]:
    """The file's baselines by number, named and dated by our notes lines where present."""
    named: dict[int, tuple[str, dt.date]] = {}
    for line in notes_text.splitlines():
        match = _NOTE.match(line.strip())
        if match:
            named[int(match.group(1))] = (match.group(2), dt.date.fromisoformat(match.group(3)))
    found = []
    for number in sorted(parts.entries):
        name, taken = named.get(number, (baseline_name(number), taken_default))
        entries = [
            BaselineEntry(key, start, finish, days, phase_on(strategy, start))
            for key, (start, finish, days) in parts.entries[number].items()
        ]
        found.append(Baseline(name, taken, entries))
    return found


def exported_baselines(strategy: Strategy) -> list[tuple[int, Baseline]]:
    """(number, baseline) for the file: the eleven most recent, the chosen one always kept."""
    kept = list(strategy.baselines[-(MAX_NUMBER + 1) :])
    chosen = strategy.baseline()
    if chosen is not None and chosen not in kept:
        kept = [chosen, *kept[1:]]
    return list(enumerate(kept))


def baseline_notes(numbered: list[tuple[int, Baseline]]) -> list[str]:
    """The notes lines that carry each exported baseline's name and date."""
    return [f"Baseline {n}: {b.name}, taken {b.taken_on.isoformat()}" for n, b in numbered]


def is_baseline_note(line: str) -> bool:
    return _NOTE.match(line.strip()) is not None


def read_task_progress(
    elem: Element, ns: str, ini: Initiative, strategy: Strategy, left_out: dict[str, list[str]]
) -> None:
    """Actual start and finish and percent complete of a task, as our progress fields.

    Project sets 100 % with an actual finish and an actual start with any progress; a
    file that does not is read leniently (a milestone's start is its finish; progress
    without a start is left out, with a note, as are actual dates before the project's
    start or after its status date, which our progress rules refuse).
    """
    start = _date(elem.findtext(ns + "ActualStart"))
    finish = _date(elem.findtext(ns + "ActualFinish"))
    text = (elem.findtext(ns + "PercentComplete") or "0").strip() or "0"
    percent = max(0, min(100, int(float(text))))
    if ini.duration == 0 and (finish or start):
        start = finish = finish or start  # a milestone is reached on one date
    if finish is not None:
        start, percent = start or finish, 100
    facts = [d for d in (start, finish) if d is not None]
    late = strategy.status_date is not None and any(d > strategy.status_date for d in facts)
    why = ""
    if percent and start is None:
        why = "percent complete without an actual start"
    elif late or any(d < strategy.start for d in facts):
        why = f"actual dates {'after the status date' if late else 'before the project start'}"
    if why:
        left_out.setdefault(why, []).append(ini.key)
        start = finish = None
        percent = 0
    ini.actual_start, ini.actual_finish, ini.percent_complete = start, finish, percent


def left_out_notes(left_out: dict[str, list[str]]) -> list[str]:
    """One note per reason progress was left out, naming the tasks (import summary)."""
    return [f"progress left out ({why}): {', '.join(keys)}" for why, keys in left_out.items()]


def apply_baselines(
    strategy: Strategy, parts: BaselineParts, notes_text: str, taken: dt.date, chosen: int | None
) -> None:
    """The file's baselines on the strategy; `chosen` (BaselineForEarnedValue) when it names
    one of them, else the lowest-numbered (as taking a first baseline chooses it)."""
    strategy.baselines = baselines_of(strategy, parts, notes_text, taken)
    numbers = sorted(parts.entries)
    if not numbers:
        return
    number = chosen if chosen in parts.entries else numbers[0]
    picked = strategy.baselines[numbers.index(number)]
    strategy.chosen_baseline = picked.name
    assert find_baseline(strategy.baselines, picked.name) is picked


Add = Callable[..., Element]
_START, _FINISH = "08:00:00", "17:00:00"
_MINUTES_PER_DAY = 480  # as mspdi_write: an 8-hour working day


def _hours(days: int) -> str:
    return f"PT{days * _MINUTES_PER_DAY // 60}H0M0S"


def write_project_tracking(
    project: Element, add: Add, strategy: Strategy, numbered: list[tuple[int, Baseline]]
) -> None:
    """`BaselineForEarnedValue` (the chosen baseline's number) and `StatusDate`, in the
    schema's order (both go between DurationFormat and NewTasksAreManual)."""
    chosen = strategy.baseline()
    for number, baseline in numbered:
        if baseline is chosen:
            add(project, "BaselineForEarnedValue", number)
    if strategy.status_date is not None:
        add(project, "StatusDate", f"{strategy.status_date.isoformat()}T{_FINISH}")


def task_progress(ini: Initiative, start: str, finish: str) -> tuple[int, str, str, int]:
    """(percent, actual start, actual finish, actual days) of a task; "" for no date.

    Our progress fields when any is set; else the status alone: done is 100 % on the
    scheduled dates, anything else 0 % (how far along "in progress" is, nobody said).
    """
    if ini.actual_start is None and ini.actual_finish is None and not ini.percent_complete:
        done = ini.status == "done"
        return (100, start, finish, ini.duration) if done else (0, "", "", 0)
    began = "" if ini.actual_start is None else f"{ini.actual_start.isoformat()}T{_START}"
    if ini.actual_finish is None:
        return ini.percent_complete, began, "", ini.duration * ini.percent_complete // 100
    time = _START if ini.duration == 0 else _FINISH
    ended = f"{ini.actual_finish.isoformat()}T{time}"
    return 100, began or ended, ended, ini.duration


def write_task_baselines(
    task: Element, add: Add, key: str, numbered: list[tuple[int, Baseline]]
) -> None:
    """A `<Baseline>` per exported baseline that holds the initiative (after its
    ExtendedAttributes, as the schema orders them)."""
    for number, baseline in numbered:
        entry = baseline.entry(key)
        if entry is None:
            continue
        element = add(task, "Baseline")
        add(element, "Number", number)
        add(element, "Start", f"{entry.start.isoformat()}T{_START}")
        time = _START if entry.duration == 0 else _FINISH
        add(element, "Finish", f"{entry.finish.isoformat()}T{time}")
        add(element, "Duration", _hours(entry.duration))
        add(element, "DurationFormat", 7)

"""MSPDI import beyond tasks and links: our custom fields, the strategy notes, manual tasks."""

from __future__ import annotations

import datetime as dt
import re

from cxroadmap.domain.model import LEVELS, STATUSES, Phase, Strategy
from cxroadmap.domain.pillars import find_pillar
from cxroadmap.interop.column_map import status_value
from cxroadmap.scheduling.planner import schedule

_PHASE = re.compile(r"^(.*?)(?: \((\d+) weeks?\))?$")


def apply_custom_fields(strategy: Strategy, values: dict[str, dict[str, str]]) -> None:
    """Status, phase pin and pillar from the fields our export writes (by alias, per key).

    A pillar named by its label ("Vision and values", a summary task's name) becomes the
    default pillar's key, so a round trip keeps `vision`.
    """
    ini_statuses = set(STATUSES)
    for key, fields in values.items():
        ini = strategy.initiatives[key]
        status = status_value(fields.get("status", ""), f"Task {key}, Status")
        if status in ini_statuses:
            ini.status = str(status)
        pin = fields.get("phase pin", "")
        if pin and pin in strategy.phase_names():
            ini.phase = pin
        pillar = fields.get("pillar") or ini.pillar
        known = find_pillar(pillar) if pillar else None
        ini.pillar = known.key if known is not None else pillar


def apply_strategy_notes(strategy: Strategy, notes: str) -> None:
    """Vision, mission, values, level and phases from the project summary's labelled notes."""
    for line in notes.splitlines():
        label, sep, value = line.partition(": ")
        if not sep:
            continue
        value = value.strip()
        if label == "Vision":
            strategy.vision = value
        elif label == "Mission":
            strategy.mission = value
        elif label == "Values":
            strategy.values = [v.strip() for v in value.split(";") if v.strip()]
        elif label == "Level" and value in LEVELS:
            strategy.level = value
        elif label == "Phases":
            phases = []
            for part in value.split(";"):
                match = _PHASE.match(part.strip())
                if match and match.group(1):
                    weeks = match.group(2)
                    phases.append(Phase(match.group(1), int(weeks) if weeks else None))
            if phases:
                strategy.phases = phases


def keep_manual_tasks(strategy: Strategy, placed: dict[str, dt.date]) -> list[str]:
    """Keep manually scheduled tasks where the file put them; say what that took.

    Each keeps its start as its not-before date (a pin the user can release by clearing it).
    MS Project does not move a manual task for its links, so a link that would move one
    later is left out, and named in the returned notes for the import summary.
    """
    notes: list[str] = []
    calendar = strategy.calendar()
    target = {}
    for key, day in placed.items():
        ini = strategy.initiatives[key]
        if day < strategy.start:
            notes.append(f"{key} is placed before the project start; it starts with the project")
            continue
        if day > strategy.start:
            ini.not_before = day
        target[key] = calendar.index_on_or_after(day)
    dropped: list[str] = []
    for _ in range(len(target) + 1):
        result = schedule(strategy)
        late = {k for k, d in target.items() if result.items[k].start_day > d}
        if not late:
            break
        keep = []
        for dep in strategy.dependencies:
            if dep.to_key in late:
                pred = result.items[dep.from_key]
                held = {
                    "FS": pred.finish_day + dep.lag,
                    "SS": pred.start_day + dep.lag,
                    "FF": pred.finish_day + dep.lag - strategy.initiatives[dep.to_key].duration,
                    "SF": pred.start_day + dep.lag - strategy.initiatives[dep.to_key].duration,
                }[dep.type]
                if held > target[dep.to_key]:
                    dropped.append(f"{dep.from_key} -> {dep.to_key} ({dep.type})")
                    continue
            keep.append(dep)
        strategy.dependencies = keep
    if target:
        notes.insert(
            0,
            f"{len(target)} manually scheduled task{'s' if len(target) != 1 else ''} kept "
            "where the file put them, pinned by a not-before date (clear it to let the "
            "scheduler place the task)",
        )
    if dropped:
        notes.append(
            "links that would have moved a manual task were left out: " + ", ".join(dropped)
        )
    return notes

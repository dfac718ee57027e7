"""MSPDI parts beyond tasks: owners as resources and assignments, custom fields, strategy notes."""

from __future__ import annotations

from collections.abc import Callable
from xml.etree import ElementTree as ET

from cxroadmap.domain.labels import STATUS_LABELS
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.interop.mspdi_model import (
    KEY_ALIAS,
    KEY_FIELD_ID,
    KEY_FIELD_NAME,
    PHASE_FIELD,
    PILLAR_FIELD,
    PIN_FIELD,
    STATUS_FIELD,
    TEXT_FIELDS,
)

Add = Callable[..., ET.Element]


def declare_fields(project: ET.Element, add: Add) -> None:
    """The project's custom field definitions: the key first, then status, phases, pillar."""
    attrs = add(project, "ExtendedAttributes")
    for name, field_id, alias in ((KEY_FIELD_NAME, KEY_FIELD_ID, KEY_ALIAS), *TEXT_FIELDS):
        attr = add(attrs, "ExtendedAttribute")
        add(attr, "FieldID", field_id)
        add(attr, "FieldName", name)
        add(attr, "Alias", alias)


def task_fields(task: ET.Element, add: Add, ini: Initiative, phase: str) -> None:
    """One initiative's custom field values (empty values are left out, as Project does)."""
    values = (
        (KEY_FIELD_ID, ini.key),
        (STATUS_FIELD[1], STATUS_LABELS.get(ini.status, ini.status)),
        (PHASE_FIELD[1], phase),
        (PIN_FIELD[1], ini.phase or ""),
        (PILLAR_FIELD[1], ini.pillar),
    )
    for field_id, value in values:
        if value:
            attr = add(task, "ExtendedAttribute")
            add(attr, "FieldID", field_id)
            add(attr, "Value", value)


def strategy_notes(strategy: Strategy) -> str:
    """The strategy's texts as the project summary task's notes, one labelled line each."""
    lines = []
    if strategy.vision:
        lines.append(f"Vision: {strategy.vision}")
    if strategy.mission:
        lines.append(f"Mission: {strategy.mission}")
    if strategy.values:
        lines.append("Values: " + "; ".join(strategy.values))
    lines.append(f"Level: {strategy.level}")
    phases = [f"{p.name} ({p.weeks} weeks)" if p.weeks else p.name for p in strategy.phases]
    lines.append("Phases: " + "; ".join(phases))
    return "\n".join(lines)


def owners(strategy: Strategy) -> dict[str, int]:
    """Owner name -> resource UID (1, 2, ...) in order of first appearance."""
    found: dict[str, int] = {}
    for ini in strategy.initiatives.values():
        name = ini.owner.strip()
        if name and name not in found:
            found[name] = len(found) + 1
    return found


def resources(project: ET.Element, add: Add, names: dict[str, int]) -> None:
    """Every owner as a work resource on the project calendar, at 100 %."""
    if not names:
        return
    parent = add(project, "Resources")
    for name, uid in names.items():
        res = add(parent, "Resource")
        add(res, "UID", uid)
        add(res, "ID", uid)
        add(res, "Name", name)
        add(res, "Type", 1)  # work
        add(res, "IsNull", 0)
        add(res, "MaxUnits", "1.00")


def assignments(
    project: ET.Element, add: Add, rows: list[tuple[int, int, str, str, str, bool]]
) -> None:
    """(task UID, resource UID, start, finish, work, done) as Project assignments."""
    if not rows:
        return
    parent = add(project, "Assignments")
    for n, (task_uid, res_uid, start, finish, work, done) in enumerate(rows, start=1):
        a = add(parent, "Assignment")
        add(a, "UID", n)
        add(a, "TaskUID", task_uid)
        add(a, "ResourceUID", res_uid)
        add(a, "PercentWorkComplete", 100 if done else 0)
        add(a, "ActualWork", work if done else "PT0H0M0S")
        add(a, "Finish", finish)
        add(a, "RemainingWork", "PT0H0M0S" if done else work)
        add(a, "Start", start)
        add(a, "Units", 1)
        add(a, "Work", work)

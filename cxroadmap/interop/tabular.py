"""The initiative table shared by CSV and XLSX: columns, cell parsing, `depends_on` text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cxroadmap.domain.calendar import parse_date
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_text
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.validation import (
    coerce_initiative_value,
)
from cxroadmap.interop.column_map import (
    COLUMNS,
    COMPUTED_COLUMNS,
    IGNORE,
    LIST_COLUMNS,
    accepted_headers,
    detect,
    status_value,
    tool_duration,
)
from cxroadmap.interop.links_text import parse_depends_on

# The columns, their synonyms and other tools' forms are in column_map.py.
REQUIRED_COLUMNS = ("key", "title", "duration")
# LIST_COLUMNS: lists of keys that only the XLSX form carries (touchpoints, supports).
_TEXT_COLUMNS = ("key", "title", "pillar", "owner", "phase", "description")
__all__ = ["COLUMNS", "COMPUTED_COLUMNS", "LIST_COLUMNS", "REQUIRED_COLUMNS", "parse_depends_on"]

_PHASE = re.compile(r"^(?P<name>.+?)\s*:\s*(?P<weeks>\d+)\s*w?\s*$", re.IGNORECASE)

Where = Callable[[str], str]


@dataclass
class Row:
    """One table row: raw cell values by column name, and how to name a cell in a message."""

    values: dict[str, object]
    where: Where


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def map_header(names: Sequence[object], where: Callable[[int], str]) -> list[str | None]:
    """Column name per position (None: a computed or unnamed column that import skips).

    Headers are matched through the one synonym table (column_map.py): ours, the labels
    people read, MS Project's, GanttProject's and common Excel ones. An unknown or doubled
    column is an error naming it: a typo must not drop data silently. A computed `start`
    column is kept as `_start` (the strategy start of a file without one).
    """
    mapped: list[str | None] = []
    for i, (raw, name) in enumerate(zip(names, detect(names), strict=True)):
        if name is None:
            text = "" if raw is None else str(raw).strip()
            if text.lower() in [str(n).strip().lower() for n in names[:i]] or (
                detect([raw])[0] not in (None, IGNORE)
            ):
                raise ValidationError(where(i), f"column {text!r} appears twice")
            raise ValidationError(
                where(i), f"unknown column {raw!r}; the columns are {accepted_headers()}"
            )
        if name == "start":
            mapped.append("_start")
        elif name == IGNORE or name in COMPUTED_COLUMNS:
            mapped.append(None)
        else:
            mapped.append(name)
    for name in REQUIRED_COLUMNS:
        if name not in mapped:
            raise ValidationError(where(len(names)), f"required column {name!r} is missing")
    return mapped


def _cell(name: str, value: object, where: str = "", days_per_week: int = 5) -> object:
    """Spreadsheet cell values in the types the domain checks expect."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if name in _TEXT_COLUMNS and isinstance(value, int) and not isinstance(value, bool):
        # A key like 101 typed into a spreadsheet arrives as a number.
        return str(value)
    if name == "impact" and isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value):
        return int(value)
    if name == "duration":
        # MS Project's "5 days", "2 wks", ISO P5D and ours, with the accepted forms on error.
        return tool_duration(value, where, days_per_week)
    if name == "status":
        return status_value(value, where)
    return value


def split_keys(value: object) -> list[str]:
    """A cell listing keys: one per line, or separated by `;` when it is a single line."""
    if not isinstance(value, str):
        return [] if value is None else [str(value)]
    parts = value.split("\n") if "\n" in value else value.split(";")
    return [part.strip() for part in parts if part.strip()]


def join_keys(keys: Sequence[object]) -> str:
    """The inverse of split_keys: one key per line (a lone key with `;` keeps a line end)."""
    text = "\n".join(str(k) for k in keys)
    return f"{text}\n" if len(keys) == 1 and ";" in text else text


def initiative_from_row(row: Row, days_per_week: int) -> Initiative:
    values: dict[str, Any] = {}
    for name in (*COLUMNS, *LIST_COLUMNS):
        raw = row.values.get(name)
        if name == "depends_on" or is_blank(raw):
            if name in REQUIRED_COLUMNS:
                raise ValidationError(row.where(name), "must not be empty")
            continue
        if name in LIST_COLUMNS:
            try:
                values[name] = coerce_initiative_value(name, split_keys(raw), name, days_per_week)
            except ValidationError as exc:
                # The list's own position (`[1]`) means nothing in one cell: name the cell.
                raise ValidationError(row.where(name), exc.problem) from None
            continue
        where = row.where(name)
        values[name] = coerce_initiative_value(
            name, _cell(name, raw, where, days_per_week), where, days_per_week
        )
    return Initiative(**values)


def initiatives_from_rows(
    rows: Iterable[Row],
    days_per_week: int,
    phases: Sequence[str],
    check: Callable[[Initiative, Row], None] | None = None,
) -> tuple[dict[str, Initiative], list[Dependency]]:
    """Initiatives in row order and the dependencies their `depends_on` cells name.

    `check` may refuse a row for what only the caller knows (such as touchpoint keys).
    """
    initiatives: dict[str, Initiative] = {}
    links: list[tuple[Row, str]] = []
    for row in rows:
        ini = initiative_from_row(row, days_per_week)
        if check is not None:
            check(ini, row)
        if ini.phase is not None and ini.phase not in phases:
            raise ValidationError(
                row.where("phase"),
                f"no phase named {ini.phase!r}; the phases are {', '.join(phases)}",
            )
        if ini.key in initiatives:
            raise ValidationError(row.where("key"), f"duplicate key {ini.key!r}")
        initiatives[ini.key] = ini
        text = row.values.get("depends_on")
        if not is_blank(text):
            links.append((row, ini.key))
    deps: list[Dependency] = []
    known = set(initiatives)
    for row, key in links:
        text = row.values["depends_on"]
        deps += parse_depends_on(text, key, known, row.where("depends_on"), days_per_week)
    return initiatives, deps


def format_dependency(dep: Dependency) -> str:
    """One predecessor as `depends_on` text: `REC1`, `VIS2 SS`, `TP3 FF-2d`, `X FS+5d`."""
    if ";" in dep.from_key:
        raise ValidationError(
            f"initiatives[{dep.from_key}].key", "a key with ';' cannot be written to depends_on"
        )
    if dep.lag:
        return f"{dep.from_key} {dep.type}{dep.lag:+d}d"
    return dep.from_key if dep.type == "FS" else f"{dep.from_key} {dep.type}"


def depends_on_texts(strategy: Strategy) -> dict[str, str]:
    """Each initiative's `depends_on` text, by key (built once: a lookup per row is quadratic)."""
    preds: dict[str, list[str]] = {}
    for dep in strategy.dependencies:
        preds.setdefault(dep.to_key, []).append(format_dependency(dep))
    return {key: "; ".join(items) for key, items in preds.items()}


def export_values(
    schedule: Any, ini: Initiative, depends_on: dict[str, str] | None, lists: bool = False
) -> list[object]:
    """A row's typed values: COLUMNS (depends_on when given), LIST_COLUMNS when `lists`,
    then COMPUTED_COLUMNS; dates stay dates."""
    values: list[object] = [
        ini.key,
        ini.title,
        ini.pillar,
        ini.duration,
        ini.owner,
        ini.not_before,
        ini.phase or "",
        ini.impact,
        ini.status,
        ini.description,
    ]
    if depends_on is not None:
        values.append(depends_on.get(ini.key, ""))
    if lists:
        values += [join_keys(ini.touchpoints), join_keys(ini.supports)]
    item = schedule.items[ini.key]
    values += [item.start, item.finish, item.slack_days, item.critical, item.phase]
    return values


def resolve_start(given: dt.date | None, initiatives: dict[str, Initiative], where: str) -> dt.date:
    """The strategy start when the file has none: the option, else the earliest not_before."""
    if given is not None:
        return given
    dates = [ini.not_before for ini in initiatives.values() if ini.not_before is not None]
    if dates:
        return min(dates)
    raise ValidationError(
        where,
        "the strategy start date is missing: add a first line '# start: YYYY-MM-DD' "
        "(a Strategy sheet row 'start' in XLSX) or a not_before date",
    )


def start_option(value: object, where: str) -> dt.date | None:
    return None if value is None else parse_date(value, where)


def parse_phase(value: object, where: str) -> Phase:
    """`Short term: 13w` (or `: 13`) is a phase of 13 weeks; a bare name is open-ended."""
    text = check_text(value, where, required=True).strip()
    match = _PHASE.match(text)
    if match is None:
        return Phase(text, None)
    weeks = int(match["weeks"])
    if weeks < 1:
        raise ValidationError(where, f"a phase needs at least 1 week, got {text!r}")
    return Phase(match["name"], weeks)


def phase_text(phase: Phase) -> str:
    return phase.name if phase.weeks is None else f"{phase.name}: {phase.weeks}w"

"""The initiative table shared by CSV and XLSX: columns, cell parsing, `depends_on` text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_text
from cxroadmap.domain.fields import KEY, LIST_KINDS, LONG_TEXT, NAME_REF, TEXT, Field, coerce
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.money import amount_text
from cxroadmap.domain.pillars import find_pillar
from cxroadmap.domain.registry import INITIATIVE, PHASE
from cxroadmap.interop.column_map import (
    EXTRA_SYNONYMS,
    IGNORE,
    SYNONYMS,
    accepted_headers,
    detect,
    status_value,
    tool_duration,
)
from cxroadmap.interop.links_text import parse_depends_on

# The initiative fields that have a column, from the registry (header and synonyms there).
CELL_FIELDS: dict[str, Field] = {
    f.header: f for f in INITIATIVE.values() if f.header is not None
}  # fmt: skip
COLUMNS = (*(h for h, f in CELL_FIELDS.items() if f.kind not in LIST_KINDS), "depends_on")
# Written on export from the schedule; ignored on import (they are recomputed anyway).
COMPUTED_COLUMNS = ("start", "finish", "slack_days", "critical", "scheduled_phase")
REQUIRED_COLUMNS = tuple(h for h, f in CELL_FIELDS.items() if f.required)
# Lists of keys that only the XLSX form carries: they refer to the strategy's touchpoints
# and to a parent strategy's initiatives, which a CSV file has no room for.
LIST_COLUMNS = tuple(h for h, f in CELL_FIELDS.items() if f.kind in LIST_KINDS)
# Other names people's sheets use for the depends_on column (column_map.py: one table).
DEPENDS_ON_SYNONYMS = EXTRA_SYNONYMS["depends_on"]
__all__ = ["DEPENDS_ON_SYNONYMS", "parse_depends_on"]
_TEXT_KINDS = frozenset({KEY, TEXT, LONG_TEXT, NAME_REF})


def header_key(raw: object) -> str:
    """How a header cell is compared: case, spaces, hyphens and underscores do not matter."""
    return re.sub(r"[\s_-]+", "_", "" if raw is None else str(raw).strip().lower())


def _aliases() -> dict[str, str]:
    """The one synonym table of column_map.py, keyed as header_key compares headers."""
    return {
        header_key(word): name
        for word, name in SYNONYMS.items()
        if name not in COMPUTED_COLUMNS and name in (*CELL_FIELDS, "depends_on")
    }


# Header text (as header_key gives it) -> column; computed columns are not in it.
HEADER_ALIASES = _aliases()

_PHASE = re.compile(r"^(?P<name>.+?)\s*:\s*(?P<weeks>\d+)\s*w?\s*$", re.IGNORECASE)

Where = Callable[[str], str]


@dataclass
class Row:
    """One table row: raw cell values by column name, and how to name a cell in a message."""

    values: dict[str, object]
    where: Where


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def map_header(
    names: Sequence[object],
    where: Callable[[int], str],
    mapping: Sequence[str | None] | None = None,
) -> list[str | None]:
    """Column name per position (None: a computed or unnamed column that import skips).

    Headers are matched through the one synonym table (column_map.py): ours, the labels
    people read, MS Project's, GanttProject's and common Excel ones. An unknown or doubled
    column is an error naming it: a typo must not drop data silently. A computed `start`
    column is kept as `_start` (the strategy start of a file without one). `mapping`, the
    meaning per column that the user chose (IGNORE or None: skip it), replaces detection.
    """
    if mapping is not None:
        return _chosen(names, where, mapping)
    mapped: list[str | None] = []
    for i, (raw, name) in enumerate(zip(names, detect(names), strict=True)):
        if name is None or name in LIST_COLUMNS:
            text = "" if raw is None else str(raw).strip()
            if name is None and detect([raw])[0] not in (None, IGNORE):
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


def _chosen(
    names: Sequence[object], where: Callable[[int], str], mapping: Sequence[str | None]
) -> list[str | None]:
    """The columns as the user mapped them: each field once, the required ones present."""
    mapped: list[str | None] = []
    for i in range(len(names)):
        name = mapping[i] if i < len(mapping) else None
        if name in (None, IGNORE) or (name in COMPUTED_COLUMNS and name != "start"):
            mapped.append(None)
            continue
        if name not in (*CELL_FIELDS, "depends_on", "start"):
            raise ValidationError(where(i), f"no field named {name!r}")
        column = "_start" if name == "start" else name
        if column in mapped:
            raise ValidationError(where(i), f"two columns are mapped to {name!r}")
        mapped.append(column)
    for name in REQUIRED_COLUMNS:
        if name not in mapped:
            raise ValidationError(where(len(names)), f"required column {name!r} is missing")
    return mapped


def _cell(f: Field, value: object, where: str = "", days_per_week: int = 5) -> object:
    """Spreadsheet cell values in the types the domain checks expect; durations and
    statuses also in other tools' forms ("5 days", P5D, "50%"), named with them on error."""
    if f.name == "duration" and not isinstance(value, dt.date):
        return tool_duration(value, where, days_per_week)
    if f.name == "status" and not is_blank(value):
        return status_value(value, where)
    if f.name == "pillar" and isinstance(value, str):
        # A default pillar by the name people read ("Vision and values") is its key.
        known = find_pillar(value)
        if known is not None and known.label.lower() == value.strip().lower():
            return known.key
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if f.kind in _TEXT_KINDS and isinstance(value, int | float) and not isinstance(value, bool):
        # A key like 101 typed into a spreadsheet arrives as a number.
        return str(value)
    return value


def cell_of(f: Field, value: object) -> object:
    """A field's value as a cell holds it: lists one key per line, no pin as blank."""
    if f.kind in LIST_KINDS:
        return join_keys(value)  # type: ignore[arg-type]
    return "" if value is None and f.kind == NAME_REF else value


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
    for name, f in CELL_FIELDS.items():
        raw = row.values.get(name)
        if is_blank(raw):
            if f.required:
                raise ValidationError(row.where(name), "must not be empty")
            continue
        if f.kind in LIST_KINDS:
            try:
                values[f.name] = coerce(f, split_keys(raw), name, days_per_week)
            except ValidationError as exc:
                # The list's own position (`[1]`) means nothing in one cell: name the cell.
                raise ValidationError(row.where(name), exc.problem) from None
            continue
        where = row.where(name)
        values[f.name] = coerce(f, _cell(f, raw, where, days_per_week), where, days_per_week)
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
        cell_of(f, getattr(ini, f.name)) for f in CELL_FIELDS.values() if f.kind not in LIST_KINDS
    ]
    if depends_on is not None:
        values.append(depends_on.get(ini.key, ""))
    if lists:
        values += [
            cell_of(f, getattr(ini, f.name)) for f in map(CELL_FIELDS.get, LIST_COLUMNS) if f
        ]
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


_ITEM = re.compile(r"^(?P<name>.+?)\s*:\s*(?P<amount>[^:]+)$")


def amount_items(pairs: list[tuple[object, float]]) -> list[str]:
    """`2027: 250000` for each (name, amount): how year and phase budgets read in a cell."""
    return [f"{name}: {amount_text(amount)}" for name, amount in pairs]


def parse_amount_item(value: object, where: str) -> tuple[str, float]:
    """`Short term: 120000` -> ("Short term", 120000.0)."""
    match = _ITEM.match(str(value).strip())
    if match is None:
        raise ValidationError(
            where, f"expected 'name: amount' such as '2027: 250000', got {value!r}"
        )
    amount = coerce(PHASE["budget"], match["amount"], where)
    assert isinstance(amount, float)
    return match["name"].strip(), amount

"""XLSX import and export: the whole strategy on named sheets, read back without loss."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from cxroadmap.domain.calendar import parse_date, parse_weekdays
from cxroadmap.domain.durations import parse_duration
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_text
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.support import check_strategy_key
from cxroadmap.domain.validation import (
    check_max_parallel,
    normalise_dependency_type,
    normalise_level,
    validate_strategy,
)
from cxroadmap.interop.atomicfile import write_bytes_atomically
from cxroadmap.interop.jsonfile import STRATEGY_FIELDS
from cxroadmap.interop.tabular import (
    COLUMNS,
    COMPUTED_COLUMNS,
    LIST_COLUMNS,
    REQUIRED_COLUMNS,
    Row,
    export_values,
    initiatives_from_rows,
    is_blank,
    parse_phase,
    phase_text,
    resolve_start,
)
from cxroadmap.interop.xlsx_cells import cell_value, cells, finish, header, read_table, ref
from cxroadmap.interop.xlsx_cx import (
    read_measures,
    read_opportunities,
    read_touchpoints,
    write_cx_sheets,
)

_LIST_FIELDS = ("values", "working_days", "holidays", "phases")
DEPENDENCY_COLUMNS = ("from", "to", "type", "lag")
# Links live on their own sheet in XLSX; the Initiatives sheet may still carry depends_on.
INITIATIVE_COLUMNS = (*(c for c in COLUMNS if c != "depends_on"), *LIST_COLUMNS)


def read_xlsx(path: str | os.PathLike[str], start: dt.date | None = None) -> Strategy:
    """Read an XLSX workbook into a validated Strategy; errors name the sheet and cell."""
    data = Path(path).read_bytes()
    try:
        # read_only streams the sheets: several times faster on a large workbook.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ValidationError("", f"not a readable XLSX workbook ({exc})") from None
    try:
        return _strategy_from_book(book, Path(path).stem, start)
    finally:
        book.close()


def _strategy_from_book(book: Workbook, stem: str, start: dt.date | None) -> Strategy:
    sheets = {}
    for sheet in book.worksheets:
        # Some writers store a wrong used range, which a read-only sheet would trust.
        sheet.reset_dimensions()
        sheets[sheet.title.strip().lower()] = sheet
    if "initiatives" not in sheets:
        raise ValidationError("Initiatives", "the workbook has no sheet named Initiatives")
    if "strategy" in sheets:
        strategy, has_start = _read_strategy(sheets["strategy"])
    else:
        strategy, has_start = Strategy(name=stem, start=dt.date.min), False
    if start is not None:
        strategy.start, has_start = start, True
    if "touchpoints" in sheets:
        strategy.touchpoints = read_touchpoints(sheets["touchpoints"])
    rows = [
        Row(row.values, row.where)
        for row in read_table(
            sheets["initiatives"], "Initiatives", (*INITIATIVE_COLUMNS, "depends_on"),
            REQUIRED_COLUMNS, COMPUTED_COLUMNS,
        )
    ]  # fmt: skip
    strategy.initiatives, strategy.dependencies = initiatives_from_rows(
        rows, strategy.days_per_week, strategy.phase_names(), _references_checker(strategy)
    )
    if "dependencies" in sheets:
        _merge(strategy, _read_dependencies(sheets["dependencies"], strategy))
    if "opportunities" in sheets:
        read_opportunities(sheets["opportunities"], strategy)
    if "measures" in sheets:
        strategy.measures = read_measures(sheets["measures"], strategy)
    if not has_start:
        strategy.start = resolve_start(None, strategy.initiatives, "Strategy (start)")
    validate_strategy(strategy)
    return strategy


def _references_checker(strategy: Strategy) -> Any:
    touchpoints = {tp.key for tp in strategy.touchpoints}

    def check(ini: Initiative, row: Row) -> None:
        for key in ini.touchpoints:
            if key not in touchpoints:
                raise ValidationError(row.where("touchpoints"), f"no touchpoint with key {key!r}")
        if ini.supports and strategy.parent is None:
            raise ValidationError(
                row.where("supports"), "the Strategy sheet names no parent strategy to support"
            )

    return check


def _read_strategy(sheet: Worksheet) -> tuple[Strategy, bool]:
    found: dict[str, tuple[int, list[object]]] = {}
    for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        values = [cell_value(c) for c in row]
        if not values or is_blank(values[0]):
            continue
        field = str(values[0]).strip().lower()
        if r == 1 and field == "field":
            continue
        if field not in STRATEGY_FIELDS:
            raise ValidationError(ref("Strategy", r, 1), f"unknown field {values[0]!r}")
        if field in found:
            raise ValidationError(ref("Strategy", r, 1), f"field {field!r} appears twice")
        values = values[1:]
        while values and is_blank(values[-1]):
            values.pop()
        if len(values) > 1 and field not in _LIST_FIELDS:
            raise ValidationError(ref("Strategy", r, 3, field), "only one value is allowed")
        found[field] = (r, values)
    if "name" not in found:
        raise ValidationError("Strategy", "the row 'name' is missing")
    strategy = Strategy(name="", start=dt.date.min)
    for field, (r, values) in found.items():
        where = ref("Strategy", r, 2, field)
        value = values[0] if values else None
        items = [(ref("Strategy", r, c, field), v) for c, v in enumerate(values, start=2)]
        _set_field(strategy, field, value, where, items)
    return strategy, "start" in found


def _set_field(
    strategy: Strategy, field: str, value: object, where: str, items: list[tuple[str, object]]
) -> None:
    """Set one Strategy-sheet field; `items` are the (cell, value) pairs of a list field."""
    if field == "name":
        strategy.name = check_text(value, where, required=True)
    elif field == "start":
        strategy.start = parse_date(value, where)
    elif field in ("key", "parent"):
        key = None if is_blank(value) else check_strategy_key(str(value).strip(), where)
        if field == "key":
            strategy.key = key or ""
        else:
            strategy.parent = key
    elif field == "level" and not is_blank(value):
        strategy.level = normalise_level(value, where)
    elif field in ("owner", "vision", "mission"):
        setattr(strategy, field, "" if value is None else check_text(value, where))
    elif field == "values":
        strategy.values = [check_text(v, w) for w, v in items if v is not None]
    elif field == "working_days" and items:
        strategy.working_days = parse_weekdays([str(v) for _, v in items], where)
    elif field == "holidays":
        strategy.holidays = sorted({parse_date(v, w) for w, v in items if not is_blank(v)})
    elif field == "max_parallel":
        strategy.max_parallel = check_max_parallel(None if is_blank(value) else value, where)
    elif field == "phases" and items:
        strategy.phases = [parse_phase(v, w) for w, v in items if not is_blank(v)]


def _read_dependencies(sheet: Worksheet, strategy: Strategy) -> list[tuple[str, Dependency]]:
    result = []
    for row in read_table(sheet, "Dependencies", DEPENDENCY_COLUMNS, ("from", "to")):
        ends = []
        for name in ("from", "to"):
            value = row.values.get(name)
            where = row.where(name)
            key = check_text(str(value) if isinstance(value, int) else value, where, required=True)
            if key not in strategy.initiatives:
                raise ValidationError(where, f"no initiative with key {key!r}")
            ends.append(key)
        dep = Dependency(ends[0], ends[1])
        if not is_blank(value := row.values.get("type")):
            dep.type = normalise_dependency_type(value, row.where("type"))
        if not is_blank(value := row.values.get("lag")):
            dep.lag = parse_duration(
                value, row.where("lag"), strategy.days_per_week, allow_negative=True
            )
        result.append((row.where(), dep))
    return result


def _merge(strategy: Strategy, deps: list[tuple[str, Dependency]]) -> None:
    """Add sheet dependencies; one also given in a depends_on cell must agree with it."""
    given = {d.pair: d for d in strategy.dependencies}
    for where, dep in deps:
        if dep.from_key == dep.to_key:
            raise ValidationError(where, f"{dep.from_key!r} cannot depend on itself")
        known = given.get(dep.pair)
        if known is None:
            strategy.dependencies.append(dep)
            given[dep.pair] = dep
        elif (known.type, known.lag) != (dep.type, dep.lag):
            raise ValidationError(
                where, f"{dep.to_key!r} depends on {dep.from_key!r} twice, in different ways"
            )


def workbook(strategy: Strategy, schedule: Any) -> Workbook:
    """The workbook: Strategy, Initiatives (computed columns on grey headers), Dependencies,
    then Touchpoints, Opportunities and Measures."""
    book = Workbook()
    book.properties.creator = "cxroadmap"
    book.properties.title = strategy.name
    sheet = book.active
    assert sheet is not None
    sheet.title = "Strategy"
    header(sheet, ("field", "value"))
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 60
    rows: list[list[object]] = [
        ["key", strategy.key],
        ["parent", strategy.parent],
        ["name", strategy.name],
        ["level", strategy.level],
        ["start", strategy.start],
        ["owner", strategy.owner],
        ["vision", strategy.vision],
        ["mission", strategy.mission],
        ["values", *strategy.values],
        ["working_days", *strategy.working_days],
        ["holidays", *strategy.holidays],
        ["max_parallel", strategy.max_parallel],
        ["phases", *(phase_text(p) for p in strategy.phases)],
    ]
    for row in rows:
        sheet.append(cells(row))
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells[1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    finish(sheet)

    sheet = book.create_sheet("Initiatives")
    header(sheet, INITIATIVE_COLUMNS, COMPUTED_COLUMNS)
    for ini in strategy.initiatives.values():
        sheet.append(cells(export_values(schedule, ini, None, lists=True)))
    sheet.auto_filter.ref = sheet.dimensions
    finish(sheet)

    sheet = book.create_sheet("Dependencies")
    header(sheet, DEPENDENCY_COLUMNS)
    for dep in strategy.dependencies:
        sheet.append(cells([dep.from_key, dep.to_key, dep.type, dep.lag]))
    finish(sheet)
    write_cx_sheets(book, strategy)
    return book


def write_xlsx(strategy: Strategy, schedule: Any, path: str | os.PathLike[str]) -> None:
    """Write the workbook atomically (built in memory, then one rename)."""
    buffer = io.BytesIO()
    workbook(strategy, schedule).save(buffer)
    write_bytes_atomically(path, buffer.getvalue())

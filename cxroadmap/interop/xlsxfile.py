"""XLSX import and export: Strategy, Initiatives and Dependencies sheets, read back losslessly."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from cxroadmap.domain.calendar import parse_date, parse_weekdays
from cxroadmap.domain.durations import parse_duration
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Dependency, Strategy
from cxroadmap.domain.validation import (
    check_max_parallel,
    check_text,
    normalise_dependency_type,
    normalise_level,
    validate_strategy,
)
from cxroadmap.interop.atomicfile import write_bytes_atomically
from cxroadmap.interop.tabular import (
    COLUMNS,
    COMPUTED_COLUMNS,
    Row,
    export_values,
    initiatives_from_rows,
    is_blank,
    map_header,
    parse_phase,
    resolve_start,
)

STRATEGY_FIELDS = (
    "name",
    "level",
    "start",
    "owner",
    "vision",
    "mission",
    "values",
    "working_days",
    "holidays",
    "max_parallel",
    "phases",
)
_LIST_FIELDS = ("values", "working_days", "holidays", "phases")
DEPENDENCY_COLUMNS = ("from", "to", "type", "lag")
# Deps live on their own sheet in XLSX; the Initiatives sheet may still carry depends_on.
INITIATIVE_COLUMNS = tuple(c for c in COLUMNS if c != "depends_on")
_DATE_FORMAT = "yyyy-mm-dd"
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="305496")
_COMPUTED_FILL = PatternFill("solid", fgColor="808080")
_WIDTHS = {
    "key": 10,
    "title": 44,
    "pillar": 18,
    "description": 60,
    "owner": 24,
    "not_before": 12,
    "start": 12,
    "finish": 12,
    "phase": 14,
    "scheduled_phase": 16,
    "status": 12,
}


def _ref(sheet: str, row: int, column: int, name: str = "") -> str:
    cell = f"{sheet}!{get_column_letter(column)}{row}"
    return f"{cell} ({name})" if name else cell


def _value(cell: object) -> object:
    """A cell value with spreadsheet artefacts removed: whole floats and midnight datetimes."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell


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
    strategy.initiatives, strategy.dependencies = initiatives_from_rows(
        _initiative_rows(sheets["initiatives"]), strategy.days_per_week, strategy.phase_names()
    )
    if "dependencies" in sheets:
        _merge(strategy, _read_dependencies(sheets["dependencies"], strategy))
    if not has_start:
        strategy.start = resolve_start(None, strategy.initiatives, "Strategy (start)")
    validate_strategy(strategy)
    return strategy


def _read_strategy(sheet: Worksheet) -> tuple[Strategy, bool]:
    found: dict[str, tuple[int, list[object]]] = {}
    for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [_value(c) for c in row]
        if not cells or is_blank(cells[0]):
            continue
        field = str(cells[0]).strip().lower()
        if r == 1 and field == "field":
            continue
        if field not in STRATEGY_FIELDS:
            raise ValidationError(_ref("Strategy", r, 1), f"unknown field {cells[0]!r}")
        if field in found:
            raise ValidationError(_ref("Strategy", r, 1), f"field {field!r} appears twice")
        values = list(cells[1:])
        while values and is_blank(values[-1]):
            values.pop()
        if len(values) > 1 and field not in _LIST_FIELDS:
            raise ValidationError(_ref("Strategy", r, 3, field), "only one value is allowed")
        found[field] = (r, values)

    def one(field: str) -> tuple[str, object]:
        r, values = found[field]
        return _ref("Strategy", r, 2, field), (values[0] if values else None)

    if "name" not in found:
        raise ValidationError("Strategy", "the row 'name' is missing")
    where, value = one("name")
    strategy = Strategy(name=check_text(value, where, required=True), start=dt.date.min)
    for field, (r, values) in found.items():
        where, value = one(field)
        items = [(_ref("Strategy", r, c, field), v) for c, v in enumerate(values, start=2)]
        if field == "start":
            strategy.start = parse_date(value, where)
        elif field == "level" and not is_blank(value):
            strategy.level = normalise_level(value, where)
        elif field in ("owner", "vision", "mission"):
            setattr(strategy, field, "" if value is None else check_text(value, where))
        elif field == "values":
            strategy.values = [check_text(v, w) for w, v in items if v is not None]
        elif field == "working_days" and values:
            strategy.working_days = parse_weekdays([str(v) for _, v in items], where)
        elif field == "holidays":
            strategy.holidays = sorted({parse_date(v, w) for w, v in items if not is_blank(v)})
        elif field == "max_parallel":
            strategy.max_parallel = check_max_parallel(None if is_blank(value) else value, where)
        elif field == "phases" and values:
            strategy.phases = [parse_phase(v, w) for w, v in items if not is_blank(v)]
    return strategy, "start" in found


def _initiative_rows(sheet: Worksheet) -> list[Row]:
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows, ()))
    columns = map_header(
        header,
        lambda i: _ref("Initiatives", 1, i + 1) if i < len(header) else "Initiatives!1",
    )
    result = []
    for r, row in enumerate(rows, start=2):
        if all(is_blank(c) for c in row):
            continue
        values: dict[str, object] = {}
        for i, cell in enumerate(row):
            column = columns[i] if i < len(columns) else None
            if column is not None:
                values[column] = _value(cell)
            elif not is_blank(cell) and (i >= len(header) or is_blank(header[i])):
                raise ValidationError(_ref("Initiatives", r, i + 1), "a value with no header")
        result.append(Row(values, _cell_namer(r, columns)))
    return result


def _cell_namer(row: int, columns: list[str | None]) -> Callable[[str], str]:
    index = {name: i + 1 for i, name in enumerate(columns) if name is not None}
    return lambda name: _ref("Initiatives", row, index[name], name)


def _read_dependencies(sheet: Worksheet, strategy: Strategy) -> list[tuple[str, Dependency]]:
    rows = sheet.iter_rows(values_only=True)
    header = [str(c).strip().lower() if c is not None else "" for c in next(rows, ())]
    index: dict[str, int] = {}
    for i, name in enumerate(header):
        if name == "":
            continue
        if name not in DEPENDENCY_COLUMNS or name in index:
            raise ValidationError(_ref("Dependencies", 1, i + 1), f"unexpected column {name!r}")
        index[name] = i
    for name in ("from", "to"):
        if name not in index:
            raise ValidationError("Dependencies!1", f"required column {name!r} is missing")
    result = []
    for r, row in enumerate(rows, start=2):
        cells = [_value(c) for c in row]
        if all(is_blank(c) for c in cells):
            continue

        def cell(name: str, r: int = r, cells: list[object] = cells) -> tuple[str, object]:
            i = index.get(name)
            value = cells[i] if i is not None and i < len(cells) else None
            return _ref("Dependencies", r, (i or 0) + 1, name), value

        ends = []
        for name in ("from", "to"):
            where, value = cell(name)
            key = check_text(str(value) if isinstance(value, int) else value, where, required=True)
            if key not in strategy.initiatives:
                raise ValidationError(where, f"no initiative with key {key!r}")
            ends.append(key)
        dep = Dependency(ends[0], ends[1])
        where, value = cell("type")
        if not is_blank(value):
            dep.type = normalise_dependency_type(value, where)
        where, value = cell("lag")
        if not is_blank(value):
            dep.lag = parse_duration(value, where, strategy.days_per_week, allow_negative=True)
        result.append((_ref("Dependencies", r, 1), dep))
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


def _header(sheet: Worksheet, names: tuple[str, ...], computed: tuple[str, ...] = ()) -> None:
    sheet.append([*names, *computed])
    for i, cell in enumerate(sheet[1]):
        cell.font = _HEADER_FONT
        cell.fill = _COMPUTED_FILL if i >= len(names) else _HEADER_FILL
    sheet.freeze_panes = "A2"
    for i, name in enumerate((*names, *computed), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(
            name, max(len(name), 8) + 2
        )


def _cells(values: list[object]) -> list[object]:
    # A worksheet cannot hold control characters (openpyxl refuses them); they carry nothing.
    return [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values]


def _as_text(sheet: Worksheet) -> None:
    # openpyxl takes any text that begins with "=" for a formula; user text is never one.
    for row_cells in sheet.iter_rows():
        for cell in row_cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"


def workbook(strategy: Strategy, schedule: Any) -> Workbook:
    """The three-sheet workbook (computed schedule columns on grey headers)."""
    book = Workbook()
    book.properties.creator = "cxroadmap"
    book.properties.title = strategy.name
    sheet = book.active
    assert sheet is not None
    sheet.title = "Strategy"
    _header(sheet, ("field", "value"))
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 60
    rows: list[list[object]] = [
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
        [
            "phases",
            *(p.name if p.weeks is None else f"{p.name}: {p.weeks}w" for p in strategy.phases),
        ],
    ]
    for row in rows:
        sheet.append(_cells(row))
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells[1:]:
            if isinstance(cell.value, dt.date):
                cell.number_format = _DATE_FORMAT
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _as_text(sheet)

    sheet = book.create_sheet("Initiatives")
    _header(sheet, INITIATIVE_COLUMNS, COMPUTED_COLUMNS)
    for ini in strategy.initiatives.values():
        sheet.append(_cells(export_values(schedule, ini, None)))
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, dt.date):
                cell.number_format = _DATE_FORMAT
    sheet.auto_filter.ref = sheet.dimensions
    _as_text(sheet)

    sheet = book.create_sheet("Dependencies")
    _header(sheet, DEPENDENCY_COLUMNS)
    for dep in strategy.dependencies:
        sheet.append(_cells([dep.from_key, dep.to_key, dep.type, dep.lag]))
    _as_text(sheet)
    return book


def write_xlsx(strategy: Strategy, schedule: Any, path: str | os.PathLike[str]) -> None:
    """Write the workbook atomically (built in memory, then one rename)."""
    buffer = io.BytesIO()
    workbook(strategy, schedule).save(buffer)
    write_bytes_atomically(path, buffer.getvalue())

"""XLSX import and export: the whole strategy on named sheets, read back without loss."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from cxroadmap.common.atomic import write_bytes_atomically
from cxroadmap.domain.durations import parse_duration
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_text
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.validation import (
    normalise_dependency_type,
    validate_strategy,
)
from cxroadmap.interop.column_map import SYNONYMS
from cxroadmap.interop.strategy_sheet import read_strategy_sheet, write_strategy_sheet
from cxroadmap.interop.tabular import (
    COLUMNS,
    COMPUTED_COLUMNS,
    HEADER_ALIASES,
    LIST_COLUMNS,
    REQUIRED_COLUMNS,
    Row,
    initiatives_from_rows,
    is_blank,
    resolve_start,
)
from cxroadmap.interop.xlsx_budget import write_budget_sheet
from cxroadmap.interop.xlsx_cells import cells, finish, header, read_table
from cxroadmap.interop.xlsx_cx import (
    read_measures,
    read_opportunities,
    read_readings,
    read_touchpoints,
    write_cx_sheets,
)
from cxroadmap.interop.xlsx_people import initiative_rows, phase_sheets, printable

DEPENDENCY_COLUMNS = ("from", "to", "type", "lag")
# Links live on their own sheet in XLSX; the Initiatives sheet may still carry depends_on.
# Computed columns under any of their names (ours, or the headers people read): skipped.
COMPUTED_HEADERS = tuple(w for w, n in SYNONYMS.items() if n in COMPUTED_COLUMNS)
INITIATIVE_COLUMNS = (*(c for c in COLUMNS if c != "depends_on"), *LIST_COLUMNS)


def read_xlsx(
    path: str | os.PathLike[str],
    start: dt.date | None = None,
    mapping: Sequence[str | None] | None = None,
) -> Strategy:
    """Read an XLSX workbook into a validated Strategy; errors name the sheet and cell.
    `mapping`: the field per Initiatives column the user chose, instead of detection."""
    data = Path(path).read_bytes()
    try:
        # read_only streams the sheets: several times faster on a large workbook.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ValidationError("", f"not a readable XLSX workbook ({exc})") from None
    try:
        return _strategy_from_book(book, Path(path).stem, start, mapping)
    finally:
        book.close()


def _strategy_from_book(
    book: Workbook, stem: str, start: dt.date | None, mapping: Sequence[str | None] | None = None
) -> Strategy:
    sheets = {}
    for sheet in book.worksheets:
        # Some writers store a wrong used range, which a read-only sheet would trust.
        sheet.reset_dimensions()
        sheets[sheet.title.strip().lower()] = sheet
    if "initiatives" not in sheets:
        raise ValidationError("Initiatives", "the workbook has no sheet named Initiatives")
    if "strategy" in sheets:
        strategy, has_start = read_strategy_sheet(sheets["strategy"])
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
            REQUIRED_COLUMNS, COMPUTED_HEADERS, HEADER_ALIASES, mapping,
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
    if "readings" in sheets:
        read_readings(sheets["readings"], strategy)
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
    write_strategy_sheet(sheet, strategy)

    sheet = book.create_sheet("Initiatives")
    # Headers and values as people read them (xlsx_people.py); the importer reads them back.
    initiative_rows(
        sheet, strategy, schedule, INITIATIVE_COLUMNS, list(strategy.initiatives.values())
    )

    sheet = book.create_sheet("Dependencies")
    header(sheet, DEPENDENCY_COLUMNS)
    for dep in strategy.dependencies:
        sheet.append(cells([dep.from_key, dep.to_key, dep.type, dep.lag]))
    finish(sheet)
    write_cx_sheets(book, strategy)
    write_budget_sheet(book, strategy, schedule)
    phase_sheets(book, strategy, schedule, INITIATIVE_COLUMNS)
    printable(book, strategy.name)
    return book


def write_xlsx(strategy: Strategy, schedule: Any, path: str | os.PathLike[str]) -> None:
    """Write the workbook atomically (built in memory, then one rename)."""
    buffer = io.BytesIO()
    workbook(strategy, schedule).save(buffer)
    write_bytes_atomically(path, buffer.getvalue())

"""The customer-experience sheets of the XLSX form: Touchpoints, Opportunities, Measures and
the measures' Readings."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from cxroadmap.domain.cx_validation import coerce_measure_value, coerce_touchpoint_value
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.readings import check_readings, coerce_reading
from cxroadmap.domain.registry import MEASURE, TOUCHPOINT
from cxroadmap.domain.touchpoints import NOTE_FIELDS, Opportunity, Touchpoint
from cxroadmap.interop.tabular import is_blank, join_keys, split_keys
from cxroadmap.interop.xlsx_cells import SheetRow, cells, finish, header, read_table

# The registry's order; opportunities have a sheet of their own.
TOUCHPOINT_COLUMNS = tuple(name for name in TOUCHPOINT if name != "opportunities")
OPPORTUNITY_COLUMNS = ("touchpoint", "text", "initiative")
MEASURE_COLUMNS = tuple(MEASURE)
READING_COLUMNS = ("measure", "date", "value")


def _text_cell(value: object) -> object:
    # A number typed into a text column (a key like 12) arrives as a number.
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def _lines(value: object) -> list[str]:
    """Notes: one per line in the cell (a `;` is ordinary punctuation here)."""
    if is_blank(value):
        return []
    return [line for line in str(value).split("\n") if line.strip()]


def _required(row: SheetRow) -> None:
    for name in ("key", "name"):
        if is_blank(row.values.get(name)):
            raise ValidationError(row.where(name), "must not be empty")


def read_touchpoints(sheet: Worksheet) -> list[Touchpoint]:
    found: list[Touchpoint] = []
    for row in read_table(sheet, "Touchpoints", TOUCHPOINT_COLUMNS, ("key", "name")):
        _required(row)
        values: dict[str, Any] = {}
        for name in TOUCHPOINT_COLUMNS:
            raw = row.values.get(name)
            if name in NOTE_FIELDS:
                value: object = _lines(raw)
            elif is_blank(raw) and name not in ("key", "name"):
                continue
            else:
                value = _text_cell(raw) if name != "gap" else raw
            values[name] = coerce_touchpoint_value(name, value, row.where(name))
        if any(tp.key == values["key"] for tp in found):
            raise ValidationError(row.where("key"), f"duplicate touchpoint key {values['key']!r}")
        found.append(Touchpoint(**values))
    return found


def read_opportunities(sheet: Worksheet, strategy: Strategy) -> None:
    """Add each row's opportunity to its touchpoint, in row order."""
    by_key = {tp.key: tp for tp in strategy.touchpoints}
    for row in read_table(sheet, "Opportunities", OPPORTUNITY_COLUMNS, ("touchpoint", "text")):
        touchpoint = _key(row, "touchpoint", by_key, "touchpoint")
        text = row.values.get("text")
        if is_blank(text):
            raise ValidationError(row.where("text"), "must not be empty")
        link = None
        if not is_blank(row.values.get("initiative")):
            link = _key(row, "initiative", strategy.initiatives, "initiative")
        by_key[touchpoint].opportunities.append(Opportunity(str(_text_cell(text)), link))


def _key(row: SheetRow, column: str, known: Any, what: str) -> str:
    key = str(_text_cell(row.values.get(column))).strip()
    if key not in known:
        raise ValidationError(row.where(column), f"no {what} with key {key!r}")
    return key


def read_measures(sheet: Worksheet, strategy: Strategy) -> list[Measure]:
    found: list[Measure] = []
    for row in read_table(sheet, "Measures", MEASURE_COLUMNS, ("key", "name")):
        _required(row)
        values: dict[str, Any] = {}
        for name in MEASURE_COLUMNS:
            raw = row.values.get(name)
            if name == "initiatives":
                keys = split_keys(_text_cell(raw))
                for key in keys:
                    if key not in strategy.initiatives:
                        raise ValidationError(row.where(name), f"no initiative with key {key!r}")
                raw = keys
            elif name in ("key", "name", "unit"):
                raw = "" if raw is None and name == "unit" else _text_cell(raw)
            values[name] = coerce_measure_value(name, raw, row.where(name))
        if any(m.key == values["key"] for m in found):
            raise ValidationError(row.where("key"), f"duplicate measure key {values['key']!r}")
        found.append(Measure(**values))
    return found


def read_readings(sheet: Worksheet, strategy: Strategy) -> None:
    """Give each measure the readings of its rows (in any order; sorted by date)."""
    by_key = {m.key: m for m in strategy.measures}
    found: dict[str, list[Any]] = {}
    for row in read_table(sheet, "Readings", READING_COLUMNS, READING_COLUMNS):
        key = _key(row, "measure", by_key, "measure")
        reading = coerce_reading(
            row.values.get("date"), row.values.get("value"), row.where("date"), row.where("value")
        )
        found.setdefault(key, []).append(reading)
    for key, readings in found.items():
        readings.sort(key=lambda r: r.date)
        by_key[key].readings = check_readings(readings, f"Readings (measure {key})")


def write_cx_sheets(book: Workbook, strategy: Strategy) -> None:
    sheet = book.create_sheet("Touchpoints")
    header(sheet, TOUCHPOINT_COLUMNS)
    for tp in strategy.touchpoints:
        notes = ["\n".join(getattr(tp, name)) for name in NOTE_FIELDS]
        row = [tp.key, tp.name, tp.stage, tp.channel, tp.now, tp.should, tp.gap]
        sheet.append(cells([*row, *notes]))
    _wrap(sheet)

    sheet = book.create_sheet("Opportunities")
    header(sheet, OPPORTUNITY_COLUMNS)
    for tp in strategy.touchpoints:
        for opp in tp.opportunities:
            sheet.append(cells([tp.key, opp.text, opp.initiative_key]))
    _wrap(sheet)

    sheet = book.create_sheet("Measures")
    header(sheet, MEASURE_COLUMNS)
    for m in strategy.measures:
        row = [m.key, m.name, m.unit, m.baseline, m.target, m.target_date]
        sheet.append(cells([*row, join_keys(m.initiatives)]))
    _wrap(sheet)

    if any(m.readings for m in strategy.measures):
        sheet = book.create_sheet("Readings")
        header(sheet, READING_COLUMNS)
        for m in strategy.measures:
            for r in m.readings:
                sheet.append(cells([m.key, r.date, r.value]))
        finish(sheet)


def _wrap(sheet: Worksheet) -> None:
    finish(sheet)
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")

"""Worksheet helpers shared by the XLSX sheets: cell names, cell values, tables and header style."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.limits import MAX_TABULAR_COLUMNS, MAX_TABULAR_ROWS
from cxroadmap.interop.tabular import header_key, is_blank

DATE_FORMAT = "yyyy-mm-dd"
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="305496")
_COMPUTED_FILL = PatternFill("solid", fgColor="808080")
_WIDTHS = {
    "key": 10,
    "title": 44,
    "name": 30,
    "pillar": 18,
    "description": 60,
    "text": 60,
    "now": 40,
    "should": 40,
    "owner": 24,
    "not_before": 12,
    "start": 12,
    "finish": 12,
    "phase": 14,
    "scheduled_phase": 16,
    "status": 12,
}


def ref(sheet: str, row: int, column: int, name: str = "") -> str:
    """`Initiatives!D7 (duration)`: how messages name a cell."""
    cell = f"{sheet}!{get_column_letter(column)}{row}"
    return f"{cell} ({name})" if name else cell


def cell_value(cell: object) -> object:
    """A cell value with spreadsheet artefacts removed: whole floats and midnight datetimes."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell


@dataclass
class SheetRow:
    """One data row of a table sheet: values by column name, and cell names for messages."""

    sheet: str
    number: int
    values: dict[str, object]
    columns: dict[str, int]

    def where(self, name: str = "") -> str:
        if not name:
            return ref(self.sheet, self.number, 1)
        return ref(self.sheet, self.number, self.columns.get(name, 1), name)


def read_table(
    sheet: Worksheet,
    title: str,
    allowed: Sequence[str],
    required: Sequence[str],
    ignored: Sequence[str] = (),
    aliases: Mapping[str, str] | None = None,
    mapping: Sequence[str | None] | None = None,
) -> list[SheetRow]:
    """Rows under a header row; an unknown, doubled or missing column is named.

    `aliases` maps other header texts (as tabular.header_key gives them) to columns;
    `mapping` (the column per position the user chose; "" or None skips one) replaces them.
    """
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows, ()))
    columns: dict[str, int] = {}
    for i, raw in enumerate(header, start=1):
        name = "" if raw is None else str(raw).strip().lower()
        if mapping is not None:
            name = (mapping[i - 1] if i - 1 < len(mapping) else None) or ""
        if name == "" or name in ignored:
            continue
        if aliases is not None and name not in allowed:
            name = aliases.get(header_key(raw), name)
        if name not in allowed:
            raise ValidationError(
                ref(title, 1, i), f"unknown column {raw!r}; the columns are {', '.join(allowed)}"
            )
        if name in columns:
            raise ValidationError(ref(title, 1, i), f"column {name!r} appears twice")
        columns[name] = i
    for name in required:
        if name not in columns:
            raise ValidationError(f"{title}!1", f"required column {name!r} is missing")
    by_index = {i: name for name, i in columns.items()}
    result: list[SheetRow] = []
    if len(header) > MAX_TABULAR_COLUMNS:
        raise ValidationError(
            f"{title}!1", f"{len(header):,} columns; at most {MAX_TABULAR_COLUMNS} are read"
        )
    for number, row in enumerate(rows, start=2):
        cells = [cell_value(c) for c in row[:MAX_TABULAR_COLUMNS]]
        if all(is_blank(c) for c in cells):
            continue
        if len(result) >= MAX_TABULAR_ROWS:
            # Rows are streamed; stopping here bounds memory whatever the sheet claims.
            raise ValidationError(
                f"{title}!{number}", f"more than {MAX_TABULAR_ROWS:,} rows; split the sheet"
            )
        values: dict[str, object] = {}
        for i, value in enumerate(cells, start=1):
            column = by_index.get(i)
            if column is not None:
                values[column] = value
            elif not is_blank(value) and (i > len(header) or is_blank(header[i - 1])):
                raise ValidationError(ref(title, number, i), "a value with no header")
        result.append(SheetRow(title, number, values, columns))
    return result


def header(
    sheet: Worksheet,
    names: Sequence[str],
    computed: Sequence[str] = (),
    fields: Sequence[str] = (),
) -> None:
    """A bold, coloured, frozen header row (computed columns grey) and sensible widths
    (by `fields`, the column names, when the header shows other words)."""
    sheet.append([*names, *computed])
    for i, cell in enumerate(sheet[1]):
        cell.font = _HEADER_FONT
        cell.fill = _COMPUTED_FILL if i >= len(names) else _HEADER_FILL
    sheet.freeze_panes = "A2"
    shown = (*names, *computed)
    for i, name in enumerate(shown, start=1):
        field = fields[i - 1] if i <= len(fields) else name
        width = _WIDTHS.get(field, max(len(name), 8) + 2)
        sheet.column_dimensions[get_column_letter(i)].width = width


def cells(values: Sequence[object]) -> list[object]:
    # A worksheet cannot hold control characters (openpyxl refuses them); they carry nothing.
    return [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values]


def finish(sheet: Worksheet) -> None:
    """Dates shown as dates, and text that starts with "=" kept as text, not a formula."""
    for row_cells in sheet.iter_rows():
        for cell in row_cells:
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"

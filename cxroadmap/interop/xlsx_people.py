"""XLSX for people: readable headers and values, printable sheets, a sheet per phase.

Still re-importable without loss: the importer knows the headers people read (column_map)
and the labels (status labels, pillar names, durations in weeks).
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cxroadmap.domain.durations import format_duration
from cxroadmap.domain.labels import STATUS_LABELS
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.domain.pillars import find_pillar
from cxroadmap.interop.column_map import COMPUTED_COLUMNS, HUMAN_HEADERS
from cxroadmap.interop.tabular import export_values
from cxroadmap.interop.xlsx_cells import cells, finish, header

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


def human_value(name: str, value: object, strategy: Strategy) -> object:
    """A cell as people read it: status labels, pillar names, durations in the strategy's
    units (`3w` for 15 working days in a five-day week), the rest as it is."""
    if name == "status" and isinstance(value, str):
        return STATUS_LABELS.get(value, value)
    if name == "pillar" and isinstance(value, str) and value:
        known = find_pillar(value)
        return known.label if known is not None and known.key == value else value
    if name == "duration" and isinstance(value, int):
        return format_duration(value, strategy.days_per_week)
    if name == "critical" and isinstance(value, bool):
        return "yes" if value else ""
    return value


def initiative_rows(
    sheet: Worksheet,
    strategy: Strategy,
    schedule: Any,
    names: tuple[str, ...],
    initiatives: list[Initiative],
) -> None:
    """The header people read, then one row per initiative, values as people read them."""
    columns = (*names, *COMPUTED_COLUMNS)
    header(
        sheet,
        [HUMAN_HEADERS.get(n, n) for n in names],
        [HUMAN_HEADERS[n] for n in COMPUTED_COLUMNS],
        columns,
    )
    for ini in initiatives:
        values = export_values(schedule, ini, None, lists=True)
        sheet.append(
            cells([human_value(n, v, strategy) for n, v in zip(columns, values, strict=True)])
        )
    finish(sheet)


def phase_sheets(book: Workbook, strategy: Strategy, schedule: Any, names: tuple[str, ...]) -> None:
    """A readable sheet per phase with its initiatives in start order (import skips these)."""
    for phase in strategy.phase_names():
        members = [
            strategy.initiatives[k]
            for k, item in sorted(schedule.items.items(), key=lambda kv: kv[1].start_day)
            if item.phase == phase
        ]
        if not members:
            continue
        title = _BAD_TITLE.sub("-", f"Phase - {phase}")[:31]
        if title in book.sheetnames:
            continue
        initiative_rows(book.create_sheet(title), strategy, schedule, names, members)


def printable(book: Workbook, title: str) -> None:
    """Every sheet: landscape, fit to the page width, header row repeated, a filter."""
    book.properties.title = title
    for sheet in book.worksheets:
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_title_rows = "1:1"
        if sheet.max_row >= 1 and sheet.max_column >= 1:
            sheet.auto_filter.ref = sheet.dimensions
        sheet.oddHeader.center.text = f"{title} – &A"
        sheet.oddFooter.right.text = "Page &P of &N"

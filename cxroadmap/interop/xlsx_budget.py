"""The XLSX Budget sheet: totals by phase, calendar year, pillar and owner (written, not read:
the totals follow from the costs and budgets on the other sheets)."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import pillar_label
from cxroadmap.interop.xlsx_cells import cells, header
from cxroadmap.scheduling.budget import BudgetLine, budget_summary

OVER_FONT = Font(bold=True, color="C62828")
_MONEY_FORMAT = "#,##0"


def write_budget_sheet(book: Workbook, strategy: Strategy, schedule: Any) -> None:
    """A Budget sheet, when the strategy has a cost or a budget."""
    summary = budget_summary(strategy, schedule)
    if not summary.has_budget:
        return
    sheet = book.create_sheet("Budget")
    header(sheet, ("group", "name", "budget", "planned", "left", "over", "share", "initiatives"))
    sheet.append(cells(["total", summary.currency, summary.budget_total, summary.total]))
    groups: list[tuple[str, list[BudgetLine]]] = [
        ("phase", summary.by_phase),
        ("year", summary.by_year),
        ("pillar", summary.by_pillar),
        ("owner", summary.by_owner),
    ]
    for group, lines in groups:
        for line in lines:
            name = pillar_label(line.name) if group == "pillar" else line.name
            share = line.planned / summary.total if summary.total else None
            sheet.append(
                cells(
                    [
                        group,
                        name,
                        line.budget,
                        line.planned,
                        line.left,
                        line.over,
                        share,
                        line.count,
                    ]
                )
            )
            if line.over:
                for cell in sheet[sheet.max_row]:
                    cell.font = OVER_FONT
    for row in sheet.iter_rows(min_row=2):
        for cell in row[2:5]:
            cell.number_format = _MONEY_FORMAT
        row[6].number_format = "0%"
    sheet.column_dimensions["B"].width = 30

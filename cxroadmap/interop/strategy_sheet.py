"""The XLSX Strategy sheet: one row per strategy field of the registry, then phases and their
budgets. A list field spreads over the cells of its row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.fields import DATES, LIST_KINDS, YEAR_AMOUNTS, Field, coerce
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.registry import STRATEGY
from cxroadmap.interop.tabular import (
    amount_items,
    is_blank,
    parse_amount_item,
    parse_phase,
    phase_text,
)
from cxroadmap.interop.xlsx_cells import cell_value, cells, finish, header, ref

PHASES_ROW = "phases"
PHASE_BUDGETS_ROW = "phase_budgets"
ROWS = (*STRATEGY, PHASES_ROW, PHASE_BUDGETS_ROW)


def _cells_of(f: Field, value: Any) -> list[object]:
    if f.kind == YEAR_AMOUNTS:
        return list(amount_items(list(value.items())))
    if f.kind in LIST_KINDS:
        return list(value)
    return [value]


def write_strategy_sheet(sheet: Worksheet, strategy: Strategy) -> None:
    sheet.title = "Strategy"
    header(sheet, ("field", "value"))
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 60
    for f in STRATEGY.values():
        sheet.append(cells([f.name, *_cells_of(f, getattr(strategy, f.name))]))
    sheet.append(cells([PHASES_ROW, *(phase_text(p) for p in strategy.phases)]))
    budgets = [(p.name, p.budget) for p in strategy.phases if p.budget is not None]
    sheet.append(cells([PHASE_BUDGETS_ROW, *amount_items(budgets)]))  # type: ignore[arg-type]
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells[1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    finish(sheet)


def read_strategy_sheet(sheet: Worksheet) -> tuple[Strategy, bool]:
    """The strategy the sheet describes, and whether it gave a start date."""
    found: dict[str, tuple[int, list[object]]] = {}
    for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        values = [cell_value(c) for c in row]
        if not values or is_blank(values[0]):
            continue
        field = str(values[0]).strip().lower()
        if r == 1 and field == "field":
            continue
        if field not in ROWS:
            raise ValidationError(ref("Strategy", r, 1), f"unknown field {values[0]!r}")
        if field in found:
            raise ValidationError(ref("Strategy", r, 1), f"field {field!r} appears twice")
        values = values[1:]
        while values and is_blank(values[-1]):
            values.pop()
        many = field in (PHASES_ROW, PHASE_BUDGETS_ROW) or (
            field in STRATEGY and STRATEGY[field].kind in (*LIST_KINDS, YEAR_AMOUNTS)
        )
        if len(values) > 1 and not many:
            raise ValidationError(ref("Strategy", r, 3, field), "only one value is allowed")
        found[field] = (r, values)
    if "name" not in found:
        raise ValidationError("Strategy", "the row 'name' is missing")
    strategy = Strategy(name="", start=dt.date.min)
    budgets: list[tuple[str, float]] = []
    for field, (r, values) in found.items():
        items = [(ref("Strategy", r, c, field), v) for c, v in enumerate(values, start=2)]
        items = [(w, v) for w, v in items if not is_blank(v)]
        if field == PHASES_ROW:
            if items:
                strategy.phases = [parse_phase(v, w) for w, v in items]
        elif field == PHASE_BUDGETS_ROW:
            budgets = [parse_amount_item(v, w) for w, v in items]
        else:
            _set(strategy, STRATEGY[field], items, ref("Strategy", r, 2, field))
    names = strategy.phase_names()
    for i, (name, amount) in enumerate(budgets):
        if name not in names:
            raise ValidationError(
                ref("Strategy", found[PHASE_BUDGETS_ROW][0], i + 2, PHASE_BUDGETS_ROW),
                f"no phase named {name!r}",
            )
        strategy.phases[names.index(name)].budget = amount
    return strategy, "start" in found


def _set(strategy: Strategy, f: Field, items: list[tuple[str, object]], where: str) -> None:
    """One registry field from its row's non-blank cells."""
    if f.kind == YEAR_AMOUNTS:
        pairs = [parse_amount_item(v, w) for w, v in items]
        value: object = coerce(f, dict(pairs), where)
    elif f.kind in LIST_KINDS:
        if not items and f.kind not in (DATES,) and f.name == "working_days":
            return  # an empty row keeps the default week
        for w, v in items:
            try:
                coerce(f, [v], w)
            except ValidationError as exc:  # name the cell at fault, not a list position
                raise ValidationError(w, exc.problem) from None
        value = coerce(f, [v for _, v in items], where)
    elif not items:
        if f.required:
            raise ValidationError(where, "must not be empty")
        return
    else:
        raw = items[0][1]
        value = coerce(f, str(raw) if isinstance(raw, int) and f.kind == "text" else raw, where)
    setattr(strategy, f.name, value)

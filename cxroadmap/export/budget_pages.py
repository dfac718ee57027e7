"""The PDF's budget page: planned cost against budget by phase and year, and by pillar and owner."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, LongTable, PageBreak, Paragraph, Spacer

from cxroadmap.common import style
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.money import format_amount
from cxroadmap.domain.pillars import pillar_colour, pillar_label
from cxroadmap.export.cells import TextCell
from cxroadmap.export.fonts import clean, font_set, markup, text_width
from cxroadmap.export.tables import PAD, Section, table_style
from cxroadmap.scheduling.budget import BudgetLine, BudgetSummary, budget_summary
from cxroadmap.scheduling.result import Schedule


def _amount_width(summary: BudgetSummary, size: float) -> float:
    lines = (*summary.by_phase, *summary.by_year)
    widest = max([summary.total, *(max(line.budget or 0, line.planned) for line in lines)])
    header = text_width("Planned", size, bold=True)
    return max(text_width(format_amount(widest), size), header) + 2 * PAD + 4


def _budget_table(
    title: str, lines: list[BudgetLine], width: float, size: float, accent: str, money_w: float
) -> LongTable:
    """Name, budget, planned, left and a flag; a line over its budget in red."""
    fs = font_set()
    rows: list[list[Any]] = [[title, "Budget", "Planned", "Left", ""]]
    commands = table_style(accent, size)
    for number, line in enumerate(lines, start=1):
        left = line.left
        flag = f"over by {format_amount(-left)}" if line.over and left is not None else ""
        rows.append(
            [
                TextCell(clean(line.name), size, max_lines=2),
                format_amount(line.budget) if line.budget is not None else "–",
                format_amount(line.planned),
                "" if left is None else format_amount(left),
                flag,
            ]
        )
        if line.over:
            commands += [
                ("TEXTCOLOR", (1, number), (-1, number), HexColor(style.CRITICAL)),
                ("FONT", (4, number), (4, number), fs.bold, size),
                ("LINEBEFORE", (0, number), (0, number), 2, HexColor(style.CRITICAL)),
            ]
    commands.append(("ALIGN", (1, 0), (3, -1), "RIGHT"))
    widest = max([line.planned for line in lines] + [0.0])
    flag_w = text_width("over by " + format_amount(widest), size, bold=True) + 2 * PAD
    name_w = max(width - 3 * money_w - flag_w, 80.0)
    return LongTable(
        rows,
        colWidths=[name_w, money_w, money_w, money_w, flag_w],
        repeatRows=1,
        style=commands,
        hAlign="LEFT",
    )


def _share_table(
    title: str,
    lines: list[BudgetLine],
    total: float,
    width: float,
    size: float,
    accent: str,
    money_w: float,
    pillars: bool = False,
) -> LongTable:
    rows: list[list[Any]] = [[title, "Planned", "Share", "Initiatives"]]
    for line in lines:
        name = pillar_label(line.name) if pillars else line.name
        swatch = pillar_colour(line.name) if pillars else None
        rows.append(
            [
                TextCell(clean(name), size, max_lines=2, swatch=swatch),
                format_amount(line.planned),
                f"{100 * line.planned / total:.0f}%" if total else "",
                str(line.count),
            ]
        )
    commands = table_style(accent, size)
    commands.append(("ALIGN", (1, 0), (-1, -1), "RIGHT"))
    small_w = text_width("Initiatives", size, bold=True) + 2 * PAD + 2
    name_w = max(width - money_w - 2 * small_w, 60.0)
    return LongTable(
        rows,
        colWidths=[name_w, money_w, small_w, small_w],
        repeatRows=1,
        style=commands,
        hAlign="LEFT",
    )


def budget_pages(
    strategy: Strategy,
    schedule: Schedule,
    width: float,
    styles: dict[str, ParagraphStyle],
    accent: str,
) -> list[Flowable]:
    """The budget page, when the strategy has a cost or a budget (else nothing)."""
    summary = budget_summary(strategy, schedule)
    if not summary.has_budget:
        return []
    size = style.TABLE_SIZE if width >= 600 else style.TABLE_SIZE - 1
    money_w = _amount_width(summary, size)
    currency = summary.currency
    out: list[Flowable] = [PageBreak(), Section("Budget")]
    out.append(Paragraph("Budget", styles["h1"]))
    total = summary.budget_total
    facts = [f"Planned {format_amount(summary.total, currency)}"]
    if total is not None:
        facts.append(f"budget {format_amount(total, currency)}")
    facts.append(f"{summary.costed} initiatives costed")
    if summary.uncosted:
        facts.append(f"{summary.uncosted} without a cost yet")
    out.append(Paragraph(markup(" · ".join(facts), limit=400), styles["body"]))
    over = summary.over
    if over:
        names = ", ".join(line.name for line in over)
        warning = f"Over budget: {names}."
        out.append(
            Paragraph(
                f'<font color="{style.CRITICAL}"><b>{markup(warning, limit=400)}</b></font>',
                styles["body"],
            )
        )
    note = "A cost counts in the phase where the initiative starts and is spread over the "
    note += "calendar years by its working days; dropped initiatives are not counted."
    if currency:
        note += f" Amounts in {currency}."
    out += [Paragraph(note, styles["small"]), Spacer(1, 8)]
    half = (width - 18) / 2
    for heading, table in (
        ("By phase", _budget_table("Phase", summary.by_phase, width, size, accent, money_w)),
        (
            "By calendar year",
            _budget_table("Year", summary.by_year, width, size, accent, money_w),
        ),
    ):
        out.append(KeepTogether([Paragraph(heading, styles["h2"]), table, Spacer(1, 8)]))
    side = [
        (
            "By pillar",
            _share_table(
                "Pillar", summary.by_pillar, summary.total, half, size, accent, money_w, True
            ),
        ),
        (
            "By owner",
            _share_table("Owner", summary.by_owner, summary.total, half, size, accent, money_w),
        ),
    ]
    pair = LongTable(
        [[[Paragraph(h, styles["h2"]), t] for h, t in side]],
        colWidths=[half + 9, half + 9],
        style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        hAlign="LEFT",
    )
    out.append(pair)
    return out

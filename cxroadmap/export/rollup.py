"""The roll-up page of a parent strategy: a swimlane per strategy below it, and alignment table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, LongTable, PageBreak, Paragraph, Spacer

from cxroadmap.common import style
from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.labels import level_label
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import pillar_colour
from cxroadmap.export.cells import TextCell
from cxroadmap.export.cx_pages import header_cell
from cxroadmap.export.dateaxis import Axis, build_axis
from cxroadmap.export.fonts import clean, fit_text, font_set, text_width, wrap_text
from cxroadmap.export.pdftext import draw_text
from cxroadmap.export.tables import Section, table_style
from cxroadmap.export.textformat import short_date
from cxroadmap.scheduling.cascade import Lane, alignment_flags, rollup, strategy_label
from cxroadmap.scheduling.result import Schedule

HEADING_H = 26.0
AXIS_H = 14.0
LEGEND_H = 14.0
LABEL_W = 128.0
MAX_LABEL = 150.0


@dataclass
class Bar:
    lane: int
    key: str
    title: str
    colour: str
    start: dt.date
    finish: dt.date
    late: bool
    supports: list[str] = field(default_factory=list)
    row: int = 0
    x0: float = 0.0
    x1: float = 0.0
    side: str = "right"  # where the title goes: right, inside or left of the bar
    mid: float = 0.0


@dataclass
class RollupChart:
    """Lanes, bars and where the support links go; drawn on one page, rows shrinking to fit."""

    title: str
    lanes: list[Lane]
    bars: list[list[Bar]]
    axis: Axis
    width: float
    height: float
    rows: list[int] = field(default_factory=list)
    row_h: float = 14.0
    size: float = 7.0

    @property
    def chart_w(self) -> float:
        return self.width - LABEL_W

    def x(self, day: dt.date) -> float:
        return LABEL_W + self.axis.x(day, self.chart_w)

    def layout(self) -> None:
        room = self.height - HEADING_H - AXIS_H - LEGEND_H - 4 * len(self.lanes)
        for size in (7.0, 6.0, 0.0):
            self.size = size
            self.rows = [self._pack(bars) for bars in self.bars]
            lane_rows = [max(r, 2) for r in self.rows]
            self.row_h = min(14.0, room / max(1, sum(lane_rows)))
            if size == 0.0 or self.row_h >= size * 1.6:
                break
        used = sum(max(r, 2) for r in self.rows) * self.row_h + 4 * len(self.lanes)
        # Only as tall as the lanes need, so the alignment table can follow on the same page.
        self.height = min(self.height, HEADING_H + AXIS_H + LEGEND_H + used + 8)

    def _pack(self, bars: list[Bar]) -> int:
        ends: list[float] = []
        for bar in sorted(bars, key=lambda b: (b.start, b.finish)):
            bar.x0 = self.x(bar.start)
            bar.x1 = max(self.x(bar.finish + dt.timedelta(days=1)), bar.x0 + 2)
            label = min(text_width(self._text(bar), self.size), MAX_LABEL) + 6 if self.size else 2
            lo, hi = bar.x0, bar.x1 + label
            bar.side = "right"
            if hi > self.width:
                # No room on the right: inside a long enough bar, else before it.
                bar.side = "inside" if bar.x1 - bar.x0 > label + 2 else "left"
                lo, hi = (bar.x0, bar.x1) if bar.side == "inside" else (bar.x0 - label, bar.x1)
            for row, last in enumerate(ends):
                if last <= lo - 2:
                    bar.row, ends[row] = row, hi
                    break
            else:
                bar.row = len(ends)
                ends.append(hi)
        return len(ends)

    @staticmethod
    def _text(bar: Bar) -> str:
        return ("⚑ " if bar.late else "") + bar.title

    def draw(self, canvas: Canvas) -> None:
        canvas.saveState()
        canvas.setFillColor(HexColor(style.INK))
        draw_text(canvas, 0, self.height - 14, fit_text(self.title, self.width, 13, True), 13, True)
        top = self.height - HEADING_H
        bottom = top - AXIS_H - sum(max(r, 2) * self.row_h + 4 for r in self.rows)
        self._axis(canvas, top, bottom)
        y = top - AXIS_H
        for index, lane in enumerate(self.lanes):
            lane_h = max(self.rows[index], 2) * self.row_h
            self._lane(canvas, index, lane, y, lane_h)
            y -= lane_h + 4
        self._links(canvas)  # behind the bars and their titles
        for index in range(len(self.lanes)):
            self._bars(canvas, index)
        self._legend(canvas)
        canvas.restoreState()

    def _axis(self, canvas: Canvas, top: float, bottom: float) -> None:
        cells = self.axis.lower or self.axis.upper
        canvas.setFont(font_set().regular, 6.5)
        for cell in cells:
            x0, x1 = self.x(cell.start), self.x(cell.end)
            label = next((t for t in cell.labels if text_width(t, 6.5) <= x1 - x0 - 3), "")
            canvas.setFillColor(HexColor(style.MUTED))
            draw_text(canvas, (x0 + x1) / 2, top - 10, label, 6.5, anchor="middle")
            canvas.setStrokeColor(HexColor(style.GRID))
            canvas.setLineWidth(0.4)
            canvas.line(x0, top - AXIS_H, x0, bottom)
        canvas.setStrokeColor(HexColor(style.INK))
        canvas.setLineWidth(0.7)
        canvas.line(0, top - AXIS_H, self.width, top - AXIS_H)

    def _lane(
        self,
        canvas: Canvas,
        index: int,
        lane: Lane,
        top: float,
        lane_h: float,
    ) -> None:
        canvas.setFillColor(HexColor(style.LANE_TINT if index % 2 == 0 else style.PAPER))
        canvas.rect(0, top - lane_h, self.width, lane_h, stroke=0, fill=1)
        indent = 8.0 * lane.depth
        canvas.setFillColor(HexColor(style.INK))
        name = wrap_text(clean(lane.strategy.name), LABEL_W - indent - 8, 7.5, True, 2)
        for n, line in enumerate(name):
            draw_text(canvas, indent + 2, top - 9 - n * 9, line, 7.5, bold=True)
        canvas.setFillColor(HexColor(style.MUTED))
        kind = f"{level_label(lane.strategy.level)} · {len(lane.items)} initiatives"
        draw_text(canvas, indent + 2, top - 9 - len(name) * 9, fit_text(kind, LABEL_W, 6), 6)
        for bar in self.bars[index]:
            bar.mid = top - (bar.row + 0.5) * self.row_h

    def _bars(self, canvas: Canvas, index: int) -> None:
        bar_h = self.row_h * 0.68
        for bar in self.bars[index]:
            mid = bar.mid
            canvas.setFillColor(HexColor(bar.colour))
            if bar.late:
                canvas.setStrokeColor(HexColor(style.LATE))
                canvas.setLineWidth(1.3)
            canvas.roundRect(
                bar.x0, mid - bar_h / 2, bar.x1 - bar.x0, bar_h, 1.5, stroke=int(bar.late), fill=1
            )
            if not self.size:
                continue
            text = fit_text(self._text(bar), MAX_LABEL, self.size)
            canvas.setFillColor(HexColor(style.LATE if bar.late else style.INK))
            x, anchor = bar.x1 + 3, "start"
            if bar.side == "inside":
                x = bar.x0 + 3
                canvas.setFillColor(
                    HexColor(style.PAPER if style.is_dark(bar.colour) else style.INK)
                )
            elif bar.side == "left":
                x, anchor = bar.x0 - 3, "end"
            draw_text(canvas, x, mid - self.size * 0.35, text, self.size, anchor=anchor)

    def _links(self, canvas: Canvas) -> None:
        ends = {
            f"{strategy_label(lane.strategy)}/{bar.key}": bar
            for index, lane in enumerate(self.lanes)
            for bar in self.bars[index]
        }
        for index in range(len(self.lanes)):
            for bar in self.bars[index]:
                for target in bar.supports:
                    end = ends.get(target)
                    if end is None:
                        continue
                    # Finish to finish: the late-support check compares the two finishes.
                    if bar.late:
                        canvas.setStrokeColor(HexColor(style.LATE))
                        canvas.setLineWidth(0.8)
                        canvas.setDash()
                    else:
                        canvas.setStrokeColor(HexColor(style.mix(style.MEASURE, 0.4)))
                        canvas.setLineWidth(0.5)
                        canvas.setDash(2, 1.5)
                    canvas.line(bar.x1, bar.mid, end.x1, end.mid)
                    canvas.circle(end.x1, end.mid, 1.2, stroke=1, fill=0)
        canvas.setDash()

    def _legend(self, canvas: Canvas) -> None:
        y = 4.0
        canvas.setStrokeColor(HexColor(style.MEASURE))
        canvas.setLineWidth(0.8)
        canvas.setDash(2, 1.5)
        canvas.line(0, y + 2.5, 16, y + 2.5)
        canvas.setDash()
        canvas.setFillColor(HexColor(style.INK))
        used = draw_text(canvas, 20, y, "supports (alignment, not a dependency)", 7)
        x = 20 + used + 14
        canvas.setStrokeColor(HexColor(style.LATE))
        canvas.setFillColor(HexColor(style.FAINT))
        canvas.setLineWidth(1.3)
        canvas.roundRect(x, y - 1, 16, 7, 1.5, stroke=1, fill=1)
        canvas.setFillColor(HexColor(style.INK))
        draw_text(canvas, x + 20, y, "⚑ finishes after the initiative it supports", 7)


class RollupPage(Flowable):  # type: ignore[misc]
    def __init__(self, chart: RollupChart) -> None:
        super().__init__()
        self.chart = chart
        self.width, self.height = chart.width, chart.height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.chart.draw(self.canv)


def _chart(
    strategy: Strategy, lanes: list[Lane], late: set[str], width: float, height: float
) -> RollupChart:
    bars: list[list[Bar]] = []
    for index, lane in enumerate(lanes):
        label = strategy_label(lane.strategy)
        row = []
        for item in lane.items:
            ini = lane.strategy.initiatives.get(item.key)
            pillar = ini.pillar if ini is not None else ""
            full = f"{label}/{item.key}"
            supports = lane.supports.get(item.key, [])
            row.append(
                Bar(index, item.key, clean(item.title), pillar_colour(pillar), item.start,
                    item.finish, full in late, supports)
            )  # fmt: skip
        bars.append(row)
    items = [b for row in bars for b in row]
    first = min([strategy.start, *(b.start for b in items)])
    end = max([first, *(b.finish for b in items)]) + dt.timedelta(days=1)
    end += dt.timedelta(days=max(7, (end - first).days // 10))
    axis = build_axis(first, end, width - LABEL_W)
    title = f"Roll-up: {clean(strategy.name)} and the strategies below it"
    chart = RollupChart(title, lanes, bars, axis, width, height)
    chart.layout()
    return chart


def rollup_pages(
    strategy: Strategy,
    schedule: Schedule,
    children: list[tuple[Strategy, Schedule]],
    width: float,
    height: float,
    styles: dict[str, ParagraphStyle],
    accent: str,
) -> list[Flowable]:
    """A roll-up timeline (a lane per strategy) and the alignment table; none without children."""
    if not children:
        return []
    cascade = Cascade([strategy, *(s for s, _ in children)])
    schedules = {strategy_label(strategy): schedule}
    schedules.update({strategy_label(s): sch for s, sch in children})
    lanes = rollup(cascade, schedules, strategy)
    findings = alignment_flags(cascade, schedules)
    late = {f"{f.strategy}/{k}" for f in findings for k in f.initiatives}
    chart = _chart(strategy, lanes, late, width, height - 1)
    out: list[Flowable] = [PageBreak(), Section("Roll-up"), RollupPage(chart)]
    out += alignment_table(cascade, schedules, width, styles, accent, late)
    if chart.height + 120 > height:
        out.insert(3, PageBreak())
    return out


def alignment_table(
    cascade: Cascade,
    schedules: dict[str, Schedule],
    width: float,
    styles: dict[str, ParagraphStyle],
    accent: str,
    late: set[str],
) -> list[Flowable]:
    """Child initiative -> the parent initiative it supports, both finish dates, and the flag."""
    pairs = cascade.support_pairs()
    if not pairs:
        return []
    size = style.TABLE_SIZE if width >= 600 else style.TABLE_SIZE - 1
    headers = ("Strategy", "Initiative", "Finishes", "Supports", "Finishes", "")
    rows: list[list[Any]] = [[header_cell(h, size, accent) for h in headers]]
    commands = table_style(accent, size)

    def finish(strategy: Strategy, key: str) -> str:
        item = schedules.get(strategy_label(strategy))
        found = item.items.get(key) if item is not None else None
        return short_date(found.finish) if found is not None else ""

    for r, pair in enumerate(pairs, start=1):
        flagged = f"{strategy_label(pair.child_strategy)}/{pair.child.key}" in late
        rows.append(
            [
                TextCell(clean(pair.child_strategy.name), size, max_lines=2),
                TextCell(clean(pair.child.title), size, bold=True, max_lines=3),
                finish(pair.child_strategy, pair.child.key),
                TextCell(
                    f"{clean(pair.parent.title)} ({clean(pair.parent_strategy.name)})",
                    size,
                    max_lines=3,
                ),
                finish(pair.parent_strategy, pair.parent.key),
                TextCell("⚑ late" if flagged else "", size, bold=True, colour=style.LATE),
            ]
        )
        if flagged:
            commands.append(("LINEBEFORE", (0, r), (0, r), 2, HexColor(style.LATE)))
    date_w = text_width("30 Sep 2025", size) + 2 * 3 + 2
    flex = width - 2 * date_w - 40
    widths = [flex * 0.2, flex * 0.38, date_w, flex * 0.42, date_w, 40.0]
    table = LongTable(rows, colWidths=widths, repeatRows=1, style=commands, hAlign="LEFT")
    count = len(late)
    note = f"{len(pairs)} alignment link{'s' if len(pairs) != 1 else ''}"
    note += f" · {count} supporting initiative{'s finish' if count != 1 else ' finishes'} late"
    return [
        Section("Alignment"),
        Spacer(1, 10),
        Paragraph("Alignment: what supports what", styles["h1"]),
        Paragraph(note, styles["small"]),
        Spacer(1, 6),
        table,
    ]


def cascade_children(
    strategies: list[Strategy], strategy: Strategy
) -> list[tuple[Strategy, Schedule]]:
    """Every strategy below `strategy` in `strategies`, scheduled: export_pdf's `children`."""
    from cxroadmap.scheduling.planner import schedule

    cascade = Cascade(strategies)
    return [(child, schedule(child)) for child in cascade.descendants(strategy)]

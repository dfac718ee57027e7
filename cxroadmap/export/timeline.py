"""The roadmap timeline: one flowable per page, each with heading, phase bands, axis and legend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from cxroadmap.common import style
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.readings import on_track
from cxroadmap.export import legend, marks, measure_strip, pdf_measures
from cxroadmap.export.chartlayout import ChartLayout, layout_chart, pillars_present
from cxroadmap.export.dateaxis import Axis, build_axis
from cxroadmap.export.fonts import fit_text, text_width
from cxroadmap.export.pdftext import draw_text, hex_colour, set_fill, set_stroke
from cxroadmap.export.textformat import long_date, short_date
from cxroadmap.scheduling.rag import rag_statuses, tracked
from cxroadmap.scheduling.result import Schedule

HEADING_H = 24.0
PHASE_H = 17.0
TIER_H = 13.0
LEGEND_GAP = 7.0


@dataclass
class TimelineChart:
    """Everything the timeline pages share: layout, geometry, phases, today and legend."""

    layout: ChartLayout
    width: float
    height: float
    label_width: float
    rows_top: float
    phases: list[tuple[str, dt.date, dt.date | None]]
    today: dt.date | None
    legend_lines: list[list[tuple[float, legend.Entry, str]]]
    heading: str
    summary: str
    fit: bool
    # (target date, measure name) of each measure with a date: flags on the chart.
    measures: list[tuple[dt.date, str]] = field(default_factory=list)
    # Names of the measures whose latest reading is off track: their flags are red.
    off_track: frozenset[str] = frozenset()
    # RAG colour per initiative key while the strategy is tracked (a dot at each bar's end).
    rag: dict[str, str] = field(default_factory=dict)
    # The strategy's status date (tracking.md): a solid line at the start of that day.
    status_date: dt.date | None = None
    # Measure labels in a strip of their own under the lanes (the PowerPoint slide's), if any.
    strip: list[measure_strip.Flag] = field(default_factory=list)

    @property
    def chart_x(self) -> float:
        return self.label_width + 6

    @property
    def pages(self) -> int:
        return len(self.layout.pages)

    def flowables(self, progress: Callable[[int], None] | None = None) -> list[Flowable]:
        return [TimelinePage(self, index, progress) for index in range(self.pages)]

    def draw_page(self, canvas: Canvas, index: int) -> None:
        canvas.saveState()
        self._heading(canvas, index)
        axis_bottom = self._phase_strip(canvas)
        self._axis(canvas, axis_bottom)
        bottom = self.rows_bottom
        self._bands(canvas, bottom)
        page = self.layout.pages[index]
        positions = marks.draw_lanes(canvas, self, page, self.rows_top)
        self._today(canvas, bottom)  # under the titles' halos, like the arrows
        pdf_measures.draw_lines(canvas, self)  # so are the measures' lines
        marks.draw_links(canvas, self, page, positions)
        marks.draw_marks(canvas, self, page, positions)
        if not self.layout.lanes:
            set_fill(canvas, hex_colour(style.MUTED))
            draw_text(canvas, self.chart_x + 8, self.rows_top - 20, "No initiatives yet.", 10)
        _status_draw(self, canvas, bottom)
        pdf_measures.draw_labels(canvas, self)
        legend.draw(canvas, self.legend_lines, 0, legend.height(self.legend_lines))
        canvas.restoreState()

    def x(self, day: dt.date) -> float:
        return self.chart_x + self.layout.axis.x(day, self.layout.width)

    @property
    def rows_bottom(self) -> float:
        """Where the lanes end: above the legend and the strip of measure labels, if any."""
        return legend.height(self.legend_lines) + LEGEND_GAP + measure_strip.height(self.strip)

    def _heading(self, canvas: Canvas, index: int) -> None:
        title = self.heading
        if self.pages > 1:
            title += f" ({index + 1} of {self.pages})"
        set_fill(canvas, hex_colour(style.INK))
        y = self.height - 13
        used = draw_text(canvas, 0, y, title, 13, bold=True)
        set_fill(canvas, hex_colour(style.MUTED))
        room = self.width - used - 20
        draw_text(canvas, self.width, y, fit_text(self.summary, room, 8), 8, anchor="end")

    def _phase_strip(self, canvas: Canvas) -> float:
        top = self.height - HEADING_H
        bottom = top - PHASE_H
        set_fill(canvas, hex_colour(style.MUTED))
        draw_text(canvas, 0, bottom + 5, "PHASE", 6.5, bold=True)
        for index, (name, begin, end) in enumerate(self.phases):
            x0, x1 = self.span(begin, end)
            if x1 - x0 < 0.5:
                continue
            set_fill(canvas, hex_colour(style.phase_tint(index)))
            canvas.rect(x0, bottom, x1 - x0, PHASE_H - 2, stroke=0, fill=1)
            set_fill(canvas, hex_colour(style.phase_ink(index)))
            label, dates = phase_caption(name, begin, end, x1 - x0 - 8)
            used = draw_text(canvas, x0 + 4, bottom + 4.5, label, 7.5, bold=True)
            if dates:
                set_fill(canvas, hex_colour(style.MUTED))
                draw_text(canvas, x0 + 4 + used, bottom + 4.5, dates, 6.5)
        return bottom - 2

    def span(self, begin: dt.date, end: dt.date | None) -> tuple[float, float]:
        """Chart x of a date range, clipped to the axis (an open end runs to its end)."""
        axis = self.layout.axis
        lo = self.x(max(begin, axis.start))
        hi = self.x(min(end, axis.end)) if end is not None else self.x(axis.end)
        return lo, max(lo, hi)

    def _axis(self, canvas: Canvas, top: float) -> None:
        axis = self.layout.axis
        tiers = [t for t in (axis.upper, axis.lower) if t]
        set_fill(canvas, hex_colour(style.MUTED))
        draw_text(canvas, 0, top - TIER_H * len(tiers) + 4, "PILLAR", 6.5, bold=True)
        y = top
        for number, cells in enumerate(tiers):
            bold = number == 0 and len(tiers) == 2
            y -= TIER_H
            for cell in cells:
                x0, x1 = self.x(cell.start), self.x(cell.end)
                label = next(
                    (t for t in cell.labels if text_width(t, style.AXIS_SIZE, bold) <= x1 - x0 - 4),
                    "",
                )
                set_fill(canvas, hex_colour(style.INK if bold else style.MUTED))
                if bold:
                    draw_text(canvas, x0 + 3, y + 4, label, style.AXIS_SIZE, bold=True)
                else:
                    draw_text(canvas, (x0 + x1) / 2, y + 4, label, style.AXIS_SIZE, anchor="middle")
                set_stroke(canvas, hex_colour(style.RULE))
                canvas.setLineWidth(0.5)
                canvas.line(x0, y, x0, y + TIER_H)
        set_stroke(canvas, hex_colour(style.INK))
        canvas.setLineWidth(0.7)
        canvas.line(0, y, self.width, y)

    def _bands(self, canvas: Canvas, bottom: float) -> None:
        """Phase tints and the vertical grid behind the rows."""
        top = self.rows_top
        for index, (_, begin, end) in enumerate(self.phases):
            x0, x1 = self.span(begin, end)
            set_fill(canvas, hex_colour(style.mix(style.phase_tint(index), 0.7)))
            canvas.rect(x0, bottom, x1 - x0, top - bottom, stroke=0, fill=1)
        axis = self.layout.axis
        canvas.setLineWidth(0.4)
        set_stroke(canvas, hex_colour(style.GRID))
        for cell in axis.lower[1:]:
            canvas.line(self.x(cell.start), bottom, self.x(cell.start), top)
        set_stroke(canvas, hex_colour(style.RULE))
        for cell in axis.upper[1:]:
            canvas.line(self.x(cell.start), bottom, self.x(cell.start), top)
        set_stroke(canvas, hex_colour(style.INK))
        canvas.setLineWidth(0.7)
        canvas.line(0, bottom, self.width, bottom)

    def _today(self, canvas: Canvas, bottom: float) -> None:
        axis = self.layout.axis
        if self.today is None or not axis.start <= self.today < axis.end:
            return
        x = self.x(self.today) + self.layout.width / axis.days / 2
        set_stroke(canvas, hex_colour(style.TODAY))
        canvas.setLineWidth(0.9)
        canvas.setDash(3, 2)
        canvas.line(x, bottom, x, self.rows_top + TIER_H)
        canvas.setDash()
        # A small marker on the axis; the legend says which day it is.
        set_fill(canvas, hex_colour(style.TODAY))
        path = canvas.beginPath()
        path.moveTo(x, self.rows_top + 3)
        path.lineTo(x - 3, self.rows_top + 3 + 4.5)
        path.lineTo(x + 3, self.rows_top + 3 + 4.5)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)


def _status_draw(chart: TimelineChart, canvas: Canvas, bottom: float) -> None:
    """The status date: a solid line where that day begins, labelled at the top of the rows."""
    day = chart.status_date
    axis = chart.layout.axis
    if day is None or not axis.start <= day < axis.end:
        return
    x = chart.x(day)
    set_stroke(canvas, hex_colour(style.STATUS_DATE))
    canvas.setLineWidth(1.1)
    canvas.line(x, bottom, x, chart.rows_top)
    # Labelled at the foot of the chart on a white ground, clear of the bars' titles above.
    label = f"Status {short_date(day)}"
    set_fill(canvas, hex_colour(style.PAPER))
    canvas.rect(x, bottom + 1, text_width(label, 5.5) + 4, 7.5, stroke=0, fill=1)
    set_fill(canvas, hex_colour(style.STATUS_DATE))
    draw_text(canvas, x + 2, bottom + 3, label, 5.5)


class TimelinePage(Flowable):  # type: ignore[misc]
    """One page of the timeline, drawn straight onto the canvas (fast for thousands of bars)."""

    def __init__(
        self, chart: TimelineChart, index: int, progress: Callable[[int], None] | None
    ) -> None:
        super().__init__()
        self.chart = chart
        self.index = index
        self.progress = progress
        self.width, self.height = chart.width, chart.height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.chart.draw_page(self.canv, self.index)
        if self.progress is not None:
            page = self.chart.layout.pages[self.index]
            self.progress(sum(len(piece.marks) for piece in page.slices))


def plan_timeline(
    strategy: Strategy,
    schedule: Schedule,
    width: float,
    height: float,
    today: dt.date | None,
    fit: bool = False,
    with_strip: bool = True,
) -> TimelineChart:
    """Lay out the timeline for pages whose frame is `width` x `height` points;
    `with_strip` keeps a strip under the lanes for the measures' labels (False: no labels)."""
    label_width = 118.0 if width >= 600 else 90.0
    chart_width = width - label_width - 6
    axis = _axis_for(strategy, schedule, chart_width)
    statuses = {i.status for k, i in strategy.initiatives.items() if k in schedule.items}
    in_range = today is not None and axis.start <= today < axis.end
    today_label = f"Today ({short_date(today)})" if today is not None and in_range else None
    flags = [(m.target_date, m.name) for m in strategy.measures if m.target_date is not None]
    entries = legend.entries(
        pillars_present(strategy, schedule),
        statuses,
        today_label,
        bool(strategy.dependencies),
        bool(flags),
    )
    entries += tracking_entries(strategy, schedule)
    lines = legend.flow(entries, width)
    tiers = 1 if not axis.upper else 2
    rows_top = height - HEADING_H - PHASE_H - 2 - TIER_H * tiers - 3
    strip = _strip(flags, axis, label_width + 6, chart_width) if with_strip else []
    capacity = rows_top - legend.height(lines) - LEGEND_GAP - measure_strip.height(strip) - 1
    layout = layout_chart(strategy, schedule, axis, chart_width, capacity, label_width - 8, fit)
    phases = strategy.phase_bounds()
    count = len(schedule.items) - layout.milestones
    summary = f"{long_date(schedule.start)} – {long_date(schedule.finish)} · "
    summary += f"{count} initiative{'s' if count != 1 else ''}"
    if layout.milestones:
        summary += f" and {layout.milestones} milestone{'s' if layout.milestones != 1 else ''}"
    heading = "Roadmap overview" if fit else "Roadmap"
    return TimelineChart(
        layout, width, height, label_width, rows_top, phases, today, lines, heading, summary, fit,
        flags, off_track_names(strategy), rag_colours(strategy, schedule), strategy.status_date,
        strip,
    )  # fmt: skip


def _strip(
    flags: list[tuple[dt.date, str]], axis: Axis, left: float, width: float
) -> list[measure_strip.Flag]:
    """The measure labels laid out under the lanes, each flag in the middle of its day."""
    half = width / axis.days / 2
    dated = [
        (day, name, left + axis.x(day, width) + half)
        for day, name in flags
        if axis.start <= day < axis.end
    ]
    return measure_strip.place(dated, left, left + width)


def tracking_entries(strategy: Strategy, schedule: Schedule) -> list[legend.Entry]:
    """Legend entries for a measure off track and the RAG dots, when the chart has them."""
    found = []
    if off_track_names(strategy):
        found.append(legend.Entry("measure", "Measure off track", style.OFF_TRACK))
    if tracked(strategy):
        for colour, label in (("red", "Red"), ("amber", "Amber"), ("green", "Green")):
            found.append(legend.Entry("dot", f"RAG {label}", style.RAG_COLOURS[colour]))
    return found


def rag_colours(strategy: Strategy, schedule: Schedule) -> dict[str, str]:
    """Key -> RAG colour of each initiative, or nothing while the strategy is not tracked."""
    if not tracked(strategy):
        return {}
    return {k: style.RAG_COLOURS[r.colour] for k, r in rag_statuses(strategy, schedule).items()}


def off_track_names(strategy: Strategy) -> frozenset[str]:
    """Names of the measures whose latest reading is off track (tracking.md)."""
    return frozenset(m.name for m in strategy.measures if on_track(m, strategy.start) is False)


def _axis_for(strategy: Strategy, schedule: Schedule, width: float) -> Axis:
    first = min([schedule.start, strategy.start, *(i.start for i in schedule.items.values())])
    dated = [m.target_date for m in strategy.measures if m.target_date is not None]
    end = max([schedule.finish, *(i.finish for i in schedule.items.values()), *dated])
    end += dt.timedelta(days=1)
    # A little air after the last bar so labels beside it have somewhere to go.
    end += dt.timedelta(days=max(7, (end - first).days // 12))
    return build_axis(first, end, width)


def phase_caption(name: str, begin: dt.date, end: dt.date | None, room: float) -> tuple[str, str]:
    """A phase strip's label (7.5 pt bold, cut to `room`) and its dates (6.5 pt), the
    dates left out ("") unless both fit; the PDF and the PowerPoint slide share it."""
    if end is None:
        dates = f"  from {short_date(begin)}"
    else:
        dates = f"  {short_date(begin)} – {short_date(end - dt.timedelta(days=1))}"
    label = fit_text(name, room, 7.5, bold=True)
    if label == name and text_width(name, 7.5, True) + text_width(dates, 6.5) <= room:
        return label, dates
    return label, ""

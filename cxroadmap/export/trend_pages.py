"""Small trend charts of the measures for the PDF's measures page: readings against the line."""

from __future__ import annotations

import datetime as dt
import itertools

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table

from cxroadmap.common import style
from cxroadmap.domain.measures import Measure, format_number
from cxroadmap.domain.readings import Trend, line_value, on_track, trend
from cxroadmap.export.fonts import fit_text
from cxroadmap.export.pdftext import draw_text

PER_ROW = 3
CHART_H = 92.0


def verdict(measure: Measure, start: dt.date) -> tuple[str, str]:
    """(caption, colour) under a chart: the latest value and whether it is on track."""
    current = measure.current
    if current is None:
        return "No readings yet", style.MUTED
    value = f"{format_number(current.value)} {measure.unit}".strip()
    said = f"{value} on {current.date.isoformat()}"
    state = on_track(measure, start)
    if state is None:
        return said, style.MUTED
    line = line_value(measure, start, current.date)
    assert line is not None
    words = "on track" if state else "off track"
    return f"{said}: {words} (line {format_number(round(line, 2))})", (
        style.ON_TRACK if state else style.OFF_TRACK
    )


class TrendChart(Flowable):  # type: ignore[misc]
    """One measure: name, a framed plot (dashed line to the target, dots per reading), verdict."""

    def __init__(self, measure: Measure, start: dt.date, width: float) -> None:
        super().__init__()
        self.measure = measure
        self.trend: Trend | None = trend(measure, start)
        self.caption = verdict(measure, start)
        self.width, self.height = width, CHART_H

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        name = fit_text(self.measure.name, self.width, 7, bold=True)
        c.setFillColor(HexColor(style.INK))
        draw_text(c, 0, self.height - 8, name, 7, bold=True)
        text, ink = self.caption
        c.setFillColor(HexColor(ink))
        draw_text(c, 0, 1, fit_text(text, self.width, 6), 6)
        t = self.trend
        left, bottom, top, right = 30.0, 20.0, self.height - 14, self.width - 4
        c.setStrokeColor(HexColor(style.RULE))
        c.setLineWidth(0.5)
        c.rect(left, bottom, right - left, top - bottom, stroke=1, fill=0)
        if t is None:
            return
        span = max((t.last - t.first).days, 1)

        def at(day: dt.date, value: float) -> tuple[float, float]:
            x = left + (right - left) * (day - t.first).days / span
            return x, bottom + (top - bottom) * (value - t.low) / (t.high - t.low)

        c.setFillColor(HexColor(style.MUTED))
        unit = self.measure.unit
        for value, y in ((t.high, top - 5), (t.low, bottom)):
            draw_text(c, left - 2, y, f"{format_number(round(value, 2))}", 5.5, anchor="end")
        draw_text(c, left, bottom - 7, t.first.isoformat(), 5.5)
        draw_text(c, right, bottom - 7, t.last.isoformat(), 5.5, anchor="end")
        if unit:
            draw_text(c, left - 2, (top + bottom) / 2, fit_text(unit, left - 4, 5.5), 5.5,
                      anchor="end")  # fmt: skip
        if t.line:
            c.setStrokeColor(HexColor(style.ACCENT))
            c.setLineWidth(0.8)
            c.setDash(2.5, 1.5)
            c.lines([(*at(*a), *at(*b)) for a, b in itertools.pairwise(t.line)])
            c.setDash()
        points = [at(r.date, r.value) for r, _ in t.points]
        if len(points) > 1:
            c.setStrokeColor(HexColor(style.INK))
            c.setLineWidth(0.7)
            c.lines([(*a, *b) for a, b in itertools.pairwise(points)])
        for i, ((x, y), (_, state)) in enumerate(zip(points, t.points, strict=True)):
            colour = style.track_colour(state)
            c.setFillColor(HexColor(colour))
            c.setStrokeColor(HexColor(style.PAPER))
            c.circle(x, y, 2.6 if i == len(points) - 1 else 1.8, stroke=1, fill=1)


def trend_grid(measures: list[Measure], start: dt.date, width: float) -> list[Flowable]:
    """The charts of the measures that have readings, three to a row; none without readings."""
    shown = [m for m in measures if m.readings]
    if not shown:
        return []
    cell = width / PER_ROW
    charts: list[Flowable | str] = [TrendChart(m, start, cell - 12) for m in shown]
    charts += [""] * (-len(charts) % PER_ROW)
    rows = [charts[i : i + PER_ROW] for i in range(0, len(charts), PER_ROW)]
    grid = Table(rows, colWidths=[cell] * PER_ROW, hAlign="LEFT")
    grid.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                   ("LEFTPADDING", (0, 0), (-1, -1), 0)])  # fmt: skip
    return [grid]

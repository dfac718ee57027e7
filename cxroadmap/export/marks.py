"""Drawing the timeline's lanes, bars, milestones and dependency arrows onto a reportlab canvas."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from cxroadmap.common import style
from cxroadmap.export.chartlayout import ChartPage, Mark
from cxroadmap.export.fonts import text_width, wrap_text
from cxroadmap.export.pdfshapes import round_rect
from cxroadmap.export.pdftext import (
    draw_line,
    draw_text,
    fill_colour,
    hold,
    line_width,
    release,
    set_fill,
    stroke_colour,
)

if TYPE_CHECKING:
    from cxroadmap.export.timeline import TimelineChart

# key -> (left x, right x, middle y, is milestone) in page coordinates
Positions = dict[str, tuple[float, float, float, bool]]


@functools.cache
def _colour(hex_colour: str) -> Color:
    return HexColor(hex_colour)


@functools.cache
def fill_of(colour: str, status: str) -> tuple[str, bool]:
    """Fill colour of a bar and whether its inside label should be white."""
    fill = style.status_fill(colour, status)
    return fill, style.is_dark(fill)


def draw_lanes(canvas: Canvas, chart: TimelineChart, page: ChartPage, top: float) -> Positions:
    """Lane backgrounds and labels; returns where each mark of the page sits."""
    layout = chart.layout
    positions: Positions = {}
    y = top
    x_chart = chart.chart_x
    for number, piece in enumerate(page.slices):
        if number:
            y -= layout.lane_gap
        bottom = y - piece.height
        canvas.setFillColor(_colour(style.LANE_TINT))
        canvas.rect(0, bottom, chart.label_width, piece.height, stroke=0, fill=1)
        canvas.setFillColor(_colour(piece.lane.colour))
        canvas.rect(0, bottom, 3, piece.height, stroke=0, fill=1)
        _lane_label(canvas, chart, piece.lane.label, piece.continued, y, piece.height)
        if number:
            canvas.setStrokeColor(_colour(style.RULE))
            canvas.setLineWidth(0.5)
            mid = y + layout.lane_gap / 2
            canvas.line(0, mid, chart.width, mid)
        row_h = layout.row_height
        for mark in piece.marks:
            mid_y = y - (mark.row - piece.first_row + 0.5) * row_h
            positions[mark.key] = (x_chart + mark.x0, x_chart + mark.x1, mid_y, mark.milestone)
        y = bottom
    return positions


def _lane_label(
    canvas: Canvas, chart: TimelineChart, label: str, continued: bool, top: float, height: float
) -> None:
    size = min(style.LANE_LABEL_SIZE, height * 0.75)
    if size < 3:
        return
    leading = size * 1.25
    room = max(1, min(3, int((height - 2) / leading)))
    text = label + (" (continued)" if continued else "")
    lines = wrap_text(text, chart.label_width - 10, size, bold=True, max_lines=room)
    canvas.setFillColor(_colour(style.INK))
    y = top - min(2 + size, height * 0.5 + size * 0.35)
    for line in lines:
        draw_text(canvas, 7, y, line, size, bold=True)
        y -= leading


def _route(
    a: tuple[float, float, float, bool],
    b: tuple[float, float, float, bool],
    kind: str,
    bar_h: float,
    row_h: float,
) -> tuple[list[tuple[float, float]], int]:
    """Corner points of an arrow from `a` to `b` and its final direction (1 right, -1 left).

    Arrows leave the predecessor through its top or bottom edge, near the end (or start) the
    link is about, so they never run through the title printed beside a bar; they arrive
    level with the successor's start (or end), as in a Gantt chart.
    """
    ax0, ax1, ay, a_ms = a
    bx0, bx1, by, b_ms = b
    half = bar_h * 0.62 if a_ms else bar_h / 2
    from_end = kind in ("FS", "FF")
    into_end = kind in ("FF", "SF")
    if a_ms:
        xa = ax0
    else:
        inset = min(3.0, (ax1 - ax0) / 2)
        xa = ax1 - inset if from_end else ax0 + inset
    into = -1 if into_end else 1
    flank = bar_h * 0.62 if b_ms else 0.0
    tip = (bx1 + flank) if into_end else (bx0 - flank)
    same_row = abs(ay - by) < 0.5
    down = same_row or by < ay
    ya = ay - half if down else ay + half
    ahead = (tip - xa) * into
    if not same_row and 6 <= ahead <= 14:
        return [(xa, ya), (xa, by), (tip, by)], into
    # Run along the gutter between rows, where no title is printed, and turn into the
    # successor's row just before it.
    ym = by - row_h / 2 if same_row else by + (row_h / 2 if down else -row_h / 2)
    side = tip - into * 6
    return [(xa, ya), (xa, ym), (side, ym), (side, by), (tip, by)], into


def draw_links(canvas: Canvas, chart: TimelineChart, page: ChartPage, positions: Positions) -> None:
    """Dependency arrows with rounded elbows, drawn under the bars; critical ones in red."""
    layout = chart.layout
    if layout.row_height < 4:
        return
    canvas.saveState()
    canvas.setLineJoin(1)
    for critical in (False, True):
        colour = _colour(style.CRITICAL if critical else style.DEPENDENCY)
        canvas.setStrokeColor(colour)
        canvas.setFillColor(colour)
        canvas.setLineWidth(0.9 if critical else 0.55)
        for first, second, kind, is_critical in page.links:
            if is_critical != critical:
                continue
            points, into = _route(
                positions[first], positions[second], kind, layout.bar_height, layout.row_height
            )
            tip_x, tip_y = points[-1]
            points[-1] = (tip_x - into * 3.5, tip_y)
            path = canvas.beginPath()
            path.moveTo(*points[0])
            for (x0, y0), (x1, y1), (x2, y2) in zip(points, points[1:], points[2:], strict=False):
                # Round each corner a little.
                r = min(
                    3.0, abs(x1 - x0) / 2 + abs(y1 - y0) / 2, abs(x2 - x1) / 2 + abs(y2 - y1) / 2
                )
                before = (x1 - r * _sign(x1 - x0), y1 - r * _sign(y1 - y0))
                after = (x1 + r * _sign(x2 - x1), y1 + r * _sign(y2 - y1))
                path.lineTo(*before)
                path.curveTo(x1, y1, x1, y1, *after)
            path.lineTo(*points[-1])
            canvas.drawPath(path, stroke=1, fill=0)
            head = canvas.beginPath()
            head.moveTo(tip_x, tip_y)
            head.lineTo(tip_x - into * 4, tip_y + 2.2)
            head.lineTo(tip_x - into * 4, tip_y - 2.2)
            head.close()
            canvas.drawPath(head, stroke=0, fill=1)
    canvas.restoreState()


def _sign(value: float) -> float:
    return (value > 0) - (value < 0)


def draw_marks(canvas: Canvas, chart: TimelineChart, page: ChartPage, positions: Positions) -> None:
    """Bars (rounded, tinted by status), milestone diamonds, critical outlines and titles."""
    layout = chart.layout
    bar_h = layout.bar_height
    radius = min(style.BAR_RADIUS, bar_h / 3)
    size = layout.label_size
    x_chart = chart.chart_x
    for piece in page.slices:
        for mark in piece.marks:
            x0, x1, mid, _ = positions[mark.key]
            fill, dark = fill_of(mark.colour, mark.status)
            fill_colour(canvas, _colour(fill))
            if mark.critical:
                stroke_colour(canvas, _colour(style.CRITICAL))
                line_width(canvas, 1.3 if bar_h >= 6 else 0.6)
            elif mark.status == "idea":
                stroke_colour(canvas, _colour(mark.colour))
                line_width(canvas, 0.6)
            else:
                stroke_colour(canvas, _colour(style.PAPER))
                line_width(canvas, 0.5)
            stroke = 1 if (mark.critical or mark.status == "idea" or mark.milestone) else 0
            if mark.milestone:
                _diamond(canvas, x0, mid, bar_h * 0.62, stroke)
            else:
                if mark.status == "idea":
                    canvas.setDash(2, 1.5)
                round_rect(canvas, x0, mid - bar_h / 2, x1 - x0, bar_h, radius, stroke, 1)
                if mark.status == "idea":
                    canvas.setDash()
            rag = chart.rag.get(mark.key)
            if rag is not None:
                # The RAG status: a dot on the bar's finish (the diamond's right point).
                end = x0 + bar_h * 0.62 if mark.milestone else x1
                fill_colour(canvas, _colour(rag))
                stroke_colour(canvas, _colour(style.PAPER))
                line_width(canvas, 0.5)
                canvas.circle(end, mid, max(bar_h * 0.42, 1.5), stroke=1, fill=1)
            if mark.label_side == "none" or not mark.label:
                continue
            inside = mark.label_side == "inside"
            if inside:
                ink = style.PAPER if dark else style.INK
            else:
                ink = style.MUTED if mark.status == "dropped" else style.INK
            if not inside:
                _halo(canvas, x_chart + mark.label_x, mid, text_width(mark.label, size), size)
            fill_colour(canvas, _colour(ink))
            draw_line(canvas, x_chart + mark.label_x, mid - size * 0.35, mark.label, size)
            if mark.status == "dropped":
                _strike(canvas, x_chart + mark.label_x, mid, mark, size, ink)


def _halo(canvas: Canvas, x: float, mid: float, width: float, size: float) -> None:
    """Paper, nearly opaque, behind a title beside its bar: the arrows, the critical path and
    today's line (drawn before) pass under its letters, not through them."""
    held = hold(canvas)
    set_fill(canvas, _colour(style.PAPER))
    canvas.setFillAlpha(0.9)
    canvas.rect(x - 1, mid - size * 0.62, width + 2, size * 1.24, stroke=0, fill=1)
    release(canvas, held)


def _diamond(canvas: Canvas, x: float, y: float, r: float, stroke: int) -> None:
    path = canvas.beginPath()
    path.moveTo(x, y + r)
    path.lineTo(x + r, y)
    path.lineTo(x, y - r)
    path.lineTo(x - r, y)
    path.close()
    canvas.drawPath(path, stroke=stroke, fill=1)


def _strike(canvas: Canvas, x: float, mid: float, mark: Mark, size: float, ink: str) -> None:
    canvas.setStrokeColor(_colour(ink))
    canvas.setLineWidth(0.5)
    canvas.line(x, mid, x + mark.label_width, mid)

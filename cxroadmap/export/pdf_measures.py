"""The PDF timeline's measure flags: dotted lines down the lanes to their labels in the strip
under the lanes (headed MEASURES), stacked by export/measure_strip as on the PowerPoint slide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from cxroadmap.common import style
from cxroadmap.export.measure_strip import LEVEL_H, PAD, SIZE, Flag
from cxroadmap.export.pdftext import draw_text

if TYPE_CHECKING:
    from cxroadmap.export.timeline import TimelineChart

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in page points, y up


def _ink(chart: TimelineChart, flag: Flag) -> str:
    # A day's flag is off track when any of its measures is (trackx's on-track rule).
    names = flag.more or (flag.name,)
    return style.OFF_TRACK if chart.off_track.intersection(names) else style.MEASURE


def _middle(chart: TimelineChart, flag: Flag) -> float:
    """The y of the middle of the flag's level in the strip."""
    return chart.rows_bottom - PAD - flag.level * LEVEL_H - LEVEL_H / 2


def label_boxes(chart: TimelineChart) -> list[tuple[Flag, Box]]:
    """Each shown label and the box its text takes on the page."""
    out = []
    for flag in chart.strip:
        if flag.level >= 0:
            mid = _middle(chart, flag)
            out.append((flag, (flag.left, mid - SIZE * 0.6, flag.right, mid + SIZE * 0.6)))
    return out


def draw_lines(canvas: Canvas, chart: TimelineChart) -> None:
    """Each flag's dotted line from the top of the lanes down to the strip; drawn before the
    bars' titles, whose halos cover it where it passes under their letters."""
    canvas.setLineWidth(0.6)
    canvas.setDash(1, 2)
    for flag in chart.strip:
        if not flag.more:  # a "+N more" label stands at a flag that has its own line
            canvas.setStrokeColor(HexColor(style.mix(_ink(chart, flag), 0.45)))
            canvas.line(flag.x, chart.rows_bottom, flag.x, chart.rows_top)
    canvas.setDash()


def draw_labels(canvas: Canvas, chart: TimelineChart) -> None:
    """The strip's caption and each label on its level, with its line from the strip's top."""
    if not chart.strip:
        return
    top = chart.rows_bottom
    canvas.setFillColor(HexColor(style.MUTED))
    draw_text(canvas, 0, top - PAD - LEVEL_H / 2 - SIZE * 0.35, "MEASURES", SIZE, bold=True)
    for flag, (x0, _, _, _) in label_boxes(chart):
        ink = _ink(chart, flag)
        mid = _middle(chart, flag)
        canvas.setStrokeColor(HexColor(style.mix(ink, 0.45)))
        canvas.setLineWidth(0.8)
        canvas.line(flag.x, top, flag.x, mid)
        canvas.setFillColor(HexColor(ink))
        draw_text(canvas, x0 + 1, mid - SIZE * 0.35, flag.label, SIZE)

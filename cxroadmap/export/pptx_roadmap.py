"""The roadmap as native PowerPoint shapes: the PDF's timeline layout, drawn shape by shape."""

from __future__ import annotations

from dataclasses import dataclass

from cxroadmap.common import style
from cxroadmap.export import legend
from cxroadmap.export.chartlayout import ChartPage, Mark
from cxroadmap.export.fonts import text_width, wrap_text
from cxroadmap.export.marks import fill_of
from cxroadmap.export.pptx_measures import Box, draw_measures, gaps_around
from cxroadmap.export.pptx_shapes import ShapeWriter
from cxroadmap.export.timeline import HEADING_H, PHASE_H, TIER_H, TimelineChart, phase_caption


@dataclass
class Frame:
    """Where the chart sits on the slide: its top-left in points and how much it is enlarged.

    The chart is laid out exactly as for the PDF on a frame `zoom` times smaller, then every
    position and type size is multiplied by `zoom`: larger type for a room, same proportions.
    """

    left: float
    top: float
    zoom: float
    height: float  # of the chart in its own (PDF) points

    def x(self, value: float) -> float:
        return self.left + value * self.zoom

    def y(self, value: float) -> float:
        """PDF y (up from the bottom of the chart) to slide y (down from the slide's top)."""
        return self.top + (self.height - value) * self.zoom

    def d(self, value: float) -> float:
        return value * self.zoom


def draw_roadmap(out: ShapeWriter, chart: TimelineChart, index: int, frame: Frame) -> None:
    """Page `index` of the chart: summary, phases, axis, bands, lanes, bars, today, legend."""
    f = frame
    # The summary sits right of the slide's own (editable) title, in the chart's heading strip.
    summary_w = f.d(chart.width) * 0.55
    out.text(
        f.x(chart.width) - summary_w, f.y(chart.height - 4), summary_w, f.d(14),
        chart.summary, f.d(8), style.MUTED, align="r", name="Summary",
    )  # fmt: skip
    _phase_strip(out, chart, f)
    _axis(out, chart, f)
    bottom = chart.rows_bottom
    _bands(out, chart, f, bottom)
    page = chart.layout.pages[index]
    texts: list[Box] = []  # the bars' titles: the lines below break around them
    _lanes_and_marks(out, chart, page, f, texts)
    _today(out, chart, f, bottom, texts)
    draw_measures(out, chart, f, texts)
    _legend(out, chart, f)


def _phase_strip(out: ShapeWriter, chart: TimelineChart, f: Frame) -> None:
    top = chart.height - HEADING_H
    bottom = top - PHASE_H
    out.text(f.x(0), f.y(bottom + 11), f.d(40), f.d(9), "PHASE", f.d(6.5), style.MUTED, True)
    for index, (name, begin, end) in enumerate(chart.phases):
        x0, x1 = chart.span(begin, end)
        if x1 - x0 < 0.5:
            continue
        out.shape(
            "rect", f.x(x0), f.y(top - 2), f.d(x1 - x0), f.d(PHASE_H - 2),
            style.phase_tint(index), name=f"Phase {name}",
        )  # fmt: skip
        room = x1 - x0 - 8
        label, dates = phase_caption(name, begin, end, room)
        label += dates
        out.text(
            f.x(x0 + 4), f.y(top - 4), f.d(room + 4), f.d(10), label, f.d(7.5),
            style.phase_ink(index), bold=True,
        )  # fmt: skip


def _axis(out: ShapeWriter, chart: TimelineChart, f: Frame) -> None:
    axis = chart.layout.axis
    tiers = [t for t in (axis.upper, axis.lower) if t]
    y = chart.height - HEADING_H - PHASE_H - 2
    out.text(
        f.x(0), f.y(y - TIER_H * len(tiers) + 12), f.d(60), f.d(9), "PILLAR", f.d(6.5),
        style.MUTED, True,
    )  # fmt: skip
    for number, cells in enumerate(tiers):
        bold = number == 0 and len(tiers) == 2
        y -= TIER_H
        for cell in cells:
            x0, x1 = chart.x(cell.start), chart.x(cell.end)
            label = next(
                (t for t in cell.labels if text_width(t, style.AXIS_SIZE, bold) <= x1 - x0 - 4), ""
            )
            if label:
                inset = 3 if bold else 0
                out.text(
                    f.x(x0 + inset), f.y(y + TIER_H - 2), f.d(x1 - x0 - inset),
                    f.d(TIER_H - 2), label, f.d(style.AXIS_SIZE),
                    style.INK if bold else style.MUTED, bold, align="l" if bold else "ctr",
                )  # fmt: skip
            out.line(f.x(x0), f.y(y), f.x(x0), f.y(y + TIER_H), style.RULE, 0.5)
    out.line(f.x(0), f.y(y), f.x(chart.width), f.y(y), style.INK, f.d(0.7))


def _bands(out: ShapeWriter, chart: TimelineChart, f: Frame, bottom: float) -> None:
    top = chart.rows_top
    for index, (name, begin, end) in enumerate(chart.phases):
        x0, x1 = chart.span(begin, end)
        if x1 - x0 >= 0.5:
            out.shape(
                "rect", f.x(x0), f.y(top), f.d(x1 - x0), f.d(top - bottom),
                style.mix(style.phase_tint(index), 0.7), name=f"Phase band {name}",
            )  # fmt: skip
    axis = chart.layout.axis
    if len(axis.lower) <= 60:  # weekly grids of long roadmaps would be clutter, not guidance
        for cell in axis.lower[1:]:
            x = f.x(chart.x(cell.start))
            out.line(x, f.y(top), x, f.y(bottom), style.GRID, 0.5)
    for cell in axis.upper[1:]:
        x = f.x(chart.x(cell.start))
        out.line(x, f.y(top), x, f.y(bottom), style.RULE, 0.5)
    out.line(f.x(0), f.y(bottom), f.x(chart.width), f.y(bottom), style.INK, f.d(0.7))


def _lanes_and_marks(
    out: ShapeWriter, chart: TimelineChart, page: ChartPage, f: Frame, texts: list[Box]
) -> None:
    layout = chart.layout
    y = chart.rows_top
    for number, piece in enumerate(page.slices):
        if number:
            y -= layout.lane_gap
            mid = y + layout.lane_gap / 2
            out.line(f.x(0), f.y(mid), f.x(chart.width), f.y(mid), style.RULE, 0.5)
        bottom = y - piece.height
        out.shape(
            "rect", f.x(0), f.y(y), f.d(chart.label_width), f.d(piece.height), style.LANE_TINT,
            name=f"Lane {piece.lane.label}",
        )  # fmt: skip
        out.shape("rect", f.x(0), f.y(y), f.d(3), f.d(piece.height), piece.lane.colour)
        size = min(style.LANE_LABEL_SIZE, piece.height * 0.75)
        if size >= 3:
            room = max(1, min(3, int((piece.height - 2) / (size * 1.25))))
            text = piece.lane.label + (" (continued)" if piece.continued else "")
            lines = wrap_text(text, chart.label_width - 10, size, bold=True, max_lines=room)
            out.text(
                f.x(7), f.y(y - 1.5), f.d(chart.label_width - 8), f.d(piece.height),
                lines, f.d(size), style.INK, bold=True, name=f"Lane label {piece.lane.label}",
            )  # fmt: skip
        for mark in piece.marks:
            mid_y = y - (mark.row - piece.first_row + 0.5) * layout.row_height
            _mark(out, chart, mark, mid_y, f, texts)
        y = bottom


def _mark(
    out: ShapeWriter, chart: TimelineChart, mark: Mark, mid: float, f: Frame, texts: list[Box]
) -> None:
    layout = chart.layout
    bar_h = layout.bar_height
    x0, x1 = chart.chart_x + mark.x0, chart.chart_x + mark.x1
    fill, dark = fill_of(mark.colour, mark.status)
    line, width, dash = None, 0.0, None
    if mark.critical:
        line, width = style.CRITICAL, f.d(1.3 if bar_h >= 6 else 0.6)
    elif mark.status == "idea":
        line, width, dash = mark.colour, f.d(0.6), "dash"
    if mark.milestone:
        r = bar_h * 0.62
        out.shape(
            "diamond", f.x(x0 - r), f.y(mid + r), f.d(2 * r), f.d(2 * r), fill,
            line or style.PAPER, width or 0.5, name=f"Milestone {mark.key}",
        )  # fmt: skip
    else:
        out.shape(
            "roundRect", f.x(x0), f.y(mid + bar_h / 2), f.d(x1 - x0), f.d(bar_h), fill, line,
            width, dash, name=f"Bar {mark.key}", adjust=12000,
        )  # fmt: skip
    rag = chart.rag.get(mark.key)
    if rag is not None:  # the RAG dot at the finish, as in the PDF (export/marks.py)
        end, r = x0 + bar_h * 0.62 if mark.milestone else x1, max(bar_h * 0.42, 1.5)
        out.shape(
            "ellipse", f.x(end - r), f.y(mid + r), f.d(2 * r), f.d(2 * r), rag, style.PAPER,
            f.d(0.5), name=f"RAG {mark.key}",
        )  # fmt: skip
    if mark.label_side == "none" or not mark.label:
        return
    if mark.label_side == "inside":
        ink = style.PAPER if dark else style.INK
    else:
        ink = style.MUTED if mark.status == "dropped" else style.INK
    size = layout.label_size
    # A little wider than measured: the slide's font may run wider than the PDF's metrics.
    box = (f.x(chart.chart_x + mark.label_x), f.y(mid + size * 0.62))
    wide, high = f.d(mark.label_width + 2), f.d(size * 1.3)
    out.text(*box, wide, high, mark.label, f.d(size), ink, name=f"Title {mark.key}")
    texts.append((box[0], box[1], box[0] + wide, box[1] + high))


def _today(
    out: ShapeWriter, chart: TimelineChart, f: Frame, bottom: float, texts: list[Box]
) -> None:
    axis = chart.layout.axis
    if chart.today is None or not axis.start <= chart.today < axis.end:
        return
    x = f.x(chart.x(chart.today) + chart.layout.width / axis.days / 2)
    for y0, y1 in gaps_around(x, f.y(chart.rows_top + TIER_H), f.y(bottom), texts):
        out.line(x, y0, x, y1, style.TODAY, f.d(0.9), "dash", name="Today line")
    out.shape(
        "triangle", x - f.d(3), f.y(chart.rows_top + 7.5), f.d(6), f.d(4.5), style.TODAY,
        name="Today", adjust=50000,
    )  # fmt: skip


def _legend(out: ShapeWriter, chart: TimelineChart, f: Frame) -> None:
    top = legend.height(chart.legend_lines)
    for number, line in enumerate(chart.legend_lines):
        y = top - (number + 1) * legend.LINE + 3
        mid = y + 2.5
        for dx, entry, label in line:
            _symbol(out, entry, dx, mid, f)
            out.text(
                f.x(dx + legend.SYMBOL + 4), f.y(y + 8), f.d(text_width(label, 7) + 6), f.d(10),
                label, f.d(style.LEGEND_SIZE), style.INK, name=f"Legend {label}",
            )  # fmt: skip


def _symbol(out: ShapeWriter, entry: legend.Entry, x: float, mid: float, f: Frame) -> None:
    size = legend.SYMBOL
    if entry.kind in ("pillar", "dropped", "critical", "idea"):
        fill = {
            "pillar": entry.colour,
            "dropped": style.DROPPED,
            "critical": style.FAINT,
            "idea": style.mix(style.FAINT, style.IDEA_TINT),
        }[entry.kind]
        line = {"critical": style.CRITICAL, "idea": style.FAINT}.get(entry.kind)
        out.shape(
            "roundRect", f.x(x), f.y(mid + 3.5), f.d(size), f.d(7), fill, line, f.d(1.2),
            "dash" if entry.kind == "idea" else None, adjust=12000,
        )  # fmt: skip
    elif entry.kind == "milestone":
        out.shape("diamond", f.x(x + size / 2 - 4), f.y(mid + 4), f.d(8), f.d(8), style.INK)
    elif entry.kind == "link":
        out.line(f.x(x), f.y(mid), f.x(x + size), f.y(mid), style.DEPENDENCY, f.d(0.8))
    elif entry.kind == "measure":
        out.line(f.x(x + size / 2), f.y(mid + 5), f.x(x + size / 2), f.y(mid - 5), entry.colour, 1)
        out.shape("rect", f.x(x + size / 2), f.y(mid + 5), f.d(5), f.d(4), entry.colour)
    elif entry.kind == "dot":
        out.shape("ellipse", f.x(x + size / 2 - 3.2), f.y(mid + 3.2), f.d(6.4), f.d(6.4),
                  entry.colour)  # fmt: skip
    elif entry.kind == "today":
        cx = f.x(x + size / 2)
        out.line(cx, f.y(mid + 5), cx, f.y(mid - 5), style.TODAY, f.d(1), "dash")

"""The timeline legend: pillar colours and chart symbols, flowed over as many lines as needed."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from cxroadmap.common import style
from cxroadmap.export.fonts import fit_text, text_width
from cxroadmap.export.pdftext import draw_text, hex_colour, set_fill, set_stroke

SYMBOL = 16.0
LINE = 12.0
SPACING = 11.0


@dataclass(frozen=True)
class Entry:
    kind: str  # pillar, milestone, critical, link, today, idea, dropped, measure or dot
    label: str
    colour: str = style.INK


def entries(
    pillars: list[tuple[str, str]],
    statuses: set[str],
    today: str | None,
    links: bool,
    measures: bool = False,
) -> list[Entry]:
    """Legend entries for the pillars shown (label, colour) and the symbols in use."""
    out = [Entry("pillar", label, colour) for label, colour in pillars]
    out.append(Entry("milestone", "Milestone"))
    out.append(Entry("critical", "Critical path", style.CRITICAL))
    if links:
        out.append(Entry("link", "Dependency", style.DEPENDENCY))
    if "idea" in statuses:
        out.append(Entry("idea", "Idea (not yet planned)"))
    if "dropped" in statuses:
        out.append(Entry("dropped", "Dropped", style.DROPPED))
    if today:
        out.append(Entry("today", today, style.TODAY))
    if measures:
        out.append(Entry("measure", "Measure target date", style.MEASURE))
    return out


def flow(items: list[Entry], width: float) -> list[list[tuple[float, Entry, str]]]:
    """Lines of (x, entry, label as shown), wrapping when the next entry would not fit."""
    lines: list[list[tuple[float, Entry, str]]] = [[]]
    x = 0.0
    for entry in items:
        label = fit_text(entry.label, min(width - SYMBOL - 4, 220), style.LEGEND_SIZE)
        need = SYMBOL + 4 + text_width(label, style.LEGEND_SIZE)
        if x > 0 and x + need > width:
            lines.append([])
            x = 0.0
        lines[-1].append((x, entry, label))
        x += need + SPACING
    return lines


def height(lines: list[list[tuple[float, Entry, str]]]) -> float:
    return len(lines) * LINE


def _symbol(canvas: Canvas, entry: Entry, x: float, y: float) -> None:
    mid = y + 2.5
    if entry.kind == "pillar":
        set_fill(canvas, hex_colour(entry.colour))
        canvas.roundRect(x, mid - 3.5, SYMBOL, 7, 1.5, stroke=0, fill=1)
    elif entry.kind == "milestone":
        set_fill(canvas, hex_colour(style.INK))
        path = canvas.beginPath()
        cx = x + SYMBOL / 2
        path.moveTo(cx, mid + 4)
        path.lineTo(cx + 4, mid)
        path.lineTo(cx, mid - 4)
        path.lineTo(cx - 4, mid)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
    elif entry.kind == "critical":
        set_fill(canvas, hex_colour(style.FAINT))
        set_stroke(canvas, hex_colour(style.CRITICAL))
        canvas.setLineWidth(1.4)
        canvas.roundRect(x + 0.7, mid - 3.5, SYMBOL - 1.4, 7, 1.5, stroke=1, fill=1)
    elif entry.kind == "link":
        set_stroke(canvas, hex_colour(style.DEPENDENCY))
        set_fill(canvas, hex_colour(style.DEPENDENCY))
        canvas.setLineWidth(0.8)
        canvas.line(x, mid, x + SYMBOL - 4, mid)
        path = canvas.beginPath()
        path.moveTo(x + SYMBOL, mid)
        path.lineTo(x + SYMBOL - 4.5, mid + 2.2)
        path.lineTo(x + SYMBOL - 4.5, mid - 2.2)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
    elif entry.kind == "idea":
        set_fill(canvas, hex_colour(style.mix(style.FAINT, style.IDEA_TINT)))
        set_stroke(canvas, hex_colour(style.FAINT))
        canvas.setLineWidth(0.6)
        canvas.setDash(2, 1.5)
        canvas.roundRect(x, mid - 3.5, SYMBOL, 7, 1.5, stroke=1, fill=1)
        canvas.setDash()
    elif entry.kind == "dropped":
        set_fill(canvas, hex_colour(style.DROPPED))
        canvas.roundRect(x, mid - 3.5, SYMBOL, 7, 1.5, stroke=0, fill=1)
    elif entry.kind == "measure":
        flag(canvas, x + SYMBOL / 2 - 2, mid - 5, 10, entry.colour)
    elif entry.kind == "dot":  # a RAG status
        set_fill(canvas, hex_colour(entry.colour))
        canvas.circle(x + SYMBOL / 2, mid, 3.2, stroke=0, fill=1)
    elif entry.kind == "today":
        set_stroke(canvas, hex_colour(style.TODAY))
        canvas.setLineWidth(1)
        canvas.setDash(2.5, 1.5)
        canvas.line(x + SYMBOL / 2, mid - 5, x + SYMBOL / 2, mid + 5)
        canvas.setDash()


def flag(canvas: Canvas, x: float, y: float, height: float, ink: str = style.MEASURE) -> None:
    """A measure's target-date flag: a pole from `y` up `height` points with a pennant
    (`ink`: red for a measure off track)."""
    set_stroke(canvas, hex_colour(ink))
    set_fill(canvas, hex_colour(ink))
    canvas.setLineWidth(0.8)
    canvas.line(x, y, x, y + height)
    path = canvas.beginPath()
    path.moveTo(x, y + height)
    path.lineTo(x + 5.5, y + height - 2.2)
    path.lineTo(x, y + height - 4.4)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def draw(canvas: Canvas, lines: list[list[tuple[float, Entry, str]]], x: float, top: float) -> None:
    """Draw the legend with its first line's top at `top`."""
    canvas.saveState()
    for number, line in enumerate(lines):
        y = top - (number + 1) * LINE + 3
        for dx, entry, label in line:
            _symbol(canvas, entry, x + dx, y)
            set_fill(canvas, hex_colour(style.INK))
            draw_text(canvas, x + dx + SYMBOL + 4, y, label, style.LEGEND_SIZE)
    canvas.restoreState()

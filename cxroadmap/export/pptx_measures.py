"""The roadmap slide's measure flags: lines from the lanes' top down to their labels in the
strip under the lanes, broken around any text they would cross; full names in the notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxroadmap.common import style
from cxroadmap.export.measure_strip import LEVEL_H, PAD, SIZE
from cxroadmap.export.pptx_shapes import ShapeWriter
from cxroadmap.export.textformat import short_date
from cxroadmap.export.timeline import TimelineChart

if TYPE_CHECKING:
    from cxroadmap.export.pptx_roadmap import Frame

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in slide points, y down


def draw_measures(out: ShapeWriter, chart: TimelineChart, f: Frame, texts: list[Box]) -> None:
    """Each measure's label on its level of the strip and its line, clear of `texts`."""
    strip_top = chart.rows_bottom
    if not chart.strip:
        return
    out.text(
        f.x(0), f.y(strip_top - PAD + 1), f.d(chart.label_width), f.d(9), "MEASURES", f.d(6.5),
        style.MUTED, True, name="Measures caption",
    )  # fmt: skip
    top_y = f.y(chart.rows_top)
    for flag in chart.strip:
        names = flag.more or (flag.name,)
        ink = style.OFF_TRACK if chart.off_track.intersection(names) else style.MEASURE
        colour = style.mix(ink, 0.45)
        top = strip_top - PAD - flag.level * LEVEL_H  # of the label's level, chart points up
        mid = top - LEVEL_H / 2
        x = f.x(flag.x)
        for y0, y1 in [] if flag.more else gaps_around(x, top_y, f.y(strip_top), texts):
            out.line(x, y0, x, y1, colour, f.d(0.6), "sysDot", name=f"Measure line {flag.name}")
        if flag.level < 0:
            continue  # no room for its label: the notes name it
        line = f"Measure line {flag.name}" if flag.name else "Measures more line"
        out.line(x, f.y(strip_top), x, f.y(mid), colour, f.d(0.8), name=line)
        if flag.more:  # the day's flags that found no room of their own
            name = f"Measures more {short_date(flag.day)}"
            descr = f"Also due {short_date(flag.day)}: " + "; ".join(flag.more)
        else:
            name = f"Measure {flag.name}"
            descr = f"{flag.name}: target date {short_date(flag.day)}"
        out.text(
            f.x(flag.left), f.y(mid + SIZE * 0.6), f.d(flag.width), f.d(SIZE * 1.2), flag.label,
            f.d(SIZE), ink, name=name, descr=descr,
        )  # fmt: skip


def gaps_around(x: float, top: float, bottom: float, texts: list[Box]) -> list[tuple[float, float]]:
    """The parts of a vertical line at `x` from `top` down to `bottom` that cross no text box."""
    cuts = sorted((y0 - 1, y1 + 1) for x0, y0, x1, y1 in texts if x0 - 1 <= x <= x1 + 1)
    parts, y = [], top
    for y0, y1 in cuts:
        if y0 > y:
            parts.append((y, min(y0, bottom)))
        y = max(y, y1)
        if y >= bottom:
            break
    if y < bottom:
        parts.append((y, bottom))
    return [(a, b) for a, b in parts if b - a > 0.5]


def notes(chart: TimelineChart) -> str:
    """The measures' full names and target dates, for the roadmap slide's notes."""
    if not chart.strip:
        return ""
    lines = ["Measures' target dates (the flags under the lanes):"]
    for flag in sorted((f for f in chart.strip if f.name), key=lambda f: (f.day, f.name)):
        off = " (off track)" if flag.name in chart.off_track else ""
        lines.append(f"- {short_date(flag.day)}: {flag.name}{off}")
    return "\n".join(lines)

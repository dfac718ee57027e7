"""The timeline's date scale and its axis: ticks in weeks, months or quarters to suit the zoom."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPen, QPolygonF

from cxroadmap.common import style
from cxroadmap.domain.labels import MONTHS
from cxroadmap.ui.views.look import Metrics, colour, elide, font

# Below these widths (pixels) a week or a month label would not fit, so the axis steps up.
MIN_WEEK_PX = 38.0
MIN_MONTH_PX = 34.0


@dataclass(frozen=True)
class TimeScale:
    """Calendar days to scene x: `origin` sits at x = `left`, one day is `px_per_day` wide."""

    origin: dt.date
    px_per_day: float
    left: float = 0.0

    def x_of(self, day: dt.date) -> float:
        return self.left + (day - self.origin).days * self.px_per_day

    def date_at(self, x: float) -> dt.date:
        """The day whose column holds `x` (nearest day boundary to the left)."""
        return self.origin + dt.timedelta(days=int((x - self.left) // self.px_per_day))

    def nearest_date(self, x: float) -> dt.date:
        """The day whose start is closest to `x` (what a dragged bar snaps to)."""
        return self.origin + dt.timedelta(days=round((x - self.left) / self.px_per_day))


@dataclass(frozen=True)
class Tick:
    day: dt.date
    label: str


def unit_for(px_per_day: float) -> str:
    """ "weeks", "months" or "quarters": the finest unit whose labels still fit."""
    if px_per_day * 7 >= MIN_WEEK_PX:
        return "weeks"
    if px_per_day * 30 >= MIN_MONTH_PX:
        return "months"
    return "quarters"


def _month_starts(first: dt.date, last: dt.date, step: int) -> Iterator[dt.date]:
    month = ((first.month - 1) // step) * step + 1
    day = dt.date(first.year, month, 1)
    while day <= last:
        yield day
        index = day.month - 1 + step
        day = dt.date(day.year + index // 12, index % 12 + 1, 1)


def ticks(first: dt.date, last: dt.date, unit: str) -> tuple[list[Tick], list[Tick]]:
    """(major, minor) ticks covering [first, last]: weeks under months, months under
    quarters, quarters under years."""
    if unit == "weeks":
        monday = first - dt.timedelta(days=first.weekday())
        minor = []
        while monday <= last:
            minor.append(Tick(monday, str(monday.day)))
            monday += dt.timedelta(days=7)
        major = [
            Tick(d, f"{MONTHS[d.month - 1][:3]} {d.year}") for d in _month_starts(first, last, 1)
        ]
        return major, minor
    if unit == "months":
        minor = [Tick(d, MONTHS[d.month - 1][:3]) for d in _month_starts(first, last, 1)]
        major = [
            Tick(d, f"Q{(d.month - 1) // 3 + 1} {d.year}") for d in _month_starts(first, last, 3)
        ]
        return major, minor
    minor = [Tick(d, f"Q{(d.month - 1) // 3 + 1}") for d in _month_starts(first, last, 3)]
    major = [Tick(d, str(d.year)) for d in _month_starts(first, last, 12)]
    return major, minor


def tick_label(metrics: QFontMetrics, label: str, width: float) -> str:
    """`label` or a shorter form of it that fits `width` ("Q1 2027" -> "Q1 '27" -> "Q1",
    "Jan 2027" -> "Jan '27" -> "Jan", "Feb" -> "F", "2027" -> "'27"); "" rather than a
    label cut inside a word. The short year keeps a projected axis's years readable."""
    words = label.split()
    forms = [label, words[0]] if len(words) > 1 else [label]
    if len(words) == 2 and len(words[1]) == 4 and words[1].isdigit():
        forms.insert(1, f"{words[0]} '{words[1][2:]}")
    if len(label) == 3 and label.isalpha():
        forms.append(label[0])  # a month's initial, as calendars print them
    if len(label) == 4 and label.isdigit():
        forms.append("'" + label[2:])
    return next((f for f in forms if metrics.horizontalAdvance(f) <= width), "")


@dataclass(frozen=True)
class PhaseSpan:
    name: str
    first: dt.date
    end: dt.date  # exclusive
    index: int


def paint_axis(
    painter: QPainter,
    scale: TimeScale,
    phases: list[PhaseSpan],
    x_from: float,
    x_to: float,
    metrics: Metrics,
    today: dt.date | None = None,
) -> None:
    """Paint the axis (phase row, major row, minor row) for scene x in [x_from, x_to] into
    painter coordinates where y 0..metrics.axis is the axis and x is scene x."""
    row = metrics.axis / 3
    painter.save()
    painter.fillRect(QRectF(x_from, 0, x_to - x_from, metrics.axis), colour(style.PAPER))
    first = scale.date_at(x_from) - dt.timedelta(days=1)
    last = scale.date_at(x_to) + dt.timedelta(days=1)

    # Phase row: one tinted band per phase with its name, as on the PDF.
    painter.setFont(font(metrics.axis_pt, bold=True))
    for span in phases:
        left, right = scale.x_of(span.first), scale.x_of(span.end)
        if right < x_from or left > x_to:
            continue
        band = QRectF(left, 0, right - left, row)
        painter.fillRect(band, colour(style.phase_tint(span.index)))
        painter.setPen(colour(style.phase_ink(span.index)))
        text = band.adjusted(6, 0, -4, 0).intersected(QRectF(x_from + 6, 0, x_to - x_from, row))
        elided = elide(painter.fontMetrics(), span.name, text.width(), whole_words=True)
        if elided:
            painter.drawText(
                text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided
            )

    major, minor = ticks(first, last, unit_for(scale.px_per_day))
    for ticks_row, top, bold in ((major, row, True), (minor, 2 * row, False)):
        painter.setFont(font(metrics.axis_pt, bold=bold))
        for i, tick in enumerate(ticks_row):
            x = scale.x_of(tick.day)
            following = ticks_row[i + 1].day if i + 1 < len(ticks_row) else last
            painter.setPen(QPen(colour(style.RULE), 1))
            painter.drawLine(QPointF(x, top), QPointF(x, top + row))
            painter.setPen(colour(style.INK if bold else style.MUTED))
            # A label whose tick has scrolled off stays at the left edge while it fits.
            left = max(x, x_from) + 4
            width = scale.x_of(following) - left - 2
            label = tick_label(painter.fontMetrics(), tick.label, width)
            painter.drawText(
                QRectF(left, top, max(0.0, width), row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
    painter.setPen(QPen(colour(style.RULE), 1))
    painter.drawLine(QPointF(x_from, row), QPointF(x_to, row))
    painter.drawLine(QPointF(x_from, metrics.axis - 0.5), QPointF(x_to, metrics.axis - 0.5))
    if today is not None:
        x = scale.x_of(today)
        if x_from <= x <= x_to:
            # A small mark on the axis's foot, under the labels rather than through them.
            size = max(3.0, row / 6)
            bottom = metrics.axis - 1
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour(style.TODAY))
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x - size, bottom - size),
                        QPointF(x + size, bottom - size),
                        QPointF(x, bottom),
                    ]
                )
            )
    painter.restore()

"""Ghost bars: where the chosen baseline had each initiative, drawn under its live bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen, QPolygonF

from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.result import Schedule
from cxroadmap.ui.views.look import colour

GHOST_FILL = "#c3cad5"
GHOST_LINE = "#7d8694"

# key -> (x, width, milestone) in scene pixels
Ghosts = dict[str, tuple[float, float, bool]]


def ghost_geometry(
    strategy: Strategy,
    schedule: Schedule,
    x_of: Callable[[dt.date], float],
    shown: Mapping[str, tuple[float, float, float, float, bool]],
) -> Ghosts:
    """The chosen baseline's bar of every initiative shown (`shown`: the scene's geometry)."""
    baseline = strategy.baseline()
    if baseline is None:
        return {}
    ghosts: Ghosts = {}
    for entry in baseline.entries:
        live = shown.get(entry.key)
        if live is None:
            continue
        if entry.duration == 0:
            item = schedule.items.get(entry.key)
            same = item is not None and item.is_milestone and item.start == entry.start
            # An unmoved milestone shows where the live one is (the same moment of its date).
            x = live[0] if same else x_of(entry.start + dt.timedelta(days=1))
            ghosts[entry.key] = (x, 0.0, True)
        else:
            x = x_of(entry.start)
            ghosts[entry.key] = (x, x_of(entry.finish + dt.timedelta(days=1)) - x, False)
    return ghosts


def paint_ghost(painter: QPainter, ghost: tuple[float, float, bool], bar: QRectF) -> None:
    """Draw a ghost (x relative to the bar item) as a low band or a hollow diamond.

    Drawn before the live bar, so where the dates agree only its lower edge shows.
    """
    x, width, milestone = ghost
    painter.setPen(QPen(colour(GHOST_LINE), 1.0))
    if milestone:
        c = QPointF(x, bar.center().y() + 3)
        r = bar.height() / 2
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), c.y() - r),
                    QPointF(c.x() + r, c.y()),
                    QPointF(c.x(), c.y() + r),
                    QPointF(c.x() - r, c.y()),
                ]
            )
        )
        return
    painter.setBrush(QBrush(colour(GHOST_FILL)))
    top = bar.top() + bar.height() * 0.5
    painter.drawRoundedRect(QRectF(x, top, max(width, 2.0), bar.bottom() + 3.5 - top), 2, 2)

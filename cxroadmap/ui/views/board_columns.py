"""The phase board's columns: tinted, headed by the phase's name, dates and count, and TODAY."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from cxroadmap.common import style
from cxroadmap.ui.views.board_card import short_range
from cxroadmap.ui.views.look import colour, elide, font

if TYPE_CHECKING:
    from cxroadmap.ui.views.board import BoardScene

PAD = 10.0  # the board's (board.py)
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def paint_columns(board: BoardScene, painter: QPainter, rect: QRectF) -> None:
    """Every column in `rect`: its tint (stronger in the presentation's spotlight), the
    phase's name (cut at a word, never inside one), its dates and count."""
    painter.fillRect(rect, colour(style.PAPER))
    strategy = board.strategy
    if strategy is None or board.schedule is None:
        painter.setPen(colour(style.MUTED))
        painter.setFont(font(board.metrics.heading_pt))
        painter.drawText(
            QRectF(16, 16, 2000, 40), Qt.AlignmentFlag.AlignLeft, f"Cannot schedule: {board.error}"
        )
        return
    m = board.metrics
    bounds = {name: (first, end) for name, first, end in strategy.phase_bounds()}
    index = {name: i for i, name in enumerate(strategy.phase_names())}
    counts: dict[str, int] = {}
    for item in board.schedule.items.values():
        counts[item.phase] = counts.get(item.phase, 0) + 1
    today = board.today_phase()
    for name, column in board.columns:
        if not column.intersects(rect):
            continue
        i = index.get(name, 0)
        spotlit = board.focus is not None and name == board.focus
        painter.setPen(QPen(colour(style.phase_ink(i)), 2) if spotlit else Qt.PenStyle.NoPen)
        painter.setBrush(colour(style.mix(style.phase_tint(i), 1.0 if spotlit else 0.6)))
        painter.drawRoundedRect(column, 8, 8)
        head = QRectF(
            column.left() + PAD, column.top() + 6, column.width() - 2 * PAD, m.lane_header * 2.2 - 6
        )
        badge = today_badge(board, painter, head) if name == today else 0.0
        painter.setPen(colour(style.phase_ink(i)))
        painter.setFont(font(m.heading_pt, bold=True))
        room = head.width() - (badge + 8 if badge else 0)
        painter.drawText(
            QRectF(head.left(), head.top(), room, head.height() / 2),
            LEFT,
            elide(painter.fontMetrics(), name, room),
        )
        first, end = bounds.get(name, (None, None))
        n = counts.get(name, 0)
        when = ""
        if first is not None:
            when = (
                f"from {first.day} {first:%b %Y}"
                if end is None
                else short_range(first, end - dt.timedelta(days=1))
            )
        painter.setFont(font(m.label_pt))
        painter.setPen(colour(style.MUTED))
        painter.drawText(
            QRectF(head.left(), head.center().y(), head.width(), head.height() / 2),
            LEFT,
            elide(
                painter.fontMetrics(),
                f"{when}  ·  {n} initiative{'s' if n != 1 else ''}",
                head.width(),
            ),
        )


def today_badge(board: BoardScene, painter: QPainter, head: QRectF) -> float:
    """The phase we are in now: a TODAY badge at the right of its header (the board's today
    line); returns its width."""
    painter.setFont(font(board.metrics.label_pt - 1, bold=True))
    width = painter.fontMetrics().horizontalAdvance("TODAY") + 12
    badge = QRectF(head.right() - width, head.top() + 4, width, head.height() / 2 - 8)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour(style.TODAY))
    painter.drawRoundedRect(badge, 3, 3)
    painter.setPen(colour(style.PAPER))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "TODAY")
    return width

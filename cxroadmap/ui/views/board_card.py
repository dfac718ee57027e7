"""One card of the phase board: pillar stripe, title, owner and pillar, dates, pin badge."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from cxroadmap.common import style
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import pillar_label
from cxroadmap.scheduling.result import ScheduledInitiative
from cxroadmap.ui.paint_guard import guarded_item
from cxroadmap.ui.rag_state import rag_marks, rag_tooltip
from cxroadmap.ui.views.look import colour, done_fraction, elide, font, progress_colour, wrap
from cxroadmap.ui.views.timeline_scene import bar_fill

if TYPE_CHECKING:
    from cxroadmap.ui.views.board import BoardScene


def short_range(first: dt.date, last: dt.date) -> str:
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


class CardItem(QGraphicsRectItem):
    """One initiative on the board: pillar stripe, title, owner and pillar, dates, pin flag.

    A rect item whose rect is the card's bounds (the card and its 2 px border), drawn by
    `paint`: Qt answers a rect item's bounds in C++, where a Python `boundingRect` was a
    call into Python for every card the scene looked at.
    """

    def __init__(self, board: BoardScene, key: str) -> None:
        super().__init__()
        self.board = board
        self.key = key
        self.title = ""
        self.detail = ""
        self.dates = ""
        self.fill = style.DROPPED
        self.flag = ""  # why the scheduler could not keep it in its pinned phase
        self.pinned = False
        self.critical = False
        self.done = 0.0  # share done (look.done_fraction): a bar along the card's foot
        self.selected = False
        self.faded = False  # out of the presentation's spotlight
        self.rag = ""  # RAG colour of the dot in the top right corner ("" for none)
        self.look: tuple[object, ...] | None = None  # what the text and colours were made from
        m = board.metrics
        self._rect = QRectF(0, 0, board.card_width, m.card_height)
        self.setRect(self._rect.adjusted(-2, -2, 2, 2))
        self.setPen(QPen(Qt.PenStyle.NoPen))  # no pen: the bounds are the rect itself

    def describe(self, strategy: Strategy, item: ScheduledInitiative) -> None:
        """Show `item` (and its initiative's owner, pillar, status and pin), if changed."""
        card = self
        ini = strategy.initiatives.get(item.key)
        pillar, owner, status = (ini.pillar, ini.owner, ini.status) if ini else ("", "", "")
        pin = ini.phase if ini else None
        look: tuple[object, ...] = (item.title, item.start, item.finish, item.is_milestone)
        rag = rag_marks(strategy, self.board.schedule).get(item.key)
        percent = ini.percent_complete if ini else 0
        look += (item.critical, item.phase, item.reason, pillar, owner, status, pin, rag)
        look += (item.state, percent)
        if look == card.look:
            return
        card.look = look
        card.title = item.title
        card.detail = " · ".join(p for p in (owner.strip(), pillar_label(pillar)) if p)
        card.dates = (
            "Milestone " + short_range(item.start, item.start)
            if item.is_milestone
            else short_range(item.start, item.finish)
        )
        card.fill = bar_fill(pillar, status)
        card.critical = item.critical
        card.done = done_fraction(item.state, percent)
        card.pinned = bool(pin)
        card.flag = ""
        if pin and pin != item.phase:
            card.flag = f"Pinned to {pin}, but starts in {item.phase} ({item.reason})"
            card.dates += f" · wanted in {pin}"
        card.rag = "" if rag is None else style.RAG_COLOURS[rag.colour]
        # The full text of whatever the card has to shorten, and why it is where it is.
        tip = f"{item.title}\n{card.detail}\n{card.dates}"
        tip = f"{tip}\n{card.flag}" if card.flag else tip
        card.setToolTip(tip if rag is None else f"{tip}\n{rag_tooltip(rag)}")
        card.update()

    def set_width(self, width: float) -> None:
        if width != self._rect.width():
            self._rect.setWidth(width)
            self.setRect(self._rect.adjusted(-2, -2, 2, 2))  # tells the scene first

    @guarded_item
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        m = self.board.metrics
        rect = self._rect
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        border = QPen(colour(style.RULE), 1)
        if self.flag:
            border = QPen(colour(style.CRITICAL), 2)
        if self.selected:
            border = QPen(colour(style.ACCENT), 2.5)
        painter.setPen(border)
        painter.setBrush(QBrush(colour(style.PAPER)))
        painter.drawRoundedRect(rect, 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour(self.fill))
        painter.drawRoundedRect(QRectF(rect.left() + 1, rect.top() + 1, 6, rect.height() - 2), 3, 3)
        if self.done > 0:
            track = QRectF(rect.left() + 10, rect.bottom() - 6, rect.width() - 20, 3)
            painter.setBrush(colour(style.GRID))
            painter.drawRoundedRect(track, 1.5, 1.5)
            painter.setBrush(progress_colour(self.fill))
            painter.drawRoundedRect(
                QRectF(track.left(), track.top(), track.width() * self.done, 3), 1.5, 1.5
            )
        text = rect.adjusted(16, 6, -8, -6)
        if self.rag:
            # The RAG status (scheduling/rag.py): a dot the title wraps clear of.
            painter.setBrush(colour(self.rag))
            painter.drawEllipse(QPointF(rect.right() - 10, rect.top() + 10), 5, 5)
            text.setRight(text.right() - 12)
        line = m.label_pt * 1.9
        painter.setPen(colour(style.INK))
        title_font = font(m.label_pt + 0.5, bold=True)
        painter.setFont(title_font)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        title_lines = wrap(QFontMetricsF(title_font), self.title, text.width(), 2)
        for i, value in enumerate(title_lines):
            painter.drawText(
                QRectF(text.left(), text.top() + i * line, text.width(), line), left, value
            )
        painter.setFont(font(m.label_pt))
        painter.setPen(colour(style.MUTED))
        badge_width = 0.0
        if self.flag or self.pinned:
            badge_font = font(m.label_pt - 1, bold=True)
            label = "NOT KEPT" if self.flag else "PINNED"
            badge_width = QFontMetricsF(badge_font).horizontalAdvance(label) + 10
        for i, value in enumerate((self.detail, self.dates), start=2):
            room = text.width() - (badge_width + 6 if i == 3 else 0)
            shown = elide(painter.fontMetrics(), value, room)
            painter.drawText(QRectF(text.left(), text.top() + i * line, room, line), left, shown)
        if badge_width:
            painter.setFont(badge_font)
            badge = QRectF(
                rect.right() - badge_width - 8, text.top() + 3 * line + 1, badge_width, line - 2
            )
            tint = style.CRITICAL if self.flag else style.MUTED
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour(style.mix(tint, 0.14)))
            painter.drawRoundedRect(badge, 3, 3)
            painter.setPen(colour(tint))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)

"""The timeline (Gantt) scene: bars by swimlane on a date scale, arrows, phases, critical path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QObject, QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import pillar_colour
from cxroadmap.export import style
from cxroadmap.scheduling.result import Schedule, ScheduledInitiative
from cxroadmap.ui.views.date_axis import PhaseSpan, TimeScale
from cxroadmap.ui.views.look import NORMAL, Metrics, colour, font
from cxroadmap.ui.views.timeline_items import BackdropItem, BarItem, DependencyLayer
from cxroadmap.ui.views.timeline_layout import (
    Lane,
    date_window,
    finish_of,
    lanes_of,
    milestone_day,
    phase_spans,
)

DEFAULT_PX_PER_DAY = 3.0
MIN_PX_PER_DAY = 0.15
MAX_PX_PER_DAY = 60.0
RIGHT_MARGIN = 24.0


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def bar_fill(pillar: str, status: str) -> str:
    if status == "dropped":
        return style.DROPPED
    if status == "idea":
        return style.mix(pillar_colour(pillar), style.IDEA_TINT)
    return pillar_colour(pillar)


class TimelineScene(QGraphicsScene):
    """Bars are created once per key and moved on later syncs, so edits and zooms stay cheap.

    `keys` limits the scene to some initiatives and `bounds` to a date range (presentation
    mode shows one phase at a time that way).
    """

    def __init__(
        self,
        metrics: Metrics = NORMAL,
        grouping: str = "pillar",
        keys: Iterable[str] | None = None,
        bounds: tuple[dt.date, dt.date] | None = None,
        today: dt.date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.metrics = metrics
        self.grouping = grouping
        self.only = list(keys) if keys is not None else None
        self.bounds = bounds
        self.today = today if today is not None else dt.date.today()
        self.px_per_day = DEFAULT_PX_PER_DAY
        self.strategy: Strategy | None = None
        self.schedule: Schedule | None = None
        self.scale = TimeScale(dt.date.today(), self.px_per_day)
        self.window = (dt.date.today(), dt.date.today())
        self.content_right = 0.0  # right end of the last bar's title
        self.phases: list[PhaseSpan] = []
        self.lanes: list[Lane] = []
        self.lane_tops: list[tuple[float, Lane]] = []
        self.rows: dict[str, float] = {}
        self.bars: dict[str, BarItem] = {}
        self.selected: set[str] = set()
        self.setBackgroundBrush(colour(style.PAPER))
        self.backdrop = BackdropItem(self)
        self.arrows = DependencyLayer(self)
        self.addItem(self.backdrop)
        self.addItem(self.arrows)
        self.notice = QGraphicsSimpleTextItem()
        self.notice.setFont(font(metrics.heading_pt))
        self.notice.setBrush(colour(style.MUTED))
        self.addItem(self.notice)

    # -- data ----------------------------------------------------------------------------

    def set_data(self, strategy: Strategy, schedule: Schedule | None, error: str = "") -> None:
        self.strategy, self.schedule = strategy, schedule
        self.notice.setText("" if schedule is not None else f"Cannot schedule: {error}")
        self.notice.setPos(16, 16)
        self.sync()

    def set_grouping(self, grouping: str) -> None:
        self.grouping = grouping
        self.sync()

    def set_px_per_day(self, px_per_day: float) -> None:
        self.px_per_day = min(MAX_PX_PER_DAY, max(MIN_PX_PER_DAY, px_per_day))
        self.sync(relayout_only=True)

    def set_selected(self, keys: Iterable[str]) -> None:
        new = set(keys)
        for key in self.selected ^ new:
            bar = self.bars.get(key)
            if bar is not None:
                bar.selected = key in new
                bar.update()
        self.selected = new

    def total_days(self) -> int:
        return (self.window[1] - self.window[0]).days

    # -- layout --------------------------------------------------------------------------

    def sync(self, relayout_only: bool = False) -> None:
        """Bring every item in line with the strategy, schedule, zoom and grouping."""
        strategy, schedule = self.strategy, self.schedule
        if strategy is None or schedule is None:
            for key in list(self.bars):
                self.removeItem(self.bars.pop(key))
            self.setSceneRect(QRectF(0, 0, 800, 200))
            return
        m = self.metrics
        if not relayout_only:
            self.window = date_window(strategy, schedule, self.only, self.today, self.bounds)
            self.lanes = lanes_of(strategy, schedule, self.grouping, self.only)
            self._place_rows()
        self.scale = TimeScale(self.window[0], self.px_per_day, 0.0)
        calendar = strategy.calendar()
        for key in [k for k in self.bars if k not in self.rows]:
            self.removeItem(self.bars.pop(key))
        for key, y in self.rows.items():
            item = schedule.items[key]
            bar = self.bars.get(key)
            if bar is None:
                bar = self.bars[key] = BarItem(self, key)
                bar.selected = key in self.selected
                self.addItem(bar)
            if not relayout_only:
                ini = strategy.initiatives.get(key)
                pillar, status = (ini.pillar, ini.status) if ini else ("", "planned")
                bar.set_look(
                    item.title,
                    bar_fill(pillar, status),
                    item.is_milestone,
                    item.critical,
                    status == "dropped",
                )
            self._place_bar(bar, item, y, calendar)
        ends = (bar.pos().x() + bar.boundingRect().right() for bar in self.bars.values())
        self.content_right = max(self.scale.x_of(self.window[1]), *ends, 0.0)
        width = self.content_right + RIGHT_MARGIN
        self.phases = phase_spans(strategy, self.scale.date_at(width) + dt.timedelta(days=1))
        height = (self.lane_tops[-1][0] if self.lane_tops else 0) + self._lane_height_tail() + 8
        rect = QRectF(0, 0, width, max(height, 4 * m.row))
        self.backdrop.resize(rect)
        self.arrows.set_arrows(self._arrow_paths(), rect)
        self.setSceneRect(rect)

    def _lane_height_tail(self) -> float:
        if not self.lanes:
            return 0.0
        last = self.lanes[-1]
        return (self.metrics.lane_header if last.label else 0.0) + len(last.keys) * self.metrics.row

    def _place_rows(self) -> None:
        m = self.metrics
        y = 4.0
        self.rows, self.lane_tops = {}, []
        for lane in self.lanes:
            self.lane_tops.append((y, lane))
            if lane.label:
                y += m.lane_header
            for key in lane.keys:
                self.rows[key] = y
                y += m.row

    def _place_bar(
        self, bar: BarItem, item: ScheduledInitiative, y: float, calendar: object
    ) -> None:
        scale = self.scale
        if item.is_milestone:
            bar.set_geometry(scale.x_of(milestone_day(item)), y, 0.0, 0.0)
            return
        x = scale.x_of(item.start)
        width = scale.x_of(finish_of(item)) - x
        tail = width
        if item.slack_days > 0:
            latest_last_day = calendar.date_of(item.latest_start + item.duration - 1)  # type: ignore[attr-defined]
            tail = scale.x_of(latest_last_day + dt.timedelta(days=1)) - x
            if self.bounds is not None:
                # A phase on its own: slack past the window's end just runs to its edge.
                tail = min(tail, scale.x_of(self.window[1]) - x)
        bar.set_geometry(x, y, width, tail)

    def bar_x(self, key: str) -> float:
        """Scene x where the bar of `key` starts (a milestone: its diamond's centre)."""
        return self.bars[key].pos().x()

    def _arrow_paths(self) -> list[tuple[QPainterPath, QPolygonF, bool]]:
        strategy, schedule = self.strategy, self.schedule
        assert strategy is not None and schedule is not None
        m = self.metrics
        paths = []
        for dep in strategy.dependencies:
            a, b = self.bars.get(dep.from_key), self.bars.get(dep.to_key)
            if a is None or b is None:
                continue
            from_end = dep.type in ("FS", "FF")
            to_start = dep.type in ("FS", "SS")
            ay, by = a.pos().y() + m.row / 2, b.pos().y() + m.row / 2
            ax = a.pos().x() + (a.bar_rect().right() if from_end else a.bar_rect().left())
            bx = b.pos().x() + (b.bar_rect().left() if to_start else b.bar_rect().right())
            out = 6.0 if from_end else -6.0
            into = -1.0 if to_start else 1.0  # which side of the target the arrow enters from
            turn, entry = ax + out, bx + into * 8
            path = QPainterPath(QPointF(ax, ay))
            path.lineTo(turn, ay)
            if (turn - entry) * into >= 0:
                path.lineTo(turn, by)  # room to drop straight to the target row
            else:
                # Go round: along the gap between rows, then into the target from its side.
                mid = by - m.row / 2 if by > ay else by + m.row / 2
                path.lineTo(turn, mid)
                path.lineTo(entry, mid)
                path.lineTo(entry, by)
            path.lineTo(bx, by)
            head = _arrow_head(QPointF(bx, by), -into)
            critical = bool(
                schedule.items[dep.from_key].critical and schedule.items[dep.to_key].critical
            )
            paths.append((path, head, critical))
        return paths

    def tooltip(self, key: str) -> str:
        """What hovering a bar explains: dates, length, slack and why it starts then."""
        if self.schedule is None or self.strategy is None or key not in self.schedule.items:
            return ""
        item = self.schedule.items[key]
        ini = self.strategy.initiatives.get(key)
        lines = [f"<b>{_html(item.title)}</b> ({_html(key)})"]
        if item.is_milestone:
            lines.append(f"Milestone: {long_date(item.start)}")
        else:
            lines.append(
                f"{long_date(item.start)} – {long_date(item.finish)} ({item.duration} working days)"
            )
        lines.append(
            "Critical: no slack" if item.critical else f"Slack: {item.slack_days} working days"
        )
        lines.append(f"Starts then because: {_html(item.reason or 'project start')}")
        phase = f"Phase: {_html(item.phase)}"
        if ini is not None and ini.phase:
            phase += f" (pinned to {_html(ini.phase)})"
        lines.append(phase)
        if ini is not None and ini.owner:
            lines.append(f"Owner: {_html(ini.owner)}")
        return "<br>".join(lines)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _arrow_head(tip: QPointF, direction: float) -> QPolygonF:
    """A small triangle pointing along x (`direction` +1 right, -1 left) with its tip at `tip`."""
    back = tip.x() - direction * 6
    return QPolygonF([tip, QPointF(back, tip.y() - 3.5), QPointF(back, tip.y() + 3.5)])

"""The timeline (Gantt) scene: bars by swimlane on a date scale, arrows, phases, critical path."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from cxroadmap.common import style
from cxroadmap.domain.calendar import WorkCalendar
from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import pillar_colour
from cxroadmap.domain.view_filter import EVERYTHING_SHOWN, Shows
from cxroadmap.scheduling.result import Schedule, ScheduledInitiative
from cxroadmap.ui.rag_state import rag_marks
from cxroadmap.ui.views.baseline_ghosts import Ghosts, ghost_geometry
from cxroadmap.ui.views.date_axis import PhaseSpan, TimeScale
from cxroadmap.ui.views.look import NORMAL, Metrics, colour, done_fraction, family, font
from cxroadmap.ui.views.timeline_arrows import DependencyLayer
from cxroadmap.ui.views.timeline_follow import follow_change
from cxroadmap.ui.views.timeline_items import TEXT_GAP, BackdropItem, BarItem
from cxroadmap.ui.views.timeline_layout import (
    Lane,
    date_window,
    finish_of,
    flag_strip,
    lanes_of,
    milestone_day,
    phase_spans,
)
from cxroadmap.ui.views.timeline_marks import LaneLabels

DEFAULT_PX_PER_DAY = 3.0
MIN_PX_PER_DAY = 0.15
MAX_PX_PER_DAY = 60.0
RIGHT_MARGIN = 24.0
# Up to this many rows every bar is an item at once; above it, only the rows on screen.
EAGER_ROWS = 300


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def bar_fill(pillar: str, status: str) -> str:
    return style.status_fill(pillar_colour(pillar), status)


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
        shows: Shows = EVERYTHING_SHOWN,
    ) -> None:
        super().__init__(parent)
        self.metrics = metrics
        self.shows = shows  # slack, links, measures, today: a saved view's switches
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
        self.label_left = 0.0  # scene x of the view's left edge: lane names stay in sight
        self.label_room = 1e9  # the view's width: lane names are cut (at a word) to it
        self.clip_right = 1e9  # presenting: the screen's right edge, where titles must end
        self.phases: list[PhaseSpan] = []
        self.lanes: list[Lane] = []
        self.lane_tops: list[tuple[float, Lane]] = []
        self.flags_height = 0.0  # the strip above the first lane where measure flags stand
        self.rows: dict[str, float] = {}
        self.row_keys: list[str] = []
        self.row_ys: list[float] = []
        # key -> (x, width, slack tail, row y, milestone) in scene pixels
        self.geom: dict[str, tuple[float, float, float, float, bool]] = {}
        self.ends: dict[str, float] = {}  # key -> scene x where its title ends
        self.lane_of: dict[str, int] = {}  # key -> index of its lane in `lanes`
        self.generation = 0
        self.bars: dict[str, BarItem] = {}
        self.ghosts: Ghosts = {}  # the chosen baseline's bars (baseline_ghosts.py)
        self._family = family()
        self._label_metrics = QFontMetricsF(font(metrics.label_pt, bold=True))
        self._text_widths: dict[str, float] = {}
        self.selected: set[str] = set()
        self.setBackgroundBrush(colour(style.PAPER))
        self.backdrop = BackdropItem(self)
        self.arrows = DependencyLayer(self)
        self.lane_labels = LaneLabels(self)
        self.addItem(self.backdrop)
        self.addItem(self.arrows)
        self.addItem(self.lane_labels)
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

    def follow(self, strategy: Strategy, schedule: Schedule | None, change: Change) -> bool:
        """Move just the bars `change` moved (timeline_follow.py); False: call `set_data`."""
        return follow_change(self, strategy, schedule, change)

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

    @property
    def today_line(self) -> dt.date | None:
        """Today, when the today line is shown."""
        return self.today if self.shows.today else None

    def set_shows(self, shows: Shows) -> None:
        if shows != self.shows:
            self.shows = shows
            self.sync()

    def total_days(self) -> int:
        return (self.window[1] - self.window[0]).days

    # -- layout --------------------------------------------------------------------------

    def sync(self, relayout_only: bool = False) -> None:
        """Bring the layout in line with the strategy, schedule, zoom and grouping.

        Geometry is computed for every initiative (plain Python, cheap); bar items are made or
        moved only for rows on screen once the roadmap is large (see `ensure_rows`).
        """
        strategy, schedule = self.strategy, self.schedule
        self.generation += 1
        if self._family != family():
            # The brand font changed: titles are measured again in it.
            self._family = family()
            self._label_metrics = QFontMetricsF(font(self.metrics.label_pt, bold=True))
            self._text_widths = {}
            for bar in self.bars.values():
                bar.title = ""  # set_look measures it again
        if strategy is None or schedule is None:
            for key in list(self.bars):
                self.removeItem(self.bars.pop(key))
            self.rows, self.geom, self.row_keys, self.row_ys = {}, {}, [], []
            self.arrows.set_dependencies([])
            self.setSceneRect(QRectF(0, 0, 800, 200))
            return
        if not relayout_only:
            self.window = date_window(strategy, schedule, self.only, self.today_line, self.bounds)
            self.flags_height = flag_strip(self.metrics.label_pt, strategy, self.shows, self.bounds)
            self.lanes = lanes_of(strategy, schedule, self.grouping, self.only)
            self.place_rows()
            for key in [k for k in self.bars if k not in self.rows]:
                self.removeItem(self.bars.pop(key))
            if self.lazy:
                for bar in self.bars.values():
                    bar.hide()  # it may have moved to another row; shown again when placed
            self.set_arrows()
        self.scale = TimeScale(self.window[0], self.px_per_day, 0.0)
        self._compute_geometry(strategy, schedule)
        self.ghosts = ghost_geometry(strategy, schedule, self.scale.x_of, self.geom)
        self.set_rect()
        self.backdrop.update()
        self.arrows.update()
        if not self.lazy:
            self.ensure_all()

    def set_arrows(self) -> None:
        """Give the arrow layer every dependency between rows on show, critical ones marked."""
        assert self.strategy is not None
        self.arrows.set_dependencies(
            [
                (d.from_key, d.to_key, d.type, self._critical(d.from_key, d.to_key))
                for d in self.strategy.dependencies
                if d.from_key in self.rows and d.to_key in self.rows and self.shows.links
            ]
        )

    def follow_arrows(self, keys: set[str], old_rows: dict[str, float], area: QRectF) -> None:
        """Index and colour again the arrows at `keys` (bars moved, their rows were `old_rows`)."""
        self.arrows.follow(keys, old_rows, self._critical, area)

    def set_rect(self) -> None:
        """Size the scene to the rows and the titles' reach; phases run to its right edge."""
        assert self.strategy is not None
        m = self.metrics
        width = self.content_right + RIGHT_MARGIN
        self.phases = phase_spans(self.strategy, self.scale.date_at(width) + dt.timedelta(days=1))
        height = (self.lane_tops[-1][0] if self.lane_tops else 0) + self._lane_height_tail() + 8
        rect = QRectF(0, 0, width, max(height, 4 * m.row))
        if rect != self.sceneRect():
            self.backdrop.resize(rect)
            self.arrows.resize(rect)
            self.lane_labels.resize(rect)
            self.setSceneRect(rect)

    @property
    def lazy(self) -> bool:
        return len(self.rows) > EAGER_ROWS

    def _critical(self, a: str, b: str) -> bool:
        items = self.schedule.items if self.schedule else {}
        return bool(a in items and b in items and items[a].critical and items[b].critical)

    def _compute_geometry(self, strategy: Strategy, schedule: Schedule) -> None:
        calendar = strategy.calendar()
        self.geom, self.ends = {}, {}
        for key in self.rows:
            self.place(key, schedule.items[key], calendar)
        self.content_right = max([self.scale.x_of(self.window[1]), *self.ends.values()])

    def place(self, key: str, item: ScheduledInitiative, calendar: WorkCalendar) -> None:
        """Work out where the bar of `key` goes (`geom`) and where its title ends (`ends`)."""
        scale, m = self.scale, self.metrics
        if item.is_milestone:
            x, width, tail = scale.x_of(milestone_day(item)), 0.0, 0.0
            end = x + m.bar / 2 + TEXT_GAP + self.text_width(item.title) + 6
        else:
            x = scale.x_of(item.start)
            width = scale.x_of(finish_of(item)) - x
            tail = width
            if item.slack_days > 0 and self.shows.slack:
                latest = calendar.date_of(item.latest_start + item.duration - 1)
                tail = scale.x_of(latest + dt.timedelta(days=1)) - x
                if self.bounds is not None:
                    # A phase on its own: slack past the window's end runs to its edge.
                    tail = min(tail, scale.x_of(self.window[1]) - x)
            end = x + max(tail + 2, width + TEXT_GAP + self.text_width(item.title) + 6)
        self.geom[key] = (x, width, tail, self.rows[key], item.is_milestone)
        self.ends[key] = end

    def text_width(self, title: str) -> float:
        width = self._text_widths.get(title)
        if width is None:
            width = self._text_widths[title] = self._label_metrics.horizontalAdvance(title)
        return width

    # -- bar items, made and placed on demand ---------------------------------------------

    def ensure_rows(self, top: float, bottom: float) -> None:
        """Make and place the bars of the rows between scene y `top` and `bottom`."""
        first = bisect.bisect_left(self.row_ys, top - self.metrics.row)
        last = bisect.bisect_right(self.row_ys, bottom)
        for key in self.row_keys[first:last]:
            self.materialise(key)

    def ensure_all(self) -> None:
        for key in self.row_keys:
            self.materialise(key)

    def materialise(self, key: str) -> None:
        """Make (or update) the bar of `key` for the current layout, unless already done."""
        bar = self.bars.get(key)
        if bar is not None and bar.generation == self.generation:
            return
        assert self.strategy is not None and self.schedule is not None
        if bar is None:
            bar = self.bars[key] = BarItem(self, key)
            bar.selected = key in self.selected
            self.addItem(bar)
        item = self.schedule.items[key]
        ini = self.strategy.initiatives.get(key)
        pillar, status = (ini.pillar, ini.status) if ini else ("", "planned")
        bar.set_look(
            item.title,
            bar_fill(pillar, status),
            item.is_milestone,
            item.critical,
            status == "dropped",
            done_fraction(item.state, ini.percent_complete if ini else 0),
        )
        rag = rag_marks(self.strategy, self.schedule).get(key)
        bar.rag = "" if rag is None else style.RAG_COLOURS[rag.colour]
        x, width, tail, y, _ = self.geom[key]
        ghost = self.ghosts.get(key)
        bar.ghost = None if ghost is None else (ghost[0] - x, ghost[1], ghost[2])
        bar.set_geometry(x, y, width, tail)
        bar.generation = self.generation
        bar.show()

    def bar_x(self, key: str) -> float:
        """Scene x where the bar of `key` starts (a milestone: its diamond's centre)."""
        return self.geom[key][0]

    def bar_rect(self, key: str) -> QRectF:
        """The bar of `key` in scene coordinates, made or not."""
        x, width, _, y, milestone = self.geom[key]
        m = self.metrics
        top = y + (m.row - m.bar) / 2
        if milestone:
            return QRectF(x - m.bar / 2, top, m.bar, m.bar)
        return QRectF(x, top, max(width, 2.0), m.bar)

    def bar_ends(self, key: str) -> tuple[float, float, float]:
        """Left, right and middle y of `bar_rect(key)`, in the same arithmetic, no QRectF."""
        x, width, _, y, milestone = self.geom[key]
        bar = self.metrics.bar
        top = y + (self.metrics.row - bar) / 2
        left = x - bar / 2 if milestone else x
        return left, left + (bar if milestone else max(width, 2.0)), top + bar / 2

    def _lane_height_tail(self) -> float:
        if not self.lanes:
            return 0.0
        last = self.lanes[-1]
        return (self.metrics.lane_header if last.label else 0.0) + len(last.keys) * self.metrics.row

    def place_rows(self) -> None:
        """A row per initiative, lane after lane, from the top."""
        m = self.metrics
        y = 4.0 + self.flags_height
        self.rows, self.lane_tops, self.lane_of = {}, [], {}
        for index, lane in enumerate(self.lanes):
            self.lane_tops.append((y, lane))
            if lane.label:
                y += m.lane_header
            for key in lane.keys:
                self.rows[key] = y
                self.lane_of[key] = index
                y += m.row
        self.row_keys = list(self.rows)
        self.row_ys = list(self.rows.values())

    def tooltip(self, key: str) -> str:
        """What hovering a bar explains (timeline_tooltip.py)."""
        from cxroadmap.ui.views.timeline_tooltip import bar_tooltip

        return bar_tooltip(self, key)

"""The compare view: two strategies' timelines on one date axis, and what differs between them.

A is drawn above B on the same dates and zoom (their scrollbars move together); the list
below says what changed from A to B, as `cxroadmap compare` does (scheduling/compare.py):
slipped or earlier (working days on B's calendar), added, removed, moved phase, the project
finish and critical-path changes. Picking a line selects that initiative in both timelines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.compare import Comparison, compare_schedules
from cxroadmap.scheduling.planner import schedule
from cxroadmap.scheduling.result import Schedule
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import Follower
from cxroadmap.ui.naming import named
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views.timeline_layout import MARGIN, finish_of
from cxroadmap.ui.views.timeline_view import TimelineView

HEADERS = ("Key", "Title", "What changed", "A", "B")


class _Manual:
    """The compare view refreshes its timelines itself (once per pick or document change)."""

    def attach(self, view: Follower) -> None:
        pass


@dataclass
class Plan:
    """One side: a strategy of the document and its schedule (None with the reason)."""

    strategy: Strategy
    schedule: Schedule | None
    error: str = ""


def _plan(document: OpenDocument, strategy: Strategy) -> Plan:
    if strategy is document.strategy:
        return Plan(strategy, document.schedule, document.schedule_error or "")
    try:
        return Plan(strategy, schedule(strategy))
    except CxRoadmapError as exc:
        return Plan(strategy, None, str(exc))


def _signed(days: int) -> str:
    return f"+{days}" if days > 0 else str(days)


def _days(days: int) -> str:
    return f"{abs(days)} working day{'s' if abs(days) != 1 else ''}"


def differences(c: Comparison, a: Schedule, b: Schedule) -> list[tuple[str, str, str, str, str]]:
    """(key, title, what changed, A, B) for each finding, most important first."""
    rows: list[tuple[str, str, str, str, str]] = []
    for d in c.slipped():
        rows.append((d.key, b.items[d.key].title, f"Slipped {_days(d.finish_variance_days)}",
                     f"finish {d.before.finish}", f"finish {d.now.finish}"))  # fmt: skip
    for d in c.deltas.values():
        if d.finish_variance_days < 0:
            rows.append((d.key, b.items[d.key].title,
                         f"Earlier by {_days(d.finish_variance_days)}",
                         f"finish {d.before.finish}", f"finish {d.now.finish}"))  # fmt: skip
    for key in c.added:
        item = b.items[key]
        rows.append((key, item.title, "Added (only in B)", "", f"{item.start} – {item.finish}"))
    for key in c.removed:
        item = a.items[key]
        rows.append((key, item.title, "Removed (only in A)", f"{item.start} – {item.finish}", ""))
    for d in c.moved_phase():
        rows.append((d.key, b.items[d.key].title, "Moved phase", d.before.phase, d.now.phase))
    for key in c.critical_now_only:
        rows.append((key, b.items[key].title, "Critical in B only", "not critical", "critical"))
    for key in c.critical_before_only:
        rows.append((key, b.items[key].title, "Critical in A only", "critical", "not critical"))
    return rows


class CompareView(QDialog):
    """Pick two strategies of the open file; see both timelines and the differences."""

    def __init__(
        self,
        document: OpenDocument,
        strategies: list[Strategy],
        a: Strategy,
        b: Strategy,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare strategies")
        self.document = document
        self.strategies = strategies
        self.selection = Selection(self)
        self.comparison: Comparison | None = None
        layout = QVBoxLayout(self)
        picks = QHBoxLayout()
        self.combo_a = named(QComboBox(), "compare_a")
        self.combo_b = named(QComboBox(), "compare_b")
        for combo, label in ((self.combo_a, "A (before):"), (self.combo_b, "B (after):")):
            for strategy in strategies:
                mark = " — scenario" if strategy.scenario_of is not None else ""
                combo.addItem(f"{strategy.name}{mark}")
            picks.addWidget(QLabel(label))
            picks.addWidget(combo, 1)
        self.combo_a.setCurrentIndex(self._index(a))
        self.combo_b.setCurrentIndex(self._index(b))
        layout.addLayout(picks)
        self.summary = named(QLabel(), "compare_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        self.label_a = named(QLabel(), "compare_label_a")
        self.label_b = named(QLabel(), "compare_label_b")
        self.timeline_a = self._timeline("compare_timeline_a")
        self.timeline_b = self._timeline("compare_timeline_b")
        for caption, view in ((self.label_a, self.timeline_a), (self.label_b, self.timeline_b)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(caption)
            column.addWidget(view, 1)
            split.addWidget(box)
        self.list = named(QTreeWidget(), "compare_differences")
        self.list.setHeaderLabels(list(HEADERS))
        self.list.setRootIsDecorated(False)
        self.list.itemSelectionChanged.connect(self._picked)
        split.addWidget(self.list)
        split.setSizes([330, 330, 200])
        layout.addWidget(split, 1)
        # One date axis: same window, same zoom, same scene width, scrollbars together.
        self._px = self.timeline_a.px_per_day
        self._aligning = False
        bar_a, bar_b = self.timeline_a.horizontalScrollBar(), self.timeline_b.horizontalScrollBar()
        bar_a.valueChanged.connect(bar_b.setValue)
        bar_b.valueChanged.connect(bar_a.setValue)
        for view in (self.timeline_a, self.timeline_b):
            view.timeline.sceneRectChanged.connect(lambda _rect: self._align())
        self.combo_a.currentIndexChanged.connect(lambda _=0: self.refresh())
        self.combo_b.currentIndexChanged.connect(lambda _=0: self.refresh())
        document.changed.connect(self._document_changed)
        self.resize(1200, 820)
        self.refresh()

    def _index(self, strategy: Strategy) -> int:
        return next(i for i, s in enumerate(self.strategies) if s is strategy)

    def _timeline(self, name: str) -> TimelineView:
        view = TimelineView(self.document, self.selection, editable=False, feed=_Manual())
        view.setObjectName(name)
        return view

    def _align(self) -> None:
        """A zoom in one timeline zooms the other; both scenes get the wider one's width,
        so equal scrollbar values show equal dates."""
        if self._aligning:
            return
        self._aligning = True
        try:
            a, b = self.timeline_a, self.timeline_b
            if a.px_per_day != self._px:
                b.set_zoom(a.px_per_day)
            elif b.px_per_day != self._px:
                a.set_zoom(b.px_per_day)
            self._px = a.px_per_day
            width = max(a.timeline.sceneRect().width(), b.timeline.sceneRect().width())
            for scene in (a.timeline, b.timeline):
                rect = scene.sceneRect()
                if rect.width() != width:
                    scene.setSceneRect(QRectF(0, 0, width, rect.height()))
            b.horizontalScrollBar().setValue(a.horizontalScrollBar().value())
        finally:
            self._aligning = False

    @property
    def a(self) -> Strategy:
        return self.strategies[self.combo_a.currentIndex()]

    @property
    def b(self) -> Strategy:
        return self.strategies[self.combo_b.currentIndex()]

    def _document_changed(self, _change: object) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Schedule both sides, compare them, and redraw both timelines on the same dates."""
        a, b = _plan(self.document, self.a), _plan(self.document, self.b)
        self.label_a.setText(f"<b>A</b>: {_title(a.strategy)}")
        self.label_b.setText(f"<b>B</b>: {_title(b.strategy)}")
        window = _window(a, b)
        for view, plan in ((self.timeline_a, a), (self.timeline_b, b)):
            view.timeline.bounds = window
            view.source = lambda p=plan: (p.strategy, p.schedule, p.error)
            view.refresh()
        self._align()
        self.list.clear()
        if a.schedule is None or b.schedule is None:
            self.comparison = None
            bad = a if a.schedule is None else b
            self.summary.setText(f"Cannot compare: {bad.strategy.name} cannot be scheduled "
                                 f"({bad.error}).")  # fmt: skip
            return
        c = self.comparison = compare_schedules(a.schedule, b.schedule, b.strategy.calendar())
        self.summary.setText(summary_text(c, a.schedule, b.schedule))
        for row in differences(c, a.schedule, b.schedule):
            self.list.addTopLevelItem(QTreeWidgetItem(list(row)))
        for column in range(len(HEADERS)):
            self.list.resizeColumnToContents(column)

    def _picked(self) -> None:
        keys = [item.text(0) for item in self.list.selectedItems()]
        self.selection.set_keys(keys, self.list)


def _title(strategy: Strategy) -> str:
    key = f"{strategy.key} — " if strategy.key else ""
    mark = f" (scenario of {strategy.scenario_of})" if strategy.scenario_of else ""
    return f"{key}{strategy.name}{mark}"


def _window(a: Plan, b: Plan) -> tuple[dt.date, dt.date] | None:
    """The dates both timelines show: from the earlier start to the later finish."""
    firsts, lasts = [], []
    for plan in (a, b):
        firsts.append(plan.strategy.start)
        if plan.schedule is not None:
            items = plan.schedule.items.values()
            firsts += [i.start for i in items]
            lasts += [plan.schedule.finish, *(finish_of(i) for i in items)]
    first = min(firsts)
    last = max([first, *lasts])
    first -= MARGIN + dt.timedelta(days=first.weekday())
    return first, last + MARGIN


def summary_text(c: Comparison, a: Schedule, b: Schedule) -> str:
    """One line for a steering meeting: the finish and how many initiatives changed."""
    finish = (
        f"Project finish {a.finish} → {b.finish} ({_signed(c.finish_variance_days)} working days)"
    )
    parts = [
        f"{len(c.slipped())} slipped",
        f"{len(c.added)} added",
        f"{len(c.removed)} removed",
        f"{len(c.moved_phase())} moved phase",
    ]
    critical = len(c.critical_now_only) + len(c.critical_before_only)
    if critical:
        parts.append(f"{critical} critical-path change{'s' if critical != 1 else ''}")
    return f"{finish} · " + " · ".join(parts)

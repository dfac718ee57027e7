"""The Strategy view: the strategy's own fields (from the registry), calendar, phases, brand."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.calendar import WEEKDAY_NAMES
from cxroadmap.domain.cascade_edits import rename_strategy_key
from cxroadmap.domain.edits import Change, ChangeStrategy
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.fields import coerce
from cxroadmap.domain.registry import STRATEGY
from cxroadmap.ui.brand_editor import BrandBox
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.field_editors import RecordForm
from cxroadmap.ui.naming import named
from cxroadmap.ui.phases_editor import PhasesEditor

WEEKDAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class StrategyPanel(QScrollArea):
    """Each field commits one undoable ChangeStrategy (or SetPhases) when the user leaves it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: OpenDocument | None = None
        self._loading = False
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        grid = QGridLayout(body)
        grid.addWidget(self._build_identity(), 0, 0, 2, 1)
        grid.addWidget(self._build_calendar(), 0, 1)
        self.phases = PhasesEditor()
        grid.addWidget(self.phases, 1, 1)
        self.brand = BrandBox()
        grid.addWidget(self.brand, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(3, 1)

    def _build_identity(self) -> QGroupBox:
        box = QGroupBox("Strategy")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # One row per strategy field that declares an editor, in the registry's order; the
        # working week, holidays and phases have boxes of their own, the budget its tab.
        self.form = RecordForm(form, STRATEGY.values(), "strategy", self._commit)
        self.editors = self.form.editors
        return box

    def _build_calendar(self) -> QGroupBox:
        box = QGroupBox("Working calendar")
        layout = QVBoxLayout(box)
        week = QHBoxLayout()
        self.day_boxes: list[QCheckBox] = []
        for label in WEEKDAY_LABELS:
            check = named(QCheckBox(label), f"workday_{label.lower()}")
            check.toggled.connect(lambda _: self._commit_week())
            self.day_boxes.append(check)
            week.addWidget(check)
        week.addStretch(1)
        layout.addWidget(QLabel("Working week"))
        layout.addLayout(week)
        layout.addWidget(QLabel("Holidays"))
        self.holiday_list = named(QListWidget(), "holidays")
        self.holiday_list.setMaximumHeight(130)
        layout.addWidget(self.holiday_list)
        row = QHBoxLayout()
        self.holiday_date = named(QDateEdit(), "holiday_date")
        self.holiday_date.setCalendarPopup(True)
        self.holiday_date.setDisplayFormat("yyyy-MM-dd")
        add = named(QPushButton("Add holiday"), "add_holiday")
        remove = named(QPushButton("Remove"), "remove_holiday")
        add.clicked.connect(self.add_holiday)
        remove.clicked.connect(self.remove_holiday)
        row.addWidget(self.holiday_date)
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(remove)
        layout.addLayout(row)
        self._holiday_buttons = (add, remove)
        return box

    # -- document --------------------------------------------------------------------------

    def set_document(self, document: OpenDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        self.phases.set_document(document)
        self.brand.set_document(document)
        if document is not None:
            document.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, change: Change) -> None:
        if change.strategy:
            self.refresh()
            self.phases.refresh()

    def refresh(self) -> None:
        if self.document is None:
            return
        s = self.document.strategy
        readonly = self.document.readonly
        self.form.load(s, readonly)
        self._loading = True
        try:
            for name, check in zip(WEEKDAY_NAMES, self.day_boxes, strict=True):
                check.setChecked(name in s.working_days)
            self.holiday_list.clear()
            self.holiday_list.addItems([f"{d:%Y-%m-%d  %a}" for d in s.holidays])
            self.holiday_date.setDate(to_qdate(s.start))
            for control in (*self.day_boxes, *self._holiday_buttons):
                control.setEnabled(not readonly)
        finally:
            self._loading = False

    # -- committing ------------------------------------------------------------------------

    def _commit(self, field: str, value: Any, text: str | None = None) -> bool:
        if self._loading or self.document is None or self.document.readonly:
            return False
        f = STRATEGY[field]
        try:
            if coerce(f, value, field) == getattr(self.document.strategy, field):
                return False
        except CxRoadmapError:
            pass  # the edit refuses it and says why
        edit = ChangeStrategy({field: value}, text=text or f"Change {f.label.lower()}")
        if field == "key" and isinstance(value, str) and value:
            # Children's parent and support links follow the new key, in the same undo step.
            done = self.document.apply_across(
                edit.text, lambda cascade, s: rename_strategy_key(cascade, s, value)
            )
        else:
            done = self.document.apply(edit)
        if not done:
            self.refresh()
        return done

    def _commit_week(self) -> None:
        days = tuple(n for n, c in zip(WEEKDAY_NAMES, self.day_boxes, strict=True) if c.isChecked())
        self._commit("working_days", days)

    def add_holiday(self) -> bool:
        if self.document is None:
            return False
        day = from_qdate(self.holiday_date.date())
        holidays = self.document.strategy.holidays
        if day in holidays:
            return False
        return self._commit("holidays", sorted([*holidays, day]), f"Add holiday {day}")

    def remove_holiday(self) -> bool:
        row = self.holiday_list.currentRow()
        if self.document is None or row < 0:
            return False
        holidays = list(self.document.strategy.holidays)
        day = holidays.pop(row)
        return self._commit("holidays", holidays, f"Remove holiday {day}")

"""The Strategy view: name, level, owner, vision, mission, values, calendar, capacity and phases."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.calendar import WEEKDAY_NAMES
from cxroadmap.domain.cascade_edits import rename_strategy_key
from cxroadmap.domain.edits import Change, ChangeStrategy
from cxroadmap.domain.model import LEVELS
from cxroadmap.domain.registry import STRATEGY
from cxroadmap.ui.brand_editor import BrandBox
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.field_editors import CommitTextEdit
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
        self.name_edit = named(QLineEdit(), "strategy_name")
        self.level_combo = named(QComboBox(), "strategy_level")
        for level in LEVELS:
            self.level_combo.addItem(level.capitalize(), level)
        self.owner_edit = named(QLineEdit(), "strategy_owner")
        self.start_edit = named(QDateEdit(), "strategy_start")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        self.capacity_spin = named(QSpinBox(), "strategy_capacity")
        capacity = STRATEGY["max_parallel"]
        # 0 shows "No limit" (None); the rest is the field's own range.
        self.capacity_spin.setRange(0, int(capacity.limit or 999))
        self.capacity_spin.setSpecialValueText("No limit")
        self.capacity_spin.setToolTip(capacity.help)
        self.vision_edit = named(CommitTextEdit(), "strategy_vision")
        self.mission_edit = named(CommitTextEdit(), "strategy_mission")
        self.values_edit = named(CommitTextEdit(), "strategy_values")
        self.values_edit.setPlaceholderText("One value per line")
        for edit in (self.vision_edit, self.mission_edit, self.values_edit):
            edit.setMinimumHeight(70)
            edit.setMaximumHeight(120)
        form.addRow("Name", self.name_edit)
        form.addRow("Level", self.level_combo)
        form.addRow("Owner", self.owner_edit)
        form.addRow("Start date", self.start_edit)
        form.addRow("Capacity", self.capacity_spin)
        form.addRow("Vision", self.vision_edit)
        form.addRow("Mission", self.mission_edit)
        form.addRow("Values", self.values_edit)

        self.name_edit.editingFinished.connect(lambda: self._commit("name", self.name_edit.text()))
        self.owner_edit.editingFinished.connect(
            lambda: self._commit("owner", self.owner_edit.text())
        )
        self.level_combo.activated.connect(
            lambda _: self._commit("level", self.level_combo.currentData())
        )
        self.start_edit.editingFinished.connect(self._commit_start)
        calendar = self.start_edit.calendarWidget()
        if calendar is not None:
            calendar.clicked.connect(lambda _: self._commit_start())
        self.capacity_spin.editingFinished.connect(self._commit_capacity)
        self.vision_edit.editingFinished.connect(
            lambda: self._commit("vision", self.vision_edit.toPlainText())
        )
        self.mission_edit.editingFinished.connect(
            lambda: self._commit("mission", self.mission_edit.toPlainText())
        )
        self.values_edit.editingFinished.connect(self._commit_values)
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
        self._loading = True
        try:
            self.name_edit.setText(s.name)
            self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(s.level)))
            self.owner_edit.setText(s.owner)
            self.start_edit.setDate(to_qdate(s.start))
            self.capacity_spin.setValue(s.max_parallel or 0)
            for edit, text in (
                (self.vision_edit, s.vision),
                (self.mission_edit, s.mission),
                (self.values_edit, "\n".join(s.values)),
            ):
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
            for name, check in zip(WEEKDAY_NAMES, self.day_boxes, strict=True):
                check.setChecked(name in s.working_days)
            self.holiday_list.clear()
            self.holiday_list.addItems([f"{d:%Y-%m-%d  %a}" for d in s.holidays])
            self.holiday_date.setDate(to_qdate(s.start))
            readonly = self.document.readonly
            for widget in (self.name_edit, self.owner_edit, self.vision_edit, self.mission_edit,
                           self.values_edit):  # fmt: skip
                widget.setReadOnly(readonly)
            for control in (self.level_combo, self.start_edit, self.capacity_spin,
                            *self.day_boxes, *self._holiday_buttons):  # fmt: skip
                control.setEnabled(not readonly)
        finally:
            self._loading = False

    # -- committing ------------------------------------------------------------------------

    def _commit(self, field: str, value: Any, text: str | None = None) -> bool:
        if self._loading or self.document is None or self.document.readonly:
            return False
        if getattr(self.document.strategy, field) == value:
            return False
        label = {"max_parallel": "capacity", "working_days": "working week"}.get(field, field)
        edit = ChangeStrategy({field: value}, text=text or f"Change {label}")
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

    def _commit_start(self) -> None:
        self._commit("start", from_qdate(self.start_edit.date()), "Change start date")

    def _commit_capacity(self) -> None:
        value = self.capacity_spin.value()
        self._commit("max_parallel", value or None)

    def _commit_values(self) -> None:
        lines = [v.strip() for v in self.values_edit.toPlainText().splitlines() if v.strip()]
        self._commit("values", lines)

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

"""One editor widget per registry `editor` kind, shared by the inspector form and the table cells.

The registry says how a field is edited (`line`, `duration`, `date`, `money`, `multiline`,
`lines`, `calendar`, `suggest`, `pillar`, `phase`, `spin`, `choice`); this module is the
only place that turns that into a widget, loads a value into it and reads the typed value
back. `RecordForm` lays out a form of every field of a record that has an editor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, SignalInstance
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from cxroadmap.domain.field_text import edit_text
from cxroadmap.domain.fields import Field
from cxroadmap.domain.pillars import DEFAULT_PILLARS, find_pillar, pillar_label

NO_PIN = "(not pinned)"
LINE_EDITORS = frozenset({"line", "duration", "date", "money"})


class CommitTextEdit(QPlainTextEdit):
    """A multi-line field that reports when the user leaves it, like QLineEdit.editingFinished."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


def make_editor(f: Field, parent: QWidget | None = None) -> QWidget:
    """A new, empty editor for field `f`."""
    widget: QWidget
    if f.editor in ("pillar", "phase", "choice", "suggest"):
        combo = QComboBox(parent)
        if f.editor in ("pillar", "suggest"):
            combo.setEditable(True)  # a custom pillar (stage, channel) is free text
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            suggested = f.suggestions if f.editor == "suggest" else ()
            combo.addItems(
                [p.label for p in DEFAULT_PILLARS] if f.editor == "pillar" else suggested
            )
        elif f.editor == "choice":
            for key, label in f.labels().items():
                combo.addItem(label, key)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        widget = combo
    elif f.editor == "spin":
        spin = QSpinBox(parent)
        low = int(f.minimum or 0)
        if f.nullable:
            # One below the range reads as "not set" (None): "No limit" for a capacity.
            low -= 1
            spin.setSpecialValueText(f.blank or "Not set")
        spin.setRange(low, int(f.maximum or f.limit or 1_000_000))
        widget = spin
    elif f.editor == "calendar":
        day = QDateEdit(parent)
        day.setCalendarPopup(True)
        day.setDisplayFormat("yyyy-MM-dd")
        widget = day
    elif f.editor in ("multiline", "lines"):
        text = CommitTextEdit(parent)
        text.setPlaceholderText("One per line" if f.editor == "lines" else f.help)
        text.setFixedHeight(90 if f.editor == "multiline" else 70)
        widget = text
    else:
        line = QLineEdit(parent)
        line.setPlaceholderText(f.help)
        if f.editor == "money":
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
        widget = line
    widget.setToolTip(f.help)
    return widget


def load_editor(
    f: Field, widget: QWidget, value: Any, days_per_week: int, phases: Sequence[str] = ()
) -> None:
    """Show `value` in the editor (the phase picker also gets the current phase names)."""
    if isinstance(widget, QComboBox) and f.editor == "phase":
        widget.clear()
        widget.addItem(NO_PIN, None)
        for name in phases:
            widget.addItem(name, name)
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, QComboBox) and f.editor == "choice":
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, QComboBox) and f.editor == "suggest":
        widget.setCurrentText(value or "")
    elif isinstance(widget, QComboBox):
        widget.setCurrentText(pillar_label(value) if value else "")
    elif isinstance(widget, QSpinBox):
        # No record shows the field's empty value, "" for a number: the spin box's minimum.
        widget.setValue(int(value) if value not in (None, "") else widget.minimum())
    elif isinstance(widget, QDateEdit):
        if isinstance(value, dt.date):
            widget.setDate(QDate(value.year, value.month, value.day))
    elif isinstance(widget, QPlainTextEdit):
        text = "\n".join(value) if f.editor == "lines" else value or ""
        if not widget.hasFocus() and widget.toPlainText() != text:  # never overwrite typing
            widget.setPlainText(text)
    elif isinstance(widget, QLineEdit):
        widget.setText(edit_text(f, value, days_per_week))
        widget.setCursorPosition(0)  # show the start of long text, not its end


def editor_value(f: Field, widget: QWidget) -> Any:
    """What the editor holds, as a ChangeInitiative takes it (the edit checks it)."""
    if isinstance(widget, QComboBox) and f.editor in ("phase", "choice"):
        return widget.currentData()
    if isinstance(widget, QComboBox) and f.editor == "suggest":
        return widget.currentText()
    if isinstance(widget, QComboBox):
        text = widget.currentText().strip()
        pillar = find_pillar(text)
        return pillar.key if pillar is not None else text
    if isinstance(widget, QSpinBox):
        widget.interpretText()
        unset = f.nullable and widget.value() == widget.minimum()
        return None if unset else widget.value()
    if isinstance(widget, QDateEdit):
        day = widget.date()
        return dt.date(day.year(), day.month(), day.day())
    if isinstance(widget, QPlainTextEdit) and f.editor == "lines":
        return [line.strip() for line in widget.toPlainText().splitlines() if line.strip()]
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(f"no editor value for {type(widget).__name__}")


def commit_signals(f: Field, widget: QWidget) -> list[SignalInstance]:
    """The signals after which the inspector commits the field."""
    if isinstance(widget, QComboBox):
        signals = [widget.activated]
        line = widget.lineEdit()
        if line is not None:
            signals.append(line.editingFinished)
        return signals
    if isinstance(widget, QSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, QDateEdit):
        calendar = widget.calendarWidget()
        return [widget.editingFinished] + ([calendar.clicked] if calendar is not None else [])
    if isinstance(widget, QLineEdit | CommitTextEdit):
        return [widget.editingFinished]
    return []


def set_read_only(widget: QWidget, readonly: bool) -> None:
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.setReadOnly(readonly)
    else:
        widget.setEnabled(not readonly)


class RecordForm:
    """A form row for every field of a record that declares an `editor`, in the registry's
    order: a field declared with an editor appears here without touching the form.

    `commit(name, value)` is called with the editor's value when the user leaves a field
    (or picks a value); it is never called while the form is being loaded.
    """

    def __init__(
        self,
        form: QFormLayout,
        fields: Iterable[Field],
        prefix: str,
        commit: Callable[[str, Any], object],
    ) -> None:
        self.fields = {f.name: f for f in fields if f.editor is not None}
        self.commit = commit
        self.editors: dict[str, QWidget] = {}
        self.loading = False
        for f in self.fields.values():
            widget = make_editor(f)
            widget.setObjectName(f"{prefix}_{f.name}")
            self.editors[f.name] = widget
            form.addRow(f.label, widget)
            for signal in commit_signals(f, widget):
                signal.connect(lambda *_, f=f, w=widget: self._left(f, w))

    def _left(self, f: Field, widget: QWidget) -> None:
        if not self.loading:
            self.commit(f.name, editor_value(f, widget))

    def load(self, record: object | None, readonly: bool, days_per_week: int = 5) -> None:
        """Show `record`'s values (None: empty and disabled)."""
        self.loading = True
        try:
            for name, widget in self.editors.items():
                f = self.fields[name]
                value = getattr(record, name) if record is not None else f.empty()
                load_editor(f, widget, value, days_per_week)
                set_read_only(widget, readonly or record is None)
        finally:
            self.loading = False

"""One editor widget per registry `editor` kind, shared by the inspector form and the table cells.

The registry says how a field is edited (`line`, `duration`, `date`, `money`, `multiline`,
`pillar`, `phase`, `spin`, `choice`); this module is the only place that turns that into
a widget, loads a value into it and reads the typed value back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

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
    if f.editor in ("pillar", "phase", "choice"):
        combo = QComboBox(parent)
        if f.editor == "pillar":
            combo.setEditable(True)  # a custom pillar is free text
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems([p.label for p in DEFAULT_PILLARS])
        elif f.editor == "choice":
            for key, label in f.labels().items():
                combo.addItem(label, key)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        widget = combo
    elif f.editor == "spin":
        spin = QSpinBox(parent)
        spin.setRange(int(f.minimum or 0), int(f.maximum or 1_000_000))
        widget = spin
    elif f.editor == "multiline":
        text = CommitTextEdit(parent)
        text.setPlaceholderText(f.help)
        text.setFixedHeight(90)
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
    elif isinstance(widget, QComboBox):
        widget.setCurrentText(pillar_label(value) if value else "")
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value if value is not None else widget.minimum()))
    elif isinstance(widget, QPlainTextEdit):
        if not widget.hasFocus():  # never overwrite what the user is typing
            widget.setPlainText(value or "")
    elif isinstance(widget, QLineEdit):
        widget.setText(edit_text(f, value, days_per_week))
        widget.setCursorPosition(0)  # show the start of long text, not its end


def editor_value(f: Field, widget: QWidget) -> Any:
    """What the editor holds, as a ChangeInitiative takes it (the edit checks it)."""
    if isinstance(widget, QComboBox) and f.editor in ("phase", "choice"):
        return widget.currentData()
    if isinstance(widget, QComboBox):
        text = widget.currentText().strip()
        pillar = find_pillar(text)
        return pillar.key if pillar is not None else text
    if isinstance(widget, QSpinBox):
        widget.interpretText()
        return widget.value()
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
    if isinstance(widget, QLineEdit | CommitTextEdit):
        return [widget.editingFinished]
    return []


def set_read_only(widget: QWidget, readonly: bool) -> None:
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.setReadOnly(readonly)
    else:
        widget.setEnabled(not readonly)

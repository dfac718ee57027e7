"""Cell editors for the initiatives table: pickers for pillar, phase pin, impact and status."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from cxroadmap.domain.labels import STATUS_LABELS
from cxroadmap.domain.pillars import DEFAULT_PILLARS
from cxroadmap.ui.models.initiatives_model import COLUMNS

Index = QModelIndex | QPersistentModelIndex
NO_PIN = "(not pinned)"


class InitiativeDelegate(QStyledItemDelegate):
    """Picks an editor by column; `phase_names` gives the current phases for the pin picker."""

    def __init__(self, phase_names: Callable[[], list[str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.phase_names = phase_names

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        name = COLUMNS[index.column()].name
        if name == "pillar":
            combo = QComboBox(parent)
            combo.setEditable(True)  # a custom pillar is free text
            combo.addItems([p.label for p in DEFAULT_PILLARS])
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            return combo
        if name == "phase":
            combo = QComboBox(parent)
            combo.addItems([NO_PIN, *self.phase_names()])
            return combo
        if name == "status":
            combo = QComboBox(parent)
            for key, label in STATUS_LABELS.items():
                combo.addItem(label, key)
            return combo
        if name == "impact":
            spin = QSpinBox(parent)
            spin.setRange(1, 5)
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        name = COLUMNS[index.column()].name
        if isinstance(editor, QComboBox) and name == "status":
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QComboBox) and name == "phase":
            editor.setCurrentIndex(max(0, editor.findText(value or NO_PIN)))
        elif isinstance(editor, QComboBox):
            editor.setCurrentText(value or "")
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 3))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        name = COLUMNS[index.column()].name
        if isinstance(editor, QComboBox) and name == "status":
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox) and name == "phase":
            text = editor.currentText()
            model.setData(index, "" if text == NO_PIN else text, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

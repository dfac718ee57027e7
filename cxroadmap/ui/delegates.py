"""Cell editors for the initiatives table: the registry's editor for each field's column."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from cxroadmap.domain.fields import Field
from cxroadmap.domain.registry import INITIATIVE
from cxroadmap.ui.field_editors import LINE_EDITORS, editor_value, load_editor, make_editor
from cxroadmap.ui.models.initiatives_model import COLUMNS

Index = QModelIndex | QPersistentModelIndex


def _field(index: Index) -> Field | None:
    """The column's field when it has a picker of its own (text columns use the plain editor)."""
    f = INITIATIVE.get(COLUMNS[index.column()].name)
    return f if f is not None and f.editor not in LINE_EDITORS else None


class InitiativeDelegate(QStyledItemDelegate):
    """Picks an editor by column; `phase_names` gives the current phases for the pin picker."""

    def __init__(self, phase_names: Callable[[], list[str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.phase_names = phase_names

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        f = _field(index)
        if f is None:
            return super().createEditor(parent, option, index)
        return make_editor(f, parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        f = _field(index)
        if f is None:
            super().setEditorData(editor, index)
            return
        value = index.data(Qt.ItemDataRole.EditRole)
        load_editor(f, editor, value, 5, self.phase_names())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        f = _field(index)
        if f is None:
            super().setModelData(editor, model, index)
            return
        model.setData(index, editor_value(f, editor), Qt.ItemDataRole.EditRole)

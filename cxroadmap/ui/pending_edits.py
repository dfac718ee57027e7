"""Typed text is never lost: commit the editor that is open before the document goes away.

Close, Quit, switching strategy, Save As and export call commit_typing first. A table
cell being edited (F2 or a double-click) is committed through its view, as Enter would;
a form field (the inspector, the strategy panel, the customer-experience pages) commits
on `editingFinished`, which is emitted here as if the user had left the field.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QWidget,
)

from cxroadmap.ui.field_editors import CommitTextEdit


def _editing_view(widget: QWidget) -> tuple[QAbstractItemView, QWidget] | None:
    """The item view whose open cell editor holds `widget`, with that editor."""
    editor: QWidget | None = widget
    while editor is not None:
        parent = editor.parentWidget()
        view = parent.parentWidget() if parent is not None else None
        if isinstance(view, QAbstractItemView) and parent is view.viewport():
            if view.state() == QAbstractItemView.State.EditingState:
                return view, editor
            return None
        editor = parent
    return None


def commit_typing(window: QWidget) -> None:
    """Commit what is being typed in `window`, if anything (refused values stay refused)."""
    focus = QApplication.focusWidget()
    if focus is None or not (focus is window or window.isAncestorOf(focus)):
        return
    found = _editing_view(focus)
    if found is not None:
        view, editor = found
        view.commitData(editor)
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return
    if isinstance(focus, QLineEdit | QAbstractSpinBox | CommitTextEdit):
        focus.editingFinished.emit()

"""The one QUndoCommand: it carries a domain edit to the strategy, the file and the views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from cxroadmap.domain.edits import Change, Edit

if TYPE_CHECKING:
    from cxroadmap.ui.document import OpenDocument


class EditCommand(QUndoCommand):
    """Applies or reverts one domain edit, writes its Change to storage and notifies the views.

    The document applies the edit before pushing (so a refused edit never reaches the
    stack); `already_applied` makes the redo() that QUndoStack.push() calls skip the apply.
    """

    def __init__(self, document: OpenDocument, edit: Edit, applied_change: Change) -> None:
        super().__init__(edit.text)
        self.document = document
        self.edit = edit
        self._applied_change: Change | None = applied_change

    def redo(self) -> None:
        if self._applied_change is not None:
            change, self._applied_change = self._applied_change, None
            self.document.committed(change)
            return
        change = self.edit.apply(self.document.strategy)
        self.document.store_and_notify(change, self.edit)

    def undo(self) -> None:
        change = self.edit.revert(self.document.strategy)
        self.document.store_and_notify(change, self.edit)

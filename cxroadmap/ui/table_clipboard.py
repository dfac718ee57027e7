"""Copy selected initiatives out as TSV, and paste rows from Excel or LibreOffice as new ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from cxroadmap.domain.edits import AddDependency, AddInitiative, CompositeEdit, Edit
from cxroadmap.domain.errors import ValidationError
from cxroadmap.ui import messages

if TYPE_CHECKING:
    from cxroadmap.ui.initiatives_page import InitiativesPage


def install_clipboard(page: InitiativesPage) -> None:
    """Ctrl+C and Ctrl+V on the initiatives table (and in its context menu)."""
    for text, key, slot in (
        ("Copy Rows", QKeySequence.StandardKey.Copy, lambda: copy_rows(page)),
        ("Paste Rows as New Initiatives", QKeySequence.StandardKey.Paste, lambda: paste_rows(page)),
    ):
        action = QAction(text, page.table)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        page.table.addAction(action)


def copy_rows(page: InitiativesPage) -> str:
    """The selected rows, with our header, as TSV on the clipboard (what Excel pastes)."""
    doc = page.document
    keys = page.selected_keys()
    if doc is None or doc.schedule is None or not keys:
        return ""
    from cxroadmap.interop.paste import tsv_of  # on first copy: not at start-up

    text = tsv_of(doc.strategy, doc.schedule, keys)
    QGuiApplication.clipboard().setText(text)
    return text


def paste_rows(page: InitiativesPage) -> list[str]:
    """The clipboard's rows as new initiatives, through the import mapping: one undo step."""
    doc = page.document
    if doc is None or doc.readonly:
        return []
    from cxroadmap.interop.paste import rows_from_tsv  # on first paste: not at start-up

    try:
        initiatives, deps, notes = rows_from_tsv(QGuiApplication.clipboard().text(), doc.strategy)
    except ValidationError as exc:
        messages.show_error(page, "Cannot paste", str(exc))
        return []
    edits: list[Edit] = [AddInitiative(ini) for ini in initiatives]
    edits += [AddDependency(dep) for dep in deps]
    text = f"Paste {len(initiatives)} initiative{'s' if len(initiatives) != 1 else ''}"
    try:
        applied = doc.apply(CompositeEdit(text, edits))
    except ValidationError as exc:
        messages.show_error(page, "Cannot paste", str(exc))
        return []
    if not applied:
        return []
    if notes:
        page.window().statusBar().showMessage("; ".join(notes), 10000)  # type: ignore[attr-defined]
    keys = [ini.key for ini in initiatives]
    if keys:
        page.select_key(keys[0])
    return keys

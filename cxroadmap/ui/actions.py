"""Every QAction of the app: its text, shortcut, icon and tip, defined in one place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QApplication, QStyle

SK = QKeySequence.StandardKey
SP = QStyle.StandardPixmap


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    icon: QStyle.StandardPixmap | None = None
    tip: str = ""


FALLBACK_KEYS = {SK.Quit: "Ctrl+Q"}

SPECS: dict[str, ActionSpec] = {
    "new": ActionSpec("&New from Template…", SK.New, SP.SP_FileIcon, "Start a new strategy"),
    "open": ActionSpec("&Open…", SK.Open, SP.SP_DialogOpenButton, "Open a strategy document"),
    "open_demo": ActionSpec("Open &Demo", None, None, "Open the demo strategy"),
    "save_as": ActionSpec(
        "Save &As…", SK.SaveAs, SP.SP_DialogSaveButton, "Save a copy and go on working in it"
    ),
    "restore_backup": ActionSpec(
        "&Restore from Backup…",
        None,
        None,
        "Open one of the copies made before the first change of each session",
    ),
    "import": ActionSpec("&Import…", "Ctrl+I", None, "Import JSON, CSV, Excel or MS Project XML"),
    "export_pdf": ActionSpec("&PDF…", "Ctrl+E", None, "Export the roadmap as a PDF"),
    "close": ActionSpec("&Close", SK.Close, None, "Close this document"),
    "quit": ActionSpec("&Quit", SK.Quit, None, "Quit cxroadmap"),
    "undo": ActionSpec("&Undo", SK.Undo, SP.SP_ArrowBack, "Undo the last change"),
    "redo": ActionSpec("&Redo", SK.Redo, SP.SP_ArrowForward, "Redo the change undone"),
    "add": ActionSpec(
        "&Add Initiative", "Ctrl+Shift+N", SP.SP_FileDialogNewFolder, "Add a new initiative"
    ),
    "duplicate": ActionSpec(
        "D&uplicate Initiative", "Ctrl+D", SP.SP_FileDialogContentsView, "Copy the selection"
    ),
    "delete": ActionSpec(
        "&Delete Initiative",
        SK.Delete,
        SP.SP_TrashIcon,
        "Delete the selection with its dependencies",
    ),
    "rename": ActionSpec(
        "&Edit Cell", "F2", None, "Edit the current cell (the title if it is computed)"
    ),
    "find": ActionSpec("&Find…", SK.Find, None, "Search the initiatives"),
    "status_today": ActionSpec(
        "Status Date: &Today",
        None,
        None,
        "Report progress up to today: done work stays put, late work moves out",
    ),
    "show_initiatives": ActionSpec("&Initiatives", "Ctrl+1", None, "Show the initiatives table"),
    "show_strategy": ActionSpec("&Strategy", "Ctrl+2", None, "Show the strategy panel"),
    "show_touchpoints": ActionSpec(
        "&Touchpoints", "Ctrl+3", None, "Show the touchpoints (moments of truth)"
    ),
    "show_matrix": ActionSpec(
        "Touchpoint &Matrix", "Ctrl+4", None, "Show which initiatives address which touchpoints"
    ),
    "show_measures": ActionSpec("&Measures", "Ctrl+5", None, "Show the measures (KPIs)"),
    "show_alignment": ActionSpec(
        "&Alignment and Roll-up", "Ctrl+6", None, "Show the cascade of strategies and their links"
    ),
    "roll_up": ActionSpec(
        "&Roll Up Child Strategies",
        None,
        None,
        "Show the strategies below this one on the timeline, a swimlane each",
    ),
    "about": ActionSpec("&About cxroadmap", None, None, ""),
}


def _style_icon(pixmap: QStyle.StandardPixmap) -> QIcon | None:
    style = QApplication.style()
    return style.standardIcon(pixmap) if style is not None else None


def configure(action: QAction, spec: ActionSpec) -> QAction:
    """Give an action its spec's text (unless it names itself, as undo does), shortcut and icon."""
    if not action.text():
        action.setText(spec.text)
    if isinstance(spec.shortcut, QKeySequence.StandardKey):
        action.setShortcuts(spec.shortcut)
        if action.shortcut().isEmpty() and spec.shortcut in FALLBACK_KEYS:
            # Some platforms define no key for this one (Quit on Windows and bare X11).
            action.setShortcut(QKeySequence(FALLBACK_KEYS[spec.shortcut]))
    elif spec.shortcut:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.icon is not None:
        icon = _style_icon(spec.icon)
        if icon is not None:
            action.setIcon(icon)
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(
            f"{spec.tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            if not action.shortcut().isEmpty()
            else spec.tip
        )
    return action


class Actions:
    """The app's actions by name, e.g. `actions["delete"]`; undo/redo follow the active document."""

    def __init__(self, parent: QObject, undo_group: QUndoGroup) -> None:
        self._actions: dict[str, QAction] = {}
        for name, spec in SPECS.items():
            if name == "undo":
                action = undo_group.createUndoAction(parent, "&Undo")
            elif name == "redo":
                action = undo_group.createRedoAction(parent, "&Redo")
            else:
                action = QAction(parent)
            action.setObjectName(f"action_{name}")
            self._actions[name] = configure(action, spec)
        # Delete and F2 act on the table only, so text fields keep those keys.
        for name in ("delete", "rename"):
            self._actions[name].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def names(self) -> list[str]:
        return list(self._actions)

"""File menu work: new, open, demo, save as, import and export, with clear messages on failure."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton

from cxroadmap.domain.model import Strategy
from cxroadmap.storage.errors import DocumentDamaged
from cxroadmap.ui import messages
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.formats import export_job, exporter, file_filter, import_filter, importer_for
from cxroadmap.ui.naming import named
from cxroadmap.ui.pending_edits import commit_typing
from cxroadmap.ui.template_choices import available_templates, build_template
from cxroadmap.ui.workers import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from cxroadmap.ui.backup_dialog import BackupDialog
    from cxroadmap.ui.import_dialog import ImportDialog
    from cxroadmap.ui.main_window import MainWindow

SUFFIX = ".cxroadmap"
REPAIR = "Make a repaired copy and open it"
RESTORE = "Restore from a backup…"


def demo_path() -> Path:
    """Where Open Demo keeps the user's copy of the demo (made on first use)."""
    from platformdirs import user_data_path

    return user_data_path("cxroadmap", appauthor=False) / f"demo{SUFFIX}"


def _with_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


def _describe(path: Path, exc: Exception) -> str:
    text = str(exc)
    return text if str(path) in text or path.name in text else f"{path}: {text}"


class FileCommands(QObject):
    """The File menu's commands for one main window; each reports failures and keeps the app up."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.acts["restore_backup"].triggered.connect(self.restore_from_backup)
        self.tasks: list[BackgroundTask] = []
        self.mapping_dialog: ImportDialog | None = None  # the open import dialog, if any

    def _keep(self, task: BackgroundTask) -> None:
        self.tasks = [t for t in self.tasks if t.running] + [task]

    # -- opening ---------------------------------------------------------------------------

    def open_dialog(self) -> bool:
        path = messages.ask_open_path(
            self.window,
            "Open",
            f"{messages.DOCUMENT_FILTER};;{import_filter()};;All files (*)",
        )
        return self.open_path(path) if path is not None else False

    def open_path(self, path: Path, quiet: bool = False) -> bool:
        """Open a document, or import any importable file into a new one."""
        path = Path(path)
        if importer_for(path) is not None:
            self.window.setVisible(True)  # its dialogs come over the window
            return bool(self.import_path(path))
        current = self.window.document
        if current is not None and current.path is not None and _same(current.path, path):
            return True
        if not path.exists():
            self.window.settings.remove_recent(path)
            if not quiet:
                self._cannot_open(f"{path}: no such file")
            return False
        try:
            document = OpenDocument.open(path, self.window)
        except DocumentDamaged as exc:
            return False if quiet else self.offer_recovery(path, _describe(path, exc))
        except Exception as exc:  # damaged, not ours, newer version, unreadable: say so, stay up
            if not quiet:
                self._cannot_open(_describe(path, exc))
            return False
        self._show(document)
        return True

    def _cannot_open(self, text: str) -> None:
        self.window.setVisible(True)  # the app opens its file before showing its window
        messages.show_error(self.window, "Cannot open", text)

    def _show(self, document: OpenDocument) -> None:
        self.window.set_document(document)
        if document.path is not None:
            self.window.settings.add_recent(document.path)
            self.window.settings.set_last_file(document.path)
        if document.notice:
            self.window.statusBar().showMessage(document.notice, 10000)

    def open_demo(self) -> bool:
        path = demo_path()
        if not path.exists():
            return self._create(path, build_template("demo"))
        return self.open_path(path)

    def banner_row(self, layout: QBoxLayout, banner: QLabel) -> QPushButton:
        """Put the read-only banner in `layout` with a (hidden) Save As button beside it."""
        save_as = named(QPushButton("Save As…"), "readonly_save_as")
        save_as.hide()
        save_as.clicked.connect(self.save_as)

        def follow(title: str) -> None:
            # The title says "(read-only)" exactly when the document is: one place to follow.
            doc = self.window.document
            save_as.setVisible(doc is not None and doc.readonly and doc.store is not None)

        self.window.windowTitleChanged.connect(follow)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(banner, 1)
        row.addWidget(save_as)
        layout.addLayout(row)
        return save_as

    # -- recovery ---------------------------------------------------------------------------

    def offer_recovery(self, path: Path, problem: str) -> bool:
        """A document that fails verification: offer a repaired copy or a backup, never in place."""
        from cxroadmap.storage.backups import list_backups

        self.window.setVisible(True)  # the app opens its file before showing its window
        choices = [REPAIR]
        if list_backups(path):
            choices.append(RESTORE)
        choice = messages.choose_item(
            self.window,
            "Cannot open",
            f"{problem}\n\nThe file is left as it is. What now?",
            choices,
        )
        if choice == REPAIR:
            return self.repair_copy(path)
        if choice == RESTORE:
            return self.restore_from_backup(path)
        return False

    def repair_copy(self, path: Path) -> bool:
        """Write `<name>.repaired.cxroadmap` (or a free numbered name) beside it and open it."""
        from cxroadmap.storage.repair import repair

        target = path.with_name(f"{path.stem}.repaired{SUFFIX}")
        number = 2
        while target.exists():
            target = path.with_name(f"{path.stem}.repaired-{number}{SUFFIX}")
            number += 1
        try:
            done = repair(path, target)
        except Exception as exc:
            messages.show_error(self.window, "Cannot repair", _describe(path, exc))
            return False
        notes = "".join(f"\n• {note}" for note in done.notes)
        messages.show_info(
            self.window,
            "Repaired copy",
            f"A repaired copy of {path.name} was written to {target.name} and opened; "
            f"{path.name} itself was not changed.{notes}",
        )
        return self.open_path(target)

    def restore_from_backup(self, document: Path | None = None) -> bool:
        """File > Restore from Backup: the backups of the open (or given) document."""
        from cxroadmap.ui.backup_dialog import BackupDialog

        current = self.window.document
        path = document or (current.path if current is not None else None)
        if path is None:
            path = messages.ask_open_path(
                self.window, "Restore a Backup of", messages.DOCUMENT_FILTER
            )
        if path is None:
            return False
        dialog = BackupDialog(Path(path), self.window)
        dialog.accepted.connect(lambda: self._open_restored(dialog))
        dialog.open()  # window-modal, without a nested event loop
        self.backup_dialog = dialog
        return True

    def _open_restored(self, dialog: BackupDialog) -> None:
        if dialog.restored is not None:
            self.open_path(dialog.restored)

    # -- creating --------------------------------------------------------------------------

    def _create(self, path: Path, strategies: list[Strategy]) -> bool:
        current = self.window.document
        if current is not None and current.path is not None and _same(current.path, path):
            messages.show_error(
                self.window,
                "Cannot replace",
                f"{path}: is the document open now; pick another name",
            )
            return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            document = OpenDocument.create(path, strategies, self.window)
        except Exception as exc:
            messages.show_error(self.window, "Cannot create", _describe(path, exc))
            return False
        self._show(document)
        return True

    def new_document(self) -> bool:
        templates = available_templates()
        labels = [f"{name} — {about}" for name, about in templates]
        choice = messages.choose_item(self.window, "New from Template", "Start from:", labels)
        if choice is None:
            return False
        name = templates[labels.index(choice)][0]
        strategies = build_template(name)
        path = messages.ask_save_path(
            self.window,
            "New Strategy",
            self._folder() / f"{strategies[0].name}{SUFFIX}",
            messages.DOCUMENT_FILTER,
        )
        return self._create(_with_suffix(path), strategies) if path is not None else False

    def _folder(self) -> Path:
        doc = self.window.document
        if doc is not None and doc.path is not None:
            return doc.path.parent
        return Path.home()

    # -- save as, import, export -----------------------------------------------------------

    def commit_typing(self) -> None:
        """Commit the editor the user is typing in (before close, switch, Save As, export)."""
        commit_typing(self.window)

    def save_as(self) -> bool:
        """Copy the document (SQLite backup) and go on working in the copy, undo history and all."""
        commit_typing(self.window)
        doc = self.window.document
        if doc is None or doc.store is None:
            return False
        target = messages.ask_save_path(
            self.window, "Save As", self._folder() / doc.title, messages.DOCUMENT_FILTER
        )
        if target is None:
            return False
        target = _with_suffix(target)
        if doc.path is not None and _same(doc.path, target):
            return True  # every edit is already saved
        try:
            doc.switch_to_copy(target)
        except Exception as exc:
            messages.show_error(self.window, "Cannot save", _describe(target, exc))
            return False
        self._show_again(doc)
        return True

    def _show_again(self, doc: OpenDocument) -> None:
        if doc.path is not None:
            self.window.settings.add_recent(doc.path)
            self.window.settings.set_last_file(doc.path)

    def import_dialog(self) -> bool:
        path = messages.ask_open_path(self.window, "Import", import_filter())
        return bool(self.import_path(path)) if path is not None else False

    def import_path(self, source: Path) -> BackgroundTask | bool:
        """Read `source` on a worker thread, then save it as a new document the user names."""
        fmt = importer_for(source)
        if fmt is None:
            messages.show_error(self.window, "Cannot import", f"{source}: unknown file type")
            return False
        from cxroadmap.interop.table_preview import MAPPED_SUFFIXES

        if source.suffix.lower() in MAPPED_SUFFIXES:
            return self._ask_mapping(source)
        task = run_in_background(
            self.window,
            f"Reading {source.name}…",
            lambda progress: fmt.load(source),
            lambda loaded: self._imported(source, *loaded),
            lambda error: messages.show_error(self.window, "Cannot import", _name(source, error)),
        )
        self._keep(task)
        return task

    def _ask_mapping(self, source: Path) -> bool:
        """CSV, XLSX: the import dialog first; OK goes on to save, Cancel writes nothing."""
        from cxroadmap.ui.import_dialog import open_import_dialog

        self.mapping_dialog = open_import_dialog(
            self.window, source, lambda strategies: self._imported(source, strategies, [])
        )
        return self.mapping_dialog is not None

    def _imported(self, source: Path, strategies: list[Strategy], notes: list[str]) -> None:
        if notes:
            # The import summary: what keeping the file's manual tasks in place took.
            text = "\n\n".join(notes)
            messages.show_info(self.window, f"Imported {source.name}", text)
        target = messages.ask_save_path(
            self.window,
            "Save Imported Strategy As",
            source.with_suffix(SUFFIX),
            messages.DOCUMENT_FILTER,
        )
        if target is not None:
            self._create(_with_suffix(target), strategies)

    def export_pdf(self) -> BackgroundTask | bool:
        return self.export(".pdf")

    def export(self, suffix: str) -> BackgroundTask | bool:
        """Ask where, then write the strategy in the format of `suffix` on a worker thread."""
        commit_typing(self.window)
        doc = self.window.document
        if doc is None:
            return False
        fmt = exporter(suffix)
        options: dict[str, Any] = {}
        if suffix == ".pdf":
            chosen = messages.ask_pdf_options(self.window, self.window.settings.pdf_options())
            if chosen is None:
                return False
            self.window.settings.set_pdf_options(chosen)
            options = chosen
        if suffix == ".ics":
            # The CLI's --calendars, with the same three choices.
            kinds = {
                "One calendar for this strategy": "strategy",
                "One calendar per phase": "per-phase",
                "One calendar per strategy below it too": "per-strategy",
            }
            kind = messages.choose_item(self.window, "Export iCalendar", "Calendars:", list(kinds))
            if kind is None:
                return False
            options = {"calendars": kinds[kind]}
        target = messages.ask_save_path(
            self.window,
            f"Export {fmt.label}",
            self._folder() / f"{doc.strategy.name}{suffix}",
            file_filter(fmt.label, (suffix,)),
        )
        if target is None:
            return False
        target = (
            target if target.suffix.lower() == suffix else target.with_name(target.name + suffix)
        )
        return self.export_to(target, suffix, options)

    def export_to(
        self, target: Path, suffix: str = ".pdf", options: dict[str, Any] | None = None
    ) -> BackgroundTask | bool:
        doc = self.window.document
        if doc is None:
            return False
        if doc.store is not None and doc.strategy.key:
            # The document's other strategies (fresh copies): JSON writes the cascade below
            # this one, the PDF adds their roll-up pages, calendars may go per strategy.
            # Only the others are read: this one again would be one more whole copy in memory.
            outlines = doc.store.load_outlines()
            others = [doc.store.load(i) for i, s in outlines if s.key != doc.strategy.key]
            options = {**(options or {}), "strategies": others}
        if suffix == ".ics" and "calendars" not in (options or {}):
            options = {**(options or {}), "calendars": "strategy"}
        view = self.window.view_commands.saved_views.view
        if view is not None and suffix in (".pdf", ".pptx"):
            options = {**(options or {}), "view_filter": view.name}  # the toolbar's view
        task = run_in_background(
            self.window,
            f"Exporting {target.name}…",
            export_job(exporter(suffix), doc.strategy, target, options),
            self.window.view_commands.saved_views.exported,
            lambda error: messages.show_error(self.window, "Export failed", _name(target, error)),
        )
        self._keep(task)
        return task


def _name(path: Path, error: str) -> str:
    return error if str(path) in error or path.name in error else f"{path}: {error}"


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False

"""The main window: welcome screen or the open document's views, menus, toolbar and status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cxroadmap import __version__
from cxroadmap.domain.edits import Change
from cxroadmap.ui import messages
from cxroadmap.ui.actions import Actions
from cxroadmap.ui.baseline_commands import BaselineCommands
from cxroadmap.ui.budget_panel import BudgetPanel
from cxroadmap.ui.cx.install import CxCommands
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import TabFeed
from cxroadmap.ui.file_commands import FileCommands
from cxroadmap.ui.first_paint import AfterFirstPaint
from cxroadmap.ui.formats import EXPORT_FORMATS
from cxroadmap.ui.initiatives_page import InitiativesPage
from cxroadmap.ui.inspector import Inspector
from cxroadmap.ui.naming import named
from cxroadmap.ui.progress_commands import set_status_today
from cxroadmap.ui.roadmap_tabs import RoadmapTabs
from cxroadmap.ui.scenario_commands import ScenarioCommands
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.settings import AppSettings
from cxroadmap.ui.strategy_tab import StrategyTab
from cxroadmap.ui.views.install import ViewCommands
from cxroadmap.ui.window_fit import fit_to_screen
from cxroadmap.ui.workers import close_when_done
from cxroadmap.ui.workspace_commands import WorkspaceCommands

if TYPE_CHECKING:
    from cxroadmap.ui.strategy_panel import StrategyPanel
    from cxroadmap.ui.welcome import WelcomePage

APP_NAME = "cxroadmap"


class MainWindow(QMainWindow):
    """One window, one open document at a time (or the welcome screen)."""

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.document: OpenDocument | None = None
        self.undo_group = QUndoGroup(self)
        self.acts = Actions(self, self.undo_group)
        self.files = FileCommands(self)
        self.after_paint = AfterFirstPaint(self)  # work the first screen does not show
        self.setAcceptDrops(True)

        self._welcome: WelcomePage | None = None  # built when first shown (see `welcome`)
        self.selection = Selection(self)
        self.initiatives = InitiativesPage(self.acts, self.selection)
        self.views = named(QTabWidget(), "views")
        self.views.setDocumentMode(True)
        self.views.addTab(self.initiatives, "Initiatives")
        self.strategy_tab = StrategyTab(self.views)  # its panel built when first needed
        self.budget_panel = BudgetPanel()
        self.views.addTab(self.budget_panel, "Budget")
        # Before anyone else listens to the tabs (see RoadmapTabs).
        self.roadmap = RoadmapTabs(
            self.views,
            self.selection,
            lambda: self.views.indexOf(self.strategy_tab.page),
            self._configure_tab,
        )
        self._refusals: list[str] = []
        self.banner = named(QLabel(), "readonly_banner")
        self.banner.setWordWrap(True)
        self.banner.setMargin(8)
        self.banner.setStyleSheet("background: #fff3cd; color: #533f03;")
        self.banner.hide()
        workspace = QWidget()
        layout = QVBoxLayout(workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner_save_as = self.files.banner_row(layout, self.banner)
        layout.addWidget(self.views)
        self.document_page = workspace  # the stack's page while a document is open
        self.stack = QStackedWidget()
        self.stack.addWidget(workspace)
        self.setCentralWidget(self.stack)

        self.inspector = Inspector()
        self.inspector_dock = QDockWidget("Inspector", self)
        self.inspector_dock.setObjectName("inspector_dock")
        self.inspector_dock.setWidget(self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.selection.changed.connect(
            lambda keys, source: self.inspector.set_key(keys[-1] if keys else None)
        )

        self.finish_label = named(QLabel(), "status_finish")
        self.critical_label = named(QLabel(), "status_critical")
        self.warnings_label = named(QLabel(), "status_warnings")
        for label in (self.finish_label, self.critical_label, self.warnings_label):
            label.setContentsMargins(10, 0, 10, 0)
            self.statusBar().addPermanentWidget(label)
        self.statusBar().addPermanentWidget(self.budget_panel.status_label)

        self._build_menus()
        self._connect()
        # Zoom, swimlanes, Present (F5) and images of the roadmap views, in the View menu.
        self.view_commands = ViewCommands(self)
        # The customer-experience tabs' commands, the roll-up and the strategy switcher.
        self.cx_commands = CxCommands(self, self.view_commands)
        self.workspace_commands = WorkspaceCommands(self)  # File > Workspace, sync, conflicts
        self.baseline_commands = BaselineCommands(self)  # Baselines menu, finish variance
        self.scenario_commands = ScenarioCommands(self)  # Copy as Scenario, Adopt, Compare
        self._restore_geometry()
        self.set_document(None)

    # -- building --------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.acts
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([a["new"], a["open"]])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(a["open_demo"])
        file_menu.addSeparator()
        file_menu.addActions([a["save_as"], a["restore_backup"], a["import"]])
        self.export_menu = file_menu.addMenu("&Export")
        self.export_menu.setObjectName("export_menu")
        self.export_menu.addAction(a["export_pdf"])
        for fmt in EXPORT_FORMATS[1:]:
            action = self.export_menu.addAction(f"{fmt.label}…")
            action.setObjectName(f"action_export{fmt.suffix.replace('.', '_')}")
            action.triggered.connect(lambda _=False, sfx=fmt.suffix: self.files.export(sfx))
        file_menu.addSeparator()
        file_menu.addActions([a["close"], a["quit"]])
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([a["undo"], a["redo"]])
        edit_menu.addSeparator()
        edit_menu.addActions([a["add"], a["duplicate"], a["delete"], a["rename"]])
        edit_menu.addSeparator()
        edit_menu.addAction(a["find"])
        edit_menu.addAction(a["status_today"])  # progress: ui/progress_commands.py
        self.view_menu = view_menu = bar.addMenu("&View")
        view_menu.setObjectName("view_menu")
        view_menu.addActions([a["show_initiatives"], a["show_strategy"]])
        view_menu.addAction(self.inspector_dock.toggleViewAction())
        view_menu.addActions([a[n] for n in ("show_touchpoints", "show_matrix", "show_measures")])
        view_menu.addAction(a["show_alignment"])
        self.help_menu = help_menu = bar.addMenu("&Help")
        help_menu.addAction(a["about"])

        self.toolbar = toolbar = QToolBar("Main", self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        a["export_pdf"].setIconText("Export PDF")
        # The menu says what will be undone; the toolbar stays short (its tooltip says it).
        a["undo"].setIconText("Undo")
        a["redo"].setIconText("Redo")
        toolbar.addActions([a["open"], a["save_as"], a["export_pdf"]])
        toolbar.addSeparator()
        toolbar.addActions([a["undo"], a["redo"]])
        toolbar.addSeparator()
        toolbar.addActions([a["add"], a["duplicate"], a["delete"]])
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        a, f = self.acts, self.files
        a["new"].triggered.connect(f.new_document)
        a["open"].triggered.connect(f.open_dialog)
        a["open_demo"].triggered.connect(f.open_demo)
        a["save_as"].triggered.connect(f.save_as)
        a["import"].triggered.connect(f.import_dialog)
        a["export_pdf"].triggered.connect(f.export_pdf)
        a["close"].triggered.connect(lambda: self.set_document(None))
        a["quit"].triggered.connect(self.close)
        a["add"].triggered.connect(self.initiatives.add_initiative)
        a["duplicate"].triggered.connect(self.initiatives.duplicate_selected)
        a["delete"].triggered.connect(self.initiatives.delete_selected)
        a["rename"].triggered.connect(self.initiatives.edit_current)
        a["find"].triggered.connect(self._find)
        a["status_today"].triggered.connect(lambda: set_status_today(self.document))
        a["show_initiatives"].triggered.connect(lambda: self.views.setCurrentIndex(0))
        a["show_strategy"].triggered.connect(
            lambda: self.views.setCurrentWidget(self.strategy_panel)
        )
        a["about"].triggered.connect(self._about)

    @property
    def strategy_panel(self) -> StrategyPanel:
        return self.strategy_tab.panel  # built now if it was not yet

    @property
    def welcome(self) -> WelcomePage:
        """The welcome screen, built on first use: a window started on a file never needs it."""
        if self._welcome is None:
            from cxroadmap.ui.welcome import add_welcome_page

            self._welcome = add_welcome_page(self.stack, self.files)
        return self._welcome

    def _show_welcome(self) -> None:
        self.welcome.set_recent(self.settings.recent_files())
        self.stack.setCurrentWidget(self.welcome)

    def showEvent(self, event: QShowEvent) -> None:
        if self.document is None and self._welcome is None:
            self._show_welcome()  # the window shows without a document: the welcome it is
        super().showEvent(event)

    # -- the document ----------------------------------------------------------------------

    def set_document(self, document: OpenDocument | None) -> None:
        """Show `document` (or the welcome screen for None), closing the one shown before."""
        old = self.document
        if old is document and document is not None:
            return
        if old is not None:
            self.files.commit_typing()
            self.undo_group.removeStack(old.undo_stack)
            old.changed.disconnect(self._on_changed)
            old.refused.disconnect(self._on_refused)
        self.document = document
        for view in (self.initiatives, self.strategy_tab, self.inspector, self.budget_panel):
            view.set_document(document)
        self.roadmap.show_document(document)
        if document is not None:
            self.undo_group.addStack(document.undo_stack)
            self.undo_group.setActiveStack(document.undo_stack)
            document.changed.connect(self._on_changed)
            document.refused.connect(self._on_refused)
            self.stack.setCurrentWidget(self.document_page)
            if document.strategy.initiatives:
                self.initiatives.select_key(next(iter(document.strategy.initiatives)))
            self.initiatives.table.setFocus()
        elif self._welcome is not None or self.isVisible():
            self._show_welcome()
        if old is not None:
            old.close()
            old.deleteLater()
        if old is None or document is None:
            self.inspector_dock.setVisible(document is not None)
        self.cx_commands.document_shown(document)
        self._update_chrome()

    def _configure_tab(self, view: QWidget) -> None:
        """A roadmap view just built takes the window's swimlanes, saved view and roll-up."""
        self.view_commands.configure(view)
        self.view_commands.saved_views.configure(view)
        self.cx_commands.configure(view)

    @property
    def feed(self) -> TabFeed | None:
        return self.roadmap.feed

    @property
    def roadmap_tabs(self) -> list[QWidget]:
        """Every roadmap view of the open document, built now if not built yet."""
        return self.roadmap.views()

    def roadmap_tab(self, title: str) -> QWidget | None:
        """The open document's roadmap tab called `title` ("Timeline", "Matrix", ...)."""
        return self.roadmap.view(title)

    def _on_changed(self, change: Change) -> None:
        self.cx_commands.document_changed(change)
        self._update_chrome()

    def _on_refused(self, message: str) -> None:
        # Shown once the event loop is free: a modal box inside a cell editor's commit would
        # take its focus, make it commit again and show the same message twice.
        if message not in self._refusals:
            self._refusals.append(message)
        QTimer.singleShot(0, self, self._show_refusals)

    def _show_refusals(self) -> None:
        pending, self._refusals = self._refusals, []
        for message in pending:
            messages.show_error(self, "Not changed", message)

    def _update_chrome(self) -> None:
        doc = self.document
        has_doc = doc is not None
        editable = doc is not None and not doc.readonly
        for name in ("save_as", "export_pdf", "close", "find", "show_initiatives", "show_strategy"):
            self.acts[name].setEnabled(has_doc)
        self.export_menu.setEnabled(has_doc)
        for name in ("add", "duplicate", "delete", "rename", "status_today"):
            self.acts[name].setEnabled(editable)
        if doc is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
            self.banner.hide()
            for label in (self.finish_label, self.critical_label, self.warnings_label):
                label.clear()
            return
        suffix = " (read-only)" if doc.readonly else ""
        self.setWindowTitle(f"{doc.title}{suffix} — {APP_NAME}")
        self.setWindowFilePath(str(doc.path or ""))
        self.banner.setText(doc.notice)
        self.banner.setVisible(bool(doc.notice))
        self._update_status(doc)

    def _update_status(self, doc: OpenDocument) -> None:
        schedule = doc.schedule
        if schedule is None:
            self.finish_label.setText("Not scheduled")
            self.critical_label.clear()
            self.warnings_label.setText(doc.schedule_error or "")
            return
        self.finish_label.setText(f"Finish {schedule.finish:%a %d %b %Y}")
        self.critical_label.setText(f"{schedule.critical_count} critical")
        # Late support within the cascade counts too, as `cxroadmap schedule` counts it.
        warnings = [*schedule.warnings, *self.cx_commands.late_support()]
        count = len(warnings)
        self.warnings_label.setText(
            "No warnings" if count == 0 else f"⚠ {count} warning{'s' if count != 1 else ''}"
        )
        self.warnings_label.setToolTip("\n".join(warnings))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.settings.recent_files()
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.files.open_path(p))
        if not paths:
            self.recent_menu.addAction("No recent files").setEnabled(False)

    def _find(self) -> None:
        self.views.setCurrentIndex(0)
        self.initiatives.focus_search()

    def _about(self) -> None:
        messages.show_info(
            self,
            "About cxroadmap",
            f"cxroadmap {__version__}\n\nPlan a customer-experience strategy as a roadmap of "
            "initiatives with dependencies, scheduled into phases. Works offline.",
        )

    # -- geometry --------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry()
        restored = geometry is not None and self.restoreGeometry(geometry)
        fit_to_screen(self, restored)  # a first run, or a saved size, on a smaller screen
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        columns = self.settings.table_state()
        if columns is not None:
            self.initiatives.table.horizontalHeader().restoreState(columns)

    # -- dropping files ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            # After the drop returns: a message box inside a drop handler confuses some desktops.
            QTimer.singleShot(0, self, lambda: self.files.open_path(path))

    @staticmethod
    def _dropped_path(data: QMimeData) -> Path | None:
        urls = [u for u in data.urls() if u.isLocalFile()] if data.hasUrls() else []
        return Path(urls[0].toLocalFile()) if len(urls) == 1 else None

    def closeEvent(self, event: QCloseEvent) -> None:
        if close_when_done(self, self.files.tasks):
            event.ignore()  # an export or import still runs: closed when it ends
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_table_state(self.initiatives.table.horizontalHeader().saveState())
        self.settings.set_last_file(self.document.path if self.document else None)
        self.settings.sync()
        self.set_document(None)
        super().closeEvent(event)

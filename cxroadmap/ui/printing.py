"""File > Print and Print Preview: the initiatives table or the roadmap view on screen."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from cxroadmap.domain.view_filter import shows_of
from cxroadmap.ui.models.initiatives_model import COLUMNS

PRINTED = ("key", "title", "pillar", "owner", "start", "finish", "scheduled_phase", "status")

# QtPrintSupport, the roadmap views and the Qt classes printing alone uses (QPainter,
# QPageLayout, QTextDocument: their types and enums are made on first use) load when
# something is printed, not at start.
if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from cxroadmap.ui.main_window import MainWindow
    from cxroadmap.ui.present_commands import PresentCommands
    from cxroadmap.ui.views.board import BoardView
    from cxroadmap.ui.views.graph_view import GraphView
    from cxroadmap.ui.views.timeline_view import TimelineView


class PrintCommands(QObject):
    """Print what the current tab shows: the table's rows as they are filtered and sorted,
    or the timeline, board or graph as its slide image, fitted to the page's width."""

    def __init__(self, window: MainWindow, commands: PresentCommands) -> None:
        super().__init__(window)
        self.window = window
        self.commands = commands
        self.preview = QAction("Print Pre&view…", self)
        self.preview.setObjectName("action_print_preview")
        self.preview.triggered.connect(self.print_preview)
        self.print_ = QAction("&Print…", self)
        self.print_.setObjectName("action_print")
        self.print_.setShortcut(QKeySequence.StandardKey.Print)
        self.print_.triggered.connect(self.print_dialog)
        menu = window.export_menu.menuAction()
        file_menu = window.export_menu.parentWidget()
        assert isinstance(file_menu, QMenu)
        actions = file_menu.actions()
        index = actions.index(menu) + 1
        if index < len(actions):
            file_menu.insertActions(actions[index], [self.preview, self.print_])
        else:
            file_menu.addActions([self.preview, self.print_])

    def printer(self) -> QPrinter:
        from PySide6.QtGui import QPageLayout
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        doc = self.window.document
        if doc is not None:
            printer.setDocName(doc.strategy.name)
        return printer

    def print_preview(self) -> bool:
        if self.window.document is None:
            return False
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        printer = self.printer()  # kept alive while the dialog shows it
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("print_preview")
        dialog.paintRequested.connect(self.render)
        return bool(dialog.exec())

    def print_dialog(self) -> bool:
        if self.window.document is None:
            return False
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self.printer()
        dialog = QPrintDialog(printer, self.window)
        if not dialog.exec():
            return False
        self.render(printer)
        return True

    def render(self, printer: QPrinter) -> None:
        """Draw the current tab onto `printer` (a real printer, a PDF file or the preview)."""
        from cxroadmap.ui.views.board import BoardView
        from cxroadmap.ui.views.graph_view import GraphView
        from cxroadmap.ui.views.timeline_view import TimelineView

        tab = self.window.views.currentWidget()
        if isinstance(tab, TimelineView | BoardView | GraphView):
            self._render_view(printer, tab)
        else:
            self._render_table(printer)

    def _render_table(self, printer: QPrinter) -> None:
        page = self.window.initiatives
        proxy = page.proxy
        model = proxy.sourceModel()
        # The columns a printed list needs (a page is narrower than a screen).
        columns = [
            c
            for c, column in enumerate(COLUMNS)
            if column.name in PRINTED and not page.table.isColumnHidden(c)
        ]
        head = "".join(
            f"<th>{escape(str(proxy.headerData(c, Qt.Orientation.Horizontal)))}</th>"
            for c in columns
        )
        rows = []
        for r in range(proxy.rowCount()):
            cells = []
            for c in columns:
                value = proxy.data(proxy.index(r, c, QModelIndex()))
                cells.append(f"<td>{escape('' if value is None else str(value))}</td>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
        doc = self.window.document
        title = escape(doc.strategy.name) if doc is not None else ""
        view = self.commands.view
        subtitle = f"View: {escape(view.name)}" if view is not None else "All initiatives"
        html = (
            f"<h2>{title}</h2><p>{subtitle} · {proxy.rowCount()} of {model.rowCount()} "
            "initiatives</p><table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        from PySide6.QtGui import QTextDocument

        text = QTextDocument()
        text.setDefaultStyleSheet("th { background: #12355b; color: white; } td, th "
                                  "{ font-size: 8pt; }")  # fmt: skip
        text.setHtml(html)
        text.print_(printer)

    def _render_view(self, printer: QPrinter, tab: TimelineView | BoardView | GraphView) -> None:
        from PySide6.QtGui import QPainter

        from cxroadmap.scheduling.filtered import apply_view
        from cxroadmap.ui.image_export import picture_of
        from cxroadmap.ui.views.board import BoardView
        from cxroadmap.ui.views.timeline_view import TimelineView

        doc = self.window.document
        if doc is None or doc.schedule is None:
            return
        name = "timeline" if isinstance(tab, TimelineView) else (
            "board" if isinstance(tab, BoardView) else "graph"
        )  # fmt: skip
        view = self.commands.view
        strategy, schedule = apply_view(doc.strategy, doc.schedule, view)
        # As on screen: the swimlanes chosen in the View menu, what the saved view shows.
        grouping = self.window.view_commands.grouping
        picture = picture_of(strategy, schedule, name, grouping, shows_of(view))
        # The picture is laid out at 96 dpi with its type in points: on a 1,200 dpi printer
        # the type would come out 12.5 times too large for the shapes around it. Lines and
        # text stay vectors at any resolution (Qt prints through PDF).
        printer.setResolution(96)
        painter = QPainter(printer)
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        scale = page.width() / picture.width
        page_height = page.height() / scale  # picture points per printed page
        top = 0.0
        while True:
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -top)
            painter.setClipRect(QRectF(0, top, picture.width, page_height))
            picture.paint(painter)
            painter.restore()
            top += page_height
            if top >= picture.height or not printer.newPage():
                break
        painter.end()

"""The roadmap views' commands in the main window's menus: zoom, swimlanes, present (F5), images."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.view_filter import shows_of
from cxroadmap.ui import messages
from cxroadmap.ui.present_commands import PresentCommands
from cxroadmap.ui.roadmap_tabs import view_name

# The views' modules load with the first view built (its tab shown), not at start.
if TYPE_CHECKING:
    from cxroadmap.ui.main_window import MainWindow
    from cxroadmap.ui.views.graph_view import GraphView
    from cxroadmap.ui.views.presentation import PresentationWindow
    from cxroadmap.ui.views.timeline_view import TimelineView

SCALES = {"2x, crisp on slides": 2.0, "1x, screen size": 1.0, "3x, for print": 3.0}
GROUPINGS = {"pillar": "By &Pillar", "owner": "By &Owner", "none": "&No Swimlanes"}


class ViewCommands(QObject):
    """The commands, enabled only while a roadmap view is the current tab."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.presentation: PresentationWindow | None = None
        self.grouping = "pillar"
        view_menu = window.view_menu
        view_menu.addSeparator()
        self.zoom_in = self._action("Zoom &In", QKeySequence.StandardKey.ZoomIn, self._zoom_in)
        self.zoom_out = self._action("Zoom &Out", QKeySequence.StandardKey.ZoomOut, self._zoom_out)
        self.fit = self._action("&Fit to Window", QKeySequence("Ctrl+0"), self._fit)
        view_menu.addActions([self.zoom_in, self.zoom_out, self.fit])
        lanes = self.lanes_menu = view_menu.addMenu("&Swimlanes")
        lanes.setObjectName("swimlanes_menu")
        group = QActionGroup(self)
        self.lane_actions: dict[str, QAction] = {}
        for key, text in GROUPINGS.items():
            action = lanes.addAction(text)
            action.setCheckable(True)
            action.setChecked(key == self.grouping)
            action.setObjectName(f"action_lanes_{key}")
            action.triggered.connect(lambda _=False, k=key: self.set_grouping(k))
            group.addAction(action)
            self.lane_actions[key] = action
        view_menu.addSeparator()
        self.present = self._action("&Present", QKeySequence(Qt.Key.Key_F5), self.start_presenting)
        view_menu.addAction(self.present)
        export_menu = window.export_menu
        export_menu.addSeparator()
        self.export_png = self._action(
            "Image of This View (&PNG)…", None, lambda: self.export(".png")
        )
        self.export_svg = self._action(
            "Image of This View (&SVG)…", None, lambda: self.export(".svg")
        )
        export_menu.addActions([self.export_png, self.export_svg])
        window.views.currentChanged.connect(self.update_actions)
        self.update_actions()
        # Saved views on the toolbar, File > Print / Print Preview, open after export.
        self.saved_views = PresentCommands(window)

    def _action(
        self,
        text: str,
        keys: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self.window)
        name = "".join(c for c in text.lower() if c.isalnum() or c == " ").split()
        action.setObjectName("action_" + "_".join(name[:3]))
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def current(self) -> QWidget | None:
        widget = self.window.views.currentWidget()
        return widget if view_name(widget) else None

    def zoomable(self) -> TimelineView | GraphView | None:
        view = self.current()
        return view if view_name(view) in ("timeline", "graph") else None  # type: ignore[return-value]

    def update_actions(self) -> None:
        name = view_name(self.current())
        for action in (self.zoom_in, self.zoom_out, self.fit):
            action.setEnabled(name in ("timeline", "graph"))
        for action in self.lane_actions.values():
            action.setEnabled(name == "timeline")
        for action in (self.export_png, self.export_svg):
            action.setEnabled(name is not None)
        for tab in self.window.roadmap.built():
            self.configure(tab)

    def configure(self, view: QWidget) -> None:
        """Tabs are rebuilt for each document (and built when shown): keep the swimlanes."""
        from cxroadmap.ui.views.timeline_view import TimelineView

        if isinstance(view, TimelineView) and view.timeline.grouping != self.grouping:
            view.timeline.set_grouping(self.grouping)

    def _zoom_in(self) -> None:
        view = self.zoomable()
        if view is not None:
            view.zoom_in()

    def _zoom_out(self) -> None:
        view = self.zoomable()
        if view is not None:
            view.zoom_out()

    def _fit(self) -> None:
        view = self.zoomable()
        if view is not None:
            view.fit()

    def set_grouping(self, grouping: str) -> None:
        from cxroadmap.ui.views.timeline_view import TimelineView

        self.grouping = grouping
        for tab in self.window.roadmap.built():
            if isinstance(tab, TimelineView):
                tab.timeline.set_grouping(grouping)
                tab.header.update()

    def start_presenting(self) -> PresentationWindow | None:
        document = self.window.document
        if document is None:
            return None
        mode = "board" if view_name(self.current()) == "board" else "timeline"
        # The saved view picked on the toolbar narrows the presentation too.
        view = self.saved_views.view
        from cxroadmap.ui.views.presentation import PresentationWindow

        self.presentation = PresentationWindow(document, self.window.selection, mode, view=view)
        self.presentation.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.presentation.left.connect(self._presentation_left)
        self.presentation.present()
        return self.presentation

    def _presentation_left(self) -> None:
        self.presentation = None
        self.window.activateWindow()

    def export(self, suffix: str, target: Path | None = None) -> Path | None:
        """Ask where (and, for PNG, at what scale), then write an image of the current view."""
        from cxroadmap.ui.image_export import export_view_image

        document, view = self.window.document, view_name(self.current())
        if document is None or view is None:
            return None
        if target is None:
            suggested = Path.home() / f"{document.strategy.name} - {view}{suffix}"
            if document.path is not None:
                suggested = document.path.with_name(f"{document.path.stem} - {view}{suffix}")
            kind = suffix[1:].upper()
            target = messages.ask_save_path(
                self.window, f"Export {kind} image", suggested, f"{kind} image (*{suffix})"
            )
            if target is None:
                return None
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        scale = 2.0
        if suffix == ".png":
            choice = messages.choose_item(self.window, "Image size", "Scale:", list(SCALES))
            if choice is None:
                return None
            scale = SCALES[choice]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from cxroadmap.scheduling.filtered import apply_view

            strategy, plan = document.strategy, document.schedule
            if plan is not None:  # the toolbar's saved view narrows the picture too
                strategy, plan = apply_view(strategy, plan, self.saved_views.view)
            export_view_image(
                strategy,
                plan,
                target,
                view,
                scale,
                self.grouping,
                document.strategy.brand,
                shows_of(self.saved_views.view),
            )
        except (CxRoadmapError, OSError) as exc:
            messages.show_error(self.window, "Export failed", f"{target}: {exc}")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.saved_views.exported(target)  # the status bar says it; Open After Export opens it
        return target

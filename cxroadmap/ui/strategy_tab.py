"""The Strategy tab: its panel built when the tab is first shown or the panel is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.roadmap_tabs import swap_in

if TYPE_CHECKING:
    from cxroadmap.ui.strategy_panel import StrategyPanel

TITLE = "Strategy"


class StrategyTab(QObject):
    """Holds the Strategy tab's place with an empty page until the panel is needed.

    The panel (thirty-odd editors, the calendar, phases and brand boxes) is not on the
    first screen; a window opening a file built and filled it for nothing, about a
    twentieth of the demo's start. Built, it takes the open document and the stand-in's
    place in the tabs before anyone listening to them hears of the tab.
    """

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.document: OpenDocument | None = None
        self._panel: StrategyPanel | None = None
        self.page: QWidget = QWidget()  # the stand-in, then the panel
        tabs.addTab(self.page, TITLE)
        tabs.currentChanged.connect(self._current_changed)

    @property
    def built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> StrategyPanel:
        """The panel, built now if it was not yet."""
        return self._panel if self._panel is not None else self._build()

    def set_document(self, document: OpenDocument | None) -> None:
        self.document = document
        if self._panel is not None:
            self._panel.set_document(document)

    def _current_changed(self, index: int) -> None:
        if self._panel is None and index >= 0 and self.tabs.widget(index) is self.page:
            self._build()

    def _build(self) -> StrategyPanel:
        from cxroadmap.ui.strategy_panel import StrategyPanel

        panel = StrategyPanel()
        panel.set_document(self.document)
        swap_in(self.tabs, self.page, panel, TITLE)
        self.page = self._panel = panel
        return panel

"""The open document's roadmap tabs, each view built when its tab is first shown or asked for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import TabFeed
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.view_tabs import ViewFactory, roadmap_views

# The object names given to the roadmap pictures' views, and the pictures' names ("timeline"
# in an image's file name, `picture_of`'s view): known without importing the views' modules.
VIEW_NAMES = {"view_timeline": "timeline", "view_phases": "board", "view_dependencies": "graph"}


def view_name(widget: QWidget | None) -> str | None:
    """ "timeline", "board" or "graph" for those roadmap views; None for any other widget."""
    return VIEW_NAMES.get(widget.objectName()) if widget is not None else None


class StandIn(QWidget):
    """Holds a roadmap tab's place (an empty page) until its view is built."""

    def __init__(self, title: str, factory: ViewFactory) -> None:
        super().__init__()
        self.title = title
        self.factory = factory


class RoadmapTabs(QObject):
    """One tab per roadmap view of the open document, in `tabs` before the page `before()`.

    A view is built when its tab is first shown (or when code asks for it), so a document
    opens as fast as the tab on screen, whatever else it has: at 20,000 initiatives the
    hidden views' scenes are most of what showing a document would cost. A view once built
    stays until the document closes; `configure(view)` gives it the window's settings (the
    swimlanes, the saved view, the roll-up) before it is first drawn.
    """

    def __init__(
        self,
        tabs: QTabWidget,
        selection: Selection,
        before: Callable[[], int],
        configure: Callable[[QWidget], None],
    ) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.selection = selection
        self.before = before
        self.configure = configure
        self.document: OpenDocument | None = None
        self.feed: TabFeed | None = None
        self.pages: dict[str, QWidget] = {}  # title: the view, or its stand-in
        # Connected before anyone else: every other listener finds the view on the tab.
        tabs.currentChanged.connect(self._current_changed)

    def show_document(self, document: OpenDocument | None) -> None:
        """Stand-ins for `document`'s views (none for None); the tab in front stays in front."""
        current = self.tabs.currentWidget()
        # The same view stays in front for the next document (the tabs are rebuilt).
        shown = next((t for t, page in self.pages.items() if page is current), None)
        if self.feed is not None:
            self.feed.release()
            self.feed = None
        old, self.pages = self.pages, {}
        for page in old.values():
            self.tabs.removeTab(self.tabs.indexOf(page))
            page.deleteLater()
        self.document = document
        if document is None:
            return
        self.feed = TabFeed(self.tabs, document)
        for title, factory in roadmap_views():
            page = StandIn(title, factory)
            self.tabs.insertTab(self.before(), page, title)
            self.pages[title] = page
            if title == shown:
                current = page
        self.tabs.setCurrentWidget(current)  # a stand-in in front is built now

    def view(self, title: str) -> QWidget | None:
        """The view of the tab called `title`, built if it was not yet."""
        page = self.pages.get(title)
        return self._build(page) if isinstance(page, StandIn) else page

    def views(self) -> list[QWidget]:
        """Every view, in tab order, building those not built yet."""
        return [view for title in list(self.pages) if (view := self.view(title)) is not None]

    def built(self) -> list[QWidget]:
        """The views built so far, in tab order: the ones settings must reach now."""
        return [page for page in self.pages.values() if not isinstance(page, StandIn)]

    def _current_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, StandIn) and self.pages.get(page.title) is page:
            self._build(page)

    def _build(self, stand_in: StandIn) -> QWidget:
        assert self.document is not None and self.feed is not None
        view = stand_in.factory(self.document, self.selection, self.feed)
        view.setObjectName(f"view_{stand_in.title.lower()}")
        self.pages[stand_in.title] = view
        self.configure(view)
        swap_in(self.tabs, stand_in, view, stand_in.title)
        return view


def swap_in(tabs: QTabWidget, stand_in: QWidget, page: QWidget, title: str) -> None:
    """Put `page` where `stand_in` holds its tab's place, and let the stand-in go."""
    index = tabs.indexOf(stand_in)
    in_front = tabs.currentIndex() == index
    # The page goes in before its stand-in, is brought to the front if the stand-in was, and
    # then the stand-in leaves: no other tab is shown on the way, and listeners of
    # `currentChanged` (still being told of this tab) find the page at `index`.
    blocked = tabs.blockSignals(True)
    try:
        tabs.insertTab(index, page, title)
        if in_front:
            tabs.setCurrentIndex(index)
        tabs.removeTab(index + 1)
    finally:
        tabs.blockSignals(blocked)
    stand_in.deleteLater()

"""How a view hears of the document's changes: straight away, or only while its tab is shown."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from cxroadmap.domain.edits import Change
from cxroadmap.ui.document import OpenDocument


class Follower(Protocol):
    """A view that updates itself from each Change, or rebuilds itself wholly on `refresh()`."""

    def follow(self, change: Change) -> None: ...

    def refresh(self) -> None: ...


def refresh_view(feed: TabFeed | None, view: Follower) -> None:
    """Refresh `view` now, or when first shown when it is a hidden tab of `feed`."""
    if feed is None:
        view.refresh()
    else:
        feed.refresh_when_shown(view)


class ChangeFeed(Protocol):
    """Whoever hosts a view decides when it hears of changes: the view only attaches itself.

    `attach` is the last thing a view's constructor does: the feed then brings the view up
    to date (`refresh()`), at once or, for a tab not on screen, when it is first shown.
    """

    def attach(self, view: Follower) -> None: ...


class DirectFeed:
    """Every change reaches the view at once: for a view on its own (a test, the presentation)."""

    def __init__(self, document: OpenDocument) -> None:
        self.document = document

    def attach(self, view: Follower) -> None:
        self.document.changed.connect(view.follow)
        view.refresh()


class TabFeed(QObject):
    """Views in tabs follow changes while shown; a hidden one refreshes once when shown again,
    so an edit pays only for what is on screen. A tab is first built when first shown: a
    document opens as fast as its table and the tab on screen, whatever else it has."""

    def __init__(self, tabs: QTabWidget, document: OpenDocument) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.document = document
        self.views: list[Follower] = []
        self.stale: set[int] = set()
        document.changed.connect(self._changed)
        tabs.currentChanged.connect(self._shown)

    def attach(self, view: Follower) -> None:
        self.views.append(view)
        self.stale.add(id(view))
        if isinstance(view, QWidget):
            view.installEventFilter(self)  # builds it when it is shown (tab switch or window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and id(watched) in self.stale:
            for view in self.views:
                if id(view) == id(watched):
                    self.stale.discard(id(view))
                    view.refresh()
        return False

    def _changed(self, change: Change) -> None:
        current = id(self.tabs.currentWidget())
        for view in self.views:
            if id(view) == current and id(view) not in self.stale:
                view.follow(change)
            else:
                self.stale.add(id(view))

    def _shown(self, index: int) -> None:
        shown = id(self.tabs.widget(index))
        for view in self.views:
            if id(view) == shown and shown in self.stale:
                self.stale.discard(id(view))
                view.refresh()

    def refresh_when_shown(self, view: Follower) -> None:
        """Bring `view` up to date now when it is on screen, else when it is next shown.

        For what changes a view's settings rather than the document (a saved view, the
        roll-up): a hidden tab then costs nothing until someone looks at it.
        """
        if view in self.views and id(view) != id(self.tabs.currentWidget()):
            self.stale.add(id(view))
            return
        self.stale.discard(id(view))
        view.refresh()

    def release(self) -> None:
        """Stop feeding (the document is closing and its tabs are going)."""
        self.tabs.currentChanged.disconnect(self._shown)
        self.document.changed.disconnect(self._changed)
        self.views = []
        self.deleteLater()

"""Fit the main window onto its screen: a first run or a restored geometry never larger than it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1440, 880)


def fitted(rect: QRect, available: QRect) -> QRect:
    """`rect` shrunk to at most the size of `available` and moved inside it."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    x = min(max(rect.x(), available.x()), available.x() + available.width() - width)
    y = min(max(rect.y(), available.y()), available.y() + available.height() - height)
    return QRect(x, y, width, height)


def _screen_of(window: QWidget) -> QScreen:
    # A restored geometry may name another screen than the one Qt first gave the window.
    screen = QGuiApplication.screenAt(window.geometry().center())
    return screen or window.screen() or QGuiApplication.primaryScreen()


def _frame_margins(window: QWidget) -> QMargins:
    # Known once the native window exists (zero before): the title bar and borders count too.
    frame, inner = window.frameGeometry(), window.geometry()
    return QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )


def fit_into_screen(window: QWidget) -> None:
    """Shrink and move `window`, frame included, into its screen's available geometry."""
    margins = _frame_margins(window)
    frame = fitted(window.geometry().marginsAdded(margins), _screen_of(window).availableGeometry())
    inner = frame.marginsRemoved(margins)
    if inner != window.geometry():
        window.setGeometry(inner)


class _FitOnFirstShow(QObject):
    """Fits the window again when it is first shown, when its frame's size is known."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            fit_into_screen(watched)
        return False


def fit_to_screen(window: QWidget, restored: bool) -> None:
    """Give a first-run `window` the preferred size centred on its screen, or keep a restored
    geometry; either way keep it inside the screen's available geometry, now and when shown."""
    if not restored:
        rect = QRect(0, 0, PREFERRED.width(), PREFERRED.height())
        rect.moveCenter(_screen_of(window).availableGeometry().center())
        window.setGeometry(rect)
    fit_into_screen(window)
    window.installEventFilter(_FitOnFirstShow(window))

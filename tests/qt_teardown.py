"""After each test, its Qt objects are gone before the next test starts, not at random later.

pytest-qt closes the widgets a test registered and calls deleteLater() on them, but a
deferred delete posted outside an event loop waits for the next loop that runs: some later
test's qtbot.wait() or waitExposed(), which then destroyed the windows of earlier tests in
the middle of its own events (up to 13 main windows were alive at once in one worker,
hidden, with their timers and thread pools). What no loop reached was left to the garbage
collector, at whatever allocation it ran: inside a paint or the build of another test's
window. So each test ends here: the workers its windows started finish, their queued
outcomes are delivered, and its closed windows are deleted now, while nothing else runs.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication


def finish_qt_work() -> None:
    """Wait for every thread pool of the app's windows, then deliver what they queued."""
    for widget in QApplication.topLevelWidgets():
        for pool in widget.findChildren(QThreadPool):
            pool.waitForDone()
    QThreadPool.globalInstance().waitForDone()
    QCoreApplication.sendPostedEvents()


def delete_closed_widgets() -> None:
    """Run the deferred deletes (pytest-qt's deleteLater of each widget a test registered)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def qt_objects_end_with_their_test() -> Iterator[None]:
    # Autouse from a plugin: set up before, so torn down after, the test's own fixtures,
    # and after pytest-qt has closed the test's widgets.
    yield
    if QApplication.instance() is None:
        return
    finish_qt_work()
    delete_closed_widgets()

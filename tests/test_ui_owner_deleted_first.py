"""Timers and signal connections of the app's objects die with them: no call on a dead object."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import shiboken6
from cx_samples import touchpoint_strategy
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from cxroadmap.domain.edits import Change
from cxroadmap.domain.measures import Reading
from cxroadmap.storage.document import write_document
from cxroadmap.ui import live_schedule
from cxroadmap.ui.cx.readings_panel import ReadingsPanel
from cxroadmap.ui.live_schedule import LiveScheduler
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.snapshots import Snapshots


def _slow_plan(strategy: object) -> tuple[None, None]:
    time.sleep(0.01)  # over the (lowered) inline limit: the scheduler primes its copy later
    return None, None


@pytest.fixture
def primed(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    monkeypatch.setattr(Snapshots, "prime", lambda self, strategy: calls.append(strategy))
    monkeypatch.setattr(live_schedule, "INLINE_LIMIT_SECONDS", 0.001)
    monkeypatch.setattr(live_schedule, "PRIME_AFTER_MS", 50)
    monkeypatch.setattr(LiveScheduler, "_warm", True)
    return calls


@pytest.mark.parametrize("deleted", [False, True])
def test_the_schedulers_delayed_copy_is_not_made_once_its_owner_is_gone(
    qtbot, primed: list[object], deleted: bool
) -> None:
    owner = QObject()
    scheduler = LiveScheduler(owner, _slow_plan)
    strategy = touchpoint_strategy()
    scheduler.run(strategy, Change())
    assert scheduler.off_thread  # the next edit goes to the worker: its copy is primed later
    if deleted:
        shiboken6.delete(owner)  # the window closed before the timer fired
        qtbot.wait(300)
        assert primed == []
    else:
        qtbot.waitUntil(lambda: primed == [strategy], timeout=5000)
        shiboken6.delete(owner)


def test_a_readings_panel_deleted_before_its_document_hears_no_more_of_it(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    strategy = touchpoint_strategy()
    strategy.measures[0].readings = [Reading(dt.date(2027, 3, 31), 65.0)]
    path = tmp_path / "cx.cxroadmap"
    write_document(path, [strategy])
    assert window.files.open_path(path)
    document = window.document
    assert document is not None
    panel = ReadingsPanel(document)
    panel.show_measure(strategy.measures[0].key)
    assert panel.model.rowCount() == 1
    shiboken6.delete(panel)
    # A RuntimeError in the slot ("already deleted") would fail this test (pytest-qt).
    document.changed.emit(Change())
    QApplication.processEvents()

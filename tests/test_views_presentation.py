"""Presentation mode: enters full screen, steps through the phases with the arrow keys, leaves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from views_fixtures import small_strategy

from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.presentation import PresentationWindow
from cxroadmap.ui.views.timeline_view import TimelineView


def test_presentation_mode_enters_steps_through_the_phases_and_leaves(qtbot):
    window = PresentationWindow(OpenDocument(small_strategy()))
    qtbot.addWidget(window)
    window.present()
    qtbot.waitExposed(window)
    assert window.isFullScreen()
    assert (window.step, window.phase, window.title.text()) == (0, None, "Small")
    assert sorted(window.body.timeline.bars) == ["A", "B", "C", "M"]

    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert (window.phase, window.counter.text()) == ("Now", "2 / 4")
    assert isinstance(window.body, TimelineView)
    assert sorted(window.body.timeline.bars) == ["A", "B", "C"]  # only what starts in "Now"
    assert window.subtitle.text() == "4 Jan – 17 Jan 2027 · 3 initiatives"

    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.phase == "Next"
    assert sorted(window.body.timeline.bars) == ["M"]
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert isinstance(window.body, BoardView)
    assert [name for name, _ in window.body.board.columns] == ["Next"]
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Right)  # already on the last step: stays
    assert (window.phase, window.step) == ("Later", 3)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.phase == "Next"
    # Nothing in presentation mode edits the roadmap.
    assert window.document.undo_stack.count() == 0

    with qtbot.waitSignal(window.left):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()

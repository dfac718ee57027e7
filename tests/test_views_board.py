"""The phase board: a column per phase, cards where the schedule puts them, drag to pin."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from views_fixtures import small_strategy

from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.board_card import CardItem


@pytest.fixture
def board(qtbot):
    view = BoardView(OpenDocument(small_strategy()), Selection())
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def column_of(view: BoardView, key: str) -> str | None:
    card = view.board.cards[key]
    return view.board.column_at(card.sceneBoundingRect().center().x())


def card_point(view: BoardView, key: str) -> QPoint:
    return view.mapFromScene(view.board.cards[key].sceneBoundingRect().center())


def column_point(view: BoardView, name: str) -> QPoint:
    rect = dict(view.board.columns)[name]
    return view.mapFromScene(rect.center().x(), rect.top() + 120)


def drag(view: BoardView, start: QPoint, end: QPoint) -> None:
    port = view.viewport()
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(port, start + (end - start) * (i / 5))
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_the_board_has_a_column_per_phase_named_after_the_strategys_phases(board):
    assert [name for name, _ in board.board.columns] == ["Now", "Next", "Later"]
    assert {key: column_of(board, key) for key in "ABCM"} == {
        "A": "Now",
        "B": "Now",
        "C": "Now",
        "M": "Next",  # B finishes on 22 January: the milestone falls in week three
    }
    card = board.board.cards["B"]
    assert (card.title, card.detail, card.dates) == (
        "Train the frontline",
        "Ben · Training",
        "11 Jan – 22 Jan 2027",
    )


def test_dragging_a_card_to_another_column_pins_it_there_and_undo_unpins_it(board):
    drag(board, card_point(board, "C"), column_point(board, "Later"))
    document = board.document
    assert document.strategy.initiatives["C"].phase == "Later"
    assert document.schedule.items["C"].phase == "Later"
    assert column_of(board, "C") == "Later"
    assert board.board.cards["C"].pinned and not board.board.cards["C"].flag
    document.undo_stack.undo()
    assert document.strategy.initiatives["C"].phase is None
    assert column_of(board, "C") == "Now"


def test_a_card_dropped_back_in_its_own_column_changes_nothing(board):
    start = card_point(board, "C")
    drag(board, start, start + QPoint(0, 60))
    assert board.document.undo_stack.count() == 0
    assert board.selection.keys == ["C"]


def test_a_card_the_scheduler_cannot_keep_in_its_pinned_phase_is_flagged(board):
    board.document.apply(ChangeInitiative("M", {"phase": "Now"}))
    card = board.board.cards["M"]
    assert column_of(board, "M") == "Next"
    assert card.flag == "Pinned to Now, but starts in Next (FS from B)"
    assert not board.board.cards["A"].flag


def test_a_card_is_found_within_its_card_and_border_as_its_width_follows_the_columns(board):
    card = board.board.cards["A"]
    width, height = board.board.card_width, board.board.metrics.card_height
    assert card.boundingRect().getRect() == (-2, -2, width + 4, height + 4)
    card.set_width(width + 30)
    assert card.boundingRect().getRect() == (-2, -2, width + 34, height + 4)
    right_border = card.scenePos() + QPointF(width + 31.5, height / 2)
    assert card in board.board.items(right_border)
    assert card not in board.board.items(right_border + QPointF(1, 0))
    # Qt answers the bounds in C++, not one call into Python per card the scene looks at.
    assert "boundingRect" not in CardItem.__dict__

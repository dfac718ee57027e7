"""After an edit, the table updates just the rows it moved, the board re-sorts just the
columns whose order changed and the timeline recolours just the arrows at the bars whose
criticality changed: each ends exactly as if built afresh."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QColor, QFont
from test_rag import _worked
from test_views_follow import fresh_timeline, timeline_look
from test_views_incremental import board_look, fresh_board, shown_board
from views_fixtures import medium_strategy

from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.pillars import DEFAULT_PILLARS
from cxroadmap.scheduling.rag import rag_statuses
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.models.initiatives_model import COLUMNS, InitiativesModel
from cxroadmap.ui.rag_state import rags
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views.board import BoardScene
from cxroadmap.ui.views.timeline_scene import TimelineScene
from cxroadmap.ui.views.timeline_view import TimelineView

ROLES = (0, 1, 3, 6, 7, 9)  # display, decoration, tooltip, font, alignment, foreground


def plain(value: object) -> object:
    if isinstance(value, QFont):
        return value.toString()
    return value.name() if isinstance(value, QColor) else value


def cells(model: InitiativesModel) -> list[list[object]]:
    """Every cell of the model in every role, as plain values."""
    return [
        [
            [plain(model.index(row, column).data(role)) for role in ROLES]
            for column in range(len(COLUMNS))
        ]
        for row in range(model.rowCount())
    ]


def test_a_duration_edit_updates_only_the_rows_it_moved_and_they_read_as_afresh(qapp):
    document = OpenDocument(medium_strategy())
    model = InitiativesModel(document)
    updated: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, *_: updated.append((a.row(), a.column(), b.row(), b.column()))
    )
    before = dict(document.schedule.items)
    assert document.apply(ChangeInitiative("K07", {"duration": 8}))
    moved = {k for k, item in document.schedule.items.items() if before[k] != item} | {"K07"}
    assert 1 < len(moved) < 10
    rows = sorted(r for first, _, last, _ in updated for r in range(first, last + 1))
    assert rows == sorted(model.row_of(key) for key in moved)
    assert all(a == 0 and b == len(COLUMNS) - 1 for _, a, _, b in updated)
    assert cells(model) == cells(InitiativesModel(document))
    document.undo_stack.undo()
    assert cells(model) == cells(InitiativesModel(document))


def test_an_edit_of_the_plan_itself_updates_every_row(qapp):
    document = OpenDocument(medium_strategy())
    model = InitiativesModel(document)
    updated: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: updated.append((a.row(), b.row())))
    document.readonly = True
    document.changed.emit(type(document._pending)())  # what losing the file emits
    assert updated == [(0, model.rowCount() - 1)]


def test_status_by_key_is_the_status_of_the_whole_plan(qapp):
    strategy, _ = _worked(True)
    document = OpenDocument(strategy)
    found = rag_statuses(strategy, document.schedule)
    book = rags(strategy, document.schedule)
    assert {key: book.get(key) for key in reversed(list(found))} == found
    assert book.get("no such key") is None


def test_cards_that_change_place_in_their_column_move_without_placing_the_board_again(
    qtbot, monkeypatch
):
    board = shown_board(qtbot)
    document = board.document
    cards = dict(board.board.cards)
    order = {name: list(keys) for name, keys in board.board.column_keys.items()}

    def no_sync(self):
        raise AssertionError("the whole board was placed again")

    monkeypatch.setattr(BoardScene, "sync", no_sync)
    assert document.apply(ChangeInitiative("K07", {"duration": 8}))
    assert board.board.column_keys != order  # a column's order changed
    assert board.board.cards == cards  # the same cards, moved
    monkeypatch.undo()
    assert board_look(board.board) == fresh_board(qtbot, document, board.selection, board.size())


def test_a_card_that_changes_column_moves_there_and_the_columns_fit_without_a_new_layout(
    qtbot, monkeypatch
):
    board = shown_board(qtbot)
    document = board.document
    cards = dict(board.board.cards)
    later = len(board.board.column_keys["Later"])
    monkeypatch.setattr(BoardScene, "sync", lambda self: pytest.fail("placed again"))
    assert board.pin("K11", "Later")
    assert "K11" in board.board.column_keys["Later"]
    assert len(board.board.column_keys["Later"]) > later
    assert board.board.cards == cards
    document.undo_stack.undo()
    assert len(board.board.column_keys["Later"]) == later
    monkeypatch.undo()
    assert board_look(board.board) == fresh_board(qtbot, document, board.selection, board.size())
    assert board.pin("K11", "Later")
    assert board_look(board.board) == fresh_board(qtbot, document, board.selection, board.size())


def two_chains() -> Strategy:
    """X1 -> X2 and Y1 -> Y2 in two pillars; the X chain is the longer (critical) one."""
    strategy = Strategy("Chains", dt.date(2027, 1, 4))
    for key, days, pillar in (("X1", 10, 0), ("X2", 5, 0), ("Y1", 5, 1), ("Y2", 5, 1)):
        pillar_key = DEFAULT_PILLARS[pillar].key
        strategy.initiatives[key] = Initiative(key, f"Work {key}", days, pillar_key)
    strategy.dependencies += [Dependency("X1", "X2"), Dependency("Y1", "Y2")]
    return strategy


def test_when_the_critical_chain_changes_only_the_arrows_at_its_bars_are_marked_again(
    qtbot, monkeypatch
):
    view = TimelineView(OpenDocument(two_chains()), Selection())
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    qtbot.waitExposed(view)
    document = view.document
    assert [d[3] for d in view.timeline.arrows.deps] == [True, False]
    calls: list[int] = []
    monkeypatch.setattr(TimelineScene, "set_arrows", lambda self: calls.append(1))
    assert document.apply(ChangeInitiative("Y1", {"duration": 20}))
    assert calls == []  # the rows stayed: the arrows were not indexed again
    assert [d[3] for d in view.timeline.arrows.deps] == [False, True]
    monkeypatch.undo()
    assert timeline_look(view.timeline) == fresh_timeline(view)


def arrow_index(scene: TimelineScene) -> dict[int, set[int]]:
    return {block: set(found) for block, found in scene.arrows.blocks.items() if found}


@pytest.mark.parametrize("key, days", [("K07", 8), ("K02", 30), ("K10", 45)])
def test_bars_that_change_row_take_just_their_arrows_along(qtbot, monkeypatch, key, days):
    view = TimelineView(OpenDocument(medium_strategy()), Selection())
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    rows = dict(view.timeline.rows)
    calls: list[int] = []
    monkeypatch.setattr(TimelineScene, "set_arrows", lambda self: calls.append(1))
    monkeypatch.setattr(TimelineScene, "sync", lambda self, **_: calls.append(2))
    assert view.document.apply(ChangeInitiative(key, {"duration": days}))
    assert calls == []  # followed in place: no arrow was indexed again but those that moved
    assert view.timeline.rows != rows
    monkeypatch.undo()
    fresh = TimelineScene(grouping=view.timeline.grouping, today=view.timeline.today)
    fresh.set_px_per_day(view.timeline.px_per_day)
    fresh.set_data(view.document.strategy, view.document.schedule)
    assert arrow_index(view.timeline) == arrow_index(fresh)
    assert timeline_look(view.timeline) == fresh_timeline(view)


def test_a_plan_without_touchpoints_shows_an_empty_touchpoint_editor_and_follows_edits(qtbot):
    from cxroadmap.ui.cx.touchpoints_page import TouchpointsPage

    document = OpenDocument(medium_strategy())
    assert document.strategy.touchpoints == []
    page = TouchpointsPage(document)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    form = page.editor.form
    assert form.editors["gap"].value() == form.editors["gap"].minimum()
    assert not page.editor.isEnabled()
    assert document.apply(ChangeInitiative("K07", {"duration": 8}))  # follows without error
    assert form.editors["gap"].value() == form.editors["gap"].minimum()

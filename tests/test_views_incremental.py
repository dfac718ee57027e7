"""The graph and the board update their items in place after an edit, and look as if rebuilt."""

from __future__ import annotations

import pytest
from views_fixtures import medium_strategy, small_strategy

from cxroadmap.domain.edits import (
    AddDependency,
    AddInitiative,
    ChangeInitiative,
    RemoveDependency,
    RemoveInitiative,
)
from cxroadmap.domain.model import Dependency, Initiative
from cxroadmap.domain.pillars import DEFAULT_PILLARS
from cxroadmap.scheduling.planner import schedule
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views import graph_view
from cxroadmap.ui.views.board import BoardScene, BoardView
from cxroadmap.ui.views.graph_view import GraphScene, GraphView


def path_points(path) -> list[tuple[float, float, str]]:
    return [
        (round(e.x, 6), round(e.y, 6), e.type.name)
        for e in (path.elementAt(i) for i in range(path.elementCount()))
    ]


def graph_look(scene: GraphScene) -> dict:
    """Everything the graph scene shows, item by item."""
    return {
        "nodes": {
            key: (
                node.title,
                node.dates,
                node.fill,
                node.critical,
                node.selected,
                (node.x(), node.y()),
                node.zValue(),
                node.toolTip(),
            )
            for key, node in scene.nodes.items()
        },
        "edges": {
            pair: (
                edge.pen().color().name(),
                edge.pen().widthF(),
                edge.zValue(),
                edge.data(0),
                path_points(edge.path()),
            )
            for pair, edge in scene.edges.items()
        },
        "items": len(scene.items()),
        "rect": scene.sceneRect().getRect(),
    }


def fresh_graph(document: OpenDocument, selection: Selection, per_band: int | None = None) -> dict:
    """What a GraphView made now would show (its scene, built once); `per_band` as a view
    shown at the same size wraps the generations (None: not shown, one band)."""
    scene = GraphScene()
    scene.per_band = per_band
    scene.selected = set(selection.keys)
    scene.set_data(document.strategy, document.schedule, document.schedule_error or "")
    return graph_look(scene)


@pytest.fixture
def graph(qtbot):
    selection = Selection()
    view = GraphView(OpenDocument(medium_strategy()), selection)
    qtbot.addWidget(view)
    return view


def test_a_duration_edit_moves_the_critical_path_in_place_without_laying_the_graph_out_again(
    qtbot, monkeypatch
):
    view = GraphView(OpenDocument(small_strategy()), Selection())
    qtbot.addWidget(view)
    document, nodes = view.document, dict(view.graph.nodes)
    assert view.graph.edges[("A", "B")].data(0) is True
    laid_out = []
    monkeypatch.setattr(graph_view, "layers", lambda s: laid_out.append(s) or [])
    document.apply(ChangeInitiative("C", {"duration": 30}))  # C now drives the finish
    assert not laid_out
    assert view.graph.nodes == nodes and all(view.graph.nodes[k] is nodes[k] for k in nodes)
    assert nodes["C"].critical and not nodes["A"].critical
    assert view.graph.edges[("A", "B")].data(0) is False
    monkeypatch.undo()
    assert graph_look(view.graph) == fresh_graph(document, view.selection)


def test_after_edits_of_dates_titles_and_statuses_the_graph_looks_as_if_built_afresh(graph):
    document = graph.document
    graph.selection.set_keys(["K07", "K21"], "table")
    for edit in (
        ChangeInitiative("K01", {"duration": 60}),
        ChangeInitiative("K22", {"title": "A much longer title that wraps onto two lines"}),
        ChangeInitiative("K08", {"status": "dropped"}),
        ChangeInitiative("K30", {"pillar": DEFAULT_PILLARS[3].key, "status": "idea"}),
        ChangeInitiative("K12", {"duration": 0}),
    ):
        assert document.apply(edit)
        assert graph_look(graph.graph) == fresh_graph(document, graph.selection)
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert graph_look(graph.graph) == fresh_graph(document, graph.selection)


def test_adding_and_removing_dependencies_and_initiatives_lays_the_graph_out_as_afresh(graph):
    document = graph.document
    graph.selection.set_keys(["K02"], "table")
    kept = graph.graph.nodes["K05"]
    for edit in (
        AddDependency(Dependency("K02", "K36")),
        AddDependency(Dependency("K10", "K04", "SS", 2)),
        RemoveDependency("K03", "K04"),
        AddInitiative(Initiative("NEW", "A new one", 8, DEFAULT_PILLARS[0].key), index=3),
        AddDependency(Dependency("NEW", "K00")),
        RemoveInitiative("K14"),
        ChangeInitiative("K20", {"key": "RENAMED"}),
    ):
        assert document.apply(edit), document.last_error
        assert graph_look(graph.graph) == fresh_graph(document, graph.selection)
    assert graph.graph.nodes["K05"] is kept  # moved, not made again
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
        assert graph_look(graph.graph) == fresh_graph(document, graph.selection)


def test_a_graph_that_could_not_be_scheduled_recovers_to_the_same_look_as_a_fresh_one(qapp):
    strategy = medium_strategy()
    scene = GraphScene()
    scene.set_data(strategy, schedule(strategy))
    scene.set_data(strategy, None, "something is wrong")
    assert scene.nodes == {} and len(scene.items()) == 1
    strategy.dependencies.append(Dependency("K00", "K39"))
    scene.set_data(strategy, schedule(strategy))
    fresh = GraphScene()
    fresh.set_data(strategy, schedule(strategy))
    assert graph_look(scene) == graph_look(fresh)


def board_look(scene: BoardScene) -> dict:
    """Everything the board scene shows, card by card."""
    return {
        "cards": {
            key: (
                card.title,
                card.detail,
                card.dates,
                card.fill,
                card.critical,
                card.pinned,
                card.flag,
                card.selected,
                (card.x(), card.y()),
                card.boundingRect().getRect(),
                card.opacity(),
                card.zValue(),
                card.toolTip(),
            )
            for key, card in scene.cards.items()
        },
        "columns": [(name, rect.getRect()) for name, rect in scene.columns],
        "items": len(scene.items()),
        "rect": scene.sceneRect().getRect(),
    }


def fresh_board(qtbot, document: OpenDocument, selection: Selection, size) -> dict:
    view = BoardView(document, selection)
    qtbot.addWidget(view)
    view.resize(size)
    view.show()
    qtbot.waitExposed(view)
    look = board_look(view.board)
    view.close()
    document.changed.disconnect(view.follow)
    return look


def shown_board(qtbot) -> BoardView:
    """A board of the medium strategy on screen."""
    view = BoardView(OpenDocument(medium_strategy()), Selection())
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def board(qtbot):
    return shown_board(qtbot)


def test_the_board_after_moving_a_card_to_another_phase_matches_a_fresh_board(board, qtbot):
    document, cards = board.document, dict(board.board.cards)
    board.selection.set_keys(["K11"], "table")
    assert document.schedule.items["K11"].phase != "Later"
    assert board.pin("K11", "Later")
    assert board.board.cards["K11"] is cards["K11"]  # the same card, moved
    assert board.board.column_at(cards["K11"].sceneBoundingRect().center().x()) == "Later"
    assert board_look(board.board) == fresh_board(qtbot, document, board.selection, board.size())
    assert board.pin("K14", "Now")  # its chain cannot finish that early: flagged
    assert board.board.cards["K14"].flag
    assert board_look(board.board) == fresh_board(qtbot, document, board.selection, board.size())
    assert board.pin("K10", "Now")  # where it already starts: only the badge is new
    assert board.board.cards["K10"].pinned
    assert board_look(board.board) == fresh_board(qtbot, document, board.selection, board.size())
    for _ in range(3):
        document.undo_stack.undo()
        assert board_look(board.board) == fresh_board(
            qtbot, document, board.selection, board.size()
        )
    assert not board.board.cards["K14"].flag and not board.board.cards["K10"].pinned


def test_the_board_after_other_edits_and_a_resize_matches_a_fresh_board(board, qtbot):
    document = board.document
    for edit in (
        ChangeInitiative("K01", {"duration": 45}),
        ChangeInitiative("K06", {"owner": "", "status": "dropped"}),
        RemoveInitiative("K17"),
        AddInitiative(Initiative("NEW", "Late arrival", 4, DEFAULT_PILLARS[1].key)),
    ):
        assert document.apply(edit), document.last_error
        assert board_look(board.board) == fresh_board(
            qtbot, document, board.selection, board.size()
        )
    board.resize(1500, 700)
    qtbot.wait(1)
    assert board_look(board.board) == fresh_board(qtbot, document, board.selection, board.size())

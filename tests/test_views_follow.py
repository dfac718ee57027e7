"""Roadmap views follow each Change: only the bars, cards and nodes an edit touched are
redrawn, every other item is left alone, and the view looks exactly as if built afresh."""

from __future__ import annotations

import pytest
from test_views_incremental import board_look, fresh_board, fresh_graph, graph_look
from views_fixtures import medium_strategy

from cxroadmap.domain.edits import AddDependency, ChangeInitiative, ChangeStrategy
from cxroadmap.domain.model import Dependency
from cxroadmap.domain.pillars import DEFAULT_PILLARS
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views import graph_view, timeline_scene
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.board_card import CardItem
from cxroadmap.ui.views.graph_view import GraphView
from cxroadmap.ui.views.timeline_arrows import arrow_path
from cxroadmap.ui.views.timeline_items import BarItem
from cxroadmap.ui.views.timeline_scene import TimelineScene
from cxroadmap.ui.views.timeline_view import TimelineView


def timeline_look(scene: TimelineScene) -> dict:
    """Everything the timeline scene shows: lanes, rows, geometry, each bar, the arrows."""
    return {
        "lanes": [(lane.label, lane.colour, list(lane.keys)) for lane in scene.lanes],
        "rows": scene.rows,
        "row_keys": scene.row_keys,  # top to bottom, as the lazy placing and hit tests read
        "row_ys": scene.row_ys,
        "lane_of": scene.lane_of,
        "blocks": {b: s for b, s in scene.arrows.blocks.items() if s},  # the arrows' index
        "geom": scene.geom,
        "window": scene.window,
        "phases": scene.phases,
        "right": scene.content_right,
        "rect": scene.sceneRect().getRect(),
        "arrows": scene.arrows.deps,
        "bars": {
            key: (
                bar.title,
                bar.fill,
                bar.milestone,
                bar.critical,
                bar.dropped,
                bar.selected,
                (bar.x(), bar.y()),
                tuple(round(v, 6) for v in bar.boundingRect().getRect()),  # QRectF == is fuzzy
                bar.width,
                bar.tail,
            )
            for key, bar in scene.bars.items()
            if bar.isVisible()
        },
    }


def fresh_timeline(view: TimelineView) -> dict:
    """What a timeline scene made now for the same document, zoom and grouping shows."""
    doc = view.document
    scene = TimelineScene(grouping=view.timeline.grouping, today=view.timeline.today)
    scene.set_px_per_day(view.timeline.px_per_day)
    scene.set_selected(view.selection.keys)
    scene.set_data(doc.strategy, doc.schedule, doc.schedule_error or "")
    return timeline_look(scene)


@pytest.fixture
def timeline(qtbot):
    view = TimelineView(OpenDocument(medium_strategy()), Selection())
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def recording(monkeypatch, cls, name: str) -> list[str]:
    """Record the key of every item whose method `name` is called."""
    calls: list[str] = []
    original = getattr(cls, name)

    def record(self, *args, **kwargs):
        calls.append(self.key)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, record)
    return calls


def test_a_title_edit_redraws_one_bar_and_keeps_every_other_bar_untouched(timeline, monkeypatch):
    document, scene = timeline.document, timeline.timeline
    bars = dict(scene.bars)
    placed = recording(monkeypatch, BarItem, "set_geometry")
    laid_out = []
    monkeypatch.setattr(timeline_scene, "lanes_of", lambda *a: laid_out.append(a) or [])
    assert document.apply(ChangeInitiative("K04", {"title": "A much longer title for K04"}))
    assert placed == ["K04"] and not laid_out  # no lanes, no rows, one bar
    assert scene.bars == bars and all(scene.bars[k] is bars[k] for k in bars)
    assert scene.bars["K04"].title == "A much longer title for K04"
    monkeypatch.undo()
    assert timeline_look(scene) == fresh_timeline(timeline)


def test_a_duration_edit_moves_only_the_bars_whose_dates_changed(timeline, monkeypatch):
    document, scene = timeline.document, timeline.timeline
    before = dict(document.schedule.items)
    placed = recording(monkeypatch, BarItem, "set_geometry")
    assert document.apply(ChangeInitiative("K39", {"duration": 40}))
    after = document.schedule.items
    changed = {k for k in after if after[k] != before[k]}
    assert "K39" in changed and len(changed) < 40
    assert set(placed) == changed  # the bars that moved, no other
    assert timeline_look(scene) == fresh_timeline(timeline)


def test_edits_that_change_lanes_rows_or_links_lay_the_timeline_out_as_afresh(timeline):
    document = timeline.document
    timeline.selection.set_keys(["K07"], "table")
    for edit in (
        ChangeInitiative("K01", {"duration": 60}),  # its chain's bars reorder in their lanes
        ChangeInitiative("K22", {"pillar": DEFAULT_PILLARS[5].key}),  # another lane
        ChangeInitiative("K08", {"status": "dropped", "title": "Dropped now"}),
        ChangeInitiative("K30", {"owner": "Someone new"}),
        AddDependency(Dependency("K02", "K36")),
        ChangeStrategy({"max_parallel": 3}),
        ChangeInitiative("K12", {"duration": 0}),  # a milestone
    ):
        assert document.apply(edit), document.last_error
        assert timeline_look(timeline.timeline) == fresh_timeline(timeline)
    timeline.timeline.set_grouping("owner")
    assert document.apply(ChangeInitiative("K30", {"owner": "Team 1"}))
    assert timeline_look(timeline.timeline) == fresh_timeline(timeline)
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
        assert timeline_look(timeline.timeline) == fresh_timeline(timeline)


def test_a_title_edit_redraws_one_card_and_one_node(qtbot, monkeypatch):
    document, selection = OpenDocument(medium_strategy()), Selection()
    board = BoardView(document, selection)
    graph = GraphView(document, selection)
    for view in (board, graph):
        qtbot.addWidget(view)
        view.resize(1100, 600)
        view.show()
        qtbot.waitExposed(view)
    cards, nodes = dict(board.board.cards), dict(graph.graph.nodes)
    described = recording(monkeypatch, CardItem, "describe")
    drawn: list[str] = []
    original = graph_view.GraphScene._describe
    monkeypatch.setattr(
        graph_view.GraphScene,
        "_describe",
        lambda self, node, *a: drawn.append(node.key) or original(self, node, *a),
    )
    assert document.apply(ChangeInitiative("K17", {"title": "Renamed on the board"}))
    assert described == ["K17"] and drawn == ["K17"]
    assert all(board.board.cards[k] is cards[k] for k in cards)
    assert all(graph.graph.nodes[k] is nodes[k] for k in nodes)
    monkeypatch.undo()
    assert board.board.cards["K17"].title == "Renamed on the board"
    assert board_look(board.board) == fresh_board(qtbot, document, selection, board.size())
    assert graph_look(graph.graph) == fresh_graph(document, selection, graph.graph.per_band)
    assert document.apply(ChangeInitiative("K39", {"duration": 33}))
    assert board_look(board.board) == fresh_board(qtbot, document, selection, board.size())
    assert graph_look(graph.graph) == fresh_graph(document, selection, graph.graph.per_band)


def test_a_large_timeline_placed_lazily_follows_edits_to_where_a_fresh_layout_puts_it(qtbot):
    from pdf_samples import large_strategy

    view = TimelineView(OpenDocument(large_strategy(400)), Selection())  # > EAGER_ROWS
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    scene, document = view.timeline, view.document
    assert scene.lazy
    for edit in (
        ChangeInitiative("K00000", {"duration": 90}),  # its chain reorders in the lanes
        ChangeInitiative("K00001", {"title": "Renamed"}),
        ChangeInitiative("K00002", {"not_before": "2028-06-01"}),
    ):
        assert document.apply(edit), document.last_error
        view.viewport().repaint()  # places the bars now on screen
        fresh = fresh_timeline(view)
        look = timeline_look(scene)
        parts = ("lanes", "rows", "row_keys", "geom", "window", "phases", "right", "rect")
        for part in (*parts, "arrows", "blocks"):
            assert look[part] == fresh[part], part
        shown = look["bars"]
        assert shown  # bars on screen, each where the layout puts it
        for key, bar in shown.items():
            x, width, tail, y, _ = scene.geom[key]
            assert (bar[6], bar[8], bar[9]) == ((x, y), width, tail), key


def _arrow_rects(scene) -> dict:
    """The scene rectangle each shown arrow covers (its path and head), by dependency."""
    found = {}
    for a, b, kind, _ in scene.arrows.deps:
        path, head = arrow_path(scene, a, b, kind)
        found[(a, b)] = path.boundingRect().united(head.boundingRect())
    return found


def test_an_edit_repaints_its_arrows_where_they_were_and_are_and_no_more(timeline, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from cxroadmap.ui.views.timeline_arrows import DependencyLayer

    document, scene = timeline.document, timeline.timeline
    areas = []
    redraw = DependencyLayer.redraw

    def recorded(layer, area=None):
        areas.append(area)
        redraw(layer, area)

    monkeypatch.setattr(DependencyLayer, "redraw", recorded)
    screen = timeline.screen()

    def shot():
        return screen.grabWindow(timeline.winId()).toImage()

    timeline.repaint()
    checked = 0
    for edit in (
        ChangeInitiative("K01", {"duration": 60}),  # bars move and reorder in their lanes
        ChangeInitiative("K01", {"duration": 2}),
        ChangeInitiative("K39", {"duration": 40}),
        ChangeInitiative("K06", {"duration": 3}),
        ChangeInitiative("K04", {"title": "Only the title"}),
    ):
        before, areas[:] = _arrow_rects(scene), []
        assert document.apply(edit)
        after = _arrow_rects(scene)
        area = areas[-1]
        assert area is not None and area.width() < scene.sceneRect().width()
        for pair, rect in after.items():
            if before.get(pair) != rect:  # this arrow moved: both its places are painted
                assert area.contains(before[pair]) and area.contains(rect), (edit.text, pair)
                checked += 1
        for _ in range(5):
            QApplication.processEvents()
        settled = shot()
        timeline.repaint()
        assert settled == shot(), edit.text  # nothing stale on screen
    assert checked > 5


def test_the_arrows_area_is_the_union_of_the_rects_of_the_bars_at_the_arrows(timeline):
    from PySide6.QtCore import QRectF

    from cxroadmap.ui.views.timeline_follow import arrows_area

    scene = timeline.timeline
    m = scene.metrics

    def united(was):  # the plain way: one QRectF per bar, united
        area = QRectF()
        for index in {i for key in was for i in scene.arrows.at.get(key, ())}:
            a, b = scene.arrows.deps[index][:2]
            for geom in (scene.geom[a], scene.geom[b], was.get(a), was.get(b)):
                if geom is not None:
                    x, width, _, y, _ = geom
                    area = area.united(QRectF(x - m.bar, y, max(width, 2.0) + 2 * m.bar, m.row))
        return area.adjusted(-12, -12, 12, 12) if not area.isEmpty() else area

    linked = [k for k in scene.geom if scene.arrows.at.get(k)]
    moved = {k: (g[0] + 30, g[1], g[2], g[3] + m.row, g[4]) for k, g in scene.geom.items()}
    for keys in (linked[:1], linked[3:9], linked, []):
        was = {k: moved[k] for k in keys}
        found, plain = arrows_area(scene, was), united(was)
        assert found.isEmpty() == plain.isEmpty() == (not keys)
        for a, b in zip(found.getRect(), plain.getRect(), strict=True):
            assert abs(a - b) < 1e-9
    assert len(linked) > 9

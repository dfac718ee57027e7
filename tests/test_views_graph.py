"""The dependency graph: layers by topological generation, critical edges, click to select."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from views_fixtures import small_strategy

from cxroadmap.common import style
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views.graph_node import NodeItem
from cxroadmap.ui.views.graph_view import GraphView, layers


def test_nodes_are_layered_left_to_right_by_topological_generation():
    assert layers(small_strategy()) == [["A", "C"], ["B"], ["M"]]


def test_clicking_a_node_selects_it_everywhere_and_critical_edges_are_red(qtbot):
    selection = Selection()
    view = GraphView(OpenDocument(small_strategy()), selection)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    nodes = view.graph.nodes
    assert nodes["A"].x() < nodes["B"].x() < nodes["M"].x()
    assert nodes["A"].x() == nodes["C"].x()
    point = view.mapFromScene(nodes["B"].sceneBoundingRect().center())
    with qtbot.waitSignal(selection.changed):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert selection.keys == ["B"] and nodes["B"].selected
    edge = view.graph.edges[("A", "B")]
    assert edge.pen().color().name() == style.CRITICAL
    selection.set_keys(["C"], source="table")
    assert nodes["C"].selected and not nodes["B"].selected


def test_a_node_is_found_within_its_box_and_border_and_its_bounds_come_from_qt(qtbot):
    view = GraphView(OpenDocument(small_strategy()), Selection())
    qtbot.addWidget(view)
    scene = view.graph
    node = scene.nodes["B"]
    m = scene.metrics
    # The box and the 3 px its selection border may paint beyond it.
    assert node.boundingRect().getRect() == (-3, -3, m.node_width + 6, m.node_height + 6)
    corner = node.scenePos()
    assert node in scene.items(corner + QPointF(-2.5, -2.5))
    assert node in scene.items(corner + QPointF(m.node_width + 2.5, m.node_height / 2))
    assert node not in scene.items(corner + QPointF(-3.5, m.node_height / 2))
    # Qt answers the bounds in C++: the scene has no spatial index, so each repaint asks
    # every node (a Python boundingRect was one call into Python per node per repaint).
    assert "boundingRect" not in NodeItem.__dict__

"""The Dependencies tab opens fitted to the window (as Ctrl+0 fits), follows the window's size
until the user zooms, and an edit keeps the user's zoom."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.storage.document import write_document
from cxroadmap.ui.views.graph_layout import READABLE
from cxroadmap.ui.views.graph_view import GraphView


def used_width(graph: GraphView) -> int:
    return graph.mapFromScene(graph.graph.itemsBoundingRect()).boundingRect().width()


def test_clicking_the_dependencies_tab_shows_the_graph_fitted(window, qtbot, tmp_path):
    path = tmp_path / "demo.cxroadmap"
    write_document(path, [demo_strategy()])
    assert window.files.open_path(path)
    graph = next(t for t in window.roadmap_tabs if isinstance(t, GraphView))
    bar = window.views.tabBar()
    index = window.views.indexOf(graph)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.views.currentWidget() is graph
    scene, port = graph.graph, graph.viewport().rect()
    qtbot.waitUntil(lambda: scene.per_band is not None)
    assert scene.per_band < scene.generations  # the long chain wrapped into bands
    assert graph.transform().m11() >= READABLE
    assert port.width() * 0.6 <= used_width(graph) <= port.width() + 2  # fills the width
    # A narrower window: fitted again, as long as the user has not zoomed.
    window.resize(window.width() - 300, window.height())
    qtbot.waitUntil(lambda: used_width(graph) <= graph.viewport().width() + 2)
    qtbot.keyClick(graph, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    zoom = graph.transform().m11()
    window.resize(window.width() + 300, window.height())
    qtbot.wait(50)
    assert graph.transform().m11() == zoom  # the user's zoom stays
    key = next(iter(window.document.strategy.initiatives))
    window.document.apply(ChangeInitiative(key, {"title": "Renamed"}))
    assert graph.transform().m11() == zoom  # and an edit keeps it too
    qtbot.keyClick(graph, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert graph.auto_fit and used_width(graph) <= graph.viewport().width() + 2

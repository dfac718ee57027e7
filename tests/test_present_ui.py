"""In the app: a saved view narrows every tab, the brand kit editor, print, PowerPoint export."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from ui_fixtures import visible_keys

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.brand import BrandKit
from cxroadmap.domain.pillars import pillar_colour
from cxroadmap.domain.view_filter import ViewFilter
from cxroadmap.storage.document import write_document
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.graph_view import GraphView
from cxroadmap.ui.views.timeline_view import TimelineView

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
TRAINING = ViewFilter("Training only", pillars=["training"])


@pytest.fixture
def demo_window(window, tmp_path):
    strategy = demo_strategy()
    strategy.views = [TRAINING]
    path = tmp_path / "demo.cxroadmap"
    write_document(path, [strategy])
    assert window.files.open_path(path)
    return window


def training_keys(window) -> list[str]:
    return [k for k, i in window.document.strategy.initiatives.items() if i.pillar == "training"]


def tab_keys(tab) -> set[str]:
    if isinstance(tab, TimelineView):
        return set(tab.timeline.geom)
    if isinstance(tab, BoardView):
        return set(tab.board.cards)
    assert isinstance(tab, GraphView)
    return set(tab.graph.nodes)


def test_a_saved_view_picked_on_the_toolbar_narrows_every_tab_and_the_presentation(demo_window):
    window = demo_window
    commands = window.view_commands.saved_views
    picker = commands.picker
    assert [picker.itemText(i) for i in range(picker.count())] == [
        "All initiatives",
        "Training only",
    ]
    picker.setCurrentIndex(1)
    picker.activated.emit(1)  # as a click on the item does
    wanted = set(training_keys(window))
    assert set(visible_keys(window)) == wanted
    tabs = [t for t in window.roadmap_tabs if isinstance(t, TimelineView | BoardView | GraphView)]
    assert len(tabs) == 3
    for tab in tabs:
        window.views.setCurrentWidget(tab)
        tab.refresh()
        assert tab_keys(tab) == wanted, type(tab).__name__
    show = window.view_commands.start_presenting()
    assert {k for step in show.steps for k in step.keys if step.phase is not None} == wanted
    show.close()
    commands.choose(None)
    assert len(visible_keys(window)) == len(window.document.strategy.initiatives)
    window.views.setCurrentWidget(tabs[0])
    tabs[0].refresh()
    assert tab_keys(tabs[0]) == set(window.document.strategy.initiatives)


def test_save_view_keeps_the_tables_filters_by_name_and_undo_removes_it(demo_window):
    window = demo_window
    window.initiatives.proxy.set_filters(owner="Learning team")
    assert window.view_commands.saved_views.save_current("Learning")
    views = window.document.strategy.views
    assert views[-1] == ViewFilter("Learning", owners=["Learning team"])
    assert window.view_commands.saved_views.picker.currentText() == "Learning"
    window.document.undo_stack.undo()
    assert [v.name for v in window.document.strategy.views] == ["Training only"]
    assert window.view_commands.saved_views.picker.count() == 2


def test_the_brand_kit_is_edited_in_the_strategy_tab_and_undo_restores_it(demo_window, shown):
    window = demo_window
    box = window.strategy_panel.brand
    box.client_edit.setText("Acme Telecom")
    box.client_edit.editingFinished.emit()
    box.colours_edit.setPlainText("training: #ff8800")
    assert box.commit()
    assert box.set_logo(PNG)
    brand = window.document.strategy.brand
    assert brand == BrandKit("Acme Telecom", PNG, "", {"training": "#ff8800"}, "")
    assert pillar_colour("training") == "#ff8800"  # the views draw the client's colour
    box.accent_edit.setText("not a colour")
    box.accent_edit.editingFinished.emit()
    assert window.document.strategy.brand == brand  # refused, unchanged
    assert box.logo_clear.isEnabled()
    for _ in range(3):
        window.document.undo_stack.undo()
    assert window.document.strategy.brand == BrandKit()
    assert pillar_colour("training") != "#ff8800"


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def test_print_renders_the_filtered_table_and_the_timeline(demo_window, tmp_path):
    window = demo_window
    assert window.findChild(object, "action_print") is not None
    assert window.findChild(object, "action_print_preview") is not None
    window.view_commands.saved_views.choose("Training only")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "table.pdf"))
    window.views.setCurrentWidget(window.initiatives)
    window.view_commands.saved_views.printing.render(printer)
    text = " ".join(_pdf_text(tmp_path / "table.pdf").split())
    strategy = window.document.strategy
    words = set(text.split())
    for key, ini in strategy.initiatives.items():
        assert (key in words) == (ini.pillar == "training"), key
    timeline = next(t for t in window.roadmap_tabs if isinstance(t, TimelineView))
    window.views.setCurrentWidget(timeline)
    printer.setOutputFileName(str(tmp_path / "timeline.pdf"))
    window.view_commands.saved_views.printing.render(printer)
    assert "Training context" in " ".join(_pdf_text(tmp_path / "timeline.pdf").split())


def test_powerpoint_from_the_export_menu_and_open_after_export(
    demo_window, qtbot, tmp_path, monkeypatch
):
    window = demo_window
    assert window.findChild(object, "action_export_pptx") is not None
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    window.view_commands.saved_views.open_after.setChecked(True)
    out = tmp_path / "deck.pptx"
    assert window.files.export_to(out, ".pptx")
    qtbot.waitUntil(lambda: bool(opened), timeout=60000)
    assert opened == [str(out)]
    assert Presentation(str(out)).slides[1].shapes.title.text == "Roadmap"


def test_impact_of_an_edit_is_tried_on_a_copy_and_leaves_the_plan_alone():
    from cxroadmap.domain.edits import ChangeInitiative
    from cxroadmap.scheduling.impact import impact_of
    from cxroadmap.scheduling.planner import schedule

    strategy = demo_strategy()
    plan = schedule(strategy)
    impact = impact_of(strategy, plan, ChangeInitiative("VIS1", {"phase": "Long term"}))
    assert impact.describe() == (
        "34 initiatives move · finish 12 Jul 2028 → 5 Jun 2029 · 27 leave their phase"
    )
    assert "VIS1" in impact.moved and "VIS1" in impact.left_phase
    assert strategy.initiatives["VIS1"].phase is None  # the copy took the edit, not the plan
    assert impact_of(strategy, plan, ChangeInitiative("VIS1", {"impact": 9})) is None


def test_dragging_a_card_says_what_will_move_and_the_status_bar_says_it_after_the_drop(
    demo_window, qtbot
):
    from PySide6.QtCore import Qt

    window = demo_window
    board = next(t for t in window.roadmap_tabs if isinstance(t, BoardView))
    window.views.setCurrentWidget(board)
    board.refresh()
    before = window.document.schedule
    card = board.board.cards["VIS1"]
    start = board.mapFromScene(card.sceneBoundingRect().center())
    column = dict(board.board.columns)["Long term"]
    board.ensureVisible(card)
    start = board.mapFromScene(card.sceneBoundingRect().center())
    target = board.mapFromScene(column.center().x(), card.sceneBoundingRect().center().y())
    viewport = board.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + (target - start) / 2)
    qtbot.mouseMove(viewport, target)
    expected = "34 initiatives move · finish 12 Jul 2028 → 5 Jun 2029 · 27 leave their phase"
    assert board.impact.text == expected  # shown in the tooltip while dragging
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=target)
    assert window.document.strategy.initiatives["VIS1"].phase == "Long term"
    assert window.statusBar().currentMessage() == expected
    window.document.undo_stack.undo()
    assert window.document.schedule.items == before.items  # undo puts every date back
    assert window.statusBar().currentMessage() == (
        "34 initiatives move · finish 5 Jun 2029 → 12 Jul 2028 · 27 leave their phase"
    )


def test_graph_fit_wraps_long_chains_and_keeps_nodes_readable(demo_window):
    from cxroadmap.ui.views.graph_layout import READABLE

    window = demo_window
    graph = next(t for t in window.roadmap_tabs if isinstance(t, GraphView))
    window.views.setCurrentWidget(graph)
    graph.refresh()
    graph.fit()
    scale = graph.transform().m11()
    assert scale >= READABLE  # node titles stay readable
    scene = graph.graph
    assert scene.per_band is not None and scene.per_band < scene.generations  # wrapped
    used = graph.mapFromScene(scene.itemsBoundingRect()).boundingRect()
    port = graph.viewport().rect()
    assert used.width() <= port.width() + 2  # no sideways scrolling
    assert used.width() >= 0.6 * port.width()  # and no thin strip in a sea of white
    titles = {n.key: n for n in scene.nodes.values()}
    assert set(titles) == set(window.document.strategy.initiatives)


def test_the_phases_tab_opens_at_the_top_whatever_was_selected(demo_window):
    window = demo_window
    last = list(window.document.strategy.initiatives)[-1]
    window.selection.set_keys([last])
    board = window.roadmap_tab("Phases")
    window.views.setCurrentWidget(board)
    assert board.verticalScrollBar().value() == 0
    assert board.mapFromScene(0, 0).y() >= 0  # the column headers are in sight


def test_swimlane_names_stay_at_the_left_edge_when_the_timeline_scrolls(demo_window):
    window = demo_window
    timeline = window.roadmap_tab("Timeline")
    window.views.setCurrentWidget(timeline)
    timeline.set_zoom(timeline.px_per_day * 6)
    bar = timeline.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scene = timeline.timeline
    assert scene.label_left > 0
    top, _lane = scene.lane_tops[0]
    assert 0 <= timeline.mapFromScene(scene.label_left + 8, top).x() <= 12

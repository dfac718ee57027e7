"""The Qt item models pass pytest-qt's model tester; filters and search show the expected rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_fixtures import small_strategy, visible_keys

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.edits import AddInitiative, ChangeInitiative, RemoveInitiative
from cxroadmap.domain.model import Initiative
from cxroadmap.domain.pillars import find_pillar
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.models.dependencies_model import DependenciesModel
from cxroadmap.ui.models.initiatives_filter import InitiativesFilter
from cxroadmap.ui.models.initiatives_model import COLUMN, InitiativesModel


def _edit_through(doc: OpenDocument, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc.apply(AddInitiative(Initiative("NEW", "A new one", 5, pillar="training")))
    doc.apply(RemoveInitiative("TR1"))
    doc.apply(ChangeInitiative("TR2", {"key": "TR2B", "duration": "9w"}))
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    # When planning runs off the UI thread (forced here, or a slow machine), the model
    # hears of the edits when the schedule lands: wait for it before checking again, or
    # a second check() would track the late signals twice.
    qtbot.waitUntil(lambda: not doc.scheduler.pending)


BOTH_PATHS = pytest.mark.parametrize("background", [False, True], ids=["inline", "background"])


@BOTH_PATHS
def test_the_initiatives_model_passes_the_model_tester_through_edits(
    qtmodeltester, qtbot, background: bool
) -> None:
    doc = OpenDocument(demo_strategy())
    doc.scheduler.force_background = background
    model = InitiativesModel(doc)
    qtmodeltester.check(model, force_py=True)
    _edit_through(doc, qtbot)
    assert model.rowCount() == len(doc.strategy.initiatives)
    qtmodeltester.check(model, force_py=True)
    doc.close()


@BOTH_PATHS
def test_the_sorted_filtered_initiatives_pass_the_model_tester_through_edits(
    qtmodeltester, qtbot, background: bool
) -> None:
    # One tester per test: the tester tracks a single model's signals.
    doc = OpenDocument(demo_strategy())
    doc.scheduler.force_background = background
    proxy = InitiativesFilter(InitiativesModel(doc))
    proxy.sort(COLUMN["finish"], Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)
    _edit_through(doc, qtbot)
    proxy.set_filters(pillar="training", search="train")
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() > 0
    doc.close()


def test_the_dependencies_model_passes_the_model_tester_and_lists_predecessors_first(
    qtmodeltester,
) -> None:
    doc = OpenDocument(small_strategy())
    model = DependenciesModel(doc)
    model.set_key("B")
    qtmodeltester.check(model, force_py=True)
    rows = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert rows == [
        ("waits on", "A · Agree the service vision"),
        ("leads to", "C · Train for context"),
    ]
    assert model.setData(model.index(0, 3), "2d")
    assert doc.strategy.dependency("A", "B").lag == 2  # type: ignore[union-attr]
    assert model.index(0, 3).data() == "2d"
    doc.close()


def test_filters_and_search_reduce_the_rows_shown(qtbot, window: MainWindow, tmp_path) -> None:
    from cxroadmap.storage.document import write_document

    path = tmp_path / "demo.cxroadmap"
    demo = demo_strategy()
    write_document(path, [demo])
    assert window.files.open_path(path)
    bar = window.initiatives.filters
    everything = list(demo.initiatives)
    assert visible_keys(window) == everything

    bar.pillar.setCurrentIndex(bar.pillar.findData("training"))
    training = [k for k, i in demo.initiatives.items() if find_pillar(i.pillar).key == "training"]
    assert visible_keys(window) == training and training
    assert bar.count.text() == f"{len(training)} of {len(everything)}"

    bar.status.setCurrentIndex(bar.status.findData("in_progress"))
    assert visible_keys(window) == [
        k for k in training if demo.initiatives[k].status == "in_progress"
    ]
    bar.status.setCurrentIndex(0)
    bar.pillar.setCurrentIndex(0)

    owner = demo.initiatives[everything[0]].owner
    bar.owner.setCurrentIndex(bar.owner.findData(owner))
    assert visible_keys(window) == [k for k in everything if demo.initiatives[k].owner == owner]
    bar.owner.setCurrentIndex(0)

    doc = window.document
    assert doc is not None and doc.schedule is not None
    bar.phase.setCurrentIndex(bar.phase.findData("Long term"))
    long_term = [k for k in everything if doc.schedule.items[k].phase == "Long term"]
    assert visible_keys(window) == long_term and long_term
    bar.phase.setCurrentIndex(0)

    window.acts["find"].trigger()
    qtbot.keyClicks(bar.search, "touchpoint")
    expected = [
        k
        for k, i in demo.initiatives.items()
        if "touchpoint"
        in " ".join((k, i.title, i.description, i.owner, find_pillar(i.pillar).label)).lower()
    ]
    assert visible_keys(window) == expected
    assert 0 < len(expected) < len(everything)
    bar.search.clear()
    assert visible_keys(window) == everything


def test_sorting_by_a_column_orders_rows_and_keeps_ties_in_strategy_order(
    window: MainWindow, small_file
) -> None:
    assert window.files.open_path(small_file)
    window.initiatives.table.sortByColumn(COLUMN["duration"], Qt.SortOrder.DescendingOrder)
    assert visible_keys(window) == ["B", "A", "C", "D"]
    window.initiatives.table.sortByColumn(COLUMN["owner"], Qt.SortOrder.AscendingOrder)
    assert visible_keys(window) == ["A", "C", "B", "D"]

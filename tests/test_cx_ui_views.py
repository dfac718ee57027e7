"""The app's customer-experience tabs: touchpoints, matrix, measures, alignment and roll-up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cx_samples import cascade_strategies, touchpoint_strategy
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.storage.document import read_document, write_document
from cxroadmap.ui.cx.alignment_view import AlignmentView
from cxroadmap.ui.cx.matrix_view import MatrixView
from cxroadmap.ui.cx.measures_model import FIELDS
from cxroadmap.ui.cx.measures_page import MeasuresPage
from cxroadmap.ui.cx.touchpoints_page import TouchpointsPage
from cxroadmap.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def kept() -> Iterator[list[QObject]]:
    """Objects the model tester checks again when it is torn down: asked for before it, so
    kept until then, and deleted with the test (a module's list kept them all run long)."""
    objects: list[QObject] = []
    yield objects
    for obj in objects:
        obj.deleteLater()


@pytest.fixture
def cx_window(window: MainWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "cx.cxroadmap"
    write_document(path, [touchpoint_strategy()])
    assert window.files.open_path(path)
    return window


@pytest.fixture
def cascade_window(window: MainWindow, tmp_path: Path) -> MainWindow:
    org, care, team = cascade_strategies()
    care.initiatives["COACH"].duration = 60  # finishes after ORG/LEAD, which it supports
    path = tmp_path / "cascade.cxroadmap"
    write_document(path, [org, care, team])
    assert window.files.open_path(path)
    return window


def tab(window: MainWindow, title: str):  # type: ignore[no-untyped-def]
    widget = window.cx_commands.show_tab(title)
    QApplication.processEvents()
    return widget


def click_index(qtbot, view, index: QModelIndex, double: bool = False) -> None:  # type: ignore[no-untyped-def]
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), LEFT, pos=pos)
    if double:
        qtbot.mouseDClick(view.viewport(), LEFT, pos=pos)


def test_making_an_initiative_of_an_opportunity_links_both_and_one_undo_removes_it(
    qtbot, cx_window: MainWindow
) -> None:
    page = tab(cx_window, "Touchpoints")
    assert isinstance(page, TouchpointsPage)
    assert page.current_key() == "CALL"
    editor = page.editor
    opportunity = editor.opportunities.item(0)
    qtbot.mouseClick(
        editor.opportunities.viewport(),
        LEFT,
        pos=editor.opportunities.visualItemRect(opportunity).center(),
    )
    assert editor.make_initiative.isEnabled()
    qtbot.mouseClick(editor.make_initiative, LEFT)

    strategy = cx_window.document.strategy  # type: ignore[union-attr]
    made = strategy.initiatives["CALL-1"]
    assert made.title == "Refund authority at the front line"
    assert made.touchpoints == ["CALL"]
    assert strategy.touchpoints[0].opportunities[0].initiative_key == "CALL-1"
    assert cx_window.selection.current == "CALL-1"
    assert "→ CALL-1: Refund authority at the front line" in editor.opportunities.item(0).text()
    assert not editor.make_initiative.isEnabled()  # already an initiative
    on_disk = read_document(cx_window.document.path)[0]  # type: ignore[union-attr,arg-type]
    assert on_disk.initiatives["CALL-1"].touchpoints == ["CALL"]

    cx_window.acts["undo"].trigger()
    QApplication.processEvents()
    assert "CALL-1" not in strategy.initiatives
    assert strategy.touchpoints[0].opportunities[0].initiative_key is None
    assert editor.opportunities.item(0).text() == "Refund authority at the front line"


def test_touchpoint_fields_typed_in_the_editor_are_undoable_edits(
    qtbot, cx_window: MainWindow
) -> None:
    page = tab(cx_window, "Touchpoints")
    qtbot.mouseClick(page.add_button, LEFT)
    strategy = cx_window.document.strategy  # type: ignore[union-attr]
    assert [t.key for t in strategy.touchpoints] == ["CALL", "REFUND", "TP3"]
    name = page.editor.editors["name"]
    name.selectAll()
    qtbot.keyClicks(name, "Parcel arrives damaged")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    causes = page.editor.editors["root_causes"]
    causes.setFocus()
    qtbot.keyClicks(causes, "Cheapest courier")
    name.setFocus()  # leaving the notes commits them
    QApplication.processEvents()
    tp = strategy.touchpoint("TP3")
    assert tp is not None and tp.name == "Parcel arrives damaged"
    assert tp.root_causes == ["Cheapest courier"]
    assert page.model.index(2, 1).data() == "Parcel arrives damaged"
    cx_window.acts["undo"].trigger()
    QApplication.processEvents()
    assert strategy.touchpoint("TP3").root_causes == []  # type: ignore[union-attr]


def test_ticking_a_matrix_cell_clears_the_unaddressed_gap_warning_in_the_status_bar(
    qtbot, cx_window: MainWindow
) -> None:
    matrix = tab(cx_window, "Matrix")
    assert isinstance(matrix, MatrixView)
    warning = "⚠ Touchpoint REFUND (Refund arrives) has a gap of 4 and no initiative addresses it"
    assert matrix.warning_texts() == [warning]
    assert cx_window.warnings_label.text() == "⚠ 1 warning"
    assert "Touchpoint REFUND" in cx_window.warnings_label.toolTip()

    index, _ = matrix.cell_rect("REFUND", "FIX")
    click_index(qtbot, matrix.table, index)
    qtbot.keyClick(matrix.table, Qt.Key.Key_Space)
    QApplication.processEvents()

    strategy = cx_window.document.strategy  # type: ignore[union-attr]
    assert strategy.initiatives["FIX"].touchpoints == ["REFUND"]
    assert matrix.warning_texts() == []
    assert "No touchpoint warnings" in matrix.status.text()
    assert cx_window.warnings_label.text() == "No warnings"
    assert matrix.model.index(1, 2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    cx_window.acts["undo"].trigger()
    QApplication.processEvents()
    assert matrix.warning_texts() == [warning]


def test_a_gap_left_to_training_alone_is_warned_about_until_the_cause_has_an_initiative(
    qtbot, cx_window: MainWindow
) -> None:
    matrix = tab(cx_window, "Matrix")
    index, _ = matrix.cell_rect("CALL", "MAP")  # unlink MAP: only TR1 (training) is left
    click_index(qtbot, matrix.table, index)
    qtbot.keyClick(matrix.table, Qt.Key.Key_Space)
    page = tab(cx_window, "Touchpoints")
    page.editor.editors["gap"].setValue(3)  # type: ignore[attr-defined]
    matrix = tab(cx_window, "Matrix")
    assert any("addressed by training alone (TR1)" in text for text in matrix.warning_texts())
    index, _ = matrix.cell_rect("CALL", "FIX")
    click_index(qtbot, matrix.table, index)
    qtbot.keyClick(matrix.table, Qt.Key.Key_Space)
    assert not any("training alone" in text for text in matrix.warning_texts())


def test_measures_are_added_edited_and_linked_to_the_selected_initiative(
    qtbot, cx_window: MainWindow
) -> None:
    page = tab(cx_window, "Measures")
    assert isinstance(page, MeasuresPage)
    qtbot.mouseClick(page.add_button, LEFT)
    QApplication.processEvents()
    editor = page.table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "Complaints resolved in a day")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    strategy = cx_window.document.strategy  # type: ignore[union-attr]
    assert strategy.measures[1].name == "Complaints resolved in a day"
    assert page.model.setData(page.model.index(1, FIELDS.index("target")), "90")
    assert strategy.measures[1].target == 90.0
    cx_window.selection.set_keys(["FIX"])
    page.table.selectRow(1)
    assert page.link_button.text() == "Link FIX"
    qtbot.mouseClick(page.link_button, LEFT)
    assert strategy.measures[1].initiatives == ["FIX"]
    assert page.model.index(1, FIELDS.index("initiatives")).data() == "FIX"


def test_the_alignment_view_shows_the_tree_and_flags_late_support(
    qtbot, cascade_window: MainWindow
) -> None:
    view = tab(cascade_window, "Alignment")
    assert isinstance(view, AlignmentView)
    model = view.model
    org = model.index(0, 0)
    assert org.data() == "Organisation  (Organisation)  — editing"
    care = next(
        model.index(r, 0, org)
        for r in range(model.rowCount(org))
        if model.hasChildren(model.index(r, 0, org))
    )
    assert care.data().startswith("Customer care  (Department)")
    rows = {model.index(r, 0, care).data(): r for r in range(model.rowCount(care))}
    coach = rows["COACH: Care leaders coach"]
    assert model.index(coach, 1, care).data() == "ORG/LEAD Leaders coach for service"
    assert model.index(coach, 4, care).data() == "⚑ finishes after what it supports"
    assert not model.index(rows["STD: Care standards"], 4, care).data()
    team = next(model.index(r, 0, care) for r in range(model.rowCount(care)) if
                model.index(r, 0, care).data().startswith("Complaints team"))  # fmt: skip
    assert model.index(0, 0, team).data() == "HUD: Daily huddle"
    assert "⚑ 1 supporting initiative finishes late" in view.summary.text()
    assert view.rollup_button.isVisible() and view.rollup_button.isEnabled()


def test_double_clicking_a_strategy_switches_to_it_and_its_roll_up_shows_its_children(
    qtbot, cascade_window: MainWindow
) -> None:
    view = tab(cascade_window, "Alignment")
    org = view.model.index(0, 0)
    care = next(
        view.model.index(r, 0, org)
        for r in range(view.model.rowCount(org))
        if view.model.index(r, 0, org).data().startswith("Customer care")
    )
    click_index(qtbot, view.tree, care, double=True)
    document = cascade_window.document
    assert document is not None and document.strategy.name == "Customer care"
    assert "Undo history starts afresh" in cascade_window.statusBar().currentMessage()
    # The status bar counts this strategy's late support at once (no timer in between).
    assert cascade_window.warnings_label.text() == "⚠ 1 warning"
    assert "CARE/COACH (Care leaders coach) finishes on 2027-03-26, after ORG/LEAD" in (
        cascade_window.warnings_label.toolTip()
    )
    switcher = cascade_window.cx_commands.switcher
    assert switcher.combo.currentText().strip() == "Customer care (Department)"
    view = tab(cascade_window, "Alignment")
    qtbot.mouseClick(view.rollup_button, LEFT)  # roll up on the timeline
    timeline = cascade_window.views.currentWidget()
    assert [lane.label for lane in timeline.timeline.lanes] == [
        "Customer care (department)",
        "    Complaints team (team)",
    ]
    view = tab(cascade_window, "Alignment")
    # The old tabs are gone for good; the shared selection must not reach them.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    # The team's initiative is linked from here to an initiative above, through an edit.
    cascade_window.selection.set_keys(["STD"])
    view.target.setCurrentIndex(view.target.findData("ORG/LEAD"))
    qtbot.mouseClick(view.link_button, LEFT)
    supports = [str(s) for s in document.strategy.initiatives["STD"].supports]
    assert supports == ["ORG/VIS", "ORG/LEAD"]
    on_disk = {s.key: s for s in read_document(document.path)}  # type: ignore[arg-type]
    assert [str(s) for s in on_disk["CARE"].initiatives["STD"].supports] == supports


@pytest.mark.parametrize("kind", ["touchpoints", "matrix", "measures", "alignment"])
def test_every_customer_experience_model_passes_the_model_tester(
    qapp, kept, qtmodeltester, kind
) -> None:  # type: ignore[no-untyped-def]
    from cxroadmap.ui.cx.measures_model import MeasuresModel
    from cxroadmap.ui.cx.touchpoint_models import MatrixModel, TouchpointsModel
    from cxroadmap.ui.document import OpenDocument

    document = OpenDocument(touchpoint_strategy())
    kept.append(document)
    if kind == "alignment":
        view = AlignmentView(document)
        kept.append(view)
        qtmodeltester.check(view.model, force_py=True)
        return
    model = {"touchpoints": TouchpointsModel, "matrix": MatrixModel, "measures": MeasuresModel}[
        kind
    ](document)
    kept.append(model)
    qtmodeltester.check(model, force_py=True)
    if kind == "matrix":
        index = model.index(1, 2)  # REFUND x FIX
        assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        qtmodeltester.check(model, force_py=True)


def test_the_roll_up_option_puts_each_child_strategy_in_its_own_timeline_lane(
    qtbot, cascade_window: MainWindow
) -> None:
    from cxroadmap.ui.views.timeline_view import TimelineView

    commands = cascade_window.cx_commands
    assert commands.roll_up.isEnabled()
    commands.roll_up.trigger()
    timeline = cascade_window.views.currentWidget()
    assert isinstance(timeline, TimelineView)
    lanes = [(lane.label, lane.keys) for lane in timeline.timeline.lanes]
    assert lanes == [
        ("Organisation (organisation)", ["VIS", "LEAD"]),
        ("    Customer care (department)", ["CARE/STD", "CARE/COACH"]),
        ("        Complaints team (team)", ["CARE-T1/HUD"]),
    ]
    assert timeline.timeline.strategy.initiatives["CARE/COACH"].title == "⚑ Care leaders coach"
    commands.roll_up.trigger()
    assert [lane.label for lane in timeline.timeline.lanes] == ["Leadership", "Vision and values"]


def test_a_measure_target_date_is_flagged_on_the_timeline(qtbot, cx_window: MainWindow) -> None:
    from cxroadmap.ui.views.timeline_view import TimelineView

    timeline = tab(cx_window, "Timeline")
    assert isinstance(timeline, TimelineView)
    timeline.fit()
    QApplication.processEvents()
    scene = timeline.timeline
    x = scene.scale.x_of(scene.strategy.measures[0].target_date)  # type: ignore[union-attr,arg-type]
    point = timeline.mapFromScene(x, scene.sceneRect().top())
    image = timeline.viewport().grab().toImage()
    assert image.pixelColor(point.x() + 3, point.y() + 6).name() == "#6a3d9a"


def test_the_apps_pdf_of_a_parent_strategy_has_the_roll_up_and_alignment_pages(
    qtbot, cascade_window: MainWindow, tmp_path: Path, shown
) -> None:  # type: ignore[no-untyped-def]
    import io

    from pypdf import PdfReader

    out = tmp_path / "org.pdf"
    assert cascade_window.files.export_to(out)
    qtbot.waitUntil(out.exists, timeout=30000)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Roll-up: Organisation and the strategies below it" in text
    assert "Alignment: what supports what" in text
    assert shown.errors == []


def colour_of(index: QModelIndex) -> str | None:
    brush = index.data(Qt.ItemDataRole.ForegroundRole)
    return brush.color().name() if brush is not None else None


def tree_texts(view: AlignmentView) -> list:
    """Every row of the alignment tree: its cells' texts and colours, children nested."""

    def rows(parent: QModelIndex) -> list:
        model = view.model
        out = []
        for r in range(model.rowCount(parent)):
            cells = [model.index(r, c, parent) for c in range(model.columnCount(parent))]
            out.append(
                (
                    [(c.data() or "", colour_of(c)) for c in cells],
                    rows(cells[0]),
                )
            )
        return out

    return [view.summary.text(), rows(QModelIndex())]


def test_an_edit_updates_the_alignment_rows_in_place_as_a_fresh_tree_shows_them(
    qtbot, cascade_window: MainWindow
) -> None:
    view = tab(cascade_window, "Alignment")
    document = cascade_window.document
    assert document is not None
    cells = {place: list(row) for place, row in view.cells.items()}
    coach = view.cells[("CARE", "COACH")]
    assert coach[4].text() == "⚑ finishes after what it supports"
    # Its parent initiative now finishes later than COACH: no longer late.
    assert document.apply(ChangeInitiative("LEAD", {"duration": 80, "title": "Lead longer"}))
    assert view.cells.keys() == cells.keys()
    assert all(
        a is b for place in cells for a, b in zip(view.cells[place], cells[place], strict=True)
    )
    assert coach[4].text() == "" and "late" not in view.summary.text()
    assert "Lead longer" in view.cells[("CARE", "COACH")][1].text()
    fresh = AlignmentView(document)
    assert tree_texts(view) == tree_texts(fresh)
    document.undo_stack.undo()
    assert tree_texts(view) == tree_texts(AlignmentView(document))
    assert coach[4].text() == "⚑ finishes after what it supports"


def test_a_date_edit_changes_only_finish_dates_and_late_flags_without_reading_every_link(
    qtbot, cascade_window: MainWindow, monkeypatch
) -> None:
    view = tab(cascade_window, "Alignment")
    document = cascade_window.document
    assert document is not None
    coach = view.cells[("CARE", "COACH")]

    def every_row(*_):  # type: ignore[no-untyped-def]
        raise AssertionError("every row was worked out again")

    monkeypatch.setattr(AlignmentView, "_rows", every_row)
    assert document.apply(ChangeInitiative("LEAD", {"duration": 80}))
    assert coach[4].text() == ""  # LEAD now finishes after COACH, which supports it
    document.undo_stack.undo()
    assert coach[4].text() == "⚑ finishes after what it supports"
    monkeypatch.undo()
    assert tree_texts(view) == tree_texts(AlignmentView(document))
    assert document.apply(ChangeInitiative("LEAD", {"duration": 80}))
    assert tree_texts(view) == tree_texts(AlignmentView(document))


def test_a_rename_across_the_cascade_reads_the_other_strategies_again_and_nothing_else_does(
    qtbot, cascade_window: MainWindow
) -> None:
    from cxroadmap.domain.cascade_edits import rename_initiative_key
    from cxroadmap.ui.cx import cascade_state

    view = tab(cascade_window, "Alignment")
    document = cascade_window.document
    assert document is not None
    others = cascade_state._OTHERS[document]
    assert document.apply(ChangeInitiative("LEAD", {"duration": 21}))
    assert cascade_state._OTHERS[document] is others  # the rest of the cascade is as it was
    assert cascade_state.cascade_state(document) is view.state  # worked out once per edit
    assert document.apply_across(
        "Rename", lambda cascade, s: rename_initiative_key(cascade, s, "LEAD", "LEAD2")
    )
    assert cascade_state._OTHERS[document] is not others  # CARE's links changed: read again
    coach = view.cells[("CARE", "COACH")]
    assert coach[1].text() == "ORG/LEAD2 Leaders coach for service"
    document.undo_stack.undo()
    assert view.cells[("CARE", "COACH")][1].text() == "ORG/LEAD Leaders coach for service"


def test_the_touchpoint_and_measure_tables_reset_only_when_their_rows_change(
    qtbot, cx_window: MainWindow
) -> None:
    from cxroadmap.domain.touchpoint_edits import AddTouchpoint, ChangeTouchpoint
    from cxroadmap.domain.touchpoints import Touchpoint

    page = tab(cx_window, "Touchpoints")
    document = cx_window.document
    assert document is not None
    resets: list[str] = []
    cells: list[tuple[int, int]] = []
    page.model.modelReset.connect(lambda: resets.append("reset"))
    page.model.dataChanged.connect(lambda a, b, *_: cells.append((b.row(), b.column())))
    page.select("REFUND")
    assert document.apply(ChangeTouchpoint("REFUND", {"name": "Refund on time"}))
    assert not resets and cells == [(1, 5)]  # every cell read again, nothing reset
    assert page.table.currentIndex().row() == 1  # the row being worked on stays current
    assert page.model.index(1, 1).data() == "Refund on time"
    assert document.apply(AddTouchpoint(Touchpoint("NEW", "A new moment")))
    assert resets == ["reset"] and page.model.rowCount() == 3

"""RAG status in the app: the table's column, a dot on timeline bars and on board cards."""

from __future__ import annotations

import pytest
from test_rag import _worked

from cxroadmap.common import style
from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.models.initiatives_model import COLUMN, InitiativesModel
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.timeline_view import TimelineView

RED, AMBER, GREEN = (style.RAG_COLOURS[c] for c in ("red", "amber", "green"))


@pytest.fixture
def document(qapp):
    strategy, _ = _worked(True)
    return OpenDocument(strategy)


def test_the_table_shows_each_status_with_its_colour_and_reason(document):
    model = InitiativesModel(document)
    column = COLUMN["rag"]
    shown = {model.key_at(r): model.index(r, column).data() for r in range(model.rowCount())}
    assert shown == {"A": "Green", "B": "Amber", "C": "Amber", "D": "Red", "M": "Red",
                     "E": "Amber"}  # fmt: skip
    row = model.row_of("B")
    assert model.index(row, column).data(1).name() == AMBER  # DecorationRole
    assert model.index(row, column).data(3) == (  # ToolTipRole
        "RAG: Amber: finishes 4 working days later than the baseline"
    )
    assert document.apply(ChangeInitiative("B", {"rag_override": "green",
                                                  "rag_reason": "Catch-up agreed"}))  # fmt: skip
    assert model.index(row, column).data() == "Green (set by hand)"
    assert model.index(row, column).data(3).startswith("RAG: Green (set by hand): Catch-up")
    document.undo_stack.undo()
    assert model.index(row, column).data() == "Amber"


def test_timeline_bars_carry_a_dot_in_their_status_colour(qtbot, document):
    view = TimelineView(document, Selection())
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    qtbot.waitExposed(view)
    view.fit()
    scene = view.timeline
    assert {k: scene.bars[k].rag for k in "ABCDME"} == {
        "A": GREEN, "B": AMBER, "C": AMBER, "D": RED, "M": RED, "E": AMBER,
    }  # fmt: skip
    image = view.viewport().grab().toImage()
    bar = scene.bars["D"]
    dot = bar.mapToScene(bar.bar_rect().right() + 14 + 4, bar.boundingRect().height() / 2)
    point = view.mapFromScene(dot)
    assert image.pixelColor(point).name() == RED
    assert "RAG: Red: finishes 12 working days later" in scene.tooltip("D")


def test_board_cards_carry_the_dot_too_and_an_untracked_plan_shows_none(qtbot, document):
    view = BoardView(document, Selection())
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitExposed(view)
    cards = view.board.cards
    assert (cards["A"].rag, cards["B"].rag, cards["D"].rag) == (GREEN, AMBER, RED)
    assert "RAG: Red" in cards["D"].toolTip()
    strategy, _ = _worked(False)
    strategy.status_date = None  # no baseline, no status date: nothing is tracked yet
    plain = BoardView(OpenDocument(strategy), Selection())
    qtbot.addWidget(plain)
    assert {card.rag for card in plain.board.cards.values()} == {""}


@pytest.mark.parametrize("mode", ["timeline", "board"])
def test_presentation_mode_shows_the_same_dots(qtbot, document, mode):
    from PySide6.QtCore import QRect

    from cxroadmap.ui.views.presentation import PresentationWindow

    window = PresentationWindow(document, mode=mode)
    qtbot.addWidget(window)
    window.setGeometry(QRect(0, 0, 1280, 720))
    window.show()
    qtbot.waitExposed(window)
    window.show_step(0)
    body = window.body
    assert body is not None
    items = body.timeline.bars if mode == "timeline" else body.board.cards
    shown = {k: items[k].rag for k in items if items[k].isVisible()}
    want = {"A": GREEN, "B": AMBER, "C": AMBER, "D": RED, "M": RED, "E": AMBER}
    assert len(shown) >= 3
    assert shown == {k: want[k] for k in shown}

"""Presentation mode fits every screen: no scrollbar, every lane and card inside, large type."""

from __future__ import annotations

import pytest
from pdf_samples import large_strategy
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QGuiApplication

from cxroadmap.content.demo import demo_strategy
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.presentation import PresentationWindow
from cxroadmap.ui.views.presenter import PresenterView
from cxroadmap.ui.views.timeline_view import TimelineView

SCREENS = [(1280, 720), (1600, 1000), (1920, 1080)]


def shown_at(qtbot, strategy, size, mode="timeline") -> PresentationWindow:
    window = PresentationWindow(OpenDocument(strategy), mode=mode)
    qtbot.addWidget(window)
    window.setGeometry(QRect(0, 0, *size))
    window.show()
    qtbot.waitExposed(window)
    window.show_step(0)
    return window


def assert_fits(window: PresentationWindow) -> None:
    body = window.body
    viewport = body.viewport()
    inside = viewport.rect()
    assert not body.verticalScrollBar().isVisible()
    assert not body.horizontalScrollBar().isVisible()
    # The view starts below the heading and ends on the screen.
    top_left = viewport.mapTo(window, viewport.rect().topLeft())
    assert top_left.y() > window.title.geometry().bottom()
    assert top_left.y() + inside.height() <= window.height()
    step = window.steps[window.step]
    if isinstance(body, TimelineView):
        scene = body.timeline
        assert sorted(scene.geom) == sorted(step.keys)
        for y, lane in scene.lane_tops:
            header = body.mapFromScene(0, y)
            assert inside.contains(header.x() + 1, header.y()), (lane.label, header.y())
        for key in step.keys:
            rect = body.mapFromScene(scene.bar_rect(key)).boundingRect()
            assert rect.top() >= 0 and rect.bottom() <= inside.height(), key
        assert scene.metrics.label_pt >= 18
        # The dates are fitted to the screen's width, not to a size the view passed through
        # while being laid out: at least 40 % of it (the rest is room for the last titles).
        first, last = scene.window
        span = scene.scale.x_of(last) - scene.scale.x_of(first)
        assert span >= 0.4 * inside.width(), (span, inside.width())
    else:
        assert isinstance(body, BoardView)
        assert sorted(body.board.cards) == sorted(step.keys)
        for key, card in body.board.cards.items():
            rect = body.mapFromScene(card.sceneBoundingRect()).boundingRect()
            assert inside.adjusted(-3, -3, 3, 3).contains(rect), key
        assert body.board.metrics.label_pt >= 18


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("mode", ["timeline", "board"])
def test_every_step_of_the_demo_fits_the_screen(qtbot, size, mode):
    strategy = demo_strategy()
    window = shown_at(qtbot, strategy, size, mode)
    seen: set[str] = set()
    for index in range(window.step_count):
        window.show_step(index)
        assert_fits(window)
        if window.phase is not None:
            seen |= set(window.steps[index].keys)
    assert seen == set(strategy.initiatives)  # the phase steps show every initiative once


@pytest.mark.parametrize("size", SCREENS)
def test_a_300_initiative_roadmap_is_cut_into_numbered_sub_steps_that_fit(qtbot, size):
    strategy = large_strategy(300)
    window = shown_at(qtbot, strategy, size)
    overview = [s for s in window.steps if s.phase is None]
    assert len(overview) > 1
    assert [s.part for s in overview] == list(range(1, len(overview) + 1))
    assert sum(len(s.keys) for s in overview) == 300
    for index in range(0, window.step_count, 3):
        window.show_step(index)
        assert_fits(window)
    step = window.steps[1]
    window.show_step(1)
    assert window.title.text() == f"{strategy.name}  ·  part 2 of {step.parts}"
    window.set_mode("board")
    for index in range(0, window.step_count, 5):
        window.show_step(index)
        assert_fits(window)


def test_no_editing_affordance_shows_even_with_a_bar_selected_in_the_editor(qtbot):
    from cxroadmap.ui.selection import Selection

    strategy = demo_strategy()
    editor = Selection()
    editor.set_keys([next(iter(strategy.initiatives))])
    window = PresentationWindow(OpenDocument(strategy), editor)
    qtbot.addWidget(window)
    window.setGeometry(QRect(0, 0, 1280, 720))
    window.show()
    assert window.selection is not editor and window.selection.keys == []
    body = window.body
    assert not body.editable and not any(bar.selected for bar in body.timeline.bars.values())
    bar = next(iter(body.timeline.bars.values()))
    qtbot.mouseMove(body.viewport(), body.mapFromScene(bar.sceneBoundingRect().center()))
    assert not bar.hovered  # no link handle on hover


def test_the_presenter_view_follows_the_steps_and_esc_leaves_both(qtbot):
    strategy = demo_strategy()
    window = PresentationWindow(OpenDocument(strategy))
    qtbot.addWidget(window)
    screen = QGuiApplication.primaryScreen()
    window.present(screen, presenter=screen)  # a second screen, as two screens would give
    presenter = window.presenter
    assert isinstance(presenter, PresenterView) and presenter.isVisible()
    assert presenter.now.text().startswith(f"Now (1 / {window.step_count}): {strategy.name}")
    assert presenter.next_.text().startswith("Next: ")
    qtbot.keyClick(presenter, Qt.Key.Key_Right)  # the presenter's keys step the show
    assert window.step == 1
    assert presenter.now.text().startswith(f"Now (2 / {window.step_count})")
    first = strategy.initiatives[window.steps[1].keys[0]].title
    assert first in presenter.notes.text()
    with qtbot.waitSignal(window.left):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible() and not presenter.isVisible()


def test_the_presenter_view_shows_the_step_on_show_and_the_next_one_as_pictures(qtbot):
    window = PresentationWindow(OpenDocument(demo_strategy()))
    qtbot.addWidget(window)
    screen = QGuiApplication.primaryScreen()
    window.present(screen, presenter=screen)
    presenter = window.presenter
    assert isinstance(presenter, PresenterView)
    for _ in range(3):
        now, upcoming = presenter.pictures()
        assert now.toImage() == window.grab().toImage()  # what the audience sees
        for picture in (presenter.now_picture, presenter.next_picture):
            drawn = picture.target()  # as large as fits, inside its place on screen
            assert drawn.width() > 200 and QRectF(picture.rect()).contains(drawn)
        qtbot.keyClick(presenter, Qt.Key.Key_Right)
        # The picture of the next step was the step now on show, pixel for pixel.
        assert window.grab().toImage() == upcoming.toImage()
    window.show_step(window.step_count - 1)
    now, upcoming = presenter.pictures()
    assert upcoming.isNull() and presenter.next_picture.target().isEmpty()  # the end
    qtbot.keyClick(window, Qt.Key.Key_B)  # the board: the next picture follows the mode
    window.show_step(0)
    _, upcoming = presenter.pictures()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert isinstance(window.body, BoardView)
    assert window.grab().toImage() == upcoming.toImage()
    window.close()


def test_one_screen_shows_no_presenter_view(qtbot):
    window = PresentationWindow(OpenDocument(demo_strategy()))
    qtbot.addWidget(window)
    window.present()
    assert len(QGuiApplication.screens()) == 1 and window.presenter is None
    window.close()

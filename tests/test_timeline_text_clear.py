"""On the timeline no line crosses a lane's name or a title, flags stand clear of the lanes,
and text that has to be shortened ends at a word with all of it in the tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter
from test_labels_elide import is_word_cut

from cxroadmap.content.demo import demo_strategy
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.views.look import font
from cxroadmap.ui.views.presentation import PresentationWindow
from cxroadmap.ui.views.timeline_arrows import arrow_path
from cxroadmap.ui.views.timeline_marks import flag_labels, lane_labels, text_at
from cxroadmap.ui.views.timeline_scene import TimelineScene
from cxroadmap.ui.views.timeline_view import TimelineView

SCREENS = [(1280, 720), (1920, 1080)]


def red_pixels(image: QImage, rect: QRectF) -> int:
    """Pixels of the critical path's red inside `rect` (lane names are ink, never red)."""
    count = 0
    box = rect.toAlignedRect().intersected(image.rect())
    for y in range(box.top(), box.bottom() + 1):
        for x in range(box.left(), box.right() + 1):
            c = QColor(image.pixel(x, y))
            if c.red() > 150 and c.green() < 90 and c.blue() < 110:
                count += 1
    return count


def rendered(scene: TimelineScene) -> QImage:
    rect = scene.sceneRect()
    image = QImage(int(rect.width()) + 1, int(rect.height()) + 1, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    return image


def test_the_critical_path_passes_under_the_lane_names_not_through_them(qtbot):
    view = TimelineView(OpenDocument(demo_strategy()))
    qtbot.addWidget(view)
    view.resize(1400, 900)
    scene = view.timeline
    scene.ensure_all()
    image = rendered(scene)
    labels = lane_labels(scene)
    assert len(labels) == 10
    # Critical arrows run down through the lane headers (the demo's chain spans pillars) ...
    crossing = [
        box
        for box, *_ in labels
        for a, b, kind, critical in scene.arrows.deps
        if critical and arrow_path(scene, a, b, kind)[0].intersects(box)
    ]
    assert crossing, "the demo should have a critical link crossing a lane's name"
    # ... and the names sit above them: no red in any name's box.
    assert scene.lane_labels.zValue() > scene.arrows.zValue()
    for box, shown, full, _ in labels:
        name = box.adjusted(6 + 10 + 6, 0, 0, 0)  # after the lane's colour chip
        assert red_pixels(image, name) == 0, full
        assert shown == full


@pytest.mark.parametrize("size", SCREENS)
def test_presenting_flags_stand_above_the_lanes_and_titles_end_on_screen_at_a_word(qtbot, size):
    window = PresentationWindow(OpenDocument(demo_strategy()))
    qtbot.addWidget(window)
    window.setGeometry(QRect(0, 0, *size))
    window.show()
    qtbot.waitExposed(window)
    for index in range(window.step_count):
        window.show_step(index)
        body = window.body
        assert isinstance(body, TimelineView)
        scene = body.timeline
        first_lane = scene.lane_tops[0][0]
        flags = flag_labels(scene)
        dated = [m.target_date for m in window.document.strategy.measures if m.target_date]
        if window.steps[index].phase is None:
            assert flags and scene.flags_height > 0  # the whole roadmap has every target
        elif not any(scene.window[0] <= d <= scene.window[1] for d in dated):
            assert scene.flags_height == 0 and first_lane == 4  # no empty strip
        for _, box, shown, full in flags:
            assert box.bottom() <= first_lane  # never on the first lane's header
            assert shown == "" or is_word_cut(full, shown), shown
        edge = body.mapToScene(body.viewport().rect().topRight()).x()
        metrics = QFontMetrics(font(scene.metrics.label_pt, bold=True))
        for bar in scene.bars.values():
            shown = bar.shown_title(metrics)
            assert shown == "" or is_word_cut(bar.title, shown), shown
            right = bar.x() + bar.text_left() + metrics.horizontalAdvance(shown)
            assert right <= edge + 1, (bar.title, shown)


def test_the_full_text_of_a_shortened_flag_or_lane_name_is_its_tooltip(qtbot):
    window = PresentationWindow(OpenDocument(demo_strategy()))
    qtbot.addWidget(window)
    window.setGeometry(QRect(0, 0, 1280, 720))
    window.show()
    qtbot.waitExposed(window)
    scene = window.body.timeline
    flags = flag_labels(scene)
    shortened = [f for f in flags if f[2] != f[3]]
    assert shortened, "at 1280x720 some measure names must be shortened"
    for x, box, _, full in shortened:
        assert text_at(scene, box.center()) == full or text_at(scene, box.topLeft()) == full
        assert text_at(scene, box.adjusted(-box.left() + x, 0, 0, 0).center()) == full
    box, _, full, _ = lane_labels(scene)[0]
    assert text_at(scene, box.center()) == full
    # A narrow view: the name is cut at a word, all of it on hover.
    lane_font = QFontMetrics(font(scene.metrics.lane_pt, bold=True))
    scene.label_room = 8 + 10 + 6 + 12 + lane_font.horizontalAdvance("Leadership…") + 4
    box, shown, full, _ = lane_labels(scene)[0]
    assert shown == "Leadership…" and full == "Leadership  (4)"
    assert text_at(scene, box.center()) == full

"""Dependency arrows painted as joined runs: the same lines, and the same ink when thin."""

from __future__ import annotations

import random

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from cxroadmap.ui.views import arrow_lines
from cxroadmap.ui.views.arrow_lines import Run, joined_lines, paint_arrows

INK = QColor("#6b7a8c")


def test_overlapping_runs_are_drawn_once_and_counted() -> None:
    arrows = [
        [(10.0, 0.0), (10.0, 30.0), (40.0, 30.0)],
        [(10.0, 20.0), (10.0, 50.0)],
        [(60.0, 5.0), (60.0, 5.0)],  # an arrow of no length still has its dot
    ]
    lines = joined_lines(arrows)
    assert sorted(lines) == [1, 2]
    assert lines[2] == [QLineF(10, 20, 10, 30)]
    assert sorted((ln.x1(), ln.y1(), ln.x2(), ln.y2()) for ln in lines[1]) == [
        (10, 0, 10, 20),
        (10, 30, 10, 50),
        (10, 30, 40, 30),
        (60, 5, 60, 5),
    ]


def _elbows(count: int) -> list[list[tuple[float, float]]]:
    chooser = random.Random(3)
    out = []
    for _ in range(count):
        x, y = chooser.choice([40.0, 41.5, 200.0, 333.0, 600.0]), chooser.uniform(0, 700)
        turn, y2 = x + 6, chooser.uniform(0, 780)
        out.append([(x, y), (turn, y), (turn, y2), (turn + chooser.uniform(10, 150), y2)])
    return out


def _darkness(image: QImage) -> float:
    total = 0
    for y in range(image.height()):
        for x in range(image.width()):
            total += 255 - QColor(image.pixel(x, y)).lightness()
    return total


def _paint(arrows: list[list[tuple[float, float]]], one_by_one: bool) -> QImage:
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.scale(0.25, 0.25)  # an 800 x 800 scene on 200 x 200 pixels: lines a quarter pixel
    pen = QPen(INK, 1.0)
    if one_by_one:  # how each arrow was painted before: its own antialiased path
        painter.setPen(pen)
        for points in arrows:
            path = QPainterPath()
            path.moveTo(*points[0])
            for x, y in points[1:]:
                path.lineTo(x, y)
            painter.drawPath(path)
    else:
        paint_arrows(painter, arrows, [QPolygonF()] * len(arrows), pen, INK)
    painter.end()
    return image


def test_thin_arrows_lay_down_as_much_ink_as_antialiased_paths_did() -> None:
    arrows = _elbows(300)
    before, after = _darkness(_paint(arrows, True)), _darkness(_paint(arrows, False))
    assert before > 0
    assert abs(after - before) / before < 0.12


def _runs(chooser: random.Random, scale: float, top: int) -> dict[int, list[Run]]:
    """Upright, level, slanted, pointlike and very short runs, some through pixel middles."""
    runs: dict[int, list[Run]] = {}
    for _ in range(400):
        a = chooser.choice([chooser.uniform(0, 800), round(chooser.uniform(0, 800)) / scale])
        b = a + chooser.choice(
            [0.0, 1 / 64 / scale, chooser.uniform(0, 3), chooser.uniform(0, 600)]
        )
        c = (chooser.randrange(0, 200) + 0.5) / scale
        run = chooser.choice([(c, a, c, b), (a, c - top, b, c - top), (a, a, b, b + 1)])
        runs.setdefault(chooser.choice([1, 1, 2, 5]), []).append(run)
    return runs


def test_upright_and_level_runs_set_the_pixels_qts_one_pixel_lines_set(monkeypatch) -> None:
    # _thin_on_image fills upright and level runs as rectangles of pixels; Qt's own 1-pixel
    # lines (how every run was set before) must give the very same layer and image.
    chooser = random.Random(11)
    for scale, top in ((0.25, 0), (0.2316, 37), (0.7331, 5)):
        runs = _runs(chooser, scale, top)
        images = []
        for own_lines in (False, True):
            if own_lines:
                monkeypatch.setattr(
                    arrow_lines,
                    "_pixel_runs",
                    lambda runs, _: ({}, {n: [QLineF(*r) for r in rs] for n, rs in runs.items()}),
                )
            image = QImage(200, 230, QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            painter.translate(0, -top)
            painter.scale(scale, scale)
            arrow_lines._thin_on_image(painter, runs, INK, 0.3)
            painter.end()
            images.append(image)
        monkeypatch.undo()
        assert images[0] == images[1], scale
        assert len({images[0].pixel(x, y) for x in range(200) for y in range(0, 230, 3)}) > 3

"""Dependency arrows painted as the few straight lines they make, each stretch drawn once.

Elbow arrows share their runs: the arrows leaving one bar go down the same column, and in a
5,000-initiative timeline the 7,500 arrows are 75 million pixels of line for 22 million of
distinct runs. Painted one path each with antialiasing, that was most of a PNG export
(4 s). Here collinear runs that overlap are joined and drawn once; on an image drawn smaller
than the screen, where a line is thinner than a pixel, lines are drawn 1 pixel wide with
the paint's alpha scaled down to what antialiasing would have covered, darker where more
arrows share the run, as overlapping antialiased lines were.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QLineF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF, QTransform

Points = Sequence[tuple[float, float]]
Run = tuple[float, float, float, float]  # a straight line from (x1, y1) to (x2, y2)
BAND_PIXELS = 4_000_000  # pixels of one layer band (16 MB)
SHORTEST = 1 / 32  # pixels: a shorter run is left to Qt's own line drawing


def joined_lines(
    arrows: Iterable[Points], snap: QTransform | None = None
) -> dict[int, list[QLineF]]:
    """The straight runs of `arrows` (each a list of corners), overlapping runs joined, by
    how many arrows run along each piece. With `snap` (scene to pixels), runs within one
    pixel column or row count as one line, drawn through that pixel's middle."""
    return {count: [QLineF(*run) for run in runs] for count, runs in _joined(arrows, snap).items()}


def _joined(arrows: Iterable[Points], snap: QTransform | None) -> dict[int, list[Run]]:
    """`joined_lines` as (x1, y1, x2, y2) runs."""
    vertical: dict[float, list[tuple[float, float]]] = {}
    horizontal: dict[float, list[tuple[float, float]]] = {}
    lines: dict[int, list[Run]] = {}
    sx, dx = (snap.m11(), snap.dx()) if snap is not None else (1.0, 0.0)
    sy, dy = (snap.m22(), snap.dy()) if snap is not None else (1.0, 0.0)
    for points in arrows:
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if x0 == x1:
                x = x0 if snap is None else (math.floor(x0 * sx + dx) + 0.5 - dx) / sx
                vertical.setdefault(x, []).append((y0, y1) if y0 <= y1 else (y1, y0))
            elif y0 == y1:
                y = y0 if snap is None else (math.floor(y0 * sy + dy) + 0.5 - dy) / sy
                horizontal.setdefault(y, []).append((x0, x1) if x0 <= x1 else (x1, x0))
            else:
                lines.setdefault(1, []).append((x0, y0, x1, y1))
    for x, spans in vertical.items():
        for a, b, count in _pieces(spans):
            lines.setdefault(count, []).append((x, a, x, b))
    for y, spans in horizontal.items():
        for a, b, count in _pieces(spans):
            lines.setdefault(count, []).append((a, y, b, y))
    return lines


def _pieces(spans: list[tuple[float, float]]) -> list[tuple[float, float, int]]:
    """(start, end, how many spans cover it) along a line, from its (start, end) spans."""
    if len(spans) == 1:
        return [(*spans[0], 1)]
    edges = sorted([(a, 1) for a, _ in spans] + [(b, -1) for _, b in spans])
    out: list[tuple[float, float, int]] = []
    count, start = 0, 0.0
    for at, step in edges:
        if count and at > start:
            if out and out[-1][2] == count and out[-1][1] == start:
                out[-1] = (out[-1][0], at, count)
            else:
                out.append((start, at, count))
        count += step
        start = at
    # A run of no length (an arrow between bars on one row) still gets its caps drawn.
    return out or [(spans[0][0], spans[0][0], len(spans))]


def paint_arrows(
    painter: QPainter, arrows: Sequence[Points], heads: Sequence[QPolygonF], pen: QPen, fill: QColor
) -> None:
    """The arrows' lines in `pen`, then their heads filled with `fill`."""
    if not arrows:
        return
    painter.save()
    transform = painter.worldTransform()
    pixels = pen.widthF() * max(abs(transform.m11()), abs(transform.m22()))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if pixels >= 1:
        painter.setPen(pen)
        painter.drawLines([line for group in joined_lines(arrows).values() for line in group])
    elif on_layer(painter, pen.widthF()):
        _thin_on_image(painter, _joined(arrows, transform), pen.color(), pixels)
    else:
        # Thinner than a pixel: what antialiasing would cover, without its cost per pixel;
        # where several arrows run along one line, their cover adds up as it did one by one.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for count, group in sorted(joined_lines(arrows).items()):
            painter.setPen(QPen(_faint(pen.color(), pixels, count), 0))
            painter.drawLines(group)
    # Heads smaller than a few pixels gain nothing from antialiasing but its cost.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, pixels >= 1)
    tips = QPainterPath()
    for head in heads:
        tips.addPolygon(head)
        tips.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawPath(tips)
    painter.restore()


def on_layer(painter: QPainter, width: float) -> bool:
    """Whether lines `width` wide are set on a layer of 1-pixel lines (`_thin_on_image`):
    thinner than a pixel on an image. The same pixels come out whatever the lines' order."""
    transform = painter.worldTransform()
    pixels = width * max(abs(transform.m11()), abs(transform.m22()))
    return pixels < 1 and isinstance(painter.device(), QImage) and not transform.isRotating()


def _faint(ink: QColor, pixels: float, count: int) -> QColor:
    """`ink` as `count` antialiased lines `pixels` wide (under 1) cover a pixel together."""
    faint = QColor(ink)
    faint.setAlphaF(1 - (1 - ink.alphaF() * pixels) ** count)
    return faint


def _thin_on_image(
    painter: QPainter, runs: dict[int, list[Run]], ink: QColor, pixels: float
) -> None:
    """Semi-transparent 1-pixel lines, set pixel by pixel on a clear layer a band at a time
    and laid over the image once: Qt blends such a line a pixel at a time, 6 times slower.
    Upright and level lines are set as the 1-pixel-wide rectangles of pixels that Qt's
    1-pixel pen covers (`_pixel_runs`), which Qt fills a row at a time, not a pixel."""
    device = painter.device()
    assert isinstance(device, QImage)
    width, height = device.width(), device.height()
    band = max(1, min(height, BAND_PIXELS // max(1, width)))
    transform = painter.worldTransform()
    rects, lines = _pixel_runs(runs, transform)
    # Painting a band of the image (image_bands.py): only the layers the clip reaches.
    clip = transform.mapRect(painter.clipBoundingRect()) if painter.hasClipping() else None
    painter.resetTransform()
    for top in range(0, height, band):
        if clip is not None and (top >= clip.bottom() + 1 or top + band <= clip.top() - 1):
            continue
        layer = QImage(width, min(band, height - top), QImage.Format.Format_ARGB32_Premultiplied)
        layer.fill(Qt.GlobalColor.transparent)
        on_layer = QPainter(layer)
        on_layer.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        for count in sorted(rects.keys() | lines.keys()):
            faint = _faint(ink, pixels, count)
            if count in rects:
                on_layer.setTransform(QTransform.fromTranslate(0, -top))
                on_layer.setPen(Qt.PenStyle.NoPen)
                on_layer.setBrush(faint)
                on_layer.drawRects(rects[count])
            if count in lines:
                on_layer.setTransform(transform * QTransform.fromTranslate(0, -top))
                on_layer.setPen(QPen(faint, 0))
                on_layer.drawLines(lines[count])
        on_layer.end()
        painter.drawImage(0, top, layer)
    painter.setTransform(transform)


def _pixel_runs(
    runs: dict[int, list[Run]], transform: QTransform
) -> tuple[dict[int, list[QRect]], dict[int, list[QLineF]]]:
    """The pixels a 1-pixel pen (width 0, no antialiasing) sets for each upright or level run,
    as rectangles in device pixels: every pixel whose square the run's mapped span enters,
    from the one holding its start to the one holding its end (a run of no length: that one
    pixel). Runs shorter than 1/32 pixel, where Qt's rounding decides, and slanted ones are
    left as lines. Checked against Qt's own lines (tests/test_arrow_lines.py)."""
    m11, m22, dx, dy = transform.m11(), transform.m22(), transform.dx(), transform.dy()
    floor = math.floor
    rects: dict[int, list[QRect]] = {}
    lines: dict[int, list[QLineF]] = {}
    for count, group in runs.items():
        out: list[QRect] = []
        for x1, y1, x2, y2 in group:
            a, b, c, d = x1 * m11 + dx, y1 * m22 + dy, x2 * m11 + dx, y2 * m22 + dy
            if a == c and b <= d and (b == d or d - b >= SHORTEST):
                first = floor(b)
                out.append(QRect(floor(a), first, 1, floor(d) - first + 1))
            elif b == d and a <= c and (a == c or c - a >= SHORTEST):
                first = floor(a)
                out.append(QRect(first, floor(b), floor(c) - first + 1, 1))
            else:
                lines.setdefault(count, []).append(QLineF(x1, y1, x2, y2))
        if out:
            rects[count] = out
    return rects, lines

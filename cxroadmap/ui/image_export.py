"""PNG and SVG images of the timeline, board or graph, drawn offscreen for slides and the CLI."""

from __future__ import annotations

import os
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene

from cxroadmap.common import style
from cxroadmap.common.atomic import write_bytes_atomically
from cxroadmap.common.collector import collector_paused
from cxroadmap.domain.brand import BrandKit
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import brand_colours
from cxroadmap.domain.view_filter import EVERYTHING_SHOWN, Shows
from cxroadmap.interop.safe_text import xml_safe_bytes
from cxroadmap.scheduling.result import Schedule
from cxroadmap.ui.image_bands import in_bands
from cxroadmap.ui.png_pack import deflate_rows, png_file
from cxroadmap.ui.views.look import NORMAL, Metrics, brand_font, colour, font

VIEWS = ("timeline", "board", "graph")
FORMATS = (".png", ".svg")
# A PNG is drawn in memory: keep it under about 256 MB (and each side under Qt's limit).
MAX_PIXELS = 64_000_000
MAX_SIDE = 30_000
TITLE_HEIGHT = 44.0
# The timeline image aims at this many pixels for the whole roadmap (before `scale`).
TIMELINE_WIDTH = 1600.0
DOTS_PER_METER = 3780  # 96 dpi, the density the views are laid out for
SLIDE = (1600.0, 900.0)  # the shape the graph's picture is wrapped to

_app: QApplication | None = None
_accent = style.ACCENT  # the title's colour: the brand kit's accent during an export


def ensure_app() -> QApplication:
    """The running QApplication, or a new offscreen one (the CLI needs no display)."""
    global _app
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = _app = QApplication(["cxroadmap"])
    assert isinstance(app, QApplication)
    return app


@dataclass
class Picture:
    """What to draw: its size in pixels at scale 1 and how to paint it."""

    width: int
    height: int
    paint: Callable[[QPainter], None]
    keep: list[object] = field(default_factory=list)  # scenes must outlive the painting
    # Paints what lies between picture y `first` and `last` (and may paint more): a band.
    band: Callable[[QPainter, float, float], None] | None = None


def _title(painter: QPainter, width: float, strategy: Strategy, subtitle: str) -> None:
    painter.fillRect(QRectF(0, 0, width, TITLE_HEIGHT), colour(style.PAPER))
    painter.setPen(colour(_accent))
    painter.setFont(font(14, bold=True))
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(QRectF(16, 4, width - 32, 24), left, strategy.name)
    painter.setPen(colour(style.MUTED))
    painter.setFont(font(8.5))
    painter.drawText(QRectF(16, 26, width - 32, 16), left, subtitle)


def _legend(painter: QPainter, right: float) -> None:
    """Critical, slack, milestone and today keys, right-aligned in the title band."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPen, QPolygonF

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(font(8))
    metrics = painter.fontMetrics()
    entries = ("Critical path", "Slack", "Milestone", "Today")
    widths = [metrics.horizontalAdvance(text) + 34 for text in entries]
    x = right - 16 - sum(widths)
    y = TITLE_HEIGHT / 2
    for text, width in zip(entries, widths, strict=True):
        if text == "Critical path":
            painter.setPen(QPen(colour(style.CRITICAL), 2))
            painter.setBrush(colour(style.MUTED))
            painter.drawRoundedRect(QRectF(x, y - 5, 22, 10), 2, 2)
        elif text == "Slack":
            painter.setPen(QPen(colour(style.FAINT), 1.5))
            painter.drawLine(QPointF(x, y + 3), QPointF(x + 22, y + 3))
            painter.drawLine(QPointF(x + 22, y), QPointF(x + 22, y + 4))
        elif text == "Milestone":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour(style.MUTED))
            c = QPointF(x + 11, y)
            painter.drawPolygon(
                QPolygonF(
                    [c + QPointF(0, -6), c + QPointF(6, 0), c + QPointF(0, 6), c + QPointF(-6, 0)]
                )
            )
        else:
            painter.setPen(QPen(colour(style.TODAY), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x + 11, y - 7), QPointF(x + 11, y + 7))
        painter.setPen(colour(style.MUTED))
        painter.drawText(
            QRectF(x + 28, y - 8, width - 28, 16),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        x += width
    painter.restore()


def _scene_picture(scene: QGraphicsScene, strategy: Strategy, subtitle: str) -> Picture:
    rect = scene.sceneRect()
    width, height = int(rect.width() + 0.999), int(rect.height() + TITLE_HEIGHT + 0.999)

    def paint(painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, width, height), colour(style.PAPER))
        _title(painter, width, strategy, subtitle)
        target = QRectF(0, TITLE_HEIGHT, rect.width(), rect.height())
        scene.render(painter, target, rect)

    return Picture(width, height, paint, [scene])


def timeline_picture(
    strategy: Strategy,
    schedule: Schedule,
    metrics: Metrics = NORMAL,
    grouping: str = "pillar",
    shows: Shows = EVERYTHING_SHOWN,
) -> Picture:
    from cxroadmap.ui.views.date_axis import paint_axis
    from cxroadmap.ui.views.timeline_layout import date_window
    from cxroadmap.ui.views.timeline_scene import TimelineScene, long_date

    scene = TimelineScene(metrics, grouping, shows=shows)
    # The scale first, from the dates the scene will span: laid out once, not at the view's
    # default scale and again (a tenth of the picture's making at 5,000 initiatives).
    first, last = date_window(strategy, schedule, None, scene.today_line, None)
    scene.set_px_per_day(min(14.0, max(1.0, TIMELINE_WIDTH / max(1, (last - first).days))))
    scene.set_data(strategy, schedule)
    scene.ensure_all()
    rect = scene.sceneRect()
    # Trim the room kept for titles to what the titles really need.
    right = (
        max(
            [scene.scale.x_of(scene.window[1])]
            + [bar.sceneBoundingRect().right() for bar in scene.bars.values()]
        )
        + 16
    )
    rect.setWidth(min(rect.width(), right))
    width = int(rect.width() + 0.999)
    top = TITLE_HEIGHT + metrics.axis
    height = int(top + rect.height() + 0.999)
    subtitle = f"Timeline · {long_date(schedule.start)} – {long_date(schedule.finish)}"

    def band(painter: QPainter, first: float, last: float) -> None:
        if first < top:
            painter.fillRect(QRectF(0, 0, width, height), colour(style.PAPER))
            _title(painter, width, strategy, subtitle)
            _legend(painter, width)
            painter.save()
            painter.translate(0, TITLE_HEIGHT)
            painter.setClipRect(QRectF(0, 0, rect.width(), metrics.axis))
            axis_width = rect.width()
            paint_axis(painter, scene.scale, scene.phases, 0, axis_width, metrics, scene.today_line)
            painter.restore()
        # Only the scene's items in the band are painted; the whole band is the whole scene.
        low = max(rect.top(), first - top + rect.top())
        high = min(rect.bottom(), last - top + rect.top())
        if high > low:
            source = QRectF(rect.left(), low, rect.width(), high - low)
            scene.render(painter, source.translated(-rect.left(), top - rect.top()), source)

    return Picture(width, height, lambda painter: band(painter, 0, height), [scene], band)


def board_picture(
    strategy: Strategy,
    schedule: Schedule,
    metrics: Metrics = NORMAL,
    shows: Shows = EVERYTHING_SHOWN,
) -> Picture:
    from cxroadmap.ui.views.board import BoardScene

    scene = BoardScene(metrics, shows=shows)
    scene.set_data(strategy, schedule)
    return _scene_picture(scene, strategy, "Phase board")


def graph_picture(
    strategy: Strategy,
    schedule: Schedule,
    metrics: Metrics = NORMAL,
    shows: Shows = EVERYTHING_SHOWN,
) -> Picture:
    from cxroadmap.ui.views.graph_layout import best_bands, layers
    from cxroadmap.ui.views.graph_view import COLUMN_GAP, MARGIN, ROW_GAP, GraphScene

    scene = GraphScene(metrics, shows=shows)
    # A long chain wraps into bands, one under the other, so the picture is shaped like a
    # slide (16:9) rather than a strip too thin to read once it is fitted to a slide or page.
    cell = (metrics.node_width + COLUMN_GAP, metrics.node_height + ROW_GAP)
    scene.per_band = best_bands(layers(strategy), cell, SLIDE, MARGIN)[0]
    scene.set_data(strategy, schedule)
    return _scene_picture(scene, strategy, "Dependencies (critical chain in red)")


def picture_of(
    strategy: Strategy,
    schedule: Schedule,
    view: str,
    grouping: str = "pillar",
    shows: Shows = EVERYTHING_SHOWN,
) -> Picture:
    if view == "timeline":
        return timeline_picture(strategy, schedule, grouping=grouping, shows=shows)
    if view == "board":
        return board_picture(strategy, schedule, shows=shows)
    return graph_picture(strategy, schedule, shows=shows)


def png_bytes(picture: Picture, scale: float) -> tuple[bytes, tuple[int, int]]:
    """The picture as PNG at `scale` (lowered if the image would be too big to draw)."""
    limit = min(
        MAX_SIDE / max(picture.width, picture.height),
        (MAX_PIXELS / (picture.width * picture.height)) ** 0.5,
    )
    scale = min(scale, limit)
    size = QSize(max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
    width, height = size.width(), size.height()
    sx, sy = width / picture.width, height / picture.height

    def paint_rows(target: QImage, first: int, last: int) -> None:
        rows = QRect(0, first, width, last - first)
        painter = QPainter(target)
        if last - first < height:
            painter.setClipRect(rows)
        painter.fillRect(rows, colour(style.PAPER))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.scale(sx, sy)
        if picture.band is None or last - first == height:
            picture.paint(painter)
        else:
            picture.band(painter, first / sy, last / sy)
        painter.end()

    def band(first: int, last: int) -> bytes:
        # Opaque: the paper is painted first, and a PNG without alpha is a quarter less to pack.
        image = QImage(size, QImage.Format.Format_RGB32)
        # Paint at 96 dpi: fonts are sized in points, and a denser image would grow them on
        # top of the painter's scale (text twice too big at 2x). The file says the real density.
        image.setDotsPerMeterX(DOTS_PER_METER)
        image.setDotsPerMeterY(DOTS_PER_METER)
        paint_rows(image, first, last)
        if last - first == height:
            # The PNG's 3 bytes a pixel, in place: a converted copy of the 5k timeline's image
            # was 64 MB more of fresh memory (and 3 times the time).
            image.convertTo(QImage.Format.Format_RGB888)
            rows = image
        else:  # a band's rows, converted straight from where they were painted
            stride = image.bytesPerLine()
            painted = memoryview(image.bits())[first * stride : last * stride]
            view = QImage(painted, width, last - first, stride, image.format())
            rows = view.convertToFormat(QImage.Format.Format_RGB888)
        data, adler, length = deflate_rows(rows, final=last == height)
        return struct.pack(">IQ", adler, length) + data

    # Only a picture that paints a band alone gains from making two bands at once.
    bands = in_bands(width, height, band, None if picture.band else False)
    packed = [(part[12:], *struct.unpack(">IQ", part[:12])) for part in bands]
    density = round(DOTS_PER_METER * scale)  # 96 dpi times the scale, for slides
    return png_file(width, height, (density, density), packed), (width, height)


def svg_bytes(picture: Picture, title: str) -> bytes:
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(picture.width, picture.height))
    generator.setViewBox(QRect(0, 0, picture.width, picture.height))
    generator.setResolution(96)
    generator.setTitle(title)
    generator.setDescription("Made with cxroadmap")
    painter = QPainter(generator)
    picture.paint(painter)
    painter.end()
    buffer.close()
    # Qt writes a title's control characters verbatim, which makes the SVG invalid XML.
    return xml_safe_bytes(bytes(data.data()))


def export_view_image(
    strategy: Strategy,
    schedule: Schedule | None,
    path: str | os.PathLike[str],
    view: str = "timeline",
    scale: float = 2.0,
    grouping: str = "pillar",
    brand: BrandKit | None = None,
    shows: Shows = EVERYTHING_SHOWN,
) -> tuple[int, int]:
    """Write the timeline, board or graph of `strategy` as PNG (pixels = size x `scale`) or SVG
    (chosen by `path`'s suffix); returns the image size in pixels (SVG: its viewBox).
    `grouping` sets the timeline's swimlanes: "pillar", "owner" or "none"; `brand` (the
    document's brand kit) colours the pillars and the title and sets the font; `shows` (a
    saved view's switches) leaves out slack, links, measure flags or today's line.

    Raises ValidationError naming the option at fault; nothing is written then.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(str(target), "an image export must end in .png or .svg")
    if view not in VIEWS:
        raise ValidationError("--view", f"expected one of {', '.join(VIEWS)}, got {view!r}")
    if not scale > 0:
        raise ValidationError("--scale", f"expected a number above 0, got {scale!r}")
    ensure_app()
    if schedule is None:
        from cxroadmap.scheduling.planner import schedule as plan

        schedule = plan(strategy)
    brand = brand or BrandKit()
    global _accent
    _accent = brand.accent or style.ACCENT
    # The scenes take their colours when built and painted: both inside the brand's colours.
    # Thousands of items, points and lines are made at once: no cyclic collection meanwhile.
    with brand_colours(brand.pillar_colours), brand_font(brand.font), collector_paused():
        picture = picture_of(strategy, schedule, view, grouping, shows)
        if suffix == ".png":
            data, size = png_bytes(picture, scale)
        else:
            data = svg_bytes(picture, f"{strategy.name} – {view}")
            size = (picture.width, picture.height)
    write_bytes_atomically(target, data)
    return size

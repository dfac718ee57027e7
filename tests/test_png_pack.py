"""The PNG packer writes the painted pixels and the density, and Qt reads them back."""

from __future__ import annotations

import struct
import zlib

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from cxroadmap.ui.png_pack import ROWS_AT_ONCE, png_data


def test_every_pixel_and_the_density_come_back() -> None:
    image = QImage(123, 45, QImage.Format.Format_RGB32)  # 369 bytes a row: rows are padded
    image.fill(QColor("#fbf7f0"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QColor("#c2185b"))
    painter.drawLine(QPointF(0, 0), QPointF(122, 44))
    painter.fillRect(10, 10, 30, 5, Qt.GlobalColor.darkBlue)
    painter.end()
    image.setDotsPerMeterX(7560)
    image.setDotsPerMeterY(7560)
    data = png_data(image)
    back = QImage.fromData(data, "PNG")
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert (back.width(), back.height()) == (123, 45)
    assert (back.dotsPerMeterX(), back.dotsPerMeterY()) == (7560, 7560)
    assert back.convertToFormat(QImage.Format.Format_RGB32) == image


def test_rows_packed_in_several_batches_come_back_in_order() -> None:
    # More rows than one batch of the packer, and a last batch that is not full.
    height = 2 * ROWS_AT_ONCE + 89
    image = QImage(37, height, QImage.Format.Format_RGB32)
    for y in range(height):
        for x in range(37):
            image.setPixelColor(x, y, QColor((x * 7) % 256, y % 256, (x + y) % 256))
    data = png_data(image)
    rows = zlib.decompress(_idat(data))
    assert len(rows) == height * (1 + 37 * 3)
    assert rows[:: 1 + 37 * 3] == bytes(height)  # every row unfiltered
    back = QImage.fromData(data, "PNG")
    assert back.convertToFormat(QImage.Format.Format_RGB32) == image


def _idat(data: bytes) -> bytes:
    at, found = 8, b""
    while at < len(data):
        (size,) = struct.unpack(">I", data[at : at + 4])
        if data[at + 4 : at + 8] == b"IDAT":
            found += data[at + 8 : at + 8 + size]
        at += 12 + size
    return found


def test_an_image_already_in_rgb888_packs_to_the_same_file() -> None:
    # png_bytes converts its image in place before packing; the bytes must not change.
    image = QImage(61, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#fbf7f0"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QColor("#c2185b"))
    painter.drawLine(QPointF(0, 0), QPointF(60, 299))
    painter.end()
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    assert png_data(rgb) == png_data(image)

"""The PNG packer writes the painted pixels and the density, and Qt reads them back."""

from __future__ import annotations

import itertools
import struct
import zlib

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from cxroadmap.ui.png_pack import ROWS_AT_ONCE, adler32_combine, deflate_rows, png_file


def png_data(image: QImage) -> bytes:
    """`image` (opaque) as one band of rows: what ui/image_export.png_bytes writes for a
    picture it paints whole (an image already in Format_RGB888 is packed as it is)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    density = (image.dotsPerMeterX(), image.dotsPerMeterY())
    return png_file(rgb.width(), rgb.height(), density, [deflate_rows(rgb, final=True)])


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


@given(st.binary(max_size=3000), st.binary(max_size=3000))
def test_checksums_of_two_pieces_combine_into_the_whole_ones(first: bytes, second: bytes) -> None:
    combined = adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second))
    assert combined == zlib.adler32(first + second)


def test_bands_of_rows_packed_apart_make_one_stream_of_every_row() -> None:
    # Two processes pack the upper and lower rows apart (ui/image_bands.py); joined, the
    # stream must hold every row in order, its checksum right (zlib checks it), as one file.
    image = QImage(53, 3 * ROWS_AT_ONCE + 17, QImage.Format.Format_RGB32)
    for y in range(image.height()):
        for x in range(53):
            image.setPixelColor(x, y, QColor((x * 5) % 256, y % 256, (x * y) % 256))
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    cuts = [0, 100, 101, ROWS_AT_ONCE + 300, image.height()]
    bands = [
        deflate_rows(rgb.copy(0, top, 53, bottom - top), final=bottom == image.height())
        for top, bottom in itertools.pairwise(cuts)
    ]
    data = png_file(53, image.height(), (3780, 3780), bands)
    assert zlib.decompress(_idat(data)) == zlib.decompress(_idat(png_data(rgb)))
    back = QImage.fromData(data, "PNG")
    assert back.convertToFormat(QImage.Format.Format_RGB32) == image
    assert back.dotsPerMeterX() == 3780

"""The PNG packer writes the painted pixels and the density, and Qt reads them back."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from cxroadmap.ui.png_pack import png_data


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

"""A painted image as a PNG file, packed at zlib's fastest level with no per-row filters.

Qt's PNG writer tries five filters on every row and packs at zlib's default level: for the
21-million-pixel image of a 5,000-initiative timeline that was 1.7 s, more than painting
it. Flat colours and thin lines pack well without filters; level 1 gives a file about the
size Qt writes, in a third of the time.
"""

from __future__ import annotations

import struct
import zlib

from PySide6.QtGui import QImage

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_data(image: QImage) -> bytes:
    """`image` (opaque) as an 8-bit RGB PNG, with its density in a pHYs chunk."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    bits = memoryview(rgb.constBits())
    row = width * 3
    packer = zlib.compressobj(1)
    parts = []
    for top in range(0, height * stride, stride):
        parts.append(packer.compress(b"\0"))  # filter type 0: the row as it is
        parts.append(packer.compress(bits[top : top + row]))
    parts.append(packer.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    density = struct.pack(">IIB", image.dotsPerMeterX(), image.dotsPerMeterY(), 1)  # per metre
    return b"".join(
        (
            SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"pHYs", density),
            _chunk(b"IDAT", b"".join(parts)),
            _chunk(b"IEND", b""),
        )
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

"""A painted image as a PNG file, packed by ISA-L's deflate at its fastest level, no row filters.

Qt's PNG writer tries five filters on every row and packs at zlib's default level: for the
21-million-pixel image of a 5,000-initiative timeline that was 1.7 s, more than painting
it. Flat colours and thin lines pack well without filters. zlib's fastest level still took
0.3 s for those 64 MB of rows; ISA-L (the `isal` package) writes the same zlib stream format
five times faster and a little smaller, so any PNG reader takes it. Bands of rows packed
apart (by two processes, ui/image_bands.py) join into one stream: every band but the last
ends on a byte boundary (a sync flush), and their checksums combine.
"""

from __future__ import annotations

import struct
import zlib

from isal import isal_zlib
from PySide6.QtGui import QImage

SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Rows handed to the packer at a time: one call per row costs more than the packing of a
# short row, and one call for the whole image would copy all 64 MB of it first.
ROWS_AT_ONCE = 256
ZLIB_HEADER = b"x^"  # what ISA-L's zlib stream at level 1 starts with (deflate, 32K window)
ADLER_BASE = 65521

Packed = tuple[bytes, int, int]  # raw deflate data, Adler-32 of the rows packed, their length


def deflate_rows(rgb: QImage, final: bool) -> Packed:
    """The rows of `rgb` (Format_RGB888), each led by its filter type, as raw deflate data:
    the stream's end if `final`, else ending on a byte boundary so more data can follow."""
    height, stride = rgb.height(), rgb.bytesPerLine()
    bits = memoryview(rgb.constBits())
    row = rgb.width() * 3
    packer = isal_zlib.compressobj(1, isal_zlib.DEFLATED, -15)
    parts, adler, length = [], 1, 0
    for first in range(0, height, ROWS_AT_ONCE):
        tops = range(first * stride, min(height, first + ROWS_AT_ONCE) * stride, stride)
        # Each row starts with its filter type: 0, the row as it is.
        rows = b"".join(b"\0" + bits[top : top + row] for top in tops)
        adler = isal_zlib.adler32(rows, adler)
        length += len(rows)
        parts.append(packer.compress(rows))
    parts.append(packer.flush() if final else packer.flush(isal_zlib.Z_SYNC_FLUSH))
    return b"".join(parts), adler, length


def png_file(width: int, height: int, density: tuple[int, int], bands: list[Packed]) -> bytes:
    """The PNG of `bands` of rows packed in order (the last one final); `density` in dots
    per metre across and down."""
    adler = bands[0][1]
    for _, later, length in bands[1:]:
        adler = adler32_combine(adler, later, length)
    stream = ZLIB_HEADER + b"".join(data for data, _, _ in bands) + struct.pack(">I", adler)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    dpm = struct.pack(">IIB", *density, 1)  # per metre
    return b"".join(
        (
            SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"pHYs", dpm),
            _chunk(b"IDAT", stream),
            _chunk(b"IEND", b""),
        )
    )


def adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two pieces of data end to end, from theirs (zlib's adler32_combine)."""
    rem = second_length % ADLER_BASE
    low = first & 0xFFFF
    high = (rem * low) % ADLER_BASE
    low = (low + (second & 0xFFFF) + ADLER_BASE - 1) % ADLER_BASE
    high = (high + (first >> 16) + (second >> 16) + ADLER_BASE - rem) % ADLER_BASE
    return low | (high << 16)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

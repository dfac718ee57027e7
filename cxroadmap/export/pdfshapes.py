"""`canvas.roundRect` for the timeline's bars: the same operators, formatted in one call.

reportlab builds a path object and formats each of a rounded rectangle's ten segments on
its own; a 5,000-initiative timeline draws 5,000 bars. Here the 34 coordinates are computed
exactly as reportlab computes them and formatted by one `fp_str`, and the segments go onto
the canvas as one line-separated entry (the page's stream joins its entries with newlines,
so the bytes are the same; tests/test_pdf_fast_paths.py compares them).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import PATH_OPS

_M = 0.4472  # reportlab's radius multiplier for the corners' Bézier handles
# moveTo, lineTo, curveTo... as PDFPathObject.roundRect writes them: (operator, numbers).
_SEGMENTS = (
    *(("m", 2), ("l", 2), ("c", 6), ("l", 2), ("c", 6)),
    *(("l", 2), ("c", 6), ("l", 2), ("c", 6)),
)


def round_rect(
    canvas: Any,
    x: float,
    y: float,
    w: float,
    h: float,
    radius: float,
    stroke: int,
    fill: int,
) -> None:
    """`canvas.roundRect(x, y, w, h, radius, stroke, fill)` for a single radius."""
    xlo, xhi = min(x, x + w), max(x, x + w)
    ylo, yhi = min(y, y + h), max(y, y + h)
    t = _M * radius
    # fmt: off
    numbers = fp_str(
        xlo + radius, ylo,
        xhi - radius, ylo,
        xhi - t, ylo, xhi, ylo + t, xhi, ylo + radius,
        xhi, yhi - radius,
        xhi, yhi - t, xhi - t, yhi, xhi - radius, yhi,
        xlo + radius, yhi,
        xlo + t, yhi, xlo, yhi - t, xlo, yhi - radius,
        xlo, ylo + radius,
        xlo, ylo + t, xlo + t, ylo, xlo + radius, ylo,
    ).split(" ")
    # fmt: on
    lines = ["n"]  # a new path, as reportlab's path object starts every one
    at = 0
    for op, count in _SEGMENTS:
        lines.append(" ".join(numbers[at : at + count]) + " " + op)
        at += count
    lines.append("h")
    lines.append(PATH_OPS[stroke, fill, canvas._fillMode])
    canvas._code.append("\n".join(lines))

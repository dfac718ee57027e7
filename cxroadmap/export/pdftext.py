"""`canvas.drawString` for the embedded TrueType fonts, the same bytes at a fraction of the cost.

reportlab builds a text object, measures the string and splits it into font subsets for
every string it draws: a 5,000-initiative PDF draws about 70,000 strings, most of them
dates, durations and names it has drawn before. Here the operators a string turns into
after its position are kept per document, font and size, so a repeated string costs one
dictionary look-up. A font's subset codes never change once a character has one, so the
kept text stays what reportlab would write (tests/test_pdf_text.py compares them).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics

from cxroadmap.export.fonts import runs

# Per document (reportlab's PDFDocument), the text after the position of each string drawn.
_KEPT = "_cx_kept_text"


def put_string(canvas: Any, x: float, y: float, text: str) -> None:
    """Draw `text` at baseline (x, y) in the canvas's font, as `canvas.drawString` does."""
    name, size, leading = canvas._fontname, canvas._fontsize, canvas._leading
    doc = canvas._doc
    kept: dict[tuple[str, float, float, str], str] | None = getattr(doc, _KEPT, None)
    if kept is None:
        kept = {}
        setattr(doc, _KEPT, kept)
    key = (name, size, leading, text)
    tail = kept.get(key)
    if tail is None:
        font = pdfmetrics.getFont(name)
        if not getattr(font, "_dynamicFont", False) or not canvas.bottomup:
            canvas.drawString(x, y, text)  # not an embedded TrueType font: reportlab's way
            return
        tail = kept[key] = _operators(canvas, font, size, leading, text)
    canvas._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {tail}")


def _operators(canvas: Any, font: Any, size: float, leading: float, text: str) -> str:
    """What PDFTextObject.textLine and getCode write for `text` after the text position."""
    doc = canvas._doc
    parts = []
    subset_now = -1
    style = f"{fp_str(size)} Tf {fp_str(leading)} TL"
    for subset, chunk in font.splitString(text, doc):
        if subset != subset_now:
            parts.append(f"{font.getSubsetInternalName(subset, doc)} {style}")
            subset_now = subset
        parts.append(f"({canvas._escape(chunk)}) Tj")
    return " ".join(parts) + " T* ET"


def put_right_string(canvas: Any, x: float, y: float, text: str) -> None:
    """`canvas.drawRightString`: the text ends at x."""
    put_string(canvas, x - _width(canvas, text), y, text)


def put_centred_string(canvas: Any, x: float, y: float, text: str) -> None:
    """`canvas.drawCentredString`: the text is centred on x."""
    put_string(canvas, x - 0.5 * _width(canvas, text), y, text)


def _width(canvas: Any, text: str) -> float:
    return float(pdfmetrics.stringWidth(text, canvas._fontname, canvas._fontsize))


def draw_text(
    canvas: object,
    x: float,
    y: float,
    text: str,
    size: float,
    bold: bool = False,
    anchor: str = "start",
) -> float:
    """Draw one line at baseline `y`, switching fonts per run; returns its width."""
    pieces = runs(text, bold)
    widths = [pdfmetrics.stringWidth(part, font, size) for font, part in pieces]
    total = sum(widths)
    if anchor == "end":
        x -= total
    elif anchor == "middle":
        x -= total / 2
    for (font, part), width in zip(pieces, widths, strict=True):
        # setFont writes an operator each time; thousands of labels share a few fonts.
        if canvas._fontname != font or canvas._fontsize != size:  # type: ignore[attr-defined]
            canvas.setFont(font, size)  # type: ignore[attr-defined]
        put_string(canvas, x, y, part)
        x += width
    return float(total)


def fill_colour(canvas: Any, colour: Any) -> None:
    """`canvas.setFillColor`, unless the canvas fills in that colour already (reportlab
    writes the operator again each time; thousands of cells and bars share a few colours)."""
    if canvas._fillColorObj != colour:
        canvas.setFillColor(colour)


def stroke_colour(canvas: Any, colour: Any) -> None:
    """`canvas.setStrokeColor`, unless the canvas strokes in that colour already."""
    if canvas._strokeColorObj != colour:
        canvas.setStrokeColor(colour)


def line_width(canvas: Any, width: float) -> None:
    """`canvas.setLineWidth`, unless the lines are that wide already."""
    if canvas._lineWidth != width:
        canvas.setLineWidth(width)

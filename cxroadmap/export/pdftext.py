"""`canvas.drawString` for the embedded TrueType fonts, the same bytes at a fraction of the cost.

reportlab builds a text object, measures the string and splits it into font subsets for
every string it draws: a 5,000-initiative PDF draws about 70,000 strings, most of them
dates, durations and names it has drawn before. Here the operators a string turns into
after its position are kept per document, font and size, so a repeated string costs one
dictionary look-up. A font's subset codes never change once a character has one, so the
kept text stays what reportlab would write (tests/test_pdf_text.py compares them).
The colour and line setters below skip what would change nothing and write the operators
reportlab writes, without its per-call checks (tens of thousands of cells and bars).
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics

from cxroadmap.export.fonts import runs

# Per document (reportlab's PDFDocument), the text after the position of each string drawn.
_KEPT = "_cx_kept_text"
_NAMES = "_cx_subset_names"  # per document: (font, subset) -> the subset's PDF font name


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
    style = _style(size, leading)
    for subset, chunk in _known_split(font, doc, text) or font.splitString(text, doc):
        if subset != subset_now:
            parts.append(f"{_subset_name(font, subset, doc)} {style}")
            subset_now = subset
        parts.append(f"({canvas._escape(chunk)}) Tj")
    return " ".join(parts) + " T* ET"


@functools.lru_cache(maxsize=64)
def _style(size: float, leading: float) -> str:
    return f"{fp_str(size)} Tf {fp_str(leading)} TL"


def _subset_name(font: Any, subset: int, doc: Any) -> str:
    """`font.getSubsetInternalName(subset, doc)`, asked once per document, font and subset
    (the name never changes once given; the first ask registers the font with the doc)."""
    names: dict[tuple[str, int], str] | None = getattr(doc, _NAMES, None)
    if names is None:
        names = {}
        setattr(doc, _NAMES, names)
    name = names.get((font.fontName, subset))
    if name is None:
        name = names[font.fontName, subset] = font.getSubsetInternalName(subset, doc)
    return name


def _known_split(font: Any, doc: Any, text: str) -> list[tuple[int, bytes]] | None:
    """`font.splitString(text, doc)` when every character already has a code in the first
    subset (most strings, once the first pages are drawn), at C speed; else None.

    A character without a code yet (or U+00A0, which reportlab draws as a space) is not in
    the font's assignments: reportlab's own loop then assigns it, as before."""
    state = font.state.get(doc)
    if state is None or not text:
        return None
    assignments = state.assignments
    try:
        return [(0, bytes([assignments[code] for code in map(ord, text)]))]
    except (KeyError, ValueError):  # not assigned yet, or a code of a later subset (> 255)
        return None


def put_right_string(canvas: Any, x: float, y: float, text: str) -> None:
    """`canvas.drawRightString`: the text ends at x."""
    put_string(canvas, x - _width(canvas, text), y, text)


def put_centred_string(canvas: Any, x: float, y: float, text: str) -> None:
    """`canvas.drawCentredString`: the text is centred on x."""
    put_string(canvas, x - 0.5 * _width(canvas, text), y, text)


def _width(canvas: Any, text: str) -> float:
    return float(pdfmetrics.stringWidth(text, canvas._fontname, canvas._fontsize))


def draw_line(canvas: Any, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
    """`draw_text` from x, for callers that do not need the width: a line in one font (most
    are) is not measured at all."""
    pieces = runs(text, bold)
    if len(pieces) != 1:
        draw_text(canvas, x, y, text, size, bold)
        return
    font = pieces[0][0]
    if canvas._fontname != font or canvas._fontsize != size:
        canvas.setFont(font, size)
    put_string(canvas, x, y, pieces[0][1])


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


# What is saved around drawing that changes no more than colours, alpha, line width and font.
Held = tuple[Any, ...]


def hold(canvas: Any) -> Held:
    """`canvas.saveState()` for drawing that changes only the fill and stroke colours, their
    alpha, the line width and the font (a table cell, a title's halo): the same `q`, with
    just those saved rather than reportlab's whole state stack (tens of thousands of times)."""
    held = (
        *(canvas._fillColorObj, canvas._strokeColorObj, canvas._lineWidth),
        *(canvas._fontname, canvas._fontsize, canvas._leading),
        *(canvas._extgstate, canvas._currentMatrix),
    )
    canvas._extgstate = canvas._extgstate.pushCopy()  # alpha changes go to a copy
    canvas._code.append("q")
    return held


def release(canvas: Any, held: Held) -> None:
    """`canvas.restoreState()` after `hold`."""
    canvas._code.append("Q")
    (
        canvas._fillColorObj,
        canvas._strokeColorObj,
        canvas._lineWidth,
        canvas._fontname,
        canvas._fontsize,
        canvas._leading,
        canvas._extgstate,
        canvas._currentMatrix,
    ) = held


def fill_colour(canvas: Any, colour: Any) -> None:
    """`canvas.setFillColor`, unless the canvas fills in that colour already (reportlab
    writes the operator again each time; thousands of cells and bars share a few colours)."""
    now = canvas._fillColorObj
    if now is colour or (_same(now, colour) if type(colour) is Color else now == colour):
        return
    set_fill(canvas, colour)


def stroke_colour(canvas: Any, colour: Any) -> None:
    """`canvas.setStrokeColor`, unless the canvas strokes in that colour already."""
    now = canvas._strokeColorObj
    if now is colour or (_same(now, colour) if type(colour) is Color else now == colour):
        return
    set_stroke(canvas, colour)


def set_stroke(canvas: Any, colour: Any) -> None:
    """`canvas.setStrokeColor(colour)`, as set_fill does it for the fill."""
    if not _plain(canvas, colour):
        canvas.setStrokeColor(colour)
        return
    canvas._strokeColorObj = colour
    canvas._code.append(_operator(colour.red, colour.green, colour.blue, "RG"))
    canvas._setStrokeAlpha(colour.alpha)


def set_fill(canvas: Any, colour: Any) -> None:
    """`canvas.setFillColor(colour)`: for a plain RGB `Color`, the same operators (the colour,
    then its alpha in the graphics state) without reportlab's checks on every call."""
    if not _plain(canvas, colour):
        canvas.setFillColor(colour)  # CMYK, names, tuples, no or odd alpha: reportlab's way
        return
    canvas._fillColorObj = colour
    canvas._code.append(_operator(colour.red, colour.green, colour.blue, "rg"))
    canvas._setFillAlpha(colour.alpha)


def _plain(canvas: Any, colour: Any) -> bool:
    """An RGB `Color` with an alpha reportlab accepts, on a canvas without a forced colour
    space: what the fast setters write exactly as reportlab does."""
    if type(colour) is not Color or canvas._enforceColorSpace:
        return False
    alpha = colour.alpha
    return isinstance(alpha, (int, float)) and 0 <= alpha <= 1


def _same(now: Any, colour: Color) -> bool:
    """`now == colour` as reportlab's Color compares (by components; CMYK never equal)."""
    if type(now) is Color:
        return bool(
            now.red == colour.red
            and now.green == colour.green
            and now.blue == colour.blue
            and now.alpha == colour.alpha
        )
    return bool(now == colour)


@functools.lru_cache(maxsize=256)
def hex_colour(value: str) -> Color:
    """reportlab's `HexColor(value)`, made once per colour (pages draw the same few thousands
    of times)."""
    return HexColor(value)


@functools.lru_cache(maxsize=256)
def _operator(red: float, green: float, blue: float, op: str) -> str:
    return f"{fp_str(red, green, blue)} {op}"


def line_width(canvas: Any, width: float) -> None:
    """`canvas.setLineWidth`, unless the lines are that wide already."""
    if canvas._lineWidth != width:
        canvas.setLineWidth(width)

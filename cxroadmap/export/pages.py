"""Page furniture: the cover and body page templates, headers, footers and "Page X of Y"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from cxroadmap.common import style
from cxroadmap.export import cover
from cxroadmap.export.fonts import fit_text, font_set
from cxroadmap.export.pdftext import draw_text, hex_colour, set_fill, set_stroke
from cxroadmap.export.textformat import long_date

MARGIN_X = 36.0
HEADER_Y = 30.0  # header baseline, down from the top edge
RULE_TOP = 38.0
FRAME_TOP = 46.0
FRAME_BOTTOM = 40.0
FOOTER_Y = 22.0


@dataclass(frozen=True)
class Furniture:
    """What the header and footer show."""

    title: str
    strategy: str
    generated: dt.date
    accent: str
    logo: ImageReader | None


def body_frame(width: float, height: float) -> tuple[float, float, float, float]:
    return (MARGIN_X, FRAME_BOTTOM, width - 2 * MARGIN_X, height - FRAME_TOP - FRAME_BOTTOM)


def _header_footer(canvas: Canvas, width: float, height: float, info: Furniture) -> None:
    canvas.saveState()
    right = width - MARGIN_X
    if info.logo is not None:
        w, h = info.logo.getSize()
        lh = 14.0
        lw = min(w * lh / h, 80.0)
        canvas.drawImage(
            info.logo,
            right - lw,
            height - HEADER_Y - 3,
            lw,
            lh,
            mask="auto",
            preserveAspectRatio=True,
        )
        right -= lw + 10
    section = getattr(canvas, "cx_section", "")
    set_fill(canvas, hex_colour(style.MUTED))
    used = 0.0
    if section:
        section = fit_text(section, (right - MARGIN_X) * 0.4, style.HEADER_SIZE)
        used = draw_text(canvas, right, height - HEADER_Y, section, style.HEADER_SIZE, anchor="end")
    set_fill(canvas, hex_colour(style.INK))
    room = right - MARGIN_X - used - 16
    title = fit_text(info.title, room, style.HEADER_SIZE, bold=True)
    draw_text(canvas, MARGIN_X, height - HEADER_Y, title, style.HEADER_SIZE, bold=True)
    set_stroke(canvas, hex_colour(info.accent))
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN_X, height - RULE_TOP, width - MARGIN_X, height - RULE_TOP)
    set_stroke(canvas, hex_colour(style.RULE))
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, FOOTER_Y + 11, width - MARGIN_X, FOOTER_Y + 11)
    set_fill(canvas, hex_colour(style.MUTED))
    footer = f"{info.strategy} · generated {long_date(info.generated)}"
    footer = fit_text(footer, (width - 2 * MARGIN_X) * 0.7, 7)
    draw_text(canvas, MARGIN_X, FOOTER_Y, footer, 7)
    canvas.restoreState()


def numbered_canvas(width: float) -> type[Canvas]:
    """A Canvas that holds pages back until the end so each can say "Page X of Y"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                if number > 1:
                    set_fill(self, hex_colour(style.MUTED))
                    text = f"Page {number} of {total}"
                    self.setFont(font_set().regular, 7)
                    self.drawRightString(width - MARGIN_X, FOOTER_Y, text)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class RoadmapDocument(BaseDocTemplate):  # type: ignore[misc]
    """Cover template first, body template for every later page."""

    def __init__(
        self,
        target: Any,
        pagesize: tuple[float, float],
        info: Furniture,
        geo: cover.CoverGeometry,
        pillars: list[str],
        metadata: dict[str, str],
    ) -> None:
        super().__init__(
            target,
            pagesize=pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=FRAME_TOP,
            bottomMargin=FRAME_BOTTOM,
            # reportlab opens each page in Helvetica, which would be listed unembedded.
            initialFontName=font_set().regular,
            **metadata,
        )
        width, height = pagesize
        self.info = info

        def paint_cover(canvas: Canvas, _doc: Any) -> None:
            cover.paint(canvas, geo, info.accent, info.logo, info.generated, pillars)

        def paint_body(canvas: Canvas, _doc: Any) -> None:
            _header_footer(canvas, width, height, info)

        def frame(box: tuple[float, float, float, float], ident: str) -> Frame:
            x, y, w, h = box
            return Frame(x, y, w, h, 0, 0, 0, 0, id=ident, showBoundary=0)

        self.addPageTemplates(
            [
                PageTemplate(
                    "cover",
                    [frame(geo.panel_frame, "panel"), frame(geo.content_frame, "content")],
                    onPage=paint_cover,
                    pagesize=pagesize,
                ),
                PageTemplate(
                    "body",
                    [frame(body_frame(width, height), "body")],
                    onPageEnd=paint_body,
                    pagesize=pagesize,
                ),
            ]
        )

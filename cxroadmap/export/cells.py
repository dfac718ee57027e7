"""A light table-cell flowable: wrapped, font-switched user text without any markup parsing."""

from __future__ import annotations

import functools

from reportlab.lib.colors import Color, HexColor
from reportlab.platypus import Flowable

from cxroadmap.common import style
from cxroadmap.export.fonts import wrap_text
from cxroadmap.export.pdftext import draw_text, fill_colour

SWATCH = 7.0


@functools.cache
def _colour(hex_colour: str) -> Color:
    return HexColor(hex_colour)


class TextCell(Flowable):  # type: ignore[misc]
    """Plain text wrapped to the cell width (at most `max_lines`, then an ellipsis).

    Tables with thousands of rows stay fast because nothing is parsed as markup, and user text
    cannot be mistaken for markup at all.
    """

    def __init__(
        self,
        text: str,
        size: float,
        bold: bool = False,
        colour: str = style.INK,
        max_lines: int = 4,
        swatch: str | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.bold = bold
        self.colour = colour
        self.max_lines = max_lines
        self.swatch = swatch
        self.lines: list[str] = []
        self._wrapped_for = -1.0

    @property
    def leading(self) -> float:
        return self.size * 1.25

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self._wrapped_for:
            room = avail_width - (SWATCH + 3 if self.swatch else 0)
            self.lines = wrap_text(self.text, room, self.size, self.bold, self.max_lines)
            self._wrapped_for = avail_width
        self.width = avail_width
        self.height = max(1, len(self.lines)) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        x = 0.0
        y = self.height - self.size
        if self.swatch:
            fill_colour(canvas, _colour(self.swatch))
            canvas.rect(0, y - 0.5, SWATCH, SWATCH, stroke=0, fill=1)
            x = SWATCH + 3
        fill_colour(canvas, _colour(self.colour))
        for line in self.lines:
            draw_text(canvas, x, y + self.size * 0.08, line, self.size, self.bold)
            y -= self.leading

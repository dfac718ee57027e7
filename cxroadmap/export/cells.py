"""A light table-cell flowable: wrapped, font-switched user text without any markup parsing."""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable

from cxroadmap.common import style
from cxroadmap.export.fonts import wrap_text
from cxroadmap.export.pdftext import draw_line, fill_colour, hold, release

SWATCH = 7.0
# (text, room, size, bold, max lines) -> the wrapped lines, shared by the cells of a table.
Memo = dict[tuple[str, float, float, bool, int], list[str]]
# Per canvas: what a shared column's cell wrote between its `cm` and `Q`, by cell and state.
_DRAWN = "_cx_drawn_cells"


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
        memo: Memo | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.bold = bold
        self.colour = colour
        self.max_lines = max_lines
        self.swatch = swatch
        # A column of few distinct texts (pillars, owners) wraps each text once per table.
        self.memo = memo
        self.lines: list[str] = []
        self._wrapped_for = -1.0

    @property
    def leading(self) -> float:
        return self.size * 1.25

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self._wrapped_for:
            room = avail_width - (SWATCH + 3 if self.swatch else 0)
            if self.memo is None:
                self.lines = wrap_text(self.text, room, self.size, self.bold, self.max_lines)
            else:
                key = (self.text, room, self.size, self.bold, self.max_lines)
                found = self.memo.get(key)
                if found is None:
                    found = self.memo[key] = wrap_text(*key)
                self.lines = found
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
            draw_line(canvas, x, y + self.size * 0.08, line, self.size, self.bold)
            y -= self.leading

    def draw_on(self, canvas: Any, x: float, y: float) -> None:
        """`drawOn(canvas, x, y)`: the same operators, with only what `draw` can change saved
        and restored (pdftext.hold). A cell of a shared column (`memo`) drawn again from the
        same fill colour, font and alpha writes what that cell wrote the first time: between
        `q` and `Q` nothing it draws depends on more than that."""
        key = self._drawn_key(canvas)
        code = canvas._code
        drawn: dict[tuple[Any, ...], list[str]] = getattr(canvas, _DRAWN, None) or {}
        if key is not None:
            body = drawn.get(key)
            if body is not None:
                code.append("q")
                code.append(f"{fp_str(1, 0, 0, 1, x, y)} cm")  # canvas.translate after a q
                code.extend(body)
                code.append("Q")
                return
        held = hold(canvas)
        code.append(f"{fp_str(1, 0, 0, 1, x, y)} cm")
        start = len(code)
        self.canv = canvas
        self.draw()
        del self.canv
        if key is not None:
            drawn[key] = code[start:]
            setattr(canvas, _DRAWN, drawn)
        release(canvas, held)

    def _drawn_key(self, canvas: Any) -> tuple[Any, ...] | None:
        now = canvas._fillColorObj
        if self.memo is None or type(now) is not Color:
            return None
        return (
            *(self.text, self._wrapped_for, self.size, self.bold, self.max_lines),
            *(self.colour, self.swatch, now.red, now.green, now.blue, now.alpha),
            *(canvas._fontname, canvas._fontsize, canvas._leading, canvas._fillMode),
            canvas._extgstate.getValue("ca"),
        )

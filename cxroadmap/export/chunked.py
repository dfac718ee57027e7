"""A long table laid out one page at a time: every row measured once, drawn without a Table.

reportlab splits a long `Table` by building a new table of all remaining rows at each page
break, and even one page's table styles every cell with its own object and draws each cell
through several layers: at 5,000 initiatives the phase tables were most of a PDF's time.
Here the table's style commands are resolved once per kind of row, every row is measured
once, and each page draws exactly its rows with what reportlab's `Table.draw` would have
written for them: the same backgrounds, text positions, fonts and rules, in the same order.
Only the commands the PDF's tables use are understood; any other is refused, loudly.
"""

from __future__ import annotations

import itertools
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from cxroadmap.export.cells import TextCell
from cxroadmap.export.pdftext import put_centred_string, put_right_string, put_string, set_fill

Command = tuple[Any, ...]

_BACKGROUNDS = frozenset({"BACKGROUND", "ROWBACKGROUNDS"})
_LINES = frozenset({"LINEBELOW", "LINEABOVE", "LINEBEFORE", "LINEAFTER"})
_CELL = frozenset(
    {"FONT", "LEADING", "TEXTCOLOR", "ALIGN", "VALIGN"}
    | {"LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING"}
)


class CellStyle:
    """What reportlab's CellStyle holds for a cell, with its defaults."""

    __slots__ = ("alignment", "color", "fontname", "fontsize", "leading", "pads", "valign")

    def __init__(self) -> None:
        self.fontname = "Helvetica"
        self.fontsize: float = 10
        self.leading: float = 12
        self.color: Any = "black"
        self.alignment = "LEFT"
        self.valign = "BOTTOM"
        self.pads: list[float] = [6, 6, 3, 3]  # left, right, top, bottom

    def apply(self, op: str, values: tuple[Any, ...]) -> None:
        """One cell command, as reportlab's `_setCellStyle` applies it."""
        if op == "FONT":
            self.fontname = values[0]
            if len(values) > 1:
                self.fontsize = values[1]
                self.leading = values[2] if len(values) > 2 else self.fontsize * 1.2
        elif op == "LEADING":
            self.leading = values[0]
        elif op == "TEXTCOLOR":
            self.color = colors.toColor(values[0], colors.Color(0, 0, 0))
        elif op == "ALIGN":
            if values[0] not in ("LEFT", "RIGHT", "CENTRE", "CENTER"):
                raise ValueError(f"table alignment {values[0]!r} is not supported here")
            self.alignment = values[0]
        elif op == "VALIGN":
            self.valign = values[0]
        else:
            side = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING").index(op)
            self.pads[side] = values[0]


class _Layout:
    """The header and rows[begin:end] of a table as reportlab would style them on one page."""

    def __init__(self, table: ChunkedTable, begin: int, end: int) -> None:
        self.ncols = len(table.widths)
        self.nrows = end - begin + 1
        self.values = [table.header, *table.rows[begin:end]]
        first = table._first + begin
        commands = [_shift_zebra(c, first) for c in table.commands]
        for i in range(begin, end):
            for command in table.row_commands.get(table._first + i, ()):
                name, (c0, _), (c1, _), *values = command
                commands.append((name, (c0, i - begin + 1), (c1, i - begin + 1), *values))
        self.backgrounds: list[Command] = []
        self.lines: list[Command] = []
        cells: list[tuple[str, int, int, int, int, tuple[Any, ...]]] = []
        for command in commands:
            op, (sc, sr), (ec, er) = command[:3]
            if op in _BACKGROUNDS:
                self.backgrounds.append(command)
            elif op in _LINES:
                if len(command) > 5:
                    raise ValueError(f"line command with cap, dash or count: {command!r}")
                self.lines.append(command)
            elif op in _CELL:
                sc, ec, sr, er = self.clamp(sc, ec, sr, er)
                cells.append((op, sc, ec, sr, er, tuple(command[3:])))
            else:
                raise ValueError(f"table command {op!r} is not supported here")
        # Rows touched by the same cell commands share one row of styles; which commands
        # touch a row changes only where one's rows begin or end (thousands of rows, a few
        # such places).
        shared: dict[tuple[int, ...], list[CellStyle]] = {}
        self.styles: list[list[CellStyle]] = []
        edges = sorted({0, self.nrows} | {c[3] for c in cells} | {c[4] + 1 for c in cells})
        for lo, hi in itertools.pairwise(edges):
            if lo >= self.nrows:
                break
            key = tuple(k for k, c in enumerate(cells) if c[3] <= lo <= c[4])
            row = shared.get(key)
            if row is None:
                row = shared[key] = [CellStyle() for _ in range(self.ncols)]
                for k in key:
                    op, sc, ec, _, _, args = cells[k]
                    for j in range(sc, ec + 1):
                        row[j].apply(op, args)
            self.styles.extend([row] * (min(hi, self.nrows) - lo))
        self.widths = table.widths

    def clamp(self, sc: int, ec: int, sr: int, er: int) -> tuple[int, int, int, int]:
        """reportlab's normCellRange: negative indices from the end, within the table."""
        sc, ec = (sc + self.ncols if sc < 0 else sc), (ec + self.ncols if ec < 0 else ec)
        sr, er = (sr + self.nrows if sr < 0 else sr), (er + self.nrows if er < 0 else er)
        return max(0, sc), min(self.ncols - 1, ec), max(0, sr), min(self.nrows - 1, er)

    def heights(self) -> list[float]:
        """Each row's height as reportlab's `_calc_height` measures it."""
        out = []
        for values, styles in zip(self.values, self.styles, strict=True):
            h = 0.0
            for value, s, width in zip(values, styles, self.widths, strict=True):
                left, right, top, bottom = s.pads
                if isinstance(value, Flowable):
                    t = value.wrapOn(None, width - left - right, 72000 - top - bottom)[1]
                else:
                    lines = ((value is not None and str(value)) or "").split("\n")
                    t = (s.leading or 1.2 * s.fontsize) * len(lines)
                h = max(h, t + bottom + top)
            out.append(h)
        return out


def _positions(heights: list[float]) -> list[float]:
    """Top of each row and the bottom, from the table's bottom, summed as reportlab sums."""
    out = []
    height = c = 0.0
    for h in reversed(heights):
        out.append(height)
        y = h - c
        t = height + y
        c = (t - height) - y
        height = t
    out.append(height)
    out.reverse()
    return out


class ChunkedTable(Flowable):  # type: ignore[misc]
    """Rows under a header that repeats on every page, each page drawn as a table of its own.

    Each row's height is measured once, and `split` cuts exactly the rows that fit. Zebra rows
    keep their rhythm across pages; `row_commands` are style commands for one data row (row 0
    is the first row under the header), placed per page.
    """

    def __init__(
        self,
        header: list[Any],
        rows: list[list[Any]],
        widths: list[float],
        commands: list[Command],
        row_commands: dict[int, list[Command]] | None = None,
        *,
        _heights: list[float] | None = None,
        _header_height: float = 0.0,
        _first: int = 0,
    ) -> None:
        super().__init__()
        self.header = header
        self.rows = rows
        self.widths = widths
        self.commands = commands
        self.row_commands = row_commands or {}
        self.hAlign = "LEFT"
        self._heights = _heights
        self._header_height = _header_height
        self._first = _first  # index in the whole table of self.rows[0], for zebra and commands

    def _measure(self) -> list[float]:
        if self._heights is None:
            heights = _Layout(self, 0, len(self.rows)).heights()
            self._header_height = heights[0]
            self._heights = heights[1:]
        return self._heights

    def layout(self, begin: int, end: int) -> _Layout:
        """The header and rows[begin:end] styled as they sit in the whole table."""
        return _Layout(self, begin, end)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        heights = self._measure()
        self.width = sum(self.widths)
        # Far more rows than fit: enough to tell the frame so, without summing them all for
        # every page (what is left of 11,600 rows, 300 times over).
        self.height = self._header_height
        for height in heights:
            self.height += height
            if self.height > avail_height + 1:
                return self.width, self.height
        self.height = _positions([self._header_height, *heights])[0]
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        heights = self._measure()
        room = avail_height - self._header_height
        fit = 0
        for height in heights:
            if height > room:
                break
            room -= height
            fit += 1
        if fit == 0:
            return []  # not even one row: the frame moves on to the next page
        parts = [self._part(0, fit)]
        if fit < len(self.rows):
            parts.append(self._part(fit, len(self.rows)))
        return parts

    def _part(self, begin: int, end: int) -> ChunkedTable:
        assert self._heights is not None
        return ChunkedTable(
            self.header,
            self.rows[begin:end],
            self.widths,
            self.commands,
            self.row_commands,
            _heights=self._heights[begin:end],
            _header_height=self._header_height,
            _first=self._first + begin,
        )

    def draw(self) -> None:
        # Reached only when every remaining row fits where the frame put this table.
        _draw(self.canv, self.layout(0, len(self.rows)), [self._header_height, *self._measure()])


def _draw(canv: Any, page: _Layout, heights: list[float]) -> None:
    """What reportlab's Table.draw writes for these rows (no spans, no shadows, no corners)."""
    rowpos = _positions(heights)
    colpos = [0.0]
    for w in page.widths:
        colpos.append(colpos[-1] + w)
    canv.saveState()
    _backgrounds(canv, page, rowpos, colpos, heights)
    current: CellStyle | None = None
    for values, styles, bottom, height in zip(
        page.values, page.styles, rowpos[1:], heights, strict=True
    ):
        for value, s, left_x, width in zip(values, styles, colpos[:-1], page.widths, strict=True):
            if current is not s:
                if current is None or s.color != current.color:
                    set_fill(canv, s.color)
                if (
                    current is None
                    or s.leading != current.leading
                    or s.fontname != current.fontname
                    or s.fontsize != current.fontsize
                ):
                    canv.setFont(s.fontname, s.fontsize, s.leading)
                current = s
            _cell(canv, value, s, left_x, bottom, width, height)
    _rules(canv, page, rowpos, colpos)
    canv.restoreState()


def _cell(
    canv: Any, value: Any, s: CellStyle, x: float, y: float, width: float, height: float
) -> None:
    left, right, top, bottom = s.pads
    if isinstance(value, Flowable):
        w, h = value.wrapOn(canv, width - left - right, height - top - bottom)
        if s.valign == "TOP":
            at = y + height - top
        elif s.valign == "BOTTOM":
            at = y + bottom + h
        else:
            at = y + (height + bottom - top + h) / 2.0
        if s.alignment == "RIGHT":
            x = x + width - right - w
        elif s.alignment in ("CENTRE", "CENTER"):
            x = x + (width + left - right - w) / 2.0
        else:
            x = x + left
        if type(value) is TextCell:
            value.draw_on(canv, x, at - h)
        else:
            value.drawOn(canv, x, at - h)
        return
    if s.alignment == "RIGHT":
        draw, x = put_right_string, x + width - right
    elif s.alignment in ("CENTRE", "CENTER"):
        draw, x = put_centred_string, x + (width + left - right) * 0.5
    else:
        draw, x = put_string, x + left
    lines = str(value).split("\n")
    if s.valign == "TOP":
        at = y + height - top - s.fontsize
    elif s.valign == "BOTTOM":
        at = y + bottom + len(lines) * s.leading - s.fontsize
    else:
        at = y + (bottom + height - top + len(lines) * s.leading) / 2.0 - s.fontsize
    for line in lines:
        draw(canv, x, at, line)
        at -= s.leading


def _backgrounds(
    canv: Any, page: _Layout, rowpos: list[float], colpos: list[float], heights: list[float]
) -> None:
    ncols, nrows = page.ncols, page.nrows
    for op, (sc, sr), (ec, er), arg in page.backgrounds:
        sc, ec = (sc + ncols if sc < 0 else sc), (ec + ncols if ec < 0 else ec)
        sr, er = (sr + nrows if sr < 0 else sr), (er + nrows if er < 0 else er)
        x0, y0 = colpos[sc], rowpos[sr]
        w, h = colpos[min(ec + 1, ncols)] - x0, rowpos[min(er + 1, nrows)] - y0
        if op == "ROWBACKGROUNDS":
            cycle = [colors.toColorOrNone(c) for c in arg]
            for i in range(er - sr + 1):
                colour, h = cycle[i % len(cycle)], heights[sr + i]
                if colour:
                    set_fill(canv, colour)
                    canv.rect(x0, y0, w, -h, stroke=0, fill=1)
                y0 -= h
        else:
            colour = colors.toColorOrNone(arg)
            if colour:
                set_fill(canv, colour)
                canv.rect(x0, y0, w, h, stroke=0, fill=1)


def _rules(canv: Any, page: _Layout, rowpos: list[float], colpos: list[float]) -> None:
    canv.saveState()
    cap = weight_now = colour_now = None
    for op, (sc, sr), (ec, er), weight, colour in page.lines:
        if cap != 1:
            canv.setLineCap(1)  # reportlab's default cap and join for table rules
            canv.setLineJoin(1)
            cap = 1
        sc, ec, sr, er = page.clamp(sc, ec, sr, er)
        if op == "LINEBELOW":
            sr, er = sr + 1, er + 1
        elif op == "LINEAFTER":
            sc, ec = sc + 1, ec + 1
        horizontal = op in ("LINEBELOW", "LINEABOVE")
        xs = colpos[sc : ec + 2] if horizontal else colpos[sc : ec + 1]
        ys = rowpos[sr : er + 1] if horizontal else rowpos[sr : er + 2]
        if len(xs if horizontal else ys) <= 1 or len(ys if horizontal else xs) < 1:
            continue
        if colour and colour != colour_now:
            canv.setStrokeColor(colour)
            colour_now = colour
        if weight and weight != weight_now:
            canv.setLineWidth(weight)
            weight_now = weight
        if horizontal:
            for y in ys:
                canv.line(xs[0], y, xs[-1], y)
        else:
            for x in xs:
                canv.line(x, ys[-1], x, ys[0])
    canv.restoreState()


def _shift_zebra(command: Command, first: int) -> Command:
    """ROWBACKGROUNDS restarts its colours in every table: start where row `first` left off."""
    if command[0] != "ROWBACKGROUNDS" or not first:
        return command
    colours = list(command[3])
    shift = first % len(colours)
    return (*command[:3], colours[shift:] + colours[:shift])

"""Native PowerPoint shapes written straight into a slide's shape tree (fast for thousands)."""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from pptx.oxml import parse_xml

EMU_PER_PT = 12700
DEFAULT_FONT = "Arial"  # PowerPoint has it; LibreOffice maps it to metric-equal Liberation Sans
_NS = (
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)
# Characters XML 1.0 cannot hold: dropped rather than letting the whole file be unreadable.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def _fill(colour: str | None) -> str:
    if colour is None:
        return "<a:noFill/>"
    return f'<a:solidFill><a:srgbClr val="{colour.lstrip("#").upper()}"/></a:solidFill>'


def _line(colour: str | None, width: float, dash: str | None) -> str:
    if colour is None:
        return "<a:ln><a:noFill/></a:ln>"
    pattern = f'<a:prstDash val="{dash}"/>' if dash else ""
    return f'<a:ln w="{emu(width)}">{_fill(colour)}{pattern}</a:ln>'


class ShapeWriter:
    """Appends shapes to one slide, numbering them itself.

    python-pptx looks for the next free shape id by scanning the whole slide on every add, which
    made 4,000 shapes on one slide take minutes; this writes the same XML in linear time.
    """

    def __init__(self, slide: Any, font: str = DEFAULT_FONT) -> None:
        self.tree = slide.shapes._spTree
        ids = [int(v) for v in self.tree.xpath("//@id") if str(v).isdigit()]
        # Well above python-pptx's next id, so a picture it adds before `flush` cannot clash.
        self.next_id = max([*ids, 1]) + 1000
        self.font = font
        self._parts: list[str] = []  # shapes written so far, parsed at once by `flush`

    def _add(self, xml: str) -> None:
        self._parts.append(xml)

    def flush(self) -> None:
        """Parse the shapes written so far in one go and put them on the slide, in order."""
        if not self._parts:
            return
        holder = parse_xml(f"<p:spTree {_NS}>{''.join(self._parts)}</p:spTree>")
        self._parts.clear()
        for child in list(holder):
            self.tree.append(child)

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def _xfrm(self, x: float, y: float, w: float, h: float, flip: str = "") -> str:
        return (
            f'<a:xfrm{flip}><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{emu(max(w, 0))}" cy="{emu(max(h, 0))}"/></a:xfrm>'
        )

    def _run(self, text: str, size: float, colour: str, bold: bool) -> str:
        clean = escape(_BAD_XML.sub("", text))
        face = quoteattr(self.font)
        return (
            f'<a:r><a:rPr lang="en-GB" sz="{round(size * 100)}" b="{1 if bold else 0}" dirty="0">'
            f"{_fill(colour)}<a:latin typeface={face}/><a:cs typeface={face}/></a:rPr>"
            f"<a:t>{clean}</a:t></a:r>"
        )

    def _body(
        self,
        lines: list[str],
        size: float,
        colour: str,
        bold: bool,
        align: str,
        anchor: str,
        wrap: bool,
    ) -> str:
        paragraphs = "".join(
            f'<a:p><a:pPr algn="{align}"/>{self._run(line, size, colour, bold)}</a:p>'
            for line in lines
        )
        return (
            f'<p:txBody><a:bodyPr wrap="{"square" if wrap else "none"}" lIns="0" tIns="0" '
            f'rIns="0" bIns="0" anchor="{anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr>'
            f"<a:lstStyle/>{paragraphs or '<a:p/>'}</p:txBody>"
        )

    def shape(
        self,
        kind: str,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str | None,
        line: str | None = None,
        line_width: float = 0.75,
        dash: str | None = None,
        name: str = "",
        adjust: int | None = None,
    ) -> None:
        """A preset shape (rect, roundRect, diamond, triangle, ...) at x, y (points, top-left)."""
        ident = self._id()
        guide = f'<a:gd name="adj" fmla="val {adjust}"/>' if adjust is not None else ""
        label = quoteattr(name or f"{kind} {ident}")
        self._add(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{ident}" name={label}/><p:cNvSpPr/>'
            f"<p:nvPr/></p:nvSpPr><p:spPr>{self._xfrm(x, y, w, h)}"
            f'<a:prstGeom prst="{kind}"><a:avLst>{guide}</a:avLst></a:prstGeom>'
            f"{_fill(fill)}{_line(line, line_width, dash)}</p:spPr>"
            f"{self._body([], 10, '#000000', False, 'l', 't', False)}</p:sp>"
        )

    def text(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str | list[str],
        size: float,
        colour: str,
        bold: bool = False,
        align: str = "l",
        anchor: str = "t",
        wrap: bool = False,
        name: str = "",
        descr: str = "",
    ) -> None:
        """A text box; `text` as a list gives one paragraph per line; `descr` is its alt text
        (PowerPoint's and Impress's description: where a shortened label keeps its full text)."""
        ident = self._id()
        lines = text if isinstance(text, list) else [text]
        label = quoteattr(name or f"Text {ident}")
        alt = f" descr={quoteattr(_BAD_XML.sub('', descr))}" if descr else ""
        self._add(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{ident}" name={label}{alt}/>'
            f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{self._xfrm(x, y, w, h)}'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            f"{self._body(lines, size, colour, bold, align, anchor, wrap)}</p:sp>"
        )

    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        colour: str,
        width: float = 0.75,
        dash: str | None = None,
        name: str = "",
    ) -> None:
        """A straight connector from (x0, y0) to (x1, y1)."""
        ident = self._id()
        label = quoteattr(name or f"Line {ident}")
        flip = (' flipH="1"' if x1 < x0 else "") + (' flipV="1"' if y1 < y0 else "")
        box = self._xfrm(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0), flip)
        self._add(
            f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{ident}" name={label}/>'
            f"<p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr>{box}"
            f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
            f"{_line(colour, width, dash)}</p:spPr></p:cxnSp>"
        )

    def table(
        self,
        x: float,
        y: float,
        widths: list[float],
        heights: list[float],
        rows: list[list[str]],
        size: float,
        fills: list[str],
        inks: list[str],
        name: str = "Table",
    ) -> None:
        """A native table: `rows` of text, row r filled with fills[r] and written in inks[r],
        the first row in bold (a header); each cell wraps its text."""
        ident = self._id()
        grid = "".join(f'<a:gridCol w="{emu(w)}"/>' for w in widths)
        rule = f'<a:lnB w="6350">{_fill("#d5dbe3")}</a:lnB>'
        body = []
        for r, (row, height) in enumerate(zip(rows, heights, strict=True)):
            cells = []
            for text in row:
                paragraphs = "".join(
                    f"<a:p>{self._run(line, size, inks[r], r == 0)}</a:p>"
                    for line in (text.split("\n") if text else [""])
                )
                cells.append(
                    f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</a:txBody>"
                    f'<a:tcPr marL="45720" marR="45720" marT="45720" marB="45720">'
                    f"{rule}{_fill(fills[r])}</a:tcPr></a:tc>"
                )
            body.append(f'<a:tr h="{emu(height)}">{"".join(cells)}</a:tr>')
        self._add(
            f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{ident}" '
            f'name={quoteattr(name)}/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/>'
            f"</p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>"
            f'<p:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{emu(sum(widths))}" cy="{emu(sum(heights))}"/></p:xfrm>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/'
            f'table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>{grid}</a:tblGrid>'
            f"{''.join(body)}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
        )

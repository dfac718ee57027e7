"""The PDF's fast paths write exactly what reportlab's own calls write.

round_rect, the colour setters and draw_line stand in for `canvas.roundRect`,
`setFillColor`/`setStrokeColor` (after a check that the colour changes) and `draw_text` on
thousands of bars and cells; each page's stream must stay byte for byte what it was. The
streams are compressed by a faster deflate: the same content, a slightly bigger file.
"""

from __future__ import annotations

import io
import random
import re
import zlib

import pytest
from pdf_samples import small_strategy
from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from cxroadmap.export import fonts, pdf
from cxroadmap.export.cells import Memo, TextCell
from cxroadmap.export.chunked import ChunkedTable
from cxroadmap.export.fonts import font_set, wrap_text
from cxroadmap.export.pdf import render_pdf
from cxroadmap.export.pdfshapes import round_rect
from cxroadmap.export.pdftext import (
    draw_line,
    draw_text,
    fill_colour,
    hold,
    put_string,
    release,
    set_fill,
    set_stroke,
    stroke_colour,
)
from cxroadmap.scheduling.planner import schedule


def _pair() -> tuple[Canvas, Canvas]:
    return Canvas(io.BytesIO()), Canvas(io.BytesIO())


def test_round_rect_writes_what_canvas_round_rect_writes() -> None:
    chooser = random.Random(11)
    theirs, ours = _pair()
    for i in range(800):
        x, y = chooser.uniform(-50, 800), chooser.uniform(-50, 600)
        # Negative sizes too: reportlab orders the corners itself.
        w, h = chooser.uniform(-20, 300), chooser.choice([3.5, 6, 9.25, chooser.uniform(-9, 9)])
        radius = chooser.choice([0, 1.5, 2, abs(h) / 3, chooser.uniform(0, 4)])
        stroke, fill = i % 2, (i // 2) % 2
        theirs.roundRect(x, y, w, h, radius, stroke=stroke, fill=fill)
        round_rect(ours, x, y, w, h, radius, stroke, fill)
    assert "\n".join(ours._code) == "\n".join(theirs._code)


def test_the_colour_setters_write_what_reportlab_writes_and_skip_only_no_ops() -> None:
    chooser = random.Random(5)
    palette: list[object] = [HexColor(c) for c in ("#1f4e79", "#ffffff", "#e2e8f0", "#c62828")]
    palette += [Color(0.2, 0.4, 0.6, alpha=0.5), Color(0, 0, 0), CMYKColor(0, 0.5, 1, 0)]
    palette += ["red", (0.1, 0.2, 0.3)]
    theirs, ours = _pair()
    for i in range(3000):
        colour = chooser.choice(palette)
        if chooser.random() < 0.3:
            colour = HexColor("#1f4e79")  # equal to one above, another object
        if i % 3 == 0:
            theirs.setFillColor(colour)
            set_fill(ours, colour)
        elif i % 3 == 1:
            if theirs._fillColorObj != colour:
                theirs.setFillColor(colour)
            fill_colour(ours, colour)
        else:
            if theirs._strokeColorObj != colour:
                theirs.setStrokeColor(colour)
            stroke_colour(ours, colour)
        theirs.rect(1, 2, 3, 4, stroke=1, fill=1)
        ours.rect(1, 2, 3, 4, stroke=1, fill=1)
        if i % 97 == 0:  # a saved state, with another alpha, then restored
            for canvas in (theirs, ours):
                canvas.saveState()
                canvas.setFillAlpha(0.9)
                canvas.restoreState()
    assert ours._code == theirs._code
    assert ours._fillColorObj == theirs._fillColorObj
    assert ours._strokeColorObj == theirs._strokeColorObj
    assert ours._extgstate._d == theirs._extgstate._d
    assert ours._doc._pdfVersion == theirs._doc._pdfVersion


def test_draw_line_writes_what_draw_text_writes() -> None:
    texts = ["Train leaders to coach", "", "Ελληνικά και Кириллица", "a\x07b", "R&D (draft) \\"]
    texts += ["x" * 300, "Zoë", "15 Mar 2027", "Train leaders to coach"]
    theirs, ours = _pair()
    for i, text in enumerate(texts * 3):
        size, bold = (7.5, 8, 6.5)[i % 3], i % 2 == 1
        draw_text(theirs, 10, 20 + i, text, size, bold)
        draw_line(ours, 10, 20 + i, text, size, bold)
    assert ours._code == theirs._code


def test_put_string_after_the_first_subset_is_full_still_matches() -> None:
    """Strings whose characters all have codes take the quick split; a code of a later subset
    or a character never seen goes through reportlab's own."""
    fs = font_set()
    theirs, ours = _pair()
    alphabet = [chr(c) for c in range(0x20, 0x600) if chr(c).isprintable()]
    chooser = random.Random(3)
    texts = ["".join(chooser.choices(alphabet, k=12)) for _ in range(400)]
    for i, text in enumerate(texts + texts[::-1] + ["\xa0x", ""]):
        for canvas in (theirs, ours):
            canvas.setFont(fs.regular, 8)
        theirs.drawString(5, i, text)
        put_string(ours, 5, i, text)
    assert ours._code == theirs._code


def _streams(data: bytes) -> list[bytes]:
    out = []
    for match in re.finditer(rb">>\s*stream\r?\n", data):
        end = data.index(b"endstream", match.end())
        out.append(zlib.decompressobj().decompress(data[match.end() : end]))
    return out


def test_streams_are_compressed_faster_with_the_same_content_and_the_default_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    strategy = small_strategy()
    plan = schedule(strategy)
    default = pdfdoc.PDFZCompress
    quick = render_pdf(strategy, plan)
    assert pdfdoc.PDFZCompress is default  # reportlab's own filter again after the build
    monkeypatch.setattr(pdf, "_QuickFlate", pdfdoc.PDFStreamFilterZCompress)  # level 6
    usual = render_pdf(strategy, plan)
    assert quick != usual
    assert _streams(quick) == _streams(usual) and len(_streams(quick)) > 5
    raw = sum(len(s) for s in _streams(quick))
    assert len(quick) < raw  # still compressed


def test_cells_sharing_a_memo_wrap_each_text_once_and_the_same_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = ["Recruitment and selection", "Leadership", "Touchpoints and process", ""] * 25
    plain = [TextCell(text, 7.5, max_lines=2, swatch="#1f4e79") for text in texts]
    calls: list[str] = []
    real = fonts.wrap_text

    def counting(text: str, *args: object) -> list[str]:
        calls.append(text)
        return real(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr("cxroadmap.export.cells.wrap_text", counting)
    memo: Memo = {}
    shared = [TextCell(text, 7.5, max_lines=2, swatch="#1f4e79", memo=memo) for text in texts]
    for width in (60.0, 90.0):
        for a, b in zip(plain, shared, strict=True):
            assert a.wrap(width, 100) == b.wrap(width, 100) and a.lines == b.lines
    assert len(calls) == 200 + 8  # the plain cells, then each text once per width
    assert any(len(cell.lines) == 2 for cell in shared)  # some did wrap


def test_a_table_of_shared_cells_draws_what_it_draws_without_sharing() -> None:
    fs = font_set()
    commands = [
        ("FONT", (0, 0), (-1, 0), fs.bold, 8),
        ("FONT", (0, 1), (-1, -1), fs.regular, 7.5),
        ("TEXTCOLOR", (0, 1), (-1, -1), HexColor("#202020")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [HexColor("#ffffff"), HexColor("#eeeeee")]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (1, 1), (1, -1), "MIDDLE"),
    ]
    pillars = ["Recruitment and selection", "Leadership", "Touchpoints and process"]

    def rows(memo: Memo | None) -> list[list[object]]:
        return [
            [
                TextCell(f"Initiative {i} " + "word " * (i % 4) * 5, 7.5, bold=i % 7 == 0),
                TextCell(pillars[i % 3], 7.5, max_lines=2, swatch="#884422", memo=memo),
                TextCell(f"Owner {i % 5}", 7.5, colour="#c00000", memo=memo),
            ]
            for i in range(150)
        ]

    def stream(table: ChunkedTable) -> list[str]:
        canvas = Canvas(io.BytesIO())
        canvas.setFont(fs.regular, 7)
        parts: list[ChunkedTable] = [table]
        pages: list[str] = []
        while parts:
            part = parts.pop(0)
            part.wrap(400, 700)
            if part.height > 700:
                parts = [*part.split(400, 700), *parts]
                continue
            part.drawOn(canvas, 20, 60)
            pages.append("\n".join(canvas._code))
            canvas.showPage()
        return pages

    header, widths = ["Initiative", "Pillar", "Owner"], [180.0, 80.0, 60.0]
    memo: Memo = {}
    shared = stream(ChunkedTable(header, rows(memo), widths, commands))
    assert len(shared) > 3
    assert stream(ChunkedTable(header, rows(None), widths, commands)) == shared
    assert len(memo) == 8  # three pillars, five owners


def _state(canvas: Canvas) -> dict[str, object]:
    found = {name: getattr(canvas, name) for name in Canvas.STATE_ATTRIBUTES}
    found["_extgstate"] = dict(canvas._extgstate._d)
    return found


def test_cells_and_halos_drawn_with_hold_leave_what_save_and_restore_leave() -> None:
    fs = font_set()
    theirs, ours = _pair()
    cases = [
        TextCell("Train leaders to coach", 7.5),
        TextCell("Ελληνικά 顧客 mixed runs", 8, bold=True, colour="#c62828"),
        TextCell("Recruitment and selection", 7.5, max_lines=2, swatch="#1f4e79"),
        TextCell("", 6.5),
    ]
    for i, cell in enumerate(cases * 5):
        cell.wrap(60 + 10 * (i % 3), 100)
        for canvas in (theirs, ours):
            canvas.setFont((fs.regular, fs.bold)[i % 2], 7 + i % 3)
            canvas.setFillColor(HexColor(("#ffffff", "#202020", "#1f4e79")[i % 3]))
            if i % 4 == 0:
                canvas.setFillAlpha(0.5)
        cell.drawOn(theirs, 10 + i, 20 + i)
        cell.draw_on(ours, 10 + i, 20 + i)
        theirs.saveState()
        held = hold(ours)
        for canvas in (theirs, ours):  # what a title's halo does in between
            set_fill(canvas, HexColor("#ffffff"))
            canvas.setFillAlpha(0.9)
            canvas.setLineWidth(0.3)
            set_stroke(canvas, HexColor("#c62828"))
            canvas.rect(1, 2, 3, 4, stroke=0, fill=1)
        theirs.restoreState()
        release(ours, held)
        assert ours._code == theirs._code
        assert _state(ours) == _state(theirs)


class _NotAscii(str):
    """A text that says it is not ASCII: wrap_text then measures word by word, the long way."""

    def isascii(self) -> bool:
        return False


def test_wrapping_plain_ascii_breaks_lines_where_measuring_each_word_does() -> None:
    chooser = random.Random(9)
    words = ["a", "roadmap", "Train", "leaders", "to", "coach", "W" * 30, "(draft)", "i"]
    for _ in range(400):
        text = " ".join(chooser.choices(words, k=chooser.randint(1, 40)))
        width, size = chooser.uniform(20, 300), chooser.choice([6.5, 7.5, 9])
        bold, lines = chooser.random() < 0.3, chooser.choice([None, 1, 2, 4])
        fast = wrap_text(text, width, size, bold, lines)
        assert fast == wrap_text(_NotAscii(text), width, size, bold, lines)

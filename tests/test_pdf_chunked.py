"""Long PDF tables laid out a page at a time break pages exactly where reportlab would."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate

from cxroadmap.export.cells import TextCell
from cxroadmap.export.chunked import ChunkedTable
from cxroadmap.export.fonts import font_set

HEADER = ["Initiative", "Owner", "Start"]
WIDTHS = [200.0, 120.0, 80.0]
ZEBRA = [HexColor("#ffffff"), HexColor("#eeeeee")]
STYLE = [
    ("ROWBACKGROUNDS", (0, 1), (-1, -1), ZEBRA),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


def _rows(n: int) -> list[list[object]]:
    # Titles of one to three lines, so rows differ in height.
    return [
        [TextCell(f"Row {i} " + "word " * (i % 3) * 12, 8), f"Team {i % 7}", f"day {i}"]
        for i in range(n)
    ]


def _pages(flowables: list[object]) -> list[str]:
    buffer = io.BytesIO()
    intro = Paragraph("A heading that takes some of the first page", getSampleStyleSheet()["h1"])
    SimpleDocTemplate(buffer, pagesize=A4).build([intro, *flowables])
    return [page.extract_text() for page in PdfReader(buffer).pages]


def test_the_pages_are_those_of_one_long_table_with_the_header_on_each() -> None:
    whole = LongTable([HEADER, *_rows(300)], colWidths=WIDTHS, repeatRows=1, style=STYLE)
    chunked = ChunkedTable(HEADER, _rows(300), WIDTHS, STYLE)
    expected = _pages([whole])
    pages = _pages([chunked])
    assert len(pages) == len(expected) > 5
    assert pages == expected
    assert all(page.count("Initiative") == 1 for page in pages)
    assert "Row 299" in pages[-1]


def test_zebra_rows_and_row_commands_follow_the_row_across_pages() -> None:
    red = HexColor("#c00000")
    marked = {100: [("TEXTCOLOR", (1, 0), (1, 0), red)]}
    chunked = ChunkedTable(HEADER, _rows(120), WIDTHS, STYLE, marked)
    chunked.wrap(400, 700)
    first, rest = chunked.split(400, 700)
    count = len(first.rows)
    assert 0 < count < 100
    assert rest._first == count
    # The second page starts with the colour the first one would have used next.
    second = rest.layout(0, 1)
    background = next(c for c in second.backgrounds if c[0] == "ROWBACKGROUNDS")
    assert background[3][0] == ZEBRA[count % 2]
    # Row 100 of the whole table is still the one in red, wherever its page starts.
    later = rest.layout(0, 120 - count)
    reds = [
        (r, c) for r, row in enumerate(later.styles) for c, s in enumerate(row) if s.color == red
    ]
    assert reds == [(100 - count + 1, 1)]


def test_a_table_that_fits_is_drawn_whole_and_an_empty_one_is_only_the_header() -> None:
    assert "Row 9" in _pages([ChunkedTable(HEADER, _rows(10), WIDTHS, STYLE)])[0]
    assert "Initiative" in _pages([ChunkedTable(HEADER, [], WIDTHS, STYLE)])[0]


def _streams(flowable: object) -> list[bytes]:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, pageCompression=0, invariant=1).build([flowable])
    return [page.get_contents().get_data() for page in PdfReader(buffer).pages]


def test_a_page_is_drawn_byte_for_byte_as_reportlabs_table_draws_it() -> None:
    fs = font_set()
    red = HexColor("#c00000")
    style = [
        ("FONT", (0, 0), (-1, 0), fs.bold, 8),
        ("FONT", (0, 1), (-1, -1), fs.regular, 7.5),
        ("LEADING", (0, 0), (-1, -1), 9.5),
        ("TEXTCOLOR", (0, 0), (-1, 0), HexColor("#ffffff")),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor("#204080")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [*ZEBRA, None]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, HexColor("#cccccc")),
        ("LINEABOVE", (0, 0), (-1, 0), 1, red),
        ("LINEAFTER", (1, 0), (1, -1), 0.5, red),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (1, 1), (1, -1), "MIDDLE"),
        ("VALIGN", (2, 1), (2, -1), "BOTTOM"),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ("ALIGN", (1, 1), (1, -1), "CENTRE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 1), (-1, -1), 2),
    ]
    rows = [
        [
            TextCell(f"Row {i} " + "word " * (i % 3) * 12, 7.5, bold=i % 5 == 0, swatch="#884422"),
            f"Team {i % 7}" + ("\nsecond line" if i % 6 == 0 else ""),
            f"{i * 1.5:,.2f} (ü)",
        ]
        for i in range(80)
    ]
    marks = {
        i: [("TEXTCOLOR", (2, 0), (2, 0), red), ("LINEBEFORE", (0, 0), (0, 0), 2, red)]
        for i in (3, 40)
    }
    placed = [
        (c[0], (c[1][0], i + 1), (c[2][0], i + 1), *c[3:]) for i, m in marks.items() for c in m
    ]
    whole = LongTable(
        [HEADER, *rows], colWidths=WIDTHS, repeatRows=1, style=style + placed, hAlign="LEFT"
    )
    expected = _streams(whole)
    pages = _streams(ChunkedTable(HEADER, rows, WIDTHS, style, marks))
    assert len(pages) == len(expected) > 1
    assert pages[0] == expected[0]  # later pages differ only where the zebra keeps its rhythm
    short = rows[:4]
    expected = _streams(LongTable([HEADER, *short], colWidths=WIDTHS, style=style, hAlign="LEFT"))
    drawn = _streams(ChunkedTable(HEADER, short, WIDTHS, style))
    assert drawn == expected


def test_a_command_it_does_not_draw_is_refused() -> None:
    with pytest.raises(ValueError, match="SPAN"):
        ChunkedTable(HEADER, _rows(3), WIDTHS, [("SPAN", (0, 0), (1, 0))]).wrap(400, 700)

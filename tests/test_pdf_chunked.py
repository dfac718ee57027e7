"""Long PDF tables laid out a page at a time break pages exactly where reportlab would."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate

from cxroadmap.export.cells import TextCell
from cxroadmap.export.chunked import ChunkedTable

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
    count = len(first._cellvalues) - 1
    assert 0 < count < 100
    assert rest._first == count
    # The second table starts with the colour the first one would have used next.
    second = rest._table(0, 1)
    background = next(c for c in second._bkgrndcmds if c[0] == "ROWBACKGROUNDS")
    assert background[3][0] == ZEBRA[count % 2]
    # Row 100 of the whole table is still the one in red, wherever its page starts.
    later = rest._table(0, 120 - count)
    reds = [
        (r, c)
        for r, row in enumerate(later._cellStyles)
        for c, s in enumerate(row)
        if s.color == red
    ]
    assert reds == [(100 - count + 1, 1)]


def test_a_table_that_fits_is_drawn_whole_and_an_empty_one_is_only_the_header() -> None:
    assert "Row 9" in _pages([ChunkedTable(HEADER, _rows(10), WIDTHS, STYLE)])[0]
    assert "Initiative" in _pages([ChunkedTable(HEADER, [], WIDTHS, STYLE)])[0]

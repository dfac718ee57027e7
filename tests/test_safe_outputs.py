"""Safe outputs (issue 9): no formula injection in CSV/XLSX, no forbidden characters in XML/ICS."""

from __future__ import annotations

import csv
import datetime as dt
import io
import xml.dom.minidom
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.interop.cell_safety import neutralise, restore
from cxroadmap.interop.formats import export_file, import_file

RISKY = [
    "=1+2",
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\tx",
    "\rx",
    "=cmd|' /C calc'!A0",
    "'=already quoted",
    "''@twice",
    "'plain apostrophe",
    "-3",
    "safe",
]


def _strategy(titles: list[str]) -> Strategy:
    s = Strategy("Safe", dt.date(2027, 1, 4))
    s.initiatives = {f"K{i}": Initiative(f"K{i}", t, 1, owner=t) for i, t in enumerate(titles)}
    return s


@pytest.mark.parametrize("text", RISKY)
def test_neutralise_and_restore_are_inverse(text: str) -> None:
    assert restore(neutralise(text)) == text


def test_csv_cells_a_spreadsheet_would_run_start_with_an_apostrophe_and_read_back_unchanged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "out.csv"
    export_file(_strategy(RISKY), None, path)
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    header = rows[0]
    data = rows[1 : 1 + len(RISKY)]
    titles = [row[header.index("title")] for row in data]
    assert titles[:4] == ["'=1+2", "'+1", "'-2+3", "'@SUM(A1)"]
    assert titles[4:8] == ["'\tx", "'\rx", "'=cmd|' /C calc'!A0", "''=already quoted"]
    assert titles[8:] == ["'''@twice", "'plain apostrophe", "'-3", "safe"]
    for row in data:
        for cell in row:
            assert not cell or cell[0] not in "=+-@\t\r"
    back = import_file(path)
    assert [i.title for i in back.initiatives.values()] == RISKY
    assert [i.owner for i in back.initiatives.values()] == RISKY


def test_xlsx_cells_are_text_never_formulas_and_read_back_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    titles = [t for t in RISKY if "\r" not in t]
    export_file(_strategy(titles), None, path)
    sheet = load_workbook(path)["Initiatives"]
    # The header people read (XLSX for people): "Title".
    column = [c.value for c in sheet[1]].index("Title") + 1
    cells = [sheet.cell(row=r, column=column) for r in range(2, 2 + len(titles))]
    assert [c.value for c in cells] == titles
    assert {c.data_type for c in cells} == {"s"}
    back = import_file(path)
    assert [i.title for i in back.initiatives.values()] == titles


BAD = "a\x01b\x0bc\x1fd\ud800e\ufffff"


def test_mspdi_and_ics_exports_hold_no_character_xml_or_icalendar_forbid(tmp_path: Path) -> None:
    strategy = _strategy([BAD, "ok"])
    strategy.name = "N\x02ame"
    xml_path, ics_path = tmp_path / "out.xml", tmp_path / "out.ics"
    export_file(strategy, None, xml_path)
    export_file(strategy, None, ics_path)
    data = xml_path.read_bytes()
    assert b"&#55296;" not in data and b"\x01" not in data
    xml.dom.minidom.parseString(data)  # well-formed
    back = import_file(xml_path)
    assert [i.title for i in back.initiatives.values()] == ["abcd\ufffdef", "ok"]
    text = ics_path.read_bytes().decode("utf-8")
    assert "SUMMARY:abcd\ufffde\ufffff" in text
    assert not any(ord(c) < 32 and c not in "\r\n\t" for c in text)


def test_svg_export_of_a_title_with_control_characters_is_well_formed_xml(
    qapp, tmp_path: Path
) -> None:
    from cxroadmap.ui.image_export import export_view_image

    strategy = _strategy([BAD, "ok"])
    strategy.name = "N\x02ame"
    path = tmp_path / "out.svg"
    export_view_image(strategy, None, path, view="timeline")
    document = xml.dom.minidom.parse(str(path))
    texts = [n.firstChild.data for n in document.getElementsByTagName("text") if n.firstChild]
    assert any("abcd\ufffdef" in t for t in texts)
    assert "Name" in document.getElementsByTagName("title")[0].firstChild.data

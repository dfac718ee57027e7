"""XLSX interchange: the three sheets cell by cell, a lossless round trip, errors by cell."""

import datetime as dt

import pytest
from interop_samples import MARKUP, cx_strategy, rich_strategy, small_strategy
from openpyxl import Workbook, load_workbook

from cxroadmap.domain.errors import ValidationError
from cxroadmap.interop.jsonfile import strategy_to_json
from cxroadmap.interop.xlsxfile import read_xlsx, write_xlsx
from cxroadmap.scheduling.planner import schedule


def _rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _midnight(year, month, day):
    return dt.datetime(year, month, day)


@pytest.fixture
def small_book(tmp_path):
    strategy = small_strategy()
    path = tmp_path / "small.xlsx"
    write_xlsx(strategy, schedule(strategy), path)
    return load_workbook(path)


def test_the_workbook_has_a_sheet_for_each_part_of_the_strategy(small_book):
    assert small_book.sheetnames == [
        "Strategy",
        "Initiatives",
        "Dependencies",
        "Touchpoints",
        "Opportunities",
        "Measures",
        "Phase - Short term",
    ]


def test_the_strategy_sheet_holds_one_field_per_row(small_book):
    assert _rows(small_book["Strategy"]) == [
        ["field", "value", None, None, None, None],
        ["key", None, None, None, None, None],
        ["parent", None, None, None, None, None],
        ["name", "Small plan", None, None, None, None],
        ["level", "team", None, None, None, None],
        ["start", _midnight(2027, 1, 4), None, None, None, None],
        ["owner", None, None, None, None, None],
        ["vision", None, None, None, None, None],
        ["mission", None, None, None, None, None],
        ["values", None, None, None, None, None],
        ["working_days", "mon", "tue", "wed", "thu", "fri"],
        ["holidays", None, None, None, None, None],
        ["max_parallel", None, None, None, None, None],
        ["currency", None, None, None, None, None],
        ["year_budgets", None, None, None, None, None],
        ["status_date", None, None, None, None, None],
        ["red_after_days", 10, None, None, None, None],
        ["scenario_of", None, None, None, None, None],
        ["phases", "Short term: 13w", "Medium term: 39w", "Long term", None, None],
        ["phase_budgets", None, None, None, None, None],
    ]
    assert small_book["Strategy"]["B6"].number_format == "yyyy-mm-dd"


def test_the_initiatives_sheet_has_typed_cells_and_computed_columns(small_book):
    sheet = small_book["Initiatives"]
    assert _rows(sheet) == [
        # Headers and values as people read them: labels, not codes; weeks where they divide.
        [
            "Key", "Title", "Pillar", "Duration", "Owner", "Not before", "Pinned to", "Impact",
            "Status", "Cost", "Description", "Actual start", "Actual finish", "% done",
            "RAG set by hand", "RAG reason", "Touchpoints", "Supports", "Start", "Finish",
            "Slack (days)", "Critical", "Scheduled phase",
        ],
        [
            "A", f"Vision {MARKUP}", "Vision and values", "1w", "Zoë", None, None, 4, "Planned",
            None, None, None, None, 0, None, None, None, None, _midnight(2027, 1, 4),
            _midnight(2027, 1, 8), 0, "yes", "Short term",
        ],
        [
            "B", "Hire, for mindset", "Recruitment and selection", "2w", None, None, None, 3,
            "Planned", None, None, None, None, 0, None, None, None, None,
            _midnight(2027, 1, 11), _midnight(2027, 1, 22), 0, "yes", "Short term",
        ],
        [
            "M", "Standards agreed", None, "0d", None, None, None, 3, "Planned", None, None,
            None, None, 0, None, None, None, None, _midnight(2027, 1, 13),
            _midnight(2027, 1, 13), 8, None, "Short term",
        ],
    ]  # fmt: skip
    assert sheet["S2"].number_format == "yyyy-mm-dd"
    assert sheet["S2"].is_date


def test_the_header_row_is_bold_frozen_and_computed_columns_look_different(small_book):
    sheet = small_book["Initiatives"]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet["R1"].fill.fgColor.rgb != sheet["S1"].fill.fgColor.rgb
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width


def test_the_dependencies_sheet_lists_from_to_type_and_lag(small_book):
    assert _rows(small_book["Dependencies"]) == [
        ["from", "to", "type", "lag"],
        ["A", "B", "FS", 0],
        ["B", "M", "SS", 2],
    ]


def test_an_xlsx_round_trip_loses_nothing_the_json_form_carries(tmp_path):
    strategy = cx_strategy()
    path = tmp_path / "rich.xlsx"
    write_xlsx(strategy, schedule(strategy), path)
    back = read_xlsx(path)
    assert back == strategy
    assert strategy_to_json(back) == strategy_to_json(strategy)


def test_touchpoints_opportunities_and_measures_have_their_own_sheets(tmp_path):
    strategy = cx_strategy()
    path = tmp_path / "cx.xlsx"
    write_xlsx(strategy, schedule(strategy), path)
    book = load_workbook(path)
    touchpoints = _rows(book["Touchpoints"])
    assert touchpoints[0] == [
        "key", "name", "stage", "channel", "now", "should", "gap",
        "standards", "measures", "no_value", "root_causes",
    ]  # fmt: skip
    assert touchpoints[1][:2] == ["TP-CALL", "Customer calls about a late delivery «angry»"]
    assert touchpoints[1][7] == "Answer within 3 rings; greet by name\n=no formula"
    assert _rows(book["Opportunities"]) == [
        ["touchpoint", "text", "initiative"],
        ["TP-CALL", "Give agents the carrier's tracking", "TP1"],
        ["TP-CALL", "Call back proactively; apologise", None],
    ]
    assert _rows(book["Measures"])[1] == [
        "FCR", "First-contact resolution", "%", 62, 80.5, _midnight(2027, 12, 31), "TP1\nTR2",
    ]  # fmt: skip
    initiatives = {row[0]: row for row in _rows(book["Initiatives"])}
    assert initiatives["VIS1"][17] == "CARE/VIS2\nORG/L1"
    assert initiatives["TR2"][17] == "ORG/T;1\n"  # a lone entry with ';' keeps a line end
    assert initiatives["TP1"][16] == "TP-CALL\nTP-WEB"
    assert _rows(book["Strategy"])[1:3] == [
        ["key", "CARE-T1", None, None, None],
        ["parent", "CARE", None, None, None],
    ]


def test_key_lists_typed_on_one_line_may_use_semicolons(tmp_path):
    book = _book(
        [["key", "title", "duration", "touchpoints"], ["A", "a", 1, "T1; T2"]],
        strategy=START,
    )
    sheet = book.create_sheet("Touchpoints")
    sheet.append(["key", "name", "gap", "standards"])
    sheet.append(["T1", "Call", 4, "Greet; smile\nSay your name"])
    sheet.append(["T2", "Visit", None, None])
    strategy = _read(tmp_path, book)
    assert strategy.initiatives["A"].touchpoints == ["T1", "T2"]
    assert strategy.touchpoints[0].standards == ["Greet; smile", "Say your name"]
    assert strategy.touchpoints[1].gap == 3


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    strategy = rich_strategy()
    path = tmp_path / "rich.xlsx"
    write_xlsx(strategy, schedule(strategy), path)
    sheet = load_workbook(path)["Initiatives"]
    cell = next(row[1] for row in sheet.iter_rows(min_row=2) if row[0].value == "X1")
    assert (cell.value, cell.data_type) == ("=SUM(A1:A3)", "s")


def _book(initiatives, strategy=None, dependencies=None):
    book = Workbook()
    book.remove(book.active)
    if strategy is not None:
        sheet = book.create_sheet("Strategy")
        for row in strategy:
            sheet.append(row)
    sheet = book.create_sheet("Initiatives")
    for row in initiatives:
        sheet.append(row)
    if dependencies is not None:
        sheet = book.create_sheet("Dependencies")
        for row in dependencies:
            sheet.append(row)
    return book


def _read(tmp_path, book, **options):
    path = tmp_path / "in.xlsx"
    book.save(path)
    return read_xlsx(path, **options)


def test_a_hand_made_workbook_needs_only_an_initiatives_sheet(tmp_path):
    book = _book(
        [
            ["Key", "Title", "Duration", "Not_before", "Depends_on", "Impact"],
            [101, "Numbers as keys", 3.0, dt.datetime(2027, 3, 1), None, 4.0],
            ["B", "Then", "2w", None, "101 SS+1d", None],
        ]
    )
    strategy = _read(tmp_path, book)
    assert strategy.name == "in"
    assert strategy.start == dt.date(2027, 3, 1)
    assert list(strategy.initiatives) == ["101", "B"]
    assert strategy.initiatives["101"].impact == 4
    assert strategy.initiatives["B"].duration == 10
    assert [(d.from_key, d.to_key, d.type, d.lag) for d in strategy.dependencies] == [
        ("101", "B", "SS", 1)
    ]


def test_a_link_may_be_given_on_both_sheets_when_they_agree(tmp_path):
    book = _book(
        [["key", "title", "duration", "depends_on"], ["A", "a", 1, None], ["B", "b", 1, "A"]],
        strategy=[["name", "Both"], ["start", dt.datetime(2027, 1, 4)]],
        dependencies=[["from", "to", "type", "lag"], ["A", "B", "FS", 0]],
    )
    assert len(_read(tmp_path, book).dependencies) == 1


def _error(tmp_path, book, **options):
    with pytest.raises(ValidationError) as info:
        _read(tmp_path, book, **options)
    return info.value


START = [["name", "x"], ["start", dt.datetime(2027, 1, 4)]]
HEAD = ["key", "title", "pillar", "duration"]


@pytest.mark.parametrize(
    ("book", "where", "problem"),
    [
        (_book([HEAD, ["A", "a", "", "3x"]], START), "Initiatives!D2 (duration)", "'3x'"),
        (_book([HEAD, ["A", "a", "", 1], ["A", "b", "", 1]], START), "Initiatives!A3 (key)",
         "duplicate key"),
        (_book([["key", "title", "durration"]], START), "Initiatives!C1", "'durration'"),
        (_book([["key", "title"]], START), "Initiatives!1", "'duration' is missing"),
        (_book([HEAD, ["A", "a", "", 1, "stray"]], START), "Initiatives!E2", "no header"),
        (_book([HEAD], [["name", "x"], ["strat", "2027-01-04"]]), "Strategy!A2",
         "unknown field 'strat'"),
        (_book([HEAD], [["name", "x"], ["start", "4 Jan"]]), "Strategy!B2 (start)", "YYYY"),
        (_book([HEAD], [*START, ["level", "city"]]),
         "Strategy!B3 (level)", "'city'"),
        (_book([HEAD], [*START, ["holidays", "2027-04-02", "soon"]]),
         "Strategy!C3 (holidays)", "'soon'"),
        (_book([HEAD], [["start", "2027-01-04"]]), "Strategy", "'name' is missing"),
        (_book([HEAD, ["A", "a", "", 1]], START, [["from", "to"], ["A", "Z"]]),
         "Dependencies!B2 (to)", "no initiative with key 'Z'"),
        (_book([HEAD, ["A", "a", "", 1], ["B", "b", "", 1]], START,
               [["from", "to", "type"], ["A", "B", "XX"]]),
         "Dependencies!C2 (type)", "'XX'"),
        (_book([HEAD, ["A", "a", "", 1], ["B", "b", "", 1]], START,
               [["from", "to", "lag"], ["A", "B", "soon"]]),
         "Dependencies!C2 (lag)", "'soon'"),
        (_book([[*HEAD, "depends_on"], ["A", "a", "", 1, None], ["B", "b", "", 1, "A SS"]],
               START, [["from", "to", "type"], ["A", "B", "FS"]]),
         "Dependencies!A2", "in different ways"),
    ],
)  # fmt: skip
def test_each_bad_cell_is_named_by_sheet_and_cell(tmp_path, book, where, problem):
    error = _error(tmp_path, book)
    assert error.where == where
    assert problem in error.problem


def test_a_workbook_without_an_initiatives_sheet_is_refused(tmp_path):
    book = Workbook()
    book.active.title = "Sheet1"
    error = _error(tmp_path, book)
    assert "no sheet named Initiatives" in error.problem


def test_a_file_that_is_not_a_workbook_is_a_clear_error(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("key,title,duration\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="not a readable XLSX workbook"):
        read_xlsx(path)


def test_an_existing_workbook_is_untouched_when_the_export_fails(tmp_path):
    strategy = small_strategy()
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"old")
    sched = schedule(strategy)
    del sched.items["M"]  # a schedule that does not match the strategy
    with pytest.raises(KeyError):
        write_xlsx(strategy, sched, path)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def _cx_book(touchpoints=(), opportunities=(), measures=(), initiative=("A", "a", 1, None, None)):
    book = _book(
        [["key", "title", "duration", "touchpoints", "supports"], list(initiative)],
        strategy=START,
    )
    for title, head, rows in (
        ("Touchpoints", ["key", "name", "gap"], touchpoints),
        ("Opportunities", ["touchpoint", "text", "initiative"], opportunities),
        ("Measures", ["key", "name", "baseline", "initiatives"], measures),
    ):
        sheet = book.create_sheet(title)
        sheet.append(head)
        for row in rows:
            sheet.append(list(row))
    return book


@pytest.mark.parametrize(
    ("book", "where", "problem"),
    [
        (_cx_book(initiative=("A", "a", 1, "T9", None)), "Initiatives!D2 (touchpoints)",
         "no touchpoint with key 'T9'"),
        (_cx_book(initiative=("A", "a", 1, None, "ORG/L1")), "Initiatives!E2 (supports)",
         "no parent strategy"),
        (_cx_book(initiative=("A", "a", 1, None, "L1")), "Initiatives!E2 (supports)",
         "STRATEGY/INITIATIVE"),
        (_cx_book([["T1", "Call", 9]]), "Touchpoints!C2 (gap)", "from 1 to 5"),
        (_cx_book([["T1", "Call", 2], ["T1", "Again", 2]]), "Touchpoints!A3 (key)",
         "duplicate touchpoint key"),
        (_cx_book([["T1", None, 2]]), "Touchpoints!B2 (name)", "must not be empty"),
        (_cx_book([["T1", "Call", 2]], [["T2", "Idea", None]]),
         "Opportunities!A2 (touchpoint)", "no touchpoint with key 'T2'"),
        (_cx_book([["T1", "Call", 2]], [["T1", "Idea", "Z"]]),
         "Opportunities!C2 (initiative)", "no initiative with key 'Z'"),
        (_cx_book([["T1", "Call", 2]], [["T1", None, "A"]]), "Opportunities!B2 (text)",
         "must not be empty"),
        (_cx_book(measures=[["M1", "NPS", "high", None]]), "Measures!C2 (baseline)",
         "expected a number"),
        (_cx_book(measures=[["M1", "NPS", 3, "A; Z"]]), "Measures!D2 (initiatives)",
         "no initiative with key 'Z'"),
    ],
)  # fmt: skip
def test_each_bad_touchpoint_opportunity_or_measure_cell_is_named(tmp_path, book, where, problem):
    error = _error(tmp_path, book)
    assert error.where == where
    assert problem in error.problem


def test_a_bad_strategy_key_is_named_by_its_cell(tmp_path):
    book = _book([HEAD], [*START, ["key", "not a key!"]])
    error = _error(tmp_path, book)
    assert (error.where, "letters, digits" in error.problem) == ("Strategy!B3 (key)", True)


def test_every_sheet_prints_landscape_fit_to_width_with_titles_and_a_filter(small_book):
    for sheet in small_book.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title


def test_a_phase_sheet_lists_its_initiatives_in_start_order(tmp_path):
    from openpyxl import load_workbook

    from cxroadmap.content.demo import demo_strategy

    strategy = demo_strategy()
    result = schedule(strategy)
    path = tmp_path / "demo.xlsx"
    write_xlsx(strategy, result, path)
    book = load_workbook(path)
    names = [n for n in book.sheetnames if n.startswith("Phase - ")]
    assert names == ["Phase - Short term", "Phase - Medium term", "Phase - Long term"]
    sheet = book["Phase - Medium term"]
    keys = [row[0].value for row in sheet.iter_rows(min_row=2)]
    expected = sorted(
        (k for k, i in result.items.items() if i.phase == "Medium term"),
        key=lambda k: result.items[k].start_day,
    )
    assert keys == expected
    # Re-importable without loss: the readable workbook reads back as the same strategy.
    back = read_xlsx(path)
    assert strategy_to_json(back) == strategy_to_json(strategy)

"""CSV interchange: exact text, round trips, and errors that name the row and column."""

import datetime as dt

import pytest
from interop_samples import rich_strategy, small_strategy

from cxroadmap.domain.errors import CycleError, ValidationError
from cxroadmap.interop.csvfile import csv_text, parse_csv, read_csv, write_csv
from cxroadmap.interop.jsonfile import strategy_to_json
from cxroadmap.scheduling.planner import schedule

HEADER = (
    "key,title,pillar,duration,owner,not_before,phase,impact,status,cost,description,"
    "actual_start,actual_finish,percent_complete,rag_override,rag_reason,depends_on"
)
FULL_HEADER = HEADER + ",start,finish,slack_days,critical,scheduled_phase"


def test_the_csv_export_of_a_small_strategy_is_exactly_this_text(tmp_path):
    strategy = small_strategy()
    path = tmp_path / "small.csv"
    write_csv(strategy, schedule(strategy), path)
    assert path.read_bytes().decode("utf-8") == (
        f"\ufeff{FULL_HEADER}\r\n"
        'A,"Vision <b>&""\' R&D",vision,5,Zoë,,,4,planned,,,,,0,,,,'
        "2027-01-04,2027-01-08,0,true,Short term\r\n"
        'B,"Hire, for mindset",recruitment,10,,,,3,planned,,,,,0,,,A,'
        "2027-01-11,2027-01-22,0,true,Short term\r\n"
        "M,Standards agreed,,0,,,,3,planned,,,,,0,,,B SS+2d,2027-01-13,2027-01-13,8,false,"
        "Short term\r\n"
        "# name: Small plan\r\n"
        "# start: 2027-01-04\r\n"
    )


def test_settings_lines_carry_a_non_default_working_week_and_holidays():
    strategy = rich_strategy()
    lines = csv_text(strategy, schedule(strategy)).split("\r\n")
    assert lines[0] == FULL_HEADER
    assert lines[-7:-1] == [
        "# name: Servicekultur 2027 – Łódź & 漢字",
        "# start: 2027-01-04",
        "# working_days: mon tue wed thu",
        "# holidays: 2027-01-07 2027-04-01",
        "# max_parallel: 2",
        "# phases: Now: 6w; Next: 20w; Later",
    ]
    assert lines[2].startswith("REC1,Hire for service mindset,recruitment,12,,2027-02-01,,4,")
    assert ",VIS1 FS+2d," in lines[2]
    tr2 = next(line for line in lines if line.startswith("TR2,"))
    assert ",TR1 SS+3d; VIS1 FF-2d," in tr2


def test_a_csv_round_trip_keeps_initiatives_dependencies_and_calendar(tmp_path):
    strategy = rich_strategy()
    path = tmp_path / "rich.csv"
    write_csv(strategy, schedule(strategy), path)
    back = read_csv(path)
    original, read = strategy_to_json(strategy), strategy_to_json(back)
    assert read["initiatives"] == original["initiatives"]
    assert sorted(map(str, read["dependencies"])) == sorted(map(str, original["dependencies"]))
    assert read["strategy"]["name"] == strategy.name
    assert back.start == strategy.start
    assert back.working_days == strategy.working_days
    assert back.holidays == strategy.holidays
    assert back.phases == strategy.phases
    assert back.max_parallel == 2
    assert {k: (i.start, i.finish) for k, i in schedule(back).items.items()} == {
        k: (i.start, i.finish) for k, i in schedule(strategy).items.items()
    }


def test_a_hand_written_csv_with_a_byte_order_mark_imports():
    text = (
        "\ufeffkey,title,duration,depends_on,not_before\n"
        "REC1,Hire for service,3w,,2027-01-04\n"
        "VIS2,Agree values,2m,REC1,\n"
        "TP3,Map touchpoints,12d,REC1; VIS2 SS+5d,\n"
        "TR1,Train,1w,TP3 FF-2d; REC1 +1w,\n"
    )
    strategy = parse_csv(text, "Hand made")
    assert strategy.name == "Hand made"
    assert strategy.start == dt.date(2027, 1, 4)
    assert [(k, i.duration) for k, i in strategy.initiatives.items()] == [
        ("REC1", 15),
        ("VIS2", 40),
        ("TP3", 12),
        ("TR1", 5),
    ]
    assert [(d.from_key, d.to_key, d.type, d.lag) for d in strategy.dependencies] == [
        ("REC1", "VIS2", "FS", 0),
        ("REC1", "TP3", "FS", 0),
        ("VIS2", "TP3", "SS", 5),
        ("TP3", "TR1", "FF", -2),
        ("REC1", "TR1", "FS", 5),
    ]


def test_a_semicolon_separated_file_from_excel_imports_too():
    text = "# name: Plan; v2\r\n# start: 2027-01-04\r\nkey;title;duration;depends_on\r\n"
    strategy = parse_csv(text + 'A;a, b;2;\r\nB;b;1;"A; "\r\n', "x")
    assert strategy.name == "Plan; v2"
    assert strategy.initiatives["A"].title == "a, b"
    assert [d.pair for d in strategy.dependencies] == [("A", "B")]


def test_a_comma_file_whose_name_holds_semicolons_and_line_breaks_stays_a_comma_file():
    strategy = small_strategy()
    strategy.name = "Plan;\nsecond; line"
    back = parse_csv(csv_text(strategy, schedule(strategy)), "x")
    assert back.name == strategy.name
    assert list(back.initiatives) == ["A", "B", "M"]


def test_keys_with_spaces_can_be_named_in_depends_on():
    text = "key,title,duration,depends_on\nMap it,Map,2,\nB,Then,1,Map it SS+1d\n"
    strategy = parse_csv(text, "x", start=dt.date(2027, 1, 4))
    assert [(d.from_key, d.type, d.lag) for d in strategy.dependencies] == [("Map it", "SS", 1)]


def test_the_start_comes_from_the_option_before_the_settings_line():
    text = "# start: 2027-01-04\nkey,title,duration\nA,a,1\n"
    assert parse_csv(text, "x").start == dt.date(2027, 1, 4)
    assert parse_csv(text, "x", start=dt.date(2028, 3, 1)).start == dt.date(2028, 3, 1)


def test_other_comment_lines_and_blank_rows_are_skipped():
    text = "# exported by hand\n\n# start: 2027-01-04\nkey,title,duration\n\nA,a,1\n,,\n"
    assert list(parse_csv(text, "x").initiatives) == ["A"]


def test_computed_columns_are_ignored_on_import():
    text = f"# start: 2027-01-04\n{FULL_HEADER}\nA,a,,1,,,,,,,,,,,,,,not a date,?,x,maybe,Nowhere\n"
    assert parse_csv(text, "x").initiatives["A"].duration == 1


def _error(text: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse_csv(text, "x", start=dt.date(2027, 1, 4))
    return info.value


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        ("key,title,duraton\nA,a,1\n", "row 1, column 3", "unknown column 'duraton'"),
        ("key,title\nA,a\n", "row 1", "required column 'duration' is missing"),
        ("key,title,duration,title\nA,a,1,b\n", "row 1, column 4", "appears twice"),
        ("key,title,duration\nA,a,1\nB,b,3x\n", "row 3, column duration", "'3x'"),
        ("key,title,duration\nA,a,-2\n", "row 2, column duration", "negative"),
        ("key,title,duration\nA,,2\n", "row 2, column title", "must not be empty"),
        ("key,title,duration\nA,a,1\nA,b,1\n", "row 3, column key", "duplicate key 'A'"),
        ("key,title,duration,impact\nA,a,1,7\n", "row 2, column impact", "1 to 5"),
        ("key,title,duration,status\nA,a,1,later\n", "row 2, column status", "'later'"),
        ("key,title,duration,not_before\nA,a,1,4/1/27\n", "row 2, column not_before", "YYYY"),
        (
            "key,title,duration,depends_on\nA,a,1,\nB,b,1,Z\n",
            "row 3, column depends_on",
            "no initiative with key 'Z'",
        ),
        (
            "key,title,duration,depends_on\nA,a,1,\nB,b,1,A XX+2d\n",
            "row 3, column depends_on",
            "no initiative with key 'A XX' (in 'A XX+2d')",
        ),
        (
            "key,title,duration,depends_on\nA,a,1,\nB,b,1,A SS+2q\n",
            "row 3, column depends_on",
            # A lag typo names the lag, not a key.
            "lag '+2q' in 'A SS+2q' is not a duration; use 12, 12d, 3w, 2m, '5 days'",
        ),
        ("key,title,duration,depends_on\nA,a,1,A\n", "row 2, column depends_on", "itself"),
        (
            "key,title,duration,depends_on\nA,a,1,\nB,b,1,A; A SS\n",
            "row 3, column depends_on",
            "named twice",
        ),
        ("key,title,duration\nA,a,1,extra\n", "row 2, column 4", "no header"),
        ("key,title,duration,phase\nA,a,1,Someday\n", "row 2, column phase", "'Someday'"),
    ],
)
def test_each_bad_cell_is_named_by_row_and_column(text, where, problem):
    error = _error(text)
    assert error.where == where
    assert problem in error.problem


def test_a_missing_start_says_how_to_give_one():
    with pytest.raises(ValidationError) as info:
        parse_csv("key,title,duration\nA,a,1\n", "x")
    assert info.value.where == "start"
    assert "# start: YYYY-MM-DD" in info.value.problem


def test_phases_can_be_set_in_a_settings_line():
    text = "# start: 2027-01-04\n# phases: Pilot: 4w; Roll-out: 8; Run\nkey,title,duration,phase\n"
    strategy = parse_csv(text + "A,a,1,Run\n", "x")
    assert [(p.name, p.weeks) for p in strategy.phases] == [
        ("Pilot", 4),
        ("Roll-out", 8),
        ("Run", None),
    ]
    assert strategy.initiatives["A"].phase == "Run"


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("# start: soon", "row 2, start"),
        ("# max_parallel: 0", "row 2, max_parallel"),
        ("# max_parallel: many", "row 2, max_parallel"),
        ("# working_days: mon fun", "row 2, working_days[1]"),
        ("# holidays: 2027-04-02 Easter", "row 2, holidays"),
        ("# phases: Now: 0w; Later", "row 2, phases"),
    ],
)
def test_a_bad_settings_line_is_named_by_its_row(line, where):
    with pytest.raises(ValidationError) as info:
        parse_csv(f"# name: x\n{line}\nkey,title,duration\nA,a,1\n", "x", dt.date(2027, 1, 4))
    assert info.value.where == where


def test_malformed_csv_is_a_clear_error_not_a_traceback():
    error = _error('key,title,duration\nA,"unfinished,1\n')
    assert error.where == "row 2"
    assert error.problem.startswith("malformed CSV")


def test_a_file_that_is_not_utf8_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("key,title,duration\nA,Café,1\n".encode("latin-1"))
    with pytest.raises(ValidationError, match="CSV UTF-8"):
        read_csv(path, start=dt.date(2027, 1, 4))


def test_a_dependency_cycle_names_its_keys():
    text = "key,title,duration,depends_on\nA,a,1,B\nB,b,1,A\n"
    with pytest.raises(CycleError, match="A -> B -> A"):
        parse_csv(text, "x", start=dt.date(2027, 1, 4))


def test_a_key_with_a_semicolon_cannot_be_exported_and_nothing_is_written(tmp_path):
    strategy = small_strategy()
    strategy.initiatives["A;1"] = strategy.initiatives.pop("A")
    strategy.initiatives["A;1"].key = "A;1"
    strategy.dependencies[0].from_key = "A;1"
    sched = schedule(strategy)
    path = tmp_path / "out.csv"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(ValidationError, match="';'"):
        write_csv(strategy, sched, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]

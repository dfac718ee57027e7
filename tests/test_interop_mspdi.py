"""MS Project XML (MSPDI): export, export -> import round trips, and errors in bad files."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from interop_samples import MARKUP, rich_strategy, small_strategy

from cxroadmap.domain.errors import ValidationError
from cxroadmap.interop.mspdi_read import parse_mspdi, read_mspdi
from cxroadmap.interop.mspdi_write import mspdi_bytes, write_mspdi
from cxroadmap.scheduling.planner import schedule

NS = {"p": "http://schemas.microsoft.com/project"}


def _export(strategy):
    return ET.fromstring(mspdi_bytes(strategy, schedule(strategy)))


def _task(root, name):
    return next(t for t in root.iterfind(".//p:Task", NS) if t.findtext("p:Name", "", NS) == name)


def _fields(task, *names):
    return tuple(task.findtext(f"p:{n}", None, NS) for n in names)


def test_the_export_is_an_mspdi_document_with_the_project_start():
    data = mspdi_bytes(small_strategy(), schedule(small_strategy()))
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
    root = ET.fromstring(data)
    assert root.tag == "{http://schemas.microsoft.com/project}Project"
    assert _fields(root, "Title", "StartDate", "FinishDate", "MinutesPerDay", "CalendarUID") == (
        "Small plan",
        "2027-01-04T08:00:00",
        "2027-01-22T17:00:00",
        "480",
        "1",
    )


def test_exported_tasks_carry_dates_durations_and_links():
    root = _export(small_strategy())
    names = "UID", "ID", "OutlineLevel", "Duration", "Start", "Finish", "Milestone", "Manual"
    assert _fields(_task(root, f"Vision {MARKUP}"), *names) == (
        "2", "2", "2", "PT40H0M0S", "2027-01-04T08:00:00", "2027-01-08T17:00:00", "0", "0",
    )  # fmt: skip
    hire = _task(root, "Hire, for mindset")
    assert _fields(hire, *names) == (
        "4", "4", "2", "PT80H0M0S", "2027-01-11T08:00:00", "2027-01-22T17:00:00", "0", "0",
    )  # fmt: skip
    assert _fields(hire.find("p:PredecessorLink", NS), "PredecessorUID", "Type", "LinkLag") == (
        "2",
        "1",
        "0",
    )
    milestone = _task(root, "Standards agreed")
    assert _fields(milestone, "OutlineLevel", "Duration", "Start", "Milestone") == (
        "1",
        "PT0H0M0S",
        # SS+2 after B (starting Monday 11th): the start of Wednesday, as Project shows it.
        "2027-01-13T08:00:00",
        "1",
    )
    # SS with a lag of 2 days: type 3, 2 x 480 minutes in tenths of a minute.
    link = milestone.find("p:PredecessorLink", NS)
    assert _fields(link, "PredecessorUID", "Type", "LinkLag", "LagFormat") == (
        "4",
        "3",
        "9600",
        "7",
    )


def test_each_pillar_becomes_a_summary_task_over_its_initiatives():
    root = _export(small_strategy())
    rows = [
        _fields(t, "UID", "Name", "OutlineNumber", "Summary")
        for t in root.iterfind(".//p:Task", NS)
    ]
    assert rows == [
        ("0", "Small plan", "0", "1"),
        ("1", "Vision and values", "1", "1"),
        ("2", f"Vision {MARKUP}", "1.1", "0"),
        ("3", "Recruitment and selection", "2", "1"),
        ("4", "Hire, for mindset", "2.1", "0"),
        ("5", "Standards agreed", "3", "0"),
    ]


def test_the_calendar_has_the_working_week_and_the_holidays():
    root = _export(rich_strategy())
    cal = root.find("p:Calendars/p:Calendar", NS)
    days = {
        int(d.findtext("p:DayType", "", NS)): d.findtext("p:DayWorking", "", NS)
        for d in cal.iterfind("p:WeekDays/p:WeekDay", NS)
        if d.findtext("p:DayType", "", NS) != "0"
    }
    assert days == {1: "0", 2: "1", 3: "1", 4: "1", 5: "1", 6: "0", 7: "0"}
    holidays = [
        e.findtext("p:TimePeriod/p:FromDate", "", NS)
        for e in cal.iterfind("p:Exceptions/p:Exception", NS)
    ]
    assert holidays == ["2027-01-07T00:00:00", "2027-04-01T00:00:00"]


def test_an_export_import_round_trip_gives_the_same_initiatives_links_and_schedule(tmp_path):
    strategy = rich_strategy()
    strategy.max_parallel = None  # Project has no capacity limit to carry it
    path = tmp_path / "rich.xml"
    before = schedule(strategy)
    write_mspdi(strategy, before, path)
    back = read_mspdi(path)
    assert back.name == strategy.name
    assert (back.start, back.working_days, back.holidays) == (
        strategy.start,
        strategy.working_days,
        strategy.holidays,
    )
    assert list(back.initiatives) == ["VIS1", "REC1", "TR1", "TR2", "TP1", "M1", "X1"]
    for key, ini in strategy.initiatives.items():
        other = back.initiatives[key]
        kept = ("title", "duration", "pillar", "owner", "impact", "description")
        assert [getattr(other, f) for f in kept] == [getattr(ini, f) for f in kept], key
    # A phase pin travels as "Start No Earlier Than" the phase's first day.
    assert back.initiatives["TR1"].not_before == dt.date(2027, 2, 15)
    assert sorted((d.from_key, d.to_key, d.type, d.lag) for d in back.dependencies) == sorted(
        (d.from_key, d.to_key, d.type, d.lag) for d in strategy.dependencies
    )
    after = schedule(back)
    assert {k: (i.start_day, i.finish_day) for k, i in after.items.items()} == {
        k: (i.start_day, i.finish_day) for k, i in before.items.items()
    }


def test_a_levelled_schedule_survives_the_round_trip_as_start_no_earlier_than(tmp_path):
    strategy = rich_strategy()  # at most 2 in parallel: TR2 waits one day for capacity
    before = schedule(strategy)
    assert before.items["TR2"].reason.startswith("capacity")
    path = tmp_path / "levelled.xml"
    write_mspdi(strategy, before, path)
    tr2 = _task(ET.parse(path).getroot(), "Training: content (ő, Ł, 漢)")
    # Start No Earlier Than its levelled start: every reader keeps it (few apply a delay).
    assert _fields(tr2, "ConstraintType", "ConstraintDate", "LevelingDelay") == (
        "4",
        f"{before.items['TR2'].start.isoformat()}T08:00:00",
        None,
    )
    back = read_mspdi(path)
    assert back.max_parallel is None
    assert back.initiatives["TR2"].not_before == before.items["TR2"].start
    after = schedule(back)
    assert {k: (i.start_day, i.finish_day) for k, i in after.items.items()} == {
        k: (i.start_day, i.finish_day) for k, i in before.items.items()
    }


def test_text_that_xml_cannot_hold_is_dropped_instead_of_breaking_the_file():
    strategy = small_strategy()
    strategy.initiatives["B"].title = "Bell\x07 and tab\there"
    root = _export(strategy)
    assert _task(root, "Bell and tab\there") is not None


def test_names_longer_than_the_schema_allows_are_cut_to_512_characters():
    strategy = small_strategy()
    strategy.initiatives["M"].title = "x" * 600
    assert len(_export(strategy).findall(".//p:Task", NS)[-1].findtext("p:Name", "", NS)) == 512


def _project(tasks, calendar=""):
    return (
        '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project">'
        "<StartDate>2027-01-04T08:00:00</StartDate><CalendarUID>1</CalendarUID>"
        f"<Calendars>{calendar}</Calendars><Tasks>{tasks}</Tasks></Project>"
    ).encode()


def _t(uid, level=1, duration="PT8H0M0S", extra=""):
    return (
        f"<Task><UID>{uid}</UID><Name>Task {uid}</Name><OutlineLevel>{level}</OutlineLevel>"
        f"<Duration>{duration}</Duration>{extra}</Task>"
    )


def _link(pred, type_=1, lag=0, lag_format=7):
    return (
        f"<PredecessorLink><PredecessorUID>{pred}</PredecessorUID><Type>{type_}</Type>"
        f"<LinkLag>{lag}</LinkLag><LagFormat>{lag_format}</LagFormat></PredecessorLink>"
    )


def test_a_link_into_a_summary_holds_back_its_first_tasks_only():
    tasks = (
        _t(1)
        + _t(2, 1, "PT0H0M0S")  # summary
        + _t(3, 2)
        + _t(4, 2, extra=_link(3))
        + _t(5, 2, extra=_link(3, 0))  # FF inside: 5 is not held back by 3
        + _t(6, 1, extra=_link(2))
    )
    # Put the link from 1 on the summary.
    tasks = tasks.replace("<Name>Task 2</Name>", f"<Name>Phase</Name>{_link(1)}")
    strategy = parse_mspdi(_project(tasks))
    assert sorted(d.pair for d in strategy.dependencies) == [
        ("T1", "T3"),
        ("T1", "T5"),
        ("T3", "T4"),
        ("T3", "T5"),
        ("T4", "T6"),
        ("T5", "T6"),
    ]
    assert strategy.initiatives["T4"].pillar == "Phase"


def test_a_start_to_start_link_from_a_summary_starts_at_its_first_tasks():
    tasks = _t(2, 1) + _t(3, 2) + _t(4, 2, extra=_link(3)) + _t(6, 1, extra=_link(2, 3, 4800))
    tasks = tasks.replace("<Name>Task 2</Name>", "<Name>Phase</Name>")
    strategy = parse_mspdi(_project(tasks))
    assert sorted((d.from_key, d.to_key, d.type, d.lag) for d in strategy.dependencies) == [
        ("T3", "T4", "FS", 0),
        ("T3", "T6", "SS", 1),
    ]


def test_elapsed_and_percent_lags_are_converted_to_working_days():
    tasks = (
        _t(1, duration="PT80H0M0S")
        + _t(2, extra=_link(1, 1, 7 * 24 * 600, 8))  # 7 elapsed days: one working week
        + _t(3, extra=_link(1, 1, 50, 19))  # 50 % of a 10-day predecessor
    )
    strategy = parse_mspdi(_project(tasks))
    assert [(d.to_key, d.lag) for d in strategy.dependencies] == [("T2", 5), ("T3", 5)]


def test_calendar_exceptions_become_holidays_and_a_part_day_task_a_whole_day():
    calendar = (
        "<Calendar><UID>1</UID><WeekDays>"
        "<WeekDay><DayType>7</DayType><DayWorking>1</DayWorking></WeekDay>"
        "<WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod>"
        "<FromDate>2027-01-05T00:00:00</FromDate><ToDate>2027-01-06T23:59:00</ToDate>"
        "</TimePeriod></WeekDay></WeekDays><Exceptions><Exception><TimePeriod>"
        "<FromDate>2027-04-02T00:00:00</FromDate><ToDate>2027-04-02T23:59:00</ToDate>"
        "</TimePeriod><Type>1</Type><DayWorking>0</DayWorking></Exception></Exceptions>"
        "</Calendar>"
    )
    strategy = parse_mspdi(_project(_t(1, duration="PT2H0M0S"), calendar))
    assert strategy.working_days == ("mon", "tue", "wed", "thu", "fri", "sat")
    assert strategy.holidays == [dt.date(2027, 1, 5), dt.date(2027, 1, 6), dt.date(2027, 4, 2)]
    assert strategy.initiatives["T1"].duration == 1


def test_progress_and_inactive_tasks_become_a_status():
    tasks = (
        _t(1, extra="<PercentComplete>100</PercentComplete>")
        + _t(2, extra="<PercentComplete>40</PercentComplete>")
        + _t(3, extra="<Active>0</Active>")
        + _t(4, extra="<PercentComplete>0</PercentComplete>")
    )
    statuses = [i.status for i in parse_mspdi(_project(tasks)).initiatives.values()]
    assert statuses == ["done", "in_progress", "dropped", "planned"]


@pytest.mark.parametrize(
    ("data", "where", "problem"),
    [
        (b"<Project><Tasks><Task>", "line 1, column 23", "malformed XML"),
        (b"<html xmlns='x'/>", "", "not an MS Project XML (MSPDI) file"),
        (_project(_t(3, duration="40 hours")), "Task UID 3", "'40 hours'"),
        (_project(_t(1) + _t(2, extra=_link(9))), "Task UID 2", "PredecessorUID 9"),
        (_project(_t(1) + _t(2, extra=_link(1, 7))), "Task UID 2", "unknown <Type> 7"),
        (_project(_t(1) + _t(1)), "Task UID 1", "used by two tasks"),
        (_project("<Task><Name>x</Name></Task>"), "Task #1", "<UID> is missing"),
        (_project(_t(1, extra="<Start>soon</Start><Manual>1</Manual>")), "Task UID 1", "soon"),
    ],
)
def test_a_bad_file_is_refused_naming_the_task_or_position(data, where, problem):
    with pytest.raises(ValidationError) as info:
        parse_mspdi(data)
    assert info.value.where == where
    assert problem in info.value.problem


def test_entity_expansion_is_refused_before_it_can_run():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b'<Project xmlns="http://schemas.microsoft.com/project"><Title>&lol2;</Title></Project>'
    )
    with pytest.raises(ValidationError, match="unsafe XML"):
        parse_mspdi(bomb)


def test_a_dependency_cycle_in_the_file_names_its_tasks():
    tasks = _t(1, extra=_link(2)) + _t(2, extra=_link(1))
    with pytest.raises(Exception, match="T1 -> T2 -> T1"):
        parse_mspdi(_project(tasks))

"""MSPDI progress and baselines: the real MS Project files, our own round trip, and MPXJ's."""

from __future__ import annotations

import datetime as dt

import pytest
from test_interop_mspdi_import import DATA
from test_interop_mspdi_import import pytestmark as needs_real_files
from test_rag import _worked

from cxroadmap.domain.baselines import BaselineEntry
from cxroadmap.interop.mspdi_read import parse_mspdi, read_mspdi_with_notes
from cxroadmap.interop.mspdi_write import mspdi_bytes, write_mspdi


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@needs_real_files  # like the other real-file tests: the files live in ../shared
def test_every_baseline_of_project_2016s_field_coverage_file_imports():
    strategy, notes = read_mspdi_with_notes(DATA / "task-baselines-project2016-mspdi.xml")
    names = ["Baseline", *(f"Baseline {n}" for n in range(1, 11))]
    assert [b.name for b in strategy.baselines] == names
    assert {len(b.entries) for b in strategy.baselines} == {8}
    assert {b.taken_on for b in strategy.baselines} == {d("2016-02-08")}  # CurrentDate
    assert strategy.chosen_baseline == "Baseline"  # BaselineForEarnedValue 0
    # Each task saved one field of one baseline; the rest comes from the task's own plan
    # (2016-02-08, one day), kept on the right side of what was saved.
    plan = d("2016-02-08")
    assert strategy.baseline("Baseline").entries == [
        BaselineEntry("T1", plan, plan, 1, "Short term"),  # cost only
        BaselineEntry("T12", plan, plan, 11, "Short term"),  # duration PT88H
        BaselineEntry("T23", d("2014-03-01"), d("2014-03-01"), 1, "Short term"),  # finish
        BaselineEntry("T34", d("2014-04-01"), plan, 1, "Short term"),  # start
        BaselineEntry("T45", plan, plan, 1, "Short term"),  # work only
        BaselineEntry("T56", plan, plan, 31, "Short term"),  # estimated duration PT248H
        BaselineEntry("T67", d("2014-01-01"), d("2014-01-01"), 1, "Short term"),
        BaselineEntry("T78", d("2014-02-01"), plan, 1, "Short term"),
    ]
    last = strategy.baseline("Baseline 10").by_key()
    assert (last["T22"].duration, last["T33"].finish, last["T44"].start) == (
        21,
        d("2014-03-10"),
        d("2014-04-10"),
    )
    assert not any("progress" in n or "Baseline" in n for n in notes)


@needs_real_files  # like the other real-file tests: the files live in ../shared
def test_every_baseline_of_the_2008_file_imports_and_its_reversed_dates_are_named():
    strategy, notes = read_mspdi_with_notes(DATA / "baselines.xml")
    assert [b.name for b in strategy.baselines] == [f"Baseline {n}" for n in range(1, 11)]
    assert strategy.chosen_baseline == "Baseline 1"  # no baseline 0: the lowest number
    for n, baseline in enumerate(strategy.baselines, start=1):
        # Start 2001-01-0n, finish 2000-01-0n (before it): the start is kept. PT7H30M a day.
        day = dt.date(2001, 1, n)
        assert baseline.entries == [BaselineEntry("T1", day, day, n, "Short term")]
        assert baseline.taken_on == d("2008-02-01")
    assert notes[0] == (
        "Baseline 1, task T1: its finish 2000-01-01 is before its start 2001-01-01; "
        "the start is used"
    )
    assert len(notes) == 10


def test_progress_and_baselines_survive_our_own_round_trip():
    strategy, result = _worked(True)
    back = parse_mspdi(mspdi_bytes(strategy, result))
    assert back.status_date == d("2027-01-20")
    facts = {k: (i.actual_start, i.actual_finish, i.percent_complete)
             for k, i in back.initiatives.items()}  # fmt: skip
    assert facts == {
        "A": (d("2027-01-04"), d("2027-01-08"), 100),
        "B": (d("2027-01-11"), None, 30),
        "C": (None, None, 0), "D": (None, None, 0), "M": (None, None, 0), "E": (None, None, 0),
    }  # fmt: skip
    assert back.baselines == strategy.baselines
    assert back.chosen_baseline == "Board approval"


def test_the_file_says_it_in_project_s_words():
    strategy, result = _worked(True)
    text = mspdi_bytes(strategy, result).decode()
    assert "<BaselineForEarnedValue>0</BaselineForEarnedValue>" in text
    assert "<StatusDate>2027-01-20T17:00:00</StatusDate>" in text
    assert "Baseline 0: Board approval, taken 2027-01-04" in text
    assert (
        "<Baseline>\n        <Number>0</Number>\n        <Start>2027-01-11T08:00:00</Start>\n"
        "        <Finish>2027-01-22T17:00:00</Finish>\n        <Duration>PT80H0M0S</Duration>"
    ) in text
    assert "<DurationFormat>7</DurationFormat>\n  <BaselineForEarnedValue>" in text


@pytest.fixture(scope="module")
def mpxj():
    import jpype
    import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

    if not jpype.isJVMStarted():
        jpype.startJVM()
    from org.mpxj.mspdi import MSPDIWriter
    from org.mpxj.reader import UniversalProjectReader

    return UniversalProjectReader, MSPDIWriter


def test_mpxj_reads_our_progress_and_baselines_and_its_file_reads_back_the_same(mpxj, tmp_path):
    reader, writer = mpxj
    strategy, result = _worked(True)
    ours, theirs = tmp_path / "ours.xml", tmp_path / "mpxj.xml"
    write_mspdi(strategy, result, ours)
    project = reader().read(str(ours))
    assert str(project.getProjectProperties().getStatusDate()) == "2027-01-20T17:00"
    tasks = {str(t.getName()): t for t in project.getTasks()}
    b = tasks["Train the team leads"]
    assert (str(b.getActualStart()), b.getActualFinish(), int(b.getPercentageComplete())) == (
        "2027-01-11T08:00",
        None,
        30,
    )
    a = tasks["Agree the vision"]
    assert (str(a.getActualFinish()), int(a.getPercentageComplete())) == ("2027-01-08T17:00", 100)
    assert (str(b.getBaselineStart()), str(b.getBaselineFinish())) == (
        "2027-01-11T08:00",
        "2027-01-22T17:00",
    )
    writer().write(project, str(theirs))
    back, notes = read_mspdi_with_notes(theirs)
    assert notes == []
    assert back.status_date == strategy.status_date
    assert back.baselines == strategy.baselines
    assert back.chosen_baseline == strategy.chosen_baseline
    for key, ini in strategy.initiatives.items():
        got = back.initiatives[key]
        # 0 % with an actual finish means 100 % (tracking.md); the file says 100.
        done = 100 if ini.actual_finish else ini.percent_complete
        assert (got.actual_start, got.actual_finish, got.percent_complete) == (
            ini.actual_start,
            ini.actual_finish,
            done,
        ), key

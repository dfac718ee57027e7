"""`cxroadmap set`: fields of several initiatives in one transaction, checked like the app."""

import pytest
from set_refusals import assert_refused, digest

from cxroadmap.app import main
from cxroadmap.storage.document import read_document


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    assert main(["demo", "-o", str(path)]) == 0
    return path


def test_several_keys_and_fields_in_one_call(doc, capsys):
    capsys.readouterr()
    code = main(
        ["set", str(doc), "LEAD1", "status=in_progress", "impact=5", "owner=Ana",
         "VIS1", "duration=3w", "not_before=2027-03-01", "--strategy", "ORG"]
    )  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out == f"set 5 fields of 2 initiatives in {doc}\n"
    org = read_document(doc)[0]
    lead, vis = org.initiatives["LEAD1"], org.initiatives["VIS1"]
    assert (lead.status, lead.impact, lead.owner) == ("in_progress", 5, "Ana")
    assert (vis.duration, str(vis.not_before)) == (15, "2027-03-01")


def test_lists_and_clearing(doc):
    assert main(["set", str(doc), "--strategy", "CARE", "C-COACH",
                 "touchpoints=C-WRITTEN,C-BILLING", "supports=ORG/PER2,ORG/TR4",
                 "not_before="]) == 0  # fmt: skip
    ini = next(s for s in read_document(doc) if s.key == "CARE").initiatives["C-COACH"]
    assert ini.touchpoints == ["C-WRITTEN", "C-BILLING"]
    assert [str(s) for s in ini.supports] == ["ORG/PER2", "ORG/TR4"]
    assert ini.not_before is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["LEAD1", "owner=Ana", "VIS1", "impact=9"],
         "initiatives[VIS1].impact: expected a whole number from 1 to 5, got 9"),
        (["LEAD1", "status=finished"], "initiatives[LEAD1].status: expected idea, planned,"),
        (["LEAD1", "colour=red"], "initiatives[LEAD1].colour: unknown initiative field 'colour'"),
        (["NOPE", "owner=Ana"], "initiatives[NOPE]: no initiative with key 'NOPE'"),
        (["LEAD1", "phase=Someday"], "initiatives[LEAD1].phase: no phase named 'Someday'"),
        (["LEAD1"], "initiatives[LEAD1]: no field=value given for this key"),
        (["LEAD1", "duration=soon"], "initiatives[LEAD1].duration: expected a duration"),
    ],
)  # fmt: skip
def test_a_bad_value_names_key_and_field_and_writes_nothing(doc, capsys, args, message):
    assert_refused(doc, capsys, args, message)


def test_from_csv(doc, tmp_path, capsys):
    table = tmp_path / "progress.csv"
    table.write_text("key,status,owner\nLEAD1,done,\nVIS1,in_progress,Ben\n", encoding="utf-8")
    assert main(["set", str(doc), "--from-csv", str(table)]) == 0
    org = read_document(doc)[0]
    assert org.initiatives["LEAD1"].status == "done"
    assert org.initiatives["LEAD1"].owner != ""  # an empty cell changes nothing
    assert (org.initiatives["VIS1"].status, org.initiatives["VIS1"].owner) == ("in_progress", "Ben")


def test_from_csv_bad_row_writes_nothing(doc, tmp_path, capsys):
    table = tmp_path / "bad.csv"
    table.write_text("key,impact\nLEAD1,4\nVIS1,0\n", encoding="utf-8")
    before = digest(doc)
    capsys.readouterr()
    assert main(["set", str(doc), "--from-csv", str(table)]) == 2
    assert "initiatives[VIS1].impact" in capsys.readouterr().err
    assert digest(doc) == before


def test_set_is_undoable_like_an_app_edit(doc):
    from cxroadmap.cli.set_command import build_edit

    org = read_document(doc)[0]
    before = org.initiatives["LEAD1"].owner
    edit = build_edit(org, [("LEAD1", {"owner": "Ana", "impact": "2"})])
    edit.apply(org)
    assert (org.initiatives["LEAD1"].owner, org.initiatives["LEAD1"].impact) == ("Ana", 2)
    edit.revert(org)
    assert org.initiatives["LEAD1"].owner == before


def test_progress_fields_and_the_status_date_in_one_call(doc, capsys):
    capsys.readouterr()
    code = main(
        ["set", str(doc), "--strategy", "ORG", "status_date=2027-02-01",
         "LEAD1", "actual_start=2027-01-11", "percent_complete=40",
         "VIS1", "actual_start=2027-01-04", "actual_finish=2027-01-15", "percent_complete=100",
         "status=done"]
    )  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert out == f"set 1 field of the strategy and 6 fields of 2 initiatives in {doc}\n"
    org = read_document(doc)[0]
    assert str(org.status_date) == "2027-02-01"
    lead, vis = org.initiatives["LEAD1"], org.initiatives["VIS1"]
    assert (str(lead.actual_start), lead.actual_finish, lead.percent_complete) == (
        "2027-01-11", None, 40,
    )  # fmt: skip
    assert (str(vis.actual_start), str(vis.actual_finish), vis.percent_complete) == (
        "2027-01-04", "2027-01-15", 100,
    )  # fmt: skip
    assert main(["set", str(doc), "--strategy", "ORG", "status_date="]) == 0
    assert read_document(doc)[0].status_date is None


def test_progress_from_csv(doc, tmp_path):
    table = tmp_path / "progress.csv"
    table.write_text(
        "key,actual_start,percent_complete\nLEAD1,2027-01-11,25\nVIS1,2027-01-05,\n",
        encoding="utf-8",
    )
    assert main(["set", str(doc), "--from-csv", str(table)]) == 0
    org = read_document(doc)[0]
    lead = org.initiatives["LEAD1"]
    assert (str(lead.actual_start), lead.percent_complete) == ("2027-01-11", 25)
    assert str(org.initiatives["VIS1"].actual_start) == "2027-01-05"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["LEAD1", "percent_complete=40"],
         "initiatives[LEAD1].percent_complete: 40 % complete needs an actual start"),
        (["LEAD1", "actual_start=2027-01-11", "percent_complete=140"],
         "initiatives[LEAD1].percent_complete: expected a whole number from 0 to 100, got 140"),
        (["LEAD1", "actual_start=2027-01-11", "percent_complete=4.5"],
         "initiatives[LEAD1].percent_complete: expected a whole number from 0 to 100, got 4.5"),
        (["LEAD1", "actual_finish=2027-01-15"],
         "initiatives[LEAD1].actual_finish: an actual finish needs an actual start"),
        (["LEAD1", "actual_start=2027-01-11", "actual_finish=2027-01-08"],
         "initiatives[LEAD1].actual_finish: 2027-01-08 is before the actual start 2027-01-11"),
        (["LEAD1", "actual_start=2027-01-11", "actual_finish=2027-01-15",
          "percent_complete=50"],
         "initiatives[LEAD1].percent_complete: 50 % complete does not fit an actual finish"),
        (["status_date=2027-01-08", "LEAD1", "actual_start=2027-01-11"],
         "initiatives[LEAD1].actual_start: 2027-01-11 is after the status date 2027-01-08"),
        (["LEAD1", "actual_start=2026-01-11"],
         "initiatives[LEAD1].actual_start: 2026-01-11 is before the strategy's start"),
        (["status_date=someday"], "strategy.status_date: expected a date as YYYY-MM-DD"),
        (["key=NEW"], "strategy.key: is changed with the cascade, not with set"),
        (["colour=red"], "strategy.colour: unknown strategy field 'colour'"),
    ],
)  # fmt: skip
def test_a_bad_progress_value_names_key_and_field_and_writes_nothing(doc, capsys, args, message):
    assert_refused(doc, capsys, ["--strategy", "ORG", *args], message)


def test_an_earlier_status_date_that_strands_an_actual_date_is_refused(doc, capsys):
    assert main(["set", str(doc), "--strategy", "ORG", "LEAD1", "actual_start=2027-01-11"]) == 0
    before = digest(doc)
    capsys.readouterr()
    assert main(["set", str(doc), "--strategy", "ORG", "status_date=2027-01-08"]) == 2
    assert capsys.readouterr().err == (
        f"error: {doc}: initiatives[LEAD1].actual_start: 2027-01-11 is after the status date "
        "2027-01-08\n"
    )
    assert digest(doc) == before

"""`cxroadmap set --measure`: readings and measure fields from a script or a CSV, all or nothing."""

import datetime as dt

import pytest
from set_refusals import assert_refused, digest

from cxroadmap.app import main
from cxroadmap.domain.measures import Reading
from cxroadmap.storage.document import read_document


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    assert main(["demo", "-o", str(path)]) == 0
    return path


def measure(doc, key):
    return read_document(doc)[0].measure(key)


def test_readings_and_fields_of_measures_with_initiatives_in_one_call(doc, capsys):
    capsys.readouterr()
    code = main(
        ["set", str(doc), "--measure", "FCR", "reading=2027-06-30:66.5", "reading=2027-03-31:63",
         "target=82", "LEAD1", "owner=Ana", "--measure", "net promoter score",
         "reading=2027-03-31:11"]
    )  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out == (
        f"set 1 field of 1 initiatives in {doc}\nset 4 values of measures in {doc}\n"
    )
    fcr = measure(doc, "FCR")
    assert fcr.readings == [
        Reading(dt.date(2027, 3, 31), 63.0),
        Reading(dt.date(2027, 6, 30), 66.5),
    ]
    assert fcr.target == 82.0
    assert measure(doc, "NPS").readings == [Reading(dt.date(2027, 3, 31), 11.0)]
    assert read_document(doc)[0].initiatives["LEAD1"].owner == "Ana"


def test_a_reading_on_the_same_date_is_replaced_and_an_empty_value_deletes_it(doc):
    assert main(["set", str(doc), "--measure=FCR", "reading=2027-03-31:63"]) == 0
    assert main(["set", str(doc), "--measure", "FCR", "reading=2027-03-31:64",
                 "reading=2027-06-30:66"]) == 0  # fmt: skip
    assert [r.value for r in measure(doc, "FCR").readings] == [64.0, 66.0]
    assert main(["set", str(doc), "--measure", "FCR", "reading=2027-03-31:"]) == 0
    assert measure(doc, "FCR").readings == [Reading(dt.date(2027, 6, 30), 66.0)]


def test_readings_from_a_csv_in_any_order(doc, tmp_path):
    table = tmp_path / "readings.csv"
    table.write_text(
        "measure,date,value\nFCR,2027-06-30,66.5\nFCR,2027-03-31,63\nCES,2027-03-31,4.1\n",
        encoding="utf-8",
    )
    assert main(["set", str(doc), "--from-csv", str(table)]) == 0
    assert [r.value for r in measure(doc, "FCR").readings] == [63.0, 66.5]
    assert measure(doc, "CES").readings == [Reading(dt.date(2027, 3, 31), 4.1)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--measure", "FCR", "reading=2027-06-31:3"], "measures[FCR].readings.date"),
        (["--measure", "FCR", "reading=2027-06-30:lots"],
         "measures[FCR].readings.value: expected a number, got 'lots'"),
        (["--measure", "FCR", "reading=66"], "measures[FCR].readings: expected DATE:VALUE"),
        (["--measure", "FCR", "reading=2027-06-30:"],
         "measures[FCR].readings.date: no reading on 2027-06-30"),
        (["--measure", "XYZ", "reading=2027-06-30:1"],
         "measures[XYZ]: no measure with key or name 'XYZ'"),
        (["--measure", "FCR"], "measures[FCR]: no field=value given for this measure"),
        (["--measure", "FCR", "colour=red"], "measures[FCR].colour: unknown measure field"),
        (["--measure", "FCR", "reading=2027-06-30:1", "LEAD1", "impact=9"],
         "initiatives[LEAD1].impact"),
    ],
)  # fmt: skip
def test_a_bad_reading_names_measure_and_field_and_writes_nothing(doc, capsys, args, message):
    assert_refused(doc, capsys, args, message)


def test_a_bad_csv_row_writes_nothing(doc, tmp_path, capsys):
    table = tmp_path / "readings.csv"
    table.write_text("measure,date,value\nFCR,2027-03-31,63\nFCR,,4\n", encoding="utf-8")
    before = digest(doc)
    capsys.readouterr()
    assert main(["set", str(doc), "--from-csv", str(table)]) == 2
    assert f"{table}:3: the measure and date cells are required" in capsys.readouterr().err
    assert digest(doc) == before


def test_a_rag_status_is_set_by_hand_with_its_reason_and_checked(doc, capsys):
    assert main(["set", str(doc), "LEAD1", "rag_override=Amber",
                 "rag_reason=Sponsor on leave until March"]) == 0  # fmt: skip
    lead = read_document(doc)[0].initiatives["LEAD1"]
    assert (lead.rag_override, lead.rag_reason) == ("amber", "Sponsor on leave until March")
    before = digest(doc)
    capsys.readouterr()
    assert main(["set", str(doc), "LEAD1", "rag_override=purple"]) == 2
    assert capsys.readouterr().err.startswith(
        f"error: {doc}: initiatives[LEAD1].rag_override: expected blank, red, amber or green, "
        "got 'purple'"
    )
    assert digest(doc) == before
    assert main(["set", str(doc), "LEAD1", "rag_override="]) == 0  # back to automatic
    assert read_document(doc)[0].initiatives["LEAD1"].rag_override == ""

"""Lists inside one item merge per element between two laptops, against a real server:
an initiative's touchpoint and support links, a measure's linked initiatives and
readings, a touchpoint's opportunities and notes, the strategy's values and budgets."""

import datetime as dt
import json

import pytest
from workspace_helpers import edit, strategy, sync

from cxroadmap.app import main
from cxroadmap.domain.edits import ChangeInitiative, ChangeStrategy
from cxroadmap.domain.measure_edits import LinkMeasure, UnlinkMeasure
from cxroadmap.domain.reading_edits import AddReading, ChangeReading
from cxroadmap.domain.touchpoint_edits import (
    AddOpportunity,
    ChangeTouchpoint,
    LinkTouchpoint,
    RemoveOpportunity,
    UnlinkTouchpoint,
)
from cxroadmap.domain.touchpoints import Opportunity


def both_sync(a, b, capsys):
    """a, then b, then a again: both copies hold everything."""
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0


def care(path):
    return strategy(path, "CARE")


def test_links_added_on_both_sides_are_both_kept_and_an_untouched_removal_goes(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    assert care(a).initiatives["C-COACH"].touchpoints == []
    assert care(a).initiatives["C-STD"].touchpoints == ["C-WRITTEN"]
    edit(a, "CARE", LinkTouchpoint("C-COACH", "C-BILLING"))
    edit(a, "CARE", LinkTouchpoint("C-STD", "C-BILLING"))
    edit(b, "CARE", LinkTouchpoint("C-COACH", "C-WRITTEN"))
    edit(b, "CARE", UnlinkTouchpoint("C-STD", "C-WRITTEN"))
    both_sync(a, b, capsys)
    # Added at the same place on both sides: the one synced first (a's) comes first.
    for path in (a, b):
        initiatives = care(path).initiatives
        assert initiatives["C-COACH"].touchpoints == ["C-BILLING", "C-WRITTEN"]
        assert initiatives["C-STD"].touchpoints == ["C-BILLING"]
    server = ws.server_items("CARE")
    assert server[("initiative", "C-COACH")]["touchpoints"] == ["C-BILLING", "C-WRITTEN"]
    assert server[("initiative", "C-STD")]["touchpoints"] == ["C-BILLING"]


def test_measure_links_merge_per_initiative(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    before = care(a).measure("C-FCR").initiatives
    assert before == ["C-HAND", "C-AUTH", "C-TRAIN"]
    edit(a, "CARE", LinkMeasure("C-FCR", "C-STD"))
    edit(a, "CARE", UnlinkMeasure("C-FCR", "C-HAND"))
    edit(b, "CARE", LinkMeasure("C-FCR", "C-COACH"))
    both_sync(a, b, capsys)
    for path in (a, b):
        assert care(path).measure("C-FCR").initiatives == ["C-AUTH", "C-TRAIN", "C-STD", "C-COACH"]


def test_support_links_and_strategy_values_merge_per_element(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    assert main(["set", str(a), "--strategy", "CARE", "C-STD", "supports=ORG/TR2,ORG/EMP1"]) == 0
    assert main(["set", str(b), "--strategy", "CARE", "C-STD", "supports=ORG/TR2,ORG/TR4"]) == 0
    values = strategy(a, "ORG").values
    assert values == ["Own the outcome", "Make it easy", "Calm under pressure", "Learn every day"]
    edit(a, "ORG", ChangeStrategy({"values": [*values, "Listen"]}))
    edit(b, "ORG", ChangeStrategy({"values": [v for v in values if v != "Make it easy"]}))
    both_sync(a, b, capsys)
    for path in (a, b):
        supports = [str(s) for s in care(path).initiatives["C-STD"].supports]
        assert supports == ["ORG/TR2", "ORG/EMP1", "ORG/TR4"]
        # a added "Listen"; b removed "Make it easy", which a left alone.
        assert strategy(path, "ORG").values == [
            "Own the outcome", "Calm under pressure", "Learn every day", "Listen",
        ]  # fmt: skip


def test_the_same_reading_changed_differently_is_a_conflict_and_the_rest_merges(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    edit(a, "CARE", AddReading("C-FCR", dt.date(2027, 3, 1), 60.0))
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[0] == 0
    # Both change the 1 March reading; a adds April, b adds May.
    edit(a, "CARE", ChangeReading("C-FCR", dt.date(2027, 3, 1), new_value=61.0))
    edit(a, "CARE", AddReading("C-FCR", dt.date(2027, 4, 1), 64.0))
    edit(b, "CARE", ChangeReading("C-FCR", dt.date(2027, 3, 1), new_value=62.0))
    edit(b, "CARE", AddReading("C-FCR", dt.date(2027, 5, 1), 66.0))
    assert sync(a, capsys)[0] == 0
    code, out, _ = sync(b, capsys)
    assert code == 3
    line = next(x for x in out.splitlines() if x.startswith("CARE\t"))
    fields = line.split("\t")
    assert fields[:3] == ["CARE", "measure:C-FCR", "readings"]
    mine, theirs = json.loads(fields[3]), json.loads(fields[4])
    # Each side's value of the reading in dispute, and both additions in both.
    assert mine == [["2027-03-01", 62.0], ["2027-04-01", 64.0], ["2027-05-01", 66.0]]
    assert theirs == [["2027-03-01", 61.0], ["2027-04-01", 64.0], ["2027-05-01", 66.0]]
    assert [r.value for r in care(b).measure("C-FCR").readings] == [62.0, 64.0, 66.0]
    # b's May reading is on the server already; the disputed value is not.
    server = ws.server_items("CARE")[("measure", "C-FCR")]["readings"]
    assert server == theirs
    assert main(["resolve", str(b), "measure:C-FCR.readings", "--theirs"]) == 0
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    for path in (a, b):
        assert [r.value for r in care(path).measure("C-FCR").readings] == [61.0, 64.0, 66.0]


def test_readings_added_after_the_same_one_on_both_sides_stay_in_date_order(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    edit(a, "CARE", AddReading("C-FCR", dt.date(2027, 3, 1), 60.0))
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[0] == 0
    edit(a, "CARE", AddReading("C-FCR", dt.date(2027, 5, 1), 66.0))
    edit(b, "CARE", AddReading("C-FCR", dt.date(2027, 4, 1), 64.0))
    both_sync(a, b, capsys)
    for path in (a, b):
        days = [r.date.isoformat() for r in care(path).measure("C-FCR").readings]
        assert days == ["2027-03-01", "2027-04-01", "2027-05-01"]
    assert main(["check", str(b)]) == 0


def test_an_opportunity_changed_on_one_side_and_removed_on_the_other_is_a_conflict(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    tp = care(a).touchpoint("C-BILLING")
    assert [o.text for o in tp.opportunities][:2] == [
        "Redesign the care-billing hand-off",
        "Goodwill credit up to 50",
    ]
    # a unlinks the goodwill opportunity from its initiative; b removes it and adds one.
    opportunities = [
        Opportunity(o.text, None if i == 1 else o.initiative_key)
        for i, o in enumerate(tp.opportunities)
    ]
    edit(a, "CARE", ChangeTouchpoint("C-BILLING", {"opportunities": opportunities}))
    edit(b, "CARE", RemoveOpportunity("C-BILLING", 1))
    edit(b, "CARE", AddOpportunity("C-BILLING", "Bill explained on the first call"))
    assert sync(a, capsys)[0] == 0
    code, out, _ = sync(b, capsys)
    assert code == 3
    line = next(x for x in out.splitlines() if x.startswith("CARE\t"))
    assert line.split("\t")[:3] == ["CARE", "touchpoint:C-BILLING", "opportunities"]
    # Keep mine (the removal): b's new opportunity stays, the goodwill one goes for both.
    assert main(["resolve", str(b), "touchpoint:C-BILLING.opportunities", "--mine"]) == 0
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    for path in (a, b):
        texts = [o.text for o in care(path).touchpoint("C-BILLING").opportunities]
        assert "Goodwill credit up to 50" not in texts
        assert texts[0] == "Redesign the care-billing hand-off"
        assert texts[-1] == "Bill explained on the first call"


def test_notes_and_year_budgets_merge_per_element(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    standards = care(a).touchpoint("C-BILLING").standards
    edit(a, "CARE", ChangeTouchpoint("C-BILLING", {"standards": [*standards, "Call back in 1 h"]}))
    edit(b, "CARE", ChangeTouchpoint("C-BILLING", {"standards": [*standards, "No jargon"]}))
    edit(a, "ORG", ChangeStrategy({"year_budgets": {2027: 1_300_000.0, 2028: 700_000.0}}))
    edit(
        b, "ORG", ChangeStrategy({"year_budgets": {2027: 1_300_000.0, 2028: 600_000.0, 2029: 1.0}})
    )
    both_sync(a, b, capsys)
    for path in (a, b):
        got = care(path).touchpoint("C-BILLING").standards
        assert got == [*standards, "Call back in 1 h", "No jargon"]
        budgets = strategy(path, "ORG").year_budgets
        assert budgets == {2027: 1_300_000.0, 2028: 700_000.0, 2029: 1.0}


def test_the_same_list_changed_the_same_way_is_no_conflict(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    for path in (a, b):
        edit(path, "CARE", LinkTouchpoint("C-COACH", "C-BILLING"))
    edit(a, "CARE", ChangeInitiative("C-COACH", {"owner": "Ana"}))
    both_sync(a, b, capsys)
    for path in (a, b):
        ini = care(path).initiatives["C-COACH"]
        assert (ini.touchpoints, ini.owner) == (["C-BILLING"], "Ana")


@pytest.mark.parametrize(
    ("kind", "name", "base", "mine", "theirs", "merged"),
    [
        # readings by date: a value changed on one side, a reading added on the other
        ("measure", "readings", [["2027-03-01", 1.0]], [["2027-03-01", 2.0]],
         [["2027-02-01", 0.5], ["2027-03-01", 1.0]],
         ([["2027-02-01", 0.5], ["2027-03-01", 2.0]],) * 2),
        # the same value twice is two elements: one side removes one of them
        ("strategy", "values", ["x", "x", "y"], ["x", "y"], ["x", "x", "y", "z"],
         (["x", "y", "z"],) * 2),
        # removed on both sides, added on none
        ("measure", "initiatives", ["A", "B"], ["A"], ["A"], (["A"], ["A"])),
        # moved differently on both sides: a conflict, each side's order
        ("initiative", "touchpoints", ["a", "b", "c"], ["c", "a", "b"], ["b", "c", "a"],
         (["c", "a", "b"], ["b", "c", "a"])),
        # a field that is not a list (a newer client's value of another shape): whole
        ("initiative", "touchpoints", ["a"], "a,b", ["a", "c"], None),
    ],
)  # fmt: skip
def test_merge_list_cases(kind, name, base, mine, theirs, merged):
    from cxroadmap.storage.workspace.list_merge import merge_list

    assert merge_list(kind, name, base, mine, theirs) == merged

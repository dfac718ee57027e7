"""Touchpoints, measures and alignment links in the domain: edits, validation, warnings."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from cx_samples import cascade_strategies, touchpoint_strategy

from cxroadmap.domain.alignment_edits import AddSupport, RemoveSupport
from cxroadmap.domain.cascade import Cascade, validate_cascade
from cxroadmap.domain.cascade_edits import rename_initiative_key, rename_strategy_key
from cxroadmap.domain.cx_checks import addressing, touchpoint_warnings
from cxroadmap.domain.edits import ChangeInitiative, ChangeStrategy, RemoveInitiative
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.measure_edits import (
    AddMeasure,
    ChangeMeasure,
    LinkMeasure,
    RemoveMeasure,
    UnlinkMeasure,
)
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Initiative
from cxroadmap.domain.support import SupportLink
from cxroadmap.domain.touchpoint_edits import (
    AddOpportunity,
    AddTouchpoint,
    ChangeTouchpoint,
    ConvertOpportunity,
    LinkTouchpoint,
    RemoveOpportunity,
    RemoveTouchpoint,
    UnlinkTouchpoint,
)
from cxroadmap.domain.touchpoints import Touchpoint
from cxroadmap.domain.validation import validate_strategy

UNADDRESSED = "Touchpoint REFUND (Refund arrives) has a gap of 4 and no initiative addresses it"


def supporters_of(cascade, strategy, key):  # type: ignore[no-untyped-def]
    """The support pairs whose parent is `key` of `strategy`."""
    return [
        p for p in cascade.support_pairs() if p.parent_strategy is strategy and p.parent.key == key
    ]


def test_converting_an_opportunity_adds_the_initiative_and_links_both_in_one_step():
    strategy = touchpoint_strategy()
    before = copy.deepcopy(strategy)
    edit = ConvertOpportunity("CALL", 0, Initiative("AUTH", "Refund authority", 10, "empowerment"))
    change = edit.apply(strategy)
    assert strategy.initiatives["AUTH"].touchpoints == ["CALL"]
    assert strategy.touchpoints[0].opportunities[0].initiative_key == "AUTH"
    assert change.initiatives == {"AUTH"} and change.touchpoints
    validate_strategy(strategy)
    edit.revert(strategy)
    assert strategy == before


def test_a_converted_opportunity_gets_a_suggested_initiative_when_none_is_given():
    strategy = touchpoint_strategy()
    ConvertOpportunity("CALL", 0).apply(strategy)
    made = strategy.initiatives["CALL-1"]
    assert made.title == "Refund authority at the front line"
    assert made.pillar == "empowerment" and made.touchpoints == ["CALL"]


def test_an_opportunity_cannot_be_converted_twice():
    strategy = touchpoint_strategy()
    ConvertOpportunity("CALL", 0).apply(strategy)
    with pytest.raises(ValidationError) as error:
        ConvertOpportunity("CALL", 0).apply(strategy)
    assert error.value.where == "touchpoints[CALL].opportunities[0]"


def test_a_large_gap_without_an_initiative_warns_until_one_addresses_it():
    strategy = touchpoint_strategy()
    assert touchpoint_warnings(strategy) == [UNADDRESSED]
    link = LinkTouchpoint("FIX", "REFUND")
    link.apply(strategy)
    assert touchpoint_warnings(strategy) == []
    assert addressing(strategy) == {"CALL": ["MAP", "TR1"], "REFUND": ["FIX"]}
    link.revert(strategy)
    assert touchpoint_warnings(strategy) == [UNADDRESSED]


def test_a_dropped_initiative_does_not_address_a_touchpoint():
    strategy = touchpoint_strategy()
    LinkTouchpoint("FIX", "REFUND").apply(strategy)
    ChangeInitiative("FIX", {"status": "dropped"}).apply(strategy)
    assert touchpoint_warnings(strategy) == [UNADDRESSED]


def test_a_gap_addressed_by_training_alone_warns_until_the_cause_gets_an_initiative():
    strategy = touchpoint_strategy()
    LinkTouchpoint("FIX", "REFUND").apply(strategy)
    ChangeTouchpoint("CALL", {"gap": 3}).apply(strategy)
    assert touchpoint_warnings(strategy) == []  # MAP (touchpoints) and TR1 (training)
    UnlinkTouchpoint("MAP", "CALL").apply(strategy)
    assert touchpoint_warnings(strategy) == [
        "Touchpoint CALL (Customer calls with a complaint) has a gap of 3 addressed by training "
        "alone (TR1): training treats symptoms; the cause needs its own initiative"
    ]
    LinkTouchpoint("FIX", "CALL").apply(strategy)
    assert touchpoint_warnings(strategy) == []


def test_a_small_gap_left_to_training_is_not_a_warning():
    strategy = touchpoint_strategy()
    LinkTouchpoint("FIX", "REFUND").apply(strategy)
    UnlinkTouchpoint("MAP", "CALL").apply(strategy)  # CALL has gap 2
    assert touchpoint_warnings(strategy) == []


EDITS = [
    lambda: AddTouchpoint(Touchpoint("WEB", "Website search", gap=5), 0),
    lambda: RemoveTouchpoint("CALL"),
    lambda: ChangeTouchpoint("CALL", {"key": "PHONE", "gap": 5, "root_causes": ["a", "b"]}),
    lambda: AddOpportunity("REFUND", "Send refunds by bank transfer"),
    lambda: RemoveOpportunity("CALL", 0),
    lambda: LinkTouchpoint("FIX", "REFUND"),
    lambda: UnlinkTouchpoint("TR1", "CALL"),
    lambda: AddMeasure(Measure("CES", "Customer effort score", "", 4.1, 3.0, None, ["FIX"])),
    lambda: RemoveMeasure("FCR"),
    lambda: ChangeMeasure("FCR", {"key": "FCR2", "baseline": "60,5", "target_date": "2028-01-31"}),
    lambda: LinkMeasure("FCR", "FIX"),
    lambda: UnlinkMeasure("FCR", "MAP"),
    lambda: RemoveInitiative("MAP"),
    lambda: ChangeInitiative("MAP", {"key": "MAP2"}),
    lambda: ChangeInitiative("FIX", {"touchpoints": ["REFUND", "CALL"]}),
]


@pytest.mark.parametrize("make", EDITS)
def test_every_cx_edit_reverts_exactly(make):
    strategy = touchpoint_strategy()
    ConvertOpportunity("CALL", 0, Initiative("AUTH", "Refund authority", 5)).apply(strategy)
    before = copy.deepcopy(strategy)
    edit = make()
    edit.apply(strategy)
    validate_strategy(strategy)
    assert strategy != before
    edit.revert(strategy)
    assert strategy == before


def test_removing_an_initiative_drops_its_measure_and_opportunity_links():
    strategy = touchpoint_strategy()
    ConvertOpportunity("CALL", 0, Initiative("AUTH", "Refund authority", 5)).apply(strategy)
    LinkMeasure("FCR", "AUTH").apply(strategy)
    change = RemoveInitiative("AUTH").apply(strategy)
    assert strategy.touchpoints[0].opportunities[0].initiative_key is None
    assert strategy.measures[0].initiatives == ["MAP", "TR1"]
    assert change.touchpoints and change.measures
    validate_strategy(strategy)


def test_renaming_an_initiative_carries_the_new_key_into_measures_and_opportunities():
    strategy = touchpoint_strategy()
    ConvertOpportunity("CALL", 0, Initiative("AUTH", "Refund authority", 5)).apply(strategy)
    LinkMeasure("FCR", "AUTH").apply(strategy)
    change = ChangeInitiative("AUTH", {"key": "AUTH2"}).apply(strategy)
    assert strategy.touchpoints[0].opportunities[0].initiative_key == "AUTH2"
    assert strategy.measures[0].initiatives == ["MAP", "TR1", "AUTH2"]
    assert change.touchpoints and change.measures


def test_renaming_a_touchpoint_carries_the_new_key_into_initiatives():
    strategy = touchpoint_strategy()
    change = ChangeTouchpoint("CALL", {"key": "PHONE"}).apply(strategy)
    assert strategy.initiatives["TR1"].touchpoints == ["PHONE"]
    assert change.initiatives == {"MAP", "TR1"}


@pytest.mark.parametrize(
    ("damage", "where"),
    [
        (lambda s: s.touchpoints.append(Touchpoint("CALL", "Again")), "touchpoints[CALL].key"),
        (lambda s: setattr(s.touchpoints[1], "gap", 6), "touchpoints[REFUND].gap"),
        (lambda s: setattr(s.touchpoints[1], "name", " "), "touchpoints[REFUND].name"),
        (
            lambda s: s.initiatives["FIX"].touchpoints.append("NOPE"),
            "initiatives[FIX].touchpoints[0]",
        ),
        (
            lambda s: setattr(s.touchpoints[0].opportunities[0], "initiative_key", "NOPE"),
            "touchpoints[CALL].opportunities[0].initiative",
        ),
        (lambda s: s.measures[0].initiatives.append("NOPE"), "measures[FCR].initiatives[2]"),
        (lambda s: s.measures.append(Measure("FCR", "Again")), "measures[FCR].key"),
        (lambda s: setattr(s.measures[0], "baseline", "lots"), "measures[FCR].baseline"),
        (
            lambda s: s.initiatives["FIX"].supports.append(SupportLink("X", "Y")),
            "initiatives[FIX].supports[0]",
        ),
        (lambda s: setattr(s, "key", "has space"), "strategy.key"),
    ],
)
def test_a_bad_touchpoint_measure_or_link_is_named(damage, where):
    strategy = touchpoint_strategy()
    damage(strategy)
    with pytest.raises(ValidationError) as error:
        validate_strategy(strategy)
    assert error.value.where == where


def test_a_link_to_an_unknown_touchpoint_is_refused_by_the_edit():
    strategy = touchpoint_strategy()
    with pytest.raises(ValidationError) as error:
        ChangeInitiative("FIX", {"touchpoints": ["NOPE"]}).apply(strategy)
    assert error.value.where == "initiatives[FIX].touchpoints[0]"
    assert strategy.initiatives["FIX"].touchpoints == []


def test_the_cascade_lists_parents_before_children_whatever_the_input_order():
    org, care, team = cascade_strategies()
    cascade = Cascade([team, care, org])
    assert [s.key for s in cascade] == ["ORG", "CARE", "CARE-T1"]
    assert [(d, s.key) for d, s in cascade.tree()] == [(0, "ORG"), (1, "CARE"), (2, "CARE-T1")]
    assert cascade.children(org) == [care]
    assert cascade.descendants(org) == [care, team]
    assert cascade.resolve(SupportLink("ORG", "LEAD")) == (org, org.initiatives["LEAD"])
    assert [(p.child_strategy.key, p.child.key) for p in supporters_of(cascade, org, "LEAD")] == [
        ("CARE", "COACH"),
        ("CARE-T1", "HUD"),
    ]


@pytest.mark.parametrize(
    ("damage", "where", "problem"),
    [
        (lambda o, c, t: setattr(c, "parent", "NOPE"), "CARE: strategy.parent", "NOPE"),
        (lambda o, c, t: setattr(o, "parent", "CARE-T1"), "ORG: strategy.parent", "cycle"),
        (lambda o, c, t: setattr(t, "key", "CARE"), "CARE: strategy.key", "duplicate"),
        (
            lambda o, c, t: c.initiatives["STD"].supports.append(SupportLink("CARE-T1", "HUD")),
            "CARE: initiatives[STD].supports[1]",
            "not a strategy above",
        ),
        (
            lambda o, c, t: t.initiatives["HUD"].supports.append(SupportLink("ORG", "GONE")),
            "CARE-T1: initiatives[HUD].supports[2]",
            "no initiative with key 'GONE'",
        ),
    ],
)
def test_a_bad_cascade_is_named(damage, where, problem):
    strategies = cascade_strategies()
    damage(*strategies)
    with pytest.raises(ValidationError) as error:
        validate_cascade(strategies)
    assert error.value.where == where
    assert problem in error.value.problem


def test_a_strategy_exported_alone_may_keep_its_parent_outside_the_file():
    _, care, team = cascade_strategies()
    validate_cascade([care, team])


def test_a_support_link_edit_checks_the_cascade_and_reverts():
    strategies = cascade_strategies()
    _, care, team = strategies
    cascade = Cascade(strategies)
    with pytest.raises(ValidationError) as error:
        AddSupport("STD", "CARE-T1/HUD", cascade).apply(care)
    assert "not a strategy above" in error.value.problem
    before = copy.deepcopy(team)
    edit = AddSupport("HUD", "ORG/VIS", cascade)
    assert edit.apply(team).initiatives == {"HUD"}
    assert team.initiatives["HUD"].supports[-1] == SupportLink("ORG", "VIS")
    edit.revert(team)
    assert team == before
    remove = RemoveSupport("HUD", "ORG/LEAD")
    remove.apply(team)
    assert team.initiatives["HUD"].supports == [SupportLink("CARE", "COACH")]
    remove.revert(team)
    assert team == before


def test_a_strategy_without_a_parent_cannot_support_anything():
    org = cascade_strategies()[0]
    with pytest.raises(ValidationError, match="no parent"):
        AddSupport("VIS", "ORG/LEAD").apply(org)


def test_strategy_key_and_parent_are_changed_like_other_strategy_fields():
    care = cascade_strategies()[1]
    edit = ChangeStrategy({"key": "CC", "parent": ""})
    assert edit.apply(care).strategy
    assert (care.key, care.parent) == ("CC", None)
    edit.revert(care)
    assert (care.key, care.parent) == ("CARE", "ORG")
    with pytest.raises(ValidationError) as error:
        ChangeStrategy({"key": "a/b"}).apply(care)
    assert error.value.where == "strategy.key"


def test_a_measure_number_may_be_typed_as_text():
    strategy = touchpoint_strategy()
    ChangeMeasure("FCR", {"target": "85", "baseline": ""}).apply(strategy)
    assert (strategy.measures[0].target, strategy.measures[0].baseline) == (85.0, None)
    assert strategy.measures[0].target_date == dt.date(2027, 12, 31)


def _apply_all(edits):
    for strategy, edit in edits:
        edit.apply(strategy)


def _revert_all(edits):
    for strategy, edit in reversed(edits):
        edit.revert(strategy)


def test_a_new_strategy_key_reaches_children_and_support_links():
    strategies = cascade_strategies()
    before = copy.deepcopy(strategies)
    _, care, team = strategies
    edits = rename_strategy_key(Cascade(strategies), care, "CC")
    _apply_all(edits)
    assert (care.key, team.parent) == ("CC", "CC")
    assert team.initiatives["HUD"].supports == [
        SupportLink("CC", "COACH"),
        SupportLink("ORG", "LEAD"),
    ]
    validate_cascade(strategies)
    _revert_all(edits)
    assert strategies == before


def test_renaming_a_supported_initiative_carries_into_every_link_below():
    strategies = cascade_strategies()
    before = copy.deepcopy(strategies)
    org, care, team = strategies
    edits = rename_initiative_key(Cascade(strategies), org, "LEAD", "LEAD2")
    assert [s.key for s, _ in edits] == ["ORG", "CARE", "CARE-T1"]
    _apply_all(edits)
    assert care.initiatives["COACH"].supports == [SupportLink("ORG", "LEAD2")]
    assert team.initiatives["HUD"].supports[1] == SupportLink("ORG", "LEAD2")
    validate_cascade(strategies)
    _revert_all(edits)
    assert strategies == before


def test_support_links_set_through_change_initiative_need_a_parent_strategy():
    org, care, _ = cascade_strategies()
    with pytest.raises(ValidationError) as error:
        ChangeInitiative("VIS", {"supports": ["ORG/LEAD"]}).apply(org)
    assert error.value.where == "initiatives[VIS].supports[0]"
    edit = ChangeInitiative("STD", {"supports": ["ORG/VIS", "ORG/LEAD"]})
    assert edit.apply(care).initiatives == {"STD"}
    assert care.initiatives["STD"].supports == [
        SupportLink("ORG", "VIS"),
        SupportLink("ORG", "LEAD"),
    ]

"""Templates and the demo use touchpoints, measures and the cascade, and open without warnings."""

from __future__ import annotations

import datetime as dt

import pytest

from cxroadmap.content.demo import demo_cascade, demo_strategy
from cxroadmap.content.templates import TEMPLATES, template_strategy
from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.cx_checks import addressing
from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.scheduling.cascade import alignment_flags, rollup, schedule_cascade
from cxroadmap.scheduling.planner import schedule

START = dt.date(2027, 1, 4)


def supporters_of(cascade, strategy, key):  # type: ignore[no-untyped-def]
    """The support pairs whose parent is `key` of `strategy`."""
    return [
        p for p in cascade.support_pairs() if p.parent_strategy is strategy and p.parent.key == key
    ]


def _check_links(strategy):
    covered = addressing(strategy)
    for tp in strategy.touchpoints:
        for opp in tp.opportunities:
            if opp.initiative_key is not None:
                assert opp.initiative_key in covered[tp.key], (tp.key, opp.text)


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_each_template_starts_from_touchpoints_and_schedules_without_warnings(name):
    strategy = template_strategy(name, START)
    assert 4 <= len(strategy.touchpoints) <= 6
    assert 2 <= len(strategy.measures) <= 4
    assert all(keys for keys in addressing(strategy).values())
    assert any(tp.gap >= 4 for tp in strategy.touchpoints)
    assert all(tp.root_causes and tp.opportunities for tp in strategy.touchpoints)
    _check_links(strategy)
    assert schedule(strategy).warnings == []


def test_the_demo_keeps_its_roadmap_and_gains_a_workshop():
    org = demo_strategy()
    assert org.key == "ORG" and org.parent is None
    assert len(org.initiatives) == 38
    assert 8 <= len(org.touchpoints) <= 10
    assert 5 <= len(org.measures) <= 6
    converted = [o for tp in org.touchpoints for o in tp.opportunities if o.initiative_key]
    assert len(converted) >= 10
    _check_links(org)
    result = schedule(org)
    assert result.warnings == []
    assert result.finish == dt.date(2028, 7, 12)
    assert result.critical_path == [
        "LEAD1", "TP1", "TP2", "TP3", "MS1", "TR1", "TR2", "TR4", "MS2", "TR5", "TR7", "MS4",
    ]  # fmt: skip


def test_the_demo_cascade_runs_from_organisation_to_a_team_without_warnings():
    strategies = demo_cascade()
    cascade = Cascade(strategies)
    assert [(d, s.key, s.level) for d, s in cascade.tree()] == [
        (0, "ORG", "organisation"),
        (1, "CARE", "department"),
        (2, "CARE-T1", "team"),
        (1, "STORES", "department"),
    ]
    for strategy in strategies[1:]:
        assert all(ini.supports for ini in strategy.initiatives.values())
        assert strategy.touchpoints and strategy.measures
    schedules = schedule_cascade(strategies)
    assert {key: s.warnings for key, s in schedules.items()} == {
        "ORG": [],
        "CARE": [],
        "CARE-T1": [],
        "STORES": [],
    }
    assert [(p.child.key, str(p.link)) for p in supporters_of(cascade, strategies[0], "TR4")] == [
        ("C-TRAIN", "ORG/TR4"),
        ("S-TRAIN", "ORG/TR4"),
    ]


def test_a_supporting_initiative_that_finishes_late_is_flagged_until_it_is_on_time():
    strategies = demo_cascade()
    care = strategies[1]
    longer = ChangeInitiative("C-AUTH", {"duration": "3w"})
    longer.apply(care)
    schedules = schedule_cascade(strategies)
    flag = (
        "CARE/C-AUTH (Refund and goodwill authority for care advisers) finishes on 2027-04-16, "
        "after ORG/EMP1 (Service recovery toolkit and spending authority) that it supports "
        "finishes on 2027-04-13"
    )
    assert schedules["CARE"].warnings == [flag]
    [finding] = alignment_flags(Cascade(strategies), schedules)
    assert (finding.strategy, finding.initiatives) == ("CARE", ("C-AUTH",))
    longer.revert(care)
    assert schedule_cascade(strategies)["CARE"].warnings == []


def test_the_roll_up_shows_a_lane_per_strategy_with_its_initiatives():
    strategies = demo_cascade()
    cascade = Cascade(strategies)
    lanes = rollup(cascade, schedule_cascade(strategies))
    assert [(lane.depth, lane.strategy.key) for lane in lanes] == [
        (0, "ORG"),
        (1, "CARE"),
        (2, "CARE-T1"),
        (1, "STORES"),
    ]
    care = lanes[1]
    assert [item.key for item in care.items] == list(strategies[1].initiatives)
    assert care.supports["C-TRAIN"] == ["ORG/TR4"]
    assert care.items[0].start == dt.date(2027, 3, 8)
    only_care = rollup(cascade, schedule_cascade(strategies), strategies[1])
    assert [(lane.depth, lane.strategy.key) for lane in only_care] == [(0, "CARE"), (1, "CARE-T1")]

"""Scenarios: the `scenario_of` mark, Copy as scenario, and scenarios kept out of the cascade."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from cxroadmap.domain.cascade import Cascade, validate_cascade
from cxroadmap.domain.cascade_edits import rename_strategy_key
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Dependency, Initiative
from cxroadmap.domain.scenarios import (
    AdoptScenario,
    CopyAsScenario,
    adopt_scenario_edits,
    adoption_baseline_name,
    scenario_names,
)
from cxroadmap.domain.support import SupportLink
from cxroadmap.interop.jsonfile import cascade_to_json, parse_json_cascade_text
from cxroadmap.scheduling.cascade import rollup, schedule_cascade
from cxroadmap.storage.document import write_document
from cxroadmap.storage.reading import read_document
from tests.cx_samples import cascade_strategies, touchpoint_strategy


def _with_scenario_of_care() -> list:
    strategies = cascade_strategies()
    edit = CopyAsScenario(strategies[1])
    edit.apply(strategies)
    return strategies


def test_copy_as_scenario_adds_a_deep_copy_with_a_new_key_and_name_under_the_same_parent():
    strategies = cascade_strategies()
    care = strategies[1]
    edit = CopyAsScenario(care)
    change = edit.apply(strategies)
    scenario = strategies[-1]
    assert change.added == [scenario] and change.changed == []
    assert (scenario.key, scenario.name) == ("CARE-S1", "Customer care (scenario 1)")
    assert (scenario.scenario_of, scenario.parent, scenario.level) == ("CARE", "ORG", "department")
    assert list(scenario.initiatives) == ["STD", "COACH"]
    assert scenario.initiatives["STD"].supports == [SupportLink("ORG", "VIS")]
    scenario.initiatives["STD"].duration = 40
    scenario.initiatives["STD"].supports.clear()
    assert care.initiatives["STD"].duration == 10  # nothing shared with the original
    assert care.initiatives["STD"].supports == [SupportLink("ORG", "VIS")]
    validate_cascade(strategies)


def test_copy_as_scenario_copies_touchpoints_measures_phases_and_dependencies():
    org = touchpoint_strategy()
    before = copy.deepcopy(org)
    strategies = [org]
    CopyAsScenario(org).apply(strategies)
    scenario = strategies[1]
    assert scenario.touchpoints == before.touchpoints
    assert scenario.measures == before.measures
    assert scenario.phases == before.phases
    assert scenario.dependencies == before.dependencies
    scenario.touchpoints[0].opportunities.clear()
    scenario.dependencies.clear()
    assert org.touchpoints == before.touchpoints and org.dependencies == before.dependencies


def test_the_next_scenario_takes_the_lowest_free_number_and_a_copy_of_a_scenario_is_a_sibling():
    strategies = _with_scenario_of_care()
    first = strategies[-1]
    first.initiatives["STD"].duration = 33
    CopyAsScenario(first).apply(strategies)
    second = strategies[-1]
    assert (second.key, second.name, second.scenario_of) == (
        "CARE-S2",
        "Customer care (scenario 2)",
        "CARE",
    )
    assert second.initiatives["STD"].duration == 33  # the scenario's own plan was copied
    strategies.remove(first)
    assert scenario_names(strategies[1], strategies) == ("CARE-S1", "Customer care (scenario 1)")


def test_undoing_copy_as_scenario_removes_it_and_gives_back_a_keyless_original_its_empty_key():
    plan = touchpoint_strategy()
    plan.key = ""
    strategies = [plan]
    edit = CopyAsScenario(plan)
    change = edit.apply(strategies)
    assert plan.key == "ORG"  # a scenario names its original by key: it got one
    assert [s for s, _ in change.changed] == [plan]
    assert strategies[1].scenario_of == "ORG"
    undone = edit.revert(strategies)
    assert strategies == [plan] and plan.key == ""
    assert undone.removed == [change.added[0]]


def test_scenarios_never_roll_up_into_the_cascade():
    strategies = _with_scenario_of_care()
    cascade = Cascade(strategies)
    org, care, team, scenario = (cascade.get(k) for k in ("ORG", "CARE", "CARE-T1", "CARE-S1"))
    assert cascade.children(org) == [care]
    assert cascade.descendants(org) == [care, team]
    assert cascade.scenarios_of(care) == [scenario]
    assert cascade.original_of(scenario) is care
    # Its support links are not part of the alignment, even where they would be late.
    scenario.initiatives["STD"].duration = 200
    assert all(p.child_strategy is not scenario for p in cascade.support_pairs())
    schedules = schedule_cascade(strategies)
    assert not any("STD" in w for w in schedules["CARE-S1"].warnings)
    lanes = rollup(cascade, schedules, org)
    assert [lane.strategy.key for lane in lanes] == ["ORG", "CARE", "CARE-T1"]
    # Ordered right after its original, before the original's children.
    assert [s.key for s in cascade] == ["ORG", "CARE", "CARE-S1", "CARE-T1"]


def test_a_scenario_must_name_a_plan_of_the_document_and_nothing_sits_below_a_scenario():
    strategies = _with_scenario_of_care()
    strategies[-1].scenario_of = "NOPE"
    with pytest.raises(ValidationError, match=r"CARE-S1: strategy.scenario_of: no strategy"):
        validate_cascade(strategies)
    strategies = _with_scenario_of_care()
    CopyAsScenario(strategies[-1]).apply(strategies)
    strategies[-1].scenario_of = "CARE-S1"
    with pytest.raises(ValidationError, match="'CARE-S1' is itself a scenario"):
        validate_cascade(strategies)
    strategies = _with_scenario_of_care()
    strategies[2].parent = "CARE-S1"
    with pytest.raises(
        ValidationError, match=r"CARE-T1: strategy\.parent: 'CARE-S1' is a scenario"
    ):
        validate_cascade(strategies)


def test_renaming_a_strategy_key_carries_into_its_scenarios():
    strategies = _with_scenario_of_care()
    cascade = Cascade(strategies)
    care = cascade.get("CARE")
    for target, edit in rename_strategy_key(cascade, care, "CC"):
        edit.apply(target)
    assert strategies[-1].scenario_of == "CC" and strategies[2].parent == "CC"
    validate_cascade(strategies)


def test_json_nests_scenarios_in_their_original_and_reads_them_back():
    strategies = _with_scenario_of_care()
    strategies[-1].initiatives["STD"].duration = 25
    data = cascade_to_json(strategies)
    care_node = data["children"][0]
    [node] = care_node["scenarios"]
    assert node["strategy"]["scenario_of"] == "CARE" and "parent" not in node["strategy"]
    back = parse_json_cascade_text(json.dumps(data))
    by_key = {s.key: s for s in back}
    assert by_key["CARE-S1"].scenario_of == "CARE"
    assert by_key["CARE-S1"].parent == "ORG"
    assert by_key["CARE-S1"].initiatives["STD"].duration == 25
    assert by_key["CARE"].scenario_of is None
    node["strategy"]["scenario_of"] = "ORG"
    with pytest.raises(ValidationError, match=r"children\[0\].scenarios\[0\].strategy.scenario_of"):
        parse_json_cascade_text(json.dumps(data))


def test_the_document_file_keeps_scenario_of(tmp_path):
    strategies = _with_scenario_of_care()
    path = tmp_path / "plan.cxroadmap"
    write_document(path, strategies)
    back = {s.key: s for s in read_document(path)}
    assert back["CARE-S1"].scenario_of == "CARE" and back["CARE"].scenario_of is None
    assert back["CARE-S1"].initiatives == strategies[-1].initiatives


def test_a_scenario_copy_is_stored_in_one_transaction_with_its_originals_new_key(tmp_path):
    from cxroadmap.storage.document import Document

    plan = touchpoint_strategy()
    plan.key = ""
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [plan])
    with Document.open(path) as doc:
        pairs = doc.load_all_with_ids()
        strategies = [s for _, s in pairs]
        change = CopyAsScenario(strategies[0]).apply(strategies)
        changed = [(pairs[0][0], s, c) for s, c in change.changed]
        [new_id] = doc.add_strategies(change.added, changed)
        assert doc.load(new_id).scenario_of == "ORG"
    stored = read_document(path)
    assert [(s.key, s.scenario_of) for s in stored] == [("ORG", None), ("ORG-S1", "ORG")]
    assert stored[1].touchpoints == stored[0].touchpoints


def _taken(strategy, name="Before adopting"):
    from cxroadmap.scheduling.baselines import take
    from cxroadmap.scheduling.planner import schedule

    return take(schedule(strategy), name, dt.date(2027, 2, 1))


def test_adopting_a_scenario_replaces_the_plan_in_one_edit_and_undo_restores_it_exactly():
    strategies = _with_scenario_of_care()
    care, scenario = strategies[1], strategies[-1]
    care.baselines.append(_taken(care, "Board approval"))
    care.chosen_baseline = "Board approval"
    before = copy.deepcopy(care)
    held = (care.initiatives, care.dependencies, care.phases, care.touchpoints)
    scenario.initiatives["STD"].duration = 25
    del scenario.initiatives["COACH"]
    scenario.initiatives["NEW"] = Initiative("NEW", "Care huddles", 5, "performance")
    scenario.dependencies = [Dependency("STD", "NEW")]
    scenario.phases[0].weeks = 8
    scenario.max_parallel = 2
    edit = AdoptScenario(scenario, _taken(care, "Before adopting Customer care (scenario 1)"))
    change = edit.apply(care)
    assert (care.key, care.name, care.parent, care.scenario_of) == (
        "CARE",
        "Customer care",
        "ORG",
        None,
    )
    assert list(care.initiatives) == ["STD", "NEW"]
    assert care.initiatives["STD"].duration == 25 and care.max_parallel == 2
    assert care.phases[0].weeks == 8
    assert care.initiatives is not scenario.initiatives  # a copy: editing the scenario later
    assert [b.name for b in care.baselines] == [
        "Board approval",
        "Before adopting Customer care (scenario 1)",
    ]
    assert care.chosen_baseline == "Before adopting Customer care (scenario 1)"
    assert care.baselines[-1].by_key()["COACH"].duration == 15  # the old plan, kept
    assert change.initiatives == {"STD", "NEW"} and change.removed_initiatives == {"COACH"}
    assert change.dependencies == {("STD", "NEW")}
    assert change.removed_dependencies == set() and change.strategy and change.baselines
    undone = edit.revert(care)
    assert care == before
    now = (care.initiatives, care.dependencies, care.phases, care.touchpoints)
    assert all(a is b for a, b in zip(held, now, strict=True))  # the very objects it held
    assert undone.removed_initiatives == {"NEW"} and undone.initiatives == {"STD", "COACH"}
    edit.apply(care)  # redo
    assert list(care.initiatives) == ["STD", "NEW"]


def test_only_the_original_may_adopt_its_scenario_and_the_baseline_name_must_be_free():
    strategies = _with_scenario_of_care()
    org, care, scenario = strategies[0], strategies[1], strategies[-1]
    with pytest.raises(ValidationError, match="is not a scenario of 'Organisation'"):
        AdoptScenario(scenario, _taken(org)).apply(org)
    care.baselines.append(_taken(care, "Before adopting"))
    before = copy.deepcopy(care)
    with pytest.raises(ValidationError, match="already exists"):
        AdoptScenario(scenario, _taken(care, "Before adopting")).apply(care)
    assert care == before
    assert adoption_baseline_name(care, scenario) == "Before adopting Customer care (scenario 1)"
    care.baselines.append(_taken(care, "Before adopting Customer care (scenario 1)"))
    assert (
        adoption_baseline_name(care, scenario) == "Before adopting Customer care (scenario 1) (2)"
    )


def test_adopting_drops_support_links_below_to_initiatives_the_plan_no_longer_has():
    strategies = _with_scenario_of_care()
    cascade = Cascade(strategies)
    care, scenario, team = cascade.get("CARE"), cascade.get("CARE-S1"), cascade.get("CARE-T1")
    del scenario.initiatives["COACH"]
    edit = AdoptScenario(scenario, _taken(care))
    parts = adopt_scenario_edits(cascade, care, edit)
    assert [target.key for target, _ in parts] == ["CARE", "CARE-T1"]
    for target, part in parts:
        part.apply(target)
    assert [str(s) for s in team.initiatives["HUD"].supports] == ["ORG/LEAD"]
    validate_cascade(strategies)
    for target, part in reversed(parts):
        part.revert(target)
    assert [str(s) for s in team.initiatives["HUD"].supports] == ["CARE/COACH", "ORG/LEAD"]


def test_removing_a_stored_scenario_takes_everything_in_it_and_leaves_the_rest(tmp_path):
    from cxroadmap.storage.document import Document

    strategies = _with_scenario_of_care()
    path = tmp_path / "plan.cxroadmap"
    write_document(path, strategies)
    with Document.open(path) as doc:
        ids = {s.key: sid for sid, s in doc.load_all_with_ids()}
        doc.remove_strategy(ids["CARE-S1"])
    assert [s.key for s in read_document(path)] == ["ORG", "CARE", "CARE-T1"]
    assert read_document(path)[1].initiatives == strategies[1].initiatives
    from cxroadmap.storage.checks import check

    assert check(path) == []  # no rows of the scenario left behind

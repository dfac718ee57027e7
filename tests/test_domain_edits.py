"""Reversible edits: each applies, reverts to the exact previous state, and reports what changed."""

import copy
import datetime as dt

import pytest

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain import (
    AddDependency,
    AddInitiative,
    ChangeDependency,
    ChangeInitiative,
    ChangeStrategy,
    CompositeEdit,
    CycleError,
    Dependency,
    Initiative,
    Phase,
    RemoveDependency,
    RemoveInitiative,
    SetPhases,
    Strategy,
    ValidationError,
    validate_strategy,
)


def small() -> Strategy:
    s = Strategy(name="S", start=dt.date(2027, 1, 4))
    for key in "ABCD":
        s.initiatives[key] = Initiative(key, f"Title {key}", 5)
    s.dependencies = [Dependency("A", "B"), Dependency("B", "C"), Dependency("A", "D", "SS", 2)]
    return s


EDITS = [
    lambda: AddInitiative(Initiative("E", "New", 3)),
    lambda: AddInitiative(Initiative("E", "First", 3), index=0),
    lambda: RemoveInitiative("B"),
    lambda: ChangeInitiative("A", {"duration": "2w", "title": "Renamed", "status": "in progress"}),
    lambda: ChangeInitiative("B", {"key": "B2"}),
    lambda: ChangeInitiative("C", {"phase": "Medium term", "not_before": "2027-03-01"}),
    lambda: AddDependency(Dependency("C", "D", "FF", -2)),
    lambda: RemoveDependency("A", "B"),
    lambda: ChangeDependency("A", "D", type="FS", lag="1w"),
    lambda: ChangeStrategy({"name": "T", "level": "organization", "max_parallel": 2}),
    lambda: ChangeStrategy({"working_days": ["mon", "tue"], "holidays": ["2027-01-05"]}),
    lambda: SetPhases([Phase("Now", 4), Phase("Later")], {"Short term": "Now"}),
    lambda: CompositeEdit(
        "Add two", [AddInitiative(Initiative("X", "X", 1)), AddDependency(Dependency("A", "X"))]
    ),
]


@pytest.mark.parametrize("make", EDITS)
def test_every_edit_reverts_to_exactly_the_previous_state(make):
    strategy = small()
    strategy.initiatives["B"].phase = "Short term"
    before = copy.deepcopy(strategy)
    edit = make()
    edit.apply(strategy)
    assert strategy != before
    validate_strategy(strategy)
    edit.revert(strategy)
    assert strategy == before
    assert list(strategy.initiatives) == list(before.initiatives)
    edit.apply(strategy)  # redo after undo works too
    validate_strategy(strategy)


def test_removing_an_initiative_takes_its_dependencies_and_undo_brings_both_back():
    strategy = small()
    edit = RemoveInitiative("B")
    change = edit.apply(strategy)
    assert "B" not in strategy.initiatives
    assert [d.pair for d in strategy.dependencies] == [("A", "D")]
    assert change.removed_initiatives == {"B"}
    assert change.removed_dependencies == {("A", "B"), ("B", "C")}
    change = edit.revert(strategy)
    assert [d.pair for d in strategy.dependencies] == [("A", "B"), ("B", "C"), ("A", "D")]
    assert change.initiatives == {"B"}


def test_a_dependency_that_closes_a_cycle_is_refused_and_names_the_cycle():
    strategy = small()
    before = copy.deepcopy(strategy)
    with pytest.raises(CycleError) as info:
        AddDependency(Dependency("C", "A")).apply(strategy)
    assert str(info.value) == "dependency cycle: C -> A -> B -> C"
    assert info.value.cycle == ["C", "A", "B", "C"]
    assert strategy == before


@pytest.mark.parametrize(
    ("dep", "where"),
    [
        (Dependency("A", "Z"), "dependency.to"),
        (Dependency("Q", "A"), "dependency.from"),
        (Dependency("A", "A"), "dependency"),
        (Dependency("A", "B"), "dependency"),
        (Dependency("C", "D", "XX"), "dependency.type"),
    ],
)
def test_a_bad_dependency_is_refused_and_names_the_field(dep, where):
    strategy = small()
    with pytest.raises(ValidationError) as info:
        AddDependency(dep).apply(strategy)
    assert info.value.where == where


def test_renaming_a_key_carries_its_dependencies():
    strategy = small()
    change = ChangeInitiative("B", {"key": "B2"}).apply(strategy)
    assert list(strategy.initiatives) == ["A", "B2", "C", "D"]
    assert [d.pair for d in strategy.dependencies] == [("A", "B2"), ("B2", "C"), ("A", "D")]
    assert change.removed_initiatives == {"B"} and change.initiatives == {"B2"}


def test_a_bad_value_changes_nothing_and_names_the_field():
    strategy = small()
    before = copy.deepcopy(strategy)
    for changes, where in [
        ({"duration": "3x"}, "initiatives[A].duration"),
        ({"impact": 9}, "initiatives[A].impact"),
        ({"status": "maybe"}, "initiatives[A].status"),
        ({"key": "B"}, "initiatives[A].key"),
        ({"phase": "Someday"}, "initiatives[A].phase"),
        ({"colour": "red"}, "initiatives[A].colour"),
    ]:
        with pytest.raises(ValidationError) as info:
            ChangeInitiative("A", changes).apply(strategy)
        assert info.value.where == where
    assert strategy == before


def test_a_composite_edit_that_fails_halfway_leaves_nothing_behind():
    strategy = small()
    before = copy.deepcopy(strategy)
    edit = CompositeEdit(
        "Two", [AddInitiative(Initiative("X", "X", 1)), AddDependency(Dependency("C", "A"))]
    )
    with pytest.raises(CycleError):
        edit.apply(strategy)
    assert strategy == before


def test_renaming_a_phase_carries_its_pins_and_removing_one_clears_them():
    strategy = small()
    strategy.initiatives["A"].phase = "Short term"
    strategy.initiatives["B"].phase = "Long term"
    SetPhases([Phase("Now", 13), Phase("Later")], {"Short term": "Now"}).apply(strategy)
    assert strategy.initiatives["A"].phase == "Now"
    assert strategy.initiatives["B"].phase is None


def test_the_demo_strategy_is_valid_and_covers_every_default_pillar():
    from cxroadmap.domain.pillars import DEFAULT_PILLARS

    strategy = demo_strategy()
    validate_strategy(strategy)
    assert 25 <= len(strategy.initiatives) <= 40
    assert {p.key for p in DEFAULT_PILLARS} <= {i.pillar for i in strategy.initiatives.values()}
    assert any(i.is_milestone for i in strategy.initiatives.values())
    assert strategy.max_parallel and strategy.level == "organisation"
    assert [p.name for p in strategy.phases] == ["Short term", "Medium term", "Long term"]

"""validate_strategy's quick pass: the same first error as the ordered checks, on any input."""

from __future__ import annotations

import datetime as dt
import dis
import random
from collections.abc import Callable
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxroadmap.domain import quick_checks, validation
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.support import SupportLink
from cxroadmap.domain.touchpoints import Touchpoint
from cxroadmap.domain.validation import validate_strategy
from cxroadmap.scheduling.planner import schedule

START = dt.date(2027, 1, 4)


def plan(n: int = 8) -> Strategy:
    """A valid plan touching every kind of initiative field and every dependency type."""
    s = Strategy("Plan", START, key="T", parent="ORG")
    s.touchpoints = [Touchpoint("TP1", "Call centre", gap=3)]
    for i in range(n):
        key = f"K{i}"
        s.initiatives[key] = Initiative(key, f"Work {i}", i % 4 * 3, pillar="people")
    s.initiatives["K1"].not_before = dt.date(2027, 3, 1)
    s.initiatives["K2"].phase = "Medium term"
    s.initiatives["K3"].touchpoints = ["TP1"]
    s.initiatives["K4"].supports = [SupportLink("ORG", "LEAD1")]
    s.initiatives["K5"].actual_start = START
    s.initiatives["K5"].percent_complete = 40
    s.initiatives["K6"].cost = 1200.5
    for i, kind in enumerate(("FS", "SS", "FF", "SF", "FS")):
        s.dependencies.append(Dependency(f"K{i}", f"K{i + 1}", kind, (i % 3) * 2 - 1))
    return s


# Ways to spoil a plan, each as it reaches validate_strategy from code that bypasses the
# doors (a reader, a script): wrong types, values outside the fields' ranges and limits,
# broken references, and the rules between fields.
SPOILERS: list[Callable[[Strategy, random.Random], None]] = [
    lambda s, r: setattr(_ini(s, r), "duration", r.choice([-1, 10_001, 2.5, "3", True, None])),
    lambda s, r: setattr(_ini(s, r), "title", r.choice(["", "   ", "x" * 10_001, None, 7])),
    lambda s, r: setattr(_ini(s, r), "pillar", r.choice([None, "p" * 10_001, 3])),
    lambda s, r: setattr(_ini(s, r), "description", r.choice([None, "d" * 100_001])),
    lambda s, r: setattr(_ini(s, r), "not_before", r.choice(["2027-01-01", dt.date(2300, 1, 1)])),
    lambda s, r: setattr(_ini(s, r), "phase", r.choice(["Nowhere", "", 5, "p" * 10_001])),
    lambda s, r: setattr(_ini(s, r), "impact", r.choice([0, 6, 2.0, "3", True])),
    lambda s, r: setattr(_ini(s, r), "status", r.choice(["Planned", "gone", None])),
    lambda s, r: setattr(_ini(s, r), "cost", r.choice([-1.0, float("nan"), "12", True])),
    lambda s, r: setattr(_ini(s, r), "touchpoints", r.choice([["TP9"], ["TP1", "TP1"], None])),
    lambda s, r: setattr(_ini(s, r), "supports", r.choice([["ORG/X"], ["T/K1"], None])),
    lambda s, r: setattr(_ini(s, r), "percent_complete", r.choice([101, -1, 50, "5"])),
    lambda s, r: setattr(_ini(s, r), "actual_finish", r.choice([START, dt.date(2026, 1, 1)])),
    lambda s, r: setattr(_ini(s, r), "rag_override", r.choice(["blue", "RED", None])),
    lambda s, r: setattr(_ini(s, r), "key", r.choice(["other", "K0", 5])),
    lambda s, r: s.initiatives.update({"k" * 101: Initiative("k" * 101, "Long key", 1)}),
    lambda s, r: s.initiatives.update({5: Initiative(5, "Int key", 1)}),  # type: ignore[dict-item,arg-type]
    lambda s, r: setattr(_dep(s, r), "from_key", r.choice(["ZZ", "K7", None])),
    lambda s, r: setattr(_dep(s, r), "to_key", r.choice(["ZZ", "K0", ["K1"]])),
    lambda s, r: setattr(_dep(s, r), "type", r.choice(["XX", " ss ", "fs", "", None])),
    lambda s, r: setattr(_dep(s, r), "lag", r.choice([10_001, -10_001, 1.5, "2", True])),
    lambda s, r: s.dependencies.append(Dependency("K0", "K1")),
    lambda s, r: s.dependencies.append(Dependency("K7", "K0")),  # a cycle: scheduling's
    lambda s, r: s.dependencies.insert(r.randrange(len(s.dependencies) + 1), _copy(_dep(s, r))),
    lambda s, r: s.dependencies.insert(0, s.dependencies.pop()),  # valid, out of order
    lambda s, r: setattr(s, "max_parallel", r.choice([0, -1, "2", 2.0])),
    lambda s, r: setattr(s, "status_date", dt.date(2026, 12, 1)),
    lambda s, r: s.phases.clear(),
    lambda s, r: _same_phase_names(s),
    lambda s, r: setattr(s.touchpoints[0], "key", r.choice(["", None])),
    lambda s, r: setattr(s, "holidays", [dt.date(1700, 1, 1)]),
]


def _same_phase_names(s: Strategy) -> None:
    if len(s.phases) > 1:
        s.phases[0].name = s.phases[1].name


def _ini(s: Strategy, r: random.Random) -> Initiative:
    return s.initiatives[r.choice(list(s.initiatives))]


def _dep(s: Strategy, r: random.Random) -> Dependency:
    return r.choice(s.dependencies)


def _copy(dep: Dependency) -> Dependency:
    return Dependency(dep.from_key, dep.to_key, dep.type, dep.lag)


def outcome(check: Callable[[], object]) -> str:
    try:
        check()
    except CxRoadmapError as error:
        return f"{type(error).__name__}: {error}"
    except Exception as error:  # the ordered checks may stumble too: the same way, then
        return f"{type(error).__name__}"
    return "valid"


def test_a_valid_plan_takes_the_quick_path() -> None:
    assert quick_checks.records_look_fine(plan())


def test_no_comparison_of_the_compiled_loop_is_left_unspecialised() -> None:
    # 3.11 specialises a comparison only when a conditional jump follows it directly, not
    # an EXTENDED_ARG (a jump too far): the loop's tests come a few to an `if` for this.
    code = list(dis.get_instructions(quick_checks.initiatives_fine))
    compares = [i for i, ins in enumerate(code) if ins.opname == "COMPARE_OP"]
    assert all(code[i + 1].opname.startswith("POP_JUMP") for i in compares)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(0, len(SPOILERS) - 1), min_size=1, max_size=3), st.integers(0, 10**6))
def test_any_spoiled_plan_gets_the_error_the_ordered_checks_give(
    spoilers: list[int], seed: int
) -> None:
    rng = random.Random(seed)
    strategy = plan()
    for k in spoilers:
        SPOILERS[k](strategy, rng)
    quick = outcome(lambda: schedule(strategy))
    with patch.object(validation, "records_look_fine", lambda _: False):
        ordered = outcome(lambda: schedule(strategy))
    assert quick == ordered


@pytest.mark.parametrize("kind", ["FS", "fs", " ss ", "Ff"])
def test_dependency_types_as_validation_lets_them_through_schedule_as_before(kind: str) -> None:
    s = plan()
    s.dependencies = [Dependency("K1", "K3", kind, 2)]
    validate_strategy(s)
    item = schedule(s).items["K3"]
    # K1 takes working days [40, 43) (not before 2027-03-01), K3 is 9 days long. FS: 43 + 2;
    # FF: 43 + 2 - 9; " ss " is not upper-cased to a known type, so it reads as SS (40 + 2),
    # as it always has; the reason names the type as upper-cased.
    expected = {
        "FS": (45, "FS from K1 +2d"),
        "fs": (45, "FS from K1 +2d"),
        " ss ": (42, " SS  from K1 +2d"),
        "Ff": (36, "FF from K1 +2d"),
    }[kind]
    assert (item.start_day, item.reason) == expected

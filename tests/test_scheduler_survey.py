"""What validation's quick pass hands the planner, and the same schedule with or without it."""

from __future__ import annotations

import datetime as dt
import random
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxroadmap.domain import quick_checks, validation
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.quick_checks import Survey, _clauses, initiative_test_source
from cxroadmap.domain.touchpoints import Touchpoint
from cxroadmap.domain.validation import validate_strategy
from cxroadmap.scheduling.planner import schedule

START = dt.date(2027, 1, 4)


def test_the_survey_names_the_unusual_initiatives_and_reads_what_the_planner_needs() -> None:
    s = Strategy("Plan", START)
    s.touchpoints = [Touchpoint("TP1", "Call centre", gap=3)]
    for i in range(8):
        s.initiatives[f"K{i}"] = Initiative(f"K{i}", f"Work {i}", i)
    s.initiatives["K1"].not_before = dt.date(2027, 3, 1)
    s.initiatives["K2"].phase = "Medium term"
    s.initiatives["K3"].touchpoints = ["TP1"]
    s.initiatives["K5"].actual_start = START
    s.initiatives["K6"].status = "dropped"
    s.dependencies = [Dependency("K0", "K4", "SS", 3), Dependency("K7", "K2", "FF", -2)]
    survey = validate_strategy(s)
    assert survey == Survey(
        unusual=["K1", "K2", "K3", "K5", "K6"],
        durations=list(range(8)),
        titles=[f"Work {i}" for i in range(8)],
        work=sum(range(8)) + 3,  # durations and positive lags: the span check's total
        froms=[0, 7],
        tos=[4, 2],
        kinds=["SS", "FF"],
        lags=[3, -2],
    )


def _linked(pairs: list[tuple[str, str]]) -> Strategy:
    s = Strategy("Plan", START)
    for key in "ABCDE":
        s.initiatives[key] = Initiative(key, f"Work {key}", 2)
    s.dependencies = [Dependency(a, b) for a, b in pairs]
    return s


def test_a_pair_linked_twice_is_looked_at_however_the_links_are_listed() -> None:
    by_successor = [("B", "C"), ("A", "C"), ("D", "C"), ("A", "C"), ("A", "D")]
    apart = [("A", "C"), ("B", "D"), ("A", "C")]  # the successors out of order
    for pairs in (by_successor, apart, [("A", "B"), ("A", "B")]):
        s = _linked(pairs)
        assert quick_checks.dependencies_fine(s) is None
        with pytest.raises(ValidationError, match=r"duplicate dependency A -> [BC]"):
            validate_strategy(s)


def test_links_out_of_successor_order_without_a_repeat_pass() -> None:
    pairs = [("A", "D"), ("B", "C"), ("A", "C"), ("C", "E"), ("B", "D")]
    ends = quick_checks.dependencies_fine(_linked(pairs))
    assert ends is not None
    assert (ends.froms, ends.tos) == ([0, 1, 0, 2, 1], [3, 2, 2, 4, 3])
    assert (ends.kinds, ends.lags, ends.positive) == (["FS"] * 5, [0] * 5, 0)


def test_a_plan_that_needs_a_closer_look_gets_no_survey() -> None:
    s = Strategy("Plan", START)
    s.initiatives["A"] = Initiative("A", "Work", 2)
    s.dependencies = [Dependency("A", "A")]
    assert quick_checks.records_look_fine(s) is None
    s.dependencies = [Dependency("A", "A".lower(), "fs")]  # a lower-case type: looked at
    s.initiatives["a"] = Initiative("a", "Other", 1)
    assert quick_checks.records_look_fine(s) is None
    assert validate_strategy(s) is None  # valid, but the ordered checks did it


def test_each_test_of_the_compiled_loop_is_made_once() -> None:
    source, _ = initiative_test_source()
    ifs = [block[: block.index("\n        ):")] for block in source.split("        if not (")[1:]]
    clauses = [c.strip() for test in ifs for c in test.split("\n            and ")]
    assert len(clauses) == len(set(clauses))
    assert "type(v_duration) is int" in clauses  # the registry's, opened from its brackets
    # The registry's `>= 0` makes the planner's lower end (-10,000) one test too many.
    assert [c for c in clauses if "v_duration" in c and "=" in c] == [
        "v_duration >= 0",
        "v_duration <= 10000",
    ]
    assert _clauses("a and (b and (c or d)) and (e or f)") == ["a", "b", "(c or d)", "(e or f)"]
    assert _clauses("(a or b and c)") == ["(a or b and c)"]
    assert _clauses("(a) or (b)") == ["(a) or (b)"]


@st.composite
def plans(draw: st.DrawFn) -> Strategy:
    """A valid plan whose initiatives may have bounds, pins, progress, links, or be dropped."""
    rng = random.Random(draw(st.integers(0, 10**6)))
    s = Strategy("Plan", START, max_parallel=draw(st.sampled_from([None, 1, 2, 5])))
    s.touchpoints = [Touchpoint("TP1", "Call centre", gap=4), Touchpoint("TP2", "Web", gap=2)]
    if draw(st.booleans()):
        s.status_date = START + dt.timedelta(days=rng.randint(60, 120))  # after every fact
    n = draw(st.integers(1, 25))
    for i in range(n):
        ini = Initiative(f"K{i}", f"Work {i}", rng.choice([0, 0, 1, 3, 5, 8, 13]))
        roll = rng.random()
        if roll < 0.15:
            ini.not_before = START + dt.timedelta(days=rng.randint(0, 200))
        elif roll < 0.25:
            ini.phase = rng.choice(["Short term", "Medium term", "Long term"])
        elif roll < 0.35:
            ini.status = "dropped"
        elif roll < 0.45:
            ini.touchpoints = [rng.choice(["TP1", "TP2"])]
        elif roll < 0.55:
            ini.actual_start = START + dt.timedelta(days=rng.randint(0, 30))
            ini.percent_complete = rng.choice([0, 30, 100])
            if ini.percent_complete == 100:
                ini.actual_finish = ini.actual_start + dt.timedelta(days=ini.duration)
        s.initiatives[ini.key] = ini
    order = list(s.initiatives)
    rng.shuffle(order)  # links follow a random order: some point up the document
    pairs = {tuple(sorted(rng.sample(range(n), 2))) for _ in range(n * 3 // 2)} if n > 1 else ()
    for a, b in sorted(pairs):
        kind = rng.choice(["FS", "FS", "SS", "FF", "SF"])
        s.dependencies.append(Dependency(order[a], order[b], kind, rng.choice([0, 2, -3])))
    return s


@settings(max_examples=150, deadline=None)
@given(plans())
def test_the_planner_gives_the_same_schedule_with_the_survey_as_without(plan: Strategy) -> None:
    with_survey = schedule(plan)
    # None: what validate_strategy gives after the ordered checks, the planner then reads
    # every initiative itself, as it did before the survey.
    with patch.object(validation, "records_look_fine", lambda _: None):
        assert validate_strategy(plan) is None
        without = schedule(plan)
    assert repr(with_survey) == repr(without)

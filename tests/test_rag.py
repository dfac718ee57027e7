"""RAG status by the rules of tracking.md, on hand-computed cases."""

from __future__ import annotations

import pytest

from cxroadmap.scheduling.rag import AMBER, GREEN, RED, Rag, overridden, rag_of


@pytest.mark.parametrize(
    ("variance", "overdue", "behind", "want"),
    [
        # Finish variance against the chosen baseline, red after 10 working days.
        (11, None, 0, Rag(RED, "finishes 11 working days later than the baseline "
                               "(red after 10 working days)")),
        (10, None, 0, Rag(AMBER, "finishes 10 working days later than the baseline")),
        (1, None, 0, Rag(AMBER, "finishes 1 working day later than the baseline")),
        (0, None, 0, Rag(GREEN, "on plan")),
        (-5, None, 0, Rag(GREEN, "on plan")),
        # A milestone not complete, dated before the status day: red, whatever the variance.
        (0, "2027-01-15", 0, Rag(RED, "milestone due 2027-01-15 not reached by the status date")),
        (None, "2027-01-15", 0,
         Rag(RED, "milestone due 2027-01-15 not reached by the status date")),
        # A started initiative behind its plan: amber; a red variance still wins.
        (0, None, 4, Rag(AMBER, "started and 4 working days behind")),
        (None, None, 1, Rag(AMBER, "started and 1 working day behind")),
        (3, None, 4, Rag(AMBER, "finishes 3 working days later than the baseline")),
        (12, None, 4, Rag(RED, "finishes 12 working days later than the baseline "
                               "(red after 10 working days)")),
        # Without a baseline only the progress rules apply.
        (None, None, 0, Rag(GREEN, "on plan (no baseline to compare with)")),
    ],
)  # fmt: skip
def test_the_rules_of_the_contract(variance, overdue, behind, want):
    assert rag_of(variance, 10, overdue, behind) == want


def test_red_after_days_is_the_strategys_threshold():
    assert rag_of(3, 2).colour == RED
    assert rag_of(2, 2).colour == AMBER
    assert rag_of(1, 0).colour == RED


def test_an_override_is_shown_as_such_with_its_reason_and_the_computed_status():
    computed = rag_of(3, 10)
    rag = overridden(computed, "red", "Supplier went bankrupt")
    assert rag == Rag(
        RED,
        "Supplier went bankrupt (computed: Amber, finishes 3 working days later than the baseline)",
        True,
    )
    assert rag.label == "Red (set by hand)"
    assert overridden(computed, "green", " ").reason.startswith("no reason given")
    assert overridden(computed, "", "ignored") is computed
    assert computed.label == "Amber"


def _worked(with_baseline: bool, red_after_days: int = 10):
    """tracking.md's worked example; the baseline is the same plan before any progress."""
    import copy
    import json

    from test_scheduler_progress import WORKED

    from cxroadmap.domain.baseline_edits import TakeBaseline
    from cxroadmap.interop.jsonfile import parse_json_text
    from cxroadmap.scheduling.baselines import take
    from cxroadmap.scheduling.planner import schedule

    strategy = parse_json_text(json.dumps(WORKED))
    strategy.red_after_days = red_after_days
    if with_baseline:
        plain = copy.deepcopy(strategy)
        plain.status_date = None
        for ini in plain.initiatives.values():
            ini.actual_start = ini.actual_finish = None
            ini.percent_complete = 0
        TakeBaseline(take(schedule(plain), "Board approval", plain.start)).apply(strategy)
    return strategy, schedule(strategy)


def test_the_worked_example_against_the_plan_before_progress():
    from cxroadmap.scheduling.rag import rag_statuses

    strategy, result = _worked(True)
    found = {k: (r.colour, r.reason) for k, r in rag_statuses(strategy, result).items()}
    assert found == {
        "A": (GREEN, "on plan"),
        # Finish 01-28 against 01-22: Fri 22, Mon 25 .. Wed 27 = 4 working days.
        "B": (AMBER, "finishes 4 working days later than the baseline"),
        "C": (AMBER, "finishes 4 working days later than the baseline"),
        # D could start on day 0 (finish 01-06) but no work starts before the status day.
        "D": (RED, "finishes 12 working days later than the baseline (red after 10 working "
                   "days)"),
        "M": (RED, "finishes 12 working days later than the baseline (red after 10 working "
                   "days)"),
        "E": (AMBER, "finishes 5 working days later than the baseline"),
    }  # fmt: skip
    # With a laxer threshold the milestone is still red: due 01-06, not reached by 01-20.
    strategy, result = _worked(True, red_after_days=20)
    rags = rag_statuses(strategy, result)
    assert (rags["D"].colour, rags["M"].colour) == (AMBER, RED)
    assert rags["M"].reason == "milestone due 2027-01-06 not reached by the status date"


def test_without_a_baseline_only_the_progress_rules_apply():
    from cxroadmap.scheduling.rag import rag_statuses

    strategy, result = _worked(False)
    rags = rag_statuses(strategy, result)
    assert {k: r.colour for k, r in rags.items()} == {
        "A": GREEN, "B": AMBER, "C": GREEN, "D": GREEN, "M": GREEN, "E": GREEN,
    }  # fmt: skip
    assert rags["B"].reason == "started and 4 working days behind"
    strategy.initiatives["C"].rag_override = "red"
    strategy.initiatives["C"].rag_reason = "Trainer unavailable in February"
    rag = rag_statuses(strategy, result)["C"]
    assert (rag.colour, rag.label, rag.overridden) == (RED, "Red (set by hand)", True)
    assert rag.reason == (
        "Trainer unavailable in February (computed: Green, on plan (no baseline to compare with))"
    )

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
    assert overridden(computed, "auto", "ignored") is computed
    assert computed.label == "Amber"

"""Costs and budgets for the demo and the starter templates, in euros.

Figures are what such work typically costs a mid-sized service organisation: facilitation
and consultancy days, training delivery and backfill, tooling licences. A team plan
spends little beyond people's time; the organisation's frontline training dominates its
budget. Milestones carry no cost.
"""

from __future__ import annotations

from cxroadmap.domain.model import Strategy

CURRENCY = "EUR"

# fmt: off
# Initiative key -> cost. A cost counts in the phase the initiative starts in. The demo's
# Medium term is deliberately tight: the frontline training rollout overruns its budget,
# so the demo shows what an overrun looks like.
DEMO_COSTS: dict[str, float] = {
    "LEAD1": 6_000, "TP1": 18_000, "TP2": 24_000, "TP3": 28_000, "VIS1": 22_000,
    "VIS2": 12_000, "MEA1": 35_000, "TP4": 60_000, "MEA2": 85_000, "LEAD2": 90_000,
    "REC1": 15_000, "REC2": 38_000, "EMP1": 30_000, "TR1": 25_000, "TR2": 62_000,
    "TR3": 20_000, "REC3": 34_000, "PER1": 16_000, "TR4": 240_000, "EMP2": 45_000,
    "PER2": 12_000, "RWD1": 40_000, "TR5": 110_000, "RWD2": 24_000, "RWD3": 80_000,
    "RET1": 22_000, "MEA3": 15_000, "RET2": 68_000, "LEAD3": 8_000, "VIS3": 15_000,
    "TP5": 175_000, "TR6": 150_000, "LEAD4": 70_000, "TR7": 115_000,
}
DEMO_PHASE_BUDGETS: dict[str, float] = {
    "Short term": 480_000, "Medium term": 780_000, "Long term": 600_000,
}
DEMO_YEAR_BUDGETS: dict[int, float] = {2027: 1_300_000, 2028: 600_000}

TEMPLATE_COSTS: dict[str, dict[str, float]] = {
    "team": {
        "VIS": 500, "TP1": 800, "TP2": 1_200, "TP3": 1_200, "MEA": 900, "LEAD": 1_500,
        "EMP": 400, "TR1": 1_000, "TR2": 2_500, "TR3": 600, "PER": 800, "RWD": 1_200,
        "REC": 300, "TR4": 3_000, "RET": 900,
    },
    "department": {
        "LEAD1": 2_000, "TP1": 9_000, "TP2": 12_000, "TP3": 6_000, "TP4": 14_000,
        "VIS1": 8_000, "MEA1": 10_000, "LEAD2": 30_000, "REC1": 7_000, "REC2": 9_000,
        "TR1": 10_000, "TR2": 28_000, "TR3": 12_000, "TR4": 65_000, "TP5": 45_000,
        "EMP1": 8_000, "PER1": 6_000, "RWD1": 15_000, "TR5": 30_000, "RET1": 9_000,
    },
    "organisation": {
        "LEAD1": 6_000, "VIS1": 22_000, "VIS2": 12_000, "TP1": 18_000, "TP2": 24_000,
        "TP3": 28_000, "MEA1": 35_000, "MEA2": 85_000, "LEAD2": 90_000, "REC1": 15_000,
        "TR1": 25_000, "TR2": 62_000, "TR3": 20_000, "TR4": 240_000, "EMP1": 30_000,
        "TP4": 60_000, "PER1": 16_000, "RWD1": 40_000, "RWD2": 80_000, "TR5": 110_000,
        "RET1": 22_000, "RET2": 68_000,
    },
}
TEMPLATE_PHASE_BUDGETS: dict[str, dict[str, float]] = {
    "team": {"Now": 9_000, "Next": 9_000},
    "department": {"Short term": 210_000, "Medium term": 150_000},
    "organisation": {"Short term": 520_000, "Medium term": 650_000},
}
# fmt: on


def add_costs(
    strategy: Strategy,
    costs: dict[str, float],
    phase_budgets: dict[str, float],
    year_budgets: dict[int, float] | None = None,
) -> None:
    """Give the strategy its currency, the initiatives their costs and the phases budgets."""
    strategy.currency = CURRENCY
    for key, cost in costs.items():
        strategy.initiatives[key].cost = float(cost)
    for phase in strategy.phases:
        if phase.name in phase_budgets:
            phase.budget = float(phase_budgets[phase.name])
    strategy.year_budgets = {y: float(a) for y, a in (year_budgets or {}).items()}

"""Small strategies with touchpoints, measures and a three-level cascade, for the cx tests."""

from __future__ import annotations

import datetime as dt

from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.support import SupportLink
from cxroadmap.domain.touchpoints import Opportunity, Touchpoint

START = dt.date(2027, 1, 4)


def touchpoint_strategy() -> Strategy:
    """An organisation strategy: two touchpoints, one opportunity made into an initiative."""
    strategy = Strategy(name="Org", start=START, level="organisation", key="ORG")
    strategy.initiatives = {
        "MAP": Initiative(
            "MAP", "Map the moments of truth", 10, "touchpoints", touchpoints=["CALL"]
        ),
        "TR1": Initiative("TR1", "Calm under pressure", 15, "training", touchpoints=["CALL"]),
        "FIX": Initiative("FIX", "Fix the refund process", 20, "touchpoints"),
        "DONE": Initiative("DONE", "Strategy reviewed", 0, "measurement"),
    }
    strategy.dependencies = [Dependency("MAP", "TR1"), Dependency("TR1", "DONE")]
    strategy.touchpoints = [
        Touchpoint(
            "CALL",
            "Customer calls with a complaint",
            stage="Get help",
            channel="Phone",
            now="Passed between three teams",
            should="Owned by the first person who answers",
            gap=2,
            standards=["Answer within 30 seconds"],
            measures=["First-contact resolution"],
            no_value=["Re-keying the complaint in two systems"],
            root_causes=["Nobody may approve a refund under 50"],
            opportunities=[Opportunity("Refund authority at the front line")],
        ),
        Touchpoint("REFUND", "Refund arrives", stage="Get help", channel="Letter", gap=4),
    ]
    strategy.measures = [
        Measure(
            "FCR",
            "First-contact resolution",
            "%",
            62.0,
            80.0,
            dt.date(2027, 12, 31),
            ["MAP", "TR1"],
        )
    ]
    return strategy


def cascade_strategies() -> list[Strategy]:
    """ORG <- CARE <- CARE-T1: each lower initiative supports one above it."""
    org = Strategy(name="Organisation", start=START, level="organisation", key="ORG")
    org.initiatives = {
        "VIS": Initiative("VIS", "Service vision", 10, "vision"),
        "LEAD": Initiative("LEAD", "Leaders coach for service", 20, "leadership"),
    }
    org.dependencies = [Dependency("VIS", "LEAD")]
    care = Strategy(name="Customer care", start=START, level="department", key="CARE", parent="ORG")
    care.initiatives = {
        "STD": Initiative(
            "STD", "Care standards", 10, "vision", supports=[SupportLink("ORG", "VIS")]
        ),
        "COACH": Initiative(
            "COACH", "Care leaders coach", 15, "leadership", supports=[SupportLink("ORG", "LEAD")]
        ),
    }
    team = Strategy(name="Complaints team", start=START, level="team", key="CARE-T1", parent="CARE")
    team.initiatives = {
        "HUD": Initiative(
            "HUD",
            "Daily huddle",
            5,
            "performance",
            supports=[SupportLink("CARE", "COACH"), SupportLink("ORG", "LEAD")],
        ),
    }
    return [org, care, team]

"""Small strategies that the interop tests write and read back."""

import datetime as dt

from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy

MARKUP = "<b>&\"' R&D"


def small_strategy() -> Strategy:
    """Three initiatives: a chain A -> B (FS) -> M (SS+2d, a milestone)."""
    strategy = Strategy(name="Small plan", start=dt.date(2027, 1, 4))
    for ini in (
        Initiative("A", f"Vision {MARKUP}", 5, pillar="vision", owner="Zoë", impact=4),
        Initiative("B", "Hire, for mindset", 10, pillar="recruitment"),
        Initiative("M", "Standards agreed", 0),
    ):
        strategy.initiatives[ini.key] = ini
    strategy.dependencies = [Dependency("A", "B"), Dependency("B", "M", "SS", 2)]
    return strategy


def rich_strategy() -> Strategy:
    """Every field filled, every link type, non-ASCII and markup-like text everywhere."""
    strategy = Strategy(
        name="Servicekultur 2027 – Łódź & 漢字",
        start=dt.date(2027, 1, 4),
        level="department",
        owner="Head of Care <cx@example.org>",
        vision='Every customer leaves helped.\nSecond line; with "quotes".',
        mission=MARKUP,
        values=["Own the outcome", "Make it easy, always", "=1+1"],
        working_days=("mon", "tue", "wed", "thu"),
        holidays=[dt.date(2027, 1, 7), dt.date(2027, 4, 1)],
        max_parallel=2,
        phases=[Phase("Now", 6), Phase("Next", 20), Phase("Later")],
    )
    items = [
        Initiative(
            "VIS1",
            "Define the vision — «why»",
            8,
            pillar="vision",
            owner="CEO",
            impact=5,
            status="in_progress",
            description=f"Line one\nLine two {MARKUP}",
        ),
        Initiative(
            "REC1",
            "Hire for service mindset",
            12,
            pillar="recruitment",
            not_before=dt.date(2027, 2, 1),
            impact=4,
        ),
        Initiative("TR1", "Training: context", 6, pillar="training", phase="Next", status="idea"),
        Initiative(
            "TR2", "Training: content (ő, Ł, 漢)", 10, pillar="training", owner="L&D", impact=2
        ),
        Initiative("TP1", "Map moments of truth", 4, pillar="touchpoints", status="done", impact=1),
        Initiative("M1", "Standards agreed", 0, pillar="measurement"),
        Initiative("X1", "=SUM(A1:A3)", 3, status="dropped"),
    ]
    for ini in items:
        strategy.initiatives[ini.key] = ini
    strategy.dependencies = [
        Dependency("VIS1", "REC1", "FS", 2),
        Dependency("TP1", "TR1", "FS", 0),
        Dependency("TR1", "TR2", "SS", 3),
        Dependency("VIS1", "TR2", "FF", -2),
        Dependency("TR2", "M1", "FS", 0),
        Dependency("REC1", "X1", "SF", 1),
    ]
    return strategy


def cx_strategy() -> Strategy:
    """rich_strategy() with touchpoints, opportunities, measures and alignment links."""
    from cxroadmap.domain.measures import Measure
    from cxroadmap.domain.support import SupportLink
    from cxroadmap.domain.touchpoints import Opportunity, Touchpoint

    strategy = rich_strategy()
    strategy.key = "CARE-T1"
    strategy.parent = "CARE"
    strategy.touchpoints = [
        Touchpoint(
            "TP-CALL",
            "Customer calls about a late delivery «angry»",
            stage="Get help",
            channel="Phone",
            now="Put on hold; transferred twice",
            should=f"Answered by someone who can fix it {MARKUP}",
            gap=5,
            standards=["Answer within 3 rings; greet by name", "=no formula"],
            measures=["First-contact resolution"],
            no_value=["Re-keying the order number"],
            root_causes=["Agents cannot see delivery status", "Ł 漢"],
            opportunities=[
                Opportunity("Give agents the carrier's tracking", "TP1"),
                Opportunity("Call back proactively; apologise"),
            ],
        ),
        Touchpoint("TP-WEB", "Order online", gap=2),
    ]
    strategy.initiatives["TP1"].touchpoints = ["TP-CALL", "TP-WEB"]
    strategy.initiatives["VIS1"].supports = [SupportLink("CARE", "VIS2"), SupportLink("ORG", "L1")]
    strategy.initiatives["TR2"].supports = [SupportLink("ORG", "T;1")]
    strategy.measures = [
        Measure("FCR", "First-contact resolution", "%", 62.0, 80.5, dt.date(2027, 12, 31),
                ["TP1", "TR2"]),
        Measure("NPS", "Net promoter score"),
    ]  # fmt: skip
    return strategy

"""The demo's cascade: two departments under the organisation strategy, and a team under one.

Each lower initiative names the initiative above it that it supports; all of them are
scheduled to finish in time for what they support, so the alignment view shows no flags.
"""

# ruff: noqa: E501  (the tables read best one initiative to a line)

from __future__ import annotations

import datetime as dt

from cxroadmap.content.tables import TouchpointRow, add_touchpoints
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.support import SupportLink

# The departments start once the organisation's experience strategy is signed off (MS1).
CHILD_START = dt.date(2027, 3, 8)

# key, title, pillar, duration (working days), owner, supports ("ORG/TR4; CARE/C-HAND")
Row = tuple[str, str, str, int, str, str]

# fmt: off
CARE_ROWS: tuple[Row, ...] = (
    ("C-STD", "Care service standards for phone, chat and email", "vision", 15, "Head of Customer Care", "ORG/TR2"),
    ("C-AUTH", "Refund and goodwill authority for care advisers", "empowerment", 10, "Head of Customer Care", "ORG/EMP1"),
    ("C-HAND", "Redesign the hand-off between care and billing", "touchpoints", 30, "Care process owner", "ORG/EMP2"),
    ("C-COACH", "Team leaders observe and coach one call a week", "leadership", 20, "Care team leaders", "ORG/PER2"),
    ("C-TRAIN", "Soft-skills training for every care adviser", "training", 40, "Learning partner", "ORG/TR4"),
    ("C-MS", "All care advisers trained", "training", 0, "Learning partner", "ORG/MS2"),
    ("C-FCR", "Weekly first-contact resolution review", "measurement", 20, "Care analyst", "ORG/MEA3"),
)
CARE_DEPENDENCIES = (("C-STD", "C-AUTH"), ("C-STD", "C-HAND"), ("C-STD", "C-COACH"), ("C-COACH", "C-TRAIN"), ("C-TRAIN", "C-MS"), ("C-MS", "C-FCR"))

STORES_ROWS: tuple[Row, ...] = (
    ("S-PROFILE", "Store hiring profile and interview questions", "recruitment", 15, "Head of Retail", "ORG/REC2"),
    ("S-VALUES", "Store values in action: behaviours for each role", "vision", 10, "Head of Retail", "ORG/TR3"),
    ("S-QUEUE", "Fix the returns-desk queue", "touchpoints", 25, "Store operations", "ORG/TP4"),
    ("S-TRAIN", "Service training for every store colleague", "training", 30, "Store trainers", "ORG/TR4"),
    ("S-HUDDLE", "Daily store huddles on the service standards", "performance", 15, "Store managers", "ORG/PER2"),
    ("S-RECOG", "Store of the month for service", "recognition", 10, "Head of Retail", "ORG/RWD1"),
)
STORES_DEPENDENCIES = (("S-VALUES", "S-TRAIN"), ("S-VALUES", "S-HUDDLE"), ("S-HUDDLE", "S-RECOG"))

TEAM_ROWS: tuple[Row, ...] = (
    ("T-PROMISE", "Open complaint promises on the huddle board", "measurement", 5, "Complaints team leader", "CARE/C-FCR"),
    ("T-ACK", "Acknowledge every complaint within one working day", "touchpoints", 10, "Complaints team", "CARE/C-HAND"),
    ("T-ROLE", "Role-play: calm replies to angry complainants", "training", 10, "Complaints team leader", "CARE/C-TRAIN"),
    ("T-SHOUT", "Weekly shout-outs for customers we kept", "recognition", 5, "Complaints team", "ORG/RWD2"),
)
TEAM_DEPENDENCIES = (("T-PROMISE", "T-ROLE"), ("T-ROLE", "T-SHOUT"))

CARE_TOUCHPOINTS = (
    TouchpointRow(
        "C-BILLING", "A customer calls care about a billing problem", "Get help", "Phone",
        "The adviser cannot see billing and transfers the call.",
        "The adviser sees the bill and puts it right on the call.",
        4,
        ("Billing questions resolved on the first call",),
        ("Transfers to billing",),
        ("Transferring calls to billing and back",),
        ("Care and billing use different systems", "Advisers may not credit an account"),
        (("Redesign the care-billing hand-off", "C-HAND"), ("Goodwill credit up to 50", "C-AUTH")),
        ("C-HAND", "C-AUTH"),
    ),
    TouchpointRow(
        "C-WRITTEN", "A customer writes in by chat or email", "Get help", "Chat and email",
        "Replies follow a script and miss half the question.",
        "A personal reply that answers everything asked.",
        3,
        ("Answer every question asked",),
        ("Repeat contacts within seven days",),
        (),
        ("Scripts written for speed",),
        (("Written-service standards", "C-STD"),),
        ("C-STD", "C-TRAIN"),
    ),
)

STORES_TOUCHPOINTS = (
    TouchpointRow(
        "S-RETURN", "Returning an item in a store", "Use", "In person",
        "A twenty-minute queue and a form in triplicate.",
        "Done in five minutes by any colleague on the floor.",
        4,
        ("Returns done in five minutes",),
        ("Returns handled within five minutes",),
        ("The triplicate returns form",),
        ("Only the returns desk may refund",),
        (("Fix the returns-desk queue", "S-QUEUE"), ("Any colleague may take a return", None)),
        ("S-QUEUE", "S-TRAIN"),
    ),
)

TEAM_TOUCHPOINTS = (
    TouchpointRow(
        "T-LETTER", "A complaint letter arrives", "Get help", "Letter and email",
        "It waits in a pile for a week before anyone reads it.",
        "Read, acknowledged and owned the same working day.",
        4,
        ("Acknowledge within one working day",),
        ("Complaints acknowledged within a day",),
        ("Sorting post twice",),
        ("Post is opened once a week",),
        (("Same-day acknowledgement", "T-ACK"),),
        ("T-ACK", "T-ROLE"),
    ),
)
# fmt: on


def _strategy(
    key: str, parent: str, name: str, level: str, owner: str, vision: str, max_parallel: int
) -> Strategy:
    return Strategy(
        name=name,
        start=CHILD_START,
        level=level,
        owner=owner,
        vision=vision,
        max_parallel=max_parallel,
        phases=[Phase("Short term", 13), Phase("Medium term", 26), Phase("Long term", None)],
        key=key,
        parent=parent,
    )


def _fill(
    strategy: Strategy,
    rows: tuple[Row, ...],
    dependencies: tuple[tuple[str, str], ...],
    touchpoints: tuple[TouchpointRow, ...],
) -> Strategy:
    for key, title, pillar, days, owner, supports in rows:
        strategy.initiatives[key] = Initiative(
            key,
            title,
            days,
            pillar,
            owner=owner,
            supports=[SupportLink.parse(s.strip(), key) for s in supports.split(";")],
        )
    strategy.dependencies = [Dependency(a, b) for a, b in dependencies]
    add_touchpoints(strategy, touchpoints)
    return strategy


def demo_children() -> list[Strategy]:
    """Customer Care and Retail stores under ORG, and the Complaints team under Care."""
    care = _fill(
        _strategy(
            "CARE",
            "ORG",
            "Customer Care service plan 2027",
            "department",
            "Head of Customer Care",
            "Every customer who contacts Care gets a clear, kind and complete answer the first time.",
            3,
        ),
        CARE_ROWS,
        CARE_DEPENDENCIES,
        CARE_TOUCHPOINTS,
    )
    care.measures = [
        Measure(
            "C-FCR",
            "Care first-contact resolution",
            "%",
            58.0,
            78.0,
            dt.date(2027, 12, 31),
            ["C-HAND", "C-AUTH", "C-TRAIN"],
        )
    ]
    stores = _fill(
        _strategy(
            "STORES",
            "ORG",
            "Retail stores service plan 2027",
            "department",
            "Head of Retail",
            "Every visit leaves the customer glad they came in.",
            3,
        ),
        STORES_ROWS,
        STORES_DEPENDENCIES,
        STORES_TOUCHPOINTS,
    )
    stores.measures = [
        Measure(
            "S-RET5",
            "Returns handled within five minutes",
            "%",
            40.0,
            80.0,
            dt.date(2027, 9, 30),
            ["S-QUEUE"],
        )
    ]
    team = _fill(
        _strategy(
            "CARE-T1",
            "CARE",
            "Complaints team plan",
            "team",
            "Complaints team leader",
            "Every complainant feels heard within a day and leaves as a customer.",
            2,
        ),
        TEAM_ROWS,
        TEAM_DEPENDENCIES,
        TEAM_TOUCHPOINTS,
    )
    team.measures = [
        Measure(
            "T-ACK1",
            "Complaints acknowledged within a day",
            "%",
            45.0,
            95.0,
            dt.date(2027, 6, 30),
            ["T-ACK", "T-PROMISE"],
        )
    ]
    return [care, stores, team]

"""The demo strategy: an organisation-wide customer-experience roadmap over about two years.

`demo_strategy()` is the organisation strategy (key ORG) with its touchpoints and
measures; `demo_cascade()` adds the department and team strategies below it.
"""

# ruff: noqa: E501  (the tables read best one initiative to a line)

from __future__ import annotations

import datetime as dt

from cxroadmap.content.costs import DEMO_COSTS, DEMO_PHASE_BUDGETS, DEMO_YEAR_BUDGETS, add_costs
from cxroadmap.content.demo_cascade import demo_children
from cxroadmap.content.demo_cx import add_org_cx
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy

__all__ = ["demo_cascade", "demo_children", "demo_strategy"]

# key, title, pillar, duration (working days), owner, impact, description
# fmt: off
_INITIATIVES: tuple[tuple[str, str, str, int, str, int, str], ...] = (
    ("LEAD1", "Executive sponsor and steering group in place", "leadership", 5, "Chief Executive", 4, "Name the sponsor, set up a monthly steering group and agree how decisions are made."),
    ("TP1", "Workshop: map the customer's moments of truth", "touchpoints", 10, "Head of Customer Experience", 5, "List every touchpoint from first contact to renewal; mark the emotional, human ones."),
    ("TP2", "Describe each touchpoint as it is now and as it should be", "touchpoints", 15, "Head of Customer Experience", 5, "For each moment of truth: what happens now, what should happen, and the gap."),
    ("TP3", "Find the root causes behind the biggest service gaps", "touchpoints", 15, "Operations Director", 5, "Separate causes from symptoms before prescribing any training."),
    ("VIS1", "Define the service vision and mission", "vision", 15, "Chief Executive", 5, "The why of our service: what customers should feel after every interaction."),
    ("VIS2", "Agree the values and the behaviours behind them", "vision", 10, "Executive team", 4, "Turn each value into behaviours people can see and coach."),
    ("MS1", "Experience strategy signed off", "vision", 0, "Executive team", 5, "The blueprint for short- and long-term decisions is agreed."),
    ("MEA1", "Service standards and measures for each touchpoint", "measurement", 20, "Head of Customer Experience", 5, "Standards where they are missing, and one measure per moment of truth."),
    ("TP4", "Remove activities that add no value for the customer", "touchpoints", 40, "Operations Director", 4, "Cut the work a customer would not pay for if they knew about it."),
    ("MEA2", "Customer-experience dashboard live", "measurement", 25, "Insight team", 4, "Touchpoint measures, complaints and effort scores in one place, every week."),
    ("LEAD2", "Train leaders to coach for service", "leadership", 30, "People Director", 5, "Leaders learn to coach, recognise and hold standards before their teams are trained."),
    ("REC1", "Hiring profile for a service mindset", "recruitment", 15, "Head of Talent", 4, "Describe the mindset we hire for in every customer-facing role."),
    ("REC2", "Behavioural interviews and assessor training", "recruitment", 20, "Head of Talent", 4, "Interview questions and assessment days that test for the profile."),
    ("EMP1", "Service recovery toolkit and spending authority", "empowerment", 20, "Operations Director", 5, "Frontline staff may put things right on the spot, within clear limits."),
    ("TR1", "Training context: why service matters", "training", 15, "Learning team", 4, "Why the vision matters to the company, the employee and the customer."),
    ("TR2", "Training content: excellent service in each role", "training", 30, "Learning team", 5, "What excellent service looks like at each touchpoint and in each role."),
    ("TR3", "Buy-in: teams shape their own service promises", "training", 20, "Team leaders", 4, "Knowing is not the same as being on board: teams write their promises."),
    ("REC3", "Onboarding that starts with the why", "recruitment", 20, "Learning team", 4, "New starters learn the vision and the soft skills, not only the keys and the handbook."),
    ("PER1", "Service standards in every role and objective", "performance", 20, "People Director", 4, "Each role description and objective names its service standards."),
    ("TR4", "Soft-skills training for every frontline team", "training", 60, "Learning team", 5, "Staying calm and constructive under pressure, for new and experienced staff alike."),
    ("EMP2", "Remove approval steps that slow frontline decisions", "empowerment", 30, "Operations Director", 4, "Fewer hand-offs between the customer and a decision."),
    ("PER2", "Monthly one-to-ones with service feedback", "performance", 40, "Team leaders", 4, "A rhythm of feedback on the standards, backed by the dashboard."),
    ("RWD1", "Recognition framework tied to the standards", "recognition", 25, "People Director", 4, "Recognise the behaviours the standards describe, not just sales."),
    ("MS2", "All frontline teams trained", "training", 0, "Learning team", 4, "Every customer-facing team has completed the soft-skills programme."),
    ("TR5", "Refresher and reinforcement every quarter", "training", 120, "Learning team", 4, "Skills and focus fade: short refreshers keep them alive, quarter after quarter."),
    ("RWD2", "Peer recognition programme", "recognition", 20, "Team leaders", 3, "Colleagues thank each other for service moments, visibly and often."),
    ("RWD3", "Review rewards and benefits", "recognition", 40, "People Director", 3, "Rewards and benefits that reinforce the service culture."),
    ("RET1", "Stay interviews and exit analysis", "retention", 30, "People Director", 4, "Learn why good people stay and why they leave, using performance data."),
    ("MEA3", "Quarterly touchpoint review", "measurement", 20, "Insight team", 4, "Measures against standards, every quarter, with owners for each gap."),
    ("RET2", "Career paths for service professionals", "retention", 50, "People Director", 4, "Routes to grow in customer-facing roles without leaving them."),
    ("LEAD3", "Leaders' service walk-arounds on a monthly rhythm", "leadership", 40, "Executive team", 3, "Leaders visit the touchpoints and listen to customers and staff."),
    ("MS3", "One-year review of the experience strategy", "measurement", 0, "Chief Customer Officer", 5, "What moved, what did not, and why."),
    ("VIS3", "Refresh the strategy for year two", "vision", 15, "Executive team", 4, "Update the vision, standards and roadmap from a year of evidence."),
    ("TP5", "Second wave: improve the next five moments of truth", "touchpoints", 90, "Head of Customer Experience", 4, "The next touchpoints by gap size: root causes first, training only where it helps."),
    ("TR6", "Extend the programme to back-office and support teams", "training", 60, "Learning team", 4, "Internal service shapes external service: the same context, content and buy-in."),
    ("LEAD4", "Second leadership cohort: coaching for service", "leadership", 30, "People Director", 4, "New and promoted leaders join the coaching programme."),
    ("TR7", "Reinforcement in year two", "training", 120, "Learning team", 4, "Refreshers continue on the same rhythm, now built from the dashboard's weakest measures."),
    ("MS4", "Two-year review: results against the standards", "measurement", 0, "Chief Customer Officer", 5, "Measures against the standards at every touchpoint, and the case for year three."),
)

# from, to, type, lag (working days)
_DEPENDENCIES: tuple[tuple[str, str, str, int], ...] = (
    ("LEAD1", "TP1", "FS", 0), ("LEAD1", "VIS1", "FS", 0), ("TP1", "TP2", "FS", 0),
    ("TP2", "TP3", "FS", 0), ("VIS1", "VIS2", "FS", 0), ("VIS2", "MS1", "FS", 0),
    ("TP3", "MS1", "FS", 0), ("TP2", "MEA1", "SS", 5), ("VIS2", "MEA1", "FS", 0),
    ("TP3", "TP4", "FS", 0), ("MEA1", "MEA2", "FS", 0), ("MS1", "LEAD2", "FS", 0),
    ("VIS2", "REC1", "FS", 0), ("MEA1", "REC1", "FS", 0), ("REC1", "REC2", "FS", 0),
    ("MEA1", "EMP1", "FS", 0), ("MS1", "TR1", "FS", 0), ("TR1", "TR2", "FS", 0),
    ("TR2", "TR3", "SS", 5), ("TR1", "REC3", "FS", 0), ("REC2", "REC3", "FS", 0),
    ("MEA1", "PER1", "FS", 0), ("TR2", "TR4", "FS", 0), ("LEAD2", "TR4", "FS", 0),
    ("TR3", "TR4", "FF", 10), ("TP4", "EMP2", "SS", 10), ("EMP1", "EMP2", "FS", 0),
    ("PER1", "PER2", "FS", 0), ("LEAD2", "PER2", "FS", 0), ("PER1", "RWD1", "FS", 0),
    ("TR4", "MS2", "FS", 0), ("MS2", "TR5", "FS", 0), ("RWD1", "RWD2", "FS", 0),
    ("RWD1", "RWD3", "FS", 0), ("PER2", "RWD3", "FS", 0), ("PER2", "RET1", "FS", 0),
    ("MEA2", "MEA3", "FS", 0), ("MS2", "MEA3", "FS", 10), ("RET1", "RET2", "FS", 0),
    ("LEAD2", "LEAD3", "SS", 15), ("MEA3", "MS3", "FS", 0), ("RWD3", "MS3", "FS", 0),
    ("MS3", "VIS3", "FS", 0), ("VIS3", "TP5", "FS", 0), ("VIS3", "TR6", "FS", 0),
    ("VIS3", "LEAD4", "FS", 0), ("TR5", "TR7", "FS", 0), ("TP5", "MS4", "FS", 0),
    ("TR6", "MS4", "FS", 0), ("LEAD4", "MS4", "FS", 0), ("TR7", "MS4", "FS", 0),
    ("RET2", "MS4", "FS", 0),
)
# fmt: on

_NOT_BEFORE = {"MS3": dt.date(2028, 1, 10), "LEAD3": dt.date(2027, 9, 6)}
_PHASE_PINS = {"VIS3": "Long term", "TR7": "Long term"}
_STATUS = {"LEAD1": "in_progress", "TP1": "planned"}


def demo_strategy() -> Strategy:
    """A realistic organisation-level strategy: 38 initiatives over about 19 months."""
    strategy = Strategy(
        name="Customer experience strategy 2027–2028",
        start=dt.date(2027, 1, 4),
        level="organisation",
        owner="Chief Customer Officer",
        vision=(
            "Every customer leaves an interaction feeling helped, respected and glad they chose us."
        ),
        mission=(
            "We make service easy for customers and for the people who serve them, "
            "at every touchpoint, every day."
        ),
        values=["Own the outcome", "Make it easy", "Calm under pressure", "Learn every day"],
        holidays=[
            dt.date(2027, 4, 2),
            dt.date(2027, 4, 5),
            dt.date(2027, 5, 31),
            dt.date(2027, 8, 30),
            dt.date(2027, 12, 27),
            dt.date(2027, 12, 28),
            dt.date(2028, 4, 14),
            dt.date(2028, 4, 17),
        ],
        max_parallel=6,
        phases=[Phase("Short term", 13), Phase("Medium term", 39), Phase("Long term", None)],
        key="ORG",
    )
    for key, title, pillar, days, owner, impact, description in _INITIATIVES:
        strategy.initiatives[key] = Initiative(
            key=key,
            title=title,
            duration=days,
            pillar=pillar,
            description=description,
            owner=owner,
            impact=impact,
            status=_STATUS.get(key, "planned"),
            not_before=_NOT_BEFORE.get(key),
            phase=_PHASE_PINS.get(key),
        )
    strategy.dependencies = [Dependency(a, b, t, lag) for a, b, t, lag in _DEPENDENCIES]
    add_org_cx(strategy)
    add_costs(strategy, DEMO_COSTS, DEMO_PHASE_BUDGETS, DEMO_YEAR_BUDGETS)
    return strategy


def demo_cascade() -> list[Strategy]:
    """The organisation strategy first, then Customer Care, Retail stores and the Complaints team."""
    return [demo_strategy(), *demo_children()]

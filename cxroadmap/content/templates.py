"""Starter templates for a team, a department and an organisation strategy."""

# ruff: noqa: E501  (the template tables read best one initiative to a line)

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cxroadmap.content.costs import TEMPLATE_COSTS, TEMPLATE_PHASE_BUDGETS, add_costs
from cxroadmap.content.template_cx import add_cx_content
from cxroadmap.domain.durations import parse_duration
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy


@dataclass(frozen=True)
class Template:
    name: str
    level: str
    description: str
    strategy_name: str
    vision: str
    mission: str
    values: tuple[str, ...]
    phases: tuple[tuple[str, int | None], ...]
    max_parallel: int | None
    # key, title, pillar, duration, owner, depends on ("A; B SS+5d; C FF-2d")
    rows: tuple[tuple[str, str, str, str, str, str], ...]


_DEP = re.compile(r"^(?P<key>[^\s+-]+)(?:\s+(?P<type>FS|SS|FF|SF))?(?P<lag>[+-]\d+[dwm]?)?$")

# fmt: off
TEAM = Template(
    name="team",
    level="team",
    description="A team leader's quarter-by-quarter plan: the team's touchpoints, "
    "habits, coaching and local recognition.",
    strategy_name="Team service plan",
    vision="Customers who deal with our team feel listened to and helped first time.",
    mission="We own every customer contact that reaches us, from hello to resolved.",
    values=("Own it", "Make it easy", "Stay calm"),
    phases=(("Now", 6), ("Next", 13), ("Later", None)),
    max_parallel=3,
    rows=(
        ("VIS", "Team service promise drawn from the company vision", "vision", "1w", "Team leader", ""),
        ("TP1", "Map the team's touchpoints with customers", "touchpoints", "1w", "Team", ""),
        ("TP2", "What happens now and what should happen at each touchpoint", "touchpoints", "2w", "Team", "TP1"),
        ("TP3", "Root causes of the three biggest gaps", "touchpoints", "2w", "Team leader", "TP2"),
        ("MEA", "Huddle board with the team's service measures", "measurement", "1w", "Team leader", "VIS; TP2"),
        ("LEAD", "Coaching rhythm: one observed contact per person a week", "leadership", "2w", "Team leader", "VIS"),
        ("EMP", "Agree what each person may decide on the spot", "empowerment", "1w", "Team leader", "TP3"),
        ("TR1", "Context session: why our service matters", "training", "1w", "Team leader", "VIS; TP3"),
        ("TR2", "Role-play: calm and constructive with upset customers", "training", "2w", "Team leader", "TR1; LEAD"),
        ("TR3", "Buy-in: the team writes its own service commitments", "training", "1w", "Team", "TR2 SS+2d"),
        ("PER", "Service standards in every one-to-one", "performance", "2w", "Team leader", "MEA"),
        ("RWD", "Weekly shout-outs for service moments", "recognition", "1w", "Team", "PER"),
        ("REC", "Service-mindset questions in the team's interviews", "recruitment", "1w", "Team leader", "VIS"),
        ("MS1", "Team service promise live", "vision", "0", "Team leader", "TR3; EMP"),
        ("TR4", "Ten-minute refreshers every fortnight", "training", "12w", "Team", "MS1"),
        ("RET", "Stay conversations with each team member", "retention", "3w", "Team leader", "PER"),
        ("MS2", "Quarterly review of the team's touchpoints", "measurement", "0", "Team", "TR4; RET; RWD"),
    ),
)

DEPARTMENT = Template(
    name="department",
    level="department",
    description="A department's year: service standards per function, hiring profiles, "
    "a training programme and touchpoint improvements it owns.",
    strategy_name="Department service strategy",
    vision="Every customer who reaches our department gets a clear, kind and complete answer.",
    mission="We set the standards, hire and train for them, and fix the processes behind them.",
    values=("Own the outcome", "Make it easy", "Learn every day"),
    phases=(("Short term", 13), ("Medium term", 26), ("Long term", None)),
    max_parallel=4,
    rows=(
        ("LEAD1", "Department leadership team commits to the strategy", "leadership", "1w", "Head of department", ""),
        ("TP1", "Workshop: the department's moments of truth", "touchpoints", "2w", "Head of department", "LEAD1"),
        ("TP2", "Now versus should-be, standards and measures per touchpoint", "touchpoints", "3w", "Process owner", "TP1"),
        ("TP3", "Activities that add no value for the customer", "touchpoints", "2w", "Process owner", "TP2 SS+1w"),
        ("TP4", "Root-cause analysis of the largest gaps", "touchpoints", "3w", "Process owner", "TP2"),
        ("VIS1", "Service standards for each function", "vision", "3w", "Head of department", "LEAD1"),
        ("MEA1", "Measures and targets for each touchpoint", "measurement", "3w", "Analyst", "TP2; VIS1"),
        ("MS1", "Standards and measures agreed", "measurement", "0", "Head of department", "MEA1; TP4"),
        ("LEAD2", "Team leaders trained to coach to the standards", "leadership", "4w", "Learning partner", "MS1"),
        ("REC1", "Hiring profile for each customer-facing role", "recruitment", "3w", "HR partner", "VIS1"),
        ("REC2", "Behavioural interview guide", "recruitment", "3w", "HR partner", "REC1"),
        ("TR1", "Training context: the why behind the standards", "training", "2w", "Learning partner", "MS1"),
        ("TR2", "Training content: excellent service in each role", "training", "5w", "Learning partner", "TR1"),
        ("TR3", "Buy-in workshops with every team", "training", "4w", "Team leaders", "TR2 SS+1w"),
        ("TR4", "Programme rollout to all teams", "training", "8w", "Learning partner", "TR2; LEAD2"),
        ("TP5", "Redesign the two most painful processes", "touchpoints", "8w", "Process owner", "TP4; TP3"),
        ("EMP1", "Decision rights and a service-recovery budget for the front line", "empowerment", "3w", "Head of department", "MS1"),
        ("PER1", "Standards in objectives and one-to-ones", "performance", "3w", "HR partner", "MS1"),
        ("RWD1", "Recognition tied to the new standards", "recognition", "3w", "HR partner", "PER1"),
        ("MS2", "All teams trained", "training", "0", "Learning partner", "TR4"),
        ("TR5", "Quarterly reinforcement sessions", "training", "12w", "Team leaders", "MS2"),
        ("RET1", "Retention review from performance data", "retention", "4w", "HR partner", "PER1 FS+8w"),
        ("MS3", "Department one-year review", "measurement", "0", "Head of department", "TR5; RET1; TP5; RWD1; EMP1; REC2; TR3"),
    ),
)

ORGANISATION = Template(
    name="organisation",
    level="organisation",
    description="An organisation-wide experience strategy over about two years: vision, "
    "leadership, company measures and a recognition framework.",
    strategy_name="Customer experience strategy",
    vision="Every customer feels helped, respected and glad they chose us.",
    mission="We make service easy for customers and for the people who serve them.",
    values=("Own the outcome", "Make it easy", "Calm under pressure", "Learn every day"),
    phases=(("Short term", 13), ("Medium term", 39), ("Long term", None)),
    max_parallel=6,
    rows=(
        ("LEAD1", "Executive sponsor and steering group", "leadership", "1w", "Chief Executive", ""),
        ("VIS1", "Service vision and mission", "vision", "3w", "Executive team", "LEAD1"),
        ("VIS2", "Values and the behaviours behind them", "vision", "2w", "Executive team", "VIS1"),
        ("TP1", "Customer-experience workshop: moments of truth", "touchpoints", "2w", "Head of CX", "LEAD1"),
        ("TP2", "Now versus should-be for each touchpoint", "touchpoints", "3w", "Head of CX", "TP1"),
        ("TP3", "Root causes of the biggest gaps", "touchpoints", "3w", "Operations", "TP2"),
        ("MS1", "Experience strategy signed off", "vision", "0", "Executive team", "VIS2; TP3"),
        ("MEA1", "Company-wide service standards and measures", "measurement", "4w", "Head of CX", "VIS2; TP2 SS+1w"),
        ("MEA2", "Experience dashboard", "measurement", "5w", "Insight", "MEA1"),
        ("LEAD2", "Leadership development: coaching for service", "leadership", "6w", "People", "MS1"),
        ("REC1", "Organisation-wide hiring profile for a service mindset", "recruitment", "3w", "Talent", "VIS2; MEA1"),
        ("TR1", "Training context for everyone: why service matters", "training", "3w", "Learning", "MS1"),
        ("TR2", "Training content by role", "training", "6w", "Learning", "TR1"),
        ("TR3", "Buy-in programme", "training", "4w", "Learning", "TR2 SS+1w"),
        ("TR4", "Frontline training rollout", "training", "12w", "Learning", "TR2; LEAD2"),
        ("EMP1", "Empowerment charter and service-recovery authority", "empowerment", "4w", "Operations", "MEA1"),
        ("TP4", "Remove work that adds no customer value", "touchpoints", "8w", "Operations", "TP3"),
        ("PER1", "Service standards in every role and objective", "performance", "4w", "People", "MEA1"),
        ("RWD1", "Recognition framework tied to the standards", "recognition", "5w", "People", "PER1"),
        ("RWD2", "Rewards and benefits review", "recognition", "8w", "People", "RWD1"),
        ("MS2", "Frontline teams trained", "training", "0", "Learning", "TR4"),
        ("TR5", "Ongoing reinforcement every quarter", "training", "6m", "Learning", "MS2"),
        ("RET1", "Stay interviews and exit analysis", "retention", "6w", "People", "PER1 FS+3m"),
        ("RET2", "Career paths in customer-facing roles", "retention", "10w", "People", "RET1"),
        ("MS3", "One-year review and year-two roadmap", "measurement", "0", "Executive team", "TR5; RET2; RWD2; TP4; EMP1; MEA2; REC1; TR3"),
    ),
)

# fmt: on

TEMPLATES: dict[str, Template] = {t.name: t for t in (TEAM, DEPARTMENT, ORGANISATION)}


def list_templates() -> list[tuple[str, str]]:
    """(name, one-line description) of each starter template, blank first."""
    return [("blank", "An empty strategy with the default phases.")] + [
        (t.name, t.description) for t in TEMPLATES.values()
    ]


def _dependency(text: str, to_key: str, days_per_week: int) -> Dependency:
    match = _DEP.match(text.strip())
    if match is None:
        raise ValidationError(f"template dependency of {to_key}", f"cannot read {text!r}")
    lag = parse_duration(match["lag"] or 0, "lag", days_per_week, allow_negative=True)
    return Dependency(match["key"], to_key, match["type"] or "FS", lag)


def template_strategy(name: str, start: dt.date) -> Strategy:
    """A new strategy from the template called `name` (`blank`, `team`, `department`, ...)."""
    if name == "blank":
        return Strategy(name="New customer-experience strategy", start=start)
    template = TEMPLATES.get(name)
    if template is None:
        known = ", ".join(n for n, _ in list_templates())
        raise ValidationError("--template", f"unknown template {name!r}; use one of {known}")
    strategy = Strategy(
        name=template.strategy_name,
        start=start,
        level=template.level,
        vision=template.vision,
        mission=template.mission,
        values=list(template.values),
        max_parallel=template.max_parallel,
        phases=[Phase(n, w) for n, w in template.phases],
    )
    week = strategy.days_per_week
    for key, title, pillar, duration, owner, deps in template.rows:
        strategy.initiatives[key] = Initiative(
            key, title, parse_duration(duration, key, week), pillar, owner=owner
        )
        for text in filter(None, (d.strip() for d in deps.split(";"))):
            strategy.dependencies.append(_dependency(text, key, week))
    add_cx_content(strategy, template.name)
    add_costs(strategy, TEMPLATE_COSTS[name], TEMPLATE_PHASE_BUDGETS[name])
    return strategy


def next_monday(today: dt.date | None = None) -> dt.date:
    """The default start of a new strategy: the coming Monday (a week on, if today is one)."""
    today = today or dt.date.today()
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


def starter_strategies(name: str, start: dt.date | None = None) -> list[Strategy]:
    """The strategies of a new document from a starter, the top one first.

    A template starts on `start` (next Monday by default); the demo keeps its own dates
    and brings its departments and team.
    """
    if name == "demo":
        from cxroadmap.content.demo import demo_cascade

        return demo_cascade()
    return [template_strategy(name, start or next_monday())]

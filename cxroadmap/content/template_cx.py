"""The customer-experience workshop content of the starter templates: touchpoints and measures.

Each template starts from the customer's moments of truth: what happens now, what should
happen, the gap, standards and measures, activities that add no value, root causes and
opportunities. Every touchpoint is addressed by at least one initiative that works on a
cause (not training alone), so a new strategy opens without warnings.
"""

# ruff: noqa: E501  (the tables read best one item to a line)

from __future__ import annotations

import datetime as dt

from cxroadmap.content.tables import TouchpointRow, add_touchpoints
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Strategy

# key, name, unit, baseline, target, weeks after the start, initiatives expected to move it
MeasureRow = tuple[str, str, str, float, float, int, tuple[str, ...]]

# fmt: off
TEAM_TOUCHPOINTS = (
    TouchpointRow(
        "T-FIRST", "A customer's call or message reaches the team", "Get help", "Phone",
        "Customers wait, then repeat their story to a second person.",
        "Answered within a minute by someone who can own the case.",
        4,
        ("Answer within 60 seconds", "The person who answers owns the case"),
        ("Time to answer", "Transfers per contact"),
        ("Asking for the account number twice",),
        ("The rota leaves lunchtime uncovered", "Only seniors may issue a credit"),
        (("Agree what each person may decide on the spot", "EMP"), ("Cover lunchtime in the rota", None)),
        ("EMP", "TR2"),
    ),
    TouchpointRow(
        "T-UPSET", "An upset customer explains the problem", "Get help", "Phone",
        "Colleagues get defensive or read the policy back.",
        "Stay calm, acknowledge the feeling, then fix it or explain why not.",
        4,
        ("Acknowledge before explaining",),
        ("Complaints escalated to the team leader",),
        (),
        ("Nobody has practised handling anger", "Calls are never observed or coached"),
        (("Role-play calm and constructive replies", "TR2"), ("One observed contact a week with feedback", "LEAD")),
        ("TR2", "LEAD"),
    ),
    TouchpointRow(
        "T-PROMISE", "A customer is promised a call back", "Get help", "Phone",
        "Call-backs are forgotten when the shift ends.",
        "Every promise is logged and kept by the end of the next working day.",
        3,
        ("Call back by the end of the next working day",),
        ("Promises kept",),
        ("Writing promises on paper notes",),
        ("No shared list of open promises",),
        (("Open promises on the huddle board", "MEA"),),
        ("MEA", "PER"),
    ),
    TouchpointRow(
        "T-CLOSE", "The problem is solved and the case closed", "Get help", "Email",
        "Cases are closed without checking the customer is happy.",
        "Confirm the fix, thank the customer and ask one question about the experience.",
        2,
        ("Confirm before closing",),
        ("One-question survey",),
        ("Closing and reopening the same case",),
        ("Closure is counted, satisfaction is not",),
        (("Shout-outs for customers' thank-you notes", "RWD"),),
        ("TP3", "RWD"),
    ),
    TouchpointRow(
        "T-NEW", "A customer meets a new team member", "Get help", "In person",
        "New starters know the systems but not the service promise.",
        "New starters know the promise and who to ask when they are unsure.",
        3,
        ("Every new starter has a buddy for a month",),
        (),
        (),
        ("Hiring looks at experience, not service mindset",),
        (("Service-mindset questions in interviews", "REC"),),
        ("REC", "TR1"),
    ),
)

TEAM_MEASURES: tuple[MeasureRow, ...] = (
    ("FCR", "Resolved on first contact", "%", 58, 75, 26, ("EMP", "TR2")),
    ("PROMISE", "Call-back promises kept", "%", 70, 95, 13, ("MEA", "PER")),
    ("CES", "Customer effort score (1-7, lower is better)", "points", 4.2, 3.0, 26, ("TP3", "EMP")),
)

DEPARTMENT_TOUCHPOINTS = (
    TouchpointRow(
        "D-CONTACT", "A customer contacts us about a problem", "Get help", "Phone and chat",
        "Three hand-offs before someone can help.",
        "One owner from the first contact to the resolution.",
        5,
        ("One owner per case", "Resolved or a clear next step on the first contact"),
        ("First-contact resolution", "Hand-offs per case"),
        ("Transferring a call to a queue that transfers it back",),
        ("Front line may not approve refunds or goodwill", "Process designed around departments, not the customer"),
        (("Redesign the hand-off process", "TP5"), ("Decision rights for the front line", "EMP1")),
        ("TP5", "EMP1", "TR4"),
    ),
    TouchpointRow(
        "D-CHASE", "A customer chases an open case", "Get help", "Email",
        "Customers chase us; answers differ by who picks up.",
        "We update customers at agreed points before they need to ask.",
        4,
        ("Update every open case at least every three working days",),
        ("Chaser contacts per case",),
        ("Status calls that only say nothing has changed",),
        ("No standard for updates", "Case notes too thin for a colleague to answer"),
        (("Proactive update standard", "MEA1"),),
        ("MEA1", "TP5"),
    ),
    TouchpointRow(
        "D-COMPLAINT", "A customer makes a complaint", "Get help", "Letter and email",
        "Replies are slow (12 days) and defensive.",
        "Acknowledged in a day, resolved in five, with an apology that means it.",
        4,
        ("Acknowledge within one working day", "Resolve within five"),
        ("Complaint handling time",),
        ("Legal review of routine replies",),
        ("Replies need sign-off two levels up", "No standard for tone"),
        (("Service-recovery budget for the front line", "EMP1"), ("Complaint handling in the training content", "TR2")),
        ("EMP1", "TR2", "VIS1"),
    ),
    TouchpointRow(
        "D-LETTER", "A customer reads a bill or letter from us", "Use", "Letter",
        "Jargon-filled letters trigger calls.",
        "Plain words and one clear next step.",
        3,
        ("Plain-language standard for customer letters",),
        ("Calls caused by letters",),
        ("Answering calls that a clearer letter would prevent",),
        ("Letters written by each function on its own",),
        (("Rewrite the five letters that cause most calls", None),),
        ("TP3", "TP5"),
    ),
    TouchpointRow(
        "D-WELCOME", "A new customer's first month", "Onboard", "Email and phone",
        "A welcome pack, then silence.",
        "A named contact and a check-in call in week two.",
        3,
        ("Check-in call in week two",),
        ("Early cancellations",),
        (),
        ("Nobody owns the first month",),
        (("Week-two check-in call", None),),
        ("TP4", "TR3"),
    ),
)

DEPARTMENT_MEASURES: tuple[MeasureRow, ...] = (
    ("FCR", "First-contact resolution", "%", 55, 75, 39, ("TP5", "EMP1", "TR4")),
    ("CHT", "Complaint handling time", "days", 12, 5, 26, ("EMP1", "TR2")),
    ("CES", "Customer effort score (1-7, lower is better)", "points", 4.5, 3.2, 52, ("TP5", "TP3")),
    ("RET", "Frontline staff retention", "%", 78, 88, 52, ("RET1", "RWD1")),
)

ORGANISATION_TOUCHPOINTS = (
    TouchpointRow(
        "O-ENQUIRY", "A prospective customer's first enquiry", "Discover", "Web and phone",
        "Replies are slow; three in ten enquiries never hear back.",
        "Every enquiry answered the same day by someone who can help.",
        4,
        ("Same-day reply to every enquiry",),
        ("Enquiries answered the same day",),
        ("Forwarding enquiries between shared mailboxes",),
        ("No owner for the shared mailboxes",),
        (("Same-day enquiry standard", "MEA1"),),
        ("MEA1", "TP4"),
    ),
    TouchpointRow(
        "O-SIGNUP", "Buying and signing up", "Buy", "Web and in person",
        "Forms ask for the same details three times.",
        "One short form; details asked once.",
        3,
        ("Details asked once",),
        ("Sign-up completion rate",),
        ("Re-keying form data", "Printing and scanning contracts"),
        ("Each system has its own form",),
        (("Remove repeated questions from the sign-up form", "TP4"),),
        ("TP4",),
    ),
    TouchpointRow(
        "O-HELP", "A customer asks for help", "Get help", "Phone",
        "Long waits and transfers.",
        "Resolved by the first person the customer speaks to.",
        5,
        ("Resolved or a clear next step on the first contact",),
        ("First-contact resolution",),
        ("Transfers between teams",),
        ("Frontline colleagues may not decide", "Knowledge sits with a few experts"),
        (("Empowerment charter and service-recovery authority", "EMP1"), ("Frontline training rollout", "TR4")),
        ("EMP1", "TR4", "MEA2"),
    ),
    TouchpointRow(
        "O-COMPLAINT", "A customer complains", "Get help", "All channels",
        "Defensive replies; customers wait weeks.",
        "A fast, human recovery that keeps the customer.",
        4,
        ("Acknowledge within a day, resolve within five",),
        ("Complaint handling time", "Customers kept after a complaint"),
        ("Drafting replies for legal review",),
        ("Recovery needs sign-off", "Leaders do not coach service"),
        (("Coaching for service in leadership development", "LEAD2"),),
        ("EMP1", "TR2", "LEAD2"),
    ),
    TouchpointRow(
        "O-RENEW", "The customer decides whether to renew", "Renew", "Email and phone",
        "The renewal letter is the only contact all year.",
        "A review conversation before renewal.",
        3,
        ("Review conversation before every renewal",),
        ("Renewal rate",),
        (),
        ("Nobody owns the relationship after the sale",),
        (("Pre-renewal review call", None),),
        ("TP3", "MEA2"),
    ),
    TouchpointRow(
        "O-PERSON", "A customer meets a frontline colleague in person", "Use", "In person",
        "Friendly, but unsure what they may decide.",
        "Confident, empowered and true to our values.",
        3,
        ("Values visible in every conversation",),
        ("Mystery-shopper score",),
        (),
        ("Values are posters, not behaviours", "Hiring ignores service mindset"),
        (("Values turned into behaviours", "VIS2"), ("Hiring profile for a service mindset", "REC1")),
        ("VIS2", "REC1", "TR3"),
    ),
)

ORGANISATION_MEASURES: tuple[MeasureRow, ...] = (
    ("NPS", "Net promoter score", "points", 12, 30, 78, ("MEA2", "TR4", "EMP1")),
    ("CES", "Customer effort score (1-7, lower is better)", "points", 4.4, 3.0, 52, ("TP4", "EMP1")),
    ("FCR", "First-contact resolution", "%", 60, 78, 52, ("EMP1", "TR4")),
    ("RET", "Frontline staff retention", "%", 75, 85, 78, ("RET1", "RET2", "RWD1")),
)
# fmt: on

CX_CONTENT: dict[str, tuple[tuple[TouchpointRow, ...], tuple[MeasureRow, ...]]] = {
    "team": (TEAM_TOUCHPOINTS, TEAM_MEASURES),
    "department": (DEPARTMENT_TOUCHPOINTS, DEPARTMENT_MEASURES),
    "organisation": (ORGANISATION_TOUCHPOINTS, ORGANISATION_MEASURES),
}


def add_cx_content(strategy: Strategy, template: str) -> None:
    """Give a strategy made from `template` its touchpoints, links and measures."""
    touchpoints, measures = CX_CONTENT.get(template, ((), ()))
    add_touchpoints(strategy, touchpoints)
    for key, name, unit, baseline, target, weeks, initiatives in measures:
        strategy.measures.append(
            Measure(
                key,
                name,
                unit,
                float(baseline),
                float(target),
                strategy.start + dt.timedelta(weeks=weeks),
                list(initiatives),
            )
        )

"""The demo's customer-experience workshop: the organisation's moments of truth and its KPIs."""

# ruff: noqa: E501  (the tables read best one item to a line)

from __future__ import annotations

import datetime as dt

from cxroadmap.content.tables import TouchpointRow, add_touchpoints
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Strategy

# fmt: off
ORG_TOUCHPOINTS = (
    TouchpointRow(
        "ENQUIRY", "First enquiry", "Discover", "Web and phone",
        "Enquiries land in shared mailboxes; a reply takes three days and one in five never comes.",
        "Every enquiry answered the same working day by someone who can help.",
        3,
        ("Same-day reply to every enquiry",),
        ("Enquiries answered the same day",),
        ("Forwarding enquiries between shared mailboxes",),
        ("No owner for the shared mailboxes",),
        (("Same-day enquiry standard", "MEA1"), ("One owner for each shared mailbox", None)),
        ("MEA1", "TP4"),
    ),
    TouchpointRow(
        "SIGNUP", "Signing up", "Buy", "Web and in store",
        "Customers give the same details three times on three forms.",
        "One short form; details asked once; a welcome the same day.",
        3,
        ("Details asked once",),
        ("Sign-up completion rate",),
        ("Re-keying form data", "Printing and scanning contracts"),
        ("Each system has its own form",),
        (("Remove repeated questions from the sign-up form", "TP4"),),
        ("TP4", "EMP2"),
    ),
    TouchpointRow(
        "WELCOME", "The first month", "Onboard", "Email and phone",
        "A welcome pack, then silence until the first bill.",
        "A named contact and a check-in call in week two.",
        3,
        ("Check-in call in week two",),
        ("Cancellations in the first 90 days",),
        (),
        ("Nobody owns the customer between sale and first bill",),
        (("Week-two check-in call in the second wave", "TP5"),),
        ("TP5", "MEA3"),
    ),
    TouchpointRow(
        "HELP", "Calling for help", "Get help", "Phone",
        "Eleven minutes' wait, then two transfers before anyone can decide.",
        "Answered within two minutes and resolved by the first person.",
        5,
        ("Answer within two minutes", "Resolved or a clear next step on the first contact"),
        ("First-contact resolution", "Transfers per call"),
        ("Transfers between teams", "Supervisor call-backs to approve small credits"),
        ("Frontline staff may not approve refunds or goodwill", "Knowledge sits with a few experts", "Approval steps designed for risk, not for customers"),
        (("Service recovery toolkit and spending authority", "EMP1"), ("Remove approval steps", "EMP2"), ("Soft-skills training for every frontline team", "TR4")),
        ("EMP1", "EMP2", "TR4"),
    ),
    TouchpointRow(
        "CHAT", "Chat and email support", "Get help", "Chat and email",
        "Scripted answers that miss the question; customers write again.",
        "A personal answer that solves the whole question the first time.",
        3,
        ("Reply to email within one working day",),
        ("Repeat contacts within seven days",),
        ("Copy-paste replies the customer has to decode",),
        ("Scripts written for speed, not for resolution",),
        (("Role content for written service", "TR2"), ("Dashboard of repeat contacts", "MEA2")),
        ("TR2", "MEA2"),
    ),
    TouchpointRow(
        "COMPLAINT", "Making a complaint", "Get help", "All channels",
        "Defensive replies after fourteen days; the customer feels like a nuisance.",
        "Acknowledged in a day, resolved in five, with an apology that means it and a fix.",
        4,
        ("Acknowledge within one working day", "Resolve within five working days"),
        ("Complaint handling time", "Customers kept after a complaint"),
        ("Drafting replies for legal review",),
        ("Recovery needs sign-off two levels up", "Leaders do not coach service", "Staff have never practised staying calm with anger"),
        (("Spending authority for service recovery", "EMP1"), ("Leaders coach for service", "LEAD2"), ("Calm under pressure in the soft-skills programme", "TR4")),
        ("EMP1", "LEAD2", "TR4"),
    ),
    TouchpointRow(
        "STORE", "A visit to a store", "Use", "In person",
        "Friendly colleagues who are unsure what they may decide.",
        "Confident colleagues who live the values and put things right on the spot.",
        3,
        ("Greet within a minute", "Values visible in every conversation"),
        ("Mystery-shopper score",),
        ("Calling head office for permission",),
        ("Values are posters, not behaviours", "Hiring looks at sales experience only"),
        (("Values turned into behaviours", "VIS2"), ("Hiring profile for a service mindset", "REC1"), ("Teams write their own service promises", "TR3")),
        ("VIS2", "REC1", "TR3"),
    ),
    TouchpointRow(
        "BILL", "The bill and letters", "Use", "Letter and email",
        "Jargon-filled bills that one customer in ten calls about.",
        "Plain words and one clear next step on every letter.",
        3,
        ("Plain-language standard for customer letters",),
        ("Calls caused by bills",),
        ("Answering calls a clearer bill would prevent",),
        ("Letters written by each function on its own",),
        (("Rewrite the five letters that cause most calls", "TP4"), ("Plain-language review of every new letter", None)),
        ("TP4",),
    ),
    TouchpointRow(
        "RENEW", "Deciding whether to renew", "Renew", "Email and phone",
        "The renewal letter is the only contact all year.",
        "A review conversation before renewal, led by someone who knows the customer.",
        3,
        ("Review conversation before every renewal",),
        ("Renewal rate",),
        (),
        ("Nobody owns the relationship after the sale",),
        (("Pre-renewal review in the second wave", "TP5"), ("Quarterly touchpoint review includes renewals", "MEA3")),
        ("TP5", "MEA3"),
    ),
    TouchpointRow(
        "MOVE", "Moving home", "Use", "Web and phone",
        "Customers must call; the web form drops the new address.",
        "Change the address once, online, with a confirmation.",
        2,
        ("Address changes confirmed the same day",),
        (),
        ("Keying addresses from call notes",),
        ("Web form not connected to billing",),
        (("Connect the web form to billing", None),),
        (),
    ),
)
# fmt: on

# key, name, unit, baseline, target, target date, initiatives expected to move it
ORG_MEASURES: tuple[tuple[str, str, str, float, float, dt.date, tuple[str, ...]], ...] = (
    ("FCR", "First-contact resolution", "%", 61, 80, dt.date(2028, 6, 30), ("EMP1", "EMP2", "TR4")),
    (
        "CES",
        "Customer effort score (1-7, lower is better)",
        "points",
        4.3,
        3.0,
        dt.date(2028, 6, 30),
        ("TP4", "EMP2"),
    ),
    (
        "CHT",
        "Complaint handling time",
        "days",
        14,
        5,
        dt.date(2027, 12, 31),
        ("EMP1", "TR4", "LEAD2"),
    ),
    ("NPS", "Net promoter score", "points", 8, 30, dt.date(2028, 6, 30), ("MEA2", "TR4", "TP5")),
    ("MYS", "Mystery-shopper score", "%", 64, 85, dt.date(2028, 3, 31), ("VIS2", "TR3", "LEAD3")),
    (
        "RET",
        "Frontline staff retention",
        "%",
        74,
        85,
        dt.date(2028, 6, 30),
        ("RET1", "RET2", "RWD1"),
    ),
)


def add_org_cx(strategy: Strategy) -> None:
    """The organisation's touchpoints (several already turned into initiatives) and KPIs."""
    add_touchpoints(strategy, ORG_TOUCHPOINTS)
    for key, name, unit, baseline, target, when, initiatives in ORG_MEASURES:
        strategy.measures.append(
            Measure(key, name, unit, float(baseline), float(target), when, list(initiatives))
        )

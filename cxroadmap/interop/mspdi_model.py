"""MSPDI vocabulary shared by the reader and the writer: link types, day types, lag formats."""

from __future__ import annotations

NAMESPACE = "http://schemas.microsoft.com/project"

# PredecessorLink/Type codes.
LINK_TYPES = {0: "FF", 1: "FS", 2: "SF", 3: "SS"}
LINK_CODES = {name: code for code, name in LINK_TYPES.items()}

# WeekDay/DayType: 1 is Sunday ... 7 is Saturday (0 marks an exception day).
DAY_TYPE_WEEKDAY = {1: "sun", 2: "mon", 3: "tue", 4: "wed", 5: "thu", 6: "fri", 7: "sat"}
WEEKDAY_DAY_TYPE = {name: code for code, name in DAY_TYPE_WEEKDAY.items()}

# LagFormat codes: elapsed minutes/hours/days/weeks/months, and percent of the predecessor.
LAG_FORMAT_DAYS = 7
ELAPSED_LAG_FORMATS = frozenset({4, 6, 8, 10, 12})
PERCENT_LAG_FORMATS = frozenset({19, 20})

# The custom text field (Text1) that carries initiative keys through Microsoft Project.
KEY_ALIAS = "cxroadmap key"
KEY_FIELD_ID = "188743731"
KEY_FIELD_NAME = "Text1"

# Further custom text fields (Text2..Text5, field ids 3 apart) for what Project has no
# field for: (field name, field id, alias). Aliases are what Project shows as column titles.
STATUS_FIELD = ("Text2", "188743734", "Status")
PHASE_FIELD = ("Text3", "188743737", "Phase")
PIN_FIELD = ("Text4", "188743740", "Phase pin")
PILLAR_FIELD = ("Text5", "188743743", "Pillar")
TEXT_FIELDS = (STATUS_FIELD, PHASE_FIELD, PIN_FIELD, PILLAR_FIELD)

# Task/Type: 1 = Fixed Duration (the duration is the plan; an owner's work follows it).
FIXED_DURATION = 1


def priority_of_impact(impact: int) -> int:
    """Impact 1..5 as a Project priority 100..900, so that the default 3 is Project's 500."""
    return impact * 200 - 100


def impact_of_priority(priority: int) -> int:
    """The inverse of priority_of_impact, clamped to 1..5 for any priority 0..1000."""
    return min(5, max(1, (priority + 200) // 200))

"""The field registry: every field of a strategy, phase, initiative, dependency, touchpoint and
measure, declared once, in the order files and forms show them.

Storage rows, JSON, CSV/XLSX columns, the table columns, the inspector form, the PDF
tables and the edits all read these declarations (docs/architecture.md, "Adding a field").
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType
from typing import Any

from cxroadmap.domain.fields import (
    CHOICE,
    CURRENCY,
    DATE,
    DATES,
    DURATION,
    INT,
    KEY,
    KEYS,
    LAG,
    LONG_TEXT,
    MONEY,
    NAME_REF,
    NUMBER,
    OPPORTUNITIES,
    STRATEGY_KEY,
    SUPPORTS,
    TEXT,
    TEXTS,
    WEEKDAYS,
    YEAR_AMOUNTS,
    Field,
)
from cxroadmap.domain.labels import LEVEL_LABELS, STATUS_LABELS
from cxroadmap.domain.limits import MAX_AMOUNT, MAX_PARALLEL, MAX_PHASE_WEEKS
from cxroadmap.domain.measures import Measure, Reading
from cxroadmap.domain.model import (
    DEPENDENCY_TYPES,
    LEVELS,
    STATUSES,
    Dependency,
    Initiative,
    Phase,
    Strategy,
)
from cxroadmap.domain.touchpoints import (
    GAP_MAX,
    GAP_MIN,
    SUGGESTED_CHANNELS,
    SUGGESTED_STAGES,
    Touchpoint,
)

Fields = MappingProxyType[str, Field]

RAG_CHOICES = ("", "red", "amber", "green")  # "": automatic (scheduling/rag.py)
MAX_RED_AFTER_DAYS = 10_000


def declare(cls: type, *declared: Field, structural: tuple[str, ...] = ()) -> Fields:
    """The declarations of `cls`, with each default taken from the dataclass itself.

    Every dataclass field must be declared or named in `structural` (lists of records that
    have declarations of their own): a field added to the model and forgotten here fails
    at import.
    """
    defaults: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            defaults[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            defaults[f.name] = f.default_factory()
        else:
            defaults[f.name] = None
    names = [d.name for d in declared]
    missing = set(defaults) - set(names) - set(structural)
    unknown = set(names) - set(defaults)
    if missing or unknown:
        raise TypeError(f"{cls.__name__}: undeclared {sorted(missing)}, unknown {sorted(unknown)}")
    return MappingProxyType(
        {d.name: dataclasses.replace(d, default=defaults[d.name]) for d in declared}
    )


_STATUS_ALIASES = {"in progress": "in_progress", "in-progress": "in_progress",
                   "inprogress": "in_progress"}  # fmt: skip

# One declaration per line or few: a table to read down. `example` is a valid non-default
# value (tests walk every field through every serializer with it).
# fmt: off
STRATEGY: Fields = declare(
    Strategy,
    Field("key", STRATEGY_KEY, "Key", "Short id of the strategy in the cascade (ORG, CARE-T1)",
          json_optional=True, example="CARE"),
    Field("parent", STRATEGY_KEY, "Parent", "Key of the strategy above this one",
          column="parent_key", json_optional=True, example="ORG"),
    Field("name", TEXT, "Name", "What the strategy is called", required=True, editor="line",
          example="Service culture 2027"),
    Field("level", CHOICE, "Level", "Team, department or organisation", choices=LEVELS,
          choice_labels=tuple(LEVEL_LABELS.values()), aliases={"organization": "organisation"},
          editor="choice", example="department"),
    Field("start", DATE, "Start date", "First day of the roadmap", required=True,
          editor="calendar", example="2027-01-04"),
    Field("owner", TEXT, "Owner", "Who is accountable for the strategy", editor="line",
          example="Head of Customer Care"),
    Field("vision", LONG_TEXT, "Vision", "Where the service is heading", editor="multiline",
          example="Every customer leaves helped."),
    Field("mission", LONG_TEXT, "Mission", "What the team does to get there",
          editor="multiline", example="Resolve at first contact."),
    Field("values", TEXTS, "Values", "What guides decisions, one per line", column=None,
          editor="lines", example=["Own the outcome"]),
    Field("working_days", WEEKDAYS, "Working days", "Weekdays on which work is scheduled",
          example=("mon", "tue", "wed", "thu")),
    Field("holidays", DATES, "Holidays", "Dates on which nothing is scheduled", column=None,
          example=["2027-04-02"]),
    Field("max_parallel", INT, "Capacity", "At most this many initiatives at once (blank: any)",
          minimum=1, limit=MAX_PARALLEL, editor="spin", blank="No limit", example=3),
    Field("currency", CURRENCY, "Currency", "ISO code of every amount (EUR, USD); blank: none",
          json_optional=True, example="EUR"),
    Field("year_budgets", YEAR_AMOUNTS, "Budget per year",
          "What each calendar year may cost (blank: no budget)", column=None,
          limit=MAX_AMOUNT, json_optional=True, example={2027: 250000.0}),
    Field("status_date", DATE, "Status date",
          "Progress is reported up to this date, YYYY-MM-DD (blank: none)",
          json_optional=True, editor="date", example="2027-01-20"),
    Field("red_after_days", INT, "Red after (days)",
          "RAG is red when an initiative finishes more than this many working days after "
          "the chosen baseline", minimum=0, limit=MAX_RED_AFTER_DAYS, json_optional=True,
          editor="spin", example=15),
    Field("scenario_of", STRATEGY_KEY, "Scenario of",
          "Key of the strategy this one is a what-if copy of (blank: a plan of its own)",
          json_optional=True, example="ORG"),
    # The brand kit and saved views are records of their own (brand.py, view_filter.py).
    structural=("phases", "initiatives", "dependencies", "touchpoints", "measures", "brand",
                "views", "baselines", "chosen_baseline"),
)

PHASE: Fields = declare(
    Phase,
    Field("name", TEXT, "Phase", "Name of the phase", required=True, example="Short term"),
    Field("weeks", INT, "Weeks", "Length in weeks (blank: open-ended, last phase only)",
          minimum=1, limit=MAX_PHASE_WEEKS, json_optional=True, example=13),
    Field("budget", MONEY, "Budget", "What the phase may cost (blank: no budget)",
          limit=MAX_AMOUNT, json_optional=True, example=120000.0),
)

INITIATIVE: Fields = declare(
    Initiative,
    Field("key", KEY, "Key", "Short unique key (change it in the inspector)", required=True,
          editor="line", table="show", example="REC1",
          synonyms=("id", "task id", "unique id", "wbs", "#")),
    Field("title", TEXT, "Title", "What the initiative is", required=True,
          editor="line", table="edit", pdf=True, example="Hire for service mindset",
          synonyms=("name", "task name", "task", "initiative", "summary")),
    Field("pillar", TEXT, "Pillar", "Part of the customer-experience ecosystem it works on",
          editor="pillar", table="edit", pdf=True, example="recruitment",
          synonyms=("category", "workstream", "theme", "group")),
    Field("duration", DURATION, "Duration",
          "Working days; type 12, 12d, 3w or 2m (0 = milestone)", required=True,
          editor="duration", table="edit", pdf=True, example=30,
          synonyms=("length", "days", "duration (days)")),
    Field("owner", TEXT, "Owner", "Who is accountable",
          editor="line", table="edit", pdf=True, example="HR",
          synonyms=("resource names", "resources", "assigned to", "responsible",
                    "coordinator")),
    Field("not_before", DATE, "Not before", "Earliest start date (YYYY-MM-DD), blank for none",
          editor="date", table="edit", example="2027-02-01",
          synonyms=("earliest start", "start no earlier than", "constraint date")),
    Field("phase", NAME_REF, "Pinned to", "Keep it from starting before this phase",
          editor="phase", table="edit", example="Short term",
          synonyms=("pin", "phase pin", "pinned phase")),
    Field("impact", INT, "Impact", "Expected impact, 1 (low) to 5 (high)", minimum=1, maximum=5,
          editor="spin", table="edit", example=5),
    Field("status", CHOICE, "Status", "Idea, planned, in progress, done or dropped",
          choices=STATUSES, choice_labels=tuple(STATUS_LABELS.values()),
          aliases=_STATUS_ALIASES, editor="choice", table="edit", pdf=True,
          example="in_progress",
          synonyms=("state", "% complete", "completion", "progress")),
    Field("cost", MONEY, "Cost", "What it costs, in the strategy's currency (blank: not costed)",
          limit=MAX_AMOUNT, json_optional=True, editor="money", table="edit", pdf=True,
          synonyms=("budget", "amount", "fixed cost"), example=45000.0),
    Field("description", LONG_TEXT, "Description", "What it involves, why it matters",
          editor="multiline", example="Interview for empathy, not only for skills.",
          synonyms=("notes", "note", "details", "comments")),
    Field("touchpoints", KEYS, "Touchpoints", "Keys of the touchpoints it addresses",
          column=None, json_optional=True, example=["TP1"]),
    Field("supports", SUPPORTS, "Supports", "Initiatives of parent strategies it supports",
          column=None, json_optional=True, example=["ORG/LEAD1"]),
    Field("actual_start", DATE, "Actual start", "When work began (YYYY-MM-DD), blank if not yet",
          json_optional=True, editor="date", table="edit", example="2027-01-11",
          synonyms=("actual start date", "started")),
    Field("actual_finish", DATE, "Actual finish",
          "When work ended (YYYY-MM-DD), blank while not finished",
          json_optional=True, editor="date", table="edit", example="2027-01-15",
          synonyms=("actual finish date", "finished", "completed on")),
    Field("percent_complete", INT, "% done", "How much of the work is done, 0 to 100",
          minimum=0, maximum=100, json_optional=True, editor="spin", table="edit",
          example=100, synonyms=("percent complete", "percent done", "done %")),
    Field("rag_override", CHOICE, "RAG set by hand",
          "Red, amber or green chosen by a person (Automatic: by the tracking rules)",
          choices=RAG_CHOICES, choice_labels=("Automatic", "Red", "Amber", "Green"),
          json_optional=True, editor="choice", example="red",
          synonyms=("rag", "rag status", "traffic light")),
    Field("rag_reason", TEXT, "RAG reason", "Why the RAG status is set by hand",
          json_optional=True, editor="line", example="Supplier went bankrupt"),
)

DEPENDENCY: Fields = declare(
    Dependency,
    Field("from_key", KEY, "From", "The initiative that comes first", required=True,
          column=None, json="from", header="from", example="REC1"),
    Field("to_key", KEY, "To", "The initiative that waits", required=True,
          column=None, json="to", header="to", example="TRN1"),
    Field("type", CHOICE, "Type", "FS, SS, FF or SF", choices=DEPENDENCY_TYPES, example="SS"),
    Field("lag", LAG, "Lag", "Working days between (12, 3w); negative for a lead", example=5),
)

TOUCHPOINT: Fields = declare(
    Touchpoint,
    Field("key", KEY, "Key", "Short unique key", required=True, example="TP1"),
    Field("name", TEXT, "Name", "The moment of truth", required=True, editor="line",
          example="First call to the helpdesk"),
    Field("stage", TEXT, "Journey stage", "Where in the customer journey", editor="suggest",
          suggestions=SUGGESTED_STAGES, example="Get help"),
    Field("channel", TEXT, "Channel", "How the customer meets you", editor="suggest",
          suggestions=SUGGESTED_CHANNELS, example="Phone"),
    Field("now", LONG_TEXT, "What happens now", "The experience today", editor="multiline",
          example="Three transfers."),
    Field("should", LONG_TEXT, "What should happen", "The experience wanted",
          editor="multiline", example="One owner."),
    Field("gap", INT, "Gap (1–5)", "How far now is from should: 1 small, 5 painful",
          minimum=GAP_MIN, maximum=GAP_MAX, editor="spin", example=5),
    Field("standards", TEXTS, "Standards", "Standards that exist or are needed", column=None,
          editor="lines", example=["Answer within 30 s"]),
    Field("measures", TEXTS, "Measures", "Measures that exist or are needed", column=None,
          editor="lines", example=["First-contact resolution"]),
    Field("no_value", TEXTS, "Adds no value", "Activities the customer would not pay for",
          column=None, editor="lines", example=["Re-keying the case"]),
    Field("root_causes", TEXTS, "Root causes", "Why the gap exists", column=None,
          editor="lines", example=["No case ownership"]),
    Field("opportunities", OPPORTUNITIES, "Opportunities", "Improvement ideas", column=None,
          example=["Give every case an owner"]),
)

MEASURE: Fields = declare(
    Measure,
    Field("key", KEY, "Key", "Short unique key", required=True, example="M1"),
    Field("name", TEXT, "Measure", "The KPI", required=True,
          example="First-contact resolution"),
    Field("unit", TEXT, "Unit", "What it is counted in", example="%"),
    Field("baseline", NUMBER, "Baseline", "Where it stands now (blank: unknown)", example=61.5),
    Field("target", NUMBER, "Target", "Where it should be (blank: unknown)", example=80.0),
    Field("target_date", DATE, "Target date", "When the target should be reached",
          example="2027-12-31"),
    Field("initiatives", KEYS, "Initiatives", "Keys of the initiatives expected to move it",
          column=None, example=["REC1"]),
    # Readings are records of their own (READING below, table measure_reading).
    structural=("readings",),
)

READING: Fields = declare(
    Reading,
    Field("date", DATE, "Date", "When the value was observed", required=True,
          example="2027-03-31"),
    Field("value", NUMBER, "Value", "What the measure stood at", required=True, example=68.5),
)
# fmt: on

REGISTRY: dict[str, Fields] = {
    "strategy": STRATEGY,
    "phase": PHASE,
    "initiative": INITIATIVE,
    "dependency": DEPENDENCY,
    "touchpoint": TOUCHPOINT,
    "measure": MEASURE,
    "reading": READING,
}

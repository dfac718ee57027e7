"""The one table of limits: every value, text, count and file that enters a document stays inside.

Each door (an edit, JSON, CSV, XLSX, MSPDI, ICS import, the document on open) checks
against these names, so a value that is accepted anywhere can be stored, scheduled,
drawn and exported everywhere. docs/reliability.md lists them with the reasons.

Why the date and duration figures fit together: `datetime.date` ends at 9999-12-31.
A schedule's last date is at most the latest input date plus the project's span. Input
dates end at MAX_DATE (2199); a span of MAX_SPAN_WORKING_DAYS working days, even at one
working day a week with every holiday on a working day, is at most
7 * (MAX_SPAN_WORKING_DAYS + MAX_HOLIDAYS) calendar days (~3,930 years), which ends
before LATEST_SCHEDULED_DATE, well inside datetime's range.
"""

from __future__ import annotations

import datetime as dt

# --- Dates (strategy start, not_before, holidays) ----------------------------------------
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)
# No schedule may run past this date: checked after the forward pass, before any date is made.
LATEST_SCHEDULED_DATE = dt.date(9000, 12, 31)

# --- Durations and lags, in working days -------------------------------------------------
MAX_DURATION_DAYS = 10_000  # one initiative: 40 years of five-day weeks
MAX_LAG_DAYS = 10_000  # a lag or a lead (negative lag) in absolute value
# The whole project: the latest start bound plus every duration and positive lag.
MAX_SPAN_WORKING_DAYS = 200_000
MAX_HOLIDAYS = 5_000  # per strategy

# --- Phases ------------------------------------------------------------------------------
MAX_PHASES = 50
MAX_PHASE_WEEKS = 2_600  # one phase (50 years); the closed phases together stay below it too

# --- Other numbers -----------------------------------------------------------------------
MAX_PARALLEL = 10_000  # strategy.max_parallel
MAX_AMOUNT = 1e15  # a cost or a budget, in the strategy's currency (exact in a float to cents)
MAX_INTEGER = 2**63 - 1  # SQLite INTEGER; no stored whole number may be larger in size
MAX_NUMBER_DIGITS = 30  # digits of a number read from text (JSON, CSV, XML) before parsing it
MAX_MINUTES_PER_DAY = 24 * 60  # MSPDI MinutesPerDay / MinutesPerWeek / 5 stay inside a day

# --- Text, in characters -----------------------------------------------------------------
MAX_KEY_LENGTH = 100  # initiative, strategy, touchpoint and measure keys
MAX_NAME_LENGTH = 10_000  # titles, names, owners, pillars, phase names (exports cut them to fit)
MAX_TEXT_LENGTH = 100_000  # descriptions, vision, mission and other multi-line fields

# --- Counts ------------------------------------------------------------------------------
MAX_STRATEGIES = 200  # per document (the cascade)
MAX_INITIATIVES = 50_000  # per strategy
MAX_DEPENDENCIES = 200_000  # per strategy
MAX_TOUCHPOINTS = 2_000  # per strategy
MAX_MEASURES = 2_000  # per strategy
MAX_LIST_ITEMS = 1_000  # values, links, keys in one field (touchpoints, supports, ...)
MAX_CASCADE_DEPTH = 32  # strategies nested under the organisation (parent chain length)
MAX_NESTING_DEPTH = 64  # containers nested in JSON, elements nested in XML

# --- Files, in bytes, checked before reading ---------------------------------------------
MAX_FILE_BYTES: dict[str, int] = {
    "json": 64 * 1024 * 1024,
    "csv": 32 * 1024 * 1024,
    "xlsx": 16 * 1024 * 1024,
    "mspdi": 128 * 1024 * 1024,
    "ics": 32 * 1024 * 1024,
}
MAX_XLSX_UNPACKED_BYTES = 128 * 1024 * 1024  # sum of the members (50,000 rows: 41 MB)
MAX_TABULAR_ROWS = MAX_INITIATIVES + 1_000  # CSV and XLSX rows (with headers and notes)
MAX_TABULAR_COLUMNS = 200

"""One mapping from the columns of a table (ours, MS Project's, GanttProject's, Excel's) to fields.

Synonyms of the initiative fields are declared in the field registry; this module adds the
ones for `depends_on` and the computed columns, the foreign columns import skips, the
headers people read, and the duration and status forms of other tools.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.fields import LIST_KINDS
from cxroadmap.domain.labels import STATUS_LABELS
from cxroadmap.domain.registry import INITIATIVE

# The initiative fields that have a column, in the registry's order, then depends_on.
COLUMNS = (
    *(f.header for f in INITIATIVE.values() if f.header is not None and f.kind not in LIST_KINDS),
    "depends_on",
)
COMPUTED_COLUMNS = ("start", "finish", "slack_days", "critical", "scheduled_phase")
LIST_COLUMNS = tuple(
    f.header for f in INITIATIVE.values() if f.header is not None and f.kind in LIST_KINDS
)

# Synonyms beyond the registry's (fields that are not initiative fields, or are computed).
EXTRA_SYNONYMS: dict[str, tuple[str, ...]] = {
    "depends_on": ("depends on", "predecessors", "dependencies", "depends", "after"),
    "start": ("start", "start date", "begin date", "begin", "scheduled start"),
    "finish": ("finish", "finish date", "end date", "end", "scheduled finish"),
    "slack_days": ("slack days", "slack (days)", "total slack", "slack"),
    "critical": ("critical",),
    "scheduled_phase": ("scheduled phase",),
}
# Columns that MS Project, GanttProject and Excel exports carry and a roadmap has no use for.
IGNORED = frozenset(
    {
        "outline level",
        "outline number",
        "web link",
        "work",
        "% work complete",
        "successors",
        "resource initials",
        "milestone",
        "baseline start",
        "baseline finish",
        "indicators",
        "task mode",
        "mode",
        "priority",
        "type",
        "active",
        "assignments",
        "task color",
        "color",
        "colour",
    }
)
# Headers people read (XLSX for people); each is also recognised on import.
HUMAN_HEADERS: dict[str, str] = {
    **{f.header: f.label for f in INITIATIVE.values() if f.header is not None},
    "depends_on": "Depends on",
    "touchpoints": "Touchpoints",
    "supports": "Supports",
    "start": "Start",
    "finish": "Finish",
    "slack_days": "Slack (days)",
    "critical": "Critical",
    "scheduled_phase": "Scheduled phase",
}
IGNORE = ""  # what detect() gives for a column import skips


def normalise(header: object) -> str:
    """`Not_Before ` -> `not before`: case, underscores and runs of spaces do not matter."""
    text = "" if header is None else str(header)
    return " ".join(text.replace("_", " ").split()).lower().rstrip(":")


def _table() -> dict[str, str]:
    found: dict[str, str] = {}
    for name in (*COLUMNS, *LIST_COLUMNS, *COMPUTED_COLUMNS):
        field = INITIATIVE.get(name)
        words = [name, HUMAN_HEADERS.get(name, name)]
        if field is not None:
            words += [field.label, *field.synonyms]
        words += EXTRA_SYNONYMS.get(name, ())
        for word in words:
            found.setdefault(normalise(word), name)
    return found


SYNONYMS = _table()


def detect(headers: Sequence[object]) -> list[str | None]:
    """Per column: a field or computed column name, IGNORE, or None when not recognised.

    A second column with the same meaning under another header (GanttProject's
    `Coordinator` and `Resources`) is ignored; the same header twice is None, refused.
    """
    seen: set[str] = set()
    texts: set[str] = set()
    out: list[str | None] = []
    for raw in headers:
        text = normalise(raw)
        name = SYNONYMS.get(text)
        if text in texts:
            name = None
        elif text == "" or text in IGNORED or (name is not None and name in seen):
            name = IGNORE
        elif name is not None:
            seen.add(name)
        texts.add(text)
        out.append(name)
    return out


def accepted_headers() -> str:
    """The accepted column names for an error message, by field."""
    groups: dict[str, list[str]] = {}
    for word, name in SYNONYMS.items():
        if name not in COMPUTED_COLUMNS:
            groups.setdefault(name, []).append(word)
    return "; ".join(f"{name} ({', '.join(words[:4])})" for name, words in groups.items())


# Durations: ours (12, 12d, 3w, 2m), MS Project's ("5 days", "2 wks", "3 mons", "0 days",
# "4 hrs", "5 days?"), ISO 8601 (P5D, P2W, PT40H, P1DT4H) as GanttProject writes lags.
_WORDS = {
    # Elapsed units (MS Project's "edays") count calendar days: refused, not guessed.
    **dict.fromkeys(("", "d", "day", "days", "dy", "dys"), "d"),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), "w"),
    **dict.fromkeys(("m", "mo", "mon", "mons", "month", "months"), "m"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "h"),
}
_TOOL = re.compile(r"^\s*([+-]?\s*\d+(?:[.,]\d+)?)\s*([a-z]*)\s*\??\s*$", re.IGNORECASE)
_ISO = re.compile(
    r"^\s*([+-])?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?\s*$",
    re.IGNORECASE,
)
DURATION_FORMS = "12, 12d, 3w, 2m, '5 days', '2 wks', '3 mons', '4 hrs' or P5D"


def _round(value: float) -> int:
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def tool_duration(value: object, where: str, days_per_week: int, negative: bool = False) -> int:
    """Working days from any accepted form; an error names `where` and the accepted forms."""
    if isinstance(value, bool):
        raise ValidationError(where, f"expected a duration like {DURATION_FORMS}, got {value!r}")
    days: float | None = None
    if isinstance(value, int | float):
        days = float(value)
    elif isinstance(value, str):
        match = _TOOL.match(value)
        if match and match[2].lower() in _WORDS:
            unit = _WORDS[match[2].lower()]
            factor = {"d": 1, "w": days_per_week, "m": 4 * days_per_week, "h": 1 / 8}[unit]
            days = float(match[1].replace(" ", "").replace(",", ".")) * factor
        elif (iso := _ISO.match(value)) and any(iso.groups()[1:]):
            sign, weeks, d, h, m, s = iso.groups()
            days = (
                float(weeks or 0) * days_per_week
                + float(d or 0)
                + (float(h or 0) + float(m or 0) / 60 + float(s or 0) / 3600) / 8
            )
            days = -days if sign == "-" else days
    if days is None or math.isnan(days) or math.isinf(days):
        raise ValidationError(where, f"expected a duration like {DURATION_FORMS}, got {value!r}")
    whole = _round(days)
    if whole == 0 and days > 0:
        whole = 1  # a few hours of work is still work; only a true zero is a milestone
    if whole < 0 and not negative:
        raise ValidationError(where, f"must not be negative, got {value!r}")
    return whole


def status_value(value: object, where: str) -> object:
    """A status code from a code, a label ("In progress") or a percent complete (50, "50%")."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        percent: float | None = float(value)
    else:
        text = str(value).strip()
        wanted = " ".join(text.replace("_", " ").split()).lower()
        for code, label in STATUS_LABELS.items():
            if wanted in (label.lower(), code.replace("_", " ")):
                return code
        number = text.rstrip("%").strip()
        try:
            percent = float(number)
        except ValueError:
            return value  # the registry's check names the accepted statuses
    if percent is None or not 0 <= percent <= 100:
        raise ValidationError(where, f"a percent complete runs from 0 to 100, got {value!r}")
    return "done" if percent >= 100 else "planned" if percent == 0 else "in_progress"


_SLASHED = re.compile(r"^(?:([A-Za-z]{2,3})\w*\.?\s+)?(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_DAY_NAMES = ("mo", "tu", "we", "th", "fr", "sa", "su")


def tool_date(value: object) -> dt.date | None:
    """A date as tools write it, or None: ISO (`2027-01-04`, `2027-01-04 08:00`), or MS
    Project's `Mon 1/4/27`, read month first unless only day first fits its weekday."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = _SLASHED.match(text)
    if match is None:
        return None
    weekday, a, b, year = match.groups()
    full = int(year) + (2000 if len(year) == 2 else 0)
    readings = []
    for month, day in ((int(a), int(b)), (int(b), int(a))):
        try:
            readings.append(dt.date(full, month, day))
        except ValueError:
            continue
    if weekday:
        fits = [d for d in readings if _DAY_NAMES[d.weekday()] == weekday[:2].lower()]
        readings = fits or readings
    return readings[0] if readings else None

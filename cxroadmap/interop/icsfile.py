"""iCalendar (.ics) export: one all-day event per scheduled initiative, for any calendar app."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from typing import Any
from urllib.parse import quote

from icalendar import Calendar, Event

from cxroadmap.common.atomic import write_bytes_atomically
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import pillar_label
from cxroadmap.interop.safe_text import ics_safe
from cxroadmap.interop.tabular import depends_on_texts

PRODID = "-//cxroadmap//Customer-experience roadmap//EN"
# Letters that Unicode does not decompose into an ASCII letter plus an accent.
_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th"}
)  # fmt: skip


def slug(name: str) -> str:
    """`Service culture 2027` -> `service-culture-2027` (ASCII, for stable event UIDs)."""
    # Separators become hyphens first, so that "2027–2028" keeps its dash; accents then fold.
    spaced = re.sub(r"[\W_]+", "-", name.translate(_FOLD))
    ascii_name = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return text or "strategy"


def _stamp() -> dt.datetime:
    # SOURCE_DATE_EPOCH makes builds and tests reproducible (reproducible-builds.org).
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _description(strategy: Strategy, key: str, item: Any, depends_on: dict[str, str]) -> str:
    ini = strategy.initiatives[key]
    lines = []
    if ini.pillar:
        lines.append(f"Pillar: {pillar_label(ini.pillar)}")
    if ini.owner:
        lines.append(f"Owner: {ini.owner}")
    critical = " (critical)" if item.critical else ""
    lines.append(f"Slack: {item.slack_days} working days{critical}")
    if key in depends_on:
        lines.append(f"Depends on: {depends_on[key]}")
    if ini.description:
        lines += ["", ini.description]
    return "\n".join(lines)


def ics_bytes(strategy: Strategy, schedule: Any) -> bytes:
    """The calendar; DTEND is exclusive, so an initiative ends the day after its finish."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", ics_safe(strategy.name))
    domain = f"{slug(strategy.name)}.cxroadmap"
    stamp = _stamp()
    depends_on = depends_on_texts(strategy)
    for key, item in schedule.items.items():
        ini = strategy.initiatives[key]
        event = Event()
        event.add("uid", f"{quote(key, safe='')}@{domain}")
        event.add("dtstamp", stamp)
        event.add("summary", ics_safe(ini.title))
        event.add("dtstart", item.start)
        # A milestone's start and finish are the same day: a one-day event.
        event.add("dtend", item.finish + dt.timedelta(days=1))
        event.add("description", ics_safe(_description(strategy, key, item, depends_on)))
        if ini.pillar:
            event.add("categories", [ics_safe(pillar_label(ini.pillar))])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def write_ics(strategy: Strategy, schedule: Any, path: str | os.PathLike[str]) -> None:
    """Write the calendar atomically."""
    write_bytes_atomically(path, ics_bytes(strategy, schedule))

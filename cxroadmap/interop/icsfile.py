"""iCalendar (.ics) export: one all-day event per scheduled initiative, for any calendar app."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from icalendar import Calendar, Event

from cxroadmap.common.atomic import write_bytes_atomically
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import pillar_label
from cxroadmap.interop.safe_text import ics_safe
from cxroadmap.interop.tabular import depends_on_texts

PRODID = "-//cxroadmap//Customer-experience roadmap//EN"
# Our own property: a hash of what the event shows, to know on the next export whether it
# changed (and its SEQUENCE must go up).
HASH_PROPERTY = "x-cxroadmap-hash"
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


def calendar_domain(strategy: Strategy) -> str:
    """The right-hand side of every event UID: the strategy's key, which renaming the
    strategy or its file does not change (its name only for a strategy without a key)."""
    return f"{slug(strategy.key or strategy.name)}.cxroadmap"


def _content_hash(event: Event) -> str:
    """What a calendar shows of an event; SEQUENCE goes up when this changes."""
    parts = [
        str(event.get(name, "")) if name not in ("dtstart", "dtend") else event[name].to_ical()
        for name in ("summary", "dtstart", "dtend", "description", "categories")
    ]
    text = "\x1f".join(p.decode() if isinstance(p, bytes) else p for p in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def previous_versions(data: bytes | None) -> dict[str, tuple[int, str]]:
    """UID -> (SEQUENCE, content hash) of the events of an earlier export of ours."""
    if not data:
        return {}
    try:
        cal = Calendar.from_ical(data)
    except ValueError:
        return {}  # not a calendar we can read: start the sequence afresh
    found = {}
    for event in cal.walk("VEVENT"):
        try:
            sequence = int(event.get("sequence", 0))
        except (TypeError, ValueError):
            sequence = 0
        found[str(event.get("uid", ""))] = (sequence, str(event.get(HASH_PROPERTY, "")))
    return found


def ics_bytes(
    strategy: Strategy,
    schedule: Any,
    previous: bytes | None = None,
    phase: str | None = None,
) -> bytes:
    """The calendar; DTEND is exclusive, so an initiative ends the day after its finish.

    `previous` is the file this export replaces: an event whose content changed gets its
    SEQUENCE one higher, an unchanged one keeps it. `phase` keeps that phase's events.
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = strategy.name if phase is None else f"{strategy.name} – {phase}"
    cal.add("x-wr-calname", ics_safe(name))
    domain = calendar_domain(strategy)
    stamp = _stamp()
    depends_on = depends_on_texts(strategy)
    before = previous_versions(previous)
    for key, item in schedule.items.items():
        if phase is not None and item.phase != phase:
            continue
        ini = strategy.initiatives[key]
        event = Event()
        uid = f"{quote(key, safe='')}@{domain}"
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("summary", ics_safe(ini.title))
        event.add("dtstart", item.start)
        # A milestone's start and finish are the same day: a one-day event.
        event.add("dtend", item.finish + dt.timedelta(days=1))
        event.add("description", ics_safe(_description(strategy, key, item, depends_on)))
        if ini.pillar:
            event.add("categories", [ics_safe(pillar_label(ini.pillar))])
        event.add("transp", "TRANSPARENT")
        digest = _content_hash(event)
        sequence, old = before.get(uid, (0, digest))
        event.add("sequence", sequence if old == digest else sequence + 1)
        event.add(HASH_PROPERTY, digest)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def write_ics(strategy: Strategy, schedule: Any, path: str | os.PathLike[str]) -> None:
    """Write the calendar atomically, raising SEQUENCE over the file it replaces."""
    target = Path(path)
    previous = target.read_bytes() if target.is_file() else None
    write_bytes_atomically(target, ics_bytes(strategy, schedule, previous))


def write_ics_per_phase(
    strategy: Strategy, schedule: Any, path: str | os.PathLike[str]
) -> list[Path]:
    """One calendar per phase that has events: `plan - Short term.ics` beside `plan.ics`."""
    target = Path(path)
    written = []
    for phase in strategy.phase_names():
        if not any(item.phase == phase for item in schedule.items.values()):
            continue
        out = target.with_name(f"{target.stem} - {safe_file_part(phase)}{target.suffix}")
        previous = out.read_bytes() if out.is_file() else None
        write_bytes_atomically(out, ics_bytes(strategy, schedule, previous, phase))
        written.append(out)
    return written


def safe_file_part(text: str) -> str:
    """Text for a file name: no path separators or characters Windows refuses."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", text).strip(" .") or "phase"

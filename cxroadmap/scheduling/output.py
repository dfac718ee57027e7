"""A schedule as `cxroadmap-schedule/1` JSON data and as a plain-text table for the terminal."""

from __future__ import annotations

import unicodedata
from typing import Any

from cxroadmap.scheduling.result import Schedule

SCHEDULE_FORMAT = "cxroadmap-schedule/1"
TITLE_WIDTH = 36
_ELLIPSIS = "..."


def schedule_to_json(schedule: Schedule) -> dict[str, Any]:
    """The `cxroadmap-schedule/1` form of interchange.md, keys in its order, ISO dates."""
    return {
        "format": SCHEDULE_FORMAT,
        "strategy": schedule.strategy,
        "start": schedule.start.isoformat(),
        "finish": schedule.finish.isoformat(),
        "finish_day": schedule.finish_day,
        "initiatives": [
            {
                "key": item.key,
                "title": item.title,
                "start_day": item.start_day,
                "finish_day": item.finish_day,
                "start": item.start.isoformat(),
                "finish": item.finish.isoformat(),
                "slack_days": item.slack_days,
                "critical": item.critical,
                "phase": item.phase,
            }
            for item in schedule.items.values()
        ],
        "warnings": list(schedule.warnings),
    }


def format_table(schedule: Schedule) -> str:
    """An aligned table in document order, a summary line, then the warnings."""
    header = ("Key", "Title", "Start", "Finish", "Days", "Slack", "Crit", "Phase")
    rows = [
        (
            item.key,
            _truncate(item.title, TITLE_WIDTH),
            item.start.isoformat(),
            item.finish.isoformat(),
            str(item.duration),
            str(item.slack_days),
            "*" if item.critical else "",
            item.phase,
        )
        for item in schedule.items.values()
    ]
    widths = [max(_width(cells[c]) for cells in [header, *rows]) for c in range(len(header))]
    numeric = {4, 5}
    lines = [_line(header, widths, numeric), _line(tuple("-" * w for w in widths), widths, set())]
    lines.extend(_line(cells, widths, numeric) for cells in rows)
    total = len(schedule.items)
    lines.append("")
    lines.append(
        f"{schedule.strategy}: finishes {schedule.finish.isoformat()} "
        f"(working day {schedule.finish_day}); "
        f"{schedule.critical_count} of {total} initiative{'s' if total != 1 else ''} critical"
    )
    if schedule.warnings:
        lines.append("")
        lines.append("Warnings:")
        lines.extend(f"- {warning}" for warning in schedule.warnings)
    return "\n".join(lines)


def _line(cells: tuple[str, ...], widths: list[int], right: set[int]) -> str:
    parts = []
    for c, (text, width) in enumerate(zip(cells, widths, strict=True)):
        pad = " " * (width - _width(text))
        parts.append(pad + text if c in right else text + pad)
    return "  ".join(parts).rstrip()


def _width(text: str) -> int:
    """Terminal columns: East Asian wide characters take two, combining marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _truncate(text: str, width: int) -> str:
    """At most `width` columns, on one line, ending in an ellipsis when cut."""
    text = " ".join(text.split())
    if _width(text) <= width:
        return text
    budget = width - len(_ELLIPSIS)
    out = []
    used = 0
    for ch in text:
        w = _width(ch)
        if used + w > budget:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + _ELLIPSIS

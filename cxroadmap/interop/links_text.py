"""Predecessor cells as people and tools write them: ours, MS Project's and GanttProject's."""

from __future__ import annotations

import re
from collections.abc import Set

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Dependency
from cxroadmap.interop.column_map import DURATION_FORMS, tool_duration

LINK_FORMS = (
    "KEY, 'KEY SS', 'KEY SS+2d' (ours), '3FS+2 days' (MS Project) or '2-SS=P5D' (GanttProject)"
)
# GanttProject: 2-SS=P5D. Ours and MS Project: REC1 SS+5d, 3FS+2 days, 3SS, 3+1w (FS).
_GANTT = re.compile(r"^(?P<key>.+?)-(?P<type>FS|SS|FF|SF)(?:=(?P<lag>.+))?$", re.IGNORECASE)
_TYPED = re.compile(r"^(?P<key>.+?)\s*(?P<type>FS|SS|FF|SF)\s*(?P<lag>[+-].*)?$", re.IGNORECASE)
_LAGGED = re.compile(r"^(?P<key>.+?)\s*(?P<lag>[+-]\s*\d.*)$")


def _items(text: str, known: Set[str]) -> list[str]:
    """Split on `;`, or on `,` as MS Project separates predecessors (unless a key has one)."""
    if text.strip() in known:
        return [text.strip()]
    parts = text.split(";") if ";" in text or any("," in k for k in known) else text.split(",")
    return [p.strip() for p in parts if p.strip()]


def parse_link(
    item: str, successor: str, known: Set[str], where: str, days_per_week: int
) -> Dependency:
    """One predecessor; a wrong lag says it is the lag, a wrong key that it is the key."""
    if item in known:
        return Dependency(item, successor)
    for pattern in (_GANTT, _TYPED, _LAGGED):
        match = pattern.match(item)
        if match is None:
            continue
        key = match["key"].strip()
        if key not in known:
            continue
        dep = Dependency(key, successor)
        if "type" in match.groupdict() and match["type"]:
            dep.type = match["type"].upper()
        lag = match["lag"]
        if lag:
            text = re.sub(r"^([+-])\s+", r"\1", lag.strip())
            try:
                dep.lag = tool_duration(text, where, days_per_week, negative=True)
            except ValidationError:
                raise ValidationError(
                    where,
                    f"lag {lag.strip()!r} in {item!r} is not a duration; use {DURATION_FORMS}",
                ) from None
        return dep
    # No reading names a known key: name the key part when the rest reads as a link.
    for pattern in (_GANTT, _TYPED, _LAGGED):
        match = pattern.match(item)
        if match is not None:
            raise ValidationError(
                where, f"no initiative with key {match['key'].strip()!r} (in {item!r})"
            )
    raise ValidationError(where, f"no initiative with key {item!r}; write links as {LINK_FORMS}")


def parse_depends_on(
    text: object, successor: str, known: Set[str], where: str, days_per_week: int
) -> list[Dependency]:
    """`REC1; VIS2 SS+5d; TP3 FF-2d`, `3FS+2 days,5`, `2-SS=P5D`: predecessors, FS by default."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        text = str(int(text)) if float(text).is_integer() else str(text)
    if not isinstance(text, str):
        raise ValidationError(where, f"expected text like 'REC1; VIS2 SS+5d', got {text!r}")
    deps: list[Dependency] = []
    for item in _items(text, known):
        dep = parse_link(item, successor, known, where, days_per_week)
        if dep.from_key == successor:
            raise ValidationError(where, f"{successor!r} cannot depend on itself")
        if any(d.from_key == dep.from_key for d in deps):
            raise ValidationError(where, f"{dep.from_key!r} is named twice")
        deps.append(dep)
    return deps

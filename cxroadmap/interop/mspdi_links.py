"""MSPDI tasks and links, and how a link on a summary task reaches the leaf tasks under it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Dependency
from cxroadmap.interop.mspdi_model import ELAPSED_LAG_FORMATS, PERCENT_LAG_FORMATS


@dataclass
class Link:
    """One PredecessorLink as read: lag still in the file's tenths of minutes."""

    pred: int
    type: str
    lag_tenths: float
    lag_format: int


@dataclass
class Task:
    """One real task (not the project summary) with its outline parent and children."""

    uid: int
    level: int
    name: str
    minutes: float
    element: Element
    parent: int | None = None
    children: list[int] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    @property
    def is_summary(self) -> bool:
        return bool(self.children)


ISO_DURATION = re.compile(
    r"^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?"
    r"(?:(\d+(?:\.\d+)?)S)?)?$"
)


def minutes_of(text: str | None, where: str) -> float:
    """Minutes of an ISO 8601 duration (PT40H0M0S); 0 when there is none."""
    if not text:
        return 0.0
    match = ISO_DURATION.match(text)
    if match is None:
        raise ValidationError(
            where, f"<Duration> {text!r} is not an ISO 8601 duration like PT40H0M0S"
        )
    sign, days, hours, minutes, seconds = match.groups()
    total = (
        float(days or 0) * 24 * 60
        + float(hours or 0) * 60
        + float(minutes or 0)
        + float(seconds or 0) / 60
    )
    return -total if sign else total


def round_half_away(value: float) -> int:
    """Half away from zero: 2.5 days is 3, -2.5 is -3 (Python's round() would give 2)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def whole_days(minutes: float, minutes_per_day: int) -> int:
    days = round_half_away(minutes / minutes_per_day)
    # A task of a few hours is still work; only a true zero is a milestone.
    return 1 if days == 0 and minutes > 0 else max(days, 0)


def _lag_days(link: Link, pred: Task | None, minutes_per_day: int, days_per_week: int) -> int:
    if link.lag_format in PERCENT_LAG_FORMATS:
        # LinkLag then holds a percentage of the predecessor's duration.
        base = 0 if pred is None else whole_days(pred.minutes, minutes_per_day)
        return round_half_away(link.lag_tenths / 100 * base)
    minutes = link.lag_tenths / 10
    if link.lag_format in ELAPSED_LAG_FORMATS:
        return round_half_away(minutes / (24 * 60) * days_per_week / 7)
    return round_half_away(minutes / minutes_per_day)


def leaf_dependencies(
    tasks: dict[int, Task], keys: dict[int, str], minutes_per_day: int, days_per_week: int
) -> list[Dependency]:
    """Leaf-to-leaf dependencies; a link on a summary task is carried by the tasks under it."""
    direct: list[tuple[int, int, Link]] = []
    via_summary: list[tuple[int, int, Link]] = []
    for task in tasks.values():
        for link in task.links:
            pred = tasks.get(link.pred)
            if pred is None:
                continue  # a link from the project summary task means nothing
            if not pred.is_summary and not task.is_summary:
                direct.append((pred.uid, task.uid, link))
                continue
            # The predecessor's finish counts for FS and FF, its start for SS and SF; the
            # successor's start is held back by FS and SS, its finish by FF and SF.
            side = _exits if link.type in ("FS", "FF") else _entries
            preds = side(pred, tasks) if pred.is_summary else [pred.uid]
            side = _entries if link.type in ("FS", "SS") else _exits
            succs = side(task, tasks) if task.is_summary else [task.uid]
            via_summary += [(p, s, link) for p in preds for s in succs]
    deps: dict[tuple[str, str], Dependency] = {}
    for p, s, link in direct + via_summary:
        if p == s:
            continue
        lag = _lag_days(link, tasks[link.pred], minutes_per_day, days_per_week)
        pair = (keys[p], keys[s])
        known = deps.get(pair)
        if known is None:
            deps[pair] = Dependency(pair[0], pair[1], link.type, lag)
        elif known.type == link.type:
            known.lag = max(known.lag, lag)
        # A second link of another type between the same two tasks cannot be kept: the first
        # one (a direct link before one inherited from a summary) wins.
    return list(deps.values())


def _leaves(task: Task, tasks: dict[int, Task]) -> list[int]:
    if not task.is_summary:
        return [task.uid]
    return [leaf for child in task.children for leaf in _leaves(tasks[child], tasks)]


def _exits(summary: Task, tasks: dict[int, Task]) -> list[int]:
    """Leaves under `summary` whose finish can be the summary's finish.

    A leaf with an FS or FF successor (lag >= 0) under the same summary finishes no later
    than that successor, so a link from the summary need not be repeated on it.
    """
    leaves = _leaves(summary, tasks)
    inside = set(leaves)
    followed = {
        link.pred
        for uid in leaves
        for link in tasks[uid].links
        if link.pred in inside and link.type in ("FS", "FF") and link.lag_tenths >= 0
    }
    return [uid for uid in leaves if uid not in followed]


def _entries(summary: Task, tasks: dict[int, Task]) -> list[int]:
    """Leaves under `summary` that a link into the summary must hold back.

    A leaf with an FS or SS predecessor (lag >= 0) under the same summary starts no earlier
    than that predecessor, which is itself held back.
    """
    leaves = _leaves(summary, tasks)
    inside = set(leaves)
    return [
        uid
        for uid in leaves
        if not any(
            link.pred in inside and link.type in ("FS", "SS") and link.lag_tenths >= 0
            for link in tasks[uid].links
        )
    ]

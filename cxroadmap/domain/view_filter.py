"""Saved views: one filter (and what to show) for the table, every view and every export."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cxroadmap.domain.errors import ValidationError

if TYPE_CHECKING:
    from cxroadmap.domain.model import Initiative

MAX_VIEWS = 50


@dataclass(frozen=True)
class Shows:
    """What the roadmap pictures draw besides the initiatives: a saved view's four switches,
    obeyed alike by the app's timeline, board and graph, presentation mode and every export."""

    slack: bool = True
    links: bool = True
    measures: bool = True
    today: bool = True


EVERYTHING_SHOWN = Shows()


@dataclass
class ViewFilter:
    """Which initiatives to show (every list empty: no limit) and what to draw with them.

    An initiative passes when it matches every non-empty criterion: one of `pillars` (key or
    label), one of `owners`, one of `phases` (the phase it is scheduled in), one of
    `statuses`, `text` somewhere in its key, title, owner or description, and is critical
    when `critical_only`.
    """

    name: str = ""
    pillars: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    text: str = ""
    critical_only: bool = False
    show_slack: bool = True
    show_links: bool = True
    show_measures: bool = True
    show_today: bool = True

    @property
    def filters(self) -> bool:
        """Whether it leaves anything out."""
        return (
            bool(self.pillars or self.owners or self.phases or self.statuses or self.text.strip())
            or self.critical_only
        )

    @property
    def shows(self) -> Shows:
        return Shows(self.show_slack, self.show_links, self.show_measures, self.show_today)

    def matches(self, ini: Initiative, phase: str, critical: bool, pillar_label: str = "") -> bool:
        if self.pillars:
            wanted = {p.strip().lower() for p in self.pillars}
            if ini.pillar.strip().lower() not in wanted and pillar_label.lower() not in wanted:
                return False
        if self.owners and ini.owner.strip().lower() not in {
            o.strip().lower() for o in self.owners
        }:
            return False
        if self.phases and phase not in self.phases:
            return False
        if self.statuses and ini.status not in self.statuses:
            return False
        if self.critical_only and not critical:
            return False
        text = self.text.strip().lower()
        if text:
            haystack = f"{ini.key} {ini.title} {ini.owner} {ini.description}".lower()
            if text not in haystack:
                return False
        return True


_BOOL_FIELDS = ("critical_only", "show_slack", "show_links", "show_measures", "show_today")
_LIST_FIELDS = ("pillars", "owners", "phases", "statuses")
FIELDS = tuple(f.name for f in dataclasses.fields(ViewFilter))


def shows_of(view: ViewFilter | None) -> Shows:
    """What `view` draws; everything when there is no view."""
    return view.shows if view is not None else EVERYTHING_SHOWN


def view_from_dict(data: object, where: str) -> ViewFilter:
    """A view from its JSON form; unknown fields and wrong kinds are errors naming the field."""
    if not isinstance(data, dict):
        raise ValidationError(where, "expected an object")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise ValidationError(f"{where}.{unknown[0]}", "unknown field")
    values: dict[str, Any] = {}
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValidationError(f"{where}.name", "expected the view's name")
    values["name"] = name.strip()
    for key in _LIST_FIELDS:
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValidationError(f"{where}.{key}", "expected a list of texts")
        values[key] = [i.strip() for i in items if i.strip()]
    from cxroadmap.domain.model import STATUSES  # model.py holds views: imported late

    for status in values["statuses"]:
        if status not in STATUSES:
            raise ValidationError(
                f"{where}.statuses", f"expected {', '.join(STATUSES)}, got {status!r}"
            )
    text = data.get("text", "")
    if not isinstance(text, str):
        raise ValidationError(f"{where}.text", "expected a text")
    values["text"] = text
    for key in _BOOL_FIELDS:
        flag = data.get(key, getattr(ViewFilter(), key))
        if not isinstance(flag, bool):
            raise ValidationError(f"{where}.{key}", f"expected true or false, got {flag!r}")
        values[key] = flag
    return ViewFilter(**values)


def view_to_dict(view: ViewFilter) -> dict[str, Any]:
    """The JSON form: the name, then only what differs from "everything, all shown"."""
    out: dict[str, Any] = {"name": view.name}
    default = ViewFilter()
    for key in FIELDS[1:]:
        value = getattr(view, key)
        if value != getattr(default, key):
            out[key] = list(value) if isinstance(value, list) else value
    return out


def check_views(views: Iterable[ViewFilter], where: str = "views") -> list[ViewFilter]:
    """Names unique (ignoring case), at most MAX_VIEWS."""
    out = list(views)
    if len(out) > MAX_VIEWS:
        raise ValidationError(where, f"at most {MAX_VIEWS} saved views")
    seen: set[str] = set()
    for index, view in enumerate(out):
        key = view.name.strip().lower()
        if not key:
            raise ValidationError(f"{where}[{index}].name", "expected the view's name")
        if key in seen:
            raise ValidationError(f"{where}[{index}].name", f"a view named {view.name!r} exists")
        seen.add(key)
    return out


def find_view(views: Iterable[ViewFilter], name: str) -> ViewFilter:
    """The saved view called `name` (any case); ValidationError naming --view-filter."""
    listed = list(views)
    for view in listed:
        if view.name.strip().lower() == name.strip().lower():
            return view
    known = ", ".join(v.name for v in listed) or "none saved"
    raise ValidationError("--view-filter", f"no saved view named {name!r} (views: {known})")

"""Baselines: named, dated snapshots of a strategy's schedule (tracking.md, "Baselines")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from cxroadmap.domain.calendar import parse_date
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_key, check_text
from cxroadmap.domain.limits import MAX_INITIATIVES, MAX_KEY_LENGTH

MAX_BASELINES = (
    100  # per strategy; MS Project keeps 11, a strategy reviewed monthly for 8 years fits
)
MAX_BASELINE_NAME = MAX_KEY_LENGTH


@dataclass(frozen=True)
class BaselineEntry:
    """One initiative as the schedule showed it when the baseline was taken."""

    key: str
    start: dt.date
    finish: dt.date
    duration: int  # working days
    phase: str


@dataclass
class Baseline:
    """A named snapshot; its entries never change once taken (only its name may)."""

    name: str
    taken_on: dt.date
    entries: list[BaselineEntry] = field(default_factory=list)

    def entry(self, key: str) -> BaselineEntry | None:
        return next((e for e in self.entries if e.key == key), None)

    def by_key(self) -> dict[str, BaselineEntry]:
        return {e.key: e for e in self.entries}

    @property
    def finish(self) -> dt.date | None:
        """The project finish it recorded: its latest initiative finish (None when empty)."""
        return max((e.finish for e in self.entries), default=None)


def check_baseline_name(name: object, where: str = "baselines.name") -> str:
    """A name of one line, not blank, without spaces around it (a CLI argument stays exact)."""
    text = check_text(name, where, required=True, max_length=MAX_BASELINE_NAME)
    if text != text.strip() or "\n" in text:
        raise ValidationError(where, f"baseline name {text!r} must be one line without spaces "
                              "around it")  # fmt: skip
    return text


def find_baseline(baselines: Iterable[Baseline], name: str) -> Baseline | None:
    """The baseline called `name` (exact match first, then ignoring case)."""
    items = list(baselines)
    exact = next((b for b in items if b.name == name), None)
    if exact is not None:
        return exact
    folded = name.casefold()
    return next((b for b in items if b.name.casefold() == folded), None)


def check_new_name(baselines: Iterable[Baseline], name: object, where: str) -> str:
    """`name` checked, and not already used (ignoring case) by another baseline."""
    text = check_baseline_name(name, where)
    if find_baseline(baselines, text) is not None:
        raise ValidationError(where, f"a baseline named {text!r} already exists")
    return text


def check_baselines(
    baselines: list[Baseline], chosen: str | None, where: str = "strategy.baselines"
) -> None:
    """Names unique (ignoring case), entries' keys unique, `chosen` one of the names."""
    if len(baselines) > MAX_BASELINES:
        raise ValidationError(where, f"{len(baselines):,} baselines; at most {MAX_BASELINES}")
    seen: list[Baseline] = []
    for i, baseline in enumerate(baselines):
        here = f"{where}[{i}]"
        check_new_name(seen, baseline.name, f"{here}.name")
        seen.append(baseline)
        if len(baseline.entries) > MAX_INITIATIVES:
            raise ValidationError(f"{here}.initiatives", "too many initiatives")
        keys: set[str] = set()
        for entry in baseline.entries:
            at = f"{here}.initiatives[{entry.key}]"
            check_key(entry.key, f"{at}.key")
            if entry.key in keys:
                raise ValidationError(f"{at}.key", f"duplicate key {entry.key!r}")
            keys.add(entry.key)
            if entry.finish < entry.start:
                raise ValidationError(f"{at}.finish", "is before its start")
            if entry.duration < 0:
                raise ValidationError(f"{at}.duration", "must not be negative")
    if chosen is not None and not any(b.name == chosen for b in baselines):
        raise ValidationError(f"{where}.chosen", f"no baseline named {chosen!r}")


def entry_from_values(values: Mapping[str, object], where: str) -> BaselineEntry:
    """An entry from plain values by name (JSON, file rows), each checked and named on error."""
    duration = values.get("duration")
    if isinstance(duration, bool) or not isinstance(duration, int) or duration < 0:
        raise ValidationError(f"{where}.duration", "expected whole working days >= 0")
    return BaselineEntry(
        check_key(values.get("key"), f"{where}.key"),
        parse_date(values.get("start"), f"{where}.start"),
        parse_date(values.get("finish"), f"{where}.finish"),
        duration,
        check_text(values.get("phase"), f"{where}.phase"),
    )

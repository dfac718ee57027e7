"""The errors of tracking.md between progress fields (actual dates, % complete, status date)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Initiative, Strategy


def check_progress(strategy: Strategy, only: Iterable[str] | None = None) -> None:
    """Raise the first progress error of a strategy, naming the initiative and field.

    The single-field rules (dates, % complete from 0 to 100) are the registry's; these
    are the ones between fields. Most initiatives carry no progress and cost one test;
    `only` (keys in document order) leaves out initiatives known to carry none.
    """
    status = strategy.status_date
    start = strategy.start
    initiatives = strategy.initiatives
    pairs = initiatives.items() if only is None else ((k, initiatives[k]) for k in only)
    for key, ini in pairs:
        if ini.actual_start is None and ini.actual_finish is None and not ini.percent_complete:
            continue
        check_initiative_progress(ini, f"initiatives[{key}]", start, status)


def check_initiative_progress(
    ini: Initiative, where: str, start: dt.date, status: dt.date | None
) -> None:
    """The progress errors of one initiative (`where` names it, as `initiatives[B]`)."""
    began, ended, percent = ini.actual_start, ini.actual_finish, ini.percent_complete
    milestone = ini.duration == 0
    if ended is not None and began is None and not milestone:
        raise ValidationError(f"{where}.actual_finish", "an actual finish needs an actual start")
    if ended is not None and began is not None:
        if ended < began:
            raise ValidationError(
                f"{where}.actual_finish",
                f"{ended.isoformat()} is before the actual start {began.isoformat()}",
            )
        if milestone and ended != began:
            raise ValidationError(
                f"{where}.actual_start",
                f"a milestone's actual start must be its actual finish {ended.isoformat()}",
            )
    # A reached milestone may say 100 % without an actual start (its finish is its start).
    reached = milestone and ended is not None and percent == 100
    if percent > 0 and began is None and not reached:
        raise ValidationError(
            f"{where}.percent_complete", f"{percent} % complete needs an actual start"
        )
    if ended is not None and 0 < percent < 100:
        raise ValidationError(
            f"{where}.percent_complete",
            f"{percent} % complete does not fit an actual finish (use 100, or clear the finish)",
        )
    for name, day in (("actual_start", began), ("actual_finish", ended)):
        if day is None:
            continue
        if status is not None and day > status:
            raise ValidationError(
                f"{where}.{name}",
                f"{day.isoformat()} is after the status date {status.isoformat()}",
            )
        if day < start:
            raise ValidationError(
                f"{where}.{name}",
                f"{day.isoformat()} is before the strategy's start {start.isoformat()}",
            )


# Changing one of these can break a rule above (a milestone's rules follow its duration).
_INITIATIVE_PROGRESS = frozenset({"actual_start", "actual_finish", "percent_complete", "duration"})
_STRATEGY_PROGRESS = frozenset({"status_date", "start"})


def check_initiative_change(strategy: Strategy, key: str, new: dict[str, Any]) -> None:
    """Refuse a change of initiative `key` that would break a progress rule (not applied)."""
    if _INITIATIVE_PROGRESS.isdisjoint(new):
        return
    ini = dataclasses.replace(
        strategy.initiatives[key], **{k: v for k, v in new.items() if k != "key"}
    )
    check_initiative_progress(ini, f"initiatives[{key}]", strategy.start, strategy.status_date)


def touches_progress(names: Iterable[str]) -> bool:
    """Whether a change of these strategy fields needs the progress rules checked again."""
    return not _STRATEGY_PROGRESS.isdisjoint(names)

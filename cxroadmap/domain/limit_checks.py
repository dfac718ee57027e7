"""Checks of a whole strategy against the table of limits: sizes, lengths, counts, the span.

validate_strategy calls check_strategy_limits, so every door that validates (edits,
every importer, the document on open) refuses what could not be stored, scheduled or
drawn, naming the key and field at fault.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sized

from cxroadmap.domain.calendar import check_date
from cxroadmap.domain.durations import check_days
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_length
from cxroadmap.domain.limits import (
    LATEST_SCHEDULED_DATE,
    MAX_DEPENDENCIES,
    MAX_HOLIDAYS,
    MAX_INITIATIVES,
    MAX_KEY_LENGTH,
    MAX_LIST_ITEMS,
    MAX_MEASURES,
    MAX_NAME_LENGTH,
    MAX_PARALLEL,
    MAX_PHASE_WEEKS,
    MAX_PHASES,
    MAX_TEXT_LENGTH,
    MAX_TOUCHPOINTS,
)
from cxroadmap.domain.model import Strategy


def check_count(items: Sized, where: str, limit: int, what: str) -> None:
    count = len(items)
    if count > limit:
        raise ValidationError(where, f"has {count:,} {what}; at most {limit:,} are allowed")


def _text(value: object, where: str, limit: int) -> None:
    # Types are checked by the validators; only the length is this module's business.
    if isinstance(value, str) and len(value) > limit:
        check_length(value, where, limit)


def check_strategy_limits(strategy: Strategy) -> None:
    """Raise the first value of `strategy` outside limits.py (called by validate_strategy)."""
    _text(strategy.name, "strategy.name", MAX_NAME_LENGTH)
    _text(strategy.key, "strategy.key", MAX_KEY_LENGTH)
    _text(strategy.owner, "strategy.owner", MAX_NAME_LENGTH)
    _text(strategy.vision, "strategy.vision", MAX_TEXT_LENGTH)
    _text(strategy.mission, "strategy.mission", MAX_TEXT_LENGTH)
    check_count(strategy.values, "strategy.values", MAX_LIST_ITEMS, "values")
    for i, value in enumerate(strategy.values):
        _text(value, f"strategy.values[{i}]", MAX_TEXT_LENGTH)
    check_date(strategy.start, "strategy.start")
    check_count(strategy.holidays, "strategy.holidays", MAX_HOLIDAYS, "holidays")
    for i, day in enumerate(strategy.holidays):
        check_date(day, f"strategy.holidays[{i}]")
    if strategy.max_parallel is not None and strategy.max_parallel > MAX_PARALLEL:
        raise ValidationError(
            "strategy.max_parallel",
            f"{strategy.max_parallel:,} is more than the limit of {MAX_PARALLEL:,}",
        )
    _check_phases(strategy)
    check_count(strategy.initiatives, "strategy.initiatives", MAX_INITIATIVES, "initiatives")
    check_count(strategy.dependencies, "strategy.dependencies", MAX_DEPENDENCIES, "dependencies")
    check_count(strategy.touchpoints, "strategy.touchpoints", MAX_TOUCHPOINTS, "touchpoints")
    check_count(strategy.measures, "strategy.measures", MAX_MEASURES, "measures")
    total = 0
    latest = strategy.start
    for key, ini in strategy.initiatives.items():
        where = f"initiatives[{key}]"
        _text(key, f"{where}.key", MAX_KEY_LENGTH)
        _text(ini.title, f"{where}.title", MAX_NAME_LENGTH)
        _text(ini.pillar, f"{where}.pillar", MAX_NAME_LENGTH)
        _text(ini.owner, f"{where}.owner", MAX_NAME_LENGTH)
        _text(ini.description, f"{where}.description", MAX_TEXT_LENGTH)
        total += check_days(ini.duration, f"{where}.duration")
        if ini.not_before is not None:
            latest = max(latest, check_date(ini.not_before, f"{where}.not_before"))
        check_count(ini.touchpoints, f"{where}.touchpoints", MAX_LIST_ITEMS, "touchpoints")
        check_count(ini.supports, f"{where}.supports", MAX_LIST_ITEMS, "links")
    for i, dep in enumerate(strategy.dependencies):
        lag = check_days(dep.lag, f"dependencies[{i}].lag", lag=True)
        total += max(lag, 0)
    for tp in strategy.touchpoints:
        for name in ("name", "stage", "channel"):
            _text(getattr(tp, name), f"touchpoints[{tp.key}].{name}", MAX_NAME_LENGTH)
        for name in ("now", "should"):
            _text(getattr(tp, name), f"touchpoints[{tp.key}].{name}", MAX_TEXT_LENGTH)
    for measure in strategy.measures:
        _text(measure.name, f"measures[{measure.key}].name", MAX_NAME_LENGTH)
        _text(measure.unit, f"measures[{measure.key}].unit", MAX_NAME_LENGTH)
        if measure.target_date is not None:
            check_date(measure.target_date, f"measures[{measure.key}].target_date")
    _check_span(strategy, total, latest)


def check_span(strategy: Strategy) -> None:
    """Only the whole-plan span check: cheap enough to run after every edit."""
    total = sum(ini.duration for ini in strategy.initiatives.values())
    total += sum(max(dep.lag, 0) for dep in strategy.dependencies)
    dates = [ini.not_before for ini in strategy.initiatives.values() if ini.not_before]
    _check_span(strategy, total, max([strategy.start, *dates]))


def _check_phases(strategy: Strategy) -> None:
    check_count(strategy.phases, "strategy.phases", MAX_PHASES, "phases")
    weeks = 0
    for i, phase in enumerate(strategy.phases):
        _text(phase.name, f"strategy.phases[{i}].name", MAX_NAME_LENGTH)
        if isinstance(phase.weeks, int) and not isinstance(phase.weeks, bool):
            weeks += phase.weeks
            if phase.weeks > MAX_PHASE_WEEKS or weeks > MAX_PHASE_WEEKS:
                raise ValidationError(
                    f"strategy.phases[{i}].weeks",
                    f"the phases run {weeks:,} weeks; at most {MAX_PHASE_WEEKS:,} are allowed",
                )


def _check_span(strategy: Strategy, total: int, latest: dt.date) -> None:
    """Refuse a plan whose schedule could run past LATEST_SCHEDULED_DATE.

    The finish is at most the latest start bound (start, a not-before date, a phase
    start) plus every duration and every positive lag: even levelled, work only waits
    for other work. Working days become calendar weeks at the strategy's pace; each
    holiday can cost one more working day.
    """
    per_week = max(1, len(strategy.working_days))
    weeks_of_phases = sum(
        p.weeks for p in strategy.phases if isinstance(p.weeks, int) and p.weeks > 0
    )
    begin = max(latest.toordinal(), strategy.start.toordinal() + 7 * weeks_of_phases)
    days = 7 * (math.ceil((total + len(strategy.holidays)) / per_week) + 1)
    if begin + days > LATEST_SCHEDULED_DATE.toordinal():
        raise ValidationError(
            "strategy",
            f"durations and lags add up to {total:,} working days, more than any plan can "
            f"schedule (it would run past {LATEST_SCHEDULED_DATE.year}); shorten them",
        )

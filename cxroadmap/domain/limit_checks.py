"""Checks of a whole strategy against the table of limits: sizes, lengths, counts, the span.

validate_strategy calls check_strategy_limits, so every door that validates (edits,
every importer, the document on open) refuses what could not be stored, scheduled or
drawn, naming the key and field at fault.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sized
from operator import attrgetter

from cxroadmap.domain.calendar import check_date
from cxroadmap.domain.durations import check_days
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_length
from cxroadmap.domain.fields import (
    KEY,
    KEYS,
    LONG_TEXT,
    NAME_REF,
    OPPORTUNITIES,
    STRATEGY_KEY,
    SUPPORTS,
    TEXT,
    TEXTS,
)
from cxroadmap.domain.limits import (
    LATEST_SCHEDULED_DATE,
    MAX_DATE,
    MAX_DEPENDENCIES,
    MAX_DURATION_DAYS,
    MAX_HOLIDAYS,
    MAX_INITIATIVES,
    MAX_KEY_LENGTH,
    MAX_LAG_DAYS,
    MAX_LIST_ITEMS,
    MAX_MEASURES,
    MAX_NAME_LENGTH,
    MAX_PHASE_WEEKS,
    MAX_PHASES,
    MAX_TEXT_LENGTH,
    MAX_TOUCHPOINTS,
    MIN_DATE,
)
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.domain.registry import INITIATIVE, MEASURE, STRATEGY, TOUCHPOINT, Fields


def check_count(items: Sized, where: str, limit: int, what: str) -> None:
    count = len(items)
    if count > limit:
        raise ValidationError(where, f"has {count:,} {what}; at most {limit:,} are allowed")


def _text(value: object, where: str, limit: int) -> None:
    # Types are checked by the validators; only the length is this module's business.
    if isinstance(value, str) and len(value) > limit:
        check_length(value, where, limit)


# How long each kind of text may be, and which kinds are lists: the fields of each record
# come from the registry, so a new field is held to its kind's limit without a line here.
TEXT_LIMITS = {
    KEY: MAX_KEY_LENGTH,
    STRATEGY_KEY: MAX_KEY_LENGTH,
    TEXT: MAX_NAME_LENGTH,
    NAME_REF: MAX_NAME_LENGTH,
    LONG_TEXT: MAX_TEXT_LENGTH,
}
_COUNTED = frozenset({KEYS, TEXTS, SUPPORTS, OPPORTUNITIES})
Plan = tuple[tuple[str, int | None, str], ...]


def _plan(fields: Fields) -> Plan:
    """(field name, text limit or None for a list, kind) of the fields with a limit."""
    return tuple(
        (f.name, TEXT_LIMITS.get(f.kind), f.kind)
        for f in fields.values()
        if f.kind in TEXT_LIMITS or f.kind in _COUNTED
    )


_DURATION = attrgetter("duration")
_NOT_BEFORE = attrgetter("not_before")
_LAG = attrgetter("lag")

STRATEGY_LIMITS = _plan(STRATEGY)
INITIATIVE_LIMITS = _plan(INITIATIVE)
TOUCHPOINT_LIMITS = _plan(TOUCHPOINT)
MEASURE_LIMITS = _plan(MEASURE)


def limit_test(plan: Plan, value_pattern: str) -> str:
    """The source of one expression that is True when every limited field of a record is
    inside its limit (False: look closer); `value_pattern.format(name)` is the source of a
    field's value ("r.{}": of record r)."""
    parts = []
    for name, limit, kind in plan:
        value = value_pattern.format(name)
        if limit is not None:
            parts.append(f"(type({value}) is not str or len({value}) <= {limit})")
        else:
            items = f" and all(type(x) is not str or len(x) <= {MAX_TEXT_LENGTH} for x in {value})"
            parts.append(f"(len({value}) <= {MAX_LIST_ITEMS}{items if kind == TEXTS else ''})")
    return " and ".join(parts) or "True"


def _fast(plan: Plan) -> Callable[[object], bool]:
    """One compiled test that every limited field of a record is inside its limit.

    validate_strategy runs it for every initiative before each schedule; a loop over the
    plan per initiative doubled the time of checking 5,000 of them.
    """
    env: dict[str, object] = {}
    exec(f"def ok(r):\n    return {limit_test(plan, 'r.{}')}\n", env)
    return env["ok"]  # type: ignore[return-value]


_FAST = {
    plan: _fast(plan)
    for plan in (STRATEGY_LIMITS, INITIATIVE_LIMITS, TOUCHPOINT_LIMITS, MEASURE_LIMITS)
}


def _record_limits(record: object, plan: Plan, where: str) -> None:
    if _FAST[plan](record):
        return
    for name, limit, kind in plan:
        value = getattr(record, name)
        if limit is not None:
            _text(value, f"{where}.{name}", limit)
        elif isinstance(value, list | tuple):
            check_count(value, f"{where}.{name}", MAX_LIST_ITEMS, name.replace("_", " "))
            if kind == TEXTS:
                for i, item in enumerate(value):
                    _text(item, f"{where}.{name}[{i}]", MAX_TEXT_LENGTH)


def check_strategy_limits(
    strategy: Strategy,
    records_checked: bool = False,
    unusual: list[str] | None = None,
    work: int | None = None,
) -> None:
    """Raise the first value of `strategy` outside limits.py (called by validate_strategy).

    `records_checked`: quick_checks.records_look_fine found every initiative and
    dependency inside its limits, so only the sums the span check needs are taken of them;
    `unusual` (its keys of the initiatives that may have a not-before date) and `work`
    (its sum of the durations and positive lags) are those sums' parts when it has them.
    """
    _record_limits(strategy, STRATEGY_LIMITS, "strategy")
    check_date(strategy.start, "strategy.start")
    check_count(strategy.holidays, "strategy.holidays", MAX_HOLIDAYS, "holidays")
    for i, day in enumerate(strategy.holidays):
        check_date(day, f"strategy.holidays[{i}]")
    _check_phases(strategy)
    check_count(strategy.initiatives, "strategy.initiatives", MAX_INITIATIVES, "initiatives")
    check_count(strategy.dependencies, "strategy.dependencies", MAX_DEPENDENCIES, "dependencies")
    check_count(strategy.touchpoints, "strategy.touchpoints", MAX_TOUCHPOINTS, "touchpoints")
    check_count(strategy.measures, "strategy.measures", MAX_MEASURES, "measures")
    if records_checked:
        total, latest = _span_inputs(strategy, unusual, work)
    else:
        total, latest = _check_records(strategy)
    for tp in strategy.touchpoints:
        _record_limits(tp, TOUCHPOINT_LIMITS, f"touchpoints[{tp.key}]")
    for measure in strategy.measures:
        _record_limits(measure, MEASURE_LIMITS, f"measures[{measure.key}]")
        if measure.target_date is not None:
            check_date(measure.target_date, f"measures[{measure.key}].target_date")
    _check_span(strategy, total, latest)


def _check_records(strategy: Strategy) -> tuple[int, dt.date]:
    """Every initiative's and dependency's limits; the span check's total and latest date."""
    total = 0
    latest = strategy.start
    ok = _FAST[INITIATIVE_LIMITS]
    low, high = MIN_DATE, MAX_DATE
    for key, ini in strategy.initiatives.items():
        # The common case builds no strings: only a suspect initiative is looked at closely.
        days, after = ini.duration, ini.not_before
        if (
            type(days) is not int
            or not -MAX_DURATION_DAYS <= days <= MAX_DURATION_DAYS
            or (after is not None and (type(after) is not dt.date or not low <= after <= high))
            or (isinstance(key, str) and len(key) > MAX_KEY_LENGTH)
            or not ok(ini)
        ):
            _initiative_limits(key, ini)
        total += days
        if after is not None and after > latest:
            latest = after
    for i, dep in enumerate(strategy.dependencies):
        lag = dep.lag
        if type(lag) is not int or not -MAX_LAG_DAYS <= lag <= MAX_LAG_DAYS:
            lag = check_days(lag, f"dependencies[{i}].lag", lag=True)
        if lag > 0:
            total += lag
    return total, latest


def _span_inputs(
    strategy: Strategy, unusual: list[str] | None, work: int | None
) -> tuple[int, dt.date]:
    """What `_check_records` adds up, for records already known to be inside their limits
    (only `unusual` initiatives, when given, can have a not-before date; `work`, when
    given, is the total)."""
    initiatives = strategy.initiatives.values()
    if work is None:
        lags = map(_LAG, strategy.dependencies)
        total = sum(map(_DURATION, initiatives)) + sum(filter((0).__lt__, lags))
    else:
        total = work
    if unusual is not None:
        initiatives = map(strategy.initiatives.__getitem__, unusual)  # type: ignore[assignment]
    latest = max(filter(None, map(_NOT_BEFORE, initiatives)), default=strategy.start)
    return total, max(strategy.start, latest)


def _initiative_limits(key: str, ini: Initiative) -> None:
    """The slow, precise check of one initiative's limits: raises naming the field at fault."""
    where = f"initiatives[{key}]"
    _text(key, f"{where}.key", MAX_KEY_LENGTH)
    _record_limits(ini, INITIATIVE_LIMITS, where)
    check_days(ini.duration, f"{where}.duration")
    if ini.not_before is not None:
        check_date(ini.not_before, f"{where}.not_before")


_DURATION, _LAG = attrgetter("duration"), attrgetter("lag")
_NOT_BEFORE = attrgetter("not_before")


def check_span(strategy: Strategy) -> None:
    """Only the whole-plan span check: cheap enough to run after every edit."""
    # Attributes read at C speed: this runs on every edit, over every initiative and link.
    initiatives = strategy.initiatives.values()
    total = sum(map(_DURATION, initiatives))
    total += sum(lag for lag in map(_LAG, strategy.dependencies) if lag > 0)
    dates = [day for day in map(_NOT_BEFORE, initiatives) if day]
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

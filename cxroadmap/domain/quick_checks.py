"""One quick pass over a strategy's initiatives and dependencies: True when none needs a look.

validate_strategy runs it first. When it says yes, the per-initiative and per-dependency
loops of the ordered checks (limits, fields, links) would all pass, so they are skipped
and the rest of the checks run in their usual order; when it says no (or stumbles on an
odd value), every check runs in its usual order. Either way the first error raised, and
its message, are the ones the ordered checks give. It is conservative by construction:
it tests, at once, exactly what those loops test before they look closer, or more.

Why: those loops were most of validating, and validating a third of `schedule()` at
5,000 initiatives; here each initiative is one compiled expression inside one compiled
loop, and each dependency is looked at by C loops over its columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from operator import attrgetter, eq

from cxroadmap.domain.fields import record_env, record_test
from cxroadmap.domain.limit_checks import INITIATIVE_LIMITS, limit_test
from cxroadmap.domain.limits import (
    MAX_DATE,
    MAX_DURATION_DAYS,
    MAX_KEY_LENGTH,
    MAX_LAG_DAYS,
    MIN_DATE,
)
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.domain.registry import DEPENDENCY, INITIATIVE

_FROM = attrgetter("from_key")
_TO = attrgetter("to_key")
_TYPE = attrgetter("type")
_LAG = attrgetter("lag")
_TYPES = frozenset(DEPENDENCY["type"].choices)


def records_look_fine(strategy: Strategy) -> bool:
    """True when no initiative or dependency of `strategy` needs a closer look.

    Initiatives: key as filed and short enough, duration and not-before date inside the
    limits, every field passing its registry test (`fields.record_test`) and its length
    limit (`limit_checks.limit_test`), a phase pin naming a phase. Dependencies: both ends
    exist, not on itself, no pair twice, a known type, a whole-number lag inside the limit.
    """
    try:
        names = {phase.name for phase in strategy.phases}
        return _initiatives_fine(strategy.initiatives, names) and _dependencies_fine(strategy)
    except Exception:  # an odd value: the ordered checks raise what they raise
        return False


def _dependencies_fine(strategy: Strategy) -> bool:
    deps = strategy.dependencies
    froms = list(map(_FROM, deps))
    tos = list(map(_TO, deps))
    keys = strategy.initiatives.keys()
    if not (keys >= set(froms) and keys >= set(tos)) or any(map(eq, froms, tos)):
        return False
    if len(set(zip(froms, tos, strict=True))) != len(deps):
        return False
    if not set(map(_TYPE, deps)) <= _TYPES:
        return False
    lags = list(map(_LAG, deps))
    return set(map(type, lags)) <= {int} and (
        not lags or (min(lags) >= -MAX_LAG_DAYS and max(lags) <= MAX_LAG_DAYS)
    )


def _initiatives_check() -> Callable[[Mapping[str, Initiative], set[str]], bool]:
    """The compiled loop: False at the first initiative that needs a closer look."""
    env = record_env()
    env.update(_low=MIN_DATE, _high=MAX_DATE, _date=dt.date)
    fields = record_test(INITIATIVE, "r", env)
    limits = limit_test(INITIATIVE_LIMITS, "r")
    source = f"""
def fine(initiatives, phases):
    for key, r in initiatives.items():
        days = r.duration
        after = r.not_before
        pin = r.phase
        if not (
            type(key) is str
            and not r.key != key
            and len(key) <= {MAX_KEY_LENGTH}
            and type(days) is int
            and 0 <= days <= {MAX_DURATION_DAYS}
            and (after is None or (type(after) is _date and _low <= after <= _high))
            and (pin is None or pin in phases)
            and {limits}
            and {fields}
        ):
            return False
    return True
"""
    exec(source, env)
    return env["fine"]  # type: ignore[return-value]


_initiatives_fine = _initiatives_check()

"""One quick pass over a strategy's initiatives and dependencies: True when none needs a look.

validate_strategy runs it first. When it says yes, the per-initiative and per-dependency
loops of the ordered checks (limits, fields, links) would all pass, so they are skipped
and the rest of the checks run in their usual order; when it says no (or stumbles on an
odd value), every check runs in its usual order. Either way the first error raised, and
its message, are the ones the ordered checks give. It is conservative by construction:
it tests, at once, what those loops test before they look closer, or more.

Why: those loops were most of validating, and validating a third of `schedule()` at
5,000 initiatives. Here each initiative is one compiled expression (from the registry,
so a new field is tested without a line here) in one compiled loop that reads each
field once, and lengths with the same limit are tested by their sum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from cxroadmap.domain.fields import LONG_TEXT, TEXT, record_env, record_test
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
    initiatives = strategy.initiatives
    types = _TYPES
    low, high = -MAX_LAG_DAYS, MAX_LAG_DAYS
    pairs: set[tuple[str, str]] = set()
    add = pairs.add
    for dep in strategy.dependencies:
        before, after, lag = dep.from_key, dep.to_key, dep.lag
        if not (
            before in initiatives
            and after in initiatives
            and not before == after  # noqa: SIM201 - the ordered check's test, negated
            and dep.type in types
            and type(lag) is int
            and low <= lag <= high
        ):
            return False
        add((before, after))
    return len(pairs) == len(strategy.dependencies)


def initiative_test_source() -> tuple[str, dict[str, object]]:
    """The source of the compiled loop over initiatives, and the names it uses."""
    env = record_env()
    env.update(_low=MIN_DATE, _high=MAX_DATE, _date=dt.date)
    fields = record_test(INITIATIVE, "v_{}", env)
    # A text field's own test makes it a str, so its length can join a sum: lengths at
    # most L each if their sum is (a long sum only sends the plan the slow way).
    texts = {f.name for f in INITIATIVE.values() if f.kind in (TEXT, LONG_TEXT)}
    summed: dict[int, list[str]] = {}
    rest = []
    for name, limit, kind in INITIATIVE_LIMITS:
        if limit is not None and name in texts:
            summed.setdefault(int(limit), []).append(f"len(v_{name})")
        else:
            rest.append((name, limit, kind))
    sums = [f"{' + '.join(lengths)} <= {limit}" for limit, lengths in summed.items()]
    limits = " and ".join([*sums, limit_test(tuple(rest), "v_{}")])
    reads = "".join(f"        v_{name} = r.{name}\n" for name in INITIATIVE)
    source = f"""
def fine(initiatives, phases):
    for key, r in initiatives.items():
{reads}        if not (
            type(key) is str
            and not v_key != key
            and len(key) <= {MAX_KEY_LENGTH}
            and {fields}
            and {limits}
            and type(v_duration) is int
            and {-MAX_DURATION_DAYS} <= v_duration <= {MAX_DURATION_DAYS}
            and (v_not_before is None or type(v_not_before) is _date)
            and (v_not_before is None or _low <= v_not_before <= _high)
            and (v_phase is None or v_phase in phases)
        ):
            return False
    return True
"""
    return source, env


def _initiatives_check() -> Callable[[Mapping[str, Initiative], set[str]], bool]:
    """The compiled loop: False at the first initiative that needs a closer look."""
    source, env = initiative_test_source()
    exec(source, env)
    return env["fine"]  # type: ignore[return-value]


_initiatives_fine = _initiatives_check()

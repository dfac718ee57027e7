"""Checks on a whole strategy and on single field values; every failure names its key or field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from cxroadmap.domain.cx_validation import validate_cx
from cxroadmap.domain.errors import CycleError, ValidationError
from cxroadmap.domain.field_checks import check_text as check_text
from cxroadmap.domain.fields import coerce, coerce_named, record_check
from cxroadmap.domain.limit_checks import check_strategy_limits
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.progress_checks import check_progress
from cxroadmap.domain.quick_checks import Survey, records_look_fine
from cxroadmap.domain.registry import DEPENDENCY, INITIATIVE, PHASE, STRATEGY


def normalise_level(value: object, where: str = "strategy.level") -> str:
    return str(coerce(STRATEGY["level"], value, where))


def normalise_status(value: object, where: str) -> str:
    return str(coerce(INITIATIVE["status"], value, where))


def normalise_dependency_type(value: object, where: str) -> str:
    return str(coerce(DEPENDENCY["type"], value, where))


def check_max_parallel(value: object, where: str = "strategy.max_parallel") -> int | None:
    return coerce(STRATEGY["max_parallel"], value, where)  # type: ignore[return-value]


def coerce_initiative_value(name: str, value: object, where: str, days_per_week: int) -> object:
    """Check and normalise one initiative field as a user typed it (used by JSON and edits)."""
    return coerce_named(INITIATIVE, "initiative", name, value, where, days_per_week)


def coerce_strategy_value(name: str, value: object, where: str) -> object:
    """Check and normalise one strategy field (edits, JSON, the XLSX Strategy sheet)."""
    return coerce_named(STRATEGY, "strategy", name, value, where)


def find_cycle(keys: Iterable[str], dependencies: Iterable[Dependency]) -> list[str] | None:
    """A dependency cycle as keys in order (first key repeated last), or None.

    The cycle is rotated to begin at the key that comes first in `keys`, so the
    message is the same however the graph is walked.
    """
    order = {k: i for i, k in enumerate(keys)}
    succ: dict[str, list[str]] = {k: [] for k in order}
    for dep in dependencies:
        if dep.from_key in succ and dep.to_key in order:
            succ[dep.from_key].append(dep.to_key)
    colour = dict.fromkeys(order, 0)  # 0 new, 1 on stack, 2 done
    for root in order:
        if colour[root]:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = [root]
        colour[root] = 1
        while stack:
            node, i = stack[-1]
            if i < len(succ[node]):
                stack[-1] = (node, i + 1)
                nxt = succ[node][i]
                if colour[nxt] == 1:
                    cycle = path[path.index(nxt) :]
                    first = min(range(len(cycle)), key=lambda j: order[cycle[j]])
                    cycle = cycle[first:] + cycle[:first]
                    return [*cycle, cycle[0]]
                if colour[nxt] == 0:
                    colour[nxt] = 1
                    stack.append((nxt, 0))
                    path.append(nxt)
            else:
                colour[node] = 2
                stack.pop()
                path.pop()
    return None


def path_exists(strategy: Strategy, source: str, target: str) -> list[str] | None:
    """Keys on a dependency path from `source` to `target` (both included), or None."""
    succ: dict[str, list[str]] = {}
    for dep in strategy.dependencies:
        succ.setdefault(dep.from_key, []).append(dep.to_key)
    parent: dict[str, str | None] = {source: None}
    todo = [source]
    while todo:
        node = todo.pop()
        if node == target:
            path = [node]
            while (prev := parent[path[-1]]) is not None:
                path.append(prev)
            return path[::-1]
        for nxt in succ.get(node, ()):
            if nxt not in parent:
                parent[nxt] = node
                todo.append(nxt)
    return None


def check_new_dependency(strategy: Strategy, dep: Dependency, where: str = "dependency") -> None:
    """Refuse a dependency that is dangling, on itself, a duplicate, or that closes a cycle."""
    for end, key in (("from", dep.from_key), ("to", dep.to_key)):
        if key not in strategy.initiatives:
            raise ValidationError(f"{where}.{end}", f"no initiative with key {key!r}")
    if dep.from_key == dep.to_key:
        raise ValidationError(where, f"{dep.from_key!r} cannot depend on itself")
    if strategy.dependency(dep.from_key, dep.to_key) is not None:
        raise ValidationError(where, f"{dep.to_key!r} already depends on {dep.from_key!r}")
    normalise_dependency_type(dep.type, f"{where}.type")
    back = path_exists(strategy, dep.to_key, dep.from_key)
    if back is not None:
        raise CycleError([dep.from_key, *back])


# One compiled test per record type; a record it refuses is looked at field by field.
_INITIATIVE_OK = record_check(INITIATIVE)
_STRATEGY_OK = record_check(STRATEGY)
_TYPE_SET = frozenset(DEPENDENCY["type"].choices)


def _check_initiative(key: str, ini: Initiative, phases: set[str], dpw: int) -> None:
    """The slow, precise check of one initiative: raises naming the field at fault."""
    where = f"initiatives[{key}]"
    if ini.key != key:
        raise ValidationError(f"{where}.key", f"key mismatch {ini.key!r}")
    for name, f in INITIATIVE.items():
        value = getattr(ini, name)
        if coerce(f, value, f"{where}.{name}", dpw) != value:
            raise ValidationError(f"{where}.{name}", f"not a valid value: {value!r}")
    if ini.phase is not None and ini.phase not in phases:
        raise ValidationError(f"{where}.phase", f"no phase named {ini.phase!r}")


def _check_dependency(
    i: int, dep: Dependency, initiatives: dict[str, Initiative], pairs: set[tuple[str, str]]
) -> None:
    """The slow, precise check of one dependency: raises naming the field at fault."""
    where = f"dependencies[{i}]"
    for end, key in (("from", dep.from_key), ("to", dep.to_key)):
        if key not in initiatives:
            raise ValidationError(f"{where}.{end}", f"no initiative with key {key!r}")
    if dep.from_key == dep.to_key:
        raise ValidationError(where, f"{dep.from_key!r} cannot depend on itself")
    if dep.pair in pairs:
        raise ValidationError(where, f"duplicate dependency {dep.from_key} -> {dep.to_key}")
    normalise_dependency_type(dep.type, f"{where}.type")


def validate_strategy(
    strategy: Strategy,
    check_cycles: bool = True,
    quick: Callable[[Strategy], Survey | None] | None = None,
) -> Survey | None:
    """Raise the first problem found in a whole strategy; a valid one can be scheduled.

    `check_cycles=False` is for the planner, whose topological sort finds a cycle anyway
    (it then calls `find_cycle` for the message, so the wording is the same). When the
    quick pass finds nothing to look at in the initiatives and dependencies, their loops
    below are skipped (quick_checks.py: they would all pass), the checks that look only
    at unusual initiatives visit just those, and what the quick pass found is returned
    (for the planner); otherwise None. `quick`: what gives the same answer as
    `records_look_fine` (the worker's planner remembers what it checked: scheduling/memo.py).
    """
    found = (records_look_fine if quick is None else quick)(strategy)
    survey = found if isinstance(found, Survey) else None
    unusual: list[str] | None = None
    work: int | None = None
    if survey is not None:
        unusual, work = survey.unusual, survey.work
    checked = survey is not None
    if not _STRATEGY_OK(strategy):
        for f in STRATEGY.values():
            coerce(f, getattr(strategy, f.name), f"strategy.{f.name}")
    check_strategy_limits(strategy, records_checked=checked, unusual=unusual, work=work)
    if not strategy.phases:
        raise ValidationError("strategy.phases", "at least one phase is needed")
    names: set[str] = set()
    for i, phase in enumerate(strategy.phases):
        where = f"strategy.phases[{i}]"
        for f in PHASE.values():
            coerce(f, getattr(phase, f.name), f"{where}.{f.name}")
        if phase.name in names:
            raise ValidationError(f"{where}.name", f"duplicate phase name {phase.name!r}")
        names.add(phase.name)
        last = i == len(strategy.phases) - 1
        if phase.weeks is None and not last:
            raise ValidationError(f"{where}.weeks", "only the last phase may be open-ended")
    initiatives = strategy.initiatives
    if not checked:
        _check_records(strategy, names)
    check_progress(strategy, unusual)
    if check_cycles:
        cycle = find_cycle(initiatives, strategy.dependencies)
        if cycle is not None:
            raise CycleError(cycle)
    validate_cx(strategy, unusual)
    return survey


def _check_records(strategy: Strategy, names: set[str]) -> None:
    """Every initiative's fields and phase pin, every dependency's ends and type."""
    initiatives = strategy.initiatives
    dpw = strategy.days_per_week
    ok = _INITIATIVE_OK
    for key, ini in initiatives.items():
        # The common case builds no strings; only a suspect initiative is looked at closely.
        if ini.key != key or not ok(ini) or (ini.phase is not None and ini.phase not in names):
            _check_initiative(key, ini, names, dpw)
    pairs: set[tuple[str, str]] = set()
    for i, dep in enumerate(strategy.dependencies):
        pair = (dep.from_key, dep.to_key)
        if (
            dep.from_key not in initiatives
            or dep.to_key not in initiatives
            or dep.from_key == dep.to_key
            or pair in pairs
            or dep.type not in _TYPE_SET
        ):
            _check_dependency(i, dep, initiatives, pairs)
        pairs.add(pair)


def parse_holidays(values: Iterable[object], where: str = "strategy.holidays") -> list[dt.date]:
    return coerce(STRATEGY["holidays"], list(values), where)  # type: ignore[return-value]

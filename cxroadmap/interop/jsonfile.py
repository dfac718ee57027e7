"""The `cxroadmap/1` JSON interchange: strict parsing into a Strategy and canonical writing.

A file holds one strategy, or a cascade: the top strategy with its department and team
strategies nested under `children` (see docs/file-formats.md). The customer-experience
parts (touchpoints, measures, alignment links) are optional, so older files still load,
and the writer leaves them out when empty, so older readers' output does not change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cxroadmap.domain.calendar import parse_date, parse_weekdays
from cxroadmap.domain.cascade import validate_cascade
from cxroadmap.domain.durations import parse_duration
from cxroadmap.domain.errors import CycleError, ValidationError
from cxroadmap.domain.field_checks import check_text
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.support import check_strategy_key
from cxroadmap.domain.validation import (
    check_max_parallel,
    coerce_initiative_value,
    normalise_dependency_type,
    normalise_level,
    parse_holidays,
    validate_strategy,
)
from cxroadmap.interop.atomicfile import write_text_atomically
from cxroadmap.interop.cx_json import measure_from_json, touchpoint_from_json
from cxroadmap.interop.json_writer import FORMAT, cascade_to_json, strategy_to_json

__all__ = [
    "FORMAT",
    "cascade_from_json",
    "cascade_to_json",
    "dump_json",
    "dump_json_cascade",
    "load_json",
    "load_json_cascade",
    "parse_json_cascade_text",
    "parse_json_text",
    "strategy_from_json",
    "strategy_to_json",
]

_TOP_FIELDS = (
    "format",
    "strategy",
    "initiatives",
    "dependencies",
    "touchpoints",
    "measures",
    "children",
)
_CHILD_FIELDS = _TOP_FIELDS[1:]
STRATEGY_FIELDS = (
    "key",
    "parent",
    "name",
    "level",
    "start",
    "owner",
    "vision",
    "mission",
    "values",
    "working_days",
    "holidays",
    "max_parallel",
    "phases",
)
_PHASE_FIELDS = ("name", "weeks")
_INITIATIVE_FIELDS = (
    "key",
    "title",
    "pillar",
    "duration",
    "owner",
    "not_before",
    "phase",
    "impact",
    "status",
    "description",
    "touchpoints",
    "supports",
)
_DEPENDENCY_FIELDS = ("from", "to", "type", "lag")


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(where, f"expected an object, got {_kind(value)}")
    return value


def _array(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValidationError(where, f"expected a list, got {_kind(value)}")
    return value


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), repr(value)
    )


def _no_unknown(obj: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for name in obj:
        if name not in allowed:
            prefix = f"{where}." if where else ""
            raise ValidationError(f"{prefix}{name}", "unknown field")


def _required(obj: dict[str, Any], name: str, where: str) -> Any:
    if obj.get(name) is None:
        raise ValidationError(f"{where}.{name}" if where else name, "required field is missing")
    return obj[name]


def _text(obj: dict[str, Any], name: str, where: str) -> str:
    """An optional text field; absent or null means empty."""
    value = obj.get(name)
    return "" if value is None else check_text(value, f"{where}.{name}")


def _weeks(value: object, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(where, f"expected a whole number of weeks >= 1, got {value!r}")
    return value


def _parse_phases(value: object, where: str) -> list[Phase]:
    phases = []
    for i, item in enumerate(_array(value, where)):
        at = f"{where}[{i}]"
        obj = _object(item, at)
        _no_unknown(obj, _PHASE_FIELDS, at)
        name = check_text(_required(obj, "name", at), f"{at}.name", required=True)
        phases.append(Phase(name, _weeks(obj.get("weeks"), f"{at}.weeks")))
    return phases


def _parse_strategy(value: object) -> Strategy:
    where = "strategy"
    obj = _object(value, where)
    _no_unknown(obj, STRATEGY_FIELDS, where)
    name = check_text(_required(obj, "name", where), "strategy.name", required=True)
    start = parse_date(_required(obj, "start", where), "strategy.start")
    strategy = Strategy(name=name, start=start)
    if obj.get("key") is not None:
        strategy.key = check_strategy_key(obj["key"])
    if obj.get("parent") is not None:
        strategy.parent = check_strategy_key(obj["parent"], "strategy.parent")
    if obj.get("level") is not None:
        strategy.level = normalise_level(obj["level"])
    strategy.owner = _text(obj, "owner", where)
    strategy.vision = _text(obj, "vision", where)
    strategy.mission = _text(obj, "mission", where)
    if obj.get("values") is not None:
        values = _array(obj["values"], "strategy.values")
        strategy.values = [check_text(v, f"strategy.values[{i}]") for i, v in enumerate(values)]
    if obj.get("working_days") is not None:
        days = _array(obj["working_days"], "strategy.working_days")
        strategy.working_days = parse_weekdays(days)
    if obj.get("holidays") is not None:
        strategy.holidays = parse_holidays(_array(obj["holidays"], "strategy.holidays"))
    strategy.max_parallel = check_max_parallel(obj.get("max_parallel"))
    if obj.get("phases") is not None:
        strategy.phases = _parse_phases(obj["phases"], "strategy.phases")
    return strategy


def _parse_initiative(item: object, index: int, days_per_week: int) -> Initiative:
    obj = _object(item, f"initiatives[{index}]")
    raw_key = obj.get("key")
    label = raw_key if isinstance(raw_key, str) and raw_key.strip() else str(index)
    where = f"initiatives[{label}]"
    _no_unknown(obj, _INITIATIVE_FIELDS, where)
    values: dict[str, Any] = {}
    for name in ("key", "title", "duration"):
        values[name] = coerce_initiative_value(
            name, _required(obj, name, where), f"{where}.{name}", days_per_week
        )
    for name in _INITIATIVE_FIELDS:
        if name not in values and obj.get(name) is not None:
            values[name] = coerce_initiative_value(
                name, obj[name], f"{where}.{name}", days_per_week
            )
    return Initiative(**values)


def _parse_dependency(item: object, index: int, days_per_week: int) -> Dependency:
    where = f"dependencies[{index}]"
    obj = _object(item, where)
    _no_unknown(obj, _DEPENDENCY_FIELDS, where)
    from_key = check_text(_required(obj, "from", where), f"{where}.from", required=True)
    to_key = check_text(_required(obj, "to", where), f"{where}.to", required=True)
    dep = Dependency(from_key, to_key)
    if obj.get("type") is not None:
        dep.type = normalise_dependency_type(obj["type"], f"{where}.type")
    if obj.get("lag") is not None:
        dep.lag = parse_duration(obj["lag"], f"{where}.lag", days_per_week, allow_negative=True)
    return dep


def strategy_from_json(data: object, source: str = "input") -> Strategy:
    """Build a Strategy from a parsed `cxroadmap/1` document; `source` names it in messages.

    For a cascade this is the top strategy (cascade_from_json gives them all); the
    whole file is checked either way. Raises ValidationError (its `where` names the
    field, `children[0].initiatives[C1].supports[0]` inside a cascade) or CycleError.
    """
    return cascade_from_json(data, source)[0]


def cascade_from_json(data: object, source: str = "input") -> list[Strategy]:
    """Every strategy of a `cxroadmap/1` document, parents before children."""
    if not isinstance(data, dict):
        raise ValidationError("", f"{source}: expected a JSON object at the top level")
    _no_unknown(data, _TOP_FIELDS, "")
    fmt = data.get("format")
    if fmt is None:
        raise ValidationError("format", 'required field is missing (use "cxroadmap/1")')
    if fmt != FORMAT:
        raise ValidationError("format", f"{source} is {fmt!r}, not a {FORMAT} document")
    strategies: list[Strategy] = []
    _parse_node(data, None, strategies)
    validate_cascade(strategies)
    return strategies


def _parse_node(data: dict[str, Any], parent: Strategy | None, found: list[Strategy]) -> None:
    """Parse one strategy and, depth first, the children nested in it."""
    strategy = _parse_strategy(_required(data, "strategy", ""))
    if parent is not None:
        if strategy.parent is not None:
            raise ValidationError("strategy.parent", "set by nesting under children; leave it out")
        if not strategy.key:
            raise ValidationError("strategy.key", "required for a strategy under children")
        strategy.parent = parent.key
    days_per_week = strategy.days_per_week
    items = data.get("initiatives")
    for i, item in enumerate([] if items is None else _array(items, "initiatives")):
        ini = _parse_initiative(item, i, days_per_week)
        if ini.key in strategy.initiatives:
            raise ValidationError(f"initiatives[{ini.key}].key", f"duplicate key {ini.key!r}")
        strategy.initiatives[ini.key] = ini
    deps = data.get("dependencies")
    for i, item in enumerate([] if deps is None else _array(deps, "dependencies")):
        strategy.dependencies.append(_parse_dependency(item, i, days_per_week))
    touchpoints = data.get("touchpoints")
    for i, item in enumerate([] if touchpoints is None else _array(touchpoints, "touchpoints")):
        strategy.touchpoints.append(touchpoint_from_json(item, i))
    measures = data.get("measures")
    for i, item in enumerate([] if measures is None else _array(measures, "measures")):
        strategy.measures.append(measure_from_json(item, i))
    validate_strategy(strategy)
    found.append(strategy)
    children = data.get("children")
    if children is None:
        return
    if not strategy.key:
        raise ValidationError("strategy.key", "required for a strategy with children")
    for i, child in enumerate(_array(children, "children")):
        where = f"children[{i}]"
        obj = _object(child, where)
        try:
            _no_unknown(obj, _CHILD_FIELDS, "")
            _parse_node(obj, strategy, found)
        except ValidationError as error:
            inner = f"{where}.{error.where}" if error.where else where
            raise ValidationError(inner, error.problem) from None
        except CycleError as error:
            raise ValidationError(f"{where}.dependencies", str(error)) from None


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal names silently; a doubled field is almost always a slip.
    obj: dict[str, Any] = {}
    for name, value in pairs:
        if name in obj:
            raise ValidationError(name, "appears twice in the same JSON object")
        obj[name] = value
    return obj


def _refuse_constant(name: str) -> Any:
    raise ValidationError("", f"{name} is not allowed in a {FORMAT} file")


def parse_json_text(text: str, source: str = "input") -> Strategy:
    """Parse `cxroadmap/1` JSON text (its top strategy); a syntax error names line and column."""
    return parse_json_cascade_text(text, source)[0]


def parse_json_cascade_text(text: str, source: str = "input") -> list[Strategy]:
    """Every strategy of `cxroadmap/1` JSON text, parents before children."""
    try:
        data = json.loads(
            text, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"line {exc.lineno}, column {exc.colno}", f"malformed JSON: {exc.msg}"
        ) from None
    return cascade_from_json(data, source)


def load_json(path: str | os.PathLike[str]) -> Strategy:
    """Read a `cxroadmap/1` file (UTF-8, a leading byte-order mark is tolerated).

    For a cascade this is the top strategy; load_json_cascade gives them all.
    """
    return load_json_cascade(path)[0]


def load_json_cascade(path: str | os.PathLike[str]) -> list[Strategy]:
    """Every strategy of a `cxroadmap/1` file, parents before children."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "", f"not UTF-8 text (byte {exc.start}: {raw[exc.start : exc.start + 1]!r})"
        ) from None
    return parse_json_cascade_text(text, os.fspath(path))


def dump_json(strategy: Strategy, path: str | os.PathLike[str]) -> None:
    """Write the canonical form atomically: a temp file in the same folder, then a rename."""
    _write(strategy_to_json(strategy), path)


def dump_json_cascade(
    strategies: list[Strategy], path: str | os.PathLike[str], root: Strategy | None = None
) -> None:
    """Write `root` (the top strategy by default) and everything below it, atomically."""
    _write(cascade_to_json(strategies, root), path)


def _write(data: dict[str, Any], path: str | os.PathLike[str]) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_text_atomically(path, text)

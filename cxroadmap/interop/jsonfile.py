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

from cxroadmap.common.atomic import write_text_atomically
from cxroadmap.domain.cascade import validate_cascade
from cxroadmap.domain.errors import CycleError, ValidationError
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.registry import DEPENDENCY, INITIATIVE, PHASE, STRATEGY
from cxroadmap.domain.validation import validate_strategy
from cxroadmap.interop.cx_json import measure_from_json, touchpoint_from_json
from cxroadmap.interop.guard import check_nesting, parse_json_int
from cxroadmap.interop.json_baselines import STRATEGY_KEYS, baselines_from_json
from cxroadmap.interop.json_brand import cx_brand_from_json
from cxroadmap.interop.json_fields import (
    json_array,
    json_names,
    json_object,
    no_unknown,
    record_from_json,
    record_values,
    required,
)
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
    "brand",
    "views",
    "children",
    "scenarios",
)
_CHILD_FIELDS = _TOP_FIELDS[1:]
# A scenario is a what-if copy: nothing nests below it.
_SCENARIO_FIELDS = _TOP_FIELDS[1:-2]
STRATEGY_FIELDS = (*json_names(STRATEGY), "phases", *STRATEGY_KEYS)


def _parse_strategy(value: object) -> Strategy:
    where = "strategy"
    obj = json_object(value, where)
    no_unknown(obj, STRATEGY_FIELDS, where)
    phases = obj.get("phases")
    own = {k: v for k, v in obj.items() if k != "phases" and k not in STRATEGY_KEYS}
    strategy = Strategy(**record_values(STRATEGY, own, where))
    baselines_from_json(obj, strategy)
    if phases is not None:
        strategy.phases = [
            record_from_json(Phase, PHASE, json_object(item, f"{where}.phases[{i}]"),
                             f"{where}.phases[{i}]")
            for i, item in enumerate(json_array(phases, f"{where}.phases"))
        ]  # fmt: skip
    return strategy


def _parse_initiative(item: object, index: int, days_per_week: int) -> Initiative:
    obj = json_object(item, f"initiatives[{index}]")
    raw_key = obj.get("key")
    label = raw_key if isinstance(raw_key, str) and raw_key.strip() else str(index)
    return record_from_json(Initiative, INITIATIVE, obj, f"initiatives[{label}]", days_per_week)


def _parse_dependency(item: object, index: int, days_per_week: int) -> Dependency:
    where = f"dependencies[{index}]"
    return record_from_json(Dependency, DEPENDENCY, json_object(item, where), where, days_per_week)


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
    no_unknown(data, _TOP_FIELDS, "")
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
    strategy = _parse_strategy(required(data, "strategy", ""))
    if parent is not None:
        if strategy.parent is not None:
            raise ValidationError("strategy.parent", "set by nesting under children; leave it out")
        if not strategy.key:
            raise ValidationError("strategy.key", "required for a strategy under children")
        strategy.parent = parent.key
    cx_brand_from_json(data, strategy)
    days_per_week = strategy.days_per_week
    items = data.get("initiatives")
    for i, item in enumerate([] if items is None else json_array(items, "initiatives")):
        ini = _parse_initiative(item, i, days_per_week)
        if ini.key in strategy.initiatives:
            raise ValidationError(f"initiatives[{ini.key}].key", f"duplicate key {ini.key!r}")
        strategy.initiatives[ini.key] = ini
    deps = data.get("dependencies")
    for i, item in enumerate([] if deps is None else json_array(deps, "dependencies")):
        strategy.dependencies.append(_parse_dependency(item, i, days_per_week))
    touchpoints = data.get("touchpoints")
    for i, item in enumerate([] if touchpoints is None else json_array(touchpoints, "touchpoints")):
        strategy.touchpoints.append(touchpoint_from_json(item, i))
    measures = data.get("measures")
    for i, item in enumerate([] if measures is None else json_array(measures, "measures")):
        strategy.measures.append(measure_from_json(item, i))
    validate_strategy(strategy)
    found.append(strategy)
    for name in ("scenarios", "children"):
        nested = data.get(name)
        if nested is None:
            continue
        if not strategy.key:
            raise ValidationError("strategy.key", f"required for a strategy with {name}")
        for i, child in enumerate(json_array(nested, name)):
            where = f"{name}[{i}]"
            obj = json_object(child, where)
            try:
                if name == "children":
                    no_unknown(obj, _CHILD_FIELDS, "")
                    _parse_node(obj, strategy, found)
                else:
                    no_unknown(obj, _SCENARIO_FIELDS, "")
                    _parse_scenario(obj, strategy, found)
            except ValidationError as error:
                inner = f"{where}.{error.where}" if error.where else where
                raise ValidationError(inner, error.problem) from None
            except CycleError as error:
                raise ValidationError(f"{where}.dependencies", str(error)) from None


def _parse_scenario(data: dict[str, Any], original: Strategy, found: list[Strategy]) -> None:
    """A scenario nested in its original: `scenario_of` and `parent` come from the nesting."""
    given = json_object(required(data, "strategy", ""), "strategy")
    if "parent" in given:
        raise ValidationError(
            "strategy.parent", "a scenario has its original's parent; leave it out"
        )
    of = given.get("scenario_of", original.key)
    if of != original.key:
        raise ValidationError(
            "strategy.scenario_of", f"{of!r}, but the scenario is nested in {original.key!r}"
        )
    nested = {**given, "scenario_of": original.key, "parent": original.parent}
    _parse_node({**data, "strategy": nested}, None, found)


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
            text,
            object_pairs_hook=_refuse_duplicates,
            parse_constant=_refuse_constant,
            parse_int=parse_json_int,
        )
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"line {exc.lineno}, column {exc.colno}", f"malformed JSON: {exc.msg}"
        ) from None
    except RecursionError:
        raise ValidationError("", "JSON nested too deeply to read") from None
    check_nesting(data)
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

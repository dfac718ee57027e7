"""Baselines in `cxroadmap/1` JSON: `strategy.baselines` (tracking.md) and `chosen_baseline`."""

from __future__ import annotations

from typing import Any

from cxroadmap.domain.baselines import Baseline, check_baselines, entry_from_values
from cxroadmap.domain.calendar import parse_date
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy
from cxroadmap.interop.json_fields import json_array, json_object, no_unknown, required

BASELINE_FIELDS = ("name", "taken_on", "initiatives")
ENTRY_FIELDS = ("key", "start", "finish", "duration", "phase")
# The keys of the strategy object this module reads (jsonfile.py allows them there).
STRATEGY_KEYS = ("baselines", "chosen_baseline")


def baselines_to_json(strategy: Strategy, head: dict[str, Any]) -> None:
    """Add `baselines` (in the order taken) and `chosen_baseline` to a strategy object."""
    if strategy.baselines:
        head["baselines"] = [
            {
                "name": b.name,
                "taken_on": b.taken_on.isoformat(),
                "initiatives": [
                    {
                        "key": e.key,
                        "start": e.start.isoformat(),
                        "finish": e.finish.isoformat(),
                        "duration": e.duration,
                        "phase": e.phase,
                    }
                    for e in b.entries
                ],
            }
            for b in strategy.baselines
        ]
    if strategy.chosen_baseline is not None:
        head["chosen_baseline"] = strategy.chosen_baseline


def baselines_from_json(obj: dict[str, Any], strategy: Strategy) -> None:
    """Read `baselines` and `chosen_baseline` of a strategy object (checked, named on error)."""
    where = "strategy.baselines"
    items = obj.get("baselines")
    found: list[Baseline] = []
    for i, item in enumerate([] if items is None else json_array(items, where)):
        here = f"{where}[{i}]"
        node = json_object(item, here)
        no_unknown(node, BASELINE_FIELDS, here)
        baseline = Baseline(
            required(node, "name", here), parse_date(required(node, "taken_on", here),
                                                     f"{here}.taken_on")
        )  # fmt: skip
        entries = node.get("initiatives")
        for j, raw in enumerate(
            [] if entries is None else json_array(entries, f"{here}.initiatives")
        ):
            at = f"{here}.initiatives[{j}]"
            entry = json_object(raw, at)
            no_unknown(entry, ENTRY_FIELDS, at)
            values = {name: required(entry, name, at) for name in ENTRY_FIELDS}
            baseline.entries.append(entry_from_values(values, at))
        found.append(baseline)
    chosen = obj.get("chosen_baseline")
    if chosen is not None and not isinstance(chosen, str):
        raise ValidationError("strategy.chosen_baseline", "expected the name of a baseline")
    check_baselines(found, chosen, where)
    strategy.baselines = found
    strategy.chosen_baseline = chosen

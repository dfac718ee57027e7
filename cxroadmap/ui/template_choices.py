"""The starters offered by New: blank, the demo, and the templates module's when present."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxroadmap.domain.model import Strategy

BUILT_IN: tuple[tuple[str, str], ...] = (
    ("blank", "An empty strategy with the default short, medium and long-term phases"),
    ("demo", "A worked organisation-level example with about 35 initiatives"),
)


def _templates_module() -> Any:
    try:
        import cxroadmap.templates as module
    except ImportError:
        return None
    return module


def next_monday(today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


def available_templates() -> list[tuple[str, str]]:
    """(name, one-line description) of every starter the user can pick."""
    choices = list(BUILT_IN)
    module = _templates_module()
    if module is not None and hasattr(module, "list_templates"):
        known = {name for name, _ in choices}
        choices += [(n, d) for n, d in module.list_templates() if n not in known]
    return choices


def build_template(name: str) -> Strategy:
    """A new strategy from the named starter, starting next Monday (the demo keeps its dates)."""
    if name == "demo":
        from cxroadmap.demo import demo_strategy

        return demo_strategy()
    if name == "blank":
        return Strategy(name="New strategy", start=next_monday())
    module = _templates_module()
    if module is None or not hasattr(module, "template_strategy"):
        raise KeyError(name)
    strategy: Strategy = module.template_strategy(name, next_monday())
    return strategy

"""The starters offered by New from Template: the templates module's, then the demo."""

from __future__ import annotations

import datetime as dt

from cxroadmap.domain.model import Strategy

DEMO = ("demo", "A worked organisation-level example with about 35 initiatives")


def next_monday(today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


def available_templates() -> list[tuple[str, str]]:
    """(name, one-line description) of every starter the user can pick, blank first."""
    from cxroadmap.templates import list_templates

    return [*list_templates(), DEMO]


def build_template(name: str) -> list[Strategy]:
    """The strategies of a new document from the named starter, the top one first.

    Templates start next Monday; the demo keeps its dates and brings its departments and team.
    """
    if name == "demo":
        from cxroadmap.demo import demo_cascade

        return demo_cascade()
    from cxroadmap.templates import template_strategy

    return [template_strategy(name, next_monday())]

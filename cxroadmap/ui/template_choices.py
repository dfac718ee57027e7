"""The starters offered by New from Template: the templates module's, then the demo."""

from __future__ import annotations

from cxroadmap.domain.model import Strategy

DEMO = ("demo", "A worked organisation-level example with about 35 initiatives")


def available_templates() -> list[tuple[str, str]]:
    """(name, one-line description) of every starter the user can pick, blank first."""
    from cxroadmap.content.templates import list_templates

    return [*list_templates(), DEMO]


def build_template(name: str) -> list[Strategy]:
    """The strategies of a new document from the named starter, the top one first."""
    from cxroadmap.content.templates import starter_strategies

    return starter_strategies(name)

"""Touchpoints ("moments of truth"): what happens now, what should happen, and the gap between.

A touchpoint is worked out in a customer-experience workshop: standards and measures
that exist or are needed, activities that add no value for the customer, root causes,
and improvement opportunities, each of which can become an initiative.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GAP_MIN, GAP_MAX = 1, 5
DEFAULT_GAP = 3

# Suggestions for the editors; both fields are free text.
SUGGESTED_STAGES = ("Discover", "Choose", "Buy", "Onboard", "Use", "Get help", "Renew", "Leave")
SUGGESTED_CHANNELS = ("In person", "Phone", "Email", "Chat", "Web", "App", "Letter", "Social")

# The lists of notes a touchpoint carries, in the order the workshop fills them in.
NOTE_FIELDS = ("standards", "measures", "no_value", "root_causes")


@dataclass
class Opportunity:
    """An improvement idea for a touchpoint; `initiative_key` once it has become an initiative."""

    text: str
    initiative_key: str | None = None


@dataclass
class Touchpoint:
    """One moment of truth. `gap` runs from 1 (small) to 5 (painful)."""

    key: str
    name: str
    stage: str = ""
    channel: str = ""
    now: str = ""
    should: str = ""
    gap: int = DEFAULT_GAP
    standards: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    # Activities that add no value for the customer (work they would not pay for).
    no_value: list[str] = field(default_factory=list)
    root_causes: list[str] = field(default_factory=list)
    opportunities: list[Opportunity] = field(default_factory=list)

    @property
    def open_opportunities(self) -> list[int]:
        """Indices of the opportunities not yet turned into an initiative."""
        return [i for i, o in enumerate(self.opportunities) if o.initiative_key is None]

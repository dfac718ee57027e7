"""Reversible edits for alignment links: an initiative supports one of an ancestor strategy's."""

from __future__ import annotations

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.edits import Change
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.support import SupportLink
from cxroadmap.domain.touchpoint_edits import find_initiative


class AddSupport:
    """Record that an initiative supports one of an ancestor strategy's initiatives.

    With a `cascade`, the link is checked to point upward at an existing initiative.
    """

    def __init__(
        self, initiative_key: str, link: SupportLink | str, cascade: Cascade | None = None
    ) -> None:
        self.initiative_key = initiative_key
        self.link = SupportLink.parse(link, f"initiatives[{initiative_key}].supports")
        self.cascade = cascade
        self.text = f"{initiative_key} supports {self.link}"

    def apply(self, strategy: Strategy) -> Change:
        ini = find_initiative(strategy, self.initiative_key)
        where = f"initiatives[{ini.key}].supports"
        if self.link in ini.supports:
            raise ValidationError(where, f"already supports {self.link}")
        if strategy.parent is None:
            raise ValidationError(where, "the strategy has no parent strategy to support")
        if self.link.strategy == strategy.key:
            raise ValidationError(where, f"{self.link} is in the same strategy")
        if self.cascade is not None:
            problem = self.cascade.can_support(strategy, self.link)
            if problem is not None:
                raise ValidationError(where, problem)
        ini.supports = [*ini.supports, self.link]
        return Change(initiatives={ini.key})

    def revert(self, strategy: Strategy) -> Change:
        ini = strategy.initiatives[self.initiative_key]
        ini.supports = [s for s in ini.supports if s != self.link]
        return Change(initiatives={ini.key})


class RemoveSupport:
    def __init__(self, initiative_key: str, link: SupportLink | str) -> None:
        self.initiative_key = initiative_key
        self.link = SupportLink.parse(link, f"initiatives[{initiative_key}].supports")
        self.text = f"{initiative_key} no longer supports {self.link}"
        self._old: list[SupportLink] = []

    def apply(self, strategy: Strategy) -> Change:
        ini = find_initiative(strategy, self.initiative_key)
        if self.link not in ini.supports:
            raise ValidationError(
                f"initiatives[{ini.key}].supports", f"does not support {self.link}"
            )
        self._old = ini.supports
        ini.supports = [s for s in ini.supports if s != self.link]
        return Change(initiatives={ini.key})

    def revert(self, strategy: Strategy) -> Change:
        strategy.initiatives[self.initiative_key].supports = self._old
        return Change(initiatives={self.initiative_key})

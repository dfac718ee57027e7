"""Alignment links: a team or department initiative supports an initiative of a parent strategy.

An alignment link is not a scheduling dependency: it says *why* an initiative exists
(which goal higher up it serves), and the only timing rule drawn from it is a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cxroadmap.domain.errors import ValidationError

# Strategy keys are short ids ("ORG", "CARE", "CARE-T1"); no "/" so "KEY/INITIATIVE" splits.
STRATEGY_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def check_strategy_key(value: object, where: str = "strategy.key") -> str:
    """A strategy key: letters, digits, '-', '_' or '.', starting with a letter or digit."""
    if not isinstance(value, str) or not STRATEGY_KEY.match(value):
        raise ValidationError(
            where,
            f"expected a short key of letters, digits, '-', '_' or '.' (like ORG or CARE-T1), "
            f"got {value!r}",
        )
    return value


@dataclass(frozen=True, order=True)
class SupportLink:
    """`strategy`/`initiative`: the key of an ancestor strategy and of one of its initiatives."""

    strategy: str
    initiative: str

    def __str__(self) -> str:
        return f"{self.strategy}/{self.initiative}"

    @classmethod
    def parse(cls, value: object, where: str) -> SupportLink:
        """Read `"ORG/LEAD2"` (or accept a SupportLink as it is)."""
        if isinstance(value, SupportLink):
            return value
        if not isinstance(value, str) or "/" not in value:
            raise ValidationError(
                where, f"expected STRATEGY/INITIATIVE such as 'ORG/LEAD2', got {value!r}"
            )
        strategy, initiative = value.split("/", 1)
        check_strategy_key(strategy, where)
        if not initiative.strip() or initiative != initiative.strip():
            raise ValidationError(where, f"no initiative key after the '/' in {value!r}")
        return cls(strategy, initiative)

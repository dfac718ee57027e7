"""While a bar or card is dragged: what the drop would move, tried on a copy of the plan."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from cxroadmap.domain.edits import Edit
from cxroadmap.scheduling.impact import LIVE_LIMIT, impact_of
from cxroadmap.ui.document import OpenDocument


class ImpactPreview:
    """One trial schedule per drop target (cached while the drag lasts)."""

    def __init__(self, document: OpenDocument) -> None:
        self.document = document
        self._seen: dict[Hashable, str] = {}
        self.text = ""  # the latest line shown, for the tooltip and tests

    def reset(self) -> None:
        self._seen.clear()
        self.text = ""

    def line(self, target: Hashable, make_edit: Callable[[], Edit]) -> str:
        doc = self.document
        if doc.schedule is None:
            return ""
        if len(doc.strategy.initiatives) > LIVE_LIMIT:
            self.text = "The status bar says what moved after the drop"
            return self.text
        if target not in self._seen:
            impact = impact_of(doc.strategy, doc.schedule, make_edit())
            self._seen[target] = "" if impact is None else impact.describe()
        self.text = self._seen[target]
        return self.text

"""The open document's cascade: every strategy in the file, scheduled, late support marked."""

from __future__ import annotations

from dataclasses import dataclass, field

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.cx_checks import Finding
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.cascade import Lane, alignment_flags, rollup, strategy_label
from cxroadmap.scheduling.planner import schedule
from cxroadmap.scheduling.result import Schedule
from cxroadmap.ui.document import OpenDocument


@dataclass
class CascadeState:
    """A snapshot for the alignment view; the current strategy is the document's live object."""

    cascade: Cascade
    ids: dict[int, int]  # id(strategy) -> storage id
    schedules: dict[str, Schedule]
    flags: list[Finding]
    current: Strategy
    problems: list[str] = field(default_factory=list)

    def id_of(self, strategy: Strategy) -> int | None:
        return self.ids.get(id(strategy))

    def late(self) -> set[tuple[str, str]]:
        """(strategy key, initiative key) of each supporting initiative that finishes late."""
        return {(f.strategy, key) for f in self.flags for key in f.initiatives}

    def lanes(self, strategy: Strategy | None = None) -> list[Lane]:
        return rollup(self.cascade, self.schedules, strategy or self.current)


def document_strategies(document: OpenDocument) -> list[tuple[int | None, Strategy]]:
    """(storage id, strategy) of each strategy in the file, parents first."""
    if document.store is None:
        return [(document.strategy_id, document.strategy)]
    pairs = document.store.load_all_with_ids()
    return [
        (sid, document.strategy if sid == document.strategy_id else strategy)
        for sid, strategy in pairs
    ]


def cascade_state(document: OpenDocument) -> CascadeState:
    pairs = document_strategies(document)
    strategies = [s for _, s in pairs]
    cascade = Cascade(strategies)
    schedules: dict[str, Schedule] = {}
    problems: list[str] = []
    for strategy in cascade:
        if strategy is document.strategy and document.schedule is not None:
            schedules[strategy_label(strategy)] = document.schedule
            continue
        try:
            schedules[strategy_label(strategy)] = schedule(strategy)
        except CxRoadmapError as exc:
            problems.append(f"{strategy.name}: {exc}")
    ids = {id(s): sid for sid, s in pairs if sid is not None}
    flags = alignment_flags(cascade, schedules)
    return CascadeState(cascade, ids, schedules, flags, document.strategy, problems)

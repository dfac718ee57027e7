"""The open document's cascade: every strategy in the file, scheduled, late support marked."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.cx_checks import Finding
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.cascade import Lane, alignment_flags, rollup, strategy_label
from cxroadmap.scheduling.planner import schedule
from cxroadmap.scheduling.result import Schedule
from cxroadmap.storage.loading import load_outlines, load_strategy
from cxroadmap.storage.schema import connect
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


class _Others:
    """The file's other strategies and their schedules, read and scheduled on a worker
    thread: once per open document, and again only after an edit that changed other
    strategies too (a rename across the cascade); otherwise only the document's own
    strategy changes while it is open. So an edit in a child strategy neither reloads nor
    reschedules the rest of the cascade, on the UI thread or off it."""

    def __init__(self, document: OpenDocument) -> None:
        self.generation = document.cascade_generation  # what the file held when read
        self.last: tuple[Schedule, CascadeState] | None = None  # the state for that schedule
        self.pairs: list[tuple[int | None, Strategy]] = []
        self.schedules: dict[int, Schedule] = {}
        self.problems: dict[int, str] = {}
        self._failure: BaseException | None = None
        self._thread: threading.Thread | None = None
        if document.store is not None and document.path is not None:
            self._thread = threading.Thread(
                target=self._work, args=(document.path, document.strategy_id), daemon=True
            )
            self._thread.start()

    def _work(self, path: Path, current: int | None) -> None:
        try:
            conn = connect(path, readonly=True)  # its own connection: the store is the UI's
            try:
                conn.execute("BEGIN")
                # The open strategy is the document's own: only the others are read whole
                # (a second copy of a 20,000-initiative strategy was read here and kept).
                pairs = [
                    (sid, outline if sid == current else load_strategy(conn, sid) or outline)
                    for sid, outline in load_outlines(conn)
                ]
            finally:
                conn.close()
            for sid, strategy in pairs:
                if sid == current:
                    continue
                try:
                    self.schedules[sid] = schedule(strategy)
                except CxRoadmapError as exc:
                    self.problems[sid] = f"{strategy.name}: {exc}"
            self.pairs = list(pairs)
        except BaseException as exc:  # shown on the UI thread, where it is asked for
            self._failure = exc

    def ready(self) -> _Others:
        """These, once the worker is done (waiting for it the first time, at most)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._failure is not None:
            raise self._failure
        return self


_OTHERS: weakref.WeakKeyDictionary[OpenDocument, _Others] = weakref.WeakKeyDictionary()


def start(document: OpenDocument) -> None:
    """Begin reading and scheduling the rest of the document's cascade, off the UI thread
    (unless that is done already and no edit has changed the other strategies since)."""
    others = _OTHERS.get(document)
    if others is None or others.generation != document.cascade_generation:
        _OTHERS[document] = _Others(document)


def document_strategies(document: OpenDocument) -> list[tuple[int | None, Strategy]]:
    """(storage id, strategy) of each strategy in the file, parents first."""
    if document.store is None:
        return [(document.strategy_id, document.strategy)]
    start(document)
    pairs = _OTHERS[document].ready().pairs
    return [
        (sid, document.strategy if sid == document.strategy_id else strategy)
        for sid, strategy in pairs
    ]


def cascade_state(document: OpenDocument) -> CascadeState:
    """The cascade as it stands, late support flagged; worked out once per schedule of the
    document (the alignment view and the status bar ask after the same edit)."""
    pairs = document_strategies(document)
    others = _OTHERS.get(document)
    if others is not None and others.last is not None and others.last[0] is document.schedule:
        return others.last[1]
    strategies = [s for _, s in pairs]
    cascade = Cascade(strategies)
    schedules: dict[str, Schedule] = {}
    problems: list[str] = []
    ids = {id(s): sid for sid, s in pairs if sid is not None}
    for strategy in cascade:
        sid = ids.get(id(strategy))
        if strategy is document.strategy and document.schedule is not None:
            schedules[strategy_label(strategy)] = document.schedule
        elif strategy is not document.strategy and others is not None and sid is not None:
            if sid in others.schedules:
                schedules[strategy_label(strategy)] = others.schedules[sid]
            elif sid in others.problems:
                problems.append(others.problems[sid])
        else:
            try:
                schedules[strategy_label(strategy)] = schedule(strategy)
            except CxRoadmapError as exc:
                problems.append(f"{strategy.name}: {exc}")
    flags = alignment_flags(cascade, schedules)
    state = CascadeState(cascade, ids, schedules, flags, document.strategy, problems)
    if others is not None and document.schedule is not None:
        others.last = (document.schedule, state)
    return state

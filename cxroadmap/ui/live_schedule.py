"""Reschedules after every edit: inline while the planner is fast, off the UI thread if not."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from cxroadmap.domain.edits import Change
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.model import Strategy, own_copy
from cxroadmap.scheduling.result import Schedule
from cxroadmap.ui.jobs import Job, JobSignals
from cxroadmap.ui.snapshots import Snapshots

if TYPE_CHECKING:
    from cxroadmap.scheduling.memo import PlanMemo

# Above this a reschedule would be felt while typing, so later ones go off the UI thread.
INLINE_LIMIT_SECONDS = 0.1
# Once plans go to the worker, one must take under this share of the limit to bring the next
# inline: a document whose plans take about the limit went back and forth, freezing the
# window for a whole plan on every other edit (20,000 initiatives, about 0.1 s each).
BACK_INLINE_SHARE = 0.75
# The worker's first whole copy waits this long after the open's schedule: 300 ms came before
# the first paint of a 20k document on a busy machine (the copy then delayed the paint).
PRIME_AFTER_MS = 2000

Outcome = tuple[Schedule | None, str | None]


def snapshot(strategy: Strategy) -> Strategy:
    """A copy a worker thread can read while the user edits the original.

    Edits replace the values of an initiative's or dependency's fields (all immutable) but
    change lists in place, so every list is copied, and touchpoints and measures (small
    objects holding lists) are copied whole. Cheaper than deepcopy, which would copy each
    of thousands of immutable values too.
    """
    return replace(
        strategy,
        values=list(strategy.values),
        holidays=list(strategy.holidays),
        phases=[replace(p) for p in strategy.phases],
        year_budgets=dict(strategy.year_budgets),
        initiatives={k: own_copy(i) for k, i in strategy.initiatives.items()},
        dependencies=[replace(d) for d in strategy.dependencies],
        touchpoints=copy.deepcopy(strategy.touchpoints),
        measures=copy.deepcopy(strategy.measures),
        baselines=[replace(b) for b in strategy.baselines],
    )


def plan(strategy: Strategy, memo: PlanMemo | None = None) -> Outcome:
    """The schedule of `strategy`, or None and the reason it cannot be scheduled.

    `memo` only for the worker's copies (never changed once made: scheduling/memo.py).
    """
    from cxroadmap.scheduling.planner import schedule  # networkx is slow to import

    try:
        return schedule(strategy, memo), None
    except CxRoadmapError as exc:
        return None, str(exc)


def _timed(
    planner: Callable[[Strategy], Outcome],
    generation: int,
    strategy: Strategy,
    memo: PlanMemo | None = None,
) -> tuple[int, Schedule | None, str | None, float, bool]:
    """The outcome of one plan on the worker, with the CPU time it took there and whether
    it reused what `memo` (the one `planner` plans with, if any) kept of earlier plans."""
    # What the planner costs is judged by this thread's CPU time: its wall time also
    # counts the UI thread's turns at the interpreter lock, and judged by that, a plan
    # fast enough to make inline would stay on the worker for good.
    began = time.thread_time()
    try:
        result, error = planner(strategy)
    except Exception as exc:  # a planner bug must not kill the worker silently
        result, error = None, f"scheduling failed: {exc}"
    reused = memo is not None and memo.reused
    return generation, result, error, time.thread_time() - began, reused


class LiveScheduler(QObject):
    """`run()` returns the outcome at once, or None and later emits `ready` with the outcome."""

    ready = Signal(object, object)
    _warm = False

    def __init__(
        self, parent: QObject | None = None, planner: Callable[[Strategy], Outcome] = plan
    ):
        super().__init__(parent)
        if planner is plan:
            # Import now so the first edit is not timed with networkx's import.
            import cxroadmap.scheduling.planner  # noqa: F401
        self.planner = planner
        self.last_seconds = 0.0
        self.force_background = False
        self._generation = 0
        self._signals = JobSignals(self)
        self._signals.finished.connect(self._finished)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._waiting = False
        self._on_worker = False  # whether the last plan was made there
        self._early = -1  # the generation started by start_early, until its run
        self._behind = False  # start_early found an earlier edit's plan still out
        self._snapshots = Snapshots(snapshot)
        # The memo of the worker's plans (default planner only): its copies are never
        # changed once made, so what it checked need not be again. Used only there.
        self._memo: PlanMemo | None = None

    @property
    def pending(self) -> bool:
        return self._waiting

    @property
    def off_thread(self) -> bool:
        """Whether the next run goes to the worker thread."""
        limit = INLINE_LIMIT_SECONDS * (BACK_INLINE_SHARE if self._on_worker else 1.0)
        return self.force_background or self.last_seconds > limit

    def start_early(self, strategy: Strategy, change: Change) -> None:
        """Start planning an edit on the worker before it is written, so the write's wait for
        the disk and the plan overlap; the `run` of the same edit then waits for this one.
        `abandon` it if the edit is taken back."""
        self._behind = self._waiting  # an earlier edit's plan is still out (and now dropped)
        self.run(strategy, change)
        self._early = self._generation

    def abandon(self, strategy: Strategy, change: Change) -> None:
        """The edit started early was taken back (`change`: what taking it back named)."""
        self._early = -1
        self._snapshots.changed(change)
        if self._behind:
            self.run(strategy, Change())  # the dropped plan of the earlier edit, made again
            return
        self._generation += 1  # its plan is no longer wanted
        self._waiting = False

    def run(self, strategy: Strategy, change: Change | None = None) -> Outcome | None:
        """Schedule `strategy`; `change` is what the edit since the last run named, if known."""
        if self._early == self._generation:
            self._early = -1
            return None  # this edit is being planned already (start_early)
        self._generation += 1
        self._snapshots.changed(change)
        if not self.off_thread:
            self._on_worker = False
            began = time.perf_counter()
            outcome = self.planner(strategy)
            seconds = time.perf_counter() - began
            # The first run in a process pays for lazy imports and caches: do not judge by
            # it, unless it is slow by far (a big document: the next edit would be felt).
            slow = seconds > 3 * INLINE_LIMIT_SECONDS
            self.last_seconds = seconds if LiveScheduler._warm or slow else 0.0
            LiveScheduler._warm = True
            if self.last_seconds > INLINE_LIMIT_SECONDS:
                # The next run goes to the worker: make its first, whole copy soon, while the
                # user reads the result, so edits only ever copy what they changed. Not at
                # once: a document just opened is painted first (the copy of 20,000
                # initiatives took a fifth of its start-up).
                QTimer.singleShot(PRIME_AFTER_MS, self, lambda: self._snapshots.prime(strategy))
            return outcome
        self._waiting = True
        # The worker gets its own copy, as the user may go on editing while it plans: made
        # from the last one by copying what changed since (snapshots.py), not all of it.
        copied = self._snapshots.take(strategy)
        memo = self._worker_memo()
        planner = self.planner if memo is None else partial(plan, memo=memo)
        job = partial(_timed, planner, self._generation, copied, memo)
        self._pool.start(Job(job, self._signals))
        return None

    def _worker_memo(self) -> PlanMemo | None:
        """The memo for the worker's plans with the default planner (read and changed only
        there: the pool has one thread); None for any other planner."""
        if self.planner is not plan:
            return None
        if self._memo is None:
            from cxroadmap.scheduling.memo import PlanMemo

            self._memo = PlanMemo()
        return self._memo

    def wait(self) -> None:
        self._pool.waitForDone()

    def _finished(self, outcome: tuple[int, Schedule | None, str | None, float, bool]) -> None:
        generation, result, error, seconds, reused = outcome
        # A plan that reused the memo's work is cheaper than the plain plan an inline run
        # makes (no memo there): it may only raise the figure that brings plans back inline
        # (else a 20k document would go back and forth, a whole plan inline every other edit).
        if not reused or seconds > self.last_seconds:
            self.last_seconds = seconds
        self._on_worker = True
        if generation != self._generation:
            return  # a newer edit has already asked for a fresher schedule
        self._waiting = False
        self.ready.emit(result, error)

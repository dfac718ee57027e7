"""One piece of work on a thread pool's thread; its outcome comes back as a queued signal."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from cxroadmap.domain.errors import CxRoadmapError


class JobSignals(QObject):
    """Lives in the owner's thread, so what a job emits is delivered there (queued)."""

    finished = Signal(object)  # what the work returned
    failed = Signal(object)  # the error it raised: an expected one, or CxRoadmapError for a bug
    progressed = Signal(int, int)  # done, total: for work that reports its progress


class Job(QRunnable):
    """Runs `work()` and emits `finished(result)` or `failed(error)` through `signals`.

    Errors of the `expected` kinds are passed on as they are; any other exception is a bug,
    turned into a CxRoadmapError that says so, rather than lost silently on a thread.
    """

    def __init__(
        self,
        work: Callable[[], Any],
        signals: JobSignals,
        expected: tuple[type[Exception], ...] = (CxRoadmapError,),
    ) -> None:
        super().__init__()
        self.work, self.signals, self.expected = work, signals, expected

    def run(self) -> None:
        try:
            result = self.work()
        except self.expected as exc:
            self._tell(self.signals.failed, exc)
        except Exception as exc:
            error = CxRoadmapError(f"unexpected failure ({type(exc).__name__}: {exc})")
            self._tell(self.signals.failed, error)
        else:
            self._tell(self.signals.finished, result)

    @staticmethod
    def _tell(signal: Any, outcome: object) -> None:
        # The owner (and `signals` with it) may have been deleted meanwhile: no one to tell.
        with suppress(RuntimeError):
            signal.emit(outcome)

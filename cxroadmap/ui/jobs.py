"""One piece of work on a thread pool's thread; its outcome comes back as a queued signal."""

from __future__ import annotations

from collections.abc import Callable
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
            self.signals.failed.emit(exc)
        except Exception as exc:
            self.signals.failed.emit(
                CxRoadmapError(f"unexpected failure ({type(exc).__name__}: {exc})")
            )
        else:
            self.signals.finished.emit(result)

"""Child process of table.py: launch the app on FILE as `cxroadmap FILE` does; exit at first paint.

Run by `benchmarks/table.py` with `BENCH_T0` set to `time.monotonic()` just before it started
this process; prints one JSON line {"seconds": launch to first paint, "cpu": CPU seconds,
"peak_mb": peak RSS}.
The first paint is the first paint event of the main window once a document is open,
counted when that event has been handled (the window is on screen).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

PROFILE = os.environ.get("BENCH_PROFILE")
if PROFILE:  # set by `table.py --profile`: this process dumps its own profile before it exits
    import cProfile

    PROFILER = cProfile.Profile()
    PROFILER.enable()

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


class FirstPaint(QObject):
    """Sees every event of the application; after the main window's first paint, reports."""

    def __init__(self, began: float) -> None:
        super().__init__()
        self.began = began
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            window = watched.window()
            if getattr(window, "document", None) is not None:
                self.seen = True
                QTimer.singleShot(0, self.report)  # after this paint has been handled
        return False

    def report(self) -> None:
        seconds = time.monotonic() - self.began
        usage = resource.getrusage(resource.RUSAGE_SELF)
        peak_mb = usage.ru_maxrss / 1024
        cpu = usage.ru_utime + usage.ru_stime
        print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb}), flush=True)
        finish()


def finish() -> None:
    """Leave at once (what follows is not measured), dumping the profile when one is taken."""
    if PROFILE:
        PROFILER.disable()
        PROFILER.dump_stats(PROFILE)
    os._exit(0)


def main() -> None:
    began = float(os.environ.get("BENCH_T0", time.monotonic()))
    # run_app sets this policy before it makes the application; we make it here to watch it.
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1])
    watcher = FirstPaint(began)
    app.installEventFilter(watcher)
    from cxroadmap.app import main as cxroadmap_main

    cxroadmap_main(sys.argv[1:])
    print(json.dumps({"error": "the app closed before painting a document"}), flush=True)


if __name__ == "__main__":
    main()

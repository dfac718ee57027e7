"""Child process of table.py: launch the app on FILE as `cxroadmap FILE` does; exit at first paint.

Run by `benchmarks/table.py` with `BENCH_T0` set to `time.monotonic()` just before it started
this process; prints one JSON line {"seconds": launch to first paint, "cpu": CPU seconds,
"peak_mb": peak RSS}.
The first paint is the first paint event of the main window once a document is open,
counted when that event has been handled (the window is on screen). The probe changes
nothing before that: it imports nothing itself (the app imports PySide6 and its modules in
its own order) and sees no other event; it only gives the main window's class a paint
handler, as its module is imported.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import json
import os
import resource
import sys
import time
from types import ModuleType

PROFILE = os.environ.get("BENCH_PROFILE")
if PROFILE:  # set by `table.py --profile`: this process dumps its own profile before it exits
    import cProfile

    PROFILER = cProfile.Profile()
    PROFILER.enable()

BEGAN = float(os.environ.get("BENCH_T0", time.monotonic()))
WATCHED = "cxroadmap.ui.main_window"


def report() -> None:
    seconds = time.monotonic() - BEGAN
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


def watch(module: ModuleType) -> None:
    """Report after the main window's first paint with a document open has been handled."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMainWindow

    window_class = module.MainWindow
    seen = []

    def paintEvent(self, event):  # type: ignore[no-untyped-def]
        QMainWindow.paintEvent(self, event)
        if not seen and getattr(self, "document", None) is not None:
            seen.append(True)
            QTimer.singleShot(0, report)  # after this paint has been handled

    window_class.paintEvent = paintEvent


class Watcher(importlib.abc.MetaPathFinder):
    """Finds the main window's module as usual and calls `watch` once it has run."""

    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != WATCHED:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            watch(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def main() -> None:
    sys.meta_path.insert(0, Watcher())
    from cxroadmap.app import main as cxroadmap_main

    cxroadmap_main(sys.argv[1:])
    print(json.dumps({"error": "the app closed before painting a document"}), flush=True)


if __name__ == "__main__":
    main()

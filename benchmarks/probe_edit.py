"""Child process of table.py: one edit to repaint on every tab of the main window, for FILE.

Prints one JSON line: {"tabs": {tab: median ms}, "cpu": {tab: median CPU ms of the process},
"peak_mb": peak RSS after visiting every tab, editing and exporting a PDF}. One edit is a
duration change of an initiative near the start of the roadmap, made through the open
document as the inspector makes it: the domain edit is applied and written to the file, the strategy
rescheduled (inline or on the worker thread), the table, inspector, filters and the tab on
screen refreshed, and every update it marked painted (the event loop idle again; with
BENCH_CHECK_SCREEN=1 each edit's screen is compared with a full repaint of the window and
"screen_mismatches" counts the differences). Optional: RUNS per tab, and the KEY of the
strategy of a cascade to edit. After the edits, the document is exported as a PDF the way
File > Export > PDF does it (on the worker thread, the other strategies' roll-up included),
so the peak memory counts what a working session holds.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time

PROFILE = os.environ.get("BENCH_PROFILE")
CHECK = os.environ.get("BENCH_CHECK_SCREEN") == "1"
if PROFILE:  # set by `table.py --profile`: this process dumps its own profile before it exits
    import cProfile

    PROFILER = cProfile.Profile()
    PROFILER.enable()
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cxroadmap.domain.edits import ChangeInitiative  # noqa: E402
from cxroadmap.ui.main_window import MainWindow  # noqa: E402
from cxroadmap.ui.settings import AppSettings  # noqa: E402


class _Delivered(QObject):
    """Counts every event the application delivers (an application-wide event filter)."""

    count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        _Delivered.count += 1
        return False


_COUNTER: list[_Delivered] = []


def settle(app: QApplication, window: MainWindow) -> None:
    """Process events until the schedule has arrived and the event loop is idle again.

    Idle means a whole round of processEvents() delivered no event at all: every update the
    edit asked for (the table's changed rows, the inspector, the tab on screen) has been
    painted and nothing posted is left, as in the running app a moment after the edit.
    Before the fourth session this ended with `window.repaint()`, which repaints every
    widget of the window (7 to 13 ms at 1,000 initiatives) although an edit only marks
    what changed; `check_screen` shows that the screen then already matches a full repaint.
    """
    if not _COUNTER:
        _COUNTER.append(_Delivered())
        app.installEventFilter(_COUNTER[0])
    doc = window.document
    assert doc is not None
    app.processEvents()
    while doc.scheduler.pending:
        # Block until the worker's result (or any event) arrives, as the app's event loop
        # does: polling every millisecond took the interpreter lock from the planning
        # worker at each poll and added up to a millisecond after it finished.
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    for _ in range(100):  # a bound, in case a timer keeps firing; a round takes microseconds
        before = _Delivered.count
        app.processEvents()
        if _Delivered.count == before:
            return


def check_screen(window: MainWindow) -> bool:
    """Whether what is on screen (the window's backing store) is what a full repaint shows."""
    screen = window.screen()
    settled = screen.grabWindow(window.winId()).toImage()
    window.repaint()
    return settled == screen.grabWindow(window.winId()).toImage()


def export_pdf(app: QApplication, window: MainWindow, target: Path) -> None:
    """File > Export > PDF without its dialogs: the export on the worker thread, waited for."""
    from cxroadmap.ui import messages

    def failed(_parent: object, _title: str, text: str) -> None:
        print(json.dumps({"error": f"the PDF export failed: {text}"}), flush=True)
        os._exit(1)

    messages.show_error = failed  # type: ignore[assignment]  # a modal box would wait forever
    task = window.files.export_to(target, ".pdf", {})
    assert not isinstance(task, bool)
    while task.running:
        time.sleep(0.005)
        app.processEvents()
    if not target.exists():
        raise SystemExit(f"the PDF export did not write {target}")


def finish() -> None:
    """Leave at once (what follows is not measured), dumping the profile when one is taken."""
    if PROFILE:
        PROFILER.disable()
        PROFILER.dump_stats(PROFILE)
    os._exit(0)


def main() -> None:
    path = Path(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    strategy_key = sys.argv[3] if len(sys.argv) > 3 else None  # edit this one of a cascade
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    window = MainWindow(AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)))
    window.resize(1440, 880)
    window.show()
    assert window.files.open_path(path)
    doc = window.document
    assert doc is not None
    if strategy_key is not None:
        from cxroadmap.ui.cx.switcher import switch_strategy

        assert doc.store is not None
        found = [sid for sid, s in doc.store.load_all_with_ids() if s.key == strategy_key]
        assert switch_strategy(window, found[0])
        doc = window.document
        assert doc is not None
    settle(app, window)
    key = next(iter(doc.strategy.initiatives))
    base = doc.strategy.initiatives[key].duration
    step = iter(range(1, 10**6))
    results: dict[str, float] = {}
    mismatches: list[str] = []
    cpu_results: dict[str, float] = {}  # CPU time of the process (UI and worker threads)
    for index in range(window.views.count()):
        title = window.views.tabText(index)
        window.views.setCurrentIndex(index)
        settle(app, window)
        window.repaint()  # not timed: the screen starts whole, so check_screen sees the edits' part
        times = []
        cpu = []
        for _ in range(runs + 1):  # the first edit on a tab warms it up and is not counted
            began, began_cpu = time.perf_counter(), time.process_time()
            assert doc.apply(ChangeInitiative(key, {"duration": base + 1 + next(step) % 7}))
            settle(app, window)
            times.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
            if CHECK and len(times) > 1 and not check_screen(window):  # the counted edits
                mismatches.append(title)
        results[title] = statistics.median(times[1:])
        cpu_results[title] = statistics.median(cpu[1:])
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    export_pdf(app, window, folder / "session.pdf")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    found = {"tabs": results, "cpu": cpu_results, "peak_mb": peak_mb, "before_export_mb": before_mb}
    if CHECK:
        found["screen_mismatches"] = mismatches
    print(json.dumps(found), flush=True)
    finish()  # closing a window of 50,000 initiatives is not what is measured


if __name__ == "__main__":
    main()

"""Child process of table.py: one edit to repaint on every tab of the main window, for FILE.

Prints one JSON line: {"tabs": {tab: median ms}, "cpu": {tab: median CPU ms of the process},
"peak_mb": peak RSS after visiting every tab, editing and exporting a PDF}. One edit is a
duration change of an initiative near the start of the roadmap, made through the open
document as the inspector makes it: the domain edit is applied and written to the file, the strategy
rescheduled (inline or on the worker thread), the table, inspector, filters and the tab on
screen refreshed, and the window repainted. Optional: RUNS per tab, and the KEY of the
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
if PROFILE:  # set by `table.py --profile`: this process dumps its own profile before it exits
    import cProfile

    PROFILER = cProfile.Profile()
    PROFILER.enable()
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cxroadmap.domain.edits import ChangeInitiative  # noqa: E402
from cxroadmap.ui.main_window import MainWindow  # noqa: E402
from cxroadmap.ui.settings import AppSettings  # noqa: E402


def settle(app: QApplication, window: MainWindow) -> None:
    """Process events until the schedule has arrived and the window has repainted."""
    doc = window.document
    assert doc is not None
    app.processEvents()
    while doc.scheduler.pending:
        time.sleep(0.001)
        app.processEvents()
    app.processEvents()
    window.repaint()  # paints whatever is still marked dirty, now rather than at the next frame


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
    cpu_results: dict[str, float] = {}  # CPU time of the process (UI and worker threads)
    for index in range(window.views.count()):
        title = window.views.tabText(index)
        window.views.setCurrentIndex(index)
        settle(app, window)
        times = []
        cpu = []
        for _ in range(runs + 1):  # the first edit on a tab warms it up and is not counted
            began, began_cpu = time.perf_counter(), time.process_time()
            assert doc.apply(ChangeInitiative(key, {"duration": base + 1 + next(step) % 7}))
            settle(app, window)
            times.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
        results[title] = statistics.median(times[1:])
        cpu_results[title] = statistics.median(cpu[1:])
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    export_pdf(app, window, folder / "session.pdf")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    found = {"tabs": results, "cpu": cpu_results, "peak_mb": peak_mb, "before_export_mb": before_mb}
    print(json.dumps(found), flush=True)
    finish()  # closing a window of 50,000 initiatives is not what is measured


if __name__ == "__main__":
    main()

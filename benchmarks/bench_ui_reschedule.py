"""Desktop app: how long one edit takes from keystroke to refreshed window, at 1,000 initiatives.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_ui_reschedule.py
(figures go into docs/performance.md, "Desktop app")

Each figure is the median of 21 runs of one edit through the real main window: apply the
domain edit, write it to the .cxroadmap file (one transaction), reschedule, and let the
table, filters, inspector and roadmap views refresh; then the same for undo. The edit is a
duration change (dates and critical flags move, the dependency graph does not); the last
column adds or removes one dependency (the graph view lays itself out again).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from timing import median_ms

from cxroadmap.domain.edits import AddDependency, ChangeInitiative, RemoveDependency
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.pillars import DEFAULT_PILLARS
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage.document import write_document
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings

RUNS = 21  # timed calls per case; the collector runs before each


def roadmap(n: int, max_parallel: int | None, seed: int = 20270104) -> Strategy:
    """n initiatives over every pillar in dependency chains of six, about two years long."""
    rng = random.Random(seed)
    strategy = Strategy(
        "Benchmark roadmap", dt.date(2027, 1, 4), level="organisation", max_parallel=max_parallel
    )
    previous = ""
    for i in range(n):
        key = f"K{i:05d}"
        strategy.initiatives[key] = Initiative(
            key,
            f"Initiative {i}",
            0 if i % 17 == 5 else rng.randint(3, 40),
            DEFAULT_PILLARS[i % len(DEFAULT_PILLARS)].key,
            owner=f"Team {i % 13}",
            not_before=strategy.start + dt.timedelta(days=rng.randint(0, 500)),
        )
        if i % 6:
            strategy.dependencies.append(Dependency(previous, key))
        previous = key
    return strategy


def measure(
    app: QApplication, n: int, max_parallel: int | None, tab: str, folder: Path
) -> list[str]:
    strategy = roadmap(n, max_parallel)
    path = folder / f"bench-{n}-{max_parallel}.cxroadmap"
    write_document(path, [strategy])
    window = MainWindow(AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)))
    window.resize(1400, 900)
    window.show()
    assert window.files.open_path(path)
    doc = window.document
    assert doc is not None
    titles = [window.views.tabText(i) for i in range(window.views.count())]
    window.views.setCurrentIndex(titles.index(tab))
    app.processEvents()
    key = "K00001"
    durations = iter(range(10**6))

    def edit() -> None:
        edit = ChangeInitiative(key, {"duration": 5 + next(durations) % 20})
        assert doc.apply(edit)
        app.processEvents()

    def undo() -> None:
        doc.undo_stack.undo()
        app.processEvents()
        doc.undo_stack.redo()
        app.processEvents()

    linked = iter(range(10**6))

    def link() -> None:
        # K00000 starts a chain and K00994 is in a later one: adding never closes a cycle
        if next(linked) % 2:
            assert doc.apply(RemoveDependency("K00000", "K00994"))
        else:
            assert doc.apply(AddDependency(Dependency("K00000", "K00994")))
        app.processEvents()

    plan_ms = median_ms(lambda: schedule(doc.strategy), RUNS, collect=True)
    edit_ms = median_ms(edit, RUNS, collect=True)
    undo_redo_ms = median_ms(undo, RUNS, collect=True) / 2
    link_ms = median_ms(link, RUNS, collect=True)
    background = doc.scheduler.last_seconds > 0.1
    window.close()
    capacity = f"max {max_parallel}" if max_parallel else "none"
    return [
        f"| {n:,} | {capacity} | {tab} | {plan_ms:.0f} ms | {edit_ms:.0f} ms "
        f"| {undo_redo_ms:.0f} ms | {link_ms:.0f} ms "
        f"| {'worker thread' if background else 'inline'} |"
    ]


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    folder = Path(tempfile.mkdtemp())
    print(f"python {sys.version.split()[0]}")
    print(
        "| initiatives | capacity | tab shown | schedule | edit, end to end | undo or redo "
        "| dependency added or removed | planner runs |"
    )
    print("|---:|---|---|---:|---:|---:|---:|---|")
    for n, max_parallel, tab in (
        (1000, None, "Initiatives"),
        (1000, 8, "Initiatives"),
        (1000, 8, "Timeline"),
        (1000, 8, "Phases"),
        (1000, 8, "Dependencies"),
    ):
        for line in measure(app, n, max_parallel, tab, folder):
            print(line, flush=True)


if __name__ == "__main__":
    main()

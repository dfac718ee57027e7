"""Roadmap view timings at 5,000 initiatives (7,500 dependencies), offscreen.

Scene build, the relayout a zoom step costs, the refresh after one edit (for the graph also
after a dependency is added or removed), following one edit's Change, and the paint of a
1600 x 900 viewport at several scroll positions and zoom levels (what scrolling and
zooming cost per frame).
Run: python benchmarks/bench_views.py    (figures go into docs/performance.md)
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_scheduler import random_strategy
from PySide6.QtWidgets import QApplication

from cxroadmap.domain.edits import AddDependency, Change, ChangeInitiative, RemoveDependency
from cxroadmap.domain.model import Dependency
from cxroadmap.domain.pillars import DEFAULT_PILLARS
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import Follower
from cxroadmap.ui.views.board import BoardScene, BoardView
from cxroadmap.ui.views.graph_view import GraphScene, GraphView
from cxroadmap.ui.views.timeline_scene import TimelineScene
from cxroadmap.ui.views.timeline_view import TimelineView

N = 5000
RUNS = 9
FRAME = 1000 / 60  # ms: one frame at 60 Hz


def timed(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times), statistics.median(times)


def after(change: Callable[[], object], view: BoardView | GraphView) -> tuple[float, float]:
    """A view's refresh after each of RUNS edits (the edit and its rescheduling not timed)."""
    times = []
    for _ in range(RUNS):
        change()
        gc.collect()
        t0 = time.perf_counter()
        view.refresh()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times), statistics.median(times)


def followed(
    document: OpenDocument, change: Callable[[], object], view: Follower
) -> tuple[float, float]:
    """A view following the Change of each of RUNS edits (the edit and its rescheduling not
    timed): what the window does for the tab on screen (ui/feed.py)."""
    seen: list[Change] = []
    document.changed.connect(seen.append)
    times = []
    for _ in range(RUNS):
        change()
        while document.scheduler.pending:  # a big schedule is made on the worker thread
            time.sleep(0.001)
            QApplication.processEvents()
        gc.collect()
        t0 = time.perf_counter()
        view.follow(seen[-1])
        times.append((time.perf_counter() - t0) * 1000)
    document.changed.disconnect(seen.append)
    return min(times), statistics.median(times)


def main() -> None:
    app = QApplication([])
    strategy = random_strategy(N)
    rng = random.Random(7)
    for ini in strategy.initiatives.values():
        ini.pillar = rng.choice(DEFAULT_PILLARS).key
        ini.owner = f"Owner {rng.randrange(40)}"
    document = OpenDocument(strategy)
    schedule = document.schedule
    assert schedule is not None
    rows: list[tuple[str, float, float]] = []

    def build() -> TimelineScene:
        scene = TimelineScene()
        scene.set_data(strategy, schedule)
        scene.ensure_rows(0, 1800)  # the first screen and the next, as a view does
        return scene

    def build_all() -> TimelineScene:
        scene = TimelineScene()
        scene.set_data(strategy, schedule)
        scene.ensure_all()
        return scene

    rows.append(("timeline scene build (layout of 5,000, items on screen)", *timed(build, 5)))
    rows.append(("timeline scene build, every bar an item (as for export)", *timed(build_all, 3)))
    view = TimelineView(document)
    view.resize(1600, 900)
    view.show()
    app.processEvents()
    scene = view.timeline
    levels = [(0.5, "quarters"), (3.0, "months"), (12.0, "weeks")]
    for ppd, unit in levels:
        rows.append(
            (
                f"zoom step to {ppd:g} px/day ({unit}): relayout + place bars on screen",
                *timed(lambda p=ppd: view.set_zoom(p), 5),
            )
        )
    port = view.viewport()
    height = scene.sceneRect().height()
    width = scene.sceneRect().width()
    for ppd, _unit in levels:
        view.set_zoom(ppd)
        app.processEvents()
        positions = [(0.0, 0.0), (0.3, 0.25), (0.6, 0.5), (0.9, 0.95)]
        frames = []
        for fx, fy in positions:
            view.horizontalScrollBar().setValue(int(fx * view.horizontalScrollBar().maximum()))
            view.verticalScrollBar().setValue(int(fy * view.verticalScrollBar().maximum()))
            frames.extend(timed(lambda: port.grab(), 5))
        rows.append(
            (
                f"paint 1600x900 viewport at {ppd:g} px/day, 4 scroll positions",
                min(frames),
                statistics.median(frames),
            )
        )
    view.set_zoom(3.0)
    keys = list(strategy.initiatives)
    flips = iter(range(100))

    def edit() -> None:
        key = keys[next(flips) * 37 % len(keys)]
        document.apply(ChangeInitiative(key, {"duration": strategy.initiatives[key].duration + 1}))

    edit()
    rows.append(("timeline refresh after an edit (schedule already done)", *timed(view.refresh, 5)))
    document.changed.disconnect(view.follow)
    rows.append(("timeline follows an edit's Change (schedule already done)",
                 *followed(document, edit, view)))  # fmt: skip
    linked = iter(range(100))

    def link() -> None:
        # I00000 and I04999 are 5,000 apart, beyond the 500 any dependency reaches: no cycle
        if next(linked) % 2:
            document.apply(RemoveDependency("I00000", "I04999"))
        else:
            document.apply(AddDependency(Dependency("I00000", "I04999")))

    def board_build() -> None:
        scene = BoardScene()
        scene.set_data(strategy, document.schedule)

    rows.append(("board build (5,000 cards)", *timed(board_build, 5)))
    board = BoardView(document)
    board.resize(1600, 900)
    document.changed.disconnect(board.follow)
    rows.append(("board refresh after an edit (schedule already done)", *after(edit, board)))
    rows.append(("board follows an edit's Change", *followed(document, edit, board)))

    def graph() -> None:
        GraphScene().set_data(strategy, document.schedule)

    rows.append(("graph scene build (layering + 5,000 nodes)", *timed(graph, 3)))
    graph_view = GraphView(document)
    document.changed.disconnect(graph_view.follow)
    rows.append(("graph refresh after an edit (schedule already done)", *after(edit, graph_view)))
    rows.append(("graph follows an edit's Change", *followed(document, edit, graph_view)))
    rows.append(("graph refresh after a dependency is added or removed", *after(link, graph_view)))
    print(f"scene {width:.0f} x {height:.0f} px at 3 px/day; frame budget {FRAME:.1f} ms")
    print(f"{'what':72} {'best ms':>8} {'median ms':>10}")
    for what, best, median in rows:
        print(f"{what:72} {best:8.1f} {median:10.1f}")
    app.quit()


if __name__ == "__main__":
    main()

"""Plans on the worker set their objects aside from the collector until the user pauses."""

from __future__ import annotations

import gc
import time
import weakref

from cxroadmap.common.collector import set_aside, take_back
from cxroadmap.content.demo import demo_strategy
from cxroadmap.scheduling.planner import schedule
from cxroadmap.ui import live_schedule


class _Cycle:
    """An object in a reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me = self


def _collected_ids() -> set[int]:
    """The objects the collector walks (those set aside are not among them)."""
    return {id(o) for o in gc.get_objects()}


def test_what_is_set_aside_is_not_walked_and_a_cycle_in_it_is_freed_once_taken_back():
    cycle = _Cycle()
    gone = weakref.ref(cycle)
    set_aside()
    try:
        assert gc.get_freeze_count() > 0 and id(cycle) not in _collected_ids()
        del cycle
        gc.collect()
        assert gone() is not None  # unreachable, but set aside: kept for now
    finally:
        take_back(collect=True)
    assert gone() is None and gc.get_freeze_count() == 0


def test_a_plan_on_the_worker_gives_the_same_schedule_set_aside_until_the_user_pauses(
    qtbot, monkeypatch
):
    monkeypatch.setattr(live_schedule, "TAKE_BACK_AFTER_MS", 200)
    strategy = demo_strategy()
    scheduler = live_schedule.LiveScheduler()
    scheduler.force_background = True
    ready: list[object] = []
    scheduler.ready.connect(lambda result, error: ready.append(result))
    try:
        assert scheduler.run(strategy) is None
        qtbot.waitUntil(lambda: bool(ready))
        result = ready[0]
        assert result == schedule(strategy)  # the plan itself is unchanged
        item = next(iter(result.items.values()))
        assert gc.get_freeze_count() > 0 and id(item) not in _collected_ids()
        # No plan for a while (the user pauses): all is given back, and collected.
        qtbot.waitUntil(lambda: gc.get_freeze_count() == 0, timeout=3000)
        assert id(item) in _collected_ids()
    finally:
        take_back()


def test_closing_the_document_gives_back_what_its_plans_set_aside(qtbot):
    from cxroadmap.ui.document import OpenDocument

    document = OpenDocument(demo_strategy())
    document.scheduler.force_background = True
    document.committed(live_schedule.Change())  # a plan on the worker, as after an edit
    qtbot.waitUntil(lambda: not document.scheduler.pending)
    assert gc.get_freeze_count() > 0
    document.close()
    assert gc.get_freeze_count() == 0


def _working(seconds: float):  # type: ignore[no-untyped-def]
    """A planner that works (CPU, not waiting) for `seconds` of its thread's time."""

    def planner(strategy):  # type: ignore[no-untyped-def]
        began = time.thread_time()
        while time.thread_time() - began < seconds:
            pass
        return live_schedule.plan(strategy)

    return planner


def test_plans_near_the_limit_stay_on_the_worker_until_one_is_clearly_fast(qtbot, monkeypatch):
    monkeypatch.setattr(live_schedule, "INLINE_LIMIT_SECONDS", 0.05)
    monkeypatch.setattr(live_schedule.LiveScheduler, "_warm", True)
    took = [0.06, 0.045, 0.045, 0.01]  # over, then just under the limit, then far under
    scheduler = live_schedule.LiveScheduler(planner=lambda s: _working(took.pop(0))(s))
    ready: list[object] = []
    scheduler.ready.connect(lambda result, error: ready.append(result))
    try:
        assert scheduler.run(demo_strategy()) is not None  # inline, and slow
        for _ in range(3):  # just under the limit: not back inline, still on the worker
            assert scheduler.off_thread
            assert scheduler.run(demo_strategy()) is None
            qtbot.waitUntil(lambda: not scheduler.pending)
        assert ready[-1] is not None and not scheduler.off_thread  # 0.01 s: inline again
    finally:
        take_back()

"""Plans near the inline limit stay on the worker until one is clearly fast."""

from __future__ import annotations

import time

from cxroadmap.content.demo import demo_strategy
from cxroadmap.ui import live_schedule


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
    assert scheduler.run(demo_strategy()) is not None  # inline, and slow
    for _ in range(3):  # just under the limit: not back inline, still on the worker
        assert scheduler.off_thread
        assert scheduler.run(demo_strategy()) is None
        qtbot.waitUntil(lambda: not scheduler.pending)
    assert ready[-1] is not None and not scheduler.off_thread  # 0.01 s: inline again

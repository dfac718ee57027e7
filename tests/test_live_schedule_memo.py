"""Plans on the worker use its memo and show what a plain plan of the document gives."""

from __future__ import annotations

from test_plan_memo import _plan, _tested_counts

from cxroadmap.domain.edits import (
    AddDependency,
    AddInitiative,
    ChangeDependency,
    ChangeInitiative,
    ChangeStrategy,
    Edit,
    RemoveDependency,
    RemoveInitiative,
    SetPhases,
)
from cxroadmap.domain.model import Dependency, Initiative, Phase
from cxroadmap.scheduling.planner import schedule
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.live_schedule import LiveScheduler


def test_each_plan_on_the_worker_is_the_plain_plan_of_the_document(
    qtbot, tmp_path, monkeypatch
) -> None:
    counts = _tested_counts(monkeypatch)
    plan = _plan(60)
    plan.initiatives["K7"].phase = "Medium term"
    document = OpenDocument.create(tmp_path / "plan.cxroadmap", [plan])
    document.scheduler.force_background = True
    changes: list[object] = []
    document.changed.connect(changes.append)

    def settled(step: str) -> None:
        qtbot.waitUntil(lambda: not document.scheduler.pending)
        try:
            plain: object = repr(schedule(document.strategy))
        except Exception as exc:
            plain = str(exc)
        shown = repr(document.schedule) if document.schedule else document.schedule_error
        assert shown == plain, step

    edits: list[Edit] = [
        ChangeInitiative("K3", {"duration": 12}),
        ChangeInitiative("K3", {"duration": 2}),
        ChangeInitiative("K10", {"title": "Renamed"}),
        ChangeInitiative("K11", {"status": "dropped"}),
        AddDependency(Dependency("K41", "K1", "SS", 2)),  # up the document
        ChangeDependency("K41", "K1", type="FF", lag=-1),
        ChangeInitiative("K1", {"duration": 0}),
        RemoveDependency("K41", "K1"),
        AddInitiative(Initiative("NEW", "New one", 6), index=2),
        ChangeInitiative("NEW", {"key": "NEWER"}),
        RemoveInitiative("NEWER"),
        ChangeStrategy({"max_parallel": 3}),
        SetPhases(
            [Phase("Short term", 13), Phase("Middle", 20), Phase("Long term", None)],
            {"Medium term": "Middle"},
        ),
        ChangeInitiative("K20", {"duration": 9}),
    ]
    for edit in edits:
        assert document.apply(edit), document.last_error
        settled(repr(edit))
    for _ in range(4):
        document.undo_stack.undo()
        settled("undo")
    for _ in range(2):
        document.undo_stack.redo()
        settled("redo")
    # The worker kept a memo: an edit of one initiative tested that one alone.
    assert document.scheduler._memo is not None
    counts.clear()
    assert document.apply(ChangeInitiative("K30", {"duration": 4}))
    settled("last")
    assert counts == [1]
    document.close()


def test_plans_made_inline_and_other_planners_get_no_memo(qtbot) -> None:
    seen: list[object] = []

    def planner(strategy):  # type: ignore[no-untyped-def]
        seen.append(strategy)
        return None, "no plan"

    live = LiveScheduler(planner=planner)
    live.force_background = True
    live.run(_plan(5))
    live.wait()
    qtbot.waitUntil(lambda: not live.pending)
    assert len(seen) == 1 and live._memo is None  # the planner given, as given
    inline = LiveScheduler()
    plan = _plan(5)
    assert inline.run(plan) == (schedule(plan), None)
    assert inline._memo is None


def test_plans_that_reuse_the_memo_do_not_bring_plans_back_inline(qtbot, monkeypatch) -> None:
    from cxroadmap.domain.edits import Change
    from cxroadmap.ui import live_schedule

    monkeypatch.setattr(live_schedule, "INLINE_LIMIT_SECONDS", 0.1)  # the app's limit

    live = LiveScheduler()
    plan = _plan(30)
    live.force_background = True
    live.run(plan, None)
    qtbot.waitUntil(lambda: not live.pending)
    live.force_background = False
    live.last_seconds = 1.0  # as after an inline plan of a big document
    for duration in (4, 5):
        change = ChangeInitiative("K3", {"duration": duration}).apply(plan)
        assert live.off_thread
        assert live.run(plan, change) is None
        qtbot.waitUntil(lambda: not live.pending)
        assert live.last_seconds == 1.0  # the memo's cheap plan says little of a plain one
    change = AddInitiative(Initiative("NEW", "New", 3)).apply(plan)
    assert live.run(plan, change) is None
    qtbot.waitUntil(lambda: not live.pending)
    assert live.last_seconds < 0.5 and not live.off_thread  # a plan that reused nothing
    assert live.run(plan, Change()) == (schedule(plan), None)  # inline again

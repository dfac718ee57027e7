"""The worker's copies made edit by edit equal a whole copy and share nothing editable."""

from __future__ import annotations

from cx_samples import touchpoint_strategy
from test_ui_snapshot import mutable_parts

from cxroadmap.domain.edits import (
    AddDependency,
    AddInitiative,
    Change,
    ChangeDependency,
    ChangeInitiative,
    ChangeStrategy,
    Edit,
    RemoveDependency,
    RemoveInitiative,
)
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.ui.live_schedule import snapshot
from cxroadmap.ui.snapshots import Snapshots


def _check(copy: Strategy, strategy: Strategy) -> None:
    assert copy == strategy
    assert list(copy.initiatives) == list(strategy.initiatives)  # document order too
    shared = {id(p) for p in mutable_parts(strategy)} & {id(p) for p in mutable_parts(copy)}
    assert shared == set()


def test_each_copy_after_an_edit_equals_the_strategy_and_reuses_the_unchanged() -> None:
    strategy = touchpoint_strategy()
    keys = list(strategy.initiatives)
    made: list[Strategy] = []
    copies = Snapshots(lambda s: made.append(s) or snapshot(s))
    first = copies.take(strategy)
    _check(first, strategy)
    edits: list[Edit] = [
        ChangeInitiative(keys[0], {"duration": 17, "title": "Renamed"}),
        AddInitiative(Initiative("NEW", "A new one", 4), index=1),
        AddDependency(Dependency(keys[0], "NEW", "SS", 2)),
        ChangeDependency(keys[0], "NEW", type="FF", lag=-1),
        ChangeInitiative("NEW", {"key": "NEWER"}),
        RemoveDependency(keys[0], "NEWER"),
        RemoveInitiative("NEWER"),
    ]
    previous = first
    for edit in edits:
        change = edit.apply(strategy)
        copies.changed(change)
        copy = copies.take(strategy)
        _check(copy, strategy)
        untouched = set(strategy.initiatives) - change.initiatives
        for key in untouched & set(previous.initiatives):
            assert copy.initiatives[key] is previous.initiatives[key]  # shared, not copied
        previous = copy
    assert len(made) == 1  # only the first copy was whole


def test_changes_between_copies_add_up_and_strategy_edits_copy_whole() -> None:
    strategy = touchpoint_strategy()
    keys = list(strategy.initiatives)
    made: list[Strategy] = []
    copies = Snapshots(lambda s: made.append(s) or snapshot(s))
    copies.take(strategy)
    for i, key in enumerate(keys):  # several edits, one copy (inline runs in between)
        copies.changed(ChangeInitiative(key, {"duration": 30 + i}).apply(strategy))
    _check(copies.take(strategy), strategy)
    copies.changed(ChangeStrategy({"name": "Another name"}).apply(strategy))
    _check(copies.take(strategy), strategy)
    copies.changed(None)  # not known what changed
    _check(copies.take(strategy), strategy)
    other = touchpoint_strategy()  # another strategy object: never patched from this one
    copies.changed(Change(initiatives={keys[0]}))
    _check(copies.take(other), other)
    assert len(made) == 4


def test_a_primed_copy_makes_the_first_copy_for_the_worker_incremental() -> None:
    strategy = touchpoint_strategy()
    made: list[Strategy] = []
    copies = Snapshots(lambda s: made.append(s) or snapshot(s))
    copies.prime(strategy)
    copies.prime(strategy)  # kept: not made again
    key = next(iter(strategy.initiatives))
    copies.changed(ChangeInitiative(key, {"duration": 9}).apply(strategy))
    _check(copies.take(strategy), strategy)
    assert len(made) == 1


def test_an_initiative_removed_and_added_again_at_the_end_is_copied_in_its_new_place() -> None:
    strategy = touchpoint_strategy()
    key = next(iter(strategy.initiatives))
    copies = Snapshots(snapshot)
    first = copies.take(strategy)
    removal = RemoveInitiative(key)
    changes = Change()
    changes.merge(removal.apply(strategy))
    changes.merge(AddInitiative(first.initiatives[key]).apply(strategy))  # at the end now
    copies.changed(changes)
    assert list(strategy.initiatives)[-1] == key
    _check(copies.take(strategy), strategy)


def test_copies_after_edits_of_initiatives_share_the_unchanged_links() -> None:
    strategy = touchpoint_strategy()
    copies = Snapshots(snapshot)
    first = copies.take(strategy)
    key = next(iter(strategy.initiatives))
    copies.changed(ChangeInitiative(key, {"duration": 21}).apply(strategy))
    copy = copies.take(strategy)
    _check(copy, strategy)
    assert copy.dependencies == first.dependencies and copy.dependencies is not first.dependencies
    assert all(a is b for a, b in zip(copy.dependencies, first.dependencies, strict=True))


def test_a_plan_for_the_worker_starts_before_the_write_and_a_failed_write_abandons_it(
    qtbot, tmp_path
) -> None:
    from cxroadmap.domain.edits import ChangeInitiative
    from cxroadmap.scheduling.planner import schedule
    from cxroadmap.ui.document import OpenDocument

    document = OpenDocument.create(tmp_path / "plan.cxroadmap", [touchpoint_strategy()])
    document.scheduler.force_background = True
    store = document.store
    assert store is not None
    write = store.write_changes
    seen: list[bool] = []

    def watched(items):  # type: ignore[no-untyped-def]
        seen.append(document.scheduler.pending)  # the plan has started before the write
        return write(items)

    store.write_changes = watched  # type: ignore[method-assign]
    key = next(iter(document.strategy.initiatives))
    changes: list[Change] = []
    document.changed.connect(changes.append)
    assert document.apply(ChangeInitiative(key, {"duration": 33}))
    qtbot.waitUntil(lambda: bool(changes))
    assert seen == [True] and changes[0].initiatives == {key}
    assert document.schedule == schedule(document.strategy)

    def failing(items):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    store.write_changes = failing  # type: ignore[method-assign]
    before = document.schedule
    assert not document.apply(ChangeInitiative(key, {"duration": 44}))
    assert not document.scheduler.pending and document.strategy.initiatives[key].duration == 33
    qtbot.wait(50)
    assert document.schedule is before and len(changes) == 1  # the abandoned plan is not shown
    store.write_changes = watched  # type: ignore[method-assign]
    assert document.apply(
        ChangeInitiative(next(reversed(document.strategy.initiatives)), {"duration": 2})
    )
    qtbot.waitUntil(lambda: len(changes) == 2)
    assert document.schedule == schedule(document.strategy)  # the worker's copy has 33, not 44
    document.close()


def test_a_failed_write_while_an_earlier_plan_is_out_still_brings_that_plan(
    qtbot, tmp_path
) -> None:
    import time

    from cxroadmap.domain.edits import ChangeInitiative
    from cxroadmap.scheduling.planner import schedule
    from cxroadmap.ui.document import OpenDocument
    from cxroadmap.ui.live_schedule import plan

    document = OpenDocument.create(tmp_path / "plan.cxroadmap", [touchpoint_strategy()])

    def slow(strategy):  # type: ignore[no-untyped-def]
        time.sleep(0.1)
        return plan(strategy)

    document.scheduler.planner = slow
    document.scheduler.force_background = True
    first, last = next(iter(document.strategy.initiatives)), list(document.strategy.initiatives)[-1]
    assert document.apply(ChangeInitiative(first, {"duration": 31}))
    assert document.scheduler.pending
    store = document.store
    assert store is not None

    def failing(items):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    store.write_changes = failing  # type: ignore[method-assign]
    assert not document.apply(ChangeInitiative(last, {"duration": 44}))
    qtbot.waitUntil(lambda: not document.scheduler.pending)
    assert document.strategy.initiatives[first].duration == 31
    assert document.schedule == schedule(document.strategy)  # the first edit's plan arrived
    document.close()

"""The timeline after an edit: only the bars that changed move; rows are sorted again only
when the order in a lane changes, and all is laid out again only when a lane changes."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from itertools import filterfalse
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.result import Schedule
from cxroadmap.ui.views.baseline_ghosts import ghost_geometry
from cxroadmap.ui.views.follow import moved_keys
from cxroadmap.ui.views.timeline_layout import date_window, lane_name, lane_order

# Past the bars' rows and ends: an arrow's elbow and head (8 px) and its pen (2 px).
_MARGIN = 12.0
Geometry = tuple[float, float, float, float, bool]  # x, width, tail, row y, milestone

if TYPE_CHECKING:
    from cxroadmap.ui.views.timeline_scene import TimelineScene


def follow_change(
    scene: TimelineScene, strategy: Strategy, schedule: Schedule | None, change: Change
) -> bool:
    """Bring `scene` up to date with `change` in place: the bars of the initiatives that
    moved (or were edited) are placed again, and those whose row changed move down or up;
    every other bar is left as it is.

    False, with nothing done, when that is not enough (an initiative changes lane, the date
    scale's left edge moves, the roster of initiatives or links changed): the caller then
    lays the whole scene out again.
    """
    old = scene.schedule
    if scene.strategy is not strategy or scene.only is not None or scene.bounds is not None:
        return False
    if change.measures or schedule is None or old is None or not scene.rows:
        return False  # measure flags widen the window; no schedule shows a notice
    moved = moved_keys(change, old, schedule)
    if moved is None or any(key not in scene.rows for key in moved):
        return False
    window = date_window(strategy, schedule, None, scene.today_line, None)
    if window[0] != scene.window[0] or not lanes_kept(scene, strategy, moved):
        return False
    scene.schedule, scene.window = schedule, window
    rows, shifted = scene.rows, set()
    by_start = lane_order(strategy, schedule)
    touched = [scene.lanes[index] for index in {scene.lane_of[key] for key in moved}]
    old_geom = {key: scene.geom[key] for key in moved}  # for the arrows to paint again
    reordered = [(lane, list(lane.keys)) for lane in touched]
    reordered = [(lane, was) for lane, was in reordered if not resorted(lane.keys, moved, by_start)]
    if reordered:
        # Same lanes of the same lengths, a new order in some: only the rows between the
        # first and the last key out of place in those lanes change (place_rows would give
        # every row again); a bar that only changed row keeps its x, width and slack.
        scene.rows = dict(rows)  # the old rows stay as they were, for the arrows
        for lane, was in reordered:
            for key in rerow(scene, was, lane.keys):
                if key not in moved:
                    old_geom[key] = scene.geom[key]
                    x, width, tail, _, milestone = scene.geom[key]
                    scene.geom[key] = (x, width, tail, scene.rows[key], milestone)
                    shifted.add(key)
    calendar = strategy.calendar()
    critical = False
    for key in moved:
        item = schedule.items[key]
        critical |= item.critical != old.items[key].critical
        scene.place(key, item, calendar)
    # The baseline's bars (another baseline chosen, or none; a milestone's ghost sits on the
    # live one while it has not moved): the bars whose ghost changed are placed again too.
    ghosts, scene.ghosts = (
        scene.ghosts,
        ghost_geometry(strategy, schedule, scene.scale.x_of, scene.geom),
    )
    if ghosts != scene.ghosts:
        shifted |= {k for k in scene.bars if ghosts.get(k) != scene.ghosts.get(k)}
    for key in moved | shifted:
        bar = scene.bars.get(key)
        if bar is not None and bar.generation == scene.generation:
            bar.generation = -1  # placed for this layout: place it again now
            scene.materialise(key)
    scene.content_right = max(scene.scale.x_of(window[1]), max(scene.ends.values()))
    # The arrows are one item drawn from the bars' geometry at paint time: only where an
    # arrow at a moved bar was or is now is painted again (all of the view was, per edit).
    area = arrows_area(scene, old_geom)
    if critical or scene.rows is not rows:
        # Only the arrows at a bar that moved or changed row can change colour or row.
        scene.follow_arrows(moved | shifted, rows, area)
    else:
        scene.arrows.redraw(area)
    scene.set_rect()
    return True


def arrows_area(scene: TimelineScene, was: dict[str, Geometry]) -> QRectF:
    """Where the arrows from or to the bars of `was` (their geometry before the edit) were or
    are now, in scene coordinates (empty: no arrow there). Each arrow stays within its two
    bars' rows and at most 8 px (elbows, head) past their ends; a margin covers the pen."""
    arrows, geoms, bar, row = scene.arrows, scene.geom, scene.metrics.bar, scene.metrics.row
    # The bounds kept as four numbers: a QRectF united per bar was most of the time at 20k.
    left = top = math.inf
    right = bottom = -math.inf
    for index in {i for key in was for i in arrows.at.get(key, ())}:
        a, b = arrows.deps[index][:2]
        for geom in (geoms[a], geoms[b], was.get(a), was.get(b)):
            if geom is not None:
                x, width, _, y, _ = geom
                left, right = min(left, x - bar), max(right, x + max(width, 2.0) + bar)
                top, bottom = min(top, y), max(bottom, y + row)
    if left > right:
        return QRectF()  # no arrow there
    area = QRectF(left, top, right - left, bottom - top)
    return area.adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)


def lanes_kept(scene: TimelineScene, strategy: Strategy, moved: set[str]) -> bool:
    """Whether every moved initiative stays in the swimlane it is shown in."""
    if scene.grouping == "strategy":
        return False  # the roll-up's lanes are other strategies
    for key in moved:
        name, _ = lane_name(strategy.initiatives.get(key), scene.grouping)
        if name != scene.lanes[scene.lane_of[key]].label:
            return False
    return True


def rerow(scene: TimelineScene, was: list[str], now: list[str]) -> list[str]:
    """Give the keys of a lane whose order went from `was` to `now` (the same keys) the rows
    `place_rows` would: the lane keeps its rows, each key takes the row of its new place.
    The keys whose row changed, from the first out of place to the last."""
    pairs = zip(was, now, strict=True)
    first = next(i for i, (a, b) in enumerate(pairs) if a != b)
    back = zip(reversed(was), reversed(now), strict=True)
    end = len(now) - next(i for i, (a, b) in enumerate(back) if a != b)
    start = bisect.bisect_left(scene.row_ys, scene.rows[was[first]])  # where `first` is shown
    while scene.row_keys[start] != was[first]:
        start += 1  # rows never share a y, but keep to exactly that key's place
    rows, keys, ys = scene.rows, scene.row_keys, scene.row_ys
    changed = []
    for offset, key in enumerate(now[first:end]):
        y = ys[start + offset]
        keys[start + offset] = key
        if rows[key] != y:
            rows[key] = y
            changed.append(key)
    return changed


def resorted(
    keys: list[str], moved: set[str], by_start: Callable[[str], tuple[int, int, int]]
) -> bool:
    """Sort a lane's keys again as `lanes_of` sorts them, given that only `moved` keys can
    be out of place (the others' start, finish and document order are as they were): each
    is taken out and put back where it now belongs. True when the order stayed the same."""
    kept = list(filterfalse(moved.__contains__, keys))  # at C speed: a lane of thousands
    if len(kept) == len(keys):
        return True
    for key in sorted(filter(moved.__contains__, keys), key=by_start):
        bisect.insort(kept, key, key=by_start)
    if kept == keys:
        return True
    keys[:] = kept
    return False

"""Arrows start and end on the bars' edges: the plain-number ends match the bars' rectangles."""

from __future__ import annotations

from cxroadmap.content.demo import demo_strategy
from cxroadmap.scheduling.planner import schedule
from cxroadmap.ui.views.timeline_arrows import arrow_points
from cxroadmap.ui.views.timeline_scene import TimelineScene


def test_every_bars_ends_are_its_rectangles_edges_exactly(qapp) -> None:
    strategy = demo_strategy()
    scene = TimelineScene()
    scene.set_data(strategy, schedule(strategy))
    assert any(milestone for *_, milestone in scene.geom.values())
    for key in scene.geom:
        rect = scene.bar_rect(key)
        assert scene.bar_ends(key) == (rect.left(), rect.right(), rect.center().y())


def test_an_arrow_runs_from_the_bar_it_leaves_to_the_bar_it_enters(qapp) -> None:
    strategy = demo_strategy()
    scene = TimelineScene()
    scene.set_data(strategy, schedule(strategy))
    for dep in strategy.dependencies:
        points, head = arrow_points(scene, dep.from_key, dep.to_key, dep.type)
        a, b = scene.bar_rect(dep.from_key), scene.bar_rect(dep.to_key)
        start = a.right() if dep.type in ("FS", "FF") else a.left()
        end = b.left() if dep.type in ("FS", "SS") else b.right()
        assert points[0] == (start, a.center().y())
        assert points[-1] == (end, b.center().y())
        assert (head.at(0).x(), head.at(0).y()) == points[-1]

"""The timeline skips its denser try only when that try could not fit on one page anyway.

layout_chart packs every lane a second time at the compact label size to see whether the
whole roadmap then fits on one page; for thousands of initiatives it never does, and
`fewest_rows` (bars that overlap never share a row) says so without packing.
"""

from __future__ import annotations

import pytest
from pdf_samples import large_strategy

from cxroadmap.common import style
from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.model import Strategy
from cxroadmap.export import chartlayout
from cxroadmap.export.chartlayout import ChartLayout, build_lanes, fewest_rows
from cxroadmap.export.dateaxis import build_axis
from cxroadmap.export.timeline import plan_timeline
from cxroadmap.scheduling.planner import schedule


def _shape(layout: ChartLayout) -> tuple[object, ...]:
    marks = [
        (m.key, m.row, m.label_side, m.label, m.label_x)
        for page in layout.pages
        for piece in page.slices
        for m in piece.marks
    ]
    return (layout.row_height, layout.label_size, layout.lane_gap, len(layout.pages), marks)


def _strategies() -> list[Strategy]:
    return [demo_strategy(), *(large_strategy(n, seed=n) for n in (40, 60, 150, 200, 300))]


@pytest.mark.parametrize("strategy", _strategies(), ids=lambda s: str(len(s.initiatives)))
def test_the_layout_is_what_the_denser_try_would_have_given(
    strategy: Strategy, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = schedule(strategy)
    quick = plan_timeline(strategy, plan, 770, 500, None).layout
    monkeypatch.setattr(chartlayout, "fewest_rows", lambda lanes: 1)  # always try it
    assert _shape(quick) == _shape(plan_timeline(strategy, plan, 770, 500, None).layout)


def test_both_ways_are_exercised() -> None:
    sizes = []
    for strategy in _strategies():
        layout = plan_timeline(strategy, schedule(strategy), 770, 500, None).layout
        sizes.append(layout.label_size)
    assert style.LABEL_SIZE_COMPACT in sizes  # a denser one-page layout was chosen
    assert sizes.count(style.LABEL_SIZE) >= 2  # and several stayed multi-page


@pytest.mark.parametrize("label_size", [style.LABEL_SIZE, style.LABEL_SIZE_COMPACT, 4.0, 0.0])
def test_no_packing_takes_fewer_rows_than_the_floor(label_size: float) -> None:
    for strategy in _strategies():
        plan = schedule(strategy)
        axis = build_axis(min(i.start for i in plan.items.values()), plan.finish, 770)
        lanes = build_lanes(strategy, plan, axis, 770, label_size)
        for lane in lanes:
            assert lane.rows >= fewest_rows([lane])
        assert sum(lane.rows for lane in lanes) >= fewest_rows(lanes) >= len(lanes)

"""Presentation steps: the overview and each phase, cut into sub-steps that fit the screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cxroadmap.domain.model import Strategy
from cxroadmap.domain.view_filter import EVERYTHING_SHOWN, Shows
from cxroadmap.scheduling.result import Schedule
from cxroadmap.ui.views.look import Metrics
from cxroadmap.ui.views.timeline_layout import flag_strip, lanes_of

# Sizes at 1280x720 (a projector), grown with the screen: bar and card titles at 18 pt.
BASE = Metrics(
    row=36.0,
    bar=22.0,
    lane_header=34.0,
    axis=52.0,
    label_pt=18.0,
    axis_pt=13.0,
    lane_pt=17.0,
    heading_pt=20.0,
    card_width=360.0,
    card_height=4 * 18.0 * 1.9 + 14,
    node_width=300.0,
    node_height=96.0,
)
MARGIN_X = 32.0
GAP, PAD = 14.0, 10.0  # the board's (board.py)


def present_scale(width: float, height: float) -> float:
    """1 at 1280x720; larger screens get proportionally larger type, never smaller."""
    return max(1.0, min(width / 1280.0, height / 720.0))


def present_metrics(width: float, height: float) -> Metrics:
    return BASE.scaled(present_scale(width, height))


@dataclass(frozen=True)
class Step:
    """One screenful: a phase (None: the whole roadmap), the initiatives shown, which part."""

    phase: str | None
    keys: tuple[str, ...]
    part: int = 1
    parts: int = 1


def _phase_keys(strategy: Strategy, schedule: Schedule, phase: str | None) -> list[str]:
    items = [i for i in schedule.items.values() if phase is None or i.phase == phase]
    return [i.key for i in items]


def timeline_chunks(
    strategy: Strategy,
    schedule: Schedule,
    keys: list[str],
    metrics: Metrics,
    room: float,
    shows: Shows = EVERYTHING_SHOWN,
) -> list[list[str]]:
    """`keys` in lane order, cut so each chunk's lane headers and rows fit in `room` (under
    the axis and the strip of measure flags)."""
    lanes = lanes_of(strategy, schedule, "pillar", keys)
    lane_of = {key: lane for lane in lanes for key in lane.keys}
    usable = room - metrics.axis - 8 - flag_strip(metrics.label_pt, strategy, shows)
    chunks: list[list[str]] = [[]]
    used = 0.0
    for lane in lanes:
        header = metrics.lane_header if lane.label else 0.0
        for key in lane.keys:
            # A lane that starts (or continues) in this chunk costs its header once.
            new_lane = not chunks[-1] or lane_of[chunks[-1][-1]] is not lane
            need = metrics.row + (header if new_lane else 0.0)
            if chunks[-1] and used + need > usable:
                chunks.append([])
                used = 0.0
                need = metrics.row + header
            chunks[-1].append(key)
            used += need
    return chunks if chunks[0] else [[]]


def board_chunks(
    keys_by_phase: dict[str, list[str]], metrics: Metrics, width: float, room: float
) -> list[list[str]]:
    """Cards cut so each chunk fits: a grid for one phase, side-by-side columns for several."""
    header = metrics.lane_header * 2.2
    lines = max(1, int((room - 2 * GAP - header - PAD) // (metrics.card_height + PAD)))
    if len(keys_by_phase) == 1:
        (keys,) = keys_by_phase.values()
        per_row = max(1, int((width - 2 * GAP - PAD) // (metrics.card_width + PAD)))
        size = lines * per_row
        return [keys[i : i + size] for i in range(0, len(keys), size)] or [[]]
    tallest = max((len(v) for v in keys_by_phase.values()), default=0)
    parts = max(1, -(-tallest // lines))
    return [
        [k for keys in keys_by_phase.values() for k in keys[n * lines : (n + 1) * lines]]
        for n in range(parts)
    ]


def plan_steps(
    strategy: Strategy,
    schedule: Schedule | None,
    mode: str,
    width: float,
    height: float,
    room: float,
    only: set[str] | None = None,
    shows: Shows = EVERYTHING_SHOWN,
) -> list[Step]:
    """Every step of the presentation for a screen `width` x `height` pixels whose view (under
    the heading) is `room` pixels tall; `only`: a saved view's initiatives (None: all)."""
    phases: list[str | None] = [None, *strategy.phase_names()]
    if schedule is None:
        return [Step(phase, ()) for phase in phases]
    metrics = present_metrics(width, height)
    steps: list[Step] = []
    for phase in phases:
        keys = [k for k in _phase_keys(strategy, schedule, phase) if only is None or k in only]
        if mode == "board":
            order = sorted(
                keys, key=lambda k: (schedule.items[k].start_day, schedule.items[k].finish_day)
            )
            names = strategy.phase_names() if phase is None else [phase]
            by_phase = {n: [k for k in order if schedule.items[k].phase == n] for n in names}
            chunks = board_chunks(by_phase, metrics, width - 2 * MARGIN_X, room)
        else:
            chunks = timeline_chunks(strategy, schedule, keys, metrics, room, shows)
        for number, chunk in enumerate(chunks, start=1):
            steps.append(Step(phase, tuple(chunk), number, len(chunks)))
    return steps


def phase_window(strategy: Strategy, schedule: Schedule, phase: str) -> tuple[dt.date, dt.date]:
    """Dates a phase's step shows: the phase, stretched to its initiatives, a week either side."""
    from cxroadmap.ui.views.timeline_layout import finish_of

    spans = {name: (first, end) for name, first, end in strategy.phase_bounds()}
    first, end = spans[phase]
    items = [i for i in schedule.items.values() if i.phase == phase]
    last = max([finish_of(i) for i in items] + ([end] if end else [first]))
    return first - dt.timedelta(days=7), last + dt.timedelta(days=7)

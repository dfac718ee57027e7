"""Timeline layout: pillar swimlanes, bars packed into rows without label overlaps, and pages."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from cxroadmap.common import style
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import pillar_colour, pillar_label, pillar_order
from cxroadmap.export.dateaxis import Axis
from cxroadmap.export.firstfit import RowEnds
from cxroadmap.export.fonts import clean, fit_text, text_width, wrap_text
from cxroadmap.scheduling.result import Schedule

LABEL_GAP = 3.0  # between a bar and a label beside it
PACK_GAP = 5.0  # between two things sharing a row
MAX_LABEL = 230.0  # longest label beside a bar, in points
LANE_LABEL_LINES = 3
ARROW_ROOM = 4.0


@dataclass
class Mark:
    """One initiative on the chart; x in points from the chart's left edge, row within its lane."""

    key: str
    title: str
    colour: str
    x0: float
    x1: float
    milestone: bool
    critical: bool
    status: str
    label: str = ""
    label_side: str = "none"  # inside, right, left or none
    label_x: float = 0.0
    label_width: float = 0.0
    row: int = 0

    @property
    def extent(self) -> tuple[float, float]:
        """Horizontal room the mark and its label take in a row."""
        # Room for a milestone's diamond and for an arrowhead arriving at the start.
        flank = 5.0 if self.milestone else 0.0
        lo, hi = self.x0 - flank - ARROW_ROOM, self.x1 + flank
        if self.label_side == "right":
            hi = self.label_x + self.label_width
        elif self.label_side == "left":
            lo = self.label_x
        return lo, hi


@dataclass
class Lane:
    label: str
    colour: str
    marks: list[Mark] = field(default_factory=list)
    rows: int = 0


@dataclass
class LaneSlice:
    """The part of a lane shown on one page: rows [first_row, first_row + rows)."""

    lane: Lane
    first_row: int
    rows: int
    height: float
    continued: bool
    marks: list[Mark]


@dataclass
class ChartPage:
    slices: list[LaneSlice]
    # (from key, to key, type, critical) for dependencies with both ends on this page.
    links: list[tuple[str, str, str, bool]] = field(default_factory=list)


@dataclass
class ChartLayout:
    axis: Axis
    width: float  # chart width in points
    row_height: float
    bar_height: float
    label_size: float
    lane_gap: float
    pages: list[ChartPage]
    lanes: list[Lane]
    marks: int
    milestones: int


def lane_label_height(label: str, width: float, continued: bool) -> float:
    text = label + (" (continued)" if continued else "")
    lines = wrap_text(text, width, style.LANE_LABEL_SIZE, bold=True, max_lines=LANE_LABEL_LINES)
    return len(lines) * style.LANE_LABEL_SIZE * 1.25 + 4


Placement = tuple[str, str, float, float]  # side, label, label x, label width


def _placements(mark: Mark, width: float, size: float) -> list[Placement]:
    """Where the title may go, best first: inside, then beside (right before left), then cut."""
    if size < 3.5 or not mark.title:
        return [("none", "", 0.0, 0.0)]
    pad = 3.0
    full = text_width(mark.title[:300], size)
    inner = mark.x1 - mark.x0 - 2 * pad
    if not mark.milestone and full <= inner:
        return [("inside", mark.title, mark.x0 + pad, full)]
    flank = size * 0.7 if mark.milestone else 0.0
    reach = mark.x1 + flank + LABEL_GAP
    left_edge = mark.x0 - flank - LABEL_GAP
    right_room = min(width - reach, MAX_LABEL)
    left_room = min(left_edge, MAX_LABEL)
    out: list[Placement] = []
    if full <= right_room:
        out.append(("right", mark.title, reach, full))
    if full <= left_room:
        out.append(("left", mark.title, left_edge - full, full))
    if not out:
        # Neither side has room for the whole title: cut it on the roomier side (or inside).
        if max(right_room, left_room) >= 30:
            if right_room >= left_room:
                label = fit_text(mark.title, right_room, size)
                out.append(("right", label, reach, text_width(label, size)))
            else:
                label = fit_text(mark.title, left_room, size)
                lw = text_width(label, size)
                out.append(("left", label, left_edge - lw, lw))
        elif not mark.milestone and inner >= 12:
            label = fit_text(mark.title, inner, size)
            out.append(("inside", label, mark.x0 + pad, text_width(label, size)))
        else:
            out.append(("none", "", 0.0, 0.0))
    return out


def _apply(mark: Mark, placement: Placement) -> None:
    mark.label_side, mark.label, mark.label_x, mark.label_width = placement


def _pack(lane: Lane, width: float, size: float) -> None:
    """First-fit rows: each mark goes in the highest row where it and its label are clear.

    The title goes right of its bar if any row has room for that, else left of it, else the
    mark opens a new row with its title on the right.
    """
    ends = RowEnds()
    for mark in sorted(lane.marks, key=lambda m: m.x0):
        options = _placements(mark, width, size)
        row = -1
        for placement in options:
            _apply(mark, placement)
            row = ends.first_free(mark.extent[0], PACK_GAP)
            if row >= 0:
                break
        if row < 0:
            _apply(mark, options[0])
            row = ends.add()
        ends.set(row, max(ends.end(row), mark.extent[1]))
        mark.row = row
    lane.rows = max(ends.count, 1)


def build_lanes(
    strategy: Strategy, schedule: Schedule, axis: Axis, width: float, label_size: float
) -> list[Lane]:
    lanes: dict[str, Lane] = {}
    order: dict[str, tuple[int, str]] = {}
    one_day = dt.timedelta(days=1)
    scale = width / axis.days
    labels: dict[str, str] = {}  # a few pillars, thousands of initiatives
    for key, item in schedule.items.items():
        initiative = strategy.initiatives.get(key)
        pillar = initiative.pillar if initiative is not None else ""
        label = labels.get(pillar)
        if label is None:
            label = labels[pillar] = clean(pillar_label(pillar))
        lane = lanes.get(label.lower())
        if lane is None:
            lane = lanes[label.lower()] = Lane(label, pillar_colour(pillar))
            order[label.lower()] = (pillar_order(pillar), label.lower())
        if item.is_milestone:
            x0 = x1 = (item.moment - axis.start).days * scale
        else:
            x0 = (item.start - axis.start).days * scale
            x1 = max((item.finish + one_day - axis.start).days * scale, x0 + 2.0)
        status = initiative.status if initiative is not None else "planned"
        title = clean(item.title if initiative is None else initiative.title)
        mark = Mark(key, title, lane.colour, x0, x1, item.is_milestone, item.critical, status)
        lane.marks.append(mark)
    ordered = [lanes[name] for name in sorted(lanes, key=order.__getitem__)]
    for lane in ordered:
        _pack(lane, width, label_size)
    return ordered


def _paginate(
    lanes: list[Lane], capacity: float, row_h: float, gap: float, label_width: float
) -> list[ChartPage]:
    pages: list[ChartPage] = [ChartPage([])]
    remaining = capacity
    for lane in lanes:
        start = 0
        while start < lane.rows:
            page = pages[-1]
            used_gap = gap if page.slices else 0.0
            left = lane.rows - start
            label_h = lane_label_height(lane.label, label_width, start > 0)
            need = max(left * row_h, label_h)
            if need + used_gap <= remaining + 1e-6:
                page.slices.append(_slice(lane, start, left, need, start > 0))
                remaining -= need + used_gap
                break
            fit = int((remaining - used_gap) / row_h + 1e-6)
            if fit * row_h < label_h:
                fit = 0
            # A lane is only split if a few rows stay together; an empty page takes what fits.
            if fit >= min(left, 3) or (not page.slices and fit >= 1):
                page.slices.append(_slice(lane, start, fit, fit * row_h, start > 0))
                start += fit
            elif not page.slices:
                # Not even the lane label fits on an empty page: take one row regardless.
                page.slices.append(_slice(lane, start, 1, row_h, start > 0))
                start += 1
            pages.append(ChartPage([]))
            remaining = capacity
    if len(pages) > 1 and not pages[-1].slices:
        pages.pop()
    return pages


def _slice(lane: Lane, start: int, rows: int, height: float, continued: bool) -> LaneSlice:
    marks = [m for m in lane.marks if start <= m.row < start + rows]
    return LaneSlice(lane, start, rows, height, continued, marks)


def _link_pages(pages: list[ChartPage], strategy: Strategy, schedule: Schedule) -> None:
    page_of: dict[str, int] = {}
    for index, page in enumerate(pages):
        for piece in page.slices:
            for mark in piece.marks:
                page_of[mark.key] = index
    for dep in strategy.dependencies:
        a, b = page_of.get(dep.from_key), page_of.get(dep.to_key)
        if a is None or a != b:
            continue
        first, second = schedule.items[dep.from_key], schedule.items[dep.to_key]
        critical = first.critical and second.critical
        pages[a].links.append((dep.from_key, dep.to_key, dep.type, critical))


def layout_chart(
    strategy: Strategy,
    schedule: Schedule,
    axis: Axis,
    width: float,
    capacity: float,
    label_width: float,
    fit: bool = False,
) -> ChartLayout:
    """Lay the schedule out in lanes; `capacity` is the height (points) for rows on one page."""
    row_h, bar_h, size, gap = style.ROW_HEIGHT, style.BAR_HEIGHT, style.LABEL_SIZE, style.LANE_GAP
    lanes = build_lanes(strategy, schedule, axis, width, size)
    pages = _paginate(lanes, capacity, row_h, gap, label_width)
    # The denser try below packs every lane again: skipped when the bars alone need more
    # rows than one page holds even at the smallest row height it tries.
    if len(pages) > 1 and math.floor(2 * capacity / fewest_rows(lanes)) / 2 >= (
        style.ROW_HEIGHT_COMPACT
    ):
        # Denser rows, still easy to read, when that keeps the whole roadmap on one page.
        dense = build_lanes(strategy, schedule, axis, width, style.LABEL_SIZE_COMPACT)
        rows = sum(lane.rows for lane in dense)
        candidate = min(style.ROW_HEIGHT - 0.5, math.floor(2 * capacity / rows) / 2)
        while candidate >= style.ROW_HEIGHT_COMPACT:
            dense_pages = _paginate(dense, capacity, candidate, style.LANE_GAP_COMPACT, label_width)
            if len(dense_pages) == 1:
                lanes, pages, size = dense, dense_pages, style.LABEL_SIZE_COMPACT
                row_h, gap = candidate, style.LANE_GAP_COMPACT
                bar_h = row_h * style.BAR_HEIGHT / style.ROW_HEIGHT
                break
            candidate -= 0.5
    if fit and len(pages) > 1:
        # One page requested: rows get thinner (and labels smaller, then none) until all fit.
        for _ in range(3):
            row_h, gap, lane_min = _squeezed(lanes, capacity)
            wanted = min(style.LABEL_SIZE, row_h * 0.55)
            wanted = wanted if wanted >= 3.5 else 0.0
            if wanted >= size - 0.01:
                break
            size = wanted
            lanes = build_lanes(strategy, schedule, axis, width, size)
        row_h, gap, lane_min = _squeezed(lanes, capacity)
        bar_h = row_h * style.BAR_HEIGHT / style.ROW_HEIGHT
        slices = [
            LaneSlice(lane, 0, lane.rows, max(lane.rows * row_h, lane_min), False, lane.marks)
            for lane in lanes
        ]
        pages = [ChartPage(slices)]
    _link_pages(pages, strategy, schedule)
    marks = sum(len(lane.marks) for lane in lanes)
    milestones = sum(1 for lane in lanes for m in lane.marks if m.milestone)
    return ChartLayout(
        axis, width, row_h, bar_h, size, gap, pages, lanes, marks, milestones=milestones
    )


def fewest_rows(lanes: list[Lane]) -> int:
    """Rows the lanes take at the least, whatever the label size: bars that overlap in time
    never share a row (`_pack` puts a mark only where the row's last mark has ended)."""
    total = 0
    for lane in lanes:
        # At the same x a bar's end comes before another's start: touching bars may share.
        events = sorted(
            [(m.x0, 1) for m in lane.marks if m.x1 > m.x0]
            + [(m.x1, -1) for m in lane.marks if m.x1 > m.x0]
        )
        now = most = 0
        for _, step in events:
            now += step
            most = max(most, now)
        total += max(1, most)
    return total


def _squeezed(lanes: list[Lane], capacity: float) -> tuple[float, float, float]:
    """Row height, lane gap and smallest lane height that put every lane on one page."""
    count = len(lanes)
    gap = min(style.LANE_GAP, capacity / (4 * count))
    lane_min = min(2 * style.LANE_LABEL_SIZE, capacity / (2 * count))
    room = capacity - gap * (count - 1)

    def height(row_h: float) -> float:
        return sum(max(lane.rows * row_h, lane_min) for lane in lanes)

    # The total height grows with the row height: bisect for the largest that fits.
    low, high = 0.0, style.ROW_HEIGHT
    if height(high) <= room:
        return high, gap, lane_min
    for _ in range(40):
        mid = (low + high) / 2
        low, high = (mid, high) if height(mid) <= room else (low, mid)
    return max(low, 0.05), gap, lane_min


def pillars_present(strategy: Strategy, schedule: Schedule) -> list[tuple[str, str]]:
    """(label, colour) of each lane the chart will have, in lane order."""
    found: dict[str, tuple[tuple[int, str], str, str]] = {}
    seen: set[str] = set()
    for key in schedule.items:
        initiative = strategy.initiatives.get(key)
        pillar = initiative.pillar if initiative is not None else ""
        if pillar in seen:
            continue  # its lane is known already
        seen.add(pillar)
        label = clean(pillar_label(pillar))
        if label.lower() not in found:
            found[label.lower()] = (
                (pillar_order(pillar), label.lower()),
                label,
                pillar_colour(pillar),
            )
    return [(label, colour) for _, label, colour in sorted(found.values())]

"""Capacity levelling: at most K initiatives with work in progress, placed one by one."""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from itertools import repeat
from operator import add

from cxroadmap.scheduling.graph import DependencyGraph, in_degrees


def level(
    graph: DependencyGraph,
    early: list[int],
    latest: list[int],
    capacity: int,
    fixed: Mapping[int, int] | None = None,
) -> list[int]:
    """Levelled starts: never before `early`, every link kept, at most `capacity` at once.

    A serial schedule-generation scheme: initiatives are taken one at a time, the one
    with the least latest start (from the unlevelled backward pass, then document order)
    among those whose predecessors are all placed, and each goes to the earliest day,
    on or after the day its placed predecessors allow, where capacity is free for its
    whole duration. Placing may fill an earlier gap, so a successor that a lead or an
    FF/SF link lets start before its predecessor still can; with enough capacity the
    result is exactly the early-start schedule. Milestones take no capacity.

    `fixed` (index -> start day: complete and started initiatives, tracking.md) occupy
    their days first, even beyond capacity; the others are then placed around them.
    """
    n = len(graph.keys)
    durations = graph.durations
    succs = graph.succs
    start = [0] * n
    release = list(early)
    waiting = in_degrees(graph.links, n)
    # One int per ready initiative, latest * n + i, orders as (latest start, index) does
    # (0 <= i < n, latest may be negative) and compares faster than a tuple.
    ready = [latest[i] * n + i for i in range(n) if not waiting[i]]
    heapq.heapify(ready)
    pop, push = heapq.heappop, heapq.heappush
    load = _Load(capacity)
    fixed = fixed or {}
    for i, day in fixed.items():
        if durations[i] > 0:
            load.book(day, day + durations[i])
    place = load.place
    while ready:
        i = pop(ready) % n
        day = release[i]
        duration = durations[i]
        if duration > 0 and i not in fixed:
            day = place(day, duration)
        start[i] = day
        for _, s, offset, _ in succs[i]:
            bound = day + offset
            if bound > release[s]:
                release[s] = bound
            waiting[s] -= 1
            if not waiting[s]:
                push(ready, latest[s] * n + s)
    return start


class _Load:
    """How many initiatives are in progress on each working day, and which days are full.

    `used[d]` counts the initiatives booked on day d (days past the end have none) and
    `full[d]` is 1 once that count has reached the capacity (bookings only add load, so
    a full day stays full). Finding room for d days is a substring search of `full` for
    d zero bytes, done in C, and booking adds one to a slice of days: the cost follows
    the days booked, never a walk over other bookings. Up to a capacity of 254 the counts
    are bytes too, stopping at the capacity (more makes no difference), so booking is
    two `bytes.translate` calls; above it they are a list of ints.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.used: bytearray | list[int] = bytearray() if capacity < 255 else []
        self.full = bytearray()
        top = min(capacity, 255)
        # Byte tables: one more, stopping at the capacity; and 1 for a full day, else 0.
        self._more = bytes(min(b + 1, top) for b in range(256))
        self._is_full = bytes(int(b >= top) for b in range(256))
        self._free: dict[int, bytes] = {}  # per duration, that many free days
        # Every day before this one is full: searches start here at the earliest (a long
        # plan at a low capacity fills up from the start, and a search would cross it all).
        self._open = 0

    def place(self, earliest: int, duration: int) -> int:
        """Book the earliest days [t, t + duration) with t >= earliest and room on each."""
        full = self.full
        free = self._free.get(duration)
        if free is None:
            free = self._free[duration] = bytes(duration)
        # The first run of `duration` days none of which is full, found by a C search;
        # past the end of the list every day is free, so failing that, the run starts
        # right after the last full day.
        t = full.find(free, max(earliest, self._open))
        if t < 0:
            t = max(earliest, full.rfind(1) + 1)
        end = t + duration
        used = self.used
        if end > len(full) or not isinstance(used, bytearray):
            self.book(t, end)
            return t
        # `book` inlined for the usual case (byte counts, no growth): one Python call less
        # per placement, a tenth of levelling.
        window = used[t:end].translate(self._more)
        used[t:end] = window
        full[t:end] = window.translate(self._is_full)
        if full[self._open]:  # self._open <= t < len(full)
            found = full.find(0, self._open)
            self._open = found if found >= 0 else len(full)
        return t

    def book(self, begin: int, end: int) -> None:
        """Add one to the load on days [begin, end), whether they have room or not."""
        used, full = self.used, self.full
        if end > len(full):
            grow = max(end - len(full), len(full))  # doubling: growing stays linear overall
            full.extend(bytes(grow))
            if isinstance(used, bytearray):
                used.extend(bytes(grow))
            else:
                used.extend([0] * grow)
        if isinstance(used, bytearray):
            window = used[begin:end].translate(self._more)
            used[begin:end] = window
            full[begin:end] = window.translate(self._is_full)
        else:
            counts = list(map(add, used[begin:end], repeat(1)))
            used[begin:end] = counts
            capacity = self.capacity
            if capacity in counts:  # some days have just become full
                full[begin:end] = bytes(map(capacity.__le__, counts))
        if self._open < len(full) and full[self._open]:
            found = full.find(0, self._open)
            self._open = found if found >= 0 else len(full)

"""Capacity levelling: at most K initiatives with work in progress, placed one by one."""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Mapping

from cxroadmap.scheduling.graph import DependencyGraph


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
    waiting = [len(links) for links in graph.preds]
    ready = [(latest[i], i) for i in range(n) if waiting[i] == 0]
    heapq.heapify(ready)
    profile = _Profile(capacity)
    fixed = fixed or {}
    for i, day in fixed.items():
        if durations[i] > 0:
            profile.occupy(day, day + durations[i])
    while ready:
        _, i = heapq.heappop(ready)
        day = release[i]
        if durations[i] > 0 and i not in fixed:
            day = profile.place(day, durations[i])
        start[i] = day
        for _, s, offset, _ in succs[i]:
            bound = day + offset
            if bound > release[s]:
                release[s] = bound
            waiting[s] -= 1
            if waiting[s] == 0:
                heapq.heappush(ready, (latest[s], s))
    return start


class _Profile:
    """How many initiatives are in progress, as a step function over working days.

    `times[k]` begins a stretch, running to `times[k + 1]` (the last one forever), in which
    `used[k]` initiatives are in progress. Neighbouring stretches never hold the same count,
    so a long run of full days is one stretch: the cost follows the number of changes in
    the load, never the number of days.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.times: list[int] = [0]
        self.used: list[int] = [0]
        # Bookings only ever add load, so a start found too full for a duration stays so.
        # Per duration, the last searched span [a, b) in which no start fits lets the next
        # search jump over it instead of walking the same crowded stretches again.
        self._no_room: dict[int, tuple[int, int]] = {}

    def place(self, earliest: int, duration: int) -> int:
        """Book the earliest stretch [t, t + duration) with t >= earliest and room throughout."""
        times, used, capacity = self.times, self.used, self.capacity
        search_from = earliest
        known = self._no_room.get(duration)
        if known is not None and known[0] <= earliest < known[1]:
            earliest = known[1]
        k = bisect.bisect_right(times, earliest) - 1
        t = earliest
        j = k
        last = len(times) - 1
        end = t + duration
        while True:
            if used[j] >= capacity:
                j += 1  # the final stretch is always empty, so this stays in range
                t = times[j]
                end = t + duration
                k = j
            elif j == last or times[j + 1] >= end:
                break
            else:
                j += 1
        if known is not None and known[0] <= search_from <= known[1]:
            search_from = known[0]
        self._no_room[duration] = (search_from, t)
        self._book(k, t, end)
        return t

    def occupy(self, begin: int, end: int) -> None:
        """Add one to the load on [begin, end) wherever it falls, full or not."""
        self._book(bisect.bisect_right(self.times, begin) - 1, begin, end)

    def _book(self, k: int, begin: int, end: int) -> None:
        """Add one to the load on [begin, end); stretch k holds `begin`."""
        times, used = self.times, self.used
        if times[k] < begin:
            k += 1
            times.insert(k, begin)
            used.insert(k, used[k - 1])
        j = bisect.bisect_left(times, end, k)
        if j == len(times) or times[j] > end:
            times.insert(j, end)
            used.insert(j, used[j - 1])
        used[k:j] = [u + 1 for u in used[k:j]]
        # Only the two outer boundaries can now join equal neighbours (inner ones all rose).
        if used[j] == used[j - 1]:
            del times[j]
            del used[j]
        if k > 0 and used[k] == used[k - 1]:
            del times[k]
            del used[k]

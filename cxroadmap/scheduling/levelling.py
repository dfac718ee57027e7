"""Capacity levelling: at most K initiatives with work in progress, event by event."""

from __future__ import annotations

import heapq

from cxroadmap.scheduling.graph import DependencyGraph


def level(graph: DependencyGraph, early: list[int], latest: list[int], capacity: int) -> list[int]:
    """Levelled starts: never before `early`, every link kept, at most `capacity` at once.

    A parallel schedule-generation scheme: time jumps from event to event (a
    release or a finish), never day by day, so the cost is O((n + links) log n)
    however long the project runs. Among initiatives free to start, the least
    latest start (from the unlevelled backward pass) goes first, then document
    order. Milestones take no capacity and start as soon as they are released.
    """
    n = len(graph.keys)
    durations = graph.durations
    succs = graph.succs
    start = [-1] * n
    release = list(early)
    waiting = [len(links) for links in graph.preds]
    pending: list[tuple[int, int, int]] = []  # (release, latest start, index): not yet released
    ready: list[tuple[int, int]] = []  # (latest start, index): released, waiting for capacity
    running: list[int] = []  # finish days of initiatives in progress
    for i in range(n):
        if waiting[i] == 0:
            pending.append((release[i], latest[i], i))
    heapq.heapify(pending)
    done = 0
    now = 0

    def begin(i: int) -> None:
        start[i] = now
        if durations[i] > 0:
            heapq.heappush(running, now + durations[i])
        for link in succs[i]:
            s = link.succ
            bound = now + link.offset
            if bound > release[s]:
                release[s] = bound
            waiting[s] -= 1
            if waiting[s] == 0:
                heapq.heappush(pending, (release[s], latest[s], s))

    while True:
        while running and running[0] <= now:
            heapq.heappop(running)
        # Starting one initiative can release another at the same moment (SS, negative lags).
        while True:
            while pending and pending[0][0] <= now:
                _, rank, i = heapq.heappop(pending)
                if durations[i] == 0:
                    begin(i)
                    done += 1
                else:
                    heapq.heappush(ready, (rank, i))
            while ready and len(running) < capacity:
                begin(heapq.heappop(ready)[1])
                done += 1
            if not (pending and pending[0][0] <= now):
                break
        if done == n:
            return start
        # While anything is ready capacity is full, so the next event is a finish or a release.
        if running and (not pending or running[0] < pending[0][0]):
            now = running[0]
        else:
            now = pending[0][0]

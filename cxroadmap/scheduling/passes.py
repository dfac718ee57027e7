"""Forward (early start) and backward (latest start) passes over the dependency graph."""

from __future__ import annotations

from cxroadmap.scheduling.graph import DependencyGraph, Link

# Per initiative: the first of its links (in document order) that holds it exactly at its
# start, or None when none does (its own lower bound holds it, or capacity levelling).
Binding = list[Link | None]


def forward_pass(graph: DependencyGraph, lower: list[int]) -> tuple[list[int], Binding]:
    """Early start of every initiative (the least start meeting `lower` and every link),
    and the link that holds each there."""
    return _held(graph, lower, None)


def backward_pass(graph: DependencyGraph, finish: int) -> list[int]:
    """Latest start of every initiative: precedence only, every finish at most `finish`."""
    latest = [finish - d for d in graph.durations]
    succs = graph.succs
    for p in reversed(graph.order):
        links = succs[p]
        if links:
            best = latest[p]
            for _, s, offset, _ in links:
                bound = latest[s] - offset
                if bound < best:
                    best = bound
            latest[p] = best
    return latest


def release_times(
    graph: DependencyGraph, lower: list[int], start: list[int]
) -> tuple[list[int], Binding]:
    """For a complete schedule, the earliest each initiative could start given the others,
    and the link that holds it at its scheduled start (None when capacity delays it).

    Differs from `forward_pass` in reading the predecessors' scheduled (possibly
    levelled) starts rather than their early starts.
    """
    return _held(graph, lower, start)


def _held(
    graph: DependencyGraph, lower: list[int], start: list[int] | None
) -> tuple[list[int], Binding]:
    """The least start of each meeting `lower` and its links from the predecessors' `start`
    (their own results, in topological order, when None), and the first link holding it."""
    release = list(lower)
    held: Binding = [None] * len(release)
    preds = graph.preds
    begin = release if start is None else start
    for s in graph.order:
        links = preds[s]
        if links:
            # From one below the lower bound, so that the first link reaching the most,
            # even when that is only the lower bound, is the one kept.
            best = release[s] - 1
            link = None
            for candidate in links:
                bound = begin[candidate[0]] + candidate[2]
                if bound > best:
                    best, link = bound, candidate
            if best >= release[s]:
                release[s] = best
                if start is None or best == start[s]:
                    held[s] = link
    return release, held

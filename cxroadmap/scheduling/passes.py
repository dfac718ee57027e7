"""Forward (early start) and backward (latest start) passes over the dependency graph."""

from __future__ import annotations

from cxroadmap.scheduling.graph import DependencyGraph


def forward_pass(graph: DependencyGraph, lower: list[int]) -> list[int]:
    """Early start of every initiative: the least start meeting `lower` and every link."""
    start = list(lower)
    preds = graph.preds
    for s in graph.order:
        links = preds[s]
        if links:
            best = start[s]
            for p, _, offset, _ in links:
                bound = start[p] + offset
                if bound > best:
                    best = bound
            start[s] = best
    return start


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


def release_times(graph: DependencyGraph, lower: list[int], start: list[int]) -> list[int]:
    """For a complete schedule, the earliest each initiative could start given the others.

    Differs from `forward_pass` in reading the predecessors' scheduled (possibly
    levelled) starts rather than their early starts.
    """
    release = list(lower)
    for s, links in enumerate(graph.preds):
        if links:
            best = release[s]
            for p, _, offset, _ in links:
                bound = start[p] + offset
                if bound > best:
                    best = bound
            release[s] = best
    return release

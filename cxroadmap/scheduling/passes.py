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
    # Backwards, `into` reaches each link after every link out of its successor, so
    # latest[s] is final.
    for p, s, offset, _ in reversed(graph.into):
        bound = latest[s] - offset
        if bound < latest[p]:
            latest[p] = bound
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
    begin = release if start is None else start
    # `into` reaches each link after every link into its predecessor (so begin[p] is
    # final), each successor's links in dependency order: the first link reaching the
    # most, even when that is only the lower bound, is the one kept.
    for link in graph.into:
        p, s, offset, _ = link
        bound = begin[p] + offset
        if bound > release[s]:
            release[s] = bound
            held[s] = link
        elif bound == release[s] and held[s] is None:
            held[s] = link
    if start is not None:
        # Held at its scheduled start only; levelling may have moved it later.
        held = [
            link if link is None or r == s else None
            for link, r, s in zip(held, release, start, strict=True)
        ]
    return release, held

"""The dependency graph's layout: generations in columns, long chains wrapped into bands."""

from __future__ import annotations

from cxroadmap.domain.model import Strategy

BAND_GAP = 40.0  # between two bands of a wrapped chain
READABLE = 0.7  # smallest zoom Fit uses: node titles stay readable; the rest scrolls


def band_tops(columns: list[list[str]], per_band: int, row: float) -> list[float]:
    """Top of each band of `per_band` generations, plus the bottom of the last one."""
    tops = [0.0]
    for start in range(0, len(columns), per_band):
        tallest = max((len(c) for c in columns[start : start + per_band]), default=0)
        tops.append(tops[-1] + tallest * row + (BAND_GAP if start + per_band < len(columns) else 0))
    return tops


def layers(strategy: Strategy) -> list[list[str]]:
    """Keys by topological generation, each ordered to keep edges short (barycentre of the
    predecessors' positions, then document order)."""
    import networkx as nx  # slow to import: only when a graph is first drawn

    graph = nx.DiGraph()
    graph.add_nodes_from(strategy.initiatives)
    graph.add_edges_from(d.pair for d in strategy.dependencies)
    order = {key: i for i, key in enumerate(strategy.initiatives)}
    position: dict[str, float] = {}
    result = []
    for generation in nx.topological_generations(graph):

        def rank(key: str) -> tuple[float, int]:
            preds = [position[p] for p in graph.predecessors(key)]
            return (sum(preds) / len(preds) if preds else float(order[key]), order[key])

        ordered = sorted(generation, key=rank)
        for i, key in enumerate(ordered):
            position[key] = float(i)
        result.append(ordered)
    return result

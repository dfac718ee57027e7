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


def best_bands(
    columns: list[list[str]], cell: tuple[float, float], room: tuple[float, float], margin: float
) -> tuple[int, float]:
    """Generations per band, and the zoom, that show the whole graph largest in `room` (width,
    height): the wrapping whose shape is closest to the room's. `cell` is one generation's
    width and one node's height, gaps included; the zoom is never above 1."""
    best, best_factor = max(1, len(columns)), -1.0
    for per_band in range(max(1, len(columns)), 0, -1):
        tops = band_tops(columns, per_band, cell[1])
        width = 2 * margin + min(per_band, len(columns)) * cell[0]
        height = 2 * margin + tops[-1]
        factor = min(1.0, room[0] / width, room[1] / height)
        if factor > best_factor + 0.01:
            best, best_factor = per_band, factor
    return best, best_factor

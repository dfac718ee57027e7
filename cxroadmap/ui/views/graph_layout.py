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
    predecessors' positions, then document order).

    Kahn's algorithm by generations, as networkx's topological_generations gave them (that
    import alone held 22 MB and took a seventh of a second when the tab was first shown).
    Initiatives caught in a cycle, which a valid strategy has not, end in one last column.
    """
    order = {key: i for i, key in enumerate(strategy.initiatives)}
    # Dicts as ordered sets: predecessors in the order their links were first given, so the
    # barycentres are summed in the same order as before.
    preds: dict[str, dict[str, None]] = {key: {} for key in order}
    succs: dict[str, dict[str, None]] = {key: {} for key in order}
    for dep in strategy.dependencies:
        if dep.from_key in order and dep.to_key in order:
            preds[dep.to_key][dep.from_key] = None
            succs[dep.from_key][dep.to_key] = None
    waiting = {key: len(p) for key, p in preds.items()}
    generation = [key for key, count in waiting.items() if count == 0]
    position: dict[str, float] = {}
    result = []
    while generation:

        def rank(key: str) -> tuple[float, int]:
            placed = [position[p] for p in preds[key]]
            return (sum(placed) / len(placed) if placed else float(order[key]), order[key])

        ordered = sorted(generation, key=rank)
        for i, key in enumerate(ordered):
            position[key] = float(i)
        result.append(ordered)
        following = []
        for key in ordered:
            for child in succs[key]:
                waiting[child] -= 1
                if waiting[child] == 0:
                    following.append(child)
        generation = following
    stuck = [key for key in order if key not in position]
    if stuck:
        result.append(stuck)
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

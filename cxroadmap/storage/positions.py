"""Sparse order positions, so that inserting one row in a long list rewrites one row, not all."""

from __future__ import annotations

from itertools import pairwise

# Bulk writes number rows 0, 1024, 2048, ...: about ten inserts fit in any gap before a
# renumbering of the whole list is needed.
SPACING = 1024


def spaced(index: int) -> int:
    return index * SPACING


def _runs(indices: list[int]) -> list[list[int]]:
    """Split sorted indices into runs of consecutive numbers."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def plan_positions(
    length: int, touched: list[int], stored: dict[int, int]
) -> dict[int, int] | None:
    """Positions for the `touched` indices of a list of `length` items.

    `stored` holds the positions already in the file for touched items (when they have
    one) and for the untouched neighbours just before and after each run of touched
    items. A run that is still in order keeps its positions; others get positions in
    the gap between their neighbours. None means a gap is too small: renumber all.
    """
    planned: dict[int, int] = {}
    for run in _runs(sorted(touched)):
        first, last = run[0], run[-1]
        low = stored.get(first - 1) if first > 0 else None
        high = stored.get(last + 1) if last + 1 < length else None
        if (first > 0 and low is None) or (last + 1 < length and high is None):
            return None
        current = [stored.get(i) for i in run]
        bounds = [low, *current, high]
        known = [p for p in bounds if p is not None]
        if None not in current and all(a < b for a, b in pairwise(known)):
            planned.update({i: p for i, p in zip(run, current, strict=True) if p is not None})
            continue
        count = len(run)
        if low is None and high is None:
            new = [spaced(j) for j in range(count)]
        elif high is None:
            assert low is not None
            new = [low + spaced(j + 1) for j in range(count)]
        elif low is None:
            new = [high - spaced(count - j) for j in range(count)]
        elif high - low >= count + 1:
            new = [low + (high - low) * (j + 1) // (count + 1) for j in range(count)]
        else:
            return None
        planned.update(zip(run, new, strict=True))
    return planned


def anchors(length: int, touched: list[int]) -> list[int]:
    """Indices of the untouched neighbours around each run of touched indices."""
    found: list[int] = []
    for run in _runs(sorted(touched)):
        if run[0] > 0:
            found.append(run[0] - 1)
        if run[-1] + 1 < length:
            found.append(run[-1] + 1)
    return found

"""Order of a strategy's lists in sync: reordering, the moved keys, a three-way list merge.

The order of initiatives, touchpoints and measures travels as one item per strategy
(kind `order`), a list of keys per list. Two sides that only add or remove merge; a side
that moved rows wins over one that did not; rows moved differently on both sides are a
conflict about that list.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


def reordered(current: Sequence[str], wanted: Sequence[str]) -> list[str]:
    """`current` in `wanted`'s order; keys `wanted` does not name stay after the key
    before them in `current` (or first)."""
    present = set(current)
    out = [k for k in dict.fromkeys(wanted) if k in present]
    if len(out) == len(current):
        return out
    placed = set(out)
    for i, key in enumerate(current):
        if key in placed:
            continue
        before = next((current[j] for j in range(i - 1, -1, -1) if current[j] in placed), None)
        out.insert(0 if before is None else out.index(before) + 1, key)
        placed.add(key)
    return out


def moved(old: Sequence[str], new: Sequence[str]) -> set[str]:
    """The fewest keys of `new` whose move turns `old` (same keys) into `new`: those off a
    longest run that kept its relative order."""
    index = {k: i for i, k in enumerate(old)}
    keys = [k for k in new if k in index]
    tails: list[int] = []  # smallest last index of an increasing run of each length
    ends: list[int] = []  # position in `keys` of that last element
    parent = [-1] * len(keys)
    for pos, key in enumerate(keys):
        at = bisect_left(tails, index[key])
        if at == len(tails):
            tails.append(index[key])
            ends.append(pos)
        else:
            tails[at] = index[key]
            ends[at] = pos
        parent[pos] = ends[at - 1] if at else -1
    kept: set[str] = set()
    pos = ends[-1] if ends else -1
    while pos != -1:
        kept.add(keys[pos])
        pos = parent[pos]
    return {k for k in new if k not in kept}


def merge_order(base: list[str], mine: list[str], theirs: list[str]) -> list[str] | None:
    """Mine and theirs merged, or None when both moved the same rows differently."""
    if mine in (base, theirs):
        return list(theirs)
    if theirs == base:
        return list(mine)
    common = set(base) & set(mine) & set(theirs)

    def kept(keys: list[str]) -> list[str]:
        return [k for k in keys if k in common]

    b, m, t = kept(base), kept(mine), kept(theirs)
    if m in (b, t):
        result = t
    elif t == b:
        result = m
    else:
        return None
    result = list(result)
    placed = set(result)
    known = set(base)
    for side in (theirs, mine):  # rows added on either side, each after the row before it
        own = set(side)
        for i, key in enumerate(side):
            if key in known or key in placed:
                continue
            before = next((side[j] for j in range(i - 1, -1, -1) if side[j] in placed), None)
            at = 0 if before is None else result.index(before) + 1
            while at < len(result) and result[at] not in known and result[at] not in own:
                at += 1  # after the rows the other side added there: theirs first, then mine
            result.insert(at, key)
            placed.add(key)
    return result

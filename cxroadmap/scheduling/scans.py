"""Positions in long lists found by C scans (`list.index`): no Python step per element."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def positions(keys: list[str], wanted: list[str]) -> list[int]:
    """The positions in `keys` of `wanted`, keys in the same order."""
    found: list[int] = []
    at = -1
    for key in wanted:  # each search starts after the last: one C scan of `keys` in all
        at = keys.index(key, at + 1)
        found.append(at)
    return found


def indices(values: list[T], wanted: T) -> list[int]:
    """The positions of `wanted` in `values`, in order (cheap when there are few)."""
    found: list[int] = []
    at = -1
    try:
        while True:
            at = values.index(wanted, at + 1)
            found.append(at)
    except ValueError:
        return found

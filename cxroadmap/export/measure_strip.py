"""Measure labels in a strip of their own under the lanes: stacked so none overlap each other,
no flag's line crosses a label, and each label is cut at a word when its full name has no room."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cxroadmap.export.fonts import fit_text, text_width

SIZE = 6.5  # points in the chart's own frame: the dense rows' titles' size
LEVEL_H = SIZE * 1.3  # one level of labels
PAD = 2.5  # above the first level and below the last
OFFSET = 3.0  # between a flag's line and its label
GAP = 5.0  # between two labels on one level
LINE_ROOM = 2.0  # a label keeps this far from any flag's line
MAX_LEVELS = 5  # past this, a label that finds no room is left out (its line and notes stay)
CUTS = (150.0, 100.0, 60.0)  # widest label tried first; shorter ones cut at a word


@dataclass(frozen=True)
class Flag:
    """One measure's label: its flag's x, the label's box (x from, width) and level (0 on top)."""

    day: dt.date
    name: str
    x: float
    label: str
    left: float
    width: float
    level: int
    # The names a "+N more" label stands for (its `name` is then ""): flags that found no room.
    more: tuple[str, ...] = ()

    @property
    def right(self) -> float:
        return self.left + self.width


def height(flags: list[Flag]) -> float:
    """The strip's height for these labels (0 without any)."""
    levels = 1 + max((f.level for f in flags), default=-1)
    return PAD * 2 + levels * LEVEL_H if levels else 0.0


def place(dated: list[tuple[dt.date, str, float]], lo: float, hi: float) -> list[Flag]:
    """Labels for (day, name, x) flags, kept within [lo, hi], left to right. Each label overlaps
    no other label, covers no line that runs further down, and its own line (down to the label)
    crosses no label above it. Preferred, in order: covering no flag still to come (its line
    could not pass), a level already in use, the full name (else a cut at a word), the highest
    level, right of the line.
    A flag with no room on MAX_LEVELS levels gets no label (level -1), its line remains, and
    a "+N more" label names how many of that day's flags have none."""
    flags = sorted(dated, key=lambda d: (d[2], d[1]))
    xs = [x for _, _, x in flags]
    placed: list[Flag] = []
    for number, (day, name, x) in enumerate(flags):
        texts = list(dict.fromkeys(fit_text(name, cut, SIZE, whole_words=True) for cut in CUTS))
        texts = [t for t in texts if t] or [fit_text(name, CUTS[-1], SIZE)]
        used = 1 + max((f.level for f in placed), default=-1)
        later = xs[number + 1 :]
        best: tuple[tuple[int, ...], Flag] | None = None
        for level in range(min(used + 1, MAX_LEVELS)):
            for cut, text in enumerate(texts):
                for side, flag in enumerate(_candidates(day, name, x, text, level, lo, hi)):
                    if not _fits(flag, placed):
                        continue
                    covers = sum(flag.left - LINE_ROOM < other < flag.right + LINE_ROOM
                                 for other in later)  # fmt: skip
                    key = (covers, level == used, cut, level, side)
                    if best is None or key < best[0]:
                        best = key, flag
        placed.append(best[1] if best else Flag(day, name, x, "", x, 0.0, -1))
    return _with_more(placed, lo, hi)


def _with_more(placed: list[Flag], lo: float, hi: float) -> list[Flag]:
    """A "+N more" label for each day whose flags did not all find room: on a free place on
    the strip, else in the place of that day's lowest label (a shorter text there still fits)."""
    for x in dict.fromkeys(f.x for f in placed if f.level < 0):
        same = [f for f in placed if f.x == x]
        names = [f.name for f in same if f.level < 0]
        free = next(
            (
                flag
                for level in range(MAX_LEVELS)
                for flag in _candidates(same[0].day, "", x, f"+{len(names)} more", level, lo, hi)
                if _fits(flag, placed)
            ),
            None,
        )
        text = f"+{len(names) + 1} more"
        wide = text_width(text, SIZE) + 2
        shown = sorted(
            (f for f in same if f.level >= 0 and f.width >= wide), key=lambda f: -f.level
        )
        if free is None and shown:
            last = shown[0]
            placed[placed.index(last)] = Flag(last.day, last.name, x, "", x, 0.0, -1)
            names.append(last.name)
            left = last.left if last.left > x else last.right - wide
            free = Flag(last.day, "", x, text, left, wide, last.level)
        if free is not None:
            placed.append(
                Flag(free.day, "", x, free.label, free.left, free.width, free.level, tuple(names))
            )
    return placed


def _candidates(
    day: dt.date, name: str, x: float, text: str, level: int, lo: float, hi: float
) -> list[Flag]:
    """The label right of its line and left of it, where the chart has room for it."""
    wide = text_width(text, SIZE) + 2
    out = [
        Flag(day, name, x, text, start, wide, level) for start in (x + OFFSET, x - OFFSET - wide)
    ]
    return [f for f in out if lo <= f.left and f.right <= hi]


def _fits(new: Flag, placed: list[Flag]) -> bool:
    for old in placed:
        if old.level < 0:
            continue  # no label, and its line stops at the strip's top
        if old.level == new.level and new.left < old.right + GAP and old.left < new.right + GAP:
            return False  # the two labels would touch
        if old.level >= new.level and new.left - LINE_ROOM < old.x < new.right + LINE_ROOM:
            return False  # the older flag's line runs down through the new label
        if old.level <= new.level and old.left - LINE_ROOM < new.x < old.right + LINE_ROOM:
            return False  # the new flag's line would run down through the older label
    return True

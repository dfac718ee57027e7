"""The deck's table slides (phases, touchpoint matrix, measures), split so no table overflows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cxroadmap.common import style
from cxroadmap.domain.measures import format_number
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import pillar_label
from cxroadmap.export.fonts import clean, fit_text, shorten, wrap_text
from cxroadmap.export.pptx_shapes import ShapeWriter
from cxroadmap.export.textformat import short_date
from cxroadmap.scheduling.result import Schedule

if TYPE_CHECKING:
    from cxroadmap.export.pptx_deck import Deck

SIZE = 11.0  # table text, points
LEADING = 1.25
CELL_PAD = 7.2  # python-pptx's default cell margins, top plus bottom
TOP = 72.0  # tables start under the slide title
MATRIX_KEYS = 12  # initiative columns of the touchpoint matrix per slide
STATUS = {"idea": "Idea", "planned": "Planned", "in_progress": "In progress", "done": "Done"}
STATUS["dropped"] = "Dropped"

Row = list[str]


def _lines(text: str, width: float, size: float) -> int:
    """Lines `text` takes in a column `width` points wide (measured with wide metrics)."""
    room = max(10.0, width - 11)
    if len(text) * size * 0.62 <= room and "\n" not in text:
        return 1  # no glyph of the wide metrics is wider than 0.62 em on average in a line
    return max(1, len(wrap_text(text, room, size)))


def _row_height(row: Row, widths: Sequence[float], size: float) -> float:
    lines = max(_lines(text, w, size) for text, w in zip(row, widths, strict=True))
    return lines * size * LEADING + CELL_PAD


def _chunks(rows: list[Row], widths: Sequence[float], room: float, size: float) -> list[list[Row]]:
    """Rows grouped so each group, under a header row, fits in `room` points."""
    header = size * LEADING + CELL_PAD + 2
    groups: list[list[Row]] = [[]]
    used = header
    for row in rows:
        need = _row_height(row, widths, size)
        if groups[-1] and used + need > room:
            groups.append([])
            used = header
        groups[-1].append(row)
        used += need
    return groups


def _table(
    deck: Deck, out: ShapeWriter, headers: Row, rows: list[Row], widths: list[float], size: float
) -> None:
    """A native table: header row in the accent colour, zebra rows, text in the deck's font."""
    left = (deck.width - sum(widths)) / 2
    heights = [_row_height(r, widths, size) for r in [headers, *rows]]
    fills = [deck.accent] + [
        style.ZEBRA if r % 2 == 0 else style.PAPER for r in range(1, len(heights))
    ]
    inks = [style.PAPER if style.is_dark(deck.accent) else style.INK] + [style.INK] * len(rows)
    text = [[clean(t, single_line=False) for t in row] for row in [headers, *rows]]
    out.table(left, TOP, widths, heights, text, size, fills, inks)


def _paged(
    deck: Deck,
    title: str,
    subtitle: str,
    headers: Row,
    rows: list[Row],
    shares: Sequence[float],
    size: float = SIZE,
    note: str = "",
) -> int:
    """Slides of one table, split by height; titled "`title` (2 of 3)" when split."""
    from cxroadmap.export.pptx_deck import MARGIN

    total = deck.width - 2 * MARGIN
    widths = [total * share / sum(shares) for share in shares]
    groups = _chunks(rows, widths, deck.height - TOP - (70 if note else 24), size)
    for number, group in enumerate(groups):
        suffix = f" ({number + 1} of {len(groups)})" if len(groups) > 1 else ""
        _, out = deck.slide(title + suffix)
        out.text(
            MARGIN, 50, deck.width - 2 * MARGIN, 16, fit_text(subtitle, deck.width - 80, 11), 11,
            style.MUTED, name="Subtitle",
        )  # fmt: skip
        if note:
            out.text(
                MARGIN, deck.height - 62, deck.width - 2 * MARGIN, 50, note, 9, style.MUTED,
                wrap=True, name="Note",
            )  # fmt: skip
        _table(deck, out, headers, group, widths, size)
    return len(groups)


def phase_slides(deck: Deck, strategy: Strategy, schedule: Schedule) -> int:
    """One slide per phase (more if it has many initiatives): title, pillar, owner, dates."""
    count = 0
    for name, first, end in strategy.phase_bounds():
        items = sorted(
            (i for i in schedule.items.values() if i.phase == name), key=lambda i: (i.start, i.key)
        )
        rows = []
        for item in items:
            ini = strategy.initiatives.get(item.key)
            dates = (
                short_date(item.start)
                if item.is_milestone
                else (f"{short_date(item.start)} – {short_date(item.finish)}")
            )
            rows.append(
                [
                    clean(ini.title if ini else item.title) + (" ◆" if item.is_milestone else ""),
                    clean(pillar_label(ini.pillar)) if ini else "",
                    clean(ini.owner) if ini else "",
                    dates,
                    STATUS.get(ini.status, ini.status) if ini else "",
                ]
            )
        span = (
            f"from {short_date(first)}"
            if end is None
            else (f"{short_date(first)} – {short_date(end - dt.timedelta(days=1))}")
        )
        facts = f"{span} · {len(rows)} initiative{'s' if len(rows) != 1 else ''}"
        if not rows:
            rows = [["No initiatives in this phase.", "", "", "", ""]]
        headers = ["Initiative", "Pillar", "Owner", "Dates", "Status"]
        count += _paged(deck, clean(name), facts, headers, rows, (42, 17, 15, 18, 8))
    return count


def touchpoint_slides(deck: Deck, strategy: Strategy) -> int:
    """The touchpoint matrix: which initiatives address which moment of truth, with gaps."""
    if not strategy.touchpoints:
        return 0
    tp_keys = {tp.key for tp in strategy.touchpoints}
    linked = [k for k, i in strategy.initiatives.items() if set(i.touchpoints) & tp_keys]
    column_sets = [linked[i : i + MATRIX_KEYS] for i in range(0, len(linked), MATRIX_KEYS)] or [[]]
    count = 0
    for number, keys in enumerate(column_sets):
        headers = ["Touchpoint", "Stage", "Gap", *keys]
        rows = []
        for tp in strategy.touchpoints:
            marks = ["●" if tp.key in strategy.initiatives[k].touchpoints else "" for k in keys]
            rows.append([clean(tp.name), clean(tp.stage), f"{tp.gap} / 5", *marks])
        part = f" ({number + 1} of {len(column_sets)})" if len(column_sets) > 1 else ""
        named = "; ".join(f"{k} = {clean(strategy.initiatives[k].title)}" for k in keys)
        subtitle = "Which initiatives address each moment of truth; gap 1 small to 5 painful"
        shares = (30, 12, 7, *([51 / max(1, len(keys))] * len(keys)))
        count += _paged(
            deck, "Touchpoint matrix" + part, subtitle, headers, rows, shares, 10,
            shorten(named, 600),
        )  # fmt: skip
    return count


def measure_slides(deck: Deck, strategy: Strategy) -> int:
    """The measures (KPIs): baseline, target, unit, target date and initiatives moving them."""
    if not strategy.measures:
        return 0
    rows = []
    for m in strategy.measures:
        moved = "; ".join(
            clean(strategy.initiatives[k].title) if k in strategy.initiatives else k
            for k in m.initiatives
        )
        when = short_date(m.target_date) if m.target_date else ""
        rows.append(
            [clean(m.name), format_number(m.baseline), format_number(m.target), clean(m.unit),
             when, moved]
        )  # fmt: skip
    headers = ["Measure", "Baseline", "Target", "Unit", "Target date", "Initiatives"]
    facts = f"{len(rows)} measure{'s' if len(rows) != 1 else ''}"
    return _paged(deck, "Measures", facts, headers, rows, (26, 9, 9, 10, 12, 34))

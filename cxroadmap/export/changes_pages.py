"""The PDF's "What changed since …" page: the plan against the chosen baseline (tracking.md)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, LongTable, PageBreak, Paragraph, Spacer

from cxroadmap.common import style
from cxroadmap.domain.model import Strategy
from cxroadmap.export.cells import TextCell
from cxroadmap.export.fonts import clean, markup, text_width
from cxroadmap.export.tables import PAD, Section, table_style
from cxroadmap.scheduling.changes import Changes, what_changed
from cxroadmap.scheduling.result import Schedule


def _table(
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    size: float,
    accent: str,
    right: tuple[int, ...] = (),
) -> LongTable:
    body: list[list[Any]] = [header]
    body += [
        [
            TextCell(clean(text), size, max_lines=2) if c in (1, len(row) - 1) else text
            for c, text in enumerate(row)
        ]
        for row in rows
    ]
    commands = table_style(accent, size)
    for c in right:
        commands.append(("ALIGN", (c, 0), (c, -1), "RIGHT"))
    return LongTable(body, colWidths=widths, repeatRows=1, style=commands, hAlign="LEFT")


def changes_pages(
    strategy: Strategy,
    schedule: Schedule,
    width: float,
    styles: dict[str, ParagraphStyle],
    accent: str,
) -> list[Flowable]:
    """The page, when the strategy has a chosen baseline (else nothing)."""
    changes = what_changed(strategy, schedule)
    if changes is None:
        return []
    size = style.TABLE_SIZE if width >= 600 else style.TABLE_SIZE - 1
    title = f"What changed since {changes.name}"
    out: list[Flowable] = [PageBreak(), Section(title), Paragraph(markup(title, 300), styles["h1"])]
    tone = style.CRITICAL if changes.comparison.finish_variance_days > 0 else style.INK
    out.append(
        Paragraph(
            f'<font color="{tone}"><b>{markup(changes.summary, limit=600)}</b></font>',
            styles["body"],
        )
    )
    out.append(Paragraph(markup(changes.finish_line, limit=400), styles["body"]))
    out.append(Spacer(1, 6))
    key_w = (
        max([text_width(k, size) for k in changes.all_keys()] + [text_width("Key", size)])
        + 2 * PAD
        + 2
    )
    key_w = min(key_w, width * 0.15)
    date_w = text_width("2027-01-04", size) + 2 * PAD + 2
    days_w = text_width("Slipped", size, bold=True) + 2 * PAD + 4
    for heading, block in _blocks(changes, width, size, accent, key_w, date_w, days_w):
        # A list runs on over pages (header row repeated): kept together, a long one would
        # leave the summary alone on its page.
        out += [Paragraph(heading, styles["h2"]), block, Spacer(1, 8)]
    if changes.nothing_changed:
        out.append(
            Paragraph(
                "No initiative moved, was added or removed, or changed phase.", styles["body"]
            )
        )
    return out


def _blocks(
    changes: Changes,
    width: float,
    size: float,
    accent: str,
    key_w: float,
    date_w: float,
    days_w: float,
) -> list[tuple[str, LongTable]]:
    blocks: list[tuple[str, LongTable]] = []
    if changes.slips:
        title_w = (width - key_w - 2 * date_w - days_w) * 0.42
        why_w = width - key_w - title_w - 2 * date_w - days_w
        rows = [
            [s.key, s.title, s.was.isoformat(), s.now.isoformat(), f"{s.days:+d}d", s.reason]
            for s in changes.slips
        ]
        table = _table(
            ["Key", "Initiative", "Was", "Now", "Slipped", "Why"],
            rows,
            [key_w, title_w, date_w, date_w, days_w, why_w],
            size,
            accent,
            (4,),
        )
        table.setStyle([("TEXTCOLOR", (4, 1), (4, -1), HexColor(style.CRITICAL))])
        blocks.append((f"Slipped ({len(changes.slips)})", table))
    if changes.added:
        rows = [[k, t, s, f] for k, t, s, f in changes.added]
        blocks.append(
            (
                f"Added ({len(rows)})",
                _table(
                    ["Key", "Initiative", "Start", "Finish"],
                    rows,
                    [key_w, width - key_w - 2 * date_w, date_w, date_w],
                    size,
                    accent,
                ),
            )
        )
    if changes.removed:
        rows = [[k, s, f, ""] for k, s, f in changes.removed]
        blocks.append(
            (
                f"Removed ({len(rows)})",
                _table(
                    ["Key", "Was from", "Until", ""],
                    rows,
                    [key_w, date_w, date_w, width - key_w - 2 * date_w],
                    size,
                    accent,
                ),
            )
        )
    if changes.moved:
        rows = [[k, t, a, b] for k, t, a, b in changes.moved]
        phase_w = (width - key_w) * 0.25
        blocks.append(
            (
                f"Moved phase ({len(rows)})",
                _table(
                    ["Key", "Initiative", "Was in", "Now in"],
                    rows,
                    [key_w, width - key_w - 2 * phase_w, phase_w, phase_w],
                    size,
                    accent,
                ),
            )
        )
    return blocks

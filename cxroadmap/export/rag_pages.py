"""The PDF's RAG page: how many initiatives are red, amber and green, and why each is not green."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, LongTable, PageBreak, Paragraph, Spacer

from cxroadmap.common import style
from cxroadmap.domain.model import Strategy
from cxroadmap.export.cells import TextCell
from cxroadmap.export.fonts import clean, text_width
from cxroadmap.export.tables import PAD, Section, table_style
from cxroadmap.export.textformat import long_date, short_date
from cxroadmap.scheduling.rag import AMBER, COLOURS, GREEN, RED, rag_statuses, tracked
from cxroadmap.scheduling.result import Schedule


def rag_summary(strategy: Strategy, schedule: Schedule) -> str:
    """`2 red · 3 amber · 1 green, against baseline 'Board approval' · status date 20 Jan 2027`."""
    rags = rag_statuses(strategy, schedule)
    counts = [sum(1 for r in rags.values() if r.colour == c) for c in COLOURS]
    text = " · ".join(f"{n} {c}" for n, c in zip(counts, COLOURS, strict=True))
    baseline = strategy.baseline()
    text += (
        f", against baseline '{baseline.name}'" if baseline is not None else ", no baseline chosen"
    )
    if strategy.status_date is not None:
        text += f" · status date {long_date(strategy.status_date)}"
    hand = sum(1 for r in rags.values() if r.overridden)
    if hand:
        text += f" · {hand} set by hand"
    return text


def rag_pages(
    strategy: Strategy,
    schedule: Schedule,
    width: float,
    styles: dict[str, ParagraphStyle],
    accent: str,
) -> list[Flowable]:
    """Red, then amber, initiatives with the reason; set-by-hand ones say so. None untracked."""
    if not tracked(strategy):
        return []
    rags = rag_statuses(strategy, schedule)
    size = style.TABLE_SIZE if width >= 600 else style.TABLE_SIZE - 1
    shown = [k for c in (RED, AMBER) for k, r in rags.items() if r.colour == c]
    shown += [k for k, r in rags.items() if r.colour == GREEN and r.overridden]
    out: list[Flowable] = [
        PageBreak(),
        Section("Status (RAG)"),
        KeepTogether(
            [
                Paragraph("Status (RAG)", styles["h1"]),
                Paragraph(rag_summary(strategy, schedule), styles["small"]),
                Spacer(1, 6),
            ]
        ),
    ]
    if not shown:
        return [*out, Paragraph("Every initiative is green.", styles["body"])]
    rows: list[list[Any]] = [["RAG", "Initiative", "Finish", "Why"]]
    commands = table_style(accent, size)
    for number, key in enumerate(shown, start=1):
        rag, item = rags[key], schedule.items[key]
        rows.append(
            [
                rag.label,
                TextCell(f"{clean(item.title)} ({clean(key)})", size, max_lines=3),
                short_date(item.finish),
                TextCell(clean(rag.reason), size, max_lines=4),
            ]
        )
        ink = HexColor(style.RAG_COLOURS[rag.colour])
        commands += [
            ("TEXTCOLOR", (0, number), (0, number), ink),
            ("LINEBEFORE", (0, number), (0, number), 3, ink),
        ]
    rag_w = text_width("Amber (set by hand)", size) + 2 * PAD + 2
    date_w = text_width("30 Sep 2025", size) + 2 * PAD + 2
    flex = width - rag_w - date_w
    widths = [rag_w, flex * 0.42, date_w, flex * 0.58]
    out.append(LongTable(rows, colWidths=widths, repeatRows=1, style=commands, hAlign="LEFT"))
    return out

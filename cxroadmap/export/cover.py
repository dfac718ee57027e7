"""The cover page: an accent panel with the title and facts; vision, mission, values and numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    FrameBreak,
    KeepInFrame,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from cxroadmap.common import style
from cxroadmap.domain.labels import level_label
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import pillar_label
from cxroadmap.export.cells import TextCell
from cxroadmap.export.fonts import clean, font_set, markup
from cxroadmap.export.pdftext import draw_text
from cxroadmap.export.textformat import long_date, short_date
from cxroadmap.scheduling.result import Schedule

LOGO_MAX = (150.0, 56.0)
Box = tuple[float, float, float, float]  # x, y, width, height


@dataclass(frozen=True)
class CoverGeometry:
    panel: Box
    panel_frame: Box
    content_frame: Box
    logo_box: Box | None


def geometry(width: float, height: float, logo: ImageReader | None) -> CoverGeometry:
    logo_room = 0.0
    logo_box = None
    if logo is not None:
        w, h = logo_size(logo)
        logo_room = h + 16
    if width > height:
        panel_w = float(round(width * 0.4))
        panel = (0.0, 0.0, panel_w, height)
        panel_frame = (44.0, 64.0, panel_w - 80.0, height - 120.0)
        content = (panel_w + 44.0, 56.0, width - panel_w - 88.0, height - 104.0 - logo_room)
    else:
        panel_h = float(round(height * 0.36))
        panel = (0.0, height - panel_h, width, panel_h)
        panel_frame = (44.0, height - panel_h + 48.0, width - 88.0, panel_h - 84.0)
        content = (44.0, 56.0, width - 88.0, height - panel_h - 92.0 - logo_room)
    if logo is not None:
        w, h = logo_size(logo)
        logo_box = (width - 44.0 - w, height - 44.0 - h, w, h)
        if width <= height:
            logo_box = (width - 44.0 - w, content[1] + content[3] + 8, w, h)
    return CoverGeometry(panel, panel_frame, content, logo_box)


def logo_size(logo: ImageReader) -> tuple[float, float]:
    w, h = logo.getSize()
    scale = min(LOGO_MAX[0] / w, LOGO_MAX[1] / h)
    return w * scale, h * scale


def paint(
    canvas: Canvas,
    geo: CoverGeometry,
    accent: str,
    logo: ImageReader | None,
    generated: dt.date,
    pillars: list[str],
) -> None:
    """The cover's background: accent panel, a strip of the pillar colours, logo, date."""
    canvas.saveState()
    x, y, w, h = geo.panel
    canvas.setFillColor(HexColor(accent))
    canvas.rect(x, y, w, h, stroke=0, fill=1)
    colours = pillars or [style.ACCENT]
    strip = w / len(colours)
    for i, colour in enumerate(colours):
        canvas.setFillColor(HexColor(colour))
        canvas.rect(x + i * strip, y, strip + 0.5, 7, stroke=0, fill=1)
    canvas.setFillColor(HexColor(style.PAPER if style.is_dark(accent) else style.INK))
    text = f"Generated {long_date(generated)} with cxroadmap"
    draw_text(canvas, geo.panel_frame[0], y + 24, text, 7.5)
    if logo is not None and geo.logo_box is not None:
        lx, ly, lw, lh = geo.logo_box
        canvas.drawImage(logo, lx, ly, lw, lh, mask="auto", preserveAspectRatio=True)
    canvas.restoreState()


def _months(schedule: Schedule) -> int:
    days = (schedule.finish - schedule.start).days + 1
    return max(1, round(days / 30.44))


def _stats(strategy: Strategy, schedule: Schedule, styles: dict[str, ParagraphStyle]) -> Table:
    items = schedule.items.values()
    milestones = sum(1 for i in items if i.is_milestone)
    pillars = {
        pillar_label(i.pillar).lower()
        for k, i in strategy.initiatives.items()
        if k in schedule.items
    }
    numbers = [
        (len(schedule.items) - milestones, "initiative", "initiatives"),
        (milestones, "milestone", "milestones"),
        (len(pillars) if schedule.items else 0, "pillar", "pillars"),
        (len(schedule.critical_path), "on the critical path", "on the critical path"),
        (_months(schedule), "month", "months"),
    ]
    cells = [
        [
            Paragraph(str(n), styles["stat"]),
            Paragraph(one if n == 1 else many, styles["stat_label"]),
        ]
        for n, one, many in numbers
    ]
    table = Table([cells], hAlign="LEFT")
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), font_set().regular, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 16),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.5, HexColor(style.RULE)),
            ("LEFTPADDING", (1, 0), (-1, -1), 10),
        ]
    )
    return table


def _phases(strategy: Strategy, schedule: Schedule, width: float) -> Table | None:
    bounds = strategy.phase_bounds()
    if not bounds:
        return None
    counts: dict[str, int] = {}
    for item in schedule.items.values():
        counts[item.phase] = counts.get(item.phase, 0) + 1
    rows = []
    for index, (name, begin, end) in enumerate(bounds):
        when = f"from {short_date(begin)}"
        if end is not None:
            when = f"{short_date(begin)} – {short_date(end - dt.timedelta(days=1))}"
        count = counts.get(name, 0)
        rows.append(
            [
                TextCell(clean(name), 9.5, bold=True, max_lines=2, swatch=style.phase_ink(index)),
                TextCell(when, 9, colour=style.MUTED, max_lines=1),
                TextCell(f"{count} initiative{'s' if count != 1 else ''}", 9, max_lines=1),
            ]
        )
    table = Table(rows, colWidths=[width * 0.4, width * 0.36, width * 0.24], hAlign="LEFT")
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), font_set().regular, 9),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(style.RULE)),
        ]
    )
    return table


def _values(values: list[str], accent: str, width: float) -> Table | None:
    shown = [clean(v) for v in values if clean(v)]
    if not shown:
        return None
    columns = 2 if len(shown) > 3 else 1
    cells: list[Flowable | str] = [
        TextCell(v, 10, bold=True, max_lines=3, swatch=accent) for v in shown
    ]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    if len(rows[-1]) < columns:
        rows[-1].append("")
    table = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), font_set().regular, 9),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    return table


def flowables(
    strategy: Strategy,
    schedule: Schedule,
    title: str,
    styles: dict[str, ParagraphStyle],
    accent: str,
    geo: CoverGeometry,
) -> list[Flowable]:
    """Panel contents, a frame break, then the content column (which may flow on if long)."""
    _, _, panel_w, panel_h = geo.panel_frame
    panel: list[Any] = [
        Spacer(1, panel_h * 0.12),
        Paragraph("CUSTOMER-EXPERIENCE ROADMAP", styles["kicker"]),
        Spacer(1, 14),
        Paragraph(markup(title, limit=160, single_line=True), styles["cover_title"]),
    ]
    if clean(strategy.name) and clean(title) != clean(strategy.name):
        panel += [Spacer(1, 6), Paragraph(markup(strategy.name, limit=200), styles["cover_sub"])]
    panel.append(Spacer(1, 22))
    facts = [f"{level_label(strategy.level)}-level strategy"]
    if clean(strategy.owner):
        facts.append("Owner: " + markup(strategy.owner, limit=120, single_line=True))
    facts.append(f"{long_date(schedule.start)} – {long_date(schedule.finish)}")
    panel += [Paragraph(fact, styles["cover_fact"]) for fact in facts]
    out: list[Flowable] = [KeepInFrame(panel_w, panel_h, panel, mode="shrink"), FrameBreak()]
    content_w = geo.content_frame[2]
    for label, text in (("VISION", strategy.vision), ("MISSION", strategy.mission)):
        if clean(text):
            out += [Paragraph(label, styles["label"]), Spacer(1, 3)]
            out += [Paragraph(markup(text, limit=3000), styles["lead"]), Spacer(1, 16)]
    values = _values(strategy.values, accent, content_w)
    if values is not None:
        out += [Paragraph("VALUES", styles["label"]), Spacer(1, 5), values, Spacer(1, 16)]
    phases = _phases(strategy, schedule, content_w)
    if phases is not None:
        out += [Paragraph("PHASES", styles["label"]), Spacer(1, 3), phases, Spacer(1, 16)]
    glance = [Paragraph("AT A GLANCE", styles["label"]), Spacer(1, 5)]
    out.append(KeepTogether([*glance, _stats(strategy, schedule, styles)]))
    return out

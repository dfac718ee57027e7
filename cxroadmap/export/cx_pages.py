"""Customer-experience pages of the PDF: touchpoints (matrix, gaps, notes, warnings), measures."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, LongTable, PageBreak, Paragraph, Spacer

from cxroadmap.common import style
from cxroadmap.domain.cx_checks import addressing, touchpoint_findings
from cxroadmap.domain.measures import Measure, format_number
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.touchpoints import GAP_MAX, Touchpoint
from cxroadmap.export.cells import TextCell
from cxroadmap.export.fonts import clean, font_set, markup, text_width
from cxroadmap.export.tables import Section, table_style
from cxroadmap.export.textformat import short_date
from cxroadmap.export.trend_pages import trend_grid

PAD = 3.0
MATRIX_COLUMNS = 22  # initiative columns per matrix table at most; more start another table
NAME_MIN = 90.0  # narrowest touchpoint-name column of the matrix
BY_W = 22.0
MARK = "●"


class GapScale(Flowable):  # type: ignore[misc]
    """The gap as five small boxes, filled up to the gap in its colour, with the number beside."""

    BOX = 6.0

    def __init__(self, gap: int, size: float) -> None:
        super().__init__()
        self.gap = gap
        self.size = size
        self.width = GAP_MAX * (self.BOX + 1.5) + text_width("5", size, bold=True) + 3
        self.height = max(self.BOX, size * 1.25)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        from cxroadmap.export.pdftext import draw_text

        canvas = self.canv
        colour = HexColor(style.gap_colour(self.gap))
        y = (self.height - self.BOX) / 2
        for i in range(GAP_MAX):
            x = i * (self.BOX + 1.5)
            canvas.setLineWidth(0.5)
            canvas.setStrokeColor(colour if i < self.gap else HexColor(style.RULE))
            canvas.setFillColor(colour if i < self.gap else HexColor(style.PAPER))
            canvas.rect(x, y, self.BOX, self.BOX, stroke=1, fill=1)
        canvas.setFillColor(colour)
        x = GAP_MAX * (self.BOX + 1.5) + 1
        draw_text(canvas, x, y + 0.5, str(self.gap), self.size, bold=True)


def header_cell(text: str, size: float, accent: str) -> TextCell:
    ink = style.PAPER if style.is_dark(accent) else style.INK
    return TextCell(text, size, bold=True, colour=ink, max_lines=2)


def _linked_initiatives(strategy: Strategy) -> list[str]:
    """Initiative keys that address at least one touchpoint, in the strategy's order."""
    keys = {tp.key for tp in strategy.touchpoints}
    return [k for k, ini in strategy.initiatives.items() if set(ini.touchpoints) & keys]


def _matrix_widths(strategy: Strategy, width: float, size: float) -> tuple[float, float, float]:
    """Widths of the gap column, of each initiative column and of stage and channel."""
    keys = _linked_initiatives(strategy)
    gap_w = GapScale(5, size).width + 2 * PAD
    col_w = max([text_width(k, size - 0.5, bold=True) + 2 * PAD + 1 for k in keys] + [18.0])
    return gap_w, min(col_w, 44.0), min(70.0, width * 0.1)


def _per_table(strategy: Strategy, width: float, size: float) -> int:
    """How many initiative columns fit beside the touchpoint columns on the page."""
    gap_w, col_w, stage_w = _matrix_widths(strategy, width, size)
    room = width - NAME_MIN - gap_w - 2 * stage_w - BY_W
    return max(1, min(MATRIX_COLUMNS, int(room // col_w)))


def _matrix(
    strategy: Strategy, columns: list[str], width: float, size: float, accent: str
) -> LongTable:
    covered = addressing(strategy)
    gap_w, col_w, stage_w = _matrix_widths(strategy, width, size)
    name_w = max(NAME_MIN, width - gap_w - stage_w * 2 - col_w * len(columns) - BY_W)
    rows: list[list[Any]] = [
        [
            header_cell("Touchpoint", size, accent),
            header_cell("Stage", size, accent),
            header_cell("Channel", size, accent),
            header_cell("Gap", size, accent),
            *[header_cell(key, size - 0.5, accent) for key in columns],
            header_cell("By", size, accent),
        ]
    ]
    commands = table_style(accent, size)
    for r, tp in enumerate(strategy.touchpoints, start=1):
        keys = covered[tp.key]
        row: list[Any] = [
            TextCell(clean(tp.name), size, bold=True, max_lines=3),
            TextCell(clean(tp.stage), size, max_lines=2),
            TextCell(clean(tp.channel), size, max_lines=2),
            GapScale(tp.gap, size),
        ]
        for c, key in enumerate(columns, start=4):
            hit = key in keys
            row.append(MARK if hit else "")
            if hit:
                commands.append(("TEXTCOLOR", (c, r), (c, r), HexColor(style.COVERED)))
        row.append(str(len(keys)))
        if not keys:
            # An uncovered touchpoint reads at a glance: its whole row is tinted.
            commands.append(("BACKGROUND", (0, r), (-1, r), HexColor(style.UNCOVERED)))
        rows.append(row)
    last = 4 + len(columns)
    commands += [
        ("ALIGN", (4, 0), (last, -1), "CENTER"),
        ("FONT", (4, 1), (last - 1, -1), font_set().bold, size + 1),
    ]
    widths = [name_w, stage_w, stage_w, gap_w, *[col_w] * len(columns), BY_W]
    return LongTable(rows, colWidths=widths, repeatRows=1, style=commands, hAlign="LEFT")


def _notes(items: list[str], size: float) -> list[Flowable]:
    return [TextCell(f"• {clean(item)}", size, max_lines=4) for item in items if clean(item)]


def _details(strategy: Strategy, width: float, size: float, accent: str) -> LongTable:
    headers = (
        "Touchpoint",
        "What happens now",
        "What should happen",
        "Root causes",
        "Standards and measures",
        "Adds no value",
        "Opportunities",
    )
    shares = (0.13, 0.15, 0.15, 0.15, 0.14, 0.12, 0.16)
    rows: list[list[Any]] = [[header_cell(h, size, accent) for h in headers]]
    for tp in strategy.touchpoints:
        rows.append(
            [
                [TextCell(clean(tp.name), size, bold=True, max_lines=3), GapScale(tp.gap, size)],
                TextCell(clean(tp.now), size, max_lines=8),
                TextCell(clean(tp.should), size, max_lines=8),
                _notes(tp.root_causes, size),
                _notes(tp.standards, size) + _notes(tp.measures, size),
                _notes(tp.no_value, size),
                _opportunities(strategy, tp, size),
            ]
        )
    widths = [width * s for s in shares]
    return LongTable(
        rows, colWidths=widths, repeatRows=1, style=table_style(accent, size), hAlign="LEFT"
    )


def _opportunities(strategy: Strategy, tp: Touchpoint, size: float) -> list[Flowable]:
    out: list[Flowable] = []
    for opp in tp.opportunities:
        out.append(TextCell(f"• {clean(opp.text)}", size, max_lines=4))
        if opp.initiative_key is not None:
            ini = strategy.initiatives.get(opp.initiative_key)
            title = clean(ini.title) if ini is not None else opp.initiative_key
            out.append(TextCell(f"   → initiative {title}", size - 0.5, colour=style.COVERED))
    return out


def touchpoint_pages(
    strategy: Strategy, width: float, styles: dict[str, ParagraphStyle], accent: str
) -> list[Flowable]:
    """The touchpoint matrix, the warnings and each touchpoint's notes; nothing without any."""
    if not strategy.touchpoints:
        return []
    size = style.TABLE_SIZE if width >= 600 else style.TABLE_SIZE - 1
    out: list[Flowable] = [PageBreak(), Section("Touchpoints")]
    out.append(Paragraph("Touchpoints: the moments of truth", styles["h1"]))
    count = len(strategy.touchpoints)
    big = sum(1 for tp in strategy.touchpoints if tp.gap >= 4)
    facts = f"{count} touchpoint{'s' if count != 1 else ''} · {big} with a gap of 4 or 5"
    out += [Paragraph(facts, styles["small"]), Spacer(1, 6)]
    columns = _linked_initiatives(strategy)
    per = _per_table(strategy, width, size)
    chunks = [columns[i : i + per] for i in range(0, len(columns), per)]
    for chunk in chunks or [[]]:
        out += [_matrix(strategy, chunk, width, size, accent), Spacer(1, 4)]
    note = (
        f"{MARK} the initiative addresses the touchpoint; a tinted row has no initiative on it. "
        "Gap: 1 small to 5 painful."
    )
    out.append(Paragraph(note, styles["small"]))
    if columns:
        legend = "; ".join(
            f"<b>{markup(k, limit=40)}</b> {markup(strategy.initiatives[k].title, limit=90)}"
            for k in columns
        )
        out += [Spacer(1, 3), Paragraph(legend, styles["small"])]
    findings = touchpoint_findings(strategy)
    if findings:
        out.append(Paragraph("Warnings", styles["h2"]))
        for finding in findings:
            out.append(Paragraph(f"⚠ {markup(finding.message)}", styles["body"]))
    out += [PageBreak(), Section("Touchpoints")]
    out.append(Paragraph("Touchpoints: now, should, causes and opportunities", styles["h1"]))
    out += [Spacer(1, 4), _details(strategy, width, size, accent)]
    return out


def _measure_initiatives(strategy: Strategy, measure: Measure) -> str:
    titles = []
    for key in measure.initiatives:
        ini = strategy.initiatives.get(key)
        titles.append(f"{clean(ini.title)} ({key})" if ini is not None else key)
    return "; ".join(titles)


def _direction(measure: Measure) -> str:
    better = measure.higher_is_better
    return "" if better is None else ("↑ raise" if better else "↓ lower")


def measures_pages(
    strategy: Strategy, width: float, styles: dict[str, ParagraphStyle], accent: str
) -> list[Flowable]:
    """The KPI table: name, baseline, target, unit, target date, linked initiatives."""
    if not strategy.measures:
        return []
    size = style.TABLE_SIZE if width >= 600 else style.TABLE_SIZE - 1
    headers = ("Measure", "Baseline", "Target", "Unit", "Direction", "Target date", "Initiatives")
    rows: list[list[Any]] = [[header_cell(h, size, accent) for h in headers]]
    for measure in strategy.measures:
        rows.append(
            [
                TextCell(clean(measure.name), size, bold=True, max_lines=3),
                format_number(measure.baseline),
                format_number(measure.target),
                TextCell(clean(measure.unit), size, max_lines=2),
                _direction(measure),
                short_date(measure.target_date) if measure.target_date else "",
                TextCell(_measure_initiatives(strategy, measure), size, max_lines=6),
            ]
        )
    fixed = [44.0, 44.0, 48.0, 52.0, text_width("30 Sep 2025", size) + 2 * PAD + 2]
    flex = width - sum(fixed)
    widths = [flex * 0.36, *fixed, flex * 0.64]
    commands = table_style(accent, size)
    commands.append(("ALIGN", (1, 1), (2, -1), "RIGHT"))
    table = LongTable(rows, colWidths=widths, repeatRows=1, style=commands, hAlign="LEFT")
    count = len(strategy.measures)
    dated = sum(1 for m in strategy.measures if m.target_date)
    facts = f"{count} measure{'s' if count != 1 else ''}"
    if dated:
        facts += f" · {dated} with a target date, shown as a flag on the roadmap"
    charts = trend_grid(strategy.measures, strategy.start, width)
    if charts:
        facts += " · below, each measure's readings against its line to the target"
    return [
        PageBreak(),
        Section("Measures"),
        KeepTogether(
            [Paragraph("Measures", styles["h1"]), Paragraph(facts, styles["small"]), Spacer(1, 6)]
        ),
        table,
        *([Spacer(1, 10), *charts] if charts else []),
    ]

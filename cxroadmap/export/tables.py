"""Phase pages: per phase, a table of its initiatives and its stretch of the critical path."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from cxroadmap.common import style
from cxroadmap.domain.field_text import display_text
from cxroadmap.domain.fields import MONEY, Field
from cxroadmap.domain.labels import status_label
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.money import format_amount
from cxroadmap.domain.pillars import pillar_colour, pillar_label
from cxroadmap.domain.registry import INITIATIVE
from cxroadmap.export.cells import Memo, TextCell
from cxroadmap.export.chunked import ChunkedTable
from cxroadmap.export.fonts import clean, font_set, markup, text_width
from cxroadmap.export.textformat import (
    duration_text,
    lag_text,
    long_date,
    short_date,
)
from cxroadmap.scheduling.budget import BudgetLine, budget_summary
from cxroadmap.scheduling.result import Schedule, ScheduledInitiative

HEADERS = ("Initiative", "Pillar", "Owner", "Start", "Finish", "Duration", "Slack", "Status")
# The registry fields those columns show; any other field marked `pdf` gets a column of its
# own (before "Depends on") once an initiative has a value for it.
BUILT_IN = frozenset({"title", "pillar", "owner", "duration", "status"})
DEPENDS = "Depends on"
# Shares of the width left after the fixed columns: initiative, pillar, owner, depends on.
FLEX = (0.38, 0.17, 0.15, 0.30)
FLEX_NARROW = (0.34, 0.21, 0.17, 0.28)  # portrait: a pillar name still fits on two lines
PAD = 3.0


class Section(Flowable):  # type: ignore[misc]
    """Invisible marker: the page headers name the section from here on."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.cx_section = self.name


class Progress(Flowable):  # type: ignore[misc]
    """Invisible marker: reports `count` more initiatives done when the page reaches it."""

    def __init__(self, count: int, report: Callable[[int], None] | None) -> None:
        super().__init__()
        self.count = count
        self.report = report

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.report is not None:
            self.report(self.count)


def table_style(accent: str, size: float) -> list[tuple[Any, ...]]:
    """The house style of every PDF table: accent header, zebra rows, hairlines."""
    fs = font_set()
    header_ink = style.PAPER if style.is_dark(accent) else style.INK
    return [
        ("FONT", (0, 0), (-1, 0), fs.bold, size),
        ("FONT", (0, 1), (-1, -1), fs.regular, size),
        ("LEADING", (0, 0), (-1, -1), size * 1.25),
        ("TEXTCOLOR", (0, 0), (-1, 0), HexColor(header_ink)),
        ("TEXTCOLOR", (0, 1), (-1, -1), HexColor(style.INK)),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(accent)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [HexColor(style.PAPER), HexColor(style.ZEBRA)]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, HexColor(style.RULE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def _extra_fields(strategy: Strategy) -> list[Field]:
    """Registry fields the PDF shows beyond the built-in columns, when any initiative has one."""
    return [
        f
        for f in INITIATIVE.values()
        if f.pdf
        and f.name not in BUILT_IN
        and any(getattr(i, f.name) not in (None, "", []) for i in strategy.initiatives.values())
    ]


def _extra_width(strategy: Strategy, f: Field, size: float) -> float:
    dpw = strategy.days_per_week
    texts = [display_text(f, getattr(i, f.name), dpw) for i in strategy.initiatives.values()]
    if f.kind == MONEY:
        texts.append(
            format_amount(sum(getattr(i, f.name) or 0 for i in strategy.initiatives.values()))
        )
    widest = max([text_width(t, size) for t in texts] + [text_width(f.label, size, bold=True)])
    return widest + 2 * PAD + 1


def _column_widths(width: float, size: float, extra: Sequence[float] = ()) -> list[float]:
    fixed = [
        text_width("30 Sep 2025", size) + 2 * PAD + 1,
        text_width("30 Sep 2025", size) + 2 * PAD + 1,
        text_width("milestone", size) + 2 * PAD + 1,
        text_width("critical", size, bold=True) + 2 * PAD + 1,
        text_width("In progress", size) + 2 * PAD + 1,
    ]
    flex = width - sum(fixed) - sum(extra)
    shares = FLEX if width >= 600 else FLEX_NARROW
    title, pillar, owner, depends = (flex * share for share in shares)
    return [title, pillar, owner, *fixed, *extra, depends]


def _depends_on(strategy: Strategy, key: str, waits_on: dict[str, list[Any]]) -> str:
    parts = []
    for dep in waits_on.get(key, []):
        first = strategy.initiatives.get(dep.from_key)
        name = clean(first.title) if first is not None else dep.from_key
        extra = lag_text(dep.type, dep.lag, strategy.days_per_week)
        parts.append(f"{name} ({extra})" if extra else name)
    return "; ".join(parts)


def _table(
    strategy: Strategy,
    items: list[ScheduledInitiative],
    width: float,
    size: float,
    accent: str,
    waits_on: dict[str, list[Any]],
) -> ChunkedTable:
    fs = font_set()
    dpw = strategy.days_per_week
    extras = _extra_fields(strategy)
    header = [*HEADERS, *(f.label for f in extras), DEPENDS]
    rows: list[list[Any]] = []
    critical_rows = []
    totals = dict.fromkeys((f.name for f in extras if f.kind == MONEY), 0.0)
    memo: Memo = {}  # ten pillars and a few dozen owners down thousands of rows
    pillars: dict[str, tuple[str, str]] = {}
    for number, item in enumerate(items):
        initiative = strategy.initiatives.get(item.key)
        pillar = initiative.pillar if initiative is not None else ""
        owner = clean(initiative.owner) if initiative is not None else ""
        status = initiative.status if initiative is not None else ""
        title = clean(initiative.title if initiative is not None else item.title)
        shown = pillars.get(pillar)
        if shown is None:
            shown = pillars[pillar] = (clean(pillar_label(pillar)), pillar_colour(pillar))
        if item.critical:
            critical_rows.append(number)
        rows.append(
            [
                TextCell(title, size, bold=item.critical),
                TextCell(shown[0], size, max_lines=2, swatch=shown[1], memo=memo),
                TextCell(owner, size, max_lines=2, memo=memo),
                short_date(item.start),
                short_date(item.finish),
                duration_text(item.duration, dpw),
                "critical"
                if item.critical
                else duration_text(item.slack_days, dpw).replace("milestone", "0d"),
                status_label(status),
                *(display_text(f, getattr(initiative, f.name, None), dpw) for f in extras),
                TextCell(_depends_on(strategy, item.key, waits_on), size, max_lines=4),
            ]
        )
        for name in totals:
            dropped = initiative is None or initiative.status == "dropped"
            totals[name] += 0.0 if dropped else getattr(initiative, name) or 0.0
    commands = table_style(accent, size)
    first_extra = len(HEADERS)
    if extras:
        commands.append(("ALIGN", (first_extra, 0), (first_extra + len(extras) - 1, -1), "RIGHT"))
    red = HexColor(style.CRITICAL)
    critical = [
        ("TEXTCOLOR", (6, 0), (6, 0), red),
        ("FONT", (6, 0), (6, 0), fs.bold, size),
        ("LINEBEFORE", (0, 0), (0, 0), 2, red),
    ]
    row_commands = dict.fromkeys(critical_rows, critical)
    if totals:
        # A total row under the money columns (dropped initiatives are not counted).
        row_commands[len(rows)] = [
            ("FONT", (0, 0), (-1, 0), fs.bold, size),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, HexColor(style.INK)),
            ("BACKGROUND", (0, 0), (-1, 0), HexColor(style.PAPER)),
        ]
        rows.append(
            [
                "Total",
                *[""] * (len(HEADERS) - 1),
                *(format_amount(totals[f.name]) if f.name in totals else "" for f in extras),
                "",
            ]
        )
    widths = _column_widths(width, size, [_extra_width(strategy, f, size) for f in extras])
    return ChunkedTable(header, rows, widths, commands, row_commands)


def _critical_list(
    strategy: Strategy, schedule: Schedule, phase: str, size: float, accent: str, width: float
) -> ChunkedTable | None:
    chain = [(n, schedule.items[k]) for n, k in enumerate(schedule.critical_path, 1)]
    chain = [(n, item) for n, item in chain if item.phase == phase]
    if not chain:
        return None
    fs = font_set()
    rows: list[list[Any]] = []
    for number, item in chain:
        initiative = strategy.initiatives.get(item.key)
        title = clean(initiative.title if initiative is not None else item.title)
        rows.append(
            [
                str(number),
                TextCell(title, size),
                short_date(item.start),
                short_date(item.finish),
                duration_text(item.duration, strategy.days_per_week),
            ]
        )
    date_w = text_width("30 Sep 2025", size) + 2 * PAD + 1
    fixed = [text_width("999", size) + 2 * PAD + 2, date_w, date_w, date_w]
    widths = [fixed[0], min(width - sum(fixed), 420), *fixed[1:]]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, 0), fs.bold, size),
        ("FONT", (0, 1), (-1, -1), fs.regular, size),
        ("FONT", (0, 1), (0, -1), fs.bold, size),
        ("TEXTCOLOR", (0, 0), (-1, 0), HexColor(style.MUTED)),
        ("TEXTCOLOR", (0, 1), (0, -1), HexColor(style.CRITICAL)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, HexColor(style.CRITICAL)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, HexColor(style.RULE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
    ]
    return ChunkedTable(["#", "Initiative", "Start", "Finish", "Duration"], rows, widths, commands)


def _budget_fact(line: BudgetLine, currency: str) -> str:
    """`Planned EUR 120,000 of a EUR 150,000 budget`; over budget in red and bold."""
    text = f"Planned {format_amount(line.planned, currency)}"
    if line.budget is None:
        return markup(text, limit=200)
    text += f" of a {format_amount(line.budget, currency)} budget"
    if not line.over:
        return markup(text, limit=200)
    over = f"{text}: over by {format_amount(line.planned - line.budget, currency)}"
    return f'<font color="{style.CRITICAL}"><b>{markup(over, limit=200)}</b></font>'


def phase_pages(
    strategy: Strategy,
    schedule: Schedule,
    width: float,
    styles: dict[str, ParagraphStyle],
    accent: str,
    progress: Callable[[int], None] | None = None,
) -> list[Flowable]:
    """A page (or more) per phase: its initiatives, then its stretch of the critical path."""
    size = style.TABLE_SIZE if width >= 600 else style.TABLE_SIZE - 1
    waits_on: dict[str, list[Any]] = {}
    for dep in strategy.dependencies:
        waits_on.setdefault(dep.to_key, []).append(dep)
    bounds = strategy.phase_bounds()
    names = [name for name, _, _ in bounds]
    names += sorted({i.phase for i in schedule.items.values()} - set(names))
    by_phase: dict[str, list[ScheduledInitiative]] = {name: [] for name in names}
    for item in schedule.items.values():
        by_phase[item.phase].append(item)
    dates = {name: (begin, end) for name, begin, end in bounds}
    summary = budget_summary(strategy, schedule)
    budget = {line.name: line for line in summary.by_phase}
    currency = summary.currency
    out: list[Flowable] = []
    for name in names:
        items = sorted(by_phase[name], key=lambda i: (i.start, i.start_day, i.finish_day))
        out += [PageBreak(), Section(name), Paragraph(markup(name, limit=120), styles["h1"])]
        critical = sum(1 for i in items if i.critical)
        when = ""
        if name in dates:
            begin, end = dates[name]
            when = f"{long_date(begin)} – " + (
                long_date(end.fromordinal(end.toordinal() - 1)) if end else "open-ended"
            )
        count = f"{len(items)} initiative{'s' if len(items) != 1 else ''}"
        facts = " · ".join(p for p in (when, count, f"{critical} on the critical path") if p)
        out += [Paragraph(facts, styles["small"])]
        line = budget.get(name)
        if line is not None and (line.budget is not None or line.count):
            out.append(Paragraph(_budget_fact(line, currency), styles["small"]))
        out.append(Spacer(1, 6))
        chain = _critical_list(strategy, schedule, name, size, accent, width)
        if chain is not None:
            out += [Paragraph("Critical path in this phase, in order", styles["h2"]), chain]
            out += [Paragraph("All initiatives in this phase", styles["h2"])]
        if items:
            out.append(_table(strategy, items, width, size, accent, waits_on))
            note = "Durations and slack in working days (d) or weeks (w); slack is how long "
            note += "an initiative can slip without moving the finish."
            out += [Spacer(1, 4), Paragraph(note, styles["small"])]
        else:
            out.append(Paragraph("No initiative starts in this phase.", styles["body"]))
        out.append(Progress(len(items), progress))
    return out

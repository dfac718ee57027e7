"""Editable PowerPoint deck: title, roadmap, a slide per phase, touchpoints and measures."""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.util import Emu, Pt

from cxroadmap.common import style
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import brand_colours
from cxroadmap.export.fonts import clean
from cxroadmap.export.output import write_atomically
from cxroadmap.export.pdf import reference_date
from cxroadmap.export.pptx_changes import changes_slides
from cxroadmap.export.pptx_measures import notes
from cxroadmap.export.pptx_roadmap import Frame, draw_roadmap
from cxroadmap.export.pptx_shapes import DEFAULT_FONT, ShapeWriter, emu
from cxroadmap.export.pptx_tables import measure_slides, phase_slides, touchpoint_slides
from cxroadmap.export.textformat import long_date
from cxroadmap.export.timeline import HEADING_H, plan_timeline
from cxroadmap.scheduling.result import Schedule

ASPECTS = {"16:9": (960.0, 540.0), "4:3": (720.0, 540.0)}  # slide size in points
MARGIN = 28.0
# The PDF's chart, enlarged for a room: labels 9 pt at 1.3, and never below the PDF's 7 pt.
ZOOMS = (1.3, 1.15, 1.0)
ONE_SLIDE_AT_MOST = 250  # initiatives; more never fit one slide at a readable size
TITLE_SLIDE, TITLE_ONLY = 0, 5  # layouts of python-pptx's default template


@dataclass
class DeckOptions:
    """The CLI's --aspect and --title; `accent`, `font` and `logo` come from the brand kit."""

    aspect: str = "16:9"
    title: str | None = None
    accent: str | None = None
    font: str | None = None
    logo: bytes | None = None
    client: str = ""
    today: dt.date | None = None
    show_today: bool = True
    pillar_colours: dict[str, str] = field(default_factory=dict)


class Deck:
    """The presentation being built, with its size, font and accent."""

    def __init__(self, options: DeckOptions) -> None:
        if options.aspect not in ASPECTS:
            raise ValidationError("--aspect", f"expected 16:9 or 4:3, got {options.aspect!r}")
        self.options = options
        self.width, self.height = ASPECTS[options.aspect]
        self.font = clean(options.font) or DEFAULT_FONT
        self.accent = options.accent or style.ACCENT
        self.prs: Any = Presentation()
        self.writers: list[ShapeWriter] = []
        self.prs.slide_width, self.prs.slide_height = Emu(emu(self.width)), Emu(emu(self.height))

    def slide(self, title: str, layout: int = TITLE_ONLY) -> tuple[Any, ShapeWriter]:
        """A new slide whose title placeholder holds `title` (editable as the slide's title)."""
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[layout])
        if self.writers:
            self.writers[-1].flush()  # the previous slide is complete
        holder = slide.shapes.title
        holder.left, holder.top = emu(MARGIN), emu(16)
        holder.width, holder.height = emu(self.width - 2 * MARGIN), emu(34)
        self.set_text(holder, title, 22, self.accent, bold=True)
        self.writers.append(ShapeWriter(slide, self.font))
        return slide, self.writers[-1]

    def set_text(self, shape: Any, text: str, size: float, colour: str, bold: bool = False) -> None:
        from pptx.dml.color import RGBColor
        from pptx.enum.text import PP_ALIGN

        frame = shape.text_frame
        frame.text = clean(text, single_line=False)
        frame.word_wrap = True
        for paragraph in frame.paragraphs:
            paragraph.alignment = PP_ALIGN.LEFT
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.bold = bold
                run.font.name = self.font
                run.font.color.rgb = RGBColor(*bytes.fromhex(colour.lstrip("#")))  # type: ignore[no-untyped-call]

    def logo(self, slide: Any, right: float, top: float, height: float) -> None:
        """The brand kit's logo, `height` points tall, its right edge at `right`."""
        if not self.options.logo:
            return
        from PIL import Image

        with Image.open(io.BytesIO(self.options.logo)) as image:
            width = height * image.width / max(1, image.height)
        slide.shapes.add_picture(
            io.BytesIO(self.options.logo), emu(right - width), emu(top), emu(width), emu(height)
        )

    def save(self) -> bytes:
        for writer in self.writers:
            writer.flush()
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()


def _title_slide(deck: Deck, strategy: Strategy, schedule: Schedule) -> None:
    name = clean(strategy.name) or "Untitled strategy"
    title = clean(deck.options.title) or name
    slide, out = deck.slide(title, TITLE_SLIDE)
    holder = slide.shapes.title
    holder.top, holder.height = emu(deck.height * 0.30), emu(90)
    deck.set_text(holder, title, 36, deck.accent, bold=True)
    sub = slide.placeholders[1]
    sub.left, sub.top = emu(MARGIN), emu(deck.height * 0.30 + 100)
    sub.width, sub.height = emu(deck.width - 2 * MARGIN), emu(80)
    lines = [f"{long_date(schedule.start)} – {long_date(schedule.finish)}"]
    if deck.options.client:
        lines.insert(0, f"Prepared for {clean(deck.options.client)}")
    if strategy.owner:
        lines.append(f"Owner: {clean(strategy.owner)}")
    deck.set_text(sub, "\n".join(lines), 16, style.MUTED)
    out.shape("rect", MARGIN, deck.height * 0.30 - 10, 80, 5, deck.accent, name="Accent rule")
    deck.logo(slide, deck.width - MARGIN, MARGIN, 48)


def _roadmap_slides(
    deck: Deck, strategy: Strategy, schedule: Schedule, today: dt.date | None
) -> int:
    top = 16.0  # the chart's own heading strip holds the slide title
    area_w, area_h = deck.width - 2 * MARGIN, deck.height - top - 18
    # The largest type that keeps the roadmap on one slide; past that, the largest type and
    # as many slides as needed (the chart layout splits lanes between pages like the PDF).
    # Past a few hundred bars no zoom gets them on one slide: do not try the smaller ones.
    tries = ZOOMS if len(schedule.items) <= ONE_SLIDE_AT_MOST else ZOOMS[:1]
    charts = []
    for zoom in tries:
        charts.append(
            plan_timeline(strategy, schedule, area_w / zoom, area_h / zoom, today, with_strip=True)
        )
        if charts[-1].pages == 1:
            break
    else:
        zoom = ZOOMS[0]
    chart = charts[-1] if charts[-1].pages == 1 else charts[0]
    for index in range(chart.pages):
        title = "Roadmap" + (f" ({index + 1} of {chart.pages})" if chart.pages > 1 else "")
        slide, out = deck.slide(title)
        holder = slide.shapes.title
        holder.height = emu(HEADING_H * zoom)
        deck.set_text(holder, title, 20, deck.accent, bold=True)
        draw_roadmap(out, chart, index, Frame(MARGIN, top, zoom, area_h / zoom))
        if measures := notes(chart):  # the full names of labels the slide had to shorten
            slide.notes_slide.notes_text_frame.text = measures
    return chart.pages


def render_pptx(
    strategy: Strategy, schedule: Schedule, options: DeckOptions | None = None
) -> bytes:
    """The deck as .pptx bytes (export_pptx writes them to a file)."""
    options = options or DeckOptions()
    with brand_colours(options.pillar_colours):
        return _render(strategy, schedule, options)


def _render(strategy: Strategy, schedule: Schedule, options: DeckOptions) -> bytes:
    deck = Deck(options)
    _title_slide(deck, strategy, schedule)
    changes_slides(deck, strategy, schedule)  # against the chosen baseline, if any
    today = (options.today or reference_date()) if options.show_today else None
    _roadmap_slides(deck, strategy, schedule, today)
    phase_slides(deck, strategy, schedule)
    touchpoint_slides(deck, strategy)
    measure_slides(deck, strategy)
    return deck.save()


def export_pptx(
    strategy: Strategy,
    schedule: Schedule,
    path: str | os.PathLike[str],
    options: DeckOptions | None = None,
) -> None:
    """Write the deck to `path`: all of it or, on any error, nothing at all."""
    data = render_pptx(strategy, schedule, options)
    write_atomically(Path(path), data)

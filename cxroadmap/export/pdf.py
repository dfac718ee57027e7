"""PDF export: options and their checks; builds cover, timeline and phase pages, atomically."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from isal import isal_zlib
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape, letter, portrait
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from cxroadmap import __version__
from cxroadmap.common import style
from cxroadmap.common.atomic import write_bytes_atomically
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import brand_colours, pillar_colour
from cxroadmap.export import cover
from cxroadmap.export.budget_pages import budget_pages
from cxroadmap.export.changes_pages import changes_pages
from cxroadmap.export.chartlayout import pillars_present
from cxroadmap.export.cjk_font import CJK_ENV
from cxroadmap.export.cx_pages import measures_pages, touchpoint_pages
from cxroadmap.export.fonts import (
    clean,
    font_set,
    shorten,
    take_missing,
    use_brand_font,
)
from cxroadmap.export.output import check_target
from cxroadmap.export.pages import Furniture, RoadmapDocument, body_frame, numbered_canvas
from cxroadmap.export.rag_pages import rag_pages
from cxroadmap.export.rollup import rollup_pages
from cxroadmap.export.tables import Section, phase_pages
from cxroadmap.export.timeline import plan_timeline
from cxroadmap.export.typography import paragraph_styles
from cxroadmap.scheduling.result import Schedule

PAGE_SIZES = {"A4": A4, "LETTER": letter, "A3": A3}
log = logging.getLogger(__name__)
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

Progress = Callable[[int, int], None]

# reportlab keeps fonts and settings in module globals: one build at a time.
_BUILD_LOCK = threading.Lock()


class _QuickFlate(pdfdoc.PDFStreamFilterZCompress):  # type: ignore[misc]
    """Flate streams by ISA-L's deflate (the `isal` package, which packs our PNGs too), not
    zlib's level 6: the same stream format, 166 to 18 ms of CPU for the streams of a
    5,000-initiative PDF, for a file about 12 % bigger."""

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        return bytes(isal_zlib.compress(data, 2))


@dataclass
class PdfOptions:
    """How the PDF looks: the CLI's --page, --portrait, --title, --accent, --logo and --fit."""

    page: str = "A4"
    portrait: bool = False
    title: str | None = None
    accent: str | None = None
    logo: str | os.PathLike[str] | bytes | None = None
    fit: bool = False
    # The brand kit's pillar colours (pillar key or label -> #rrggbb).
    pillar_colours: dict[str, str] = field(default_factory=dict)
    show_today: bool = True  # a saved view may hide today's line
    font: str | None = None  # the brand kit's font family (fonts.use_brand_font)


def page_size(options: PdfOptions) -> tuple[float, float]:
    size = PAGE_SIZES.get(str(options.page).strip().upper())
    if size is None:
        raise ValidationError("--page", f"unknown page size {options.page!r}; use A4, Letter or A3")
    width, height = portrait(size) if options.portrait else landscape(size)
    return float(width), float(height)


def accent_colour(value: str | None) -> str:
    """The accent as #rrggbb, from `#1f4e79`, `1f4e79`, `#18a` or a colour name like `teal`."""
    if value is None or not str(value).strip():
        return style.ACCENT
    text = str(value).strip()
    match = _HEX.match(text)
    if match:
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return "#" + digits.lower()
    named = colors.getAllNamedColors().get(text.lower())
    if named is not None:
        return "#" + str(named.hexval())[2:].lower()
    raise ValidationError(
        "--accent", f"expected a colour like #1f4e79 or a name like teal, got {text!r}"
    )


def load_logo(path: str | os.PathLike[str] | bytes | None) -> ImageReader | None:
    """The logo image, read into memory (PNG, JPEG or GIF); bytes are the image itself
    (the brand kit's logo)."""
    if isinstance(path, bytes):
        if not path:
            return None
        file, data = Path("brand kit logo"), path
    elif path is None or not str(path).strip():
        return None
    else:
        file = Path(path)
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise ValidationError("--logo", f"cannot read {file}: {exc.strerror or exc}") from exc
    try:
        image = ImageReader(io.BytesIO(data))
        width, height = image.getSize()
    except Exception as exc:  # Pillow raises many kinds for a bad image
        raise ValidationError("--logo", f"{file} is not a PNG, JPEG or GIF image") from exc
    if width < 1 or height < 1:
        raise ValidationError("--logo", f"{file} is an empty image")
    return image


def reference_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH (UTC) when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        except (ValueError, OverflowError, OSError) as exc:
            raise ValidationError("SOURCE_DATE_EPOCH", f"not a Unix time: {epoch!r}") from exc
    return dt.date.today()


def render_pdf(
    strategy: Strategy,
    schedule: Schedule,
    options: PdfOptions | None = None,
    progress: Progress | None = None,
    children: list[tuple[Strategy, Schedule]] | None = None,
) -> bytes:
    """The PDF as bytes, with the pillars in the brand kit's colours (see _render_pdf)."""
    chosen = options or PdfOptions()
    use_brand_font(chosen.font)  # every text in the brand kit's font, when it can be embedded
    try:
        with brand_colours(chosen.pillar_colours):
            return _render_pdf(strategy, schedule, options, progress, children)
    finally:
        use_brand_font(None)


def _render_pdf(
    strategy: Strategy,
    schedule: Schedule,
    options: PdfOptions | None = None,
    progress: Progress | None = None,
    children: list[tuple[Strategy, Schedule]] | None = None,
) -> bytes:
    """The PDF as bytes (export_pdf writes them to a file).

    `children` are the strategies below `strategy` in its cascade, each with its schedule
    (any depth, parents before children): they add the roll-up and alignment pages.
    """
    options = options or PdfOptions()
    size = page_size(options)
    accent = accent_colour(options.accent)
    logo = load_logo(options.logo)
    font_set()
    take_missing()
    today = reference_date()
    name = clean(strategy.name) or "Untitled strategy"
    title = clean(options.title) if options.title and clean(options.title) else name
    total = 2 * len(schedule.items)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done = min(total, done + count)
        if progress is not None:
            progress(done, total)

    width, height = size
    styles = paragraph_styles(accent)
    geo = cover.geometry(width, height, logo)
    _, _, frame_w, frame_h = body_frame(width, height)
    line_day = today if options.show_today else None
    chart = plan_timeline(strategy, schedule, frame_w, frame_h - 1, line_day, options.fit)
    story: list[Flowable] = [NextPageTemplate("body")]
    story += cover.flowables(strategy, schedule, title, styles, accent, geo)
    story += changes_pages(strategy, schedule, frame_w, styles, accent)  # against a baseline
    story += [PageBreak(), Section("Roadmap overview" if options.fit else "Roadmap")]
    story += chart.flowables(advance)
    story += phase_pages(strategy, schedule, frame_w, styles, accent, advance)
    story += rag_pages(strategy, schedule, frame_w, styles, accent)
    story += budget_pages(strategy, schedule, frame_w, styles, accent)
    story += touchpoint_pages(strategy, frame_w, styles, accent)
    story += measures_pages(strategy, frame_w, styles, accent)
    story += rollup_pages(strategy, schedule, children or [], frame_w, frame_h, styles, accent)
    pillars = [colour for _, colour in pillars_present(strategy, schedule)]
    owner = clean(strategy.owner)
    metadata = {
        "title": shorten(title, 300),
        "author": shorten(owner, 300) if owner else "cxroadmap",
        "subject": shorten(f"Customer-experience roadmap: {name}", 300),
        "creator": f"cxroadmap {__version__}",
        "keywords": "customer experience, roadmap, strategy",
    }
    buffer = io.BytesIO()
    info = Furniture(title, name, today, accent, logo)
    doc = RoadmapDocument(buffer, size, info, geo, pillars or [pillar_colour("")], metadata)
    doc.invariant = 1 if os.environ.get("SOURCE_DATE_EPOCH", "").strip() else 0
    with _BUILD_LOCK:
        # Plain compressed streams: ASCII85 on top costs a quarter of the build time and
        # makes the file bigger; nothing that reads PDFs today needs 7-bit streams.
        saved, rl_config.useA85 = rl_config.useA85, 0
        flate, pdfdoc.PDFZCompress = pdfdoc.PDFZCompress, _QuickFlate()
        try:
            doc.build(story, canvasmaker=numbered_canvas(width))
        finally:
            rl_config.useA85 = saved
            pdfdoc.PDFZCompress = flate
    missing = take_missing()
    if missing:
        log.warning(
            "no installed font can draw %d character(s) such as %s; they print as \ufffd "
            "(install a TrueType font for them or point %s at one)",
            len(missing),
            " ".join(missing[:8]),
            CJK_ENV,
        )
    advance(total)
    return buffer.getvalue()


def export_pdf(
    strategy: Strategy,
    schedule: Schedule,
    path: str | os.PathLike[str],
    options: PdfOptions | None = None,
    progress: Progress | None = None,
    children: list[tuple[Strategy, Schedule]] | None = None,
) -> None:
    """Write the roadmap PDF to `path`: all of it or, on any error, nothing at all."""
    target = Path(path)
    check_target(target)
    write_bytes_atomically(target, render_pdf(strategy, schedule, options, progress, children))

"""Paragraph styles of the PDF (cover and headings), built on the embedded DejaVu Sans."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle

from cxroadmap.common import style
from cxroadmap.export.fonts import font_set


def paragraph_styles(accent: str) -> dict[str, ParagraphStyle]:
    fs = font_set()
    on_accent = HexColor(style.PAPER if style.is_dark(accent) else style.INK)
    ink, muted = HexColor(style.INK), HexColor(style.MUTED)
    base = ParagraphStyle("base", fontName=fs.regular, fontSize=9.5, leading=13, textColor=ink)
    return {
        "body": base,
        "lead": ParagraphStyle("lead", base, fontSize=12, leading=17),
        "small": ParagraphStyle("small", base, fontSize=8, leading=11, textColor=muted),
        "label": ParagraphStyle(
            "label", base, fontName=fs.bold, fontSize=7.5, leading=10, textColor=HexColor(accent)
        ),
        "h1": ParagraphStyle(
            "h1", base, fontName=fs.bold, fontSize=style.HEADING_SIZE, leading=20, spaceAfter=2
        ),
        "h2": ParagraphStyle(
            "h2", base, fontName=fs.bold, fontSize=11, leading=14, spaceBefore=12, spaceAfter=5
        ),
        "kicker": ParagraphStyle(
            "kicker", base, fontName=fs.bold, fontSize=8, leading=11, textColor=on_accent
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            base,
            fontName=fs.bold,
            fontSize=style.COVER_TITLE_SIZE,
            leading=style.COVER_TITLE_SIZE * 1.15,
            textColor=on_accent,
        ),
        "cover_sub": ParagraphStyle(
            "cover_sub", base, fontSize=13, leading=17, textColor=on_accent
        ),
        "cover_fact": ParagraphStyle(
            "cover_fact", base, fontSize=10, leading=15, textColor=on_accent
        ),
        "stat": ParagraphStyle(
            "stat", base, fontName=fs.bold, fontSize=20, leading=23, textColor=HexColor(accent)
        ),
        "stat_label": ParagraphStyle(
            "stat_label", base, fontSize=7.5, leading=9.5, textColor=muted
        ),
    }

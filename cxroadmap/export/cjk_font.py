"""The CJK TrueType font for the PDF, found and registered the first time a text needs it.

Looking for one costs: where no known font file exists, fontconfig is asked three times (a
child process each) and a CJK font file takes longer to parse than DejaVu Sans. Most
roadmaps have no CJK text at all, so `cjk_font` is called only when a character that the
base fonts cannot draw turns up (fonts.runs), and once per choice of font after that.
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from cxroadmap.export import fontconfig

log = logging.getLogger(__name__)

CJK = "CxCJK"

# Set CXROADMAP_CJK_FONT to a font file to choose one, or to "none" to print without CJK.
CJK_ENV = "CXROADMAP_CJK_FONT"

# TrueType fonts with CJK glyphs in their usual places (reportlab cannot embed CFF outlines,
# so the common Noto Sans CJK .ttc files do not load and are skipped when found).
KNOWN_CJK_FONTS = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/usr/share/fonts/truetype/takao-gothic/TakaoPGothic.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/msgothic.ttc",
    "C:/Windows/Fonts/malgun.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)


@dataclass(frozen=True)
class CjkFont:
    """The registered CJK font (name None: there is none) and the code points it draws."""

    name: str | None
    path: str | None
    cover: frozenset[int]


def _fontconfig_files() -> Iterator[str]:
    for lang in ("zh", "ja", "ko"):
        out = fontconfig.ask("fc-list", f":lang={lang}", "file")
        if out is None:
            continue
        # Sorted so the choice does not depend on fontconfig's cache order.
        yield from sorted(line.strip().rstrip(":") for line in out.splitlines() if line.strip())


def _candidates(choice: str) -> Iterator[str]:
    """CJK font files to try, best first: the override, known paths, then fontconfig's.

    Lazy, so fontconfig is only asked when no known font loads.
    """
    if choice.lower() == "none":
        return
    if choice:
        yield choice
        return
    seen: set[str] = set()
    for path in itertools.chain(
        (p for p in KNOWN_CJK_FONTS if Path(p).is_file()), _fontconfig_files()
    ):
        if path not in seen and path.lower().endswith((".ttf", ".ttc", ".otf")):
            seen.add(path)
            yield path


def _load(choice: str) -> tuple[TTFont, str] | None:
    chosen = choice.lower() not in ("", "none")
    for path in _candidates(choice):
        try:
            font = TTFont(CJK, path, subfontIndex=0)
        except (TTFError, OSError, ValueError, KeyError) as exc:
            (log.warning if chosen else log.debug)("%s: font %s not usable: %s", CJK_ENV, path, exc)
            continue
        if 0x4E00 in font.face.charToGlyph:
            return font, path
        if chosen:
            log.warning("%s: font %s has no CJK characters", CJK_ENV, path)
    return None


@functools.cache
def cjk_font(choice: str) -> CjkFont:
    """Find and register the CJK font for `choice` (the CXROADMAP_CJK_FONT value), once."""
    loaded = _load(choice)
    if loaded is None:
        return CjkFont(None, None, frozenset())
    font, path = loaded
    pdfmetrics.registerFont(font)
    for b in (0, 1):
        for i in (0, 1):
            addMapping(CJK, b, i, CJK)
    return CjkFont(CJK, path, frozenset(font.face.charToGlyph))


def current_choice() -> str:
    """The CXROADMAP_CJK_FONT setting as the fonts module reads it."""
    return os.environ.get(CJK_ENV, "").strip()

"""Qt colours and fonts for the roadmap views, taken from the style the PDF uses (one place)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QFontMetricsF, QPen

from cxroadmap.common import style
from cxroadmap.domain.pillars import pillar_colour

FAMILY = "DejaVu Sans"


@functools.cache
def colour(hex_colour: str) -> QColor:
    return QColor(hex_colour)


@functools.cache
def pen(hex_colour: str, width: float, blend: float = 1.0) -> QPen:
    """A pen of `hex_colour` (`blend` of it on paper), made once: bars paint it by thousands."""
    return QPen(colour(hex_colour if blend == 1.0 else style.mix(hex_colour, blend)), width)


def pillar(text: str) -> QColor:
    return colour(pillar_colour(text))


def done_fraction(state: str, percent: int) -> float:
    """How much of a bar or card to fill as done: all of a complete one, a started one's %."""
    if state == "complete":
        return 1.0
    if state == "started":
        return max(0.0, min(1.0, percent / 100))
    return 0.0


def progress_colour(fill: str) -> QColor:
    """The done part drawn over a bar of colour `fill`: the same hue, much darker."""
    return colour(style.mix(fill, 0.45, style.INK))


def text_on(hex_colour: str) -> QColor:
    """White or ink, whichever reads better on `hex_colour`."""
    return colour(style.PAPER if style.is_dark(hex_colour) else style.INK)


@functools.cache
def _register_fonts() -> str:
    """Load the DejaVu Sans shipped for the PDF so the views and exports match it everywhere."""
    from cxroadmap.common.resources import resource_path

    family = FAMILY
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        try:
            ident = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        except FileNotFoundError:
            continue
        families = QFontDatabase.applicationFontFamilies(ident) if ident >= 0 else []
        if families:
            family = families[0]
    return family


_brand_family = ""  # the open document's brand font, when installed ("": DejaVu Sans)


def family() -> str:
    """The font family every view, presentation and image draws its text in."""
    return _brand_family or _register_fonts()


def use_brand_font(name: str | None) -> bool:
    """Draw in the brand kit's font family `name` from now on (None or "": the app's own);
    False, and the app's own font, when `name` is not installed."""
    global _brand_family
    wanted = (name or "").strip()
    _register_fonts()
    known = {f.lower(): f for f in QFontDatabase.families()}
    _brand_family = known.get(wanted.lower(), "")
    return bool(_brand_family) or not wanted


@contextlib.contextmanager
def brand_font(name: str | None) -> Iterator[bool]:
    """Draw in `name` inside the block (an image export), then go back."""
    saved = _brand_family
    try:
        yield use_brand_font(name)
    finally:
        use_brand_font(saved)


def font(points: float, bold: bool = False) -> QFont:
    result = QFont(family())
    result.setPointSizeF(points)
    result.setBold(bold)
    # Pixel-exact hinting keeps small labels crisp on screen and in PNG exports alike.
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return result


def label_font(points: float, bold: bool = False, struck: bool = False) -> QFont:
    """`font(points, bold)`, struck out or not: made once per family and kind, as a bar's
    title is drawn thousands of times in an export."""
    return _label_font(family(), points, bold, struck)


@functools.cache
def _label_font(name: str, points: float, bold: bool, struck: bool) -> QFont:
    result = font(points, bold)
    result.setStrikeOut(struck)
    return result


@dataclass(frozen=True)
class Metrics:
    """Sizes (pixels at zoom 1) of one rendering: normal on screen, or `large` for presenting."""

    row: float = 24.0
    bar: float = 16.0
    lane_header: float = 26.0
    axis: float = 40.0
    label_pt: float = 8.5
    axis_pt: float = 8.0
    lane_pt: float = 9.0
    heading_pt: float = 13.0
    card_width: float = 260.0
    card_height: float = 84.0
    node_width: float = 190.0
    node_height: float = 58.0

    def scaled(self, factor: float) -> Metrics:
        return Metrics(*(getattr(self, f) * factor for f in self.__dataclass_fields__))


NORMAL = Metrics()
LARGE = NORMAL.scaled(1.6)


ELLIPSIS = "…"
# Left dangling before an ellipsis these read as part of a cut sentence: dropped with it.
_TRAILING = " ,;:·-–—(/&+"


def elide(
    metrics: QFontMetricsF | QFontMetrics, text: str, width: float, whole_words: bool = False
) -> str:
    """`text` when it fits in `width` pixels, else the most whole words that fit and an
    ellipsis. When not even the first word fits: "" with `whole_words` (a flag or an axis
    label can go without), else that word cut inside with the ellipsis (a title must show
    something). Views put the full text in a tooltip."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    room = width - metrics.horizontalAdvance(ELLIPSIS)
    if room <= 0:
        return ""
    kept = ""
    for end in (i for i, ch in enumerate(text) if ch == " "):
        head = text[:end].rstrip(_TRAILING)
        if not head:
            continue
        if metrics.horizontalAdvance(head) > room:
            break
        kept = head
    if kept:
        return kept + ELLIPSIS
    if whole_words:
        return ""
    cut = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width))
    return "" if cut == ELLIPSIS else cut


def wrap(metrics: QFontMetricsF, text: str, width: float, max_lines: int) -> list[str]:
    """Word-wrap `text` to at most `max_lines` lines of `width`, eliding the last one at a
    word boundary."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for i, word in enumerate(words):
        trial = f"{current} {word}".strip()
        if metrics.horizontalAdvance(trial) <= width or not current:
            current = trial
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines - 1:
            current = " ".join(words[i:])
            break
    if current:
        lines.append(current)
    return [elide(metrics, line, width) for line in lines[:max_lines]]

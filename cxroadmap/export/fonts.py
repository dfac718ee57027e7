"""Fonts for the PDF: embedded DejaVu Sans, an installed CJK TrueType font if any, per-run use.

Every user string reaches the page through this module, so it is where text is made safe:
control characters go, characters no font can draw become U+FFFD (never a box), and text is
measured, shortened and wrapped here so a 10,000-character word cannot overflow anything.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import unicodedata
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cxroadmap.common.resources import resource_path
from cxroadmap.export.brand_fonts import load_brand
from cxroadmap.export.cjk_font import CJK, CJK_ENV, cjk_font

REGULAR = "CxSans"
BOLD = "CxSans-Bold"
ELLIPSIS = "…"
REPLACEMENT = "\ufffd"

_CJK_CHAR = (
    "\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u318f\u31a0-\u31ff"
    "\u3200-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef"
)
# A token is a run of spaces, one CJK character (a line may break after any of them) or a word.
_TOKENS = re.compile(rf"\s+|[{_CJK_CHAR}]|[^\s{_CJK_CHAR}]+")
_SPACES = re.compile(r"[\t\r\n\f\v\u2028\u2029]+")


@dataclass(frozen=True)
class FontSet:
    """The registered fonts and the code points each can draw.

    With a brand font, `regular` and `bold` are the brand's and `fallback` (DejaVu Sans, with
    what it covers) draws the characters the brand font lacks. The CJK font is looked for
    the first time `cjk`, `cjk_path` or `cjk_cover` is read (cjk_font.py says why).
    """

    regular: str
    bold: str
    cjk_choice: str  # the CXROADMAP_CJK_FONT setting the CJK font is chosen by
    base_cover: frozenset[int]
    fallback: tuple[str, str, frozenset[int]] | None = None
    brand_path: str | None = None  # the brand font's file, when the brand font is used

    @property
    def cjk(self) -> str | None:
        return cjk_font(self.cjk_choice).name

    @property
    def cjk_path(self) -> str | None:
        return cjk_font(self.cjk_choice).path

    @property
    def cjk_cover(self) -> frozenset[int]:
        return cjk_font(self.cjk_choice).cover


@functools.cache
def _font_set(cjk_choice: str, brand: str = "") -> FontSet:
    regular = TTFont(REGULAR, str(resource_path("fonts", "DejaVuSans.ttf")))
    bold = TTFont(BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(bold)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    dejavu = frozenset(regular.face.charToGlyph) & frozenset(bold.face.charToGlyph)
    loaded_brand = load_brand(brand) if brand else None
    if loaded_brand is None:
        return FontSet(REGULAR, BOLD, cjk_choice, dejavu)
    brand_regular, brand_bold, path = loaded_brand
    for font in (brand_regular, brand_bold):
        pdfmetrics.registerFont(font)
    name, bold_name = brand_regular.fontName, brand_bold.fontName
    for b, i in itertools.product((0, 1), (0, 1)):
        addMapping(name, b, i, bold_name if b else name)
    cover = frozenset(brand_regular.face.charToGlyph) & frozenset(brand_bold.face.charToGlyph)
    return FontSet(name, bold_name, cjk_choice, cover, (REGULAR, BOLD, dejavu), path)


_active: FontSet | None = None
_brand = ""  # the brand kit's font family for the export being made ("": DejaVu Sans)
_missing: set[str] = set()  # characters printed as U+FFFD since the last take_missing()


def font_set() -> FontSet:
    """Register the fonts (once per CJK choice and brand font) and say which are available.

    Each export calls this first; text functions then use the same set without looking at
    the environment again for every string.
    """
    global _active
    _active = _font_set(os.environ.get(CJK_ENV, "").strip(), _brand)
    return _active


def use_brand_font(family: str | None) -> FontSet:
    """Set the text of the exports that follow in `family` (None or "": DejaVu Sans).

    A family that is not installed, or whose outlines reportlab cannot embed (PostScript/CFF
    .otf), falls back to the embedded DejaVu Sans with a warning in the log.
    """
    global _brand
    _brand = (family or "").strip()
    return font_set()


def take_missing() -> list[str]:
    """Characters no available font could draw since the last call (they printed as U+FFFD)."""
    found = sorted(_missing)
    _missing.clear()
    return found


def _fonts() -> FontSet:
    return _active if _active is not None else font_set()


def clean(text: object, single_line: bool = True) -> str:
    """User text made printable: str, tabs and line breaks as spaces (or kept as `\\n`)."""
    value = "" if text is None else str(text)
    if single_line:
        return _SPACES.sub(" ", value).strip()
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(_SPACES.sub(" ", line).rstrip() for line in value.split("\n")).strip()


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """(font name, text) pieces of `text`: each character in a font that can draw it."""
    fs = _fonts()
    base = fs.bold if bold else fs.regular
    if text.isascii() and text.isprintable():
        return [(base, text)] if text else []
    out: list[tuple[str, str]] = []
    font_now = ""
    buf: list[str] = []
    for ch in text:
        cp = ord(ch)
        if cp in fs.base_cover:
            font, glyph = base, ch
        elif fs.fallback is not None and cp in fs.fallback[2]:
            font, glyph = (fs.fallback[1] if bold else fs.fallback[0]), ch  # brand lacks it
        elif cp in fs.cjk_cover:  # the first such character looks for the CJK font
            font, glyph = CJK, ch
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            continue
        else:
            font, glyph = base, REPLACEMENT
            _missing.add(ch)
        if font != font_now and buf:
            out.append((font_now, "".join(buf)))
            buf = []
        font_now = font
        buf.append(glyph)
    if buf:
        out.append((font_now, "".join(buf)))
    return out


def _char_widths(font_name: str) -> tuple[dict[int, float], float]:
    face = pdfmetrics.getFont(font_name).face
    return face.charWidths, face.defaultWidth


def text_width(text: str, size: float, bold: bool = False) -> float:
    if text.isascii() and text.isprintable():  # one run in the base font (see runs)
        fs = _fonts()
        return float(pdfmetrics.getFont(fs.bold if bold else fs.regular).stringWidth(text, size))
    return float(sum(pdfmetrics.stringWidth(part, font, size) for font, part in runs(text, bold)))


def _prefix_fitting(text: str, width: float, size: float, bold: bool) -> int:
    """Length of the longest prefix of `text` no wider than `width`."""
    used = 0.0
    count = 0
    for font, part in runs(text, bold):
        widths, default = _char_widths(font)
        for ch in part:
            used += widths.get(ord(ch), default) * size / 1000
            if used > width:
                return count
            count += 1
    return count


def fit_text(
    text: str, width: float, size: float, bold: bool = False, whole_words: bool = False
) -> str:
    """`text` shortened with an ellipsis so it is no wider than `width` ("" if nothing fits):
    after its last whole word that fits; a first word too long on its own is cut inside,
    unless `whole_words` (then "": a flag's label can go without)."""
    if width <= 0:
        return ""
    head = text[: int(width / (size * 0.2)) + 2]  # no glyph is narrower than 0.2 em
    if len(head) == len(text) and text_width(text, size, bold) <= width:
        return text
    room = width - text_width(ELLIPSIS, size, bold)
    if room <= 0:
        return ""
    cut = _prefix_fitting(head, room, size, bold)
    words = head[: cut + 1].rsplit(" ", 1)[0].rstrip(" ,;:·-–—(/&+") if cut < len(text) else ""
    if " " in head[: cut + 1] and words:
        return words + ELLIPSIS  # at a word boundary, never inside a word
    if whole_words:
        return ""
    return (head[:cut].rstrip() + ELLIPSIS) if cut else ""


def wrap_text(
    text: str, width: float, size: float, bold: bool = False, max_lines: int | None = None
) -> list[str]:
    """Greedy line breaking at spaces and between CJK characters; long words are cut.

    With `max_lines`, the last line ends in an ellipsis when text is left over.
    """
    if len(text) < 400 and "\n" not in text and text_width(text, size, bold) <= width:
        return [text] if text else []
    lines: list[str] = []
    current = ""
    space_before = False
    limit = max_lines if max_lines is not None else 1 << 30
    space_width = text_width(" ", size, bold)
    current_width = 0.0
    # Every word of a plain ASCII text is measured in the one base font (as text_width would).
    fs = _fonts()
    plain = pdfmetrics.getFont(fs.bold if bold else fs.regular) if text.isascii() else None
    plain = plain if text.isprintable() else None
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token.isspace():
            space_before = bool(current)
            continue
        if len(token) >= 400:
            token_width = width + 1
        elif plain is not None:
            token_width = float(plain.stringWidth(token, size))
        else:
            token_width = text_width(token, size, bold)
        gap = space_width if space_before else 0.0
        space_before = False
        if current and current_width + gap + token_width <= width:
            current += (" " if gap else "") + token
            current_width += gap + token_width
            continue
        if current:
            lines.append(current)
            if len(lines) >= limit:
                return _ellipsise(lines, width, size, bold)
        while token_width > width:
            cut = max(1, _prefix_fitting(token[:2000], width, size, bold))
            lines.append(token[:cut])
            token = token[cut:]
            if len(lines) >= limit:
                return _ellipsise(lines, width, size, bold) if token else lines
            token_width = text_width(token, size, bold) if len(token) < 400 else width + 1
        current, current_width = token, token_width
    if current:
        lines.append(current)
    if len(lines) > limit:
        return _ellipsise(lines[:limit], width, size, bold)
    return lines


def _ellipsise(lines: list[str], width: float, size: float, bold: bool) -> list[str]:
    room = width - text_width(ELLIPSIS, size, bold)
    last = lines[-1]
    lines[-1] = last[: _prefix_fitting(last, room, size, bold)].rstrip() + ELLIPSIS
    return lines


def _escape(text: str) -> str:
    """`xml.sax.saxutils.escape`: & < > as entities (that module imports urllib.request,
    http.client and email: 20 ms of every export's start)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, ending in an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def markup(text: object, limit: int | None = None, single_line: bool = False) -> str:
    """Escaped Paragraph markup for user text, with CJK runs in the CJK font; never raises."""
    value = clean(text, single_line=single_line)
    if limit is not None:
        value = shorten(value, limit)
    parts: list[str] = []
    for line in value.split("\n"):
        pieces = []
        for font, part in runs(line):
            safe = _escape(part)
            pieces.append(f'<font name="{font}">{safe}</font>' if font == CJK else safe)
        parts.append("".join(pieces))
    return "<br/>".join(parts)

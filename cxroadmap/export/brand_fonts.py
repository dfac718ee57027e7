"""The brand kit's font family for the PDF: found by fontconfig, embedded when reportlab can.

reportlab embeds TrueType outlines only. A family that is not installed, or only as
PostScript (CFF) outlines (most .otf files), cannot be embedded: the PDF then keeps its
DejaVu Sans and the log says why.
"""

from __future__ import annotations

import logging
import re

from reportlab.pdfbase.ttfonts import TTFError, TTFont

from cxroadmap.export import fontconfig

log = logging.getLogger("cxroadmap.export.fonts")


def brand_font_files(family: str) -> tuple[str, str] | None:
    """The regular and bold TrueType files of an installed `family`, found by fontconfig;
    None when fontconfig is missing or has no such family (it would offer another)."""
    if not family:
        return None
    files = []
    for style_name in ("Regular", "Bold"):
        out = fontconfig.ask("fc-match", "-f", "%{family}\n%{file}", f"{family}:style={style_name}")
        if out is None:
            return None
        names, _, path = out.partition("\n")
        if family.strip().lower() not in {n.strip().lower() for n in names.split(",")}:
            return None
        files.append(path.strip())
    return files[0], files[1]


def load_brand(family: str) -> tuple[TTFont, TTFont, str] | None:
    """The brand family as two embeddable fonts, or None (logged) when it cannot be: not
    installed, or PostScript (CFF) outlines, which reportlab cannot embed."""
    files = brand_font_files(family)
    if files is None:
        log.warning("brand font %r is not installed: the PDF uses DejaVu Sans", family)
        return None
    tag = re.sub(r"[^A-Za-z0-9]", "", family)[:40] or "Brand"
    try:
        regular = TTFont(f"CxBrand-{tag}", files[0], subfontIndex=0)
        bold = TTFont(f"CxBrand-{tag}-Bold", files[1], subfontIndex=0)
    except (TTFError, OSError, ValueError, KeyError) as exc:
        log.warning("brand font %r (%s) cannot be embedded: %s; the PDF uses DejaVu Sans",
                    family, files[0], exc)  # fmt: skip
        return None
    return regular, bold, files[0]

"""The brand kit of a document: client name, logo, accent and pillar colours, font family."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cxroadmap.domain.errors import ValidationError

_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
MAX_LOGO_BYTES = 2_000_000  # a logo, not a photo album: keeps documents and decks small
_PNG, _JPEG, _GIF = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", (b"GIF87a", b"GIF89a")


@dataclass
class BrandKit:
    """How the deliverables look for one client; empty values mean the app's own look.

    `logo` is the image file's bytes (PNG, JPEG or GIF); `pillar_colours` maps a pillar (its
    key or its label, as the initiatives name it) to a colour; colours are #rrggbb.
    """

    client: str = ""
    logo: bytes = b""
    accent: str = ""
    pillar_colours: dict[str, str] = field(default_factory=dict)
    font: str = ""

    @property
    def is_empty(self) -> bool:
        return self == BrandKit()


def colour_value(value: object, where: str) -> str:
    """`#1f4e79`, `1f4e79` or `#18a` as `#rrggbb`; "" stays "" (the default colour)."""
    text = value.strip() if isinstance(value, str) else None
    if text == "":
        return ""
    match = _HEX.match(text) if text is not None else None
    if match is None:
        raise ValidationError(where, f"expected a colour like #1f4e79, got {value!r}")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits.lower()


def logo_kind(data: bytes) -> str:
    """png, jpeg or gif, from the file's first bytes; "" when empty."""
    if not data:
        return ""
    if data.startswith(_PNG):
        return "png"
    if data.startswith(_JPEG):
        return "jpeg"
    if data.startswith(_GIF):
        return "gif"
    return "unknown"


def check_brand(brand: BrandKit, where: str = "brand") -> BrandKit:
    """The kit with colours normalised; ValidationError naming the field at fault."""
    if len(brand.client) > 200:
        raise ValidationError(f"{where}.client", "at most 200 characters")
    if len(brand.font) > 100:
        raise ValidationError(f"{where}.font", "at most 100 characters")
    if len(brand.logo) > MAX_LOGO_BYTES:
        raise ValidationError(f"{where}.logo", f"at most {MAX_LOGO_BYTES // 1_000_000} MB")
    if logo_kind(brand.logo) == "unknown":
        raise ValidationError(f"{where}.logo", "expected a PNG, JPEG or GIF image")
    colours = {
        str(pillar).strip(): colour_value(value, f"{where}.pillar_colours[{pillar}]")
        for pillar, value in brand.pillar_colours.items()
    }
    return BrandKit(
        brand.client.strip(),
        brand.logo,
        colour_value(brand.accent, f"{where}.accent"),
        {k: v for k, v in colours.items() if k and v},
        brand.font.strip(),
    )


def pillar_colour_of(brand: BrandKit, pillar: str, label: str, default: str) -> str:
    """The kit's colour for a pillar named by key or label (any case), else `default`."""
    wanted = {pillar.strip().lower(), label.strip().lower()}
    for name, colour in brand.pillar_colours.items():
        if name.strip().lower() in wanted:
            return colour
    return default

"""The brand kit and saved views in `cxroadmap/1` JSON: optional `brand` and `views`."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from cxroadmap.domain.brand import BrandKit, check_brand
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.view_filter import check_views, view_from_dict, view_to_dict

BRAND_FIELDS = ("client", "logo", "accent", "pillar_colours", "font")


def brand_to_json(brand: BrandKit) -> dict[str, Any]:
    """Only what is set; the logo as base64 of the image file."""
    out: dict[str, Any] = {}
    if brand.client:
        out["client"] = brand.client
    if brand.logo:
        out["logo"] = base64.b64encode(brand.logo).decode("ascii")
    if brand.accent:
        out["accent"] = brand.accent
    if brand.pillar_colours:
        out["pillar_colours"] = dict(brand.pillar_colours)
    if brand.font:
        out["font"] = brand.font
    return out


def brand_from_json(value: object, where: str = "brand") -> BrandKit:
    if not isinstance(value, dict):
        raise ValidationError(where, "expected an object")
    unknown = sorted(set(value) - set(BRAND_FIELDS))
    if unknown:
        raise ValidationError(f"{where}.{unknown[0]}", "unknown field")
    texts = {}
    for name in ("client", "accent", "font"):
        text = value.get(name, "")
        if not isinstance(text, str):
            raise ValidationError(f"{where}.{name}", f"expected a text, got {text!r}")
        texts[name] = text
    logo = b""
    if value.get("logo"):
        encoded = value["logo"]
        try:
            logo = base64.b64decode(str(encoded), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValidationError(f"{where}.logo", "expected the image file in base64") from exc
    colours = value.get("pillar_colours", {})
    if not isinstance(colours, dict) or not all(isinstance(v, str) for v in colours.values()):
        raise ValidationError(f"{where}.pillar_colours", "expected an object of colours")
    kit = BrandKit(texts["client"], logo, texts["accent"], dict(colours), texts["font"])
    return check_brand(kit, where)


def cx_brand_to_json(strategy: Strategy, node: dict[str, Any]) -> None:
    """Add `brand` and `views` to a strategy's JSON node when it has them."""
    brand = brand_to_json(strategy.brand)
    if brand:
        node["brand"] = brand
    if strategy.views:
        node["views"] = [view_to_dict(v) for v in strategy.views]


def cx_brand_from_json(data: dict[str, Any], strategy: Strategy) -> None:
    """Read `brand` and `views` of a strategy's JSON node into `strategy`."""
    if data.get("brand") is not None:
        strategy.brand = brand_from_json(data["brand"])
    views = data.get("views")
    if views is not None:
        if not isinstance(views, list):
            raise ValidationError("views", "expected a list")
        strategy.views = check_views(
            [view_from_dict(item, f"views[{i}]") for i, item in enumerate(views)]
        )

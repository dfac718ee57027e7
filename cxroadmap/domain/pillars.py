"""The default pillars of the customer-experience ecosystem, with one colour each.

The colours are the single palette shared by the PDF and the app's views.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Pillar:
    key: str
    label: str
    colour: str  # #rrggbb
    summary: str


DEFAULT_PILLARS: tuple[Pillar, ...] = (
    Pillar(
        "leadership", "Leadership", "#1f4e79", "Leaders who empower their people towards a vision."
    ),
    Pillar(
        "vision", "Vision and values", "#6a3d9a", "A defined vision, mission and values: the why."
    ),
    Pillar(
        "empowerment", "Empowerment", "#00897b", "People trusted and equipped to act for customers."
    ),
    Pillar(
        "recognition",
        "Recognition and rewards",
        "#f9a825",
        "Recognition, rewards and benefits that reinforce the standards.",
    ),
    Pillar("recruitment", "Recruitment and selection", "#c2185b", "Hiring for a service mindset."),
    Pillar("training", "Training", "#2e7d32", "Ongoing training: context, content and buy-in."),
    Pillar(
        "performance",
        "Performance management",
        "#e65100",
        "Standards, measures and feedback that keep the culture alive.",
    ),
    Pillar("retention", "Retention", "#5d4037", "Keeping the people who deliver the experience."),
    Pillar(
        "touchpoints",
        "Touchpoints and process",
        "#0277bd",
        "The moments of truth and the processes behind them.",
    ),
    Pillar("measurement", "Measurement", "#546e7a", "Standards and measures for each touchpoint."),
)

# Colours for free-text pillars, picked by a stable hash so a custom pillar keeps its colour.
EXTRA_COLOURS = ("#8e24aa", "#3949ab", "#43a047", "#fb8c00", "#6d4c41", "#00acc1", "#d81b60")

_BY_NAME = {p.key: p for p in DEFAULT_PILLARS} | {p.label.lower(): p for p in DEFAULT_PILLARS}
_ALIASES = {
    "vision and values": "vision",
    "vision & values": "vision",
    "recognition and rewards": "recognition",
    "rewards": "recognition",
    "recruitment and selection": "recruitment",
    "performance management": "performance",
    "touchpoints and process": "touchpoints",
    "process": "touchpoints",
    "measures": "measurement",
}


# The brand kit's pillar colours (by lower-case key or label) for what is being drawn now:
# set around an export, or for the open document in the app (one context per thread).
_BRAND_COLOURS: ContextVar[Mapping[str, str] | None] = ContextVar("brand_colours", default=None)


def use_brand_colours(colours: Mapping[str, str]) -> None:
    """Draw pillars in `colours` (pillar key or label -> #rrggbb) from now on."""
    _BRAND_COLOURS.set({k.strip().lower(): v for k, v in colours.items()})


@contextmanager
def brand_colours(colours: Mapping[str, str]) -> Iterator[None]:
    """Pillars in `colours` while the block runs (an export with a client's brand kit)."""
    token = _BRAND_COLOURS.set({k.strip().lower(): v for k, v in colours.items()})
    try:
        yield
    finally:
        _BRAND_COLOURS.reset(token)


def find_pillar(text: str) -> Pillar | None:
    """The default pillar that `text` names (key, label or common alias), if any."""
    name = text.strip().lower()
    name = _ALIASES.get(name, name)
    return _BY_NAME.get(name)


def pillar_label(text: str) -> str:
    """Display label: the default pillar's label, or the free text itself ("Other" if blank)."""
    pillar = find_pillar(text)
    if pillar is not None:
        return pillar.label
    return text.strip() or "Other"


def pillar_colour(text: str) -> str:
    """Colour of a pillar: the brand kit's if it names one, else the default pillar's; custom
    pillars get a stable colour from the extra palette."""
    pillar = find_pillar(text)
    branded = _BRAND_COLOURS.get()
    if branded:
        for name in (text.strip().lower(), *((pillar.key, pillar.label.lower()) if pillar else ())):
            if name in branded:
                return branded[name]
    if pillar is not None:
        return pillar.colour
    name = text.strip().lower()
    if not name:
        return "#9e9e9e"
    return EXTRA_COLOURS[sum(name.encode("utf-8")) % len(EXTRA_COLOURS)]


def pillar_order(text: str) -> int:
    """Sort position: default pillars in ecosystem order, custom ones after them."""
    pillar = find_pillar(text)
    return DEFAULT_PILLARS.index(pillar) if pillar is not None else len(DEFAULT_PILLARS)

"""The roadmap's shared look (colours, tints, sizes) for the PDF and the app's views: pure data."""

from __future__ import annotations

# Pillar colours live in cxroadmap.domain.pillars; everything else that both the PDF and the
# Qt views draw is here, as #rrggbb strings and numbers (points), so the two never drift apart.

ACCENT = "#12355b"
INK = "#1d2733"
MUTED = "#5f6b7a"
FAINT = "#97a3b1"
RULE = "#d5dbe3"
GRID = "#e3e8ee"
PAPER = "#ffffff"
LANE_TINT = "#f6f8fa"
ZEBRA = "#f4f6f9"

# Phase bands cycle through these (band fill, label text).
PHASE_TINTS = ("#e6f0fa", "#e9f5ea", "#fbf1e2", "#f1eaf8", "#fde9ee", "#e4f4f4")
PHASE_INKS = ("#1f4e79", "#2e6b31", "#8a5200", "#5b3a86", "#9c2549", "#1f6b6b")

CRITICAL = "#c8102e"
DEPENDENCY = "#9aa5b1"
TODAY = "#2b2d42"
STATUS_DATE = "#d35400"  # the line progress is reported up to (tracking.md status_date)
DROPPED = "#b8bec6"
# Tracking: a measure on/off its line, and RAG status (red, amber, green).
ON_TRACK = "#2e7d32"
OFF_TRACK = "#c62828"
RAG_COLOURS = {"red": "#c62828", "amber": "#ef8f00", "green": "#2e7d32"}


def track_colour(on_track: bool | None) -> str:
    """Green on track, red off track, grey when there is no verdict."""
    return MUTED if on_track is None else ON_TRACK if on_track else OFF_TRACK


IDEA_TINT = 0.45  # share of the pillar colour kept for "idea" bars (rest is white)

# Sizes in points.
ROW_HEIGHT = 15.0
BAR_HEIGHT = 10.0
BAR_RADIUS = 2.0
LANE_GAP = 5.0
# Smallest rows used (instead of splitting) when they keep a roadmap on one page.
ROW_HEIGHT_COMPACT = 11.5
LANE_GAP_COMPACT = 3.0
LABEL_SIZE_COMPACT = 6.5
LABEL_SIZE = 7.0
AXIS_SIZE = 7.0
LANE_LABEL_SIZE = 7.5
LEGEND_SIZE = 7.0
TABLE_SIZE = 7.5
HEADER_SIZE = 8.0
HEADING_SIZE = 16.0
COVER_TITLE_SIZE = 30.0


def phase_tint(index: int) -> str:
    return PHASE_TINTS[index % len(PHASE_TINTS)]


def phase_ink(index: int) -> str:
    return PHASE_INKS[index % len(PHASE_INKS)]


def hex_rgb(colour: str) -> tuple[float, float, float]:
    """`#rrggbb` as 0..1 floats."""
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def is_dark(colour: str) -> bool:
    """Whether white text reads better than dark text on `colour` (WCAG relative luminance)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in hex_rgb(colour))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # Contrast with white (1.05 / (L + 0.05)) beats contrast with INK-ish black above ~0.18.
    return luminance < 0.2


def mix(colour: str, share: float, other: str = PAPER) -> str:
    """`share` of `colour` blended with `other` (default white), as #rrggbb."""
    a, b = hex_rgb(colour), hex_rgb(other)
    parts = (round(255 * (share * x + (1 - share) * y)) for x, y in zip(a, b, strict=True))
    return "#" + "".join(f"{p:02x}" for p in parts)


def status_fill(colour: str, status: str) -> str:
    """The fill of a bar, card or node in `colour` (its pillar's) for an initiative's status:
    grey when dropped, pale while an idea. The PDF, PowerPoint and the app all use it."""
    if status == "dropped":
        return DROPPED
    if status == "idea":
        return mix(colour, IDEA_TINT)
    return colour


# Touchpoint gaps 1 (small) .. 5 (painful): the PDF's scale and the app's matrix share them.
GAP_COLOURS = ("#5b9a68", "#9bbf5a", "#e0b431", "#e07b2a", "#c8102e")
COVERED = "#2e6b31"
UNCOVERED = "#fde9ee"
MEASURE = "#6a3d9a"
LATE = "#c8102e"


def gap_colour(gap: int) -> str:
    return GAP_COLOURS[max(1, min(5, int(gap))) - 1]

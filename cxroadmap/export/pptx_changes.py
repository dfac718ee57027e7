"""The deck's "What changed since …" slide: the plan against the chosen baseline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxroadmap.domain.model import Strategy
from cxroadmap.export.fonts import clean
from cxroadmap.export.pptx_tables import _paged as paged
from cxroadmap.scheduling.changes import what_changed
from cxroadmap.scheduling.result import Schedule

if TYPE_CHECKING:
    from cxroadmap.export.pptx_deck import Deck

HEADERS = ["Change", "Key", "Initiative", "Was", "Now", "Why"]


def changes_slides(deck: Deck, strategy: Strategy, schedule: Schedule) -> int:
    """One table of every change (split over slides when long); none without a baseline."""
    changes = what_changed(strategy, schedule)
    if changes is None:
        return 0
    rows = [
        [
            f"Slipped {s.days:+d}d",
            s.key,
            clean(s.title),
            s.was.isoformat(),
            s.now.isoformat(),
            s.reason,
        ]
        for s in changes.slips
    ]
    rows += [["Added", k, clean(t), "", f"{a} – {b}", ""] for k, t, a, b in changes.added]
    rows += [["Removed", k, "", f"{a} – {b}", "", ""] for k, a, b in changes.removed]
    rows += [["Moved phase", k, clean(t), a, b, ""] for k, t, a, b in changes.moved]
    if not rows:
        rows = [["No change", "", "", "", "", ""]]
    title = f"What changed since {clean(changes.name)}"
    return paged(
        deck,
        title,
        changes.summary,
        HEADERS,
        rows,
        (12, 8, 26, 11, 11, 32),
        note=changes.finish_line,
    )

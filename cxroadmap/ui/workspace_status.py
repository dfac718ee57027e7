"""What the status bar says about a workspace copy: synced when, changes waiting, offline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SyncState:
    """A workspace copy's sync state as the status bar shows it."""

    synced_at: str | None
    pending: int
    conflicts: int
    offline: bool = False


def ago(stamp: str | None, now: dt.datetime | None = None) -> str:
    """`2026-12-06T09:00:00Z` -> "2 min ago" ("just now" under a minute)."""
    if not stamp:
        return "never"
    then = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    seconds = ((now or dt.datetime.now(dt.UTC)) - then).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return f"on {then:%d %b %Y}"


def status_text(state: SyncState, now: dt.datetime | None = None) -> str:
    """ "synced 2 min ago", "3 changes not synced", "offline", plus conflicts waiting."""
    if state.pending:
        text = f"{state.pending} change{'s' if state.pending != 1 else ''} not synced"
    else:
        text = "synced " + ago(state.synced_at, now) if state.synced_at else "not synced yet"
    if state.offline:
        text = f"offline · {text}" if state.pending else "offline"
    if state.conflicts:
        text += f" · {state.conflicts} conflict{'s' if state.conflicts != 1 else ''}"
    return text

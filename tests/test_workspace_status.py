"""The status bar's words for a workspace copy, exactly as issue 13 puts them."""

import datetime as dt

import pytest

from cxroadmap.ui.workspace_status import SyncState, status_text

NOW = dt.datetime(2026, 12, 6, 9, 2, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("state", "text"),
    [
        (SyncState("2026-12-06T09:00:00Z", 0, 0), "synced 2 min ago"),
        (SyncState("2026-12-06T09:02:00Z", 0, 0), "synced just now"),
        (SyncState("2026-12-06T06:30:00Z", 0, 0), "synced 2 h ago"),
        (SyncState("2026-12-01T09:00:00Z", 0, 0), "synced on 01 Dec 2026"),
        (SyncState("2026-12-06T09:00:00Z", 3, 0), "3 changes not synced"),
        (SyncState("2026-12-06T09:00:00Z", 1, 0), "1 change not synced"),
        (SyncState("2026-12-06T09:00:00Z", 0, 0, offline=True), "offline"),
        (SyncState("2026-12-06T09:00:00Z", 3, 0, offline=True), "offline · 3 changes not synced"),
        (SyncState("2026-12-06T09:00:00Z", 0, 2), "synced 2 min ago · 2 conflicts"),
        (SyncState(None, 0, 0), "not synced yet"),
    ],
)
def test_status_text(state, text):
    assert status_text(state, NOW) == text

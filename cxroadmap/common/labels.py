"""How statuses and levels read to people: one wording for the app, the PDF and every export."""

from __future__ import annotations

# In the order the app lists them (idea first, dropped last).
STATUS_LABELS = {
    "idea": "Idea",
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}
LEVEL_LABELS = {
    "team": "Team",
    "department": "Department",
    "organisation": "Organisation",
}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.replace("_", " ").capitalize())


def level_label(level: str) -> str:
    return LEVEL_LABELS.get(level, level.capitalize())

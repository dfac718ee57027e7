"""The words people read for coded values (statuses, levels, months): one wording everywhere."""

from __future__ import annotations

STATUS_LABELS = {
    "idea": "Idea",
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}
# Dates read the same in the app and the PDF (English, like the rest of the interface).
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
LEVEL_LABELS = {"team": "Team", "department": "Department", "organisation": "Organisation"}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.replace("_", " ").capitalize())


def level_label(level: str) -> str:
    return LEVEL_LABELS.get(level, level.capitalize())


def status_of_label(text: str) -> str | None:
    """The status code of a code or label in any case ("In progress", "in_progress")."""
    wanted = " ".join(text.replace("_", " ").split()).lower()
    for code, label in STATUS_LABELS.items():
        if wanted in (label.lower(), code.replace("_", " ")):
            return code
    return None

"""Give a widget its object name in one expression, typed (PySide6's stubs lack the keyword)."""

from typing import TypeVar

from PySide6.QtCore import QObject

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """Return `widget` with its objectName set: tests and wiring find widgets by this name."""
    widget.setObjectName(name)
    return widget

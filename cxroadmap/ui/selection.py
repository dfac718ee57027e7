"""The one selection (initiative keys) shared by the table, inspector and every roadmap view."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Selected initiative keys, in selection order; `changed(keys, source)` after each change.

    `source` is whoever made the change (a view passes itself), so a view can ignore the echo
    of its own selection instead of fighting over it.
    """

    changed = Signal(list, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: list[str] = []

    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    @property
    def current(self) -> str | None:
        """The most recently selected key (what the inspector shows)."""
        return self._keys[-1] if self._keys else None

    def set_keys(self, keys: Iterable[str], source: object = None) -> None:
        new = list(dict.fromkeys(keys))
        if new == self._keys:
            return
        self._keys = new
        self.changed.emit(list(new), source)

    def clear(self, source: object = None) -> None:
        self.set_keys([], source)

    def forget(self, keys: Iterable[str], source: object = None) -> None:
        """Drop keys that no longer exist (after a removal)."""
        gone = set(keys)
        if gone & set(self._keys):
            self.set_keys([k for k in self._keys if k not in gone], source)

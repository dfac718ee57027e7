"""Typed access to the app's QSettings: recent files, the last file, window geometry and state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


def _as_list(value: object) -> list[str]:
    # QSettings hands back a bare string for a one-item list in INI files.
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


class AppSettings:
    """The app's remembered state; pass a QSettings (e.g. an INI file) to keep tests apart."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings("cxroadmap", "cxroadmap")

    def recent_files(self) -> list[Path]:
        return [Path(p) for p in _as_list(self.store.value("files/recent"))]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        paths = [path, *(p for p in self.recent_files() if p != path)][:MAX_RECENT]
        self.store.setValue("files/recent", [str(p) for p in paths])

    def remove_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        self.store.setValue("files/recent", [str(p) for p in self.recent_files() if p != path])

    def last_file(self) -> Path | None:
        value = self.store.value("files/last")
        return Path(str(value)) if value else None

    def set_last_file(self, path: Path | None) -> None:
        self.store.setValue("files/last", str(Path(path).resolve()) if path else "")

    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, data: QByteArray) -> None:
        self.store.setValue("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, data: QByteArray) -> None:
        self.store.setValue("window/state", data)

    def table_state(self) -> QByteArray | None:
        """Column widths, order and sorting of the initiatives table."""
        value = self.store.value("window/table")
        return value if isinstance(value, QByteArray) else None

    def set_table_state(self, data: QByteArray) -> None:
        self.store.setValue("window/table", data)

    def pdf_options(self) -> dict[str, Any]:
        """The PDF options chosen last time (page, portrait, fit, title, logo)."""
        value = self.store.value("export/pdf")
        if not isinstance(value, str) or not value:
            return {}
        try:
            data = json.loads(value)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def set_pdf_options(self, options: dict[str, Any]) -> None:
        # Stored as JSON text: INI files would turn booleans into strings.
        self.store.setValue("export/pdf", json.dumps(options))

    def sync(self) -> None:
        self.store.sync()
